"""A draft: what was being typed in a form when Aspire was stopped (the terminal closed, or
the process was asked to end), kept to be offered back at the next start."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FieldValue = str | int | float | bool | None


@dataclass(frozen=True)
class Draft:
    form: str
    """Which form: "reflection", "goal", "checkin", or another form's name."""
    heading: str
    """The form's title as it was shown, to name the draft to the person."""
    saved: datetime
    fields: dict[str, FieldValue] = field(default_factory=dict)
    """Each field's value, by the field's id."""
    record: int | None = None
    """The record being edited (for a check-in, its goal); None for a new one."""

    def text(self) -> str:
        """What was typed, in words, for the person to copy if the form cannot reopen."""
        return "\n".join(v for v in self.fields.values() if isinstance(v, str) and v.strip())
