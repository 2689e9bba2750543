"""A goal's page on the Goals screen: what it is, how it is going, and what was logged."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.ladder import GoalPlace, goal_place
from aspire_tui.domain.models import Aspiration, CheckIn, Goal
from aspire_tui.domain.pace import STRETCH_BAR, STRETCH_GOOD, PaceStatus
from aspire_tui.domain.smart import missing_letters, smart_check
from aspire_tui.domain.standing import GoalState
from aspire_tui.domain.validation import on_its_ladder
from aspire_tui.presentation.measure import (
    amount_text,
    buffer_text,
    due_text,
    progress_text,
    target_text,
)
from aspire_tui.ui.render import HEADING, measured, one_line, plain, progress_bar

Part = Content | str | tuple[str, str]

STATUS_STYLES = {
    PaceStatus.ACHIEVED: "bold $text-success",
    PaceStatus.AHEAD: "$text-success",
    PaceStatus.ON_TRACK: "$text-muted",
    PaceStatus.BEHIND: "bold $text-warning",
    PaceStatus.OVERDUE: "bold $text-error",
    PaceStatus.STRETCH_MET: "$text-success",
    PaceStatus.NOT_STARTED: "$text-muted",
    PaceStatus.OPEN: "$text-muted",
}


def status_text(status: PaceStatus) -> tuple[str, str]:
    return status.value, STATUS_STYLES[status]


def deadline_text(
    deadline: date | None, today: date, achieved: bool, dates: DateFormat
) -> tuple[str, str]:
    text = due_text(deadline, today, achieved, dates)
    if achieved or deadline is None or deadline > today:
        return text, "dim"
    return text, "$text-warning" if deadline == today else "$text-error"


def _level_of(goal: Goal, aspiration: Aspiration | None) -> list[Part]:
    if aspiration is None or not on_its_ladder(goal.level, len(aspiration.ladder.rungs)):
        return []
    rung = aspiration.ladder.rungs[goal.level]
    return [(f" · level {goal.level + 1}, ", "dim"), plain(one_line(rung, 60), "dim")]


def _apart_line(goal: Goal, aspiration: Aspiration | None) -> list[Part]:
    """Why a goal is set apart on the Goals list, if it is (`goal_place`)."""
    place = goal_place(aspiration, goal)
    if aspiration is None or place is GoalPlace.LIVE:
        return []
    if place is GoalPlace.OTHER_LEVEL:
        why = f"not the level you stand on ({aspiration.ladder.position()})"
    elif place is GoalPlace.PAUSED:
        why = "its aspiration is paused"
    elif place is GoalPlace.DROPPED:
        return []  # its own line says when and why
    else:
        why = "its aspiration is archived"
    return [(f"Set apart: {why}.", "italic $text-muted"), "\n"]


def _dropped_line(goal: Goal, dates: DateFormat) -> list[Part]:
    if goal.dropped is None:
        return []
    parts: list[Part] = [(f"✗ Dropped on {dates.long(goal.dropped)}", "bold $text-warning")]
    if goal.dropped_why:
        parts += [(": ", "dim"), plain(goal.dropped_why)]
    return [*parts, ("  (x takes it back up)", "dim"), "\n"]


def _pace_lines(state: GoalState, today: date, dates: DateFormat) -> list[Part]:
    goal, p, found = state.goal, state.progress, state.pace
    word, style = status_text(found.status)
    parts: list[Part] = [("Pace: ", "dim"), (word, style)]
    if goal.target.every:  # a habit: its buffer, not a line to one target
        if found.status in (PaceStatus.AHEAD, PaceStatus.ON_TRACK, PaceStatus.BEHIND):
            parts.append(measured(f" · {buffer_text(goal, p)}", goal, "dim"))
        return [*parts, "\n"]
    if found.status in (PaceStatus.AHEAD, PaceStatus.ON_TRACK, PaceStatus.BEHIND):
        line = (found.expected or 0) * (STRETCH_BAR if goal.stretch else 1)
        parts.append(
            (f" · the line is at {round(line * 100)}% today, you are at {p.percent}%", "dim")
        )
    elif found.status is PaceStatus.STRETCH_MET:
        parts.append((f" · {p.percent}% of a stretch: {round(STRETCH_GOOD * 100)}% is good", "dim"))
    elif found.status is PaceStatus.NOT_STARTED:
        parts.append((f" · starts {dates.long(goal.begins)}", "dim"))
    parts.append("\n")
    if found.projected is not None:
        parts += [("At the recent rate: ", "dim"), f"done about {dates.long(found.projected)}"]
        if goal.deadline is not None and found.projected > goal.deadline:
            parts.append((" — after the deadline", "$text-warning"))
        parts.append("\n")
    elif not p.achieved and not goal.target.done_only and today > goal.begins:
        quiet = "no progress in the last four weeks"
        parts += [("At the recent rate: ", "dim"), (quiet, "dim italic"), "\n"]
    return parts


def describe_goal(
    state: GoalState,
    aspiration: Aspiration | None,
    today: date,
    bar_width: int = 30,
    hints: bool = True,
    set_apart: bool = False,
    *,
    dates: DateFormat,
) -> Content:
    """`hints` name the Goals screen's keys; elsewhere (Home) they would not work.
    `set_apart`: say why the goal is set apart from live work, as the Goals list does."""
    goal, p = state.goal, state.progress
    due, due_style = deadline_text(goal.deadline, today, p.achieved, dates)
    commitment = "stretch goal" if goal.stretch else "committed"
    parts: list[Part] = [
        plain(one_line(goal.title, 200), HEADING),
        (f"  {commitment}", "dim italic"),
        "\n",
    ]
    parts += _dropped_line(goal, dates)
    if goal.description.strip():
        parts += [plain(goal.description.strip()), "\n"]
    if goal.tags:
        parts += [(" ".join(f"#{t}" for t in goal.tags), "$text-accent"), "\n"]
    parts += [
        ("Serves: ", "dim"),
        plain(one_line(aspiration.title, 80) if aspiration else "?"),
        *_level_of(goal, aspiration),
        "\n",
        *(_apart_line(goal, aspiration) if set_apart else []),
        ("Target: ", "dim"),
        measured(target_text(goal), goal),
        ("  ·  ", "dim"),
        (due, due_style),
        "\n",
        ("From ", "dim"),
        dates.short(goal.begins),
        "\n\n",
        progress_bar(p.fraction, bar_width),
        (f" {p.percent}%", "bold"),
        "\n",
        measured(progress_text(goal, p), goal),
        "\n",
    ]
    parts += _pace_lines(state, today, dates)
    if p.achieved and p.achieved_on:
        parts += [("✓ Achieved on " + dates.long(p.achieved_on), "bold $text-success"), "\n"]
        if goal.closer.strip():
            parts += [("How it moved me forward: ", "dim"), plain(goal.closer.strip()), "\n"]
        else:
            if hints:
                parts += [("Press w to note how it moved you forward.", "dim italic"), "\n"]
    if goal.how.strip():
        parts += [("What it takes: ", "dim"), plain(goal.how.strip()), "\n"]
    missing = missing_letters(
        smart_check(
            title=goal.title,
            description=goal.description,
            measurable=True,
            how=goal.how,
            deadline=goal.deadline is not None,
        )
    )
    if missing and not p.achieved and hints:
        parts += [(f"SMART: {' '.join(missing)} still open (e edits)", "dim italic"), "\n"]
    return Content.assemble(*parts)


CHECKINS_SHOWN = 30
"""The latest check-ins a goal's page lists; the check-ins dialog (`c`) lists them all. Years
of a weekly habit are hundreds of lines, which the page would lay out on every highlight."""


def history_lines(goal: Goal, checkins: list[CheckIn], dates: DateFormat) -> list[Part]:
    """The milestones, then the latest check-ins, newest first (oldest first in `checkins`)."""
    parts: list[Part] = []
    if goal.target.milestones:
        done = {c.milestone: c.on for c in checkins if c.milestone}
        parts += [("Milestones", "bold"), "\n"]
        dues = goal.target.milestone_due
        for number, name in enumerate(goal.target.milestones):
            when = done.get(name)
            mark = ("✓ ", "$text-success") if when else ("○ ", "dim")
            parts += [mark, plain(one_line(name, 200))]
            due = dues[number] if number < len(dues) else None
            if when:
                parts.append((f"  {dates.short(when)}", "dim"))
            elif due is not None:
                parts.append((f"  due {dates.short(due)}", "dim"))
            parts.append("\n")
        parts.append("\n")
    parts += [("Check-ins", "bold"), ("  (c corrects or deletes)", "dim") if checkins else "", "\n"]
    if not checkins:
        verb = "mark it done" if goal.target.done_only else "log progress"
        parts.append((f"None yet. Press l to {verb}.", "dim italic"))
    for c in reversed(checkins[-CHECKINS_SHOWN:]):
        parts += [
            (dates.short(c.on), "bold"),
            measured(f"  {amount_text(goal, c.amount, c.milestone):>8}  ", goal),
            plain(one_line(c.note, 10_000)),
            "\n",
        ]
    earlier = len(checkins) - CHECKINS_SHOWN
    if earlier > 0:
        what = "check-in" if earlier == 1 else "check-ins"
        parts.append((f"… and {earlier:,} earlier {what}: c lists them all.", "dim italic"))
    return parts
