"""A pause set to end on a day ends by itself on that day: the app (as it opens, and each
time a screen comes back) and the commands that write call this, so Home, the review and the
prompt see the aspiration in play again."""

from __future__ import annotations

import dataclasses
from datetime import date

from aspire_tui.domain.ladder import back_from_pause
from aspire_tui.domain.models import Aspiration
from aspire_tui.store import AspireStore


def bring_back_paused(store: AspireStore, today: date) -> list[Aspiration]:
    """Resume each aspiration whose pause ends by `today` (dated the day it was set for), in
    one write; the ones resumed. Nothing for a read-only look."""
    if store.read_only:
        return []
    due = [
        dataclasses.replace(a, ladder=back)
        for a in store.aspirations()
        if (back := back_from_pause(a, today)) is not None
    ]
    if not due:
        return []
    with store.transaction():
        return [store.save_aspiration(a) for a in due]
