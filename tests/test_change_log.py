"""The change log: a change the app saves costs a line, whatever the file's age; what a kill
leaves in the log is replayed at the next open; a log that belongs to another data file is
never replayed onto this one, nor thrown away; a damaged one is refused, never written over."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import shutil
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore, DataFileError, StoreError, change_log
from aspire_tui.store import storage as storage_module
from aspire_tui.store.backups import Backup
from aspire_tui.store.exchange import check_export_target
from aspire_tui.store.storage import encode_json
from tests.conftest import TODAY, docs, read_data
from tests.ui_helpers import make_app, notifications, wait_until

LOG = "aspire.changes.jsonl"


def _behind(data_dir: Path) -> AspireStore:
    """A store that saves as the app does."""
    store = AspireStore.open(data_dir, backup=False)
    store.write_in_background()
    return store


def _write(store: AspireStore, *wants: str) -> None:
    for want in wants:
        store.save_reflection(Reflection(on=TODAY, want=want))
        store.flush()


def _as_a_kill_left_it(data_dir: Path, tmp_path: Path) -> Path:
    """The data file and its log as they are on disk now, in a folder of their own: what a
    kill (or a power cut) leaves for the next open."""
    left = tmp_path / "left"
    left.mkdir(mode=0o700)
    for name in ("aspire.json", LOG):
        if (data_dir / name).exists():
            shutil.copy2(data_dir / name, left / name)
    return left


def _wants(store: AspireStore) -> list[str]:
    return sorted(r.want for r in store.reflections())


def test_a_change_appends_a_line_and_leaves_the_data_file_alone(data_dir: Path) -> None:
    store = _behind(data_dir)
    path = data_dir / "aspire.json"
    before = path.read_bytes()
    _write(store, "one", "two", "three")
    assert path.read_bytes() == before, "the data file is not rewritten for a change"
    header, *saves = (data_dir / LOG).read_bytes().splitlines()
    assert json.loads(header)["base"] == change_log.digest(before)
    assert len(saves) == 3
    assert sorted(d["want"] for d in docs(data_dir, "reflections")) == ["one", "three", "two"]
    store.close()
    assert not (data_dir / LOG).exists(), "closing folds the log into the file"
    held = json.loads(path.read_bytes())["reflections"]
    assert sorted(d["want"] for d in held.values()) == ["one", "three", "two"]


def test_the_log_is_folded_into_the_file_once_it_grows(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_log, "FOLD_AT", 1000)
    store = _behind(data_dir)
    path = data_dir / "aspire.json"
    wants = [f"entry {n:02}" for n in range(12)]
    _write(store, *wants)
    log = data_dir / LOG
    assert not log.exists() or log.stat().st_size <= 1000, "folded, or about to be"
    in_file = json.loads(path.read_bytes()).get("reflections", {})
    assert len(in_file) >= 5, "folded: most of the entries are in the file itself"
    assert sorted(d["want"] for d in docs(data_dir, "reflections")) == wants
    store.close()


def test_a_log_left_by_a_kill_is_replayed_and_folded_at_open(
    data_dir: Path, tmp_path: Path
) -> None:
    store = _behind(data_dir)
    _write(store, "confirmed before the kill", "and this one")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["and this one", "confirmed before the kill"]
        assert opened.opening_note is None
        assert not (left / LOG).exists(), "folded into the file at once"
        held = json.loads((left / "aspire.json").read_bytes())["reflections"]
        assert len(held) == 2
        assert opened.launch_backup_problem() is None
        [launch] = opened.backups()
        assert b"and this one" in launch.path.read_bytes(), "the launch backup holds them too"
    finally:
        opened.close()


def test_a_last_line_cut_short_was_never_confirmed_and_is_dropped(
    data_dir: Path, tmp_path: Path
) -> None:
    store = _behind(data_dir)
    _write(store, "whole", "cut short by a power cut")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    log = left / LOG
    log.write_bytes(log.read_bytes()[:-9])
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["whole"]
    finally:
        opened.close()


def test_a_damaged_log_is_refused_and_nothing_is_written_over(
    data_dir: Path, tmp_path: Path
) -> None:
    store = _behind(data_dir)
    _write(store, "first", "second", "third")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    log = left / LOG
    header, first, second, third = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(header + first + b'{"not": "a change"}\n' + third)
    files = {name: (left / name).read_bytes() for name in ("aspire.json", LOG)}
    with pytest.raises(DataFileError, match=r"aspire\.changes\.jsonl: is damaged \(line 3"):
        AspireStore.open(left)
    assert {name: (left / name).read_bytes() for name in files} == files


def test_a_log_built_on_another_data_file_is_kept_aside_not_replayed(
    data_dir: Path, tmp_path: Path
) -> None:
    """A kill left changes in the log, then a sync tool brought another device's file: the
    changes were made to a file that is gone, so they are not mixed into this one."""
    store = _behind(data_dir)
    _write(store, "mine, in the log")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    other = AspireStore.open(tmp_path / "other")
    other.save_reflection(Reflection(on=TODAY, want="from the other computer"))
    other.close()
    shutil.copy2(tmp_path / "other" / "aspire.json", left / "aspire.json")
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["from the other computer"]
        assert not (left / LOG).exists()
        [kept] = (left / "backups").glob("*-changes-not-applied.changes.jsonl")
        assert b"mine, in the log" in kept.read_bytes()
        assert opened.opening_note is not None and kept.name in opened.opening_note
    finally:
        opened.close()


def test_a_log_whose_changes_are_in_the_file_already_is_let_go(
    data_dir: Path, tmp_path: Path
) -> None:
    """A kill between a fold's two steps: the file was rewritten with everything, the log not
    yet removed."""
    store = _behind(data_dir)
    _write(store, "in both")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    (left / "aspire.json").write_bytes(encode_json(read_data(left, wait=False)))
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["in both"]
        assert opened.opening_note is None
        assert not (left / LOG).exists()
        assert not (left / "backups").exists() or not list((left / "backups").iterdir())
    finally:
        opened.close()


def test_a_second_look_sees_each_change_as_it_is_appended(data_dir: Path) -> None:
    store = _behind(data_dir)
    _write(store, "before the second look")
    second = AspireStore.open(data_dir, read_only=True)
    assert _wants(second) == ["before the second look"]
    _write(store, "after it")
    assert _wants(second) == ["after it", "before the second look"]
    store.close()


async def test_the_app_says_which_changes_it_kept_aside_at_open(
    data_dir: Path, tmp_path: Path
) -> None:
    store = _behind(data_dir)
    _write(store, "mine, in the log")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    other = AspireStore.open(tmp_path / "other")
    other.save_reflection(Reflection(on=TODAY, want="from the other computer"))
    other.close()
    shutil.copy2(tmp_path / "other" / "aspire.json", left / "aspire.json")
    opened = AspireStore.open(left)
    app = make_app(opened, start=None)
    try:
        async with app.run_test() as pilot:
            await wait_until(
                pilot,
                lambda: any("changes-not-applied" in n for n in notifications(app)),
                "a notice naming the kept changes",
            )
    finally:
        opened.close()


# Found by review: each failed on the first version of the log ---------------------------------


def test_a_data_file_only_touched_keeps_the_log_going(data_dir: Path, tmp_path: Path) -> None:
    """Another program touches the file (same bytes, new time): the log already holds changes
    and must go on, not start over without them."""
    store = _behind(data_dir)
    _write(store, "one", "two")
    path = data_dir / "aspire.json"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert _wants(store) == ["one", "two"]
    _write(store, "three")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["one", "three", "two"]
    finally:
        opened.close()


def test_a_failed_append_with_a_fold_waiting_loses_no_later_change(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An append the disk refuses while a fold and a later change wait behind it: what is
    held then is everything, the later change included."""
    store = _behind(data_dir)
    _write(store, "first")
    gate, entered = threading.Event(), threading.Event()
    real = storage_module.append_changes
    calls: list[int] = []

    def full_once(path: Path, lines: bytes, size: int, before: Callable[[], None]) -> int:
        calls.append(1)
        if len(calls) == 1:
            entered.set()
            gate.wait(5)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, lines, size, before)

    monkeypatch.setattr(storage_module, "append_changes", full_once)
    monkeypatch.setattr(change_log, "FOLD_AT", (data_dir / LOG).stat().st_size + 600)
    store.save_reflection(Reflection(on=TODAY, want="refused by the disk"))
    assert entered.wait(5)
    store.save_reflection(Reflection(on=TODAY, want="x" * 800))  # past FOLD_AT: a fold
    store.save_reflection(Reflection(on=TODAY, want="after the fold"))
    gate.set()
    with contextlib.suppress(StoreError):
        store.flush()
    store.close()
    opened = AspireStore.open(data_dir)
    try:
        assert "after the fold" in _wants(opened)
        assert "refused by the disk" in _wants(opened)
    finally:
        opened.close()


