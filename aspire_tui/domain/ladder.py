"""Moving on an aspiration's ladder: climb, raise the bar, step down, pause, let go.

Pure functions over a `Ladder` (the rungs, where the person stands, and the history of moves),
so that every rule can be tested without a terminal or a file. Each move that changes direction
asks for a reason, because the reason is what a person reads again when they reevaluate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum

from aspire_tui.domain.models import Aspiration, Event, Goal, Ladder, Move
from aspire_tui.domain.progress import GoalProgress, achieved_count
from aspire_tui.domain.validation import MAX_RUNGS, ValidationError, parse_text, parse_title

NEEDS_REASON = frozenset(
    {
        Move.STEPPED_DOWN,
        Move.PAUSED,
        Move.RESUMED,
        Move.LET_GO,
        Move.REEVALUATED,
        Move.ARCHIVED,
        Move.RESTORED,
    }
)
"""Every change of direction asks why; climbing does not, unless the level is unfinished."""


class LadderError(ValidationError):
    """A move the ladder does not allow; the message says why, for the person."""


def adopt(rungs: Iterable[str], start: int, on: date, reason: str = "") -> Ladder:
    names = tuple(parse_title(name, "Level name") for name in rungs)
    if not names:
        raise LadderError("A ladder needs at least one level.")
    if not 0 <= start < len(names):
        raise LadderError(f"Start on a level from 1 to {len(names)}.")
    event = Event(on, Move.ADOPTED, start, parse_text(reason, "Reason"))
    return Ladder(names, start, False, (event,))


def _moved(
    ladder: Ladder,
    move: Move,
    on: date,
    reason: str,
    *,
    level: int | None = None,
    paused: bool | None = None,
    rungs: tuple[str, ...] | None = None,
    until: date | None = None,
) -> Ladder:
    text = parse_text(reason, "Reason")
    if move in NEEDS_REASON and not text:
        raise LadderError("Say why, in a line: it is what you will read when you look back.")
    level = ladder.level if level is None else level
    still_paused = ladder.paused if paused is None else paused
    return Ladder(
        rungs=ladder.rungs if rungs is None else rungs,
        level=level,
        paused=still_paused,
        history=(*ladder.history, Event(on, move, level, text)),
        paused_until=(until or ladder.paused_until) if still_paused else None,
    )


def raise_bar(ladder: Ladder, on: date, reason: str = "", *, level_done: bool = True) -> Ladder:
    """Climb to the next rung; at the top, add a higher rung first with `add_level`.
    Climbing before this level's goals are achieved is allowed, with a reason."""
    if ladder.at_top:
        raise LadderError("This is the top of the ladder: add a higher level to climb on.")
    if not level_done and not reason.strip():
        raise LadderError("This level's goals are not all achieved yet: say why it is time.")
    return _moved(ladder, Move.RAISED, on, reason, level=ladder.level + 1, paused=False)


def add_level(ladder: Ladder, name: str, on: date) -> Ladder:
    """There is always room higher: a new rung goes above the top."""
    rung = parse_title(name, "Level name")
    if len(ladder.rungs) >= MAX_RUNGS:
        raise LadderError(f"A ladder has at most {MAX_RUNGS} levels.")
    _distinct((*ladder.rungs, rung))
    return _moved(ladder, Move.LEVEL_ADDED, on, rung, rungs=(*ladder.rungs, rung))


def step_down(ladder: Ladder, on: date, reason: str) -> Ladder:
    if ladder.level == 0:
        raise LadderError("This is the first level: there is no level below it.")
    return _moved(ladder, Move.STEPPED_DOWN, on, reason, level=ladder.level - 1)


def pause(ladder: Ladder, on: date, reason: str, until: date | None = None) -> Ladder:
    """`until`: the day it comes back by itself (`back_from_pause`), after `on`."""
    if ladder.paused:
        raise LadderError("This aspiration is already paused.")
    if until is not None and until <= on:
        raise LadderError("A pause comes back on a day after today.")
    return _moved(ladder, Move.PAUSED, on, reason, paused=True, until=until)


def back_from_pause(aspiration: Aspiration, today: date) -> Ladder | None:
    """The ladder resumed, when its pause was set to end by `today`: dated the day it was
    set for, so the history says when it came back, not when Aspire was next opened. None
    if it is not due back."""
    ladder = aspiration.ladder
    until = ladder.paused_until
    if not aspiration.active or not ladder.paused or until is None or today < until:
        return None
    return resume(ladder, until, f"Paused until {until.isoformat()}")


