"""Getting around by keys alone: screens, help, palette, quitting, and keys inside fields."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.command import CommandPalette

from aspire_tui.domain.models import Aspiration, Reflection
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
from aspire_tui.ui.dialogs.reevaluate_form import ReevaluateForm
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from aspire_tui.ui.screens.goals import GoalsScreen
from aspire_tui.ui.screens.help import HelpScreen
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import docs
from tests.ui_helpers import SIZE, detail_text, make_app, palette_commands, screen_text, type_text


async def test_number_keys_switch_between_the_three_screens(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        for key, screen in (("2", AspirationsScreen), ("3", GoalsScreen), ("1", ReflectScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, screen)


async def test_help_lists_every_key(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot.app)
        for expected in (
            "New reflection",
            "New aspiration",
            "Add goal",
            "Raise the bar",
            "Moves on the ladder",
            "Step down a level",
            "Add a level above the top",
            "Pause",
            "Resume",
            "Reevaluate",
            "Let go",
            "Archive",
            "New goal",
            "Log progress",
            "Correct or delete a check-in",
            "Search, filter and sort goals",
            "Undo the last delete or correction",
            "Write how an achieved goal moved its aspiration forward",
            "Home screen",
            "Open where it lives",
            "Delete",
            "Edit",
            "ctrl+p",
            "ctrl+q",
            "j k",
            "Reflect",
            "Aspirations",
            "Goals",
            "Quit",
            str(store.path),
        ):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)


async def test_q_quits_from_a_list(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_keys_typed_in_a_field_are_text_not_commands(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "q1?2 3")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectionForm)
        assert pilot.app.is_running
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert docs(data_dir, "reflections")[0]["note"] == "q1?2 3"


async def test_screen_keys_do_nothing_under_a_dialog(store: AspireStore) -> None:
    store.save_reflection(Reflection(on=date(2026, 1, 1), want="x"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("2", "q", "question_mark")
        await pilot.pause()
        assert pilot.app.is_running
        assert pilot.app.screen.__class__.__name__ == "ConfirmDialog"


async def test_ctrl_q_quits_even_inside_a_field(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_command_palette_reaches_screens_and_actions(store: AspireStore) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        await type_text(pilot, "go to goals")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "aspirations: new aspiration")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogPicker)


async def test_enter_opens_the_entry_and_escape_comes_back(store: AspireStore) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1), why="Long reason"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter")
        await pilot.pause()
        assert pilot.app.focused is pilot.app.screen.query_one("#detail-pane")
        assert "Long reason" in detail_text(pilot.app)
        await pilot.press("escape")
        assert pilot.app.focused is pilot.app.screen.query_one("#records")


async def test_screen_keys_still_work_from_help_and_the_catalog(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        await pilot.press("2", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogPicker)
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.is_running, "q does not quit from a dialog"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen), "the picker is gone, not hidden"


async def test_palette_offers_only_what_makes_sense_here(store: AspireStore) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        titles = [c.text for c in await palette_commands(pilot.app, pilot.app.screen)]
        assert "Goals: Log progress" in titles and "Aspirations: New aspiration" in titles
        assert "Aspirations: Archive" not in titles, "it would act on an entry out of sight"
        await pilot.press("n")
        await pilot.pause()
        titles = [c.text for c in await palette_commands(pilot.app, pilot.app.screen)]
        assert not any(t.startswith(("Go to", "Goals:")) for t in titles)


async def test_palette_offers_every_ladder_move_on_the_aspirations_screen(
    store: AspireStore,
) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        titles = [c.text for c in await palette_commands(pilot.app, pilot.app.screen)]
        for move in ("Raise the bar", "Step down a level", "Pause", "Reevaluate", "Let go"):
            assert any(t.startswith(f"Aspirations: {move}") for t in titles), move
        await pilot.press("ctrl+p")
        await type_text(pilot, "reevaluate")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReevaluateForm)
        assert "Reevaluate" in screen_text(pilot.app)


async def test_lists_stop_at_their_ends(store: AspireStore) -> None:
    store.save_reflection(Reflection(on=date(2026, 1, 1), want="Older"))
    store.save_reflection(Reflection(on=date(2026, 2, 1), want="Newer"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Newer" in detail_text(pilot.app), "Reflect opens on the newest reflection"
        await pilot.press("k", "k")
        await pilot.pause()
        assert "What drives you?" in detail_text(pilot.app), "a wrapping list would be at Older"
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert "Older" in detail_text(pilot.app), "a wrapping list would be back at the top"
