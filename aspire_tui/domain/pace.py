"""Whether a goal is keeping pace with its deadline, and when it will finish at its recent rate.

The pace line runs straight from no progress on the day a goal begins to the whole target on
its deadline. A stretch goal is read against 70% of that line, because reaching 60–70% of a
stretch is a good result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from aspire_tui.domain.models import Goal
from aspire_tui.domain.progress import GoalProgress

STRETCH_BAR = 0.7
"""Where a stretch goal's pace line ends: 70% of the target on the deadline."""
STRETCH_GOOD = 0.6
"""A stretch goal this far along by its deadline has done well."""
TOLERANCE = 0.05
"""How far from the line still counts as on track, as a share of the target."""
RECENT_DAYS = 28
"""The window the recent rate of progress is measured over."""
FARTHEST = 100 * 365
"""Past this many days, a projection says nothing useful."""


class PaceStatus(StrEnum):
    ACHIEVED = "achieved"
    AHEAD = "ahead"
    ON_TRACK = "on track"
    BEHIND = "behind"
    OVERDUE = "overdue"
    STRETCH_MET = "good result"
    NOT_STARTED = "not started"
    OPEN = "no deadline"

    @property
    def flagged(self) -> bool:
        """Needs attention wherever the goal is shown."""
        return self in (PaceStatus.BEHIND, PaceStatus.OVERDUE)


@dataclass(frozen=True)
class Pace:
    status: PaceStatus
    expected: float | None
    """The share of the target the pace line reaches today; None without a deadline."""
    projected: date | None
    """When the goal will be reached at its recent rate; None if it is not moving toward it."""


def expected_fraction(goal: Goal, today: date) -> float | None:
    """Where the straight line from the goal's start to its deadline is today (0..1)."""
    if goal.deadline is None:
        return None
    total = (goal.deadline - goal.begins).days
    if total <= 0:
        return 1.0 if today >= goal.deadline else 0.0
    elapsed = (today - goal.begins).days
    return max(0.0, min(1.0, elapsed / total))


def status(goal: Goal, progress: GoalProgress, today: date) -> PaceStatus:
    if progress.achieved:
        return PaceStatus.ACHIEVED
    if goal.target.every:
        return _habit_status(goal, progress, today)
    if goal.deadline is not None and today > goal.deadline:
        good = goal.stretch and progress.fraction >= STRETCH_GOOD
        return PaceStatus.STRETCH_MET if good else PaceStatus.OVERDUE
    if today < goal.begins:
        return PaceStatus.NOT_STARTED
    expected = expected_fraction(goal, today)
    if expected is None:
        return PaceStatus.OPEN
    if goal.target.done_only:
        return PaceStatus.ON_TRACK  # nothing to measure between not done and done
    line = expected * (STRETCH_BAR if goal.stretch else 1.0)
    if progress.fraction >= line + TOLERANCE:
        return PaceStatus.AHEAD
    if progress.fraction < line - TOLERANCE:
        return PaceStatus.BEHIND
    return PaceStatus.ON_TRACK


def _habit_status(goal: Goal, progress: GoalProgress, today: date) -> PaceStatus:
    """Read from the buffer (`domain.habits`), not from a line to one target."""
    from aspire_tui.domain.habits import habit_pace

    if goal.deadline is not None and today > goal.deadline:
        return PaceStatus.OVERDUE
    if today < goal.begins:
        return PaceStatus.NOT_STARTED
    said = habit_pace(progress.buffer or 0.0, goal.target.amount)
    return {"behind": PaceStatus.BEHIND, "ahead": PaceStatus.AHEAD}.get(said, PaceStatus.ON_TRACK)


def value_on(series: list[tuple[date, float]], day: date, start: float) -> float:
    """Where the goal stood at the end of `day`."""
    value = start
    for on, after in series:
        if on > day:
            break
        value = after
    return value


def projected_finish(
    goal: Goal, progress: GoalProgress, series: list[tuple[date, float]], today: date
) -> date | None:
    """Today plus the days the rest would take at the rate of the last RECENT_DAYS (or since
    the goal began, if that is later). None when achieved, done / not done, or not moving
    toward the target."""
    if progress.achieved or goal.target.done_only or goal.target.every:
        return None  # a habit is kept up, not finished
    since = max(today - timedelta(days=RECENT_DAYS), goal.begins)
    days = (today - since).days
    span = progress.target - progress.start
    if days <= 0 or span == 0:
        return None
    # From the goal's first day, progress logged that day counts too.
    base_day = since - timedelta(days=1) if since == goal.begins else since
    gained = progress.done - value_on(series, base_day, progress.start)
    rate = gained / span / days  # share of the target per day
    if rate <= 0:
        return None
    remaining = max(0.0, 1.0 - progress.fraction)
    ahead = math.ceil(remaining / rate)
    return today + timedelta(days=ahead) if ahead <= FARTHEST else None


def pace(goal: Goal, progress: GoalProgress, series: list[tuple[date, float]], today: date) -> Pace:
    return Pace(
        status=status(goal, progress, today),
        expected=expected_fraction(goal, today),
        projected=projected_finish(goal, progress, series, today),
    )
