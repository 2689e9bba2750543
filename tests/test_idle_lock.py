"""The lock when idle: after the minutes the settings name without a key or a click, every
personal thing is hidden; the key that unlocks does nothing else, and what was on screen (a
form half written included) is back as it was. The app runs on a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore
from aspire_tui.store.settings_file import LoadedSettings
from aspire_tui.ui import idle_lock
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.idle_lock import LockScreen
from tests.conftest import TODAY, read_data
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, _keys_together, screen_lines, type_text, wait_until


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _look_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(idle_lock, "CHECK_EVERY", 0.02)


def app_locking_after(store: AspireStore, minutes: int, clock: Clock) -> AspireApp:
    settings = LoadedSettings(
        Settings(lock_after_minutes=minutes), Path("settings.toml"), may_write=False
    )
    return AspireApp(store, today=TODAY, start="goals", settings=settings, clock=clock)


async def locked_over_a_form(pilot: Pilot, app: AspireApp, clock: Clock) -> Input:
    """A goal form half written, then the minute of idle that locks: its title field."""
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.focused, Input), "the goal form")
    await type_text(pilot, "Speak at a meetup")
    field = app.focused
    assert isinstance(field, Input)
    clock.now += 60
    await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the lock")
    return field


def drawn(app: AspireApp) -> str:
    return "\n".join(screen_lines(app))


async def test_idle_minutes_lock_the_screen_and_the_key_that_unlocks_does_nothing_else(
    store: AspireStore, data_dir: Path
) -> None:
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 5, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        goals = drawn(app)
        assert "Pass the CPA exam sections" in goals
        before = read_data(data_dir)
        clock.now += 5 * 60
        await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the lock")
        await pilot.pause()
        locked = drawn(app)
        assert "Aspire is locked" in locked
        assert "CPA" not in locked and "Goals" not in locked  # nothing of theirs, no title
        await pilot.press("d")  # would delete the highlighted goal, were it not locked
        await pilot.pause()
        await wait_until(pilot, lambda: not isinstance(app.screen, LockScreen), "unlocked")
        assert drawn(app) == goals
        for key in ("1", "q"):  # a screen's key, and quit: each only unlocks
            clock.now += 5 * 60
            await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "locked again")
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and app.current_mode == "goals"
            await wait_until(pilot, lambda: not isinstance(app.screen, LockScreen), "unlocked")
        await pilot.press("1")  # unlocked: keys work as before
        assert app.current_mode == "reflect"
    assert read_data(data_dir) == before


async def test_a_key_pressed_puts_the_lock_off_and_none_is_the_default(
    store: AspireStore,
) -> None:
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 5, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.now += 4 * 60
        await pilot.press("j")
        clock.now += 2 * 60  # six minutes since it started, two since the key
        app.idle_lock.check()
        assert not isinstance(app.screen, LockScreen)
    clock = Clock()
    never = app_locking_after(store, Settings().lock_after_minutes, clock)  # the default
    async with never.run_test(size=SIZE) as pilot:
        clock.now += 24 * 60 * 60
        never.idle_lock.check()
        await pilot.pause()
        assert not isinstance(never.screen, LockScreen)


async def test_a_form_half_written_is_there_after_the_lock(store: AspireStore) -> None:
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 1, clock)
    async with app.run_test(size=SIZE) as pilot:
        field = await locked_over_a_form(pilot, app, clock)
        assert "Speak at a meetup" not in drawn(app)
        await pilot.press("x")
        await wait_until(pilot, lambda: not isinstance(app.screen, LockScreen), "unlocked")
        assert field.value == "Speak at a meetup"
        assert "Speak at a meetup" in drawn(app)


async def test_keys_that_arrive_together_unlock_once_and_the_form_stays(
    store: AspireStore,
) -> None:
    """A fast typist, or a held key, sends several keys before the lock has handled the
    first: each would pop a screen (the form under the lock, then the last one)."""
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 1, clock)
    async with app.run_test(size=SIZE) as pilot:
        await locked_over_a_form(pilot, app, clock)
        form = app.screen_stack[-2]  # under the lock
        await _keys_together(pilot, "jjjk")
        await pilot.pause()
        assert app.screen is form and app.is_running
        field = app.focused
        assert isinstance(field, Input) and field.value == "Speak at a meetup"


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+p"])
async def test_the_apps_own_keys_only_unlock(store: AspireStore, key: str) -> None:
    """ctrl+q and ctrl+p are the app's, taken before any screen: locked, they unlock and
    nothing more (no quit without the question a half-written form asks, no palette)."""
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 1, clock)
    async with app.run_test(size=SIZE) as pilot:
        await locked_over_a_form(pilot, app, clock)
        form = app.screen_stack[-2]  # under the lock
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.screen is form
        await pilot.press("ctrl+q")  # unlocked, it asks as before
        await pilot.pause()
        assert app.is_running and "unsaved changes" in "\n".join(screen_lines(app))


async def test_a_pointer_passing_over_the_window_does_not_keep_it_unlocked(
    store: AspireStore,
) -> None:
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 5, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.now += 4 * 60
        await pilot.hover(offset=(10, 10))
        await pilot.hover(offset=(20, 12))
        clock.now += 60
        await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the lock")


async def test_a_click_unlocks_and_only_unlocks(store: AspireStore) -> None:
    populate(store, TODAY)
    clock = Clock()
    app = app_locking_after(store, 5, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.now += 5 * 60
        await wait_until(pilot, lambda: "Aspire is locked" in drawn(app), "the lock, drawn")
        await pilot.click("#lock-message")
        await wait_until(pilot, lambda: not isinstance(app.screen, LockScreen), "unlocked")
        assert app.current_mode == "goals"
