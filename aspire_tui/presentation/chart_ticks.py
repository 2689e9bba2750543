"""Where a goal chart puts its ticks: whole numbers for whole things (talks, milestones), and
dates on the first of a month or on a Monday, never on an arbitrary day."""

from __future__ import annotations

import math
from datetime import date, timedelta

MOST_TICKS = 6


def value_ticks(low: float, high: float, whole: bool, most: int = MOST_TICKS) -> list[float]:
    """Evenly spaced round values between low and high, as many as fit in `most` (at least
    two where the range has room for them); whole numbers only when what is counted comes in
    whole things."""
    if high < low:
        low, high = high, low
    if high - low < 1 and whole:
        return [_tidy(v) for v in sorted({math.floor(low), math.ceil(high)})]
    span = max(high - low, 1e-9)
    exponent = math.floor(math.log10(span / max(most - 1, 1)))
    for power in range(exponent, exponent + 3):
        for factor in (1, 2, 2.5, 5):
            step = factor * 10.0**power
            if whole and (step < 1 or step != int(step)):
                continue
            first = math.ceil(low / step - 1e-9) * step
            count = math.floor((high - first) / step + 1e-9) + 1
            if count <= most:
                return [_tidy(first + i * step) for i in range(count)]
    return [_tidy(low), _tidy(high)]


def _tidy(value: float) -> float:
    """12.000000001 -> 12.0: steps of tenths add up with float error."""
    return round(value, 9)


def date_ticks(first: date, last: date, most: int = MOST_TICKS - 1) -> list[date]:
    """Mondays for a span of weeks, firsts of months (every 1, 2, 3, 6 or 12) for longer
    ones; at most `most` of them, all between first and last. Under two weeks, days."""
    if last < first:
        first, last = last, first
    if (last - first).days < 14:
        return _every_days(first, last, most)
    for weeks in (1, 2):
        monday = first + timedelta(days=-first.weekday() % 7)
        if monday <= last and (last - monday).days // (7 * weeks) + 1 > most:
            continue  # too many: counted, not listed (years hold hundreds of Mondays)
        ticks = []
        while monday <= last:
            ticks.append(monday)
            monday += timedelta(weeks=weeks)
        if 2 <= len(ticks) <= most:
            return ticks
    for months in (1, 2, 3, 6, 12):
        ticks = _firsts(first, last, months)
        if len(ticks) <= most and (ticks or months == 12):
            return ticks
    return _firsts(first, last, 12 * math.ceil((last.year - first.year + 1) / most))


def _every_days(first: date, last: date, most: int) -> list[date]:
    step = max(1, math.ceil(((last - first).days + 1) / most))
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


def _firsts(first: date, last: date, months: int) -> list[date]:
    """Firsts of months within first..last, every `months` months, counted from January."""
    index = first.year * 12 + first.month - 1
    if first.day != 1:
        index += 1
    index += -index % months
    ticks: list[date] = []
    while True:
        day = date(index // 12, index % 12 + 1, 1)
        if day > last:
            return ticks
        ticks.append(day)
        index += months
