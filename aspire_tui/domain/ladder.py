"""Moving on an aspiration's ladder: climb, raise the bar, step down, pause, let go.

Pure functions over a `Ladder` (the rungs, where the person stands, and the history of moves),
so that every rule can be tested without a terminal or a file. Each move that changes direction
asks for a reason, because the reason is what a person reads again when they reevaluate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.validation import ValidationError, parse_text, parse_title


class Move(StrEnum):
    ADOPTED = "adopted"
    RAISED = "raised"
    LEVEL_ADDED = "level_added"
    STEPPED_DOWN = "stepped_down"
    PAUSED = "paused"
    RESUMED = "resumed"
    REEVALUATED = "reevaluated"
    LET_GO = "let_go"


NEEDS_REASON = frozenset({Move.STEPPED_DOWN, Move.PAUSED, Move.LET_GO, Move.REEVALUATED})


class LadderError(ValidationError):
    """A move the ladder does not allow; the message says why, for the person."""


@dataclass(frozen=True)
class Event:
    on: date
    move: Move
    level: int
    reason: str = ""


@dataclass(frozen=True)
class Ladder:
    rungs: tuple[str, ...]
    level: int = 0
    paused: bool = False
    history: tuple[Event, ...] = ()

    @property
    def current(self) -> str:
        return self.rungs[self.level]

    @property
    def at_top(self) -> bool:
        return self.level == len(self.rungs) - 1

    @property
    def next_rung(self) -> str | None:
        return None if self.at_top else self.rungs[self.level + 1]

    def position(self) -> str:
        """ "2/5": the rung a person stands on, counted from 1, of how many."""
        return f"{self.level + 1}/{len(self.rungs)}"


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
) -> Ladder:
    text = parse_text(reason, "Reason")
    if move in NEEDS_REASON and not text:
        raise LadderError("Say why, in a line: it is what you will read when you look back.")
    level = ladder.level if level is None else level
    return Ladder(
        rungs=ladder.rungs if rungs is None else rungs,
        level=level,
        paused=ladder.paused if paused is None else paused,
        history=(*ladder.history, Event(on, move, level, text)),
    )


def raise_bar(ladder: Ladder, on: date, reason: str = "") -> Ladder:
    """Climb to the next rung; at the top, add a higher rung first with `add_level`."""
    if ladder.at_top:
        raise LadderError("This is the top of the ladder: add a higher level to climb on.")
    return _moved(ladder, Move.RAISED, on, reason, level=ladder.level + 1, paused=False)


def add_level(ladder: Ladder, name: str, on: date) -> Ladder:
    """There is always room higher: a new rung goes above the top."""
    rung = parse_title(name, "Level name")
    return _moved(ladder, Move.LEVEL_ADDED, on, rung, rungs=(*ladder.rungs, rung))


def step_down(ladder: Ladder, on: date, reason: str) -> Ladder:
    if ladder.level == 0:
        raise LadderError("This is the first level: there is no level below it.")
    return _moved(ladder, Move.STEPPED_DOWN, on, reason, level=ladder.level - 1)


def pause(ladder: Ladder, on: date, reason: str) -> Ladder:
    if ladder.paused:
        raise LadderError("This aspiration is already paused.")
    return _moved(ladder, Move.PAUSED, on, reason, paused=True)


def resume(ladder: Ladder, on: date, reason: str = "") -> Ladder:
    if not ladder.paused:
        raise LadderError("This aspiration is not paused.")
    return _moved(ladder, Move.RESUMED, on, reason, paused=False)


def reevaluate(ladder: Ladder, on: date, reason: str) -> Ladder:
    """Record a second look without moving: still mine, for these reasons."""
    return _moved(ladder, Move.REEVALUATED, on, reason)


def let_go(ladder: Ladder, on: date, reason: str) -> Ladder:
    return _moved(ladder, Move.LET_GO, on, reason, paused=True)


def level_complete(progresses: Iterable[GoalProgress]) -> bool:
    """A level is done when it has goals and every one of them is achieved."""
    items = list(progresses)
    return bool(items) and all(p.achieved for p in items)