def _killed_after_a_launch_backup(data_dir: Path, tmp_path: Path, want: str) -> tuple[Path, Backup]:
    """A folder as a kill left it: "kept" in the file (and its launch backup), `want` written
    after it and only in the log, with the backups beside; and that launch backup."""
    store = _behind(data_dir)
    _write(store, "kept")
    store.close()
    store = AspireStore.open(data_dir)  # its launch backup: the bytes the next log builds on
    store.write_in_background()
    assert store.launch_backup_problem() is None
    [launch] = store.backups()
    _write(store, want)
    left = _as_a_kill_left_it(data_dir, tmp_path)
    shutil.copytree(data_dir / "backups", left / "backups")
    store.close()
    return left, launch


def test_a_restore_moves_the_log_aside_so_it_is_not_replayed(
    data_dir: Path, tmp_path: Path
) -> None:
    left, launch = _killed_after_a_launch_backup(data_dir, tmp_path, "after the backup")
    saved = AspireStore.restore_folder(left, launch.name, datetime(2026, 12, 6, 14, 0))
    assert saved is not None
    assert not (left / LOG).exists()
    [moved] = (left / "backups").glob(f"{saved.stem}.changes.jsonl")
    assert b"after the backup" in moved.read_bytes()
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["kept"], "the restore is not undone by the old log"
        assert opened.opening_note is None
    finally:
        opened.close()


