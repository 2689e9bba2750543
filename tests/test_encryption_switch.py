"""Turning encryption on and off, and changing the passphrase: every file that holds the
person's words is rewritten, and a switch cut short at any step leaves the data readable with
the old setting or the new one, never neither; the next open finishes it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.domain.drafts import Draft
from aspire_tui.store import AspireStore, DataFileError, encryption
from aspire_tui.store import key_file as key_files
from aspire_tui.store.backups import list_backups, records_held, take_backup
from aspire_tui.store.drafts import load_draft, save_draft
from aspire_tui.store.encryption import (
    change_passphrase,
    decrypt_folder,
    encrypt_folder,
    person_files,
    switch_under_way,
)
from aspire_tui.store.errors import NeedsPassphrase
from aspire_tui.store.key_file import is_encrypted, unlock_folder
from aspire_tui.store.sealing import AGE_MAGIC, DataKey, Sealer, WrongPassphrase
from tests.crash_model import model_from_store
from tests.test_encrypted_store import SECRET, files_showing_the_secret, write_secrets

PASSPHRASE = "correct horse battery staple"
FAST = 10


def plain_folder(folder: Path) -> Path:
    """A plain folder with data, a launch backup, a kept copy and a draft, all holding the
    secret words."""
    store = AspireStore.open(folder)
    write_secrets(store)
    store.close()
    take_backup(folder / "aspire.json", datetime(2026, 11, 26, 9))
    take_backup(folder / "aspire.json", datetime(2026, 11, 26, 10), "unsaved")
    save_draft(folder, Draft("goal", f"New goal {SECRET}", datetime(2026, 11, 27), {}))
    return folder


def what_it_holds(folder: Path, key: DataKey | None) -> Any:
    store = AspireStore.open(folder, key=key, backup=False)
    try:
        return model_from_store(store)
    finally:
        store.close()


def test_on_then_off_rewrites_every_file_and_the_data_stays_the_same(data_dir: Path) -> None:
    plain_folder(data_dir)
    before = what_it_holds(data_dir, None)
    assert files_showing_the_secret(data_dir)
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    assert is_encrypted(data_dir) and switch_under_way(data_dir) is None
    assert files_showing_the_secret(data_dir) == []
    for path in person_files(data_dir):
        if path.is_file():
            assert path.read_bytes().startswith(AGE_MAGIC), path
    with pytest.raises(NeedsPassphrase):
        AspireStore.open(data_dir)
    assert unlock_folder(data_dir, PASSPHRASE) == key
    assert what_it_holds(data_dir, key) == before
    backups = list_backups(data_dir / "aspire.json")
    assert backups and all(records_held(b, Sealer(key)) for b in backups)
    draft = load_draft(data_dir, Sealer(key))
    assert draft is not None and SECRET in draft.heading

    decrypt_folder(data_dir, key)
    assert not is_encrypted(data_dir) and switch_under_way(data_dir) is None
    assert what_it_holds(data_dir, None) == before
    assert "aspire.json" in files_showing_the_secret(data_dir)
    assert all(records_held(b) for b in list_backups(data_dir / "aspire.json"))


def test_a_new_passphrase_opens_the_same_data_and_the_old_one_no_longer(data_dir: Path) -> None:
    plain_folder(data_dir)
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    data = (data_dir / "aspire.json").read_bytes()
    change_passphrase(data_dir, key, "a new one, longer still", log_n=FAST)
    with pytest.raises(WrongPassphrase):
        unlock_folder(data_dir, PASSPHRASE)
    assert unlock_folder(data_dir, "a new one, longer still") == key
    assert (data_dir / "aspire.json").read_bytes() == data  # the data is not rewritten


class CutShort(Exception):
    pass


def cut_after(steps: int, monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Every write and removal a switch makes counts as a step; the one after `steps` raises,
    as a kill there would stop it (each step is atomic by itself)."""
    taken = [0]

    def step() -> None:
        if taken[0] >= steps:
            raise CutShort
        taken[0] += 1

    real_write, real_unmark = encryption.atomic_write, encryption._unmark

    def write(*args: Any, **kwargs: Any) -> None:
        step()
        real_write(*args, **kwargs)

    def unmark(*args: Any) -> None:
        step()
        real_unmark(*args)

    monkeypatch.setattr(encryption, "atomic_write", write)
    monkeypatch.setattr(key_files, "atomic_write", write)
    monkeypatch.setattr(encryption, "_unmark", unmark)
    return lambda: taken[0]


def readable_either_way(folder: Path, before: Any) -> DataKey | None:
    """The folder as a cut left it opens with the old setting or the new: plain, or with the
    passphrase. The key, when it is encrypted now."""
    if is_encrypted(folder):
        key = unlock_folder(folder, PASSPHRASE)
        assert what_it_holds(folder, key) == before
        return key
    assert what_it_holds(folder, None) == before
    return None


