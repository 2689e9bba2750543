"""The change log: a change the app saves costs a line, whatever the file's age; what a kill
leaves in the log is replayed at the next open; a log that belongs to another data file is
never replayed onto this one, nor thrown away; a damaged one is refused, never written over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore, DataFileError, change_log
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
    assert (data_dir / LOG).stat().st_size <= 1000
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
