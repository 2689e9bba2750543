"""Saving an aspiration together with the goals chosen for its level, in one write; shared by
the Aspirations screen and the recommendations on Reflect."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.app import App

from aspire_tui.domain.models import Aspiration, Goal, Target
from aspire_tui.presentation.text import one_line
from aspire_tui.store import AspireStore
from aspire_tui.ui.privacy_mask import toast_text


def save_with_goals(
    store: AspireStore, aspiration: Aspiration, goals: Iterable[tuple[str, Target]], today: date
) -> Aspiration:
    """The goals go on the level the aspiration stands on; all of it lands, or none."""
    with store.transaction():
        saved = store.save_aspiration(aspiration)
        assert saved.id is not None
        for title, target in goals:
            store.save_goal(Goal(saved.id, title, target, today, level=saved.ladder.level))
    return saved


def adopted_message(saved: Aspiration, goals: int, app: App[Any] | None = None) -> str:
    """Plain text for a toast (shown with markup off); given the app, the title is hidden
    while the privacy mask is on."""
    count = f", with {goals} goal{'s' if goals != 1 else ''}" if goals else ""
    title = one_line(saved.title, 50)
    said = f"Adopted “{title}” on level {saved.ladder.position()}{count}."
    return toast_text(app, said, title) if app is not None else said
