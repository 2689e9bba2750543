"""Backups at each launch, restore, read-only opening, and upgrades from older files."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.models import (
    FIRST_RUNG,
    Aspiration,
    AspirationStatus,
    Driver,
    Goal,
    Move,
    Target,
)
from aspire_tui.store import SCHEMA_VERSION, AspireStore, DataFileError, StoreError
from aspire_tui.store.backups import list_backups
from aspire_tui.store.migrations import goal_v5, goal_v8, migrate
from tests.conftest import read_data

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 11, 27, 9, 30, 0)


def launch(folder: Path, when: datetime = NOW, **kwargs: object) -> AspireStore:
    return AspireStore.open(folder, now=when, **kwargs)  # type: ignore[arg-type]


def test_a_first_launch_has_nothing_to_back_up(data_dir: Path) -> None:
    launch(data_dir).close()
    assert not (data_dir / "backups").exists()


def test_each_launch_with_data_keeps_a_private_dated_copy(data_dir: Path) -> None:
    store = launch(data_dir)
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    store.close()
    before = (data_dir / "aspire.json").read_bytes()
    launch(data_dir).close()
    [backup] = list_backups(data_dir / "aspire.json")
    assert backup.name == "aspire-20261127-093000.json"
    assert backup.path.read_bytes() == before
    assert stat.S_IMODE(os.stat(backup.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(data_dir / "backups").st_mode) == 0o700


def change(folder: Path, title: str, when: datetime) -> None:
    store = launch(folder, when)
    store.save_aspiration(Aspiration(title, date(2026, 1, 1)))
    store.close()


def test_only_the_newest_backups_are_kept(data_dir: Path) -> None:
    launch(data_dir).close()
    for hour in range(14):
        change(data_dir, f"step {hour}", NOW + timedelta(hours=hour))
    names = [b.name for b in list_backups(data_dir / "aspire.json")]
    assert len(names) == 10
    assert names[0] == "aspire-20261127-223000.json" and names[-1] == "aspire-20261127-133000.json"
    change(data_dir, "later", NOW + timedelta(days=1))
    launch(data_dir, NOW + timedelta(days=2), keep_backups=3).close()
    assert len(list_backups(data_dir / "aspire.json")) == 3


def test_launches_that_change_nothing_do_not_push_out_older_backups(data_dir: Path) -> None:
    change(data_dir, "Important", NOW)
    launch(data_dir, NOW + timedelta(minutes=1)).close()
    store = launch(data_dir, NOW + timedelta(minutes=2))
    store.clear_all()  # the mistake
    store.back_up(NOW + timedelta(minutes=3), "manual")
    store.close()
    for minute in range(4, 30):
        launch(data_dir, NOW + timedelta(minutes=minute)).close()
    backups = list_backups(data_dir / "aspire.json")
    holding = [b for b in backups if b"Important" in b.path.read_bytes()]
    assert holding, "the copy from before the mistake is still there"
    assert len([b for b in backups if not b.reason]) == 2


def test_odd_files_in_the_backup_folder_are_left_alone(data_dir: Path) -> None:
    change(data_dir, "x", NOW)
    launch(data_dir, NOW + timedelta(minutes=1)).close()
    folder = data_dir / "backups"
    (folder / "aspire-20261399-999999.json").write_text("{}")
    (folder / "notes.txt").write_text("mine")
    (folder / "aspire-20260101-000000.json").mkdir()
    launch(data_dir, NOW + timedelta(minutes=2)).close()
    assert [b.name for b in list_backups(data_dir / "aspire.json")] == [
        "aspire-20261127-093100.json"
    ]
    assert (folder / "notes.txt").read_text() == "mine"


def test_restore_puts_a_backup_back_and_keeps_the_current_file(data_dir: Path) -> None:
    store = launch(data_dir)
    store.save_aspiration(Aspiration("Original", date(2026, 1, 1)))
    store.close()
    store = launch(data_dir, NOW + timedelta(minutes=1))
    [first_backup] = store.backups()
    store.save_aspiration(Aspiration("Added later", date(2026, 1, 2)))
    saved = store.restore_backup(first_backup.name, NOW + timedelta(minutes=2))
    assert [a.title for a in store.aspirations()] == ["Original"]
    assert saved.name == "aspire-20261127-093200-before-restore.json"
    titles = [d["title"] for d in json.loads(saved.read_text())["aspirations"].values()]
    assert titles == ["Original", "Added later"]
    again = store.save_aspiration(Aspiration("After restore", date(2026, 1, 3)))
    assert again.id == 2
    store.close()
    assert [d["title"] for d in read_data(data_dir)["aspirations"].values()] == [
        "Original",
        "After restore",
    ]


def test_restoring_an_unknown_backup_is_refused(data_dir: Path) -> None:
    store = launch(data_dir)
    with pytest.raises(StoreError, match="no backup called"):
        store.restore_backup("nope.json", NOW)
    store.close()


def test_the_first_schema_is_upgraded_after_a_backup(data_dir: Path) -> None:
    data_dir.mkdir()
    original = (FIXTURES / "schema-1.json").read_bytes()
    (data_dir / "aspire.json").write_bytes(original)
    store = launch(data_dir)
    [backup] = store.backups()
    assert backup.path.read_bytes() == original
    data = read_data(data_dir)
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION
    uids = [
        doc["uid"]
        for table in ("reflections", "aspirations", "goals", "checkins")
        for doc in data[table].values()
    ]
    assert len(uids) == 6 and len(set(uids)) == 6
    [reflection] = store.reflections()
    assert reflection.ratings == {Driver.ACHIEVEMENT: 4, Driver.BALANCE: 3}
    assert [a.title for a in store.aspirations()] == ["Join management", "Own a business"]
    assert [g.title for g in store.goals(1)] == ["Lead a project", "Mentor juniors"]
    assert store.checkins(2)[0].note == "Sam"
    store.close()


def test_schema_2_gains_ladders_and_levels_and_keeps_everything_else(data_dir: Path) -> None:
    data_dir.mkdir()
    before = json.loads((FIXTURES / "schema-2.json").read_text())
    shutil.copy(FIXTURES / "schema-2.json", data_dir / "aspire.json")
    store = launch(data_dir)
    management, novel, business = store.aspirations()
    path = find_path("management")
    assert path is not None
    assert management.ladder.rungs == tuple(level.name for level in path.levels)
    assert novel.ladder.rungs == (FIRST_RUNG,), "a direction of one's own gets one level"
    assert business.status is AspirationStatus.ARCHIVED and business.ladder.level == 0
    for aspiration in (management, novel, business):
        [adopted] = aspiration.ladder.history
        assert (adopted.move, adopted.on, adopted.level) == (
            Move.ADOPTED,
            aspiration.created,
            0,
        )
    assert {g.level for g in store.goals()} == {0}
    after = read_data(data_dir)
    assert after["checkins"] == {k: {**c, "milestone": ""} for k, c in before["checkins"].items()}
    for key, doc in before["reflections"].items():
        new = {"prompt": "", "tags": [], "aspiration_id": None}
        assert after["reflections"][key] == doc | new, "journal entries gain empty links"
    for key, doc in before["aspirations"].items():
        assert after["aspirations"][key] == doc | {
            "ladder": after["aspirations"][key]["ladder"],
            "passions": [],
        }
    for key, doc in before["goals"].items():
        assert {k: v for k, v in after["goals"][key].items() if k != "level"} == goal_v8(
            goal_v5(doc)
        )
    store.close()


def test_a_goal_on_a_level_its_ladder_lacks_is_refused_at_open(data_dir: Path) -> None:
    store = launch(data_dir)
    a = store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    store.save_goal(Goal(a.id or 0, "Hire", Target.done(), date(2026, 1, 1)))
    store.close()
    data = read_data(data_dir)
    data["goals"]["1"]["level"] = 3
    (data_dir / "aspire.json").write_text(json.dumps(data))
    before = (data_dir / "aspire.json").read_bytes()
    with pytest.raises(DataFileError, match="on a level its ladder lacks"):
        launch(data_dir)
    assert (data_dir / "aspire.json").read_bytes() == before


@pytest.mark.parametrize(
    ("ladder", "message"),
    [
        ({"rungs": [], "level": 0, "paused": False, "history": []}, "list of level names"),
        ({"rungs": ["A"], "level": 1, "paused": False, "history": []}, "not on the ladder"),
        ({"rungs": ["A"], "level": 0, "paused": "no", "history": []}, "true or false"),
        (
            {
                "rungs": ["A"],
                "level": 0,
                "paused": False,
                "history": [{"on": "2026-01-01", "move": "flew", "level": 0, "reason": ""}],
            },
            "unknown move",
        ),
        (None, "'ladder' should be an object"),
        ({"rungs": [3], "level": 0, "paused": False, "history": []}, "list of level names"),
        ({"rungs": [" A "], "level": 0, "paused": False, "history": []}, "stray white space"),
        ({"rungs": ["A"], "level": 0, "paused": False, "history": {}}, "'history'"),
        (
            {
                "rungs": ["A"],
                "level": 0,
                "paused": False,
                "history": [{"on": "someday", "move": "adopted", "level": 0, "reason": ""}],
            },
            "'on' should be a date",
        ),
        (
            {
                "rungs": ["A"],
                "level": 0,
                "paused": False,
                "history": [{"on": "2026-01-01", "move": "adopted", "level": 4, "reason": ""}],
            },
            "not on the ladder",
        ),
    ],
)
def test_a_damaged_ladder_is_named_and_the_file_left_alone(
    data_dir: Path, ladder: object, message: str
) -> None:
    store = launch(data_dir)
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    store.close()
    data = read_data(data_dir)
    data["aspirations"]["1"]["ladder"] = ladder
    (data_dir / "aspire.json").write_text(json.dumps(data))
    before = (data_dir / "aspire.json").read_bytes()
    with pytest.raises(DataFileError, match=message):
        launch(data_dir)
    assert (data_dir / "aspire.json").read_bytes() == before


def test_migrations_are_ordered_steps_that_never_change_their_input() -> None:
    data = json.loads((FIXTURES / "schema-1.json").read_text())
    snapshot = json.dumps(data, sort_keys=True)
    upgraded = migrate(data, 1)
    assert json.dumps(data, sort_keys=True) == snapshot
    assert upgraded["_meta"] == {"1": {"schema": SCHEMA_VERSION}}


def test_read_only_opens_beside_a_running_aspire_and_refuses_changes(data_dir: Path) -> None:
    writer = launch(data_dir)
    writer.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    reader = launch(data_dir, read_only=True)
    assert reader.read_only and [a.title for a in reader.aspirations()] == ["Lead"]
    before = (data_dir / "aspire.json").read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        reader.save_aspiration(Aspiration("Sneaky", date(2026, 1, 1)))
    assert (data_dir / "aspire.json").read_bytes() == before
    writer.save_aspiration(Aspiration("Seen by the reader", date(2026, 1, 2)))
    assert [a.title for a in reader.aspirations()] == ["Lead", "Seen by the reader"]
    reader.close()
    writer.close()


def test_read_only_needs_an_up_to_date_file(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema-1.json", data_dir / "aspire.json")
    with pytest.raises(DataFileError, match="older version"):
        launch(data_dir, read_only=True)


def test_the_same_old_file_upgraded_in_two_places_gets_the_same_uids(tmp_path: Path) -> None:
    for name in ("laptop", "desktop"):
        (tmp_path / name).mkdir()
        shutil.copy(FIXTURES / "schema-1.json", tmp_path / name / "aspire.json")
        launch(tmp_path / name).close()
    assert read_data(tmp_path / "laptop") == read_data(tmp_path / "desktop")


def test_restore_repairs_a_damaged_file_without_reading_it(data_dir: Path) -> None:
    change(data_dir, "Good", NOW)
    launch(data_dir, NOW + timedelta(minutes=1)).close()
    [good] = list_backups(data_dir / "aspire.json")
    (data_dir / "aspire.json").write_bytes(b"{damaged")
    kept = AspireStore.restore_folder(data_dir, good.name, NOW + timedelta(minutes=2))
    assert kept is not None and kept.read_bytes() == b"{damaged"
    store = launch(data_dir, NOW + timedelta(minutes=3))
    assert [a.title for a in store.aspirations()] == ["Good"]
    store.close()


def test_restore_into_a_folder_without_backups_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no backup called"):
        AspireStore.restore_folder(tmp_path / "new", "x.json", NOW)
    assert not (tmp_path / "new").exists()


# Kept copies of saves that could not replace the file ---------------------------------------


def keep_unsaved_copy(data_dir: Path, when: datetime, reflections: int) -> Path:
    """What the store keeps when a save finds the file changed by another program."""
    from aspire_tui.store.backups import take_backup

    data = read_data(data_dir)
    data["reflections"] = {
        str(n): {"on": "2026-11-01", "want": f"Typed {n}", "uid": f"u{n}"}
        for n in range(1, reflections + 1)
    }
    return take_backup(data_dir / "aspire.json", when, "unsaved", data=json.dumps(data).encode())


def test_kept_unsaved_copies_are_never_pruned(data_dir: Path) -> None:
    change(data_dir, "Lead", NOW)
    first = keep_unsaved_copy(data_dir, NOW - timedelta(days=30), reflections=2)
    second = keep_unsaved_copy(data_dir, NOW - timedelta(days=29), reflections=1)
    for hour in range(1, 15):
        change(data_dir, f"step {hour}", NOW + timedelta(hours=hour))
        store = launch(data_dir, NOW + timedelta(hours=hour, minutes=1))
        store.back_up(NOW + timedelta(hours=hour, minutes=2), "before-import")
        store.close()
    launch(data_dir, NOW + timedelta(days=2), keep_backups=1).close()
    assert first.exists() and second.exists()
    reasons = [b.reason for b in list_backups(data_dir / "aspire.json")]
    assert reasons.count("unsaved") == 2
    assert reasons.count("") == 1 and reasons.count("before-import") == 1


def test_aspire_backups_lists_kept_copies_apart_with_what_they_hold(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from aspire_tui.cli import main

    change(data_dir, "Lead", NOW)
    launch(data_dir, NOW + timedelta(minutes=1)).close()
    kept = keep_unsaved_copy(data_dir, datetime(2026, 11, 20, 8, 15), reflections=2)
    assert main(["--data-dir", str(data_dir), "backups"]) == 0
    out = capsys.readouterr().out
    regular, _, apart = out.partition("never removed")
    assert "aspire-20261127-093100.json" in regular and kept.name not in regular
    line = next(line for line in apart.splitlines() if kept.name in line)
    assert "2026-11-20 08:15" in line
    assert "1 aspiration" in line and "2 journal entries" in line
