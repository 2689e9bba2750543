"""Keys remapped in the settings file's [keys] table: they work, the footer, the help screen
and the command palette show them, and a wrong one is reported at start."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES

from aspire_tui.domain.models import Aspiration
from aspire_tui.store import AspireStore
from aspire_tui.store.settings_file import load_settings, settings_path
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.keymap_check import binding_classes, keymap_problems
from aspire_tui.ui.screens.help import HelpScreen
from tests.conftest import TODAY
from tests.ui_helpers import (
    SIZE,
    footer_keys,
    notifications,
    palette_commands,
    screen_text,
    wait_until,
)


def with_keys(store: AspireStore, table: str) -> AspireApp:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[keys]\n{table}\n")
    loaded = load_settings(path, set(BUILTIN_THEMES))
    assert loaded.problems == []
    return AspireApp(store, today=TODAY, start="goals", settings=loaded)


async def test_a_remapped_key_works_and_is_shown_everywhere(store: AspireStore) -> None:
    store.save_aspiration(Aspiration("Lead a team", TODAY))
    app = with_keys(store, 'help = "f1"\n"goal.new" = "ctrl+n"')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        keys = footer_keys(pilot.app)
        assert keys["Help"] == "f1" and keys["New"] == "^n"
        await pilot.press("n")  # the old key does nothing now
        await pilot.pause()
        assert not isinstance(pilot.app.screen, GoalForm)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        shown = screen_text(pilot.app)
        assert "f1" in shown and "^n" in shown
        commands = [c.help for c in await palette_commands(pilot.app, pilot.app.screen_stack[0])]
        assert any("Key ^n on the Goals screen" in h for h in commands)
        await pilot.pause()
        assert not [m for m in notifications(pilot.app) if "Keys in" in m]


async def test_unknown_ids_and_clashes_are_reported_at_start(store: AspireStore) -> None:
    app = with_keys(store, 'nonsense = "f5"\n"go.home" = "3"\nhelp = "n"')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(
            pilot,
            lambda: any("Keys in" in m for m in notifications(pilot.app)),
            "the start-up check reports the keys",
        )
        [message] = [m for m in notifications(pilot.app) if "Keys in" in m]
        assert "keys.nonsense: no key has that id" in message
        assert "3 would be both" in message
        assert "n would be both New and Help on the Aspirations screen" in message
    assert "the Goals screen" in message and "the Reflect screen" in message


def test_every_key_has_an_id_the_keymap_can_name() -> None:
    for cls in binding_classes():
        for binding in cls.__dict__["BINDINGS"]:
            assert getattr(binding, "id", None), (cls.__name__, binding)


def test_the_shipped_keys_do_not_clash() -> None:
    assert keymap_problems({}, AspireApp.BINDINGS, binding_classes()) == []


def test_a_pair_of_moves_sharing_a_key_moves_together() -> None:
    keymap = {"aspiration.pause": "y", "aspiration.archive": "z"}
    assert keymap_problems(keymap, AspireApp.BINDINGS, binding_classes()) == []


async def test_buttons_the_nav_bar_and_closing_help_follow_a_remap(store: AspireStore) -> None:
    from textual.widgets import Button

    from aspire_tui.ui.widgets.nav_bar import NavBar

    store.save_aspiration(Aspiration("Lead a team", TODAY))
    app = with_keys(store, 'help = "f1"\n"form.save" = "f2"\n"go.goals" = "g"')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = str(pilot.app.screen.query_one(NavBar).visual)
        assert " g  Goals" in bar and "f1 help" in bar
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("f1")  # the key that opened help closes it
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("n")
        await pilot.pause()
        save = pilot.app.screen.query_one("#save", Button)
        assert str(save.label) == "Save (f2)"
