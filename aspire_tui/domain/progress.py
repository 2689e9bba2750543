"""How far a goal has come, derived from its check-ins rather than stored beside them.

Deriving keeps "achieved" honest when a check-in is edited or removed later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from aspire_tui.domain.models import CheckIn, Goal


@dataclass(frozen=True)
class GoalProgress:
    done: float
    target: float
    achieved_on: date | None

    @property
    def fraction(self) -> float:
        """Share of the target reached, clamped to 0..1 for bars and percentages."""
        if self.target <= 0:
            return 0.0
        return max(0.0, min(1.0, self.done / self.target))

    @property
    def percent(self) -> int:
        """Rounded, but 100 only once the target is really reached."""
        if self.done >= self.target:
            return 100
        return min(99, round(self.fraction * 100))

    @property
    def achieved(self) -> bool:
        return self.achieved_on is not None


def goal_progress(goal: Goal, checkins: Iterable[CheckIn]) -> GoalProgress:
    """Sum the check-ins in date order; the goal is achieved on the day the sum first
    reaches the target and stays achieved while the total remains at or above it."""
    ordered = sorted((c for c in checkins if c.goal_id == goal.id), key=lambda c: (c.on, c.id or 0))
    total = 0.0
    achieved_on: date | None = None
    for checkin in ordered:
        total += checkin.amount
        if total >= goal.target.amount:
            achieved_on = achieved_on or checkin.on
        else:
            achieved_on = None
    return GoalProgress(done=total, target=goal.target.amount, achieved_on=achieved_on)


def achieved_count(progresses: Iterable[GoalProgress]) -> tuple[int, int]:
    """(achieved, total) for an aspiration's goals."""
    items = list(progresses)
    return sum(1 for p in items if p.achieved), len(items)


def format_amount(value: float) -> str:
    """3.0 → "3", 2.5 → "2.5": people count certifications, not floats."""
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def progress_by_goal(goals: Iterable[Goal], checkins: Iterable[CheckIn]) -> dict[int, GoalProgress]:
    """Progress of every goal in one pass over the check-ins."""
    by_goal: dict[int, list[CheckIn]] = {}
    for checkin in checkins:
        by_goal.setdefault(checkin.goal_id, []).append(checkin)
    return {
        goal.id: goal_progress(goal, by_goal.get(goal.id, []))
        for goal in goals
        if goal.id is not None
    }
