"""Decisions that come back: a reevaluation's move or a choice between directions is kept in
the journal with a day to look back on it, so that the person asks later how it went."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from aspire_tui.domain.models import Reflection

LOOK_BACK_MONTHS = 3
DECISION_TAG = "decision"
LOOK_BACK_TAG = "look back"


def months_later(day: date, months: int = LOOK_BACK_MONTHS) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_look_backs(entries: Iterable[Reflection], today: date) -> list[Reflection]:
    """Decisions whose look-back day has come and that no look back answers yet, oldest
    first."""
    entries = list(entries)
    answered = {e.follows for e in entries if e.follows}
    due = [
        e
        for e in entries
        if e.look_back is not None and e.look_back <= today and e.uid not in answered
    ]
    return sorted(due, key=lambda e: (e.look_back, e.on))
