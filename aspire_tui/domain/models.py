"""The records a person keeps in Aspire.

Records are frozen so that a screen can never change what the store holds behind its back;
`dataclasses.replace` makes the edited copy that goes back to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def new_uid() -> str:
    """A record's identity across files: export and import match records by it."""
    import uuid  # only when a record is made: not worth its import before the first frame

    return uuid.uuid4().hex


class Driver(StrEnum):
    """What a person can want most from a career; no answer is better than another."""

    ACHIEVEMENT = "achievement"
    BALANCE = "balance"
    SECURITY = "security"
    MASTERY = "mastery"
    LEADING = "leading"
    AUTONOMY = "autonomy"
    BUILDING = "building"
    SERVICE = "service"
    CHALLENGE = "challenge"

    @property
    def label(self) -> str:
        return DRIVER_LABELS[self]


DRIVER_LABELS: dict[Driver, str] = {
    Driver.ACHIEVEMENT: "Recognition and getting ahead",
    Driver.BALANCE: "Time for a life outside work",
    Driver.SECURITY: "A steady, secure income",
    Driver.MASTERY: "Depth in one field",
    Driver.LEADING: "Leading people",
    Driver.AUTONOMY: "Freedom to work your own way",
    Driver.BUILDING: "Building something of your own",
    Driver.SERVICE: "Work that helps others",
    Driver.CHALLENGE: "Hard problems to beat",
}
"""Each driver named as a person would say what they want, the same on every screen."""

REFLECTION_DRIVERS = (Driver.ACHIEVEMENT, Driver.BALANCE, Driver.SECURITY)
"""The three motivations a reflection rates; the other six come from the self-assessment."""

RATING_MIN = 1
RATING_MAX = 5


@dataclass(frozen=True)
class Reflection:
    """A dated answer to the guided prompts, with how much each driver matters now."""

    on: date
    want: str = ""
    passions: str = ""
    note: str = ""
    ratings: dict[Driver, int] = field(default_factory=dict)
    prompt: str = ""
    """The journal prompt the note answers, if one was chosen."""
    tags: tuple[str, ...] = ()
    aspiration_id: int | None = None
    """The aspiration the entry is about, if any."""
    look_back: date | None = None
    """For a decision: the day to ask how it went (see `domain.decisions`)."""
    follows: str = ""
    """For a look back: the uid of the decision entry it answers."""
    uid: str = field(default_factory=new_uid)
    id: int | None = None


class AspirationStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class Move(StrEnum):
    """Something that happened to an aspiration, kept in its history."""

    ADOPTED = "adopted"
    RAISED = "raised"
    LEVEL_ADDED = "level_added"
    STEPPED_DOWN = "stepped_down"
    PAUSED = "paused"
    RESUMED = "resumed"
    REEVALUATED = "reevaluated"
    ARCHIVED = "archived"
    RESTORED = "restored"
    LET_GO = "let_go"


@dataclass(frozen=True)
class Event:
    on: date
    move: Move
    level: int
    reason: str = ""


FIRST_RUNG = "First steps"
"""The one level a direction of one's own starts with until its owner names more."""


@dataclass(frozen=True)
class Ladder:
    """The levels of an aspiration, lowest first, where the person stands, and how they got
    there. The rules for moving on it live in `domain.ladder`."""

    rungs: tuple[str, ...] = (FIRST_RUNG,)
    level: int = 0
    paused: bool = False
    history: tuple[Event, ...] = ()
    paused_until: date | None = None
    """While paused: the day it comes back by itself (`domain.ladder.back_from_pause`)."""

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


@dataclass(frozen=True)
class Aspiration:
    """A direction the person has chosen; `path` names its catalog entry, None if custom."""

    title: str
    created: date
    why: str = ""
    path: str | None = None
    status: AspirationStatus = AspirationStatus.ACTIVE
    ladder: Ladder = field(default_factory=Ladder)
    passions: tuple[str, ...] = ()
    """Items from the person's passions lists that this direction touches."""
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def active(self) -> bool:
        return self.status is AspirationStatus.ACTIVE


@dataclass(frozen=True)
class Target:
    """How a goal is measured: done / not done, a number to raise or bring down, or a
    checklist of milestones.

    A number starts from `start` (0 unless said) and aims at `amount`: below the start, it is a
    number to bring down ("reduce overtime to 5 hours a week"), and each check-in then records
    where it stands; above it, each check-in adds to the total.
    """

    amount: float = 1.0
    unit: str = ""
    done_only: bool = True
    start: float = 0.0
    milestones: tuple[str, ...] = ()
    milestone_due: tuple[date | None, ...] = ()
    """Each milestone's own due date, in the milestones' order (empty: none has one)."""
    every: str = ""
    """A habit: "week" or "month", and `amount` is how many times each period; "" for a
    goal reached once (`domain.habits`)."""

    @classmethod
    def done(cls) -> Target:
        return cls()

    @classmethod
    def number(cls, amount: float, unit: str = "", start: float = 0.0) -> Target:
        return cls(amount=amount, unit=unit, done_only=False, start=start)

    @classmethod
    def checklist(cls, milestones: tuple[str, ...]) -> Target:
        return cls(amount=len(milestones), done_only=False, milestones=milestones)

    @classmethod
    def habit(cls, times: float, unit: str, every: str) -> Target:
        return cls(amount=times, unit=unit, done_only=False, every=every)

    @property
    def kind(self) -> TargetKind:
        if self.every:
            return TargetKind.HABIT
        if self.done_only:
            return TargetKind.DONE
        if self.milestones:
            return TargetKind.MILESTONES
        return TargetKind.DOWN if self.amount < self.start else TargetKind.UP

    @property
    def decreasing(self) -> bool:
        return self.kind is TargetKind.DOWN


