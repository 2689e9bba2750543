"""Where goals stand, worked out once and then only for the goals that changed.

A decade holds hundreds of goals and tens of thousands of check-ins; logging one check-in
changes one goal's standing, and Home's first frame needs only the goals of active
aspirations and the latest achievements. So each goal's state is kept with the record and
the check-in stamp it came from, and redone only when either moves on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from aspire_tui.domain.models import Goal
from aspire_tui.domain.standing import (
    RECENT_ACHIEVEMENTS,
    GoalState,
    goal_state,
    recent_achievements,
)
from aspire_tui.store import AspireStore


class GoalStanding:
    def __init__(self, store: AspireStore) -> None:
        self.store = store
        self._basis: object = None
        self._kept: dict[int, tuple[Goal, int, GoalState]] = {}
        self._every: tuple[object, dict[int, GoalState]] | None = None

    def forget(self) -> None:
        """Every goal's state let go (the data was closed: an encrypted Aspire locked)."""
        self._basis, self._kept, self._every = None, {}, None

    def all(self, today: date) -> dict[int, GoalState]:
        """Every goal's state, by goal id."""
        key = (self.store.version, today)
        if self._every is not None and self._every[0] == key:
            return self._every[1]
        states = self.of(self.store.goals(), today)
        self._every = (key, states)
        return states

    def of(self, goals: Iterable[Goal], today: date) -> dict[int, GoalState]:
        """The states of these goals only."""
        store = self.store
        basis = (store.renewed_at, today)  # every record was read anew: start again
        if basis != self._basis:
            self._basis, self._kept = basis, {}
        kept = self._kept
        states: dict[int, GoalState] = {}
        with store.reading():
            self._work_out(goals, today, kept, states)
        return states

    def _work_out(
        self,
        goals: Iterable[Goal],
        today: date,
        kept: dict[int, tuple[Goal, int, GoalState]],
        states: dict[int, GoalState],
    ) -> None:
        store = self.store
        for goal in goals:
            goal_id = goal.id
            if goal_id is None:
                continue
            stamp = store.checkins_stamp(goal_id)
            known = kept.get(goal_id)
            if known is not None and known[0] is goal and known[1] == stamp:
                state = known[2]
            else:
                state = goal_state(goal, store.checkins(goal_id, ordered=False), today)
                kept[goal_id] = (goal, stamp, state)
            states[goal_id] = state

    def latest_achievements(self, today: date) -> list[GoalState]:
        """`recent_achievements` over every goal, working out only the goals it takes. A goal
        is achieved on the day of a check-in, or on its first day if it starts at its target;
        so goals are taken latest first, until none left could have been achieved later than
        the ones found."""
        if self._every is not None and self._every[0] == (self.store.version, today):
            return recent_achievements(self._every[1])
        latest = self.store.latest_checkins()

        def last_day(goal: Goal) -> date:
            return max(latest.get(goal.id or 0, goal.begins), goal.begins)

        achieved: dict[int, GoalState] = {}
        for goal in sorted(self.store.goals(), key=last_day, reverse=True):
            if len(achieved) >= RECENT_ACHIEVEMENTS:
                floor = recent_achievements(achieved)[-1].progress.achieved_on
                if floor is not None and last_day(goal) < floor:
                    break
            for goal_id, state in self.of([goal], today).items():
                if state.progress.achieved_on is not None:
                    achieved[goal_id] = state
        return recent_achievements(achieved)
