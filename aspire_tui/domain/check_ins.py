"""What may be logged on a goal, and what a check-in changes about the goal itself.

Every path that logs progress (the Goals screen, the review) asks here, so that they can
never answer "may I log?" differently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from aspire_tui.domain.models import CheckIn, Goal, TargetKind
from aspire_tui.domain.progress import goal_progress


def why_not_log(goal: Goal, checkins: Sequence[CheckIn], today: date) -> str | None:
    """Why nothing more can be logged on `goal`, or None if something can. A number may go on
    past its target (more clients are still true, and a reading to bring down may rise
    again); a done / not done goal is done once, and a checklist ends with its last
    milestone. Screens add the key that helps from there."""
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