def test_the_data_kept_before_a_restore_holds_the_changes_a_kill_left_in_the_log(
    data_dir: Path, tmp_path: Path
) -> None:
    """`aspire restore` after a kill: "your data as it was" is kept as one backup that holds
    the log's changes too, so that putting it back loses none of them."""
    left, launch = _killed_after_a_launch_backup(data_dir, tmp_path, "only in the log")
    saved = AspireStore.restore_folder(left, launch.name, datetime(2026, 12, 6, 14, 0))
    assert saved is not None
    back = AspireStore.restore_folder(left, saved.name, datetime(2026, 12, 6, 14, 5))
    assert back is not None
    opened = AspireStore.open(left)
    try:
        assert _wants(opened) == ["kept", "only in the log"]
    finally:
        opened.close()


def test_a_fold_the_disk_refuses_loses_nothing_and_quitting_says_so_truly(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Room for a line but not for the whole file: the changes are safe in the log, so
    quitting is not told they were lost."""
    store = _behind(data_dir)
    _write(store, "one", "two")
    real = storage_module.atomic_write

    def no_room_for_the_file(path: Path, data: bytes, before: Any = None) -> None:
        if path.name == "aspire.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, before)

    monkeypatch.setattr(storage_module, "atomic_write", no_room_for_the_file)
    store.close()  # no UnsavedChanges: nothing is lost
    assert store.unsaved is None
    monkeypatch.setattr(storage_module, "atomic_write", real)
    opened = AspireStore.open(data_dir)
    try:
        assert _wants(opened) == ["one", "two"]
    finally:
        opened.close()


def test_a_kill_between_a_folds_two_steps_is_no_false_alarm(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file replaced by the fold (with a change to a record the log holds too), the log
    not yet removed: the next start knows the log is spent."""
    store = _behind(data_dir)
    _write(store, "a")
    monkeypatch.setattr(change_log, "FOLD_AT", (data_dir / LOG).stat().st_size + 10)
    real = storage_module.atomic_write
    left: list[Path] = []

    def killed_after_the_rename(path: Path, data: bytes, before: Any = None) -> None:
        real(path, data, before)
        if path.name == "aspire.json":  # the log is still there: what a kill now leaves
            left.append(_as_a_kill_left_it(data_dir, tmp_path))

    monkeypatch.setattr(storage_module, "atomic_write", killed_after_the_rename)
    [entry] = store.reflections()
    store.save_reflection(dataclasses.replace(entry, want="b"))  # the next change folds
    store.flush()
    monkeypatch.setattr(storage_module, "atomic_write", real)
    store.close()
    [folder] = left
    assert (folder / LOG).exists()
    opened = AspireStore.open(folder)
    try:
        assert _wants(opened) == ["b"]
        assert opened.opening_note is None, opened.opening_note
        assert not (folder / "backups").exists() or not list((folder / "backups").iterdir())
    finally:
        opened.close()


def test_a_log_that_is_not_an_ordinary_file_is_refused_at_once(data_dir: Path) -> None:
    AspireStore.open(data_dir).close()
    os.mkfifo(data_dir / LOG)
    with pytest.raises(DataFileError, match="changes.jsonl"):
        AspireStore.open(data_dir, read_only=True)


def test_an_export_never_writes_over_the_log(data_dir: Path) -> None:
    with pytest.raises(StoreError, match="one of Aspire's own files"):
        check_export_target(data_dir / "aspire.json", data_dir / LOG, overwrite=True)


# Found by the second review ---------------------------------------------------------------------


def _no_room_for_the_file(monkeypatch: pytest.MonkeyPatch, errno_: int = errno.ENOSPC) -> None:
    """Room for a line in the log, none for the data file rewritten whole."""
    real = storage_module.atomic_write

    def refused(path: Path, data: bytes, before: Any = None) -> None:
        if path.name == "aspire.json":
            raise OSError(errno_, os.strerror(errno_))
        real(path, data, before)

    monkeypatch.setattr(storage_module, "atomic_write", refused)


def test_a_refused_fold_of_the_files_own_bytes_keeps_later_changes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry edited and put back (the data is the file's bytes again), a fold the disk
    refuses, then a new entry: the log's mark of that fold names its own base, and the new
    entry must still be replayed."""
    store = _behind(data_dir)
    _write(store, "keep")
    store.close()
    store = _behind(data_dir)
    [entry] = store.reflections()
    store.save_reflection(dataclasses.replace(entry, want="edited"))
    store.save_reflection(dataclasses.replace(entry, want="keep"))
    store.flush()
    _no_room_for_the_file(monkeypatch)
    with contextlib.suppress(StoreError):
        store.back_up(datetime(2026, 12, 6, 9, 0))
    _write(store, "after the refused fold")
    store.close()
    monkeypatch.undo()
    opened = AspireStore.open(data_dir)
    try:
        assert _wants(opened) == ["after the refused fold", "keep"]
    finally:
        opened.close()


def test_a_log_going_on_from_open_is_kept_aside_when_the_file_is_replaced(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening replayed a log it could not fold, and a sync tool then brings back an older
    file: the log's changes are Aspire's own, and are kept aside, not dropped."""
    first = AspireStore.open(data_dir, backup=False)
    first.close()
    older = (data_dir / "aspire.json").read_bytes()
    store = _behind(data_dir)
    _write(store, "older")
    store.close()  # folded: the file holds it, and the next log builds on that
    store = _behind(data_dir)
    _write(store, "typed last session")
    left = _as_a_kill_left_it(data_dir, tmp_path)
    store.close()
    _no_room_for_the_file(monkeypatch)
    said: list[str] = []
    opened = AspireStore.open(left, backup=False, check_later=True)
    opened.write_in_background(said.append)
    monkeypatch.undo()
    assert _wants(opened) == ["older", "typed last session"]
    fresh = left / "sync-tool.tmp"
    fresh.write_bytes(older)
    os.replace(fresh, left / "aspire.json")
    assert _wants(opened) == []
    opened.close()
    [kept] = (left / "backups").glob("*-unsaved*.json")
    assert b"typed last session" in kept.read_bytes()
    assert any(kept.name in s for s in said), said


def test_a_whole_save_the_disk_refuses_after_its_mark_is_not_taken_for_another_program(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _behind(data_dir)
    _write(store, "a", "b")
    name = store.back_up(datetime(2026, 12, 6, 9, 0)).name
    _write(store, "c")
    said: list[str] = []
    store.write_in_background(said.append)
    _no_room_for_the_file(monkeypatch, errno.EACCES)
    with contextlib.suppress(StoreError):
        store.restore_backup(name, datetime(2026, 12, 6, 10, 0))
    with contextlib.suppress(StoreError):
        store.flush()
    assert _wants(store) == ["a", "b"], "the restore, held"
    assert not any("another program" in s for s in said), said
    monkeypatch.undo()
    _write(store, "d")
    store.close()
    opened = AspireStore.open(data_dir)
    try:
        assert _wants(opened) == ["a", "b", "d"]
        assert not list((data_dir / "backups").glob("*-unsaved*.json"))
    finally:
        opened.close()


async def test_a_file_with_a_damaged_checkin_gets_no_launch_backup(tmp_path: Path) -> None:
    """The app stops on it; a backup of it would push out one of the good copies the person
    is told to restore from."""
    from tests.fixtures.history import main as write_history

    folder = tmp_path / "data"
    write_history(["--years", "1", "--data-dir", str(folder), "--today", TODAY.isoformat()])
    path = folder / "aspire.json"
    data = json.loads(path.read_bytes())
    next(iter(data["checkins"].values()))["amount"] = "a lot"
    path.write_text(json.dumps(data))
    store = AspireStore.open(folder, check_later=True)
    app = make_app(store, start=None)
    try:
        async with app.run_test() as pilot:
            await wait_until(pilot, lambda: app.stopped_by is not None, "the app stopping")
    finally:
        assert store.launch_backup_problem() is None
        store.close()
    backups = folder / "backups"
    assert not backups.exists() or not list(backups.iterdir())
