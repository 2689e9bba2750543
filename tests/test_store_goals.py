"""The store's side of goals in depth: putting records back for undo, and older data."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import export_json, import_export, read_export
from aspire_tui.store.migrations import SCHEMA_VERSION
from tests.conftest import TODAY, docs, read_data
from tests.fixtures.career import populate

D = date(2026, 1, 1)


@pytest.fixture
def goal(store: AspireStore) -> Goal:
    a = store.save_aspiration(Aspiration("Lead", D))
    return store.save_goal(Goal(a.id or 0, "Win clients", Target.number(10, "clients"), D))


def relaunched(store: AspireStore, data_dir: Path) -> AspireStore:
    """A new session: TinyDB then hands out the highest freed id again."""
    store.close()
    return AspireStore.open(data_dir)


def test_a_deleted_check_in_comes_back_beside_one_that_took_its_id(tmp_path: Path) -> None:
    data_dir = tmp_path / "own"
    store = AspireStore.open(data_dir)
    a = store.save_aspiration(Aspiration("Lead", D))
    goal = store.save_goal(Goal(a.id or 0, "Win clients", Target.number(10, "clients"), D))
    assert goal.id is not None
    old = store.save_checkin(CheckIn(goal.id, D, 2, "old"))
    store.delete_checkin(old.id or 0)
    store = relaunched(store, data_dir)
    new = store.save_checkin(CheckIn(goal.id, D, 3, "new"))
    assert new.id == old.id, "the freed id is handed out again"
    store.put_back([], [old])
    notes = sorted(c["note"] for c in docs(data_dir, "checkins"))
    assert notes == ["new", "old"], "neither overwrites the other"
    store.close()


def test_a_deleted_goal_comes_back_with_its_check_ins_beside_a_newer_goal(tmp_path: Path) -> None:
    data_dir = tmp_path / "own"
    store = AspireStore.open(data_dir)
    a = store.save_aspiration(Aspiration("Lead", D))
    goal = store.save_goal(Goal(a.id or 0, "Win clients", Target.number(10, "clients"), D))
    assert goal.id is not None
    checkin = store.save_checkin(CheckIn(goal.id, D, 2, "mine"))
    store.delete_goal(goal.id)
    store = relaunched(store, data_dir)
    newer = store.save_goal(dataclasses.replace(goal, id=None, title="Newer", uid="ab" * 16))
    store.save_checkin(CheckIn(newer.id or 0, D, 5, "the newer goal's"))
    assert newer.id == goal.id
    store.put_back([goal], [checkin])
    goals = {g.title: g for g in store.goals()}
    assert set(goals) == {"Win clients", "Newer"}
    mine = store.checkins(goals["Win clients"].id)
    assert [c.note for c in mine] == ["mine"], "the check-in follows its goal to the new id"
    assert [c.note for c in store.checkins(newer.id)] == ["the newer goal's"]
    store.close()


def test_undo_refuses_an_entry_an_import_brought_back(
    store: AspireStore, goal: Goal, data_dir: Path, tmp_path: Path
) -> None:
    text = export_json(store)
    assert goal.id is not None
    store.delete_goal(goal.id)
    import_export(store, read_export(Path("x.json"), text.encode()))
    with pytest.raises(StoreError, match="back already"):
        store.put_back([goal], [])
    store.close()
    AspireStore.open(data_dir).close()  # the file still opens: no two records share a uid


def test_undoing_an_edit_that_progress_since_no_longer_fits_changes_nothing(
    store: AspireStore, goal: Goal, data_dir: Path
) -> None:
    """Made a number to bring down, with a reading of 0 logged since: putting back the number
    to raise would turn that reading into a zero check-in on a goal that adds up."""
    assert goal.id is not None
    down = store.save_goal(dataclasses.replace(goal, target=Target.number(5, "h", start=20)))
    store.save_checkin(CheckIn(goal.id, D, 0))
    before = read_data(data_dir)
    with pytest.raises(StoreError):
        store.put_back([goal], [])
    assert read_data(data_dir) == before
    assert store.goal(goal.id) == down


def test_a_schema_4_export_with_a_deadline_before_its_goal_imports(tmp_path: Path) -> None:
    """Older Aspires let a goal's deadline precede the day it was added."""
    source = AspireStore.open(tmp_path / "a")
    populate(source, TODAY)
    data = json.loads(export_json(source))
    source.close()
    data["schema"] = 4
    for doc in data["goals"]:
        for key in ("description", "how", "starts", "stretch", "closer"):
            del doc[key]
        doc["target"] = {k: doc["target"][k] for k in ("amount", "unit", "done_only")}
    data["goals"] = [g for g in data["goals"] if not g["title"].startswith(("Publish", "Cut"))]
    kept = {g["uid"] for g in data["goals"]}
    data["checkins"] = [c for c in data["checkins"] if c["goal"] in kept]
    for doc in data["checkins"]:
        del doc["milestone"]
    data["goals"][0]["deadline"] = "2026-01-01"  # before it was created
    target = AspireStore.open(tmp_path / "b")
    result = import_export(target, read_export(Path("old.json"), json.dumps(data).encode()))
    assert result.added > 0
    first = next(g for g in target.goals() if g.uid == data["goals"][0]["uid"])
    assert first.starts == date(2026, 1, 1) and first.deadline == date(2026, 1, 1)
    target.close()


def test_a_schema_4_file_gains_the_goal_fields(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    a = store.save_aspiration(Aspiration("Lead", D))
    store.save_goal(Goal(a.id or 0, "Ship", Target.done(), date(2026, 3, 1)))
    store.close()
    data = read_data(data_dir)
    data["_meta"]["1"]["schema"] = 4
    for doc in data["goals"].values():
        doc["deadline"] = "2026-02-01"  # before the goal was added, as older Aspires allowed
        for key in ("description", "how", "starts", "stretch", "closer"):
            del doc[key]
        doc["target"] = {k: doc["target"][k] for k in ("amount", "unit", "done_only")}
    (data_dir / "aspire.json").write_text(json.dumps(data))
    store = AspireStore.open(data_dir)
    [goal] = store.goals()
    store.close()
    assert goal.starts == date(2026, 2, 1), "the pace line starts no later than the deadline"
    assert read_data(data_dir)["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_a_unit_with_a_broken_character_is_refused_and_later_saves_still_work(
    store: AspireStore, goal: Goal, data_dir: Path
) -> None:
    broken = dataclasses.replace(goal, target=Target.number(10, "talks\ud83d"))
    with pytest.raises(StoreError, match="broken character"):
        store.save_goal(broken)
    assert goal.id is not None
    store.save_checkin(CheckIn(goal.id, D, 1, "still saved"))
    assert [c["note"] for c in docs(data_dir, "checkins")] == ["still saved"]
    assert docs(data_dir, "goals")[0]["target"]["unit"] == "clients"


def test_a_file_with_an_escaped_lone_surrogate_still_opens(data_dir: Path) -> None:
    """Earlier Aspires wrote such text as the escape \\ud800, which orjson refuses to read;
    the standard library reads it, and the file checks decide what to accept."""
    store = AspireStore.open(data_dir)
    store.save_aspiration(Aspiration("Lead", D))
    store.close()
    raw = (data_dir / "aspire.json").read_text("utf-8")
    assert '"path":null' in raw
    (data_dir / "aspire.json").write_text(raw.replace('"path":null', '"path":"x\\ud800"'))
    store = AspireStore.open(data_dir)
    [aspiration] = store.aspirations()
    assert aspiration.title == "Lead"
    store.close()
