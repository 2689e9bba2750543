"""The periodic review: when one is due, the streak of reviews done on time, and the steps a
review walks through.

Time is cut into periods (a week, a fortnight, a month or a quarter); a review is due when none
was finished in the current period, and the streak counts periods in a row with one. The first
falls due one full period after the first aspiration is adopted: no score before there is one.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from aspire_tui.domain.models import (
    Aspiration,
    CheckIn,
    Goal,
    Reflection,
    Review,
    ReviewAction,
    ReviewChange,
    TargetKind,
)
from aspire_tui.domain.progress import format_amount, goal_progress
from aspire_tui.domain.validation import ValidationError, parse_text, parse_title


class Cadence(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def period(self) -> str:
        return _PERIODS[self]


_PERIODS = {
    Cadence.WEEKLY: "week",
    Cadence.FORTNIGHTLY: "fortnight",
    Cadence.MONTHLY: "month",
    Cadence.QUARTERLY: "quarter",
}

DEFAULT_CADENCE = Cadence.MONTHLY
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FORTNIGHT_EPOCH = date(2001, 1, 1)
"""A Monday: fortnights are counted from the first chosen first day of the week on or after it,
so that they fall on the same days every year."""


def period_start(day: date, cadence: Cadence, first_weekday: int = 0) -> date:
    """The first day of the period `day` falls in. `first_weekday`: 0 Monday … 6 Sunday."""
    if cadence is Cadence.MONTHLY:
        return day.replace(day=1)
    if cadence is Cadence.QUARTERLY:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if cadence is Cadence.WEEKLY:
        return day - timedelta(days=(day.weekday() - first_weekday) % 7)
    anchor = _FORTNIGHT_EPOCH + timedelta(days=first_weekday)
    return anchor + timedelta(days=(day - anchor).days // 14 * 14)


def next_period(start: date, cadence: Cadence, first_weekday: int = 0) -> date:
    """The first day of the period after the one starting on `start`."""
    if cadence is Cadence.WEEKLY:
        return start + timedelta(days=7)
    if cadence is Cadence.FORTNIGHTLY:
        return start + timedelta(days=14)
    months = 1 if cadence is Cadence.MONTHLY else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class ReviewStatus:
    due: bool
    """No review was finished in the current period, and the first has fallen due."""
    next_from: date
    """When the next period, and with it the next review, begins."""
    streak: int
    """Periods in a row with a review finished in them, up to the current one (or the one
    before, while the current one still has time)."""
    last: date | None


def first_due(since: date, cadence: Cadence) -> date:
    """One full period after `since` (the first aspiration adopted): no review is asked for
    before there is a period's worth to look back on. A month's end stays within the month."""
    if cadence is Cadence.WEEKLY:
        return since + timedelta(days=7)
    if cadence is Cadence.FORTNIGHTLY:
        return since + timedelta(days=14)
    month = since.month - 1 + (1 if cadence is Cadence.MONTHLY else 3)
    year, month = since.year + month // 12, month % 12 + 1
    for day in range(since.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, since.day)


def reviewed_since(aspirations: Iterable[Aspiration]) -> tuple[date | None, bool]:
    """What `review_status` needs of the aspirations: the day the first was adopted, and
    whether any is being worked on (with none, nothing is due)."""
    adopted = list(aspirations)
    return min((a.created for a in adopted), default=None), any(a.active for a in adopted)


def review_status(
    finished: Iterable[date],
    today: date,
    cadence: Cadence,
    first_weekday: int = 0,
    since: date | None = None,
    anything_to_review: bool = True,
) -> ReviewStatus:
    """`since`: the day the first aspiration was adopted; the first review falls due one full
    period later (`first_due`). With no aspiration being worked on (`anything_to_review`),
    nothing is due: a review would have nothing to look at."""
    done = sorted(set(finished))
    periods = {period_start(day, cadence, first_weekday) for day in done}
    start = period_start(today, cadence, first_weekday)
    due = start not in periods
    current = start if not due else period_start(start - timedelta(days=1), cadence, first_weekday)
    streak = 0
    while current in periods:
        streak += 1
        current = period_start(current - timedelta(days=1), cadence, first_weekday)
    next_from = next_period(start, cadence, first_weekday)
    if since is not None and today < (first := first_due(since, cadence)):
        next_from = first if due else max(first, next_from)
        due = False
    last = done[-1] if done else None
    due = due and anything_to_review
    return ReviewStatus(due=due, next_from=next_from, streak=streak, last=last)


# The steps -------------------------------------------------------------------------------------

GOAL = "goal"
ASPIRATION = "aspiration"
LOOK_BACK = "lookback"
DRIVERS = "drivers"
CLOSING = "closing"
DRIVERS_STALE_DAYS = 365
"""A drivers profile older than this is offered for retaking."""


def step_key(kind: str, uid: str = "") -> str:
    return f"{kind}:{uid}" if uid else kind


def step_parts(key: str) -> tuple[str, str]:
    """("goal", uid), ("lookback", a decision's uid), ("aspiration", uid), ("drivers", "")
    or ("closing", "")."""
    kind, _, uid = key.partition(":")
    return kind, uid


def review_plan(
    aspirations: Sequence[Aspiration],
    goals: Sequence[Goal],
    achieved: Collection[int],
    last_assessment: date | None,
    today: date,
    look_backs: Sequence[Reflection] = (),
) -> tuple[str, ...]:
    """Each open goal in play (of an active aspiration that is not paused, on a level reached),
    in the aspirations' order; each decision due to be looked back on (`look_backs`); each
    active aspiration (a paused one too: still mine?); the drivers if the latest profile is
    over a year old; and the closing."""
    active = [a for a in aspirations if a.active]
    order = {a.id: place for place, a in enumerate(active)}
    climbing = {a.id: a.ladder.level for a in active if not a.ladder.paused}
    open_goals = sorted(
        (
            g
            for g in goals
            if g.aspiration_id in climbing
            and g.level <= climbing[g.aspiration_id]  # levels above are not in play yet
            and g.id not in achieved
            and g.dropped is None
        ),
        key=lambda g: (order[g.aspiration_id], g.level, g.id or 0),
    )
    steps = [step_key(GOAL, g.uid) for g in open_goals]
    steps += list(dict.fromkeys(step_key(LOOK_BACK, d.uid) for d in look_backs))
    steps += [step_key(ASPIRATION, a.uid) for a in active]
    if last_assessment is not None and (today - last_assessment).days > DRIVERS_STALE_DAYS:
        steps.append(DRIVERS)
    steps.append(CLOSING)
    return tuple(steps)


MAX_STEPS = 10_000


def check_review(review: Review) -> Review:
    """What the store checks before a review reaches the file."""
    plan = review.plan
    if not plan or plan[-1] != CLOSING or len(plan) > MAX_STEPS or len(set(plan)) != len(plan):
        raise ValidationError("A review's steps must be distinct and end with the closing.")
    for key in plan:
        kind, uid = step_parts(key)
        if (kind in (GOAL, ASPIRATION, LOOK_BACK)) != bool(uid) or kind not in (
            GOAL,
            ASPIRATION,
            LOOK_BACK,
            DRIVERS,
            CLOSING,
        ):
            raise ValidationError(f"A review has an unknown step {key[:40]!r}.")
        if uid and not (len(uid) == 32 and all(c in "0123456789abcdef" for c in uid)):
            raise ValidationError("A review step names a record by a malformed uid.")
    if not 0 <= review.step < len(plan):
        raise ValidationError("A review stands at a step it does not have.")
    for key, note in review.notes.items():
        if key not in plan:
            raise ValidationError("A review has a note for a step it does not have.")
        parse_text(note, "Note")
    for change in review.changes:
        if change.step not in plan:
            raise ValidationError("A review has a change at a step it does not have.")
        if parse_title(change.title, "Title") != change.title:
            raise ValidationError("A review's change has an empty or padded title.")
        parse_text(change.detail, "Detail")
    for text in (review.went_well, review.will_change, review.next_step):
        parse_text(text, "Answer")
    if review.finished is not None and review.finished < review.started:
        raise ValidationError("A review cannot finish before it started.")
    return review


def undone_drop(change: ReviewChange, goal_uids: Collection[str]) -> bool:
    """A goal dropped in a review that is being worked on again (taken back up, or put back
    with ctrl+z): not dropped. `goal_uids`: the goals there and not dropped."""
    kind, uid = step_parts(change.step)
    return change.action is ReviewAction.DROPPED and kind == GOAL and uid in goal_uids


def without_undone_drops(review: Review, goal_uids: Collection[str]) -> Review:
    """The review as it is true now: a drop undone since is no longer among its changes.
    `goal_uids`: the goals there now. Called as the review is shown and as it is saved."""
    kept = tuple(c for c in review.changes if not undone_drop(c, goal_uids))
    return review if kept == review.changes else replace(review, changes=kept)


# What a step changes ---------------------------------------------------------------------------


def completing_checkins(goal: Goal, checkins: Sequence[CheckIn], today: date) -> list[CheckIn]:
    """What marking a goal achieved logs: what is left of a number, the target reading of a
    number to bring down, each milestone not yet done, or done for a done / not done goal."""
    if goal.id is None or goal.target.every:
        return []  # a habit is kept up period by period, not reached at once
    target = goal.target
    # Every check-in counts here, those a file brought a day ahead too: they complete the goal
    # on their day, and logging what they cover again would count it twice.
    progress = goal_progress(goal, checkins)
    if progress.achieved:
        return []
    if target.kind is TargetKind.MILESTONES:
        done = {c.milestone for c in checkins}
        return [CheckIn(goal.id, today, 1.0, "", m) for m in target.milestones if m not in done]
    if target.kind is TargetKind.DOWN:
        return [CheckIn(goal.id, today, target.amount)]
    if target.kind is TargetKind.DONE:
        return [CheckIn(goal.id, today, 1.0)]
    left = round(target.amount - progress.done, 9)
    while not goal_progress(goal, [*checkins, CheckIn(goal.id, today, left)]).achieved:
        left = math.nextafter(left, math.inf)  # 0.1 + 0.2 falls short of 0.3 otherwise
    return [CheckIn(goal.id, today, left)]


def adjustment(before: Goal, after: Goal) -> str:
    """What an edit changed, in a line: "deadline 2026-12-31 → 2027-03-31; target 10 → 12"."""
    said = []
    if before.title != after.title:
        said.append(f"renamed from “{before.title}”")
    if before.target != after.target:
        said.append(f"target {_target(before)} → {_target(after)}")
    if before.deadline != after.deadline:
        said.append(f"deadline {_day(before.deadline)} → {_day(after.deadline)}")
    if before.starts != after.starts:
        said.append(f"start {_day(before.begins)} → {_day(after.begins)}")
    if before.stretch != after.stretch:
        said.append("now a stretch goal" if after.stretch else "now committed")
    rest = ("description", "how", "level", "aspiration_id", "closer")
    if any(getattr(before, name) != getattr(after, name) for name in rest):
        said.append("details edited")
    return "; ".join(said) or "looked at, nothing changed"


def _target(goal: Goal) -> str:
    target = goal.target
    if target.kind is TargetKind.DONE:
        return "done / not done"
    if target.kind is TargetKind.MILESTONES:
        return f"{len(target.milestones)} milestones"
    unit = f" {target.unit}" if target.unit else ""
    return f"{format_amount(target.amount)}{unit}"


def _day(day: date | None) -> str:
    return day.isoformat() if day else "none"  # stored text: ISO, whatever the screens show


def review_text(review: Review) -> str:
    """Everything written in a review, for searching the journal."""
    parts = [*review.notes.values(), review.went_well, review.will_change, review.next_step]
    parts += [f"{c.title} {c.detail}" for c in review.changes]
    return "\n".join(p for p in parts if p)


REVIEW_TAG = "review"
"""How the journal's search names reviews: `#review` finds them, `-#review` leaves them out."""


def review_matches(review: Review, query: str) -> bool:
    """The journal search's rules (every word found; `#tag`, `-#tag`), a review's one tag
    being "review"."""
    haystack = review_text(review).casefold()
    for word in query.casefold().split():
        if word.startswith("-#"):
            if word[2:] == REVIEW_TAG:
                return False
        elif word.startswith("#"):
            if word[1:] and word[1:] != REVIEW_TAG:
                return False
        elif word not in haystack and word not in REVIEW_TAG:
            return False
    return True
