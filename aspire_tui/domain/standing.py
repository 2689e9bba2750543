"""Where every goal stands today, and what the home dashboard picks out of that.

Computed in one pass over the check-ins so that every screen reads goals the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from aspire_tui.domain.models import Aspiration, CheckIn, Goal
from aspire_tui.domain.pace import STRETCH_BAR, Pace, PaceStatus, pace
from aspire_tui.domain.progress import GoalProgress, checkins_by_goal, progress_of, value_series

DUE_SOON_DAYS = 30
QUIET_DAYS = 14
RECENT_ACHIEVEMENTS = 5


@dataclass(frozen=True)
class GoalState:
    goal: Goal
    progress: GoalProgress
    pace: Pace
    last_checkin: date | None

    @property
    def status(self) -> PaceStatus:
        return self.pace.status


def goal_states(
    goals: Iterable[Goal], checkins: Iterable[CheckIn] | Mapping[int, list[CheckIn]], today: date
) -> dict[int, GoalState]:
    """`checkins` may come grouped by goal already."""
    by_goal = checkins if isinstance(checkins, Mapping) else checkins_by_goal(checkins)
    return {
        goal.id: goal_state(goal, by_goal.get(goal.id, []), today)
        for goal in goals
        if goal.id is not None
    }


def goal_state(goal: Goal, checkins: Iterable[CheckIn], today: date) -> GoalState:
    """Where one goal stands, from its own check-ins, in any order."""
    mine = list(checkins)
    series = value_series(goal, mine)
    progress = progress_of(goal, series, today)
    return GoalState(
        goal=goal,
        progress=progress,
        pace=pace(goal, progress, series, today),
        last_checkin=max((c.on for c in mine), default=None),
    )


def in_play(aspirations: Iterable[Aspiration]) -> set[int]:
    """Aspirations whose open goals deserve attention: active and not paused."""
    return {a.id for a in aspirations if a.id is not None and a.active and not a.ladder.paused}


def _open(states: Mapping[int, GoalState], live: set[int]) -> list[GoalState]:
    return [s for s in states.values() if s.goal.aspiration_id in live and not s.progress.achieved]


def due_soon(states: Mapping[int, GoalState], live: set[int], today: date) -> list[GoalState]:
    """Open goals with a deadline from today to DUE_SOON_DAYS ahead, soonest first."""
    return due_within(states, live, today, DUE_SOON_DAYS)


def due_within(
    states: Mapping[int, GoalState], live: set[int], today: date, days: int
) -> list[GoalState]:
    """Open goals with a deadline from today to `days` ahead, soonest first."""
    horizon = today + timedelta(days=days)
    found = [
        s
        for s in _open(states, live)
        if s.goal.deadline is not None and today <= s.goal.deadline <= horizon
    ]
    return sorted(found, key=lambda s: (s.goal.deadline, s.goal.id or 0))


def behind(states: Mapping[int, GoalState], live: set[int]) -> list[GoalState]:
    """Overdue first, then the furthest behind their line."""

    def gap(s: GoalState) -> tuple[int, float]:
        line = (s.pace.expected or 0) * (STRETCH_BAR if s.goal.stretch else 1.0)
        return 0 if s.status is PaceStatus.OVERDUE else 1, s.progress.fraction - line

    return sorted((s for s in _open(states, live) if s.status.flagged), key=gap)


def quiet(states: Mapping[int, GoalState], live: set[int], today: date) -> list[GoalState]:
    """Open goals begun at least QUIET_DAYS ago with no check-in in that time, longest first.
    A done / not done goal is left out: it has nothing to log until it is done."""
    cutoff = today - timedelta(days=QUIET_DAYS)
    found = [
        s
        for s in _open(states, live)
        if not s.goal.target.done_only
        and s.goal.begins <= cutoff
        and (s.last_checkin is None or s.last_checkin <= cutoff)
    ]
    return sorted(found, key=lambda s: s.last_checkin or s.goal.begins)


def recent_achievements(states: Mapping[int, GoalState]) -> list[GoalState]:
    achieved = [s for s in states.values() if s.progress.achieved_on is not None]
    achieved.sort(key=lambda s: (s.progress.achieved_on, s.goal.id or 0), reverse=True)
    return achieved[:RECENT_ACHIEVEMENTS]