class TargetKind(StrEnum):
    DONE = "done"
    UP = "up"
    DOWN = "down"
    MILESTONES = "milestones"
    HABIT = "habit"
    """Times per week or per month (`domain.habits`)."""


@dataclass(frozen=True)
class Goal:
    """A measurable step on an aspiration's path, written to cover the five SMART letters:
    specific (title, description), measurable (target), achievable (`how`), relevant (the
    aspiration and level it serves) and time-bound (`starts`, `deadline`)."""

    aspiration_id: int
    title: str
    target: Target
    created: date
    deadline: date | None = None
    level: int = 0
    """The rung of its aspiration's ladder this goal belongs to, counted from 0."""
    description: str = ""
    how: str = ""
    """What reaching it will take: the achievable part."""
    starts: date | None = None
    """When the straight line to the deadline begins; the day it was created if not said."""
    stretch: bool = False
    """A stretch goal counts 60–70% as a good result; a committed one is expected in full."""
    closer: str = ""
    """Once achieved: how it moved the aspiration forward."""
    tags: tuple[str, ...] = ()
    dropped: date | None = None
    """The day the person let it go: kept with its check-ins, out of the way of live work."""
    dropped_why: str = ""
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def begins(self) -> date:
        return self.starts or self.created

    @property
    def is_dropped(self) -> bool:
        return self.dropped is not None


PASSION_LISTS = ("love", "good_at", "needed", "paid_for")
"""What I love doing, what I am good at, what the world (or my field) needs, what I can be
paid for: where several overlap is the heart of what a person might aim for."""


@dataclass(frozen=True)
class Passions:
    """The four lists a person keeps up to date, and the values they will not trade away."""

    love: tuple[str, ...] = ()
    good_at: tuple[str, ...] = ()
    needed: tuple[str, ...] = ()
    paid_for: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    updated: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass(frozen=True)
class Assessment:
    """One sitting of the career-drivers self-assessment; unfinished until `finished` is set,
    so that it can be left and resumed."""

    started: date
    answers: dict[str, int] = field(default_factory=dict)
    """Statement id -> 1 (never true for me) to 6 (always true for me)."""
    picks: tuple[str, ...] = ()
    """The statements picked as most true, at most three."""
    finished: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """Progress logged against a goal on a day."""

    goal_id: int
    on: date
    amount: float
    """Added to the total, or for a number to bring down, where it stands that day."""
    note: str = ""
    milestone: str = ""
    """The milestone this check-in marks done, for a checklist goal."""
    uid: str = field(default_factory=new_uid)
    id: int | None = None


class ReviewAction(StrEnum):
    """What a person did to a goal or an aspiration during a review."""

    LOGGED = "logged"
    ADJUSTED = "adjusted"
    ACHIEVED = "achieved"
    DROPPED = "dropped"
    KEPT = "kept"
    """An aspiration confirmed as still one's own."""
    REEVALUATED = "reevaluated"
    RETAKEN = "retaken"
    """The drivers self-assessment taken again."""
    LOOKED_BACK = "looked back"
    """A decision looked back on: the answer is a journal entry linked to it."""


@dataclass(frozen=True)
class ReviewChange:
    """One change made during a review. The title is kept as it was, so the review still
    reads right after the goal or aspiration is renamed or deleted."""

    step: str
    """The step it was made at: "goal:<uid>", "aspiration:<uid>" or "drivers"."""
    action: ReviewAction
    title: str
    detail: str = ""


@dataclass(frozen=True)
class Review:
    """A periodic review: a walk through the active goals and aspirations, the drivers if
    they are old, and a closing reflection. Unfinished until `finished` is set, so that it
    can be left and resumed where it stood."""

    started: date
    plan: tuple[str, ...]
    """The steps, fixed when the review began: goal and aspiration steps by record uid,
    then "drivers" if the profile is over a year old, then "closing"."""
    step: int = 0
    notes: dict[str, str] = field(default_factory=dict)
    """Step -> what the person wrote about it."""
    changes: tuple[ReviewChange, ...] = ()
    went_well: str = ""
    will_change: str = ""
    next_step: str = ""
    finished: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None
