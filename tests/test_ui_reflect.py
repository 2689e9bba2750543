"""Reflect, driven by keys: write, read, edit and delete reflections."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import TextArea

from aspire_tui.domain.journal import prompt_of_the_day
from aspire_tui.domain.models import Aspiration, Driver, Reflection
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY, docs
from tests.ui_helpers import (
    SIZE,
    clear_field,
    detail_text,
    journal_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)


async def test_first_run_greets_and_points_to_reflecting(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        text = detail_text(pilot.app)
        assert "Welcome to Aspire" in text
        assert "Begin by reflecting" in text


async def test_write_a_reflection_by_keys(store: AspireStore, data_dir: Path) -> None:
    lead = store.save_aspiration(Aspiration("Lead a team", date(2026, 1, 1)))
    daily = prompt_of_the_day(TODAY)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectionForm)
        assert f"{daily}  (today's prompt)" in screen_text(pilot.app)
        await type_text(pilot, "Tired but hopeful")
        await pilot.press("tab", "tab")  # past the prompt's list
        await type_text(pilot, "Lead a team one day")
        await pilot.press("tab")
        await type_text(pilot, "Teaching")
        await pilot.press("tab")
        await type_text(pilot, "#career, energy, career")
        await pilot.press("tab", "enter", "down", "enter")  # about: Lead a team; moves on
        await pilot.press("4", "tab", "right", "right", "tab", "5", "left")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        assert journal_rows(pilot.app) == ["2026-11-27 #career #energy\nTired but hopeful"]
        shown = detail_text(pilot.app)
        assert daily in shown and "Tired but hopeful" in shown and "Teaching" in shown
        assert "About: Lead a team" in shown
        assert "●●●●○" in shown
    [saved] = docs(data_dir, "reflections")
    assert len(saved.pop("uid")) == 32
    assert saved == {
        "on": "2026-11-27",
        "want": "Lead a team one day",
        "passions": "Teaching",
        "note": "Tired but hopeful",
        "ratings": {"achievement": 4, "balance": 2, "security": 4},
        "prompt": daily,
        "tags": ["career", "energy"],
        "aspiration_id": lead.id,
        "look_back": None,
        "follows": "",
    }


async def test_empty_reflection_and_bad_date_are_refused_beside_the_field(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n", "ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        assert "at least one answer" in str(form.query_one("#note-error").visual)
        await type_text(pilot, "Something")
        await pilot.press("shift+tab")
        await clear_field(pilot)
        await type_text(pilot, "2026-13-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectionForm)
        assert "does not exist" in str(form.query_one("#on-error").visual)
    assert docs(data_dir, "reflections") == []


async def test_past_reflections_list_newest_first_and_open_for_editing(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_reflection(Reflection(on=date(2025, 1, 5), want="Old want"))
    store.save_reflection(
        Reflection(on=date(2026, 6, 1), want="New want", ratings={Driver.SECURITY: 3})
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [r.split("\n")[0] for r in journal_rows(pilot.app)] == ["2026-06-01", "2025-01-05"]
        assert "New want" in detail_text(pilot.app)
        await pilot.press("j")
        await pilot.pause()
        assert "Old want" in detail_text(pilot.app)
        await pilot.press("enter")
        assert pilot.app.focused is pilot.app.screen.query_one("#detail-pane")
        await pilot.press("escape", "e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectionForm)
        await pilot.press("tab", "tab", "end")  # past the prompt, to what I want
        await type_text(pilot, ", revised")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Old want, revised" in detail_text(pilot.app)
    wants = sorted(d["want"] for d in docs(data_dir, "reflections"))
    assert wants == ["New want", "Old want, revised"]


async def test_delete_asks_first(store: AspireStore, data_dir: Path) -> None:
    store.save_reflection(Reflection(on=date(2026, 6, 1), want="Keep me?"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(docs(data_dir, "reflections")) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert journal_rows(pilot.app) == []
        assert "Keep me?" not in detail_text(pilot.app)
    assert docs(data_dir, "reflections") == []


async def test_escape_closes_an_untouched_form_at_once(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)


async def test_escape_asks_before_throwing_away_what_was_typed(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "A long thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        assert form.query_one("#note", TextArea).text == "A long thought"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
    assert docs(data_dir, "reflections") == []


async def test_ctrl_q_asks_before_quitting_over_unsaved_writing(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert pilot.app.is_running and isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectionForm)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_a_file_that_vanishes_while_open_is_reported_not_crashed_on(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_reflection(Reflection(on=date(2026, 6, 1), want="Mine"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        (data_dir / "aspire.json").unlink()
        for keys in (("e",), ("d",), ("2",), ("n", "escape"), ("3",), ("1",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert pilot.app.is_running
        assert any("disappeared" in m for m in notifications(pilot.app))
    assert not (data_dir / "aspire.json").exists()