def test_turning_it_on_cut_short_at_any_step_is_readable_and_then_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = plain_folder(tmp_path / "original")
    before = what_it_holds(original, None)
    steps = 0
    while True:
        folder = tmp_path / f"cut-{steps}"
        shutil.copytree(original, folder)
        with monkeypatch.context() as patched:
            cut_after(steps, patched)
            try:
                encrypt_folder(folder, PASSPHRASE, log_n=FAST)
            except CutShort:
                pass
            else:
                break  # every step done
        key = readable_either_way(folder, before)  # opening finished the switch
        assert switch_under_way(folder) is None
        if key is not None:
            assert files_showing_the_secret(folder) == []
        steps += 1
    assert steps >= 6, "the data file, two backups, a draft, the key and the marker"


def test_turning_it_off_cut_short_at_any_step_is_readable_and_then_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = plain_folder(tmp_path / "original")
    before = what_it_holds(original, None)
    encrypt_folder(original, PASSPHRASE, log_n=FAST)
    steps = 0
    while True:
        folder = tmp_path / f"cut-{steps}"
        shutil.copytree(original, folder)
        key = unlock_folder(folder, PASSPHRASE)
        with monkeypatch.context() as patched:
            cut_after(steps, patched)
            try:
                decrypt_folder(folder, key)
            except CutShort:
                pass
            else:
                break
        readable_either_way(folder, before)
        assert switch_under_way(folder) is None
        steps += 1
    assert steps >= 5


def test_outside_a_switch_a_plain_file_in_an_encrypted_folder_is_refused(
    data_dir: Path,
) -> None:
    plain_folder(data_dir)
    plain = (data_dir / "aspire.json").read_bytes()
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    (data_dir / "aspire.json").write_bytes(plain)
    with pytest.raises(DataFileError, match="does not decrypt"):
        AspireStore.open(data_dir, key=key)
    assert (data_dir / "aspire.json").read_bytes() == plain


@pytest.mark.parametrize("marker", [encryption.SWITCHING_ON, encryption.SWITCHING_OFF])
def test_a_marker_aspire_did_not_write_is_refused_and_never_acted_on(
    data_dir: Path, marker: str
) -> None:
    """Someone who can write to the folder (a synced copy, say) plants an empty marker: to
    make Aspire decrypt everything, or take a plain file it put there."""
    plain_folder(data_dir)
    plain = (data_dir / "aspire.json").read_bytes()
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    sealed = {p: p.read_bytes() for p in person_files(data_dir) if p.is_file()}
    (data_dir / marker).write_bytes(b"")
    for read_only in (False, True):
        with pytest.raises(DataFileError, match="Aspire did not write it"):
            AspireStore.open(data_dir, key=key, read_only=read_only)
    assert is_encrypted(data_dir)
    assert {p: p.read_bytes() for p in person_files(data_dir) if p.is_file()} == sealed
    (data_dir / "aspire.json").write_bytes(plain)  # and a plain file beside it
    (data_dir / marker).write_bytes(Sealer(DataKey.generate()).seal(marker.encode()))
    with pytest.raises(DataFileError, match="Aspire did not write it"):
        AspireStore.open(data_dir, key=key)  # another key's marker is no better


def test_a_marker_left_in_a_plain_folder_is_removed(data_dir: Path) -> None:
    plain_folder(data_dir)
    before = what_it_holds(data_dir, None)
    (data_dir / encryption.SWITCHING_OFF).write_bytes(b"")
    assert what_it_holds(data_dir, None) == before
    assert switch_under_way(data_dir) is None


def test_a_damaged_backup_does_not_stop_a_switch_and_is_named(data_dir: Path) -> None:
    plain_folder(data_dir)
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    backup = list_backups(data_dir / "aspire.json")[-1].path
    damaged = bytearray(backup.read_bytes())
    damaged[-5] ^= 0x01
    backup.write_bytes(bytes(damaged))
    skipped = decrypt_folder(data_dir, key)
    assert skipped == [backup] and backup.read_bytes() == bytes(damaged)
    assert not is_encrypted(data_dir) and switch_under_way(data_dir) is None
    assert "aspire.json" in files_showing_the_secret(data_dir)


def test_every_kind_of_file_is_switched_kept_changes_and_set_aside_drafts_too(
    data_dir: Path,
) -> None:
    plain_folder(data_dir)
    backups = data_dir / "backups"
    note = b'[["reflections","9",{"note":"' + SECRET.encode() + b'"}]]'
    log = b"\n".join([b'{"aspire_changes":1,"base":"00"}', note, b'{"folded_into":"11"}', b""])
    kept_log = backups / "aspire-20261126-090000-changes-not-applied.changes.jsonl"
    kept_log.write_bytes(log)
    (data_dir / "drafts-2026-11-26-090000.json").write_bytes(
        (data_dir / "drafts.json").read_bytes()
    )
    key = encrypt_folder(data_dir, PASSPHRASE, log_n=FAST)
    assert files_showing_the_secret(data_dir) == []
    header, change, fold, _ = kept_log.read_bytes().split(b"\n")
    assert (header, fold) == (log.split(b"\n")[0], log.split(b"\n")[2])  # digests only
    assert change != note
    decrypt_folder(data_dir, key)
    assert kept_log.read_bytes() == log
