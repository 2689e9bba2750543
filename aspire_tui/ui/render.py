"""Build what screens show from records, treating every piece of user text as plain data.

User text never passes through markup: it goes into `Content` as-is, after `safe()` has
swapped control characters for their visible pictures.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import Goal, Target
from aspire_tui.domain.progress import format_amount
from aspire_tui.presentation.measure import amount_text, progress_text, target_text
from aspire_tui.presentation.text import one_line, safe
from aspire_tui.ui.privacy_mask import personal, with_personal

__all__ = [
    "amount_text",
    "personal",
    "with_personal",
    "one_line",
    "progress_text",
    "safe",
    "target_text",
]


def wrapped(text: str, width: int, indent: str = "") -> str:
    """Text broken at spaces into lines of at most `width` characters, indent included: for a
    list row a person must read whole, where `one_line` would cut it with …."""
    lines = textwrap.wrap(
        safe(text), max(10, width), initial_indent=indent, subsequent_indent=indent
    )
    return "\n".join(lines) or indent


def plain(text: str, style: str = "") -> Content:
    """User text as content that is never parsed as markup, and that the privacy mask hides
    (every piece of user text on screen goes through here or `personal`)."""
    return personal(text, style)


def literal(text: str, style: str = "") -> Content:
    """Text that is not the person's own writing but must not be read as markup either (a
    file's path, a message from the system): shown as it is, even with the mask on."""
    return Content.styled(safe(text), style) if style else Content(safe(text))


HEADING = "bold $text-accent"


def progress_bar(fraction: float, width: int = 16) -> Content:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    style = "$success" if fraction >= 1 else "$accent"
    return Content.assemble(("█" * filled, style), ("░" * (width - filled), "dim"))


def measured(text: str, goal: Goal, style: str = "") -> Content:
    """A target, progress or check-in in words, with the goal's unit and milestones (the
    person's words) marked for the mask and the numbers left readable."""
    names = [one_line(m, 60) for m in goal.target.milestones]
    return with_personal(text, one_line(goal.target.unit, 40), *names, style=style)


def target_field_text(target: Target) -> str:
    """A number target as a person would type it into a form: "3 certifications", or empty."""
    if target.done_only or target.milestones:
        return ""
    return f"{format_amount(target.amount)} {target.unit}".strip()


def dates_of(node: Any) -> DateFormat:
    """The date format the person chose, held by the app a widget or screen belongs to (an
    app that is not Aspire's, in a test, shows ISO dates)."""
    return getattr(node.app, "date_format", DateFormat.ISO)


def heading(text: str) -> Content:
    """A heading of Aspire's own ("Where you stand"); a title the person wrote is
    `plain(title, HEADING)`."""
    return Content.styled(text, HEADING)


def paragraph(label: str, text: str, empty: str = "—") -> Content:
    """A labelled block of user text for a detail pane."""
    body = plain(text) if text.strip() else Content.styled(empty, "dim italic")
    return Content.assemble((label, "bold"), "\n", body, "\n")


def key_of(app: Any, bindings: Iterable[object], binding_id: str) -> str:
    """How the binding with this id is shown, remapped by the settings file's [keys] if it
    was (for labels that name a key: buttons, the nav bar, hints)."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id == binding_id:
            binding = binding.with_key(binding.key.split(",")[0], binding.key_display)
            key_for = getattr(app, "key_for", None)
            shown = str(key_for(binding) if key_for else app.get_key_display(binding))
            return "ctrl+" + shown[1:] if shown.startswith("^") and len(shown) > 1 else shown
    return ""


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def with_dates_shown(text: str, dates: DateFormat) -> str:
    """Stored text that names days (kept as 2026-11-27 on disk) with them as the settings'
    date format shows them."""

    def one(match: re.Match[str]) -> str:
        try:
            return dates.short(date(*(int(part) for part in match.groups())))
        except ValueError:
            return match.group(0)

    return _ISO_DAY.sub(one, text)
