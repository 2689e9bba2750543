"""Settings: the file (read, checked, never written over when wrong), the dialog, the theme."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES
from textual.widgets import Select

from aspire_tui.domain.models import Reflection
from aspire_tui.settings import Settings, parse_settings
from aspire_tui.store import AspireStore
from aspire_tui.store.settings_file import LoadedSettings, load_settings, settings_path
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.dialogs.settings_form import SettingsForm
from tests.conftest import TODAY
from tests.ui_helpers import SIZE, clear_field, notifications, type_text

THEMES = set(BUILTIN_THEMES)


def test_the_settings_file_lives_in_the_user_config_folder(tmp_path: Path) -> None:
    # conftest points XDG_CONFIG_HOME into tmp_path/home/.config
    assert settings_path() == tmp_path / "home" / ".config" / "aspire-tui" / "settings.toml"


def test_no_file_means_the_defaults_and_no_complaint(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.toml", THEMES)
    assert loaded.settings == Settings() and loaded.problems == [] and loaded.writable


def test_each_wrong_value_falls_back_alone_and_is_named() -> None:
    raw = {"theme": "neon-pink", "keep_backups": 25, "keys": {"help": "f1", "quit": 3}, "x": 1}
    settings, problems = parse_settings(raw, THEMES)
    assert settings == Settings(keep_backups=25, keys={"help": "f1"})
    assert any("neon-pink" in p for p in problems)
    assert any("keys.quit" in p for p in problems)
    assert any("unknown setting 'x'" in p for p in problems)
    _, problems = parse_settings({"keep_backups": True}, THEMES)
    assert problems == ["keep_backups must be a whole number from 1 to 1000"]


def test_a_file_that_is_not_toml_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = nord\n")  # unquoted: not TOML
    loaded = load_settings(path, THEMES)
    assert loaded.settings == Settings() and not loaded.writable
    assert "is not valid TOML" in loaded.report() and str(path) in loaded.report()


def make_app(store: AspireStore) -> AspireApp:
    loaded = load_settings(settings_path(), THEMES)
    return AspireApp(store, today=TODAY, start="reflect", settings=loaded)


async def test_choosing_a_theme_previews_it_and_saving_keeps_it(store: AspireStore) -> None:
    store.save_reflection(Reflection(on=TODAY, want="Mine"))
    async with make_app(store).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, SettingsForm)
        form.query_one("#theme", Select).value = "nord"  # as choosing it in the list does
        await pilot.pause()
        assert pilot.app.theme == "nord"  # seen at once, behind the dialog
        await pilot.press("tab", "tab", "tab", "tab")  # past review cadence, first day, dates
        await clear_field(pilot)
        await type_text(pilot, "25")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Settings saved" in m for m in notifications(pilot.app))
    written = settings_path().read_text()
    assert tomllib.loads(written) == {"theme": "nord", "keep_backups": 25}
    assert stat.S_IMODE(settings_path().stat().st_mode) == 0o600
    async with make_app(store).run_test(size=SIZE) as pilot:  # the next start
        await pilot.pause()
        assert pilot.app.theme == "nord"


async def test_cancelling_puts_the_theme_back(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        before = pilot.app.theme
        await pilot.press("comma")
        await pilot.pause()
        pilot.app.screen.query_one("#theme", Select).value = "gruvbox"
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, SettingsForm)
        assert pilot.app.theme == before
    assert not settings_path().exists()


async def test_a_theme_from_the_command_palette_is_kept_too(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        pilot.app.theme = "dracula"  # what the palette's "Change theme" does
        await pilot.pause()
    assert tomllib.loads(settings_path().read_text())["theme"] == "dracula"


async def test_a_wrong_settings_file_is_reported_at_start_and_never_written_over(
    store: AspireStore,
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "[b]neon[/b]"\nkeep_backups = 0\n')
    async with make_app(store).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        [shown] = [m for m in notifications(pilot.app) if "settings.toml" in m]
        assert "[b]neon[/b]" in shown and "keep_backups" in shown
        assert pilot.app.theme == "textual-dark"
        await pilot.press("comma")
        await pilot.pause()
        assert "will not write over it" in str(pilot.app.screen.query_one(".smart-check").visual)
        pilot.app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.theme == "nord"  # for this session
    assert path.read_text() == 'theme = "[b]neon[/b]"\nkeep_backups = 0\n'


def test_aspire_keeps_as_many_backups_as_the_settings_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aspire` itself, with the app run by Pilot instead of a terminal."""
    import asyncio
    from datetime import datetime

    from aspire_tui import cli
    from aspire_tui.store.backups import list_backups, take_backup

    folder = tmp_path / "data"
    for minute in range(5):  # five different launch backups
        store = AspireStore.open(folder, backup=False)
        store.save_reflection(Reflection(on=TODAY, want=f"Entry {minute}"))
        store.close()
        take_backup(folder / "aspire.json", datetime(2026, 1, 1, 9, minute))
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('keep_backups = 2\ntheme = "nord"\n')
    themes: list[str] = []

    def run_in_pilot(self: AspireApp, *args: object, **kwargs: object) -> None:
        async def drive() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await pilot.pause()
                themes.append(self.theme)

        asyncio.run(drive())

    monkeypatch.setattr(AspireApp, "run", run_in_pilot)
    assert cli.main(["--data-dir", str(folder)]) == 0
    assert themes == ["nord"]
    assert len([b for b in list_backups(folder / "aspire.json") if not b.reason]) == 2


