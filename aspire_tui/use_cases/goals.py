"""Working on a goal: log progress, mark it achieved, drop it (kept, out of the way), take it
back up, delete it. The Goals screen, the review and the command line do these; each answers
with what changed, for the caller to say it its own way."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from aspire_tui.domain.check_ins import start_moved_back, why_not_log
from aspire_tui.domain.models import CheckIn, Goal
from aspire_tui.domain.progress import GoalProgress, goal_progress
from aspire_tui.domain.review import completing_checkins
from aspire_tui.store import AspireStore, StoreError

__all__ = [
    "Deleted",
    "Logged",
    "achieve",
    "delete",
    "drop",
    "log_checkin",
    "take_back_up",
    "why_not_log_now",
]


@dataclass(frozen=True)
class Logged:
    """A check-in kept, and the goal's progress just before and just after it."""

    goal: Goal
    checkin: CheckIn
    before: GoalProgress
    after: GoalProgress

    @property
    def newly_achieved(self) -> bool:
        """This check-in reached the target: a moment worth marking, once."""
        return self.after.achieved and not self.before.achieved


@dataclass(frozen=True)
class Deleted:
    """A goal deleted with its check-ins: all that is needed to put it back."""

    goal: Goal
    checkins: list[CheckIn]


def why_not_log_now(store: AspireStore, goal: Goal, today: date) -> str | None:
    """Why nothing more can be logged on `goal` today (achieved, a day already used...)."""
    return why_not_log(goal, store.checkins(goal.id), today)


def log_checkin(store: AspireStore, goal: Goal, checkin: CheckIn, today: date) -> Logged:
    """Keep a check-in the person logged (moving the goal's start back to its day if it came
    first, in the same write) and say what it changed."""
    before = goal_progress(goal, store.checkins(goal.id), today)
    kept = store.log_checkin(checkin)
    now = store.goal(goal.id) if goal.id is not None else None
    current = now or goal
    after = goal_progress(current, store.checkins(goal.id), today)
    return Logged(current, kept, before, after)


def achieve(store: AspireStore, goal: Goal, today: date) -> list[CheckIn]:
    """Log what is left to reach the target today, in one write; its start moves back to
    today if it had not begun. Empty if it is achieved already (nothing is written)."""
    adding = completing_checkins(goal, store.checkins(goal.id), today)
    if not adding:
        return []
    moved = start_moved_back(goal, today)
    with store.transaction():
        if moved is not None:
            store.save_goal(moved)
        return store.add_checkins(moved or goal, adding)


def delete(store: AspireStore, goal: Goal) -> Deleted:
    """Delete a goal and its check-ins (for a mistake), returning them so that undo can put
    them back. Dropping keeps them."""
    if goal.id is None:
        raise ValueError("A goal that was never saved cannot be deleted.")
    checkins = store.checkins(goal.id)
    store.delete_goal(goal.id)
    return Deleted(goal, checkins)


def drop(store: AspireStore, goal: Goal, why: str, today: date) -> Goal:
    """Let a goal go, keeping it and its check-ins, marked with the day and the reason: out
    of live work, Home and the review, still found on Goals and in its aspiration."""
    if goal.id is None:
        raise ValueError("A goal that was never saved cannot be dropped.")
    if goal.dropped is not None:
        raise StoreError("That goal is dropped already.")
    day = max(today, goal.created)  # a goal made "today" in a zone ahead is not dropped before
    return store.save_goal(dataclasses.replace(goal, dropped=day, dropped_why=why.strip()))


def take_back_up(store: AspireStore, goal: Goal) -> Goal:
    """A dropped goal worked on again, as it was (its check-ins never left)."""
    if goal.dropped is None:
        raise StoreError("That goal is not dropped.")
    return store.save_goal(dataclasses.replace(goal, dropped=None, dropped_why=""))
