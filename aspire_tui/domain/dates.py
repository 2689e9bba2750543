"""How dates are shown, in the format the person chose in their settings.

Dates are always typed, stored and exported as 2026-11-27 (ISO 8601): only what the screens
show follows the setting, so the choice can never make a date ambiguous on disk. The format is
passed to whatever shows a date (the app holds the setting); nothing here remembers one.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class DateFormat(StrEnum):
    ISO = "iso"
    DAY_MONTH = "day-month"
    MONTH_DAY = "month-day"

    @property
    def example(self) -> str:
        sample = date(2026, 11, 27)
        return f"{self.short(sample)}, {self.long(sample)}"

    def short(self, day: date) -> str:
        """A date in a line: 2026-11-27, 27/11/2026 or 11/27/2026."""
        return short_date(day, self)

    def long(self, day: date) -> str:
        """A date in prose: Fri 27 Nov 2026 or Fri, Nov 27, 2026."""
        return long_date(day, self)

    def in_sentence(self, day: date, today: date) -> str:
        return in_sentence(day, today, self)


def short_date(day: date, style: DateFormat) -> str:
    if style is DateFormat.DAY_MONTH:
        return f"{day.day:02}/{day.month:02}/{day.year}"
    if style is DateFormat.MONTH_DAY:
        return f"{day.month:02}/{day.day:02}/{day.year}"
    return day.isoformat()


def long_date(day: date, style: DateFormat) -> str:
    if style is DateFormat.MONTH_DAY:
        return f"{day:%a}, {day:%b} {day.day}, {day.year}"
    return f"{day:%a} {day.day} {day:%b %Y}"


def in_sentence(day: date, today: date, style: DateFormat) -> str:
    """A day in a sentence, the year left out when it is this year's: 6 Sep (Sep 6 where
    months come first), 6 Sep 2025 otherwise."""
    month_first = style is DateFormat.MONTH_DAY
    said = f"{day:%b} {day.day}" if month_first else f"{day.day} {day:%b}"
    if day.year == today.year:
        return said
    return f"{said}, {day.year}" if month_first else f"{said} {day.year}"