def resume(ladder: Ladder, on: date, reason: str = "") -> Ladder:
    if not ladder.paused:
        raise LadderError("This aspiration is not paused.")
    return _moved(ladder, Move.RESUMED, on, reason, paused=False)


def reevaluate(ladder: Ladder, on: date, reason: str) -> Ladder:
    """Record a second look without moving: still mine, for these reasons."""
    return _moved(ladder, Move.REEVALUATED, on, reason)


def set_aside(ladder: Ladder, on: date, reason: str) -> Ladder:
    """Archive: out of the way, still readable, and can be taken up again. Archiving ends a
    pause, so a restored aspiration is simply active again."""
    return _moved(ladder, Move.ARCHIVED, on, reason, paused=False)


def take_up(ladder: Ladder, on: date, reason: str) -> Ladder:
    """Restore an archived aspiration, on the level it was left at."""
    return _moved(ladder, Move.RESTORED, on, reason)


def let_go(ladder: Ladder, on: date, reason: str) -> Ladder:
    """Decide this direction is no longer yours; it is archived, with the reason kept."""
    return _moved(ladder, Move.LET_GO, on, reason, paused=False)


def last_set_aside(ladder: Ladder) -> Event | None:
    """The archive or let-go that the aspiration is still under, if any."""
    for event in reversed(ladder.history):
        if event.move is Move.RESTORED:
            return None
        if event.move in (Move.ARCHIVED, Move.LET_GO):
            return event
    return None


def rename_levels(ladder: Ladder, names: Sequence[str], on: date) -> Ladder:
    """Rename the rungs and add new ones above the top; rungs are never removed, because
    goals and history refer to them by position."""
    rungs = tuple(parse_title(name, "Level name") for name in names)
    if len(rungs) < len(ladder.rungs):
        raise LadderError(
            f"Keep all {len(ladder.rungs)} levels (rename them if you like): "
            "goals and history refer to them."
        )
    for index, old in enumerate(ladder.rungs):
        if rungs[index] != old and old in rungs:
            raise LadderError(
                f"Levels keep their places: “{old}” has moved. Add new levels at the end, "
                "above the top."
            )
    renamed = dataclasses.replace(ladder, rungs=rungs[: len(ladder.rungs)])  # the rest kept
    for name in rungs[len(ladder.rungs) :]:
        renamed = add_level(renamed, name, on)
    return renamed


def level_complete(progresses: Iterable[GoalProgress]) -> bool:
    """A level is done when it has goals and every one of them is achieved."""
    items = list(progresses)
    return bool(items) and all(p.achieved for p in items)


def level_goals(aspiration: Aspiration, goals: Iterable[Goal]) -> list[Goal]:
    """The goals of the level the person stands on now (not those dropped: a level is done
    without them)."""
    level = aspiration.ladder.level
    return [
        g
        for g in goals
        if g.aspiration_id == aspiration.id and g.level == level and g.dropped is None
    ]


def level_count(
    aspiration: Aspiration, goals: Iterable[Goal], progress: Mapping[int, GoalProgress]
) -> tuple[int, int]:
    """(achieved, total) among the goals of the level the person stands on: the one count
    every screen gives an aspiration (goals of other levels are not counted)."""
    return achieved_count(
        progress[g.id] for g in level_goals(aspiration, goals) if g.id is not None
    )


class GoalPlace(StrEnum):
    """Whether a goal is live work, or set apart from it."""

    LIVE = "live"
    """On the level the person stands on, of an aspiration being climbed."""
    OTHER_LEVEL = "other level"
    PAUSED = "paused"
    SET_ASIDE = "set aside"
    """Of an archived or let-go aspiration (or one not there)."""
    DROPPED = "dropped"
    """Let go by the person, kept with its check-ins."""


def goal_place(aspiration: Aspiration | None, goal: Goal) -> GoalPlace:
    """Where a goal stands in its aspiration's climb: a paused aspiration's goals are all
    paused; an active one's are live on the current level, set apart on the others. A
    dropped goal is set apart wherever it stands."""
    if goal.dropped is not None:
        return GoalPlace.DROPPED
    if aspiration is None or not aspiration.active:
        return GoalPlace.SET_ASIDE
    if aspiration.ladder.paused:
        return GoalPlace.PAUSED
    if goal.level != aspiration.ladder.level:
        return GoalPlace.OTHER_LEVEL
    return GoalPlace.LIVE


