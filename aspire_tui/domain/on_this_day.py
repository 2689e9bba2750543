"""What the person wrote one, two or five years ago today: a journal entry (a reflection, a
decision) or a review's one next thing, for Home to bring back in one line."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from aspire_tui.domain.models import Reflection, Review

YEARS_AGO = (1, 2, 5)
YEAR_WORDS = {1: "A year ago", 2: "Two years ago", 5: "Five years ago"}


@dataclass(frozen=True)
class Remembered:
    years: int
    on: date
    text: str
    """What was written, whole (Home shows its first line)."""
    entry: Reflection | Review

    @property
    def said(self) -> str:
        return f"{YEAR_WORDS[self.years]} you wrote"


def years_before(today: date, years: int) -> date:
    """The same date `years` earlier; 29 February falls back to the 28th."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _written(entry: Reflection | Review) -> str:
    if isinstance(entry, Review):
        return entry.next_step.strip() and f"Next: {entry.next_step.strip()}"
    return (entry.note or entry.want or entry.passions).strip()


def on_this_day(
    reflections: Iterable[Reflection], reviews: Iterable[Review], today: date
) -> Remembered | None:
    """The most recent of one, two or five years ago today with something written; of a
    day with several, the last written (journal entries and reviews share one count of ids,
    `AspireStore`). None when there is nothing."""
    days = {years_before(today, years): years for years in YEARS_AGO}
    if (today.month, today.day) == (2, 28):  # a leap day is remembered on the 28th
        for years in YEARS_AGO:
            with contextlib.suppress(ValueError):
                days[date(today.year - years, 2, 29)] = years
    found: dict[int, list[tuple[int, Reflection | Review, str]]] = {}
    for entry in reflections:
        if entry.on in days and (text := _written(entry)):
            found.setdefault(days[entry.on], []).append((entry.id or 0, entry, text))
    for review in reviews:
        if review.finished in days and (text := _written(review)):
            found.setdefault(days[review.finished], []).append((review.id or 0, review, text))
    for years in YEARS_AGO:
        if years in found:
            _, entry, text = max(found[years], key=lambda item: item[0])
            return Remembered(years, years_before(today, years), text, entry)
    return None
