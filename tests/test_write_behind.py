"""Saves put on disk by the store's own thread: the caller never waits for the disk, nothing is
lost on close, and a write that fails is reported and undone in memory."""

from __future__ import annotations

import contextlib
import errno
import json
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, Goal, Reflection, Target
from aspire_tui.store import SCHEMA_VERSION, AspireStore, DataFileError, StoreError
from aspire_tui.store import storage as storage_module
from aspire_tui.store.errors import UnsavedChanges
from aspire_tui.store.writer import flush_all
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from tests.conftest import docs, read_data
from tests.ui_helpers import (
    SIZE,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
    wait_until,
)

D = date(2026, 11, 27)


class Disk:
    """The real atomic write (and append to the change log), which a test can hold back or
    make fail like a full disk."""

    def __init__(self) -> None:
        self.real = storage_module.atomic_write
        self.real_append = storage_module.append_changes
        self.gate = threading.Event()
        self.gate.set()
        self.fail = False
        self.started = threading.Event()

    def __call__(
        self, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
    ) -> None:
        self.started.set()
        self.gate.wait(timeout=10)
        if self.fail:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.real(path, data, before_replace)

    def append(
        self, path: Path, lines: bytes, expected_size: int, before: Callable[[], None]
    ) -> int:
        self.started.set()
        self.gate.wait(timeout=10)
        if self.fail:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real_append(path, lines, expected_size, before)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    fake = Disk()
    monkeypatch.setattr(storage_module, "atomic_write", fake)
    monkeypatch.setattr(storage_module, "append_changes", fake.append)
    return fake


@pytest.fixture
def behind(store: AspireStore) -> Iterator[list[str]]:
    """The store writing in the background; the list collects the failures it reports."""
    failures: list[str] = []
    store.write_in_background(failures.append)
    yield failures
    with contextlib.suppress(StoreError):  # what a test left unsaved is its own business
        store.flush()


def on_disk(data_dir: Path) -> list[str]:
    return [d["want"] for d in docs(data_dir, "reflections")]


def raw_titles(data_dir: Path) -> list[str]:
    import json

    raw = json.loads((data_dir / "aspire.json").read_bytes())  # no flush: as it is right now
    return [d["want"] for d in raw.get("reflections", {}).values()]


