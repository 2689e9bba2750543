"""What may be logged on a goal, and what a check-in changes about the goal itself.

Every path that logs progress or moves a goal's start (the Goals screen, the review) asks
here, so that they can never answer "may I log?" or "may it start then?" differently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import CheckIn, Goal, TargetKind
from aspire_tui.domain.progress import goal_progress


def why_not_log(goal: Goal, checkins: Sequence[CheckIn], today: date) -> str | None:
    """Why nothing more can be logged on `goal`, or None if something can. A number may go on
    past its target (more clients are still true, and a reading to bring down may rise
    again); a done / not done goal is done once, and a checklist ends with its last
    milestone. Screens add the key that helps from there."""
    if goal.dropped is not None:
        return "It is dropped: take it back up first (x on Goals)."
    kind = goal.target.kind
    if kind is TargetKind.DONE and goal_progress(goal, checkins).achieved:
        return "Already done."  # even if dated ahead: marking it twice would be false
    if kind is TargetKind.MILESTONES:
        done = {c.milestone for c in checkins if c.milestone}
        if done >= set(goal.target.milestones):
            return "Every milestone is done."
    return None


def start_moved_back(goal: Goal, day: date) -> Goal | None:
    """The goal starting on `day`, if a check-in of that day comes before its start (the
    person agreed to move it): progress and the pace line then begin together. None if the
    check-in is within the goal's time already."""
    if day >= goal.begins:
        return None
    return dataclasses.replace(goal, starts=day)


def why_not_start(
    goal: Goal, starts: date, checkins: Sequence[CheckIn], dates: DateFormat
) -> str | None:
    """Why `goal` cannot start on `starts`, or None if it can: a check-in before the start
    would count progress the pace line has not begun (the check-in's side of this is
    `start_moved_back`). The start the goal has already may stay, even if a file from before
    this rule puts it after a check-in: files are read as they are; only a new start is
    refused."""
    first = min((c.on for c in checkins), default=None)
    if first is None or starts <= first or starts == goal.begins:
        return None
    return f"Its first check-in is on {dates.short(first)}: the start can be no later."
