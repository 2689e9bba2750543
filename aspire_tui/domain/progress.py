"""How far a goal has come, derived from its check-ins rather than stored beside them.

Deriving keeps "achieved" honest when a check-in is edited or removed later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from aspire_tui.domain.models import CheckIn, Goal, TargetKind


@dataclass(frozen=True)
class GoalProgress:
    done: float
    """Where the goal stands: the total so far, the latest reading of a number to bring down,
    the milestones done, or a habit's count this period."""
    target: float
    achieved_on: date | None
    start: float = 0.0
    buffer: float | None = None
    """A habit's: logged so far less what the periods already over asked for (`habits`)."""

    @property
    def reached(self) -> bool:
        if self.target < self.start:
            return self.done <= self.target
        return self.done >= self.target

    @property
    def fraction(self) -> float:
        """Share of the way from start to target, clamped to 0..1 for bars and percentages."""
        span = self.target - self.start
        if span == 0:
            return 1.0 if self.reached else 0.0
        return max(0.0, min(1.0, (self.done - self.start) / span))

    @property
    def percent(self) -> int:
        """Rounded, but 100 only once the target is really reached."""
        if self.reached:
            return 100
        return min(99, round(self.fraction * 100))

    @property
    def achieved(self) -> bool:
        return self.achieved_on is not None


def ordered(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    return sorted(checkins, key=lambda c: (c.on, c.id or 0))


def value_series(goal: Goal, checkins: Iterable[CheckIn]) -> list[tuple[date, float]]:
    """Where the goal stood after each of its check-ins, oldest first."""
    target = goal.target
    kind = target.kind
    value = target.start if kind in (TargetKind.UP, TargetKind.DOWN) else 0.0
    done: set[str] = set()
    series: list[tuple[date, float]] = []
    goal_id = goal.id
    mine = ordered(c for c in checkins if c.goal_id == goal_id)
    if kind is TargetKind.DOWN:
        return [(c.on, c.amount) for c in mine]
    if kind is TargetKind.MILESTONES:
        for checkin in mine:
            if checkin.milestone in target.milestones:
                done.add(checkin.milestone)
            series.append((checkin.on, float(len(done))))
        return series
    for checkin in mine:  # a number to raise, or done / not done: the total so far
        value += checkin.amount
        series.append((checkin.on, value))
    return series


def progress_of(
    goal: Goal, series: list[tuple[date, float]], today: date | None = None
) -> GoalProgress:
    """The goal is achieved on the day it first reaches its target and stays achieved while
    it remains there. As of `today`, a check-in dated later (a file from a time zone already
    in tomorrow) does not count yet: nothing is achieved before its date."""
    target = goal.target
    if target.every:
        return _habit_progress(goal, series, today)
    start = target.start if target.kind in (TargetKind.UP, TargetKind.DOWN) else 0.0
    aim = target.amount
    down = aim < start  # the same test as GoalProgress.reached, written out: it runs per check-in
    value = start
    achieved_on: date | None = None
    if today is not None and series and series[-1][0] > today:  # in date order: look at the end
        series = [point for point in series if point[0] <= today]
    for day, value in series:
        if (value <= aim) if down else (value >= aim):
            achieved_on = achieved_on or day
        else:
            achieved_on = None
    return GoalProgress(done=value, target=aim, achieved_on=achieved_on, start=start)


def _habit_progress(
    goal: Goal, series: list[tuple[date, float]], today: date | None
) -> GoalProgress:
    """This period's count against the times it asks for, and the buffer."""
    from aspire_tui.domain.habits import habit_standing

    day = today or max((d for d, _ in series), default=goal.begins)
    target = goal.target
    found = habit_standing(target.amount, target.every, goal.begins, goal.deadline, series, day)
    return GoalProgress(
        done=found.this_period,
        target=target.amount,
        achieved_on=found.achieved_on,
        buffer=found.buffer,
    )


def goal_progress(
    goal: Goal, checkins: Iterable[CheckIn], today: date | None = None
) -> GoalProgress:
    """Where the goal stands as of `today` (or after every check-in, without one)."""
    return progress_of(goal, value_series(goal, checkins), today)


def achieved_count(progresses: Iterable[GoalProgress]) -> tuple[int, int]:
    """(achieved, total) for an aspiration's goals."""
    items = list(progresses)
    return sum(1 for p in items if p.achieved), len(items)


def format_amount(value: float) -> str:
    """3.0 → "3", 2.5 → "2.5": people count certifications, not floats."""
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def checkins_by_goal(checkins: Iterable[CheckIn]) -> dict[int, list[CheckIn]]:
    by_goal: dict[int, list[CheckIn]] = {}
    for checkin in checkins:
        by_goal.setdefault(checkin.goal_id, []).append(checkin)
    return by_goal


def progress_by_goal(
    goals: Iterable[Goal], checkins: Iterable[CheckIn], today: date | None = None
) -> dict[int, GoalProgress]:
    """Progress of every goal in one pass over the check-ins."""
    by_goal = checkins_by_goal(checkins)
    return {
        goal.id: goal_progress(goal, by_goal.get(goal.id, []), today)
        for goal in goals
        if goal.id is not None
    }