def ready_to_raise(
    aspiration: Aspiration, goals: Iterable[Goal], progress: Mapping[int, GoalProgress]
) -> bool:
    """Every goal of the current level achieved, on an aspiration still being climbed."""
    if not aspiration.active or aspiration.ladder.paused:
        return False
    return level_complete(progress[g.id] for g in level_goals(aspiration, goals) if g.id)


def stepped_down_on(ladder: Ladder) -> date | None:
    """The day of the step down that brought the person to the level they stand on; None
    if they climbed to it or started on it."""
    for event in reversed(ladder.history):
        if event.move is Move.STEPPED_DOWN:
            return event.on
        if event.move in (Move.RAISED, Move.ADOPTED):
            return None
    return None


def climb_held(
    aspiration: Aspiration, goals: Iterable[Goal], last_checkin: Mapping[int, date | None]
) -> date | None:
    """After a step down, the offer to climb waits until the level is worked on again: a goal
    of it added, or a check-in on one of its goals dated, after the day of the step down.
    Records are dated by the day, so work on that day itself does not count yet.
    `last_checkin`: goal id -> the day of its latest check-in. The step down's day while the
    offer waits; None when it does not."""
    day = stepped_down_on(aspiration.ladder)
    if day is None:
        return None
    for goal in level_goals(aspiration, goals):
        last = last_checkin.get(goal.id) if goal.id is not None else None
        if goal.created > day or (last is not None and last > day):
            return None
    return day


def climb_offered(
    aspiration: Aspiration,
    goals: Iterable[Goal],
    progress: Mapping[int, GoalProgress],
    last_checkin: Mapping[int, date | None],
) -> bool:
    """Whether to offer the climb unasked ("↑ raise the bar", the congratulation): the level
    is done (`ready_to_raise`) and not just stepped down to (`climb_held`). Raising when
    asked (r) needs neither."""
    goals = list(goals)
    return ready_to_raise(aspiration, goals, progress) and (
        climb_held(aspiration, goals, last_checkin) is None
    )


def parse_levels(text: str) -> list[str]:
    """Level names typed one per line, lowest first."""
    names = [line for line in text.splitlines() if line.strip()]
    if not names:
        raise LadderError("Name at least one level: the one you start on.")
    if len(names) > MAX_RUNGS:
        raise LadderError(f"A ladder has at most {MAX_RUNGS} levels.")
    levels = [parse_title(name, f"Level {number}") for number, name in enumerate(names, 1)]
    _distinct(levels)
    return levels


def _distinct(names: Sequence[str]) -> None:
    """Each level has its own name, so that a level is never mistaken for another."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise LadderError(f"Two levels are called “{name}”: give each its own name.")
        seen.add(name.casefold())


def levels_text(ladder: Ladder) -> str:
    return "\n".join(ladder.rungs)


def blocker(aspiration: Aspiration, move: Move, needs_reason: bool = False) -> str | None:
    """Why `move` cannot be made on this aspiration now, in words for the person; None if it
    can. `needs_reason` says the aspiration's path has a price that asks for a reason."""
    ladder = aspiration.ladder
    archived = "This aspiration is archived: restore it first."
    if move is Move.RESTORED:
        if aspiration.active:
            return "This aspiration is active already."
        if needs_reason and not aspiration.why.strip():
            return "This path asks for your reason before it is active again: write it first."
        return None
    if move is Move.REEVALUATED:
        return None
    if move is Move.LET_GO:
        event = last_set_aside(ladder)
        return "You have let this one go already." if event and event.move is Move.LET_GO else None
    if not aspiration.active:
        event = last_set_aside(ladder)
        if event is not None and event.move is Move.LET_GO:
            return "You let this aspiration go: restore it first."
        return archived
    if move is Move.RAISED and ladder.paused:
        return "This aspiration is paused: resume it first."
    if move is Move.STEPPED_DOWN and ladder.level == 0:
        return "This is the first level: there is no level below it."
    if move is Move.PAUSED and ladder.paused:
        return "This aspiration is already paused."
    if move is Move.RESUMED and not ladder.paused:
        return "This aspiration is not paused."
    return None
