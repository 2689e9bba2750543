"""The store on a real file: round trips, atomic replacement, refusing files it did not write."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    CheckIn,
    Driver,
    Goal,
    Reflection,
    Target,
)
from aspire_tui.store import SCHEMA_VERSION, AspireStore, DataFileError, StoreError
from aspire_tui.store import storage as storage_module
from aspire_tui.store.lock import AlreadyOpenError
from tests.conftest import docs, read_data

D = date(2026, 3, 1)


def data_files(folder: Path) -> list[str]:
    """What is in the folder besides the lock file."""
    return sorted(set(os.listdir(folder)) - {"aspire.json.lock", "aspire.json.owner"})


def fill(store: AspireStore) -> tuple[Aspiration, Goal, CheckIn]:
    store.save_reflection(
        Reflection(on=D, want="Lead", passions="Tax", note="n", ratings={Driver.BALANCE: 5})
    )
    a = store.save_aspiration(Aspiration("Lead a team", D, why="Because", path="management"))
    assert a.id is not None
    g = store.save_goal(Goal(a.id, "Hire three", Target.number(3, "people"), D, date(2026, 9, 1)))
    assert g.id is not None
    c = store.save_checkin(CheckIn(g.id, D, 1.5, "first"))
    return a, g, c


def test_round_trip_through_a_reopened_file(store: AspireStore, data_dir: Path) -> None:
    a, g, c = fill(store)
    store.close()
    again = AspireStore.open(data_dir)
    assert again.aspirations() == [a]
    assert again.goals() == [g]
    assert again.checkins() == [c]
    [r] = again.reflections()
    assert r.ratings == {Driver.BALANCE: 5} and r.want == "Lead"


def test_file_records_the_schema_and_plain_json(store: AspireStore, data_dir: Path) -> None:
    fill(store)
    data = read_data(data_dir)
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION
    [goal] = docs(data_dir, "goals")
    assert goal["deadline"] == "2026-09-01"
    assert goal["target"] == {
        "amount": 3.0,
        "unit": "people",
        "done_only": False,
        "start": 0.0,
        "milestones": [],
        "due": [],
        "every": "",
    }


def test_new_folder_and_file_are_private(store: AspireStore, data_dir: Path) -> None:
    fill(store)
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data_dir / "aspire.json").st_mode) == 0o600


def test_an_existing_world_readable_file_is_made_private(data_dir: Path) -> None:
    AspireStore.open(data_dir).close()
    os.chmod(data_dir / "aspire.json", 0o644)
    AspireStore.open(data_dir).close()
    assert stat.S_IMODE(os.stat(data_dir / "aspire.json").st_mode) == 0o600


def test_update_and_delete(store: AspireStore, data_dir: Path) -> None:
    a, g, c = fill(store)
    store.save_aspiration(Aspiration(**{**a.__dict__, "status": AspirationStatus.ARCHIVED}))
    assert docs(data_dir, "aspirations")[0]["status"] == "archived"
    store.delete_goal(g.id or 0)
    assert docs(data_dir, "goals") == [] and docs(data_dir, "checkins") == []
    assert store.aspirations()[0].status is AspirationStatus.ARCHIVED


def test_deleting_an_aspiration_takes_its_goals_and_checkins_in_one_write(
    store: AspireStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, _ = fill(store)
    other = store.save_aspiration(Aspiration("Own a business", D))
    kept = store.save_goal(Goal(other.id or 0, "First client", Target.done(), D))
    writes: list[int] = []
    real = storage_module.atomic_write
    monkeypatch.setattr(storage_module, "atomic_write", lambda p, b: (writes.append(1), real(p, b)))
    store.delete_aspiration(a.id or 0)
    assert len(writes) == 1
    assert [d["title"] for d in docs(data_dir, "aspirations")] == ["Own a business"]
    assert [d["title"] for d in docs(data_dir, "goals")] == [kept.title]
    assert docs(data_dir, "checkins") == []


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    store: AspireStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    before = (data_dir / "aspire.json").read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StoreError, match="No space left"):
        store.save_aspiration(Aspiration("Another", D))
    assert (data_dir / "aspire.json").read_bytes() == before
    assert data_files(data_dir) == ["aspire.json"]


def test_a_failed_batch_writes_nothing_and_the_store_stays_consistent(
    store: AspireStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, g, _ = fill(store)
    before = (data_dir / "aspire.json").read_bytes()
    monkeypatch.setattr(os, "replace", lambda s, d: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(StoreError):
        store.delete_aspiration(a.id or 0)
    monkeypatch.undo()
    assert (data_dir / "aspire.json").read_bytes() == before
    assert store.goals() == [g]


def test_stale_temp_files_are_removed_at_start(data_dir: Path) -> None:
    AspireStore.open(data_dir).close()
    stale = data_dir / ".aspire.json.abc123.tmp"
    stale.write_text("{half a write")
    unrelated = data_dir / "notes.txt"
    unrelated.write_text("mine")
    AspireStore.open(data_dir).close()
    assert not stale.exists()
    assert unrelated.read_text() == "mine"


BAD_FILES = {
    "not json": b"{this is not json",
    "empty file": b"",
    "a list": b"[1, 2, 3]",
    "not utf-8": b"\xff\xfe\x00garbage",
    "no schema": b'{"_default": {"1": {"x": 1}}}',
    "unknown table": json.dumps({"_meta": {"1": {"schema": 1}}, "passwords": {}}).encode(),
    "damaged goal": json.dumps(
        {"_meta": {"1": {"schema": 1}}, "goals": {"1": {"title": "x"}}}
    ).encode(),
    "rating out of range": json.dumps(
        {
            "_meta": {"1": {"schema": 1}},
            "reflections": {
                "1": {
                    "on": "2026-01-01",
                    "want": "",
                    "passions": "",
                    "note": "",
                    "ratings": {"balance": 9},
                }
            },
        }
    ).encode(),
    "meta not an object": b'{"_meta": {"1": [1]}}',
    "schema not a number": b'{"_meta": {"1": {"schema": true}}}',
    "odd record key": json.dumps({"_meta": {"1": {"schema": 1}}, "goals": {"\u00b2": {}}}).encode(),
    "nested too deep": b"[" * 100_000,
    "huge number": b'{"_meta":{"1":{"schema":2}},"aspirations":{"1":{"uid":"'
    + b"a" * 32
    + b'","title":"x","created":"2026-01-01","why":"","path":null,"status":"active"}},'
    b'"goals":{"1":{"uid":"' + b"b" * 32 + b'","aspiration_id":1,"title":"g","target":'
    b'{"amount":1' + b"0" * 400 + b',"unit":"","done_only":false},"created":"2026-01-01",'
    b'"deadline":null}}}',
    "lone surrogate": b'{"_meta":{"1":{"schema":2}},"reflections":{"1":{"uid":"'
    + b"c" * 32
    + b'","on":"2026-01-01","want":"\\ud800","passions":"","note":"","ratings":{}}}}',
    "goal pointing nowhere": json.dumps(
        {
            "_meta": {"1": {"schema": 2}},
            "goals": {
                "1": {
                    "uid": "d" * 32,
                    "aspiration_id": 9,
                    "title": "g",
                    "target": {"amount": 1.0, "unit": "", "done_only": True},
                    "created": "2026-01-01",
                    "deadline": None,
                }
            },
        }
    ).encode(),
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_aspire_did_not_write_is_refused_and_left_untouched(
    data_dir: Path, content: bytes
) -> None:
    data_dir.mkdir()
    path = data_dir / "aspire.json"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as raised:
        AspireStore.open(data_dir)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content
    assert data_files(data_dir) == ["aspire.json"]


def test_a_file_from_a_newer_version_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "aspire.json"
    content = json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}).encode()
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="newer version"):
        AspireStore.open(data_dir)
    assert path.read_bytes() == content


def test_a_file_that_disappears_is_not_silently_recreated_empty(
    store: AspireStore, data_dir: Path
) -> None:
    fill(store)
    (data_dir / "aspire.json").unlink()
    with pytest.raises(StoreError, match="disappeared"):
        store.save_aspiration(Aspiration("x", D))
    assert not (data_dir / "aspire.json").exists()


def test_a_file_corrupted_while_open_is_not_overwritten(store: AspireStore, data_dir: Path) -> None:
    fill(store)
    (data_dir / "aspire.json").write_bytes(b"garbage")
    with pytest.raises(DataFileError):
        store.save_aspiration(Aspiration("x", D))
    assert (data_dir / "aspire.json").read_bytes() == b"garbage"


def test_invalid_records_never_reach_the_file(store: AspireStore, data_dir: Path) -> None:
    with pytest.raises(StoreError):
        store.save_aspiration(Aspiration("   ", D))
    with pytest.raises(StoreError):
        store.save_goal(Goal(99, "Orphan", Target.done(), D))
    with pytest.raises(StoreError):
        store.save_reflection(Reflection(on=D))
    assert docs(data_dir, "aspirations") == [] and docs(data_dir, "goals") == []


def test_data_dir_that_is_a_file_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("x")
    with pytest.raises(DataFileError, match="not a folder"):
        AspireStore.open(target)


def test_a_second_aspire_on_the_same_folder_is_refused(store: AspireStore, data_dir: Path) -> None:
    with pytest.raises(AlreadyOpenError) as raised:
        AspireStore.open(data_dir)
    assert str(os.getpid()) in str(raised.value)
    store.close()
    AspireStore.open(data_dir).close()


def test_a_valid_change_made_by_hand_while_open_is_picked_up(
    store: AspireStore, data_dir: Path
) -> None:
    a, _, _ = fill(store)
    data = read_data(data_dir)
    data["aspirations"][str(a.id)]["title"] = "Edited by hand"
    data["aspirations"]["7"] = {
        **data["aspirations"][str(a.id)],
        "title": "Added by hand",
        "uid": "f" * 32,
    }
    (data_dir / "aspire.json").write_text(json.dumps(data))
    assert [x.title for x in store.aspirations()] == ["Edited by hand", "Added by hand"]
    added = store.save_aspiration(Aspiration("Added in Aspire", D))
    assert added.id == 8
    assert len(docs(data_dir, "aspirations")) == 3


@pytest.mark.parametrize(
    "replacement",
    [b"not json", json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}).encode()],
    ids=["garbage", "newer version"],
)
def test_a_bad_file_swapped_in_while_open_is_never_written_over(
    store: AspireStore, data_dir: Path, replacement: bytes
) -> None:
    fill(store)
    (data_dir / "aspire.json").write_bytes(replacement)
    with pytest.raises(DataFileError):
        store.save_aspiration(Aspiration("x", D))
    with pytest.raises(DataFileError):
        store.aspirations()
    assert (data_dir / "aspire.json").read_bytes() == replacement


def test_the_default_folder_is_made_private_even_if_it_existed(tmp_path: Path) -> None:
    folder = tmp_path / "aspire-tui"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    AspireStore.open(folder).close()
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o755, "a folder the person named is theirs"
    AspireStore.open(folder, own_folder=True).close()
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_a_symlinked_data_file_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    AspireStore.open(real).close()
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "aspire.json").symlink_to(real / "aspire.json")
    store = AspireStore.open(linked)
    store.save_aspiration(Aspiration("Through the link", D))
    store.close()
    assert (linked / "aspire.json").is_symlink()
    assert docs(real, "aspirations")[0]["title"] == "Through the link"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(
    value=st.dictionaries(
        st.sampled_from(["_meta", "reflections", "aspirations", "goals", "checkins", "x"]),
        json_values,
        max_size=5,
    )
)
def test_any_json_either_opens_or_is_refused_untouched(value: dict) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        content = json.dumps(value).encode()
        (folder / "aspire.json").write_bytes(content)
        try:
            AspireStore.open(folder).close()
        except DataFileError:
            assert (folder / "aspire.json").read_bytes() == content


def test_progress_can_not_go_below_zero(store: AspireStore, data_dir: Path) -> None:
    _, g, _ = fill(store)  # 1.5 logged so far
    with pytest.raises(StoreError, match="below zero"):
        store.save_checkin(CheckIn(g.id or 0, D, -2))
    store.save_checkin(CheckIn(g.id or 0, D, -1.5))
    assert sum(d["amount"] for d in docs(data_dir, "checkins")) == 0


@given(
    goal_id=st.integers(0, 10**6),
    amount=st.floats(-1e6, 1e6, allow_nan=False),
    note=st.text(st.characters(max_codepoint=127), max_size=20),
    doc_id=st.integers(0, 10**6),
)
def test_a_decoded_check_in_is_the_record_a_constructor_makes(
    goal_id: int, amount: float, note: str, doc_id: int
) -> None:
    """The decoder makes check-ins without their __init__ (for speed): the result must be the
    same record, equal, hashable alike and still frozen."""
    from dataclasses import FrozenInstanceError

    from aspire_tui.store import codec

    made = CheckIn(goal_id, date(2026, 11, 27), amount, note, "", "a" * 32, doc_id)
    decoded = codec.decode_checkin(codec.encode_checkin(made), doc_id)
    assert decoded == made and hash(decoded) == hash(made) and repr(decoded) == repr(made)
    with pytest.raises(FrozenInstanceError):
        decoded.note = "changed"  # type: ignore[misc]
