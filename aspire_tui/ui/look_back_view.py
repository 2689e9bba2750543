"""A decision come back: the line Home invites with, and what the look back shows (what was
written at the time, where the aspiration stands now, how the drivers moved since), shared
by Home's dialog and the review's step."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from textual.content import Content

from aspire_tui.domain.assessment import SHORT_NAMES, questionnaire, score
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.decisions import (
    decided_what,
    drivers_moved,
    profiles_around,
)
from aspire_tui.domain.ladder import last_set_aside
from aspire_tui.domain.models import Aspiration, Assessment, Reflection
from aspire_tui.domain.models import Move as MoveKind
from aspire_tui.ui.render import heading, one_line, plain

Part = Content | str | tuple[str, str]


def decided_phrase(decision: Reflection) -> str:
    """ "you decided to step down a level", or "you made a decision" for a note since
    rewritten in other words."""
    what = decided_what(decision)
    return f"you decided to {what}" if what else "you made a decision"


def what_was_decided(decision: Reflection, today: date, dates: DateFormat) -> str:
    """ "you decided to step down a level on 6 Sep" """
    return f"{decided_phrase(decision)} on {dates.in_sentence(decision.on, today)}"


def invitation(due: Sequence[Reflection], today: date, key: str, dates: DateFormat) -> str:
    """Home's line for the oldest decision due to be looked back on; the others counted."""
    line = f"Look back: {what_was_decided(due[0], today, dates)}. How did it go? ({key})"
    return f"{line} · and {len(due) - 1} more" if len(due) > 1 else line


def standing_now(a: Aspiration) -> Content:
    """ "now on level 2/5: Manage a team", and paused, archived or let go: only the level's
    name is the person's own."""
    ladder = a.ladder
    said = Content.assemble(
        f"now on level {ladder.position()}: ", plain(one_line(ladder.current, 80))
    )
    if not a.active:
        event = last_set_aside(ladder)
        gone = " · let go" if event and event.move is MoveKind.LET_GO else " · archived"
        return Content.assemble(said, gone)
    return Content.assemble(said, " · paused" if ladder.paused else "")


COLUMNS_ROOM = 70
"""Characters a look-back dialog has for the drivers' lines at 80 columns."""


def drivers_since(assessments: Sequence[Assessment], decided_on: date, columns: int = 1) -> Content:
    """The drivers that moved by half a point or more since the decision, in words, in
    up to `columns` side by side (a dialog has room for two short ones, a detail pane for
    one)."""
    then, now = profiles_around(assessments, decided_on)
    if then is None:
        return Content.styled("No drivers profile from before the decision to compare.", "dim")
    if now is None:
        return Content.styled("No drivers profile taken since: t on Reflect takes it again.", "dim")
    statements = questionnaire().statements
    moved = drivers_moved(score(then, statements), score(now, statements))
    if not moved:
        return Content("None has moved by half a point or more.")
    said = [f"{SHORT_NAMES[d]} {before:.1f} → {after:.1f}" for d, before, after in moved]
    width = max(len(item) for item in said) + 3
    if width * columns > COLUMNS_ROOM:
        columns = 1  # drivers are named in words: two columns only when they fit side by side
    rows = [said[i : i + columns] for i in range(0, len(said), columns)]
    return Content("\n".join("".join(f"{item:<{width}}" for item in row).rstrip() for row in rows))


def describe_look_back(
    decision: Reflection,
    aspiration: Aspiration | None,
    assessments: Sequence[Assessment],
    columns: int = 1,
    *,
    dates: DateFormat,
) -> Content:
    """What was written at the time, where the aspiration stands now, the drivers since."""
    parts: list[Part] = [
        heading(f"On {dates.long(decision.on)}, {decided_phrase(decision)}."),
        "\n",
    ]
    if aspiration is not None:
        parts += [
            plain(one_line(aspiration.title, 120), "bold"),
            ("  ·  ", "dim"),
            standing_now(aspiration),
            "\n",
        ]
    parts += [
        ("What you wrote then", "bold"),
        "\n",
        plain(decision.note) if decision.note.strip() else ("nothing written", "dim italic"),
        "\n",
        ("Your drivers since", "bold"),
        "\n",
        drivers_since(assessments, decision.on, columns),
    ]
    return Content.assemble(*parts)


# In the journal -----------------------------------------------------------------------------


def answers_by_decision(entries: Iterable[Reflection]) -> dict[str, Reflection]:
    """Each decision's uid -> the newest look back that answers it."""
    found: dict[str, Reflection] = {}
    for e in sorted(entries, key=lambda e: (e.on, e.id or 0)):
        if e.follows:
            found[e.follows] = e
    return found


def journal_line(
    entry: Reflection,
    decisions: Mapping[str, Reflection],
    answers: Mapping[str, Reflection],
    today: date,
    dates: DateFormat,
) -> str:
    """What a journal row adds for a decision or a look back: "look back on 6 Mar",
    "looked back on 2 Nov", "answers the decision of 1 Aug"; "" for any other entry."""
    if entry.look_back is not None:
        answer = answers.get(entry.uid)
        if answer is not None:
            return f"looked back on {dates.in_sentence(answer.on, today)}"
        return f"look back on {dates.in_sentence(entry.look_back, today)}"
    if entry.follows:
        decision = decisions.get(entry.follows)
        if decision is None:
            return "answers a decision no longer in the journal"
        return f"answers the decision of {dates.in_sentence(decision.on, today)}"
    return ""


def journal_link(
    entry: Reflection,
    decision: Reflection | None,
    answer: Reflection | None,
    dates: DateFormat,
) -> Content:
    """The same, in the entry's detail: when to look back, or the look back with its answer;
    for a look back, the decision it answers. Empty for any other entry."""
    if entry.look_back is not None and answer is not None:
        return Content.assemble(
            (f"Looked back on {dates.long(answer.on)}: ", "bold"),
            plain(one_line(answer.note, 200), "italic"),
        )
    if entry.look_back is not None:
        return Content.styled(f"Look back on {dates.long(entry.look_back)}", "bold")
    if entry.follows and decision is None:
        return Content.styled("Answers a decision no longer in the journal", "dim")
    if entry.follows and decision is not None:
        what = decided_what(decision)
        said = f"Answers your decision of {dates.long(decision.on)}"
        return Content.styled(f"{said} to {what}" if what else said, "bold")
    return Content("")
