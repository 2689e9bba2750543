"""A finished review as the journal shows it: the changes step by step, with their notes,
and the closing answers. Everything written is shown as text, never as markup."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from textual.content import Content

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import Review
from aspire_tui.domain.review import (
    ASPIRATION,
    CLOSING,
    DRIVERS,
    GOAL,
    LOOK_BACK,
    step_parts,
    undone_drop,
)
from aspire_tui.presentation.review_actions import ACTION_WORDS
from aspire_tui.ui.render import (
    heading,
    literal,
    one_line,
    paragraph,
    plain,
    with_dates_shown,
)

Part = Content | str | tuple[str, str]
DRIVERS_TITLE = "Drivers profile"
GONE_TITLE = "(no longer there)"
KINDS = {GOAL: "Goal", LOOK_BACK: "Look back", ASPIRATION: "Aspiration", DRIVERS: "Drivers"}


def review_summary(review: Review) -> str:
    """One line for the journal list: "2 changes, 1 note · next: Book the exam"."""
    changed, noted = len(review.changes), len(review.notes)
    said = [f"{changed} change{'s' if changed != 1 else ''}"] if changed else []
    said += [f"{noted} note{'s' if noted != 1 else ''}"] if noted else []
    head = ", ".join(said) or "all on course"
    return f"{head} · next: {review.next_step}" if review.next_step else head


def describe_review(
    review: Review,
    titles: Mapping[str, str],
    dates: DateFormat,
    working: Collection[str] | None = None,
) -> Content:
    """`titles`: record uid -> title now, for steps where nothing was changed (a change keeps
    the title as it was); `working`: the goals there and not dropped, to tell a goal dropped
    then taken back up (all in `titles`, if not given)."""
    working = titles.keys() if working is None else working
    day = review.finished or review.started
    parts: list[Part] = [heading(f"Review of {dates.long(day)}"), "  ", ("#review", "$text-accent")]
    parts.append("\n\n")
    for key in review.plan:
        kind, uid = step_parts(key)
        if kind == CLOSING:
            continue
        changes = [c for c in review.changes if c.step == key]
        note = review.notes.get(key, "")
        if not changes and not note:
            continue
        if changes or uid in titles:
            title = changes[0].title if changes else titles[uid]
            own = kind == DRIVERS and title == DRIVERS_TITLE
        else:
            title, own = (DRIVERS_TITLE if kind == DRIVERS else GONE_TITLE), True
        shown = literal if own else plain  # Aspire's own words are not masked
        parts += [(f"{KINDS.get(kind, kind)}: ", "dim"), shown(one_line(title, 80), "bold"), "\n"]
        for change in changes:
            if undone_drop(change, working):
                parts += ["  ↺ ", ("Dropped, then put back", "$text-warning"), "\n"]
                continue
            parts += ["  ✓ ", (ACTION_WORDS[change.action], "$text-success")]
            if change.detail:
                parts += [": ", plain(with_dates_shown(change.detail, dates))]
            parts.append("\n")
        if note:
            parts += ["  ", plain(note, "italic"), "\n"]
        parts.append("\n")
    if not review.changes and not review.notes:
        parts += [("Nothing changed: everything stayed on course.", "dim italic"), "\n\n"]
    parts += [
        paragraph("What went well", review.went_well),
        "\n",
        paragraph("What I will change", review.will_change),
        "\n",
        paragraph("The one thing I will do next", review.next_step),
    ]
    return Content.assemble(*parts)
