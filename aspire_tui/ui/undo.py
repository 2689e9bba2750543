"""What ctrl+z can put back: the records as they were before a delete or a correction."""

from __future__ import annotations

from dataclasses import dataclass, field

from aspire_tui.domain.models import CheckIn, Goal

UNDO_DEPTH = 20


@dataclass(frozen=True)
class UndoEntry:
    label: str
    """What is undone, for the toast: "the deleted goal"."""
    goals: list[Goal]
    checkins: list[CheckIn]
    select: int | None = None
    """The goal to highlight once it is back."""


@dataclass
class UndoStack:
    """Kept by the App for the session, so switching screens does not lose it."""

    entries: list[UndoEntry] = field(default_factory=list)

    def push(self, entry: UndoEntry) -> None:
        self.entries = [*self.entries, entry][-UNDO_DEPTH:]

    def pop(self) -> UndoEntry | None:
        return self.entries.pop() if self.entries else None

    def clear(self) -> None:
        """Nothing to undo any more (the data was closed: an encrypted Aspire locked)."""
        self.entries.clear()