def test_a_save_returns_before_the_disk_is_done_and_reaches_it_after(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    disk.gate.clear()  # the disk is slow today
    saved = store.save_reflection(Reflection(on=D, want="Lead a team"))
    assert disk.started.wait(5)
    assert [r.want for r in store.reflections()] == ["Lead a team"]  # the store has it now
    assert raw_titles(data_dir) == []  # the file does not, yet
    disk.gate.set()
    store.flush()
    assert on_disk(data_dir) == ["Lead a team"]
    assert saved.id is not None and store.reflection(saved.id) == saved
    assert behind == []


def test_saves_made_while_the_disk_is_busy_all_arrive(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    disk.gate.clear()
    for n in range(20):
        store.save_reflection(Reflection(on=D, want=f"Entry {n}"))
    disk.gate.set()
    store.flush()
    assert sorted(on_disk(data_dir)) == sorted(f"Entry {n}" for n in range(20))


def test_close_puts_every_change_on_disk_first(data_dir: Path, disk: Disk, tmp_path: Path) -> None:
    store = AspireStore.open(data_dir)
    store.write_in_background()
    disk.gate.clear()
    store.save_reflection(Reflection(on=D, want="Written at quit"))
    threading.Timer(0.05, disk.gate.set).start()
    store.close()
    assert raw_titles(data_dir) == ["Written at quit"]
    again = AspireStore.open(data_dir)  # the lock was let go only after the write
    assert [r.want for r in again.reflections()] == ["Written at quit"]
    again.close()


def test_a_write_the_disk_refuses_is_reported_once_held_and_written_later(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    store.save_reflection(Reflection(on=D, want="Kept"))
    store.flush()
    disk.fail = True
    store.save_reflection(Reflection(on=D, want="Held on a full disk"))
    with pytest.raises(StoreError, match="No space left on device"):
        store.flush()  # it tried again, in vain
    assert len(behind) == 1 and "No space left on device" in behind[0]
    assert sorted(r.want for r in store.reflections()) == ["Held on a full disk", "Kept"]
    assert on_disk(data_dir) == ["Kept"]
    disk.fail = False
    store.save_reflection(Reflection(on=D, want="After the disk was freed"))
    store.flush()
    assert sorted(on_disk(data_dir)) == ["After the disk was freed", "Held on a full disk", "Kept"]


def test_the_next_save_after_a_refused_one_carries_it_too(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    disk.fail = True
    store.save_reflection(Reflection(on=D, want="Held"))
    flush_all()  # the write was tried, and failed; the store has not been asked yet
    assert store.unsaved and "No space left on device" in store.unsaved
    disk.fail = False
    store.save_aspiration(Aspiration("Made after the failure", D))
    store.flush()
    assert [r.want for r in store.reflections()] == ["Held"]
    assert [a.title for a in store.aspirations()] == ["Made after the failure"]
    assert read_file_tables(data_dir) == {"reflections": 1, "aspirations": 1}
    assert len(behind) == 1


def read_file_tables(data_dir: Path) -> dict[str, int]:
    return {name: len(docs(data_dir, name)) for name in ("reflections", "aspirations")}


def test_a_change_made_by_someone_else_is_still_noticed_after_background_writes(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    disk.gate.clear()  # held on its way to the disk
    store.save_reflection(Reflection(on=D, want="Mine"))
    version = store.version  # what Aspire reads, the change included
    disk.gate.set()
    store.flush()
    for _ in range(3):
        store.reflections()
    assert store.version == version  # its own write is not mistaken for another's
    path = data_dir / "aspire.json"
    edited = json.dumps(read_data(data_dir)).replace("Mine", "Edited elsewhere")
    path.write_text(edited)  # the whole data, as another program sees it, edited
    assert [r.want for r in store.reflections()] == ["Edited elsewhere"]
    assert store.version != version


def test_the_backup_taken_from_the_app_holds_the_change_just_made(
    store: AspireStore, disk: Disk, behind: list[str]
) -> None:
    disk.gate.clear()
    store.save_reflection(Reflection(on=D, want="Just now"))
    threading.Timer(0.05, disk.gate.set).start()
    path = store.back_up(datetime(2026, 11, 27, 9, 0))
    assert b"Just now" in path.read_bytes()


# In the app ---------------------------------------------------------------------------------


@pytest.fixture
def goal(store: AspireStore) -> Goal:
    aspiration = store.save_aspiration(Aspiration("Become a tax expert", D))
    assert aspiration.id is not None
    return store.save_goal(
        Goal(aspiration.id, "Earn certifications", Target.number(3, "certifications"), D)
    )


async def log_one(pilot: object, note: str) -> None:
    await pilot.press("3", "l")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(pilot.app.screen, CheckInForm)  # type: ignore[attr-defined]
    await type_text(pilot, "1")  # type: ignore[arg-type]
    await pilot.press("tab")  # type: ignore[attr-defined]
    await type_text(pilot, note)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_logging_shows_at_once_while_the_disk_is_still_writing(
    store: AspireStore, goal: Goal, disk: Disk, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        disk.gate.clear()
        await log_one(pilot, "AWS passed")
        assert "33%" in list_rows(pilot.app)[1]  # drawn without waiting for the disk
        assert disk.started.wait(5)
        assert "AWS passed" not in (data_dir / "aspire.json").read_text()  # not there yet
        disk.gate.set()
        assert [c["note"] for c in docs(data_dir, "checkins")] == ["AWS passed"]


async def test_a_log_the_disk_refuses_is_reported_and_stays_on_screen_marked_unsaved(
    store: AspireStore, goal: Goal, disk: Disk, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        disk.gate.clear()
        await log_one(pilot, "[b]held[/b]")
        assert "33%" in list_rows(pilot.app)[1]
        disk.fail = True
        disk.gate.set()
        flush_all()  # the write was tried, and failed
        await wait_until(pilot, lambda: any("not on disk" in m for m in notifications(pilot.app)))
        shown = [m for m in notifications(pilot.app) if "not on disk" in m]
        assert "No space left on device" in shown[0]
        assert "33%" in list_rows(pilot.app)[1]  # still shown, as it is still in Aspire
        assert "not saved" in pilot.app.title
        disk.fail = False
        await log_one(pilot, "second try")
        assert "67%" in list_rows(pilot.app)[1]
    assert [c["note"] for c in docs(data_dir, "checkins")] == ["[b]held[/b]", "second try"]


# The launch backup -----------------------------------------------------------------------------


def test_the_launch_backup_holds_the_file_as_it_was_opened(data_dir: Path) -> None:
    first = AspireStore.open(data_dir)
    first.save_reflection(Reflection(on=D, want="Before this launch"))
    first.close()
    store = AspireStore.open(data_dir, now=datetime(2026, 11, 27, 9))
    store.save_reflection(Reflection(on=D, want="Written while the backup was being taken"))
    [launch] = [b for b in store.backups() if not b.reason]
    held = launch.path.read_text()
    assert "Before this launch" in held and "while the backup" not in held
    store.close()


async def test_a_launch_backup_that_fails_is_reported_not_hidden(data_dir: Path) -> None:
    first = AspireStore.open(data_dir)
    first.save_reflection(Reflection(on=D, want="Mine"))
    first.close()  # a first launch has nothing to back up: no backups folder yet
    (data_dir / "backups").write_text("not a folder")
    store = AspireStore.open(data_dir)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: any("back up" in m for m in notifications(pilot.app)))
        assert pilot.app.is_running
    store.close()
    assert (data_dir / "backups").read_text() == "not a folder"


# Another program and the file ------------------------------------------------------------------


def test_a_file_changed_by_another_program_mid_save_is_left_alone_and_the_save_kept(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    store.save_reflection(Reflection(on=D, want="Mine"))
    store.flush()
    path = data_dir / "aspire.json"
    disk.gate.clear()
    store.save_reflection(Reflection(on=D, want="Typed while a sync tool wrote the file"))
    assert disk.started.wait(5)
    mine = json.dumps(read_data(data_dir, wait=False))  # the whole data, as on disk now
    elsewhere = mine.replace("Mine", "Edited on another computer")
    path.write_text(elsewhere)
    disk.gate.set()
    with pytest.raises(StoreError, match="changed by another program"):
        store.flush()
    assert path.read_text() == elsewhere  # not written over
    assert [r.want for r in store.reflections()] == ["Edited on another computer"]
    [kept] = [b for b in store.backups() if b.reason == "unsaved"]
    assert "Typed while a sync tool" in kept.path.read_text()
    assert len(behind) == 1 and kept.name in behind[0]


def test_after_a_failed_save_the_file_is_checked_before_it_is_used(
    store: AspireStore, disk: Disk, behind: list[str], data_dir: Path
) -> None:
    store.save_reflection(Reflection(on=D, want="Mine"))
    store.flush()
    disk.fail = True
    store.save_reflection(Reflection(on=D, want="Lost"))
    flush_all()  # the write was tried, and failed; the store has not been asked yet
    assert store.unsaved
    damaged = {"_meta": {"1": {"schema": SCHEMA_VERSION}}, "goals": {"1": 7}}
    (data_dir / "aspire.json").write_text(json.dumps(damaged))
    disk.fail = False
    with pytest.raises(DataFileError, match="damaged entry goals/1"):
        store.reflections()


def test_an_id_aspire_never_writes_is_refused(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    store.save_reflection(Reflection(on=D, want="Mine"))
    store.close()
    path = data_dir / "aspire.json"
    path.write_text(path.read_text().replace('"reflections":{"1"', '"reflections":{"01"'))
    with pytest.raises(DataFileError, match="damaged entry reflections/01"):
        AspireStore.open(data_dir)


async def test_quitting_after_a_failed_save_says_so_and_asks(
    store: AspireStore, goal: Goal, disk: Disk, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        disk.gate.clear()
        await log_one(pilot, "lost to a full disk")
        disk.fail = True
        threading.Timer(0.05, disk.gate.set).start()  # the disk fills up as the app quits
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.is_running
        assert "No space left" in screen_text(pilot.app)  # the question says why
        await pilot.press("y")
        await pilot.pause()
    with pytest.raises(UnsavedChanges):
        store.close()
    assert docs(data_dir, "checkins") == []
