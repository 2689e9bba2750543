"""An encrypted data folder, through the real store: nothing the person writes reaches the disk
in plain text (the data file, each change in the log, backups, kept copies, drafts); it all
opens again with the key and never without it; a file changed by one byte is refused and left
exactly as it was."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from aspire_tui.domain.drafts import Draft
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection, Target
from aspire_tui.store import AspireStore, DataFileError
from aspire_tui.store.backups import list_backups, records_held
from aspire_tui.store.drafts import load_draft, save_draft
from aspire_tui.store.errors import NeedsPassphrase
from aspire_tui.store.key_file import unlock_folder, write_key_file
from aspire_tui.store.sealing import DataKey, WrongPassphrase
from tests.conftest import TODAY

SECRET = "Zanzibar quixotic marmalade"
WORDS = SECRET.split()
PASSPHRASE = "a long and private passphrase"


@pytest.fixture
def key(data_dir: Path) -> DataKey:
    data_dir.mkdir(mode=0o700)
    key = DataKey.generate()
    write_key_file(data_dir, key, PASSPHRASE, log_n=10)
    return key


def write_secrets(store: AspireStore) -> None:
    store.save_reflection(Reflection(TODAY, note=f"I want to leave. {SECRET}"))
    aspiration = store.save_aspiration(Aspiration(f"Lead {SECRET}", TODAY, why=SECRET))
    assert aspiration.id is not None
    goal = store.save_goal(
        Goal(aspiration.id, f"Goal {SECRET}", Target.number(5, SECRET.split()[0]), TODAY)
    )
    assert goal.id is not None
    store.log_checkin(CheckIn(goal.id, TODAY, 1.0, note=SECRET))


def files_showing_the_secret(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            if any(word.encode() in raw for word in WORDS):
                found.append(str(path.relative_to(folder)))
    return found


def test_nothing_written_shows_in_plain_text_and_all_opens_again(
    data_dir: Path, key: DataKey
) -> None:
    store = AspireStore.open(data_dir, key=unlock_folder(data_dir, PASSPHRASE))
    store.write_in_background()  # as the app saves: each change appended to the log
    write_secrets(store)
    store.flush()
    assert (data_dir / "aspire.changes.jsonl").exists()
    assert files_showing_the_secret(data_dir) == []
    store.back_up(datetime(2026, 11, 27, 9))
    save_draft(
        data_dir, Draft("goal", f"New goal {SECRET}", datetime(2026, 11, 27), {}), store.sealer
    )
    store.close()
    assert files_showing_the_secret(data_dir) == []
    assert {"aspire.json", "aspire.key.age", "backups", "drafts.json"} <= {
        p.name for p in data_dir.iterdir()
    }
    again = AspireStore.open(data_dir, key=key, backup=False)
    try:
        assert [r.note for r in again.reflections()] == [f"I want to leave. {SECRET}"]
        assert [c.note for c in again.checkins()] == [SECRET]
        backups = list_backups(again.path)
        assert backups and records_held(backups[0], again.sealer)
        assert records_held(backups[0]) is None  # without the key it is not data
        draft = load_draft(data_dir, again.sealer)
        assert draft is not None and SECRET in draft.heading
    finally:
        again.close()


def test_an_encrypted_folder_never_opens_without_its_key(data_dir: Path, key: DataKey) -> None:
    store = AspireStore.open(data_dir, key=key)
    write_secrets(store)
    store.close()
    with pytest.raises(NeedsPassphrase):
        AspireStore.open(data_dir)
    with pytest.raises(NeedsPassphrase):
        AspireStore.open(data_dir, read_only=True)
    with pytest.raises(WrongPassphrase):
        unlock_folder(data_dir, "a long and private passphrasE")
    with pytest.raises(DataFileError, match="does not decrypt"):
        AspireStore.open(data_dir, key=DataKey.generate())  # another folder's key


def test_a_file_changed_by_one_byte_is_refused_and_left_as_it_is(
    data_dir: Path, key: DataKey
) -> None:
    store = AspireStore.open(data_dir, key=key)
    write_secrets(store)
    good = store.back_up(datetime(2026, 11, 27, 9))
    store.close()
    path = data_dir / "aspire.json"
    changed = bytearray(path.read_bytes())
    changed[len(changed) // 2] ^= 0x01
    path.write_bytes(bytes(changed))
    with pytest.raises(DataFileError, match="does not decrypt") as refused:
        AspireStore.open(data_dir, key=key)
    assert f"aspire restore {good.name}" in str(refused.value)  # the newest that opens
    assert path.read_bytes() == bytes(changed)


def test_changes_in_the_log_replay_and_one_changed_by_a_byte_is_refused(
    data_dir: Path, key: DataKey, tmp_path: Path
) -> None:
    store = AspireStore.open(data_dir, key=key, backup=False)
    store.write_in_background()
    write_secrets(store)
    store.flush()
    left = {  # the folder as a kill would leave it: the data file and the log not yet folded
        name: (data_dir / name).read_bytes()
        for name in ("aspire.json", "aspire.changes.jsonl", "aspire.key.age")
    }
    store.close()

    def folder_as_left(name: str, log: bytes) -> Path:
        folder = tmp_path / name
        folder.mkdir(mode=0o700)
        for file_name, raw in left.items():
            (folder / file_name).write_bytes(raw)
        (folder / "aspire.changes.jsonl").write_bytes(log)
        return folder

    replayed = AspireStore.open(folder_as_left("kept", left["aspire.changes.jsonl"]), key=key)
    assert [c.note for c in replayed.checkins()] == [SECRET]
    replayed.close()
    lines = left["aspire.changes.jsonl"].split(b"\n")
    assert len(lines) > 3 and not any(word.encode() in lines[2] for word in WORDS)
    lines[2] = lines[2][:40] + (b"A" if lines[2][40:41] != b"A" else b"B") + lines[2][41:]
    damaged = folder_as_left("damaged", b"\n".join(lines))
    with pytest.raises(DataFileError, match="does not decrypt"):
        AspireStore.open(damaged, key=key)
    assert (damaged / "aspire.changes.jsonl").read_bytes() == b"\n".join(lines)


def test_a_plain_folder_is_as_it_was(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    write_secrets(store)
    store.close()
    assert "aspire.json" in files_showing_the_secret(data_dir)
    with pytest.raises(Exception, match="not encrypted"):
        AspireStore.open(data_dir, key=DataKey.generate())


def test_an_encrypted_file_without_its_key_file_says_so(data_dir: Path, key: DataKey) -> None:
    store = AspireStore.open(data_dir, key=key)
    write_secrets(store)
    store.close()
    (data_dir / "aspire.key.age").unlink()  # only the data file was copied, say
    with pytest.raises(DataFileError, match=r"key file \(aspire.key.age\) is not beside it"):
        AspireStore.open(data_dir)
