"""Decisions that come back: a reevaluation's move or a choice between directions is kept in
the journal with a day to look back on it, so that the person asks later how it went."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date

from aspire_tui.domain.assessment import DriverScore, changes
from aspire_tui.domain.models import Assessment, Driver, Reflection
from aspire_tui.domain.validation import ValidationError, parse_date

LOOK_BACK_MONTHS = 3
DECISION_TAG = "decision"
LOOK_BACK_TAG = "look back"


def months_later(day: date, months: int = LOOK_BACK_MONTHS) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_look_backs(entries: Iterable[Reflection], today: date) -> list[Reflection]:
    """Decisions whose look-back day has come and that no look back answers yet, oldest
    first."""
    entries = list(entries)
    answered = {e.follows for e in entries if e.follows}
    due = [
        e
        for e in entries
        if e.look_back is not None and e.look_back <= today and e.uid not in answered
    ]
    return sorted(due, key=lambda e: (e.look_back, e.on))


LOOK_BACK_PROMPT = "How did it go?"
MOVED_ENOUGH = 0.5
"""How far a driver's score must move (on the 1-6 scale) to be named in a look back."""


def check_look_back(day: date, today: date) -> date:
    """A look back is a day to come: asking today how a decision made today went says nothing."""
    if day <= today:
        raise ValidationError(
            f"Look back on a day after today ({today.isoformat()}): it is when you will ask "
            "how the decision went."
        )
    return day


def parse_look_back(text: str, today: date) -> date:
    """The day to look back on a decision, as typed: a real date after today."""
    return check_look_back(parse_date(text, "Look back on"), today)


def decided_line(decided: str, reason: str) -> str:
    """ "Decided: step down a level. Why: Too many meetings": Aspire's words lowered to run on
    in the sentence, the person's reason quoted as they wrote it, capital and all."""
    what = decided[:1].lower() + decided[1:]  # "Step down a level"; a title keeps its case
    return f"Decided: {what}" + (f". Why: {reason}" if reason else ".")


def decision_entry(
    on: date,
    aspiration_id: int | None,
    decided: str,
    reason: str,
    look_back: date,
    thoughts: Iterable[str] = (),
    tags: tuple[str, ...] = (DECISION_TAG,),
    prompt: str = "",
) -> Reflection:
    """The journal entry a decision leaves: what was decided and why, in plain words
    ("Decided: step down a level. Why: …"), and the day to look back on it."""
    note = "\n\n".join([*(t for t in thoughts if t), decided_line(decided, reason)])
    return Reflection(
        on=on,
        note=note,
        prompt=prompt,
        tags=tags if DECISION_TAG in tags else (*tags, DECISION_TAG),
        aspiration_id=aspiration_id,
        look_back=look_back,
    )


def decided_what(entry: Reflection) -> str:
    """What a decision entry says was decided ("step down a level"), or "" if its note no
    longer says it in Aspire's words."""
    for paragraph in reversed(entry.note.split("\n\n")):
        if paragraph.startswith("Decided: "):
            what = paragraph.removeprefix("Decided: ").split(". Why: ", 1)[0]
            what = what.split(", because ", 1)[0]  # how entries were worded before
            return what.rstrip(".").strip()
    return ""


def look_back_entry(decision: Reflection, on: date, answer: str) -> Reflection:
    """The answer to "how did it go?", linked to the decision and its aspiration."""
    return Reflection(
        on=on,
        note=answer,
        prompt=LOOK_BACK_PROMPT,
        tags=(LOOK_BACK_TAG,),
        aspiration_id=decision.aspiration_id,
        follows=decision.uid,
    )


def look_back_of(decision: Reflection, entries: Iterable[Reflection]) -> Reflection | None:
    """The look back that answers `decision`, if there is one (the newest)."""
    found = [e for e in entries if decision.uid and e.follows == decision.uid]
    return max(found, key=lambda e: (e.on, e.id or 0)) if found else None


def profiles_around(
    assessments: Iterable[Assessment], decided_on: date
) -> tuple[Assessment | None, Assessment | None]:
    """The newest finished profile on or before the decision day, and the newest since (None
    when none was taken after it)."""
    finished = sorted(
        (a for a in assessments if a.finished is not None),
        key=lambda a: (a.finished, a.id or 0),
    )
    then = [a for a in finished if a.finished is not None and a.finished <= decided_on]
    before = then[-1] if then else None
    latest = finished[-1] if finished else None
    return before, (latest if latest is not None and latest is not before else None)


def drivers_moved(
    then: Mapping[Driver, DriverScore], now: Mapping[Driver, DriverScore]
) -> list[tuple[Driver, float, float]]:
    """The drivers whose score moved by half a point or more: (driver, then, now), the
    largest move first."""
    moved = []
    for driver, change in changes(now, then).items():
        before, after = then[driver].score, now[driver].score
        if change is not None and before is not None and after is not None:
            if abs(change) >= MOVED_ENOUGH - 1e-9:
                moved.append((driver, before, after))
    return sorted(moved, key=lambda m: -abs(m[2] - m[1]))
