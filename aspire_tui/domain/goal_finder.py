"""Which goals the Goals screen lists, and in what order: search, filters and sorting.

The filters that speak of live work (behind, on track, due soon) list only live goals, by the
rule the list and Home use (`ladder.goal_place`): a goal of another level or of a paused or
archived aspiration is set apart, not behind."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from aspire_tui.domain.ladder import GoalPlace, goal_place
from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.pace import PaceStatus
from aspire_tui.domain.standing import DUE_SOON_DAYS, GoalState


class Sort(StrEnum):
    ASPIRATION = "aspiration"
    DEADLINE = "deadline"
    STATUS = "status"
    PROGRESS = "progress"

    def next(self) -> Sort:
        members = list(Sort)
        return members[(members.index(self) + 1) % len(members)]


class Show(StrEnum):
    ALL = "all"
    BEHIND = "behind"
    ON_TRACK = "on track"
    DUE_SOON = "due soon"
    NO_DEADLINE = "no deadline"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


STATUS_ORDER = [
    PaceStatus.OVERDUE,
    PaceStatus.BEHIND,
    PaceStatus.ON_TRACK,
    PaceStatus.AHEAD,
    PaceStatus.OPEN,
    PaceStatus.NOT_STARTED,
    PaceStatus.STRETCH_MET,
    PaceStatus.ACHIEVED,
]


@dataclass(frozen=True)
class GoalView:
    query: str = ""
    aspiration_id: int | None = None
    show: Show = Show.ALL
    sort: Sort = Sort.ASPIRATION
    hide_done: bool = False
    """Leave out achieved goals and the goals of archived aspirations."""

    @property
    def narrowed(self) -> bool:
        """Some goals are left out of the list."""
        filtered = self.query or self.aspiration_id is not None or self.show is not Show.ALL
        return bool(filtered or self.hide_done)

    def summary(self) -> str:
        """A few words for the list's title: "by deadline · behind · “cpa”"; nothing for the
        default view."""
        parts = [] if self.sort is Sort.ASPIRATION else [f"by {self.sort.value}"]
        if self.show is not Show.ALL:
            parts.append(self.show.value)
        if self.hide_done:
            parts.append("open")
        if self.query:
            parts.append(f"“{self.query}”")
        return " · ".join(parts)


def _matches(state: GoalState, words: list[str], aspiration: Aspiration | None) -> bool:
    goal = state.goal
    haystack = " ".join(
        [goal.title, goal.description, goal.how, goal.target.unit, *goal.target.milestones]
        + [*goal.tags, *(f"#{tag}" for tag in goal.tags), goal.dropped_why]
        + ([aspiration.title] if aspiration else [])
    ).casefold()
    return all(word in haystack for word in words)


LIVE_WORK = frozenset({Show.BEHIND, Show.ON_TRACK, Show.DUE_SOON})
"""Filters that ask about work under way: set-apart goals are left out of them."""


def _shown(state: GoalState, show: Show, today: date, owner: Aspiration | None) -> bool:
    dropped = state.goal.dropped is not None
    if show is Show.DROPPED or dropped:
        return dropped and show in (Show.DROPPED, Show.ALL)
    if show in LIVE_WORK and goal_place(owner, state.goal) is not GoalPlace.LIVE:
        return False
    status = state.status
    match show:
        case Show.BEHIND:
            return status.flagged
        case Show.ON_TRACK:
            return status in (PaceStatus.ON_TRACK, PaceStatus.AHEAD, PaceStatus.STRETCH_MET)
        case Show.DUE_SOON:
            deadline = state.goal.deadline
            horizon = today + timedelta(days=DUE_SOON_DAYS)
            open_goal = not state.progress.achieved
            return open_goal and deadline is not None and today <= deadline <= horizon
        case Show.NO_DEADLINE:
            return state.goal.deadline is None
        case Show.ACHIEVED:
            return state.progress.achieved
    return True


def find_goals(
    states: Iterable[GoalState],
    aspirations: Mapping[int, Aspiration],
    view: GoalView,
    today: date,
) -> list[GoalState]:
    """The goals to list, in order. Sorted by aspiration, they keep the aspirations' order
    and, within one, the order they were added in."""
    words = view.query.casefold().split()
    found = []
    for state in states:
        owner = aspirations.get(state.goal.aspiration_id)
        if view.aspiration_id is not None and state.goal.aspiration_id != view.aspiration_id:
            continue
        gone = owner is None or not owner.active or state.goal.dropped is not None
        if view.hide_done and (state.progress.achieved or gone):
            continue
        if not _shown(state, view.show, today, owner) or not _matches(state, words, owner):
            continue
        found.append(state)
    order = {aid: i for i, aid in enumerate(aspirations)}
    far = date.max
    keys = {
        Sort.ASPIRATION: lambda s: (order.get(s.goal.aspiration_id, 0), s.goal.id or 0),
        Sort.DEADLINE: lambda s: (s.goal.deadline or far, s.goal.id or 0),
        Sort.STATUS: lambda s: (STATUS_ORDER.index(s.status), s.goal.deadline or far),
        Sort.PROGRESS: lambda s: (s.progress.fraction, s.goal.id or 0),
    }
    return sorted(found, key=keys[view.sort])
