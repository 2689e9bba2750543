"""The lock when idle on encrypted data: the data is closed and every record let go while
locked; the passphrase, and only it, opens it again, on the screen that was showing, with a
half-written form offered back; what was typed is never lost."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest
from textual.widgets import Input

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore
from aspire_tui.store.key_file import write_key_file
from aspire_tui.store.sealing import DataKey
from aspire_tui.store.settings_file import LoadedSettings
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.sealed_lock import SealedLockScreen
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.test_idle_lock import Clock, _look_often  # noqa: F401 - the fixture: locks come quickly
from tests.ui_helpers import SIZE, screen_lines, type_text, wait_until

PASSPHRASE = "correct horse battery staple"


def encrypted_app(folder: Path, clock: Clock) -> AspireApp:
    folder.mkdir(mode=0o700)
    key = DataKey.generate()
    write_key_file(folder, key, PASSPHRASE, log_n=10)
    store = AspireStore.open(folder, key=key)
    populate(store, TODAY)
    settings = LoadedSettings(Settings(lock_after_minutes=1), Path("s.toml"), may_write=False)
    return AspireApp(store, today=TODAY, start="goals", settings=settings, clock=clock)


def drawn(app: AspireApp) -> str:
    return "\n".join(screen_lines(app))


KINDS = (Aspiration, Goal, CheckIn, Reflection)


def records_alive(before: set[int]) -> int:
    """Records in memory now that were not before the test began (other tests in the same
    process may keep their own)."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, KINDS) and id(o) not in before)


async def test_locked_nothing_decrypted_is_kept_and_the_passphrase_opens_it_again(
    data_dir: Path,
) -> None:
    gc.collect()
    before = {id(o) for o in gc.get_objects() if isinstance(o, KINDS)}
    clock = Clock()
    app = encrypted_app(data_dir, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the goal form")
        await type_text(pilot, "Speak at a meetup")
        assert records_alive(before) > 0
        clock.now += 60
        await wait_until(pilot, lambda: isinstance(app.screen, SealedLockScreen), "the lock")
        await pilot.pause()
        assert records_alive(before) == 0  # no screen, cache or store holds a record
        assert not (data_dir / "aspire.changes.jsonl").exists()  # all of it in the file
        assert app.store.sealer.key is None
        assert "Speak at a meetup" not in drawn(app) and "CPA" not in drawn(app)
        await pilot.press("d", "q", "1")  # into the field, nothing else
        assert isinstance(app.screen, SealedLockScreen) and app.is_running
        field = app.query_one(Input)
        field.value = "not the passphrase"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "does not open" in drawn(app), "refused")
        assert isinstance(app.screen, SealedLockScreen)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.current_mode == "goals", "back on Goals")
        await wait_until(
            pilot,
            lambda: isinstance(app.focused, Input) and app.focused.value == "Speak at a meetup",
            "the form offered back with its text",
        )
        await wait_until(pilot, lambda: "kept when Aspire locked" in drawn(app), "said so")
        assert app.store.sealer.on and "CPA" in "\n".join(g.title for g in app.store.goals())


async def test_while_locked_no_other_aspire_can_open_the_folder(data_dir: Path) -> None:
    """The data is closed, but the folder is still this Aspire's: another one opening it
    meanwhile would take the half-written form and write beside this one."""
    from aspire_tui.store.lock import AlreadyOpenError

    clock = Clock()
    app = encrypted_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.now += 60
        await wait_until(pilot, lambda: isinstance(app.screen, SealedLockScreen), "the lock")
        await pilot.pause()
        key = DataKey.unlock((data_dir / "aspire.key.age").read_bytes(), PASSPHRASE)
        with pytest.raises(AlreadyOpenError):
            AspireStore.open(data_dir, key=key)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.current_mode == "goals", "open again")
    with pytest.raises(AlreadyOpenError):  # still this app's until it closes the store
        AspireStore.open(data_dir, key=key)
    app.store.close()
    AspireStore.open(data_dir, key=key).close()


async def test_on_a_full_disk_the_lock_hides_the_screen_and_keeps_what_is_not_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the data with changes the disk refused would lose them: the screen is hidden,
    the data stays open, and the changes are saved once there is room."""
    from aspire_tui.ui.idle_lock import LockScreen
    from tests.test_save_failures import FullDisk

    clock = Clock()
    app = encrypted_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        disk = FullDisk()
        monkeypatch.setattr("aspire_tui.store.storage.atomic_write", disk)
        monkeypatch.setattr("aspire_tui.store.storage.append_changes", disk.append)
        disk.full = True
        goal = app.store.goals()[0]
        app.store.save_goal(dataclasses.replace(goal, title="Renamed on a full disk"))
        await wait_until(pilot, lambda: app.store.unsaved is not None, "the refused save")
        clock.now += 60
        await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the lock")
        assert not isinstance(app.screen, SealedLockScreen)  # the plain lock: data kept open
        assert "Renamed" not in drawn(app)
        disk.full = False
        await pilot.press("x")
        app.store.flush()
    app.store.close()
    reopened = AspireStore.open(
        data_dir, key=DataKey.unlock((data_dir / "aspire.key.age").read_bytes(), PASSPHRASE)
    )
    assert "Renamed on a full disk" in [g.title for g in reopened.goals()]
    reopened.close()


async def test_the_mask_is_still_on_when_the_data_opens_again(data_dir: Path) -> None:
    """Locked and unlocked during a shared screen: the screens are built again, masked."""
    clock = Clock()
    app = encrypted_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("asterisk")
        clock.now += 60
        await wait_until(pilot, lambda: isinstance(app.screen, SealedLockScreen), "the lock")
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.current_mode == "goals", "open again")
        await wait_until(pilot, lambda: "▒" in drawn(app), "the goals, drawn")
        assert "masked (*)" in drawn(app).splitlines()[0] and "CPA" not in drawn(app)
    app.store.close()
