"""The records a person keeps in Aspire.

Records are frozen so that a screen can never change what the store holds behind its back;
`dataclasses.replace` makes the edited copy that goes back to the store.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def new_uid() -> str:
    """A record's identity across files: export and import match records by it."""
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

    @property
    def label(self) -> str:
        return DRIVER_LABELS[self]


DRIVER_LABELS: dict[Driver, str] = {
    Driver.ACHIEVEMENT: "Achievement and recognition",
    Driver.BALANCE: "Balance and flexibility",
    Driver.SECURITY: "Security and stability",
    Driver.MASTERY: "Mastery of a craft",
    Driver.LEADING: "Leading people",
    Driver.AUTONOMY: "Autonomy",
    Driver.BUILDING: "Building something of your own",
    Driver.SERVICE: "Service to a cause",
}

REFLECTION_DRIVERS = (Driver.ACHIEVEMENT, Driver.BALANCE, Driver.SECURITY)
"""The three motivations a reflection rates; the other five come from the self-assessment."""

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
    uid: str = field(default_factory=new_uid)
    id: int | None = None


class AspirationStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class Aspiration:
    """A direction the person has chosen; `path` names its catalog entry, None if custom."""

    title: str
    created: date
    why: str = ""
    path: str | None = None
    status: AspirationStatus = AspirationStatus.ACTIVE
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def active(self) -> bool:
        return self.status is AspirationStatus.ACTIVE


@dataclass(frozen=True)
class Target:
    """How a goal is measured: an amount of some unit, or simply done (amount 1, no unit)."""

    amount: float = 1.0
    unit: str = ""
    done_only: bool = True

    @classmethod
    def done(cls) -> Target:
        return cls()

    @classmethod
    def number(cls, amount: float, unit: str = "") -> Target:
        return cls(amount=amount, unit=unit, done_only=False)


@dataclass(frozen=True)
class Goal:
    """A measurable step on an aspiration's path."""

    aspiration_id: int
    title: str
    target: Target
    created: date
    deadline: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass(frozen=True)
class CheckIn:
    """Progress logged against a goal on a day."""

    goal_id: int
    on: date
    amount: float
    note: str = ""
    uid: str = field(default_factory=new_uid)
    id: int | None = None
