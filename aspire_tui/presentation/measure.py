"""How a goal's target and progress read in words, the same on screen and in the plan."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.dates import DateFormat, short_date
from aspire_tui.domain.ladder import GoalPlace
from aspire_tui.domain.models import Goal, Target, TargetKind
from aspire_tui.domain.progress import GoalProgress, format_amount
from aspire_tui.presentation.text import one_line


def _unit(target: Target) -> str:
    return f" {one_line(target.unit, 40)}" if target.unit else ""


def target_text(goal: Goal) -> str:
    t = goal.target
    match t.kind:
        case TargetKind.DONE:
            return "done / not done"
        case TargetKind.MILESTONES:
            count = len(t.milestones)
            return f"{count} milestone{'s' if count != 1 else ''}"
        case TargetKind.DOWN:
            return f"down from {format_amount(t.start)} to {format_amount(t.amount)}{_unit(t)}"
        case TargetKind.HABIT:
            return f"{format_amount(t.amount)}{_unit(t)} a {t.every}"
    start = f"from {format_amount(t.start)} to " if t.start else ""
    return f"{start}{format_amount(t.amount)}{_unit(t)}"


def progress_text(goal: Goal, progress: GoalProgress) -> str:
    t = goal.target
    match t.kind:
        case TargetKind.DONE:
            return "done" if progress.achieved else "not done yet"
        case TargetKind.MILESTONES:
            return f"{format_amount(progress.done)} of {len(t.milestones)} milestones"
        case TargetKind.DOWN:
            return (
                f"at {format_amount(progress.done)}{_unit(t)}, aiming for {format_amount(t.amount)}"
            )
        case TargetKind.HABIT:
            done = format_amount(progress.done)
            return f"{done} of {format_amount(t.amount)}{_unit(t)} this {t.every}"
    return f"{format_amount(progress.done)} of {format_amount(t.amount)}{_unit(t)}"


def apart_word(goal: Goal, place: GoalPlace) -> str:
    """What a goal set apart from live work shows where a live one shows its pace ("level
    1", "paused", "archived", "dropped"), on the Goals screen and in `aspire goals`."""
    if place is GoalPlace.OTHER_LEVEL:
        return f"level {goal.level + 1}"
    if place is GoalPlace.DROPPED:
        return "dropped"
    return "paused" if place is GoalPlace.PAUSED else "archived"


def buffer_text(goal: Goal, progress: GoalProgress) -> str:
    """A habit's buffer in words: "2 weeks ahead", "this week's done", "3 to catch up"; never
    a count of periods missed. Counts go without the unit, which is typed for one time
    ("a one-on-one every week") as often as for many."""
    from aspire_tui.domain.habits import periods_ahead

    t = goal.target
    buffer = progress.buffer or 0.0
    if buffer < 0:
        return f"{format_amount(-buffer)} to catch up"  # the unit is as typed: "one-on-one"
    ahead = periods_ahead(buffer, t.amount)
    if ahead:
        return f"{ahead} {t.every}{'s' if ahead != 1 else ''} ahead"
    if buffer >= t.amount:
        return f"this {t.every}'s done"
    return f"{format_amount(t.amount - buffer)} more this {t.every}"


def amount_text(goal: Goal, amount: float, milestone: str = "") -> str:
    """What one check-in says: "done", "+2", "at 14", or the milestone it ticked."""
    match goal.target.kind:
        case TargetKind.DONE:
            return "done"
        case TargetKind.MILESTONES:
            return f"✓ {one_line(milestone, 60)}"
        case TargetKind.DOWN:
            return f"at {format_amount(amount)}"
    return f"{'+' if amount > 0 else ''}{format_amount(amount)}"


def due_text(deadline: date | None, today: date, achieved: bool, style: DateFormat) -> str:
    """ "due 2027-04-26 (in 150 days)", "due today", "overdue since …" or "no deadline", the
    date in the given format: the screens pass the person's, the plan always ISO."""
    if deadline is None:
        return "no deadline"
    days = (deadline - today).days
    if achieved:
        return f"due {short_date(deadline, style)}"
    if days < 0:
        return f"overdue since {short_date(deadline, style)}"
    if days == 0:
        return "due today"
    return f"due {short_date(deadline, style)} (in {days} day{'s' if days != 1 else ''})"
