"""The journal shows what was written, asks each question once, and keeps newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select

from aspire_tui.domain.journal import REEVALUATION_PROMPT
from aspire_tui.domain.models import Driver, Reflection
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from tests.conftest import docs
from tests.ui_helpers import SIZE, detail_text, journal_rows, make_app, type_text

UNASKED = (
    "What do you want out of your career?",
    "What are you passionate about?",
    "not rated",
    "not answered",
    "—",
)


async def test_an_entry_shows_only_what_was_written(store: AspireStore) -> None:
    store.save_reflection(
        Reflection(
            on=date(2026, 6, 1),
            note="Still mine, for now",
            prompt=REEVALUATION_PROMPT,
            tags=("reevaluation",),
        )
    )
    store.save_reflection(Reflection(on=date(2026, 6, 2), note="Free writing only"))
    store.save_reflection(
        Reflection(on=date(2026, 6, 3), passions="Teaching", ratings={Driver.BALANCE: 4})
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "What are you passionate about?\nTeaching" in shown
        assert "●●●●○" in shown
        assert "What do you want out of your career?" not in shown
        assert "not rated" not in shown
        for _ in range(2):
            await pilot.press("j")
            await pilot.pause()
            shown = detail_text(pilot.app)
            assert "Still mine, for now" in shown or "Free writing only" in shown
            assert "How much each matters now" not in shown
            for words in UNASKED:
                assert words not in shown, words
        assert REEVALUATION_PROMPT in shown