def test_odd_files_are_reported_not_crashed_on(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("x = " + "[" * 600 + "]" * 600 + "\n")
    assert "is not valid TOML" in load_settings(path, THEMES).report()
    path.unlink()
    path.mkdir()
    assert "is not a file" in load_settings(path, THEMES).report()


def test_a_key_that_names_no_key_is_refused_so_it_can_never_become_markup() -> None:
    from aspire_tui.ui.keymap_check import keys_named

    raw = {"keys": {"goal": {"new": "[/x]"}, "help": "F1", "go.home": "Ctrl+G,?", "quit": "esc"}}
    settings, problems = parse_settings(raw, THEMES, keys_named)
    assert dict(settings.keys) == {"help": "f1", "go.home": "ctrl+G,question_mark"}
    assert any("keys.goal.new" in p for p in problems)  # unquoted dotted ids work too
    assert any("keys.quit" in p for p in problems)


async def test_saving_keeps_the_persons_own_lines_and_refuses_a_file_changed_meanwhile(
    store: AspireStore,
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    original = '# my settings\ntheme = "nord"  \n\n[keys]\n# vim habits\nhelp = "f1"\n'
    path.write_text(original)
    async with make_app(store).run_test(size=SIZE, notifications=True) as pilot:
        pilot.app.theme = "gruvbox"
        await pilot.pause()
        assert path.read_text() == original.replace('theme = "nord"  \n', 'theme = "gruvbox"\n')
        path.write_text(path.read_text() + "# edited by hand meanwhile\n")
        pilot.app.theme = "dracula"
        await pilot.pause()
        assert any("was changed since Aspire read it" in m for m in notifications(pilot.app))
    assert path.read_text().endswith("# edited by hand meanwhile\n")
    assert 'theme = "gruvbox"' in path.read_text()


async def test_settings_not_read_from_a_file_say_so_and_are_never_saved(
    store: AspireStore,
) -> None:
    async with AspireApp(store, today=TODAY, start="reflect").run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        header = str(pilot.app.screen.query_one(".smart-check").visual)
        assert "not read from your settings file" in header and "problems" not in header
        pilot.app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.theme == "nord"
    assert not settings_path().exists()


async def test_the_date_format_reaches_the_screens_and_dates_are_still_typed_iso(
    store: AspireStore,
) -> None:
    from datetime import date

    from aspire_tui.domain.models import Aspiration, Goal, Target
    from aspire_tui.ui.dialogs.goal_form import GoalForm
    from tests.ui_helpers import detail_text

    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('date_format = "day-month"\n')
    mine = store.save_aspiration(Aspiration("Lead", date(2026, 1, 5)))
    store.save_goal(Goal(mine.id or 0, "Ship it", Target.done(), TODAY, deadline=date(2027, 1, 10)))
    loaded = load_settings(settings_path(), THEMES)
    app = AspireApp(store, today=TODAY, start="goals", settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "due 10/01/2027 (in 44 days)" in detail_text(pilot.app)
        assert "From 27/11/2026" in detail_text(pilot.app)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        assert form.query_one("#deadline").value == "2027-01-10"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert "adopted Mon 5 Jan 2026" in detail_text(pilot.app)  # prose: day month year
    # Chosen in the dialog, it is saved and followed at once.
    app = AspireApp(
        store, today=TODAY, start="goals", settings=load_settings(settings_path(), THEMES)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, SettingsForm)
        form.query_one("#date-format", Select).value = "month-day"  # as choosing it does
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "due 01/10/2027 (in 44 days)" in detail_text(pilot.app)
    assert tomllib.loads(settings_path().read_text())["date_format"] == "month-day"


async def test_the_date_format_belongs_to_its_app_not_to_the_process(store: AspireStore) -> None:
    """A second Aspire made in the same process (a test, the command line's export) cannot
    change how the first shows dates: the format is passed, never kept in a module."""
    from datetime import date

    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.domain.models import Aspiration, Goal, Target
    from tests.ui_helpers import detail_text

    mine = store.save_aspiration(Aspiration("Lead", date(2026, 1, 5)))
    store.save_goal(Goal(mine.id or 0, "Ship it", Target.done(), TODAY, deadline=date(2027, 1, 10)))
    month_day = LoadedSettings(Settings(date_format=DateFormat.MONTH_DAY), settings_path(), False)
    app = AspireApp(store, today=TODAY, start="goals", settings=month_day)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "due 01/10/2027" in detail_text(pilot.app)
        AspireApp(store, today=TODAY)  # another, with the default (ISO) settings
        await pilot.press("2")  # Aspirations, drawn for the first time after it was made
        await pilot.pause()
        assert "adopted Mon, Jan 5, 2026" in detail_text(pilot.app)


async def test_the_demo_never_writes_the_persons_settings_however_often_they_change(
    store: AspireStore,
) -> None:
    """The demo reads the person's settings and says a change lasts until quitting: the second
    change must not write the file either (it once did, once the first had been kept)."""
    import dataclasses

    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('# mine\ntheme = "nord"\n')
    before = settings_path().read_bytes()
    loaded = dataclasses.replace(load_settings(settings_path(), THEMES), may_write=False)
    app = AspireApp(store, today=TODAY, start="goals", settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        for choice in ("day-month", "month-day"):
            await pilot.press("comma")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, SettingsForm)
            header = str(form.query_one(".smart-check").visual)
            assert "read here but left alone" in header and "lasts until you quit" in header
            form.query_one("#date-format", Select).value = choice
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert pilot.app.settings.settings.date_format == choice
            assert any("until you quit" in n for n in notifications(pilot.app))
    assert settings_path().read_bytes() == before


def test_review_and_date_settings_are_saved_line_by_line(tmp_path: Path) -> None:
    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.domain.review import Cadence
    from aspire_tui.store.settings_file import save_settings

    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('# mine\ntheme = "nord"\n\n[keys]\nhelp = "f1"\n')
    loaded = load_settings(path, THEMES)
    changed = Settings(
        theme="nord",
        keys=loaded.settings.keys,
        review_cadence=Cadence.WEEKLY,
        first_day_of_week="sunday",
        date_format=DateFormat.DAY_MONTH,
    )
    save_settings(loaded, changed)
    text = path.read_text()
    assert text.startswith('review_cadence = "weekly"') or "# mine" in text
    assert "# mine" in text and '[keys]\nhelp = "f1"' in text
    again = load_settings(path, THEMES)
    assert again.settings == changed and again.problems == []


def saved_after(text: str, **changes: object) -> str:
    """The settings file holding `text`, once Aspire has saved `changes` to it."""
    from dataclasses import replace

    from aspire_tui.store.settings_file import save_settings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    loaded = load_settings(path, THEMES)
    assert loaded.writable, loaded.problems
    save_settings(loaded, replace(loaded.settings, **changes))  # type: ignore[arg-type]
    return path.read_bytes().decode()


def test_a_comment_after_a_value_stays_on_its_line(tmp_path: Path) -> None:
    text = 'theme = "nord"  # dark, easy on the eyes\nkeep_backups = 5 # enough for me\n'
    assert saved_after(text, theme="gruvbox", keep_backups=7) == (
        'theme = "gruvbox"  # dark, easy on the eyes\nkeep_backups = 7 # enough for me\n'
    )


def test_a_new_setting_goes_below_the_persons_own_not_above_their_heading(
    tmp_path: Path,
) -> None:
    from aspire_tui.domain.review import Cadence

    text = '# my settings\nkeep_backups = 5\ntheme = "nord"\n\n[keys]\nhelp = "f1"\n'
    assert saved_after(text, theme="dracula", review_cadence=Cadence.WEEKLY) == (
        '# my settings\nkeep_backups = 5\ntheme = "dracula"\nreview_cadence = "weekly"\n'
        '\n[keys]\nhelp = "f1"\n'
    )


def test_a_setting_written_in_any_valid_toml_form_is_changed_where_it_is(
    tmp_path: Path,
) -> None:
    """A quoted name, a value over several lines, an inline table of keys: TOML the regex line
    editor could not change (it refused, or wrote the setting twice)."""
    assert saved_after('"theme" = "nord"\n', theme="gruvbox") == '"theme" = "gruvbox"\n'
    over_lines = 'theme = """\nnord"""  # mine\nkeep_backups = 3\n'
    assert saved_after(over_lines, theme="gruvbox") == (
        'theme = "gruvbox"  # mine\nkeep_backups = 3\n'
    )
    inline = 'keys = { help = "f1", quit = "ctrl+x" }  # mine\ntheme = "nord"\n'
    assert saved_after(inline, theme="gruvbox") == inline.replace("nord", "gruvbox")
    assert load_settings(settings_path(), THEMES).settings.keys == {
        "help": "f1",
        "quit": "ctrl+x",
    }


def test_a_changed_line_keeps_its_own_form(tmp_path: Path) -> None:
    """Its indent, its kind of quotes, its line ending (a file written on Windows stays so)."""
    text = "  theme = 'nord'\r\nkeep_backups = 3\r\n"
    assert saved_after(text, theme="gruvbox", first_day_of_week="sunday") == (
        "  theme = 'gruvbox'\r\nkeep_backups = 3\r\nfirst_day_of_week = \"sunday\"\r\n"
    )


async def test_the_settings_in_use_are_kept_by_a_module_of_their_own(store: AspireStore) -> None:
    """Settings and the theme are not the app's job: `ui/settings_in_use.py` keeps them, saves
    them, and lets the dialog try a theme out without keeping it."""
    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.ui.settings_in_use import SettingsInUse

    assert not hasattr(AspireApp, "_keep_settings")
    async with make_app(store).run_test(size=SIZE, notifications=True) as pilot:
        kept = pilot.app.preferences
        assert isinstance(kept, SettingsInUse)
        kept.preview("gruvbox")
        await pilot.pause()
        assert pilot.app.theme == "gruvbox" and not settings_path().exists()
        kept.keep(Settings(theme="nord", date_format=DateFormat.DAY_MONTH))
        await pilot.pause()
        assert pilot.app.theme == "nord" and pilot.app.date_format == DateFormat.DAY_MONTH
        assert any("Settings saved" in m for m in notifications(pilot.app))
    assert tomllib.loads(settings_path().read_text())["theme"] == "nord"


def test_the_privacy_settings_are_checked_like_the_rest() -> None:
    settings, problems = parse_settings({"start_masked": True, "lock_after_minutes": 10}, THEMES)
    assert settings == Settings(start_masked=True, lock_after_minutes=10) and problems == []
    raw = {"start_masked": "yes", "lock_after_minutes": -1}
    settings, problems = parse_settings(raw, THEMES)
    assert settings == Settings()
    assert problems == [
        "start_masked must be true or false",
        "lock_after_minutes must be a whole number from 0 (never) to 1440",
    ]
    for wrong in (True, 5.0, 1441, "10"):
        _, problems = parse_settings({"lock_after_minutes": wrong}, THEMES)
        assert len(problems) == 1, wrong
    assert parse_settings({"lock_after_minutes": 1440}, THEMES)[1] == []


async def test_the_dialog_keeps_the_mask_at_start_and_the_idle_lock(store: AspireStore) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("# mine\ntheme = 'nord'\nlock_after_minutes = 7\n")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SettingsForm)
        assert form.query_one("#lock-after", Select).value == "7"  # the file's own, offered
        form.query_one("#start-masked", Select).value = "on"  # as choosing it in the list does
        form.query_one("#lock-after", Select).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.settings.settings.lock_after_minutes == 15  # the lock follows at once
    written = path.read_text()
    assert written.startswith("# mine\ntheme = 'nord'\n")
    assert tomllib.loads(written) == {
        "theme": "nord",
        "lock_after_minutes": 15,
        "start_masked": True,
    }
