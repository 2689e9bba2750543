"""Build what screens show from records, treating every piece of user text as plain data.

User text never passes through markup: it goes into `Content` as-is, after control characters
(ANSI escapes included) are swapped for their visible Unicode pictures so that nothing a person
typed or pasted can drive the terminal.
"""

from __future__ import annotations

import re
from datetime import date

from textual.content import Content

from aspire_tui.domain.models import Goal
from aspire_tui.domain.progress import GoalProgress, format_amount

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def safe(text: str) -> str:
    """Text fit for the screen: newlines and tabs kept, other control characters shown."""
    return _CONTROL.sub(_picture, text)


def plain(text: str, style: str = "") -> Content:
    """User text as content that is never parsed as markup."""
    return Content.styled(safe(text), style) if style else Content(safe(text))


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def progress_bar(fraction: float, width: int = 16) -> Content:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    style = "$success" if fraction >= 1 else "$accent"
    return Content.assemble(("█" * filled, style), ("░" * (width - filled), "dim"))


def _unit(goal: Goal) -> str:
    return f" {one_line(goal.target.unit, 40)}" if goal.target.unit else ""


def target_text(goal: Goal) -> str:
    if goal.target.done_only:
        return "done / not done"
    unit = _unit(goal)
    return f"{format_amount(goal.target.amount)}{unit}"


def progress_text(goal: Goal, progress: GoalProgress) -> str:
    if goal.target.done_only:
        return "done" if progress.achieved else "not done yet"
    unit = _unit(goal)
    return f"{format_amount(progress.done)} of {format_amount(goal.target.amount)}{unit}"


def long_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def heading(text: str) -> Content:
    return Content.styled(text, "bold $text-accent")


def paragraph(label: str, text: str, empty: str = "—") -> Content:
    """A labelled block of user text for a detail pane."""
    body = plain(text) if text.strip() else Content.styled(empty, "dim italic")
    return Content.assemble((label, "bold"), "\n", body, "\n")
