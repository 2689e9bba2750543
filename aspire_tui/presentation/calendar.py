"""The dates a person steers by, for the calendar they already use (RFC 5545, through the
icalendar library): goal deadlines, decisions' look-back days and the next review.

Each is an all-day event (a date, as Aspire keeps it: no time zone to get wrong) with a UID
made from the record's own uid, so importing a newer file updates the events instead of
doubling them. Only titles go in unless `with_notes`: a calendar is often shared or synced
to places the journal never goes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from aspire_tui.domain.decisions import decided_what, look_back_of
from aspire_tui.domain.ladder import GoalPlace, goal_place
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection
from aspire_tui.domain.progress import checkins_by_goal, goal_progress
from aspire_tui.presentation.text import one_line

UID_DOMAIN = "aspire-tui"
PRODUCT = "-//Aspire//aspire-tui//EN"


def _event(uid: str, day: date, summary: str, description: str, now: datetime) -> object:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", one_line(summary, 200))
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    if description:
        event.add("description", description)
    return event


def career_calendar(
    aspirations: Iterable[Aspiration],
    goals: Iterable[Goal],
    checkins: Iterable[CheckIn],
    reflections: Iterable[Reflection],
    next_review: date | None,
    now: datetime,
    with_notes: bool = False,
) -> bytes:
    """The calendar file's bytes. `next_review`: the day the next review is due (today if it
    is due now), None with nothing to review. Open goals of aspirations being worked on get
    their deadline; achieved ones keep theirs, marked, so the history stays true."""
    from icalendar import Calendar

    stamp = now.astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Aspire")
    owners: Mapping[int | None, Aspiration] = {a.id: a for a in aspirations}
    by_goal = checkins_by_goal(checkins)
    for goal in goals:
        owner = owners.get(goal.aspiration_id)
        if goal_place(owner, goal) in (GoalPlace.SET_ASIDE, GoalPlace.DROPPED):
            continue
        mine = by_goal.get(goal.id or -1, [])
        ticked = {c.milestone for c in mine if c.milestone}
        dues = zip(goal.target.milestones, goal.target.milestone_due, strict=False)
        for number, (milestone, due) in enumerate(dues):
            if due is not None:
                said = "Milestone done" if milestone in ticked else "Milestone"
                summary = f"{said}: {milestone} ({one_line(goal.title, 60)})"
                uid = f"milestone-{goal.uid}-{number}"
                calendar.add_component(_event(uid, due, summary, "", stamp))
        if goal.deadline is None:
            continue
        achieved = goal_progress(goal, mine).achieved
        summary = f"{'Achieved' if achieved else 'Due'}: {goal.title}"
        notes = ""
        if with_notes:
            notes = "\n\n".join(t for t in (goal.description, goal.how) if t.strip())
            if owner is not None:
                notes = f"Toward: {owner.title}" + (f"\n\n{notes}" if notes else "")
        calendar.add_component(_event(f"goal-{goal.uid}", goal.deadline, summary, notes, stamp))
    entries = list(reflections)
    for entry in entries:
        if entry.look_back is None or look_back_of(entry, entries) is not None:
            continue
        summary = "Look back on a decision: how did it go?"
        notes = ""
        if with_notes:
            notes = f"Decided: {decided_what(entry)}" if decided_what(entry) else entry.note
        uid = f"lookback-{entry.uid}"
        calendar.add_component(_event(uid, entry.look_back, summary, notes, stamp))
    if next_review is not None:
        calendar.add_component(_event("next-review", next_review, "Aspire review", "", stamp))
    return bytes(calendar.to_ical())
