"""The goal standing the app keeps: worked out per goal, and the same as working out all."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from aspire_tui.domain.models import CheckIn
from aspire_tui.domain.standing import goal_states, recent_achievements
from aspire_tui.store import AspireStore
from aspire_tui.ui.standing_cache import GoalStanding
from tests.conftest import TODAY
from tests.fixtures.history import generate


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history") / "data"
    store = AspireStore.open(folder)
    generate(store, TODAY, years=2, seed=3)
    store.close()
    return folder


def goals_read(store: AspireStore, monkeypatch: pytest.MonkeyPatch) -> set[int]:
    """The goals whose check-ins are read from the store from now on: the work done."""
    read: set[int] = set()
    every = store.checkins

    def recorded(goal_id: int | None = None, **options: bool) -> list[CheckIn]:
        if goal_id is not None:
            read.add(goal_id)
        return every(goal_id, **options)

    monkeypatch.setattr(store, "checkins", recorded)
    return read


@pytest.mark.parametrize("days_back", [0, 40, 200, 500])
def test_latest_achievements_match_working_out_every_goal(
    history: Path, days_back: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AspireStore.open(history, read_only=True)
    today = TODAY - timedelta(days=days_back)
    everything = goal_states(store.goals(), store.checkins(), today)
    expected = recent_achievements(everything)
    assert expected, "the history has achievements to find"
    standing = GoalStanding(store)
    read = goals_read(store, monkeypatch)
    assert standing.latest_achievements(today) == expected
    if days_back < 365:  # it did not need every goal
        # (Seen from further back, most goals hold check-ins after that day, which count
        # only from their own day on: no real file is like that, and every goal is looked at.)
        assert 0 < len(read) < len(everything)
    assert standing.all(today) == everything


def test_a_check_in_redoes_only_its_goal(history: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(history, tmp_path / "copy")
    store = AspireStore.open(tmp_path / "copy")
    standing = GoalStanding(store)
    before = standing.all(TODAY)
    goal = next(g for g in store.goals() if g.target.kind.value == "up" and g.id in before)
    store.save_checkin(CheckIn(goal.id or 0, TODAY, 1.0, "one more"))
    after = standing.all(TODAY)
    changed = [gid for gid in after if after[gid] is not before[gid]]
    assert changed == [goal.id]
    assert after[goal.id or 0].progress.done == before[goal.id or 0].progress.done + 1
    assert after == goal_states(store.goals(), store.checkins(), TODAY)
    store.close()


def test_where_goals_stand_follows_every_way_the_records_change(
    history: Path, tmp_path: Path
) -> None:
    """The records' caches and what is worked out from them go by one counter: whatever
    changes the records (a change undone, another program, a restore) is seen at once."""
    import json
    import shutil
    from datetime import datetime

    from tests.conftest import read_data

    folder = tmp_path / "copy"
    shutil.copytree(history, folder)
    store = AspireStore.open(folder, backup=False)
    store.write_in_background()
    standing = GoalStanding(store)
    goal = next(g for g in store.goals() if g.target.kind.value == "up")
    goal_id = goal.id or 0
    done = standing.all(TODAY)[goal_id].progress.done
    backup = store.back_up(datetime(2026, 11, 27, 9, 0))

    with pytest.raises(RuntimeError), store.transaction():  # undone whole
        store.save_checkin(CheckIn(goal_id, TODAY, 5.0, "undone"))
        assert standing.all(TODAY)[goal_id].progress.done == done + 5
        raise RuntimeError
    assert standing.all(TODAY)[goal_id].progress.done == done
    assert "undone" not in [c.note for c in store.checkins(goal_id)]

    store.save_checkin(CheckIn(goal_id, TODAY, 2.0, "kept"))
    assert standing.all(TODAY)[goal_id].progress.done == done + 2
    store.back_up(datetime(2026, 11, 27, 9, 30))  # the file holds every change now
    data = read_data(folder)  # another program adds 3 more to that check-in
    [number] = [n for n, c in data["checkins"].items() if c["note"] == "kept"]
    data["checkins"][number]["amount"] = 5.0
    (folder / "aspire.json").write_text(json.dumps(data))
    assert standing.all(TODAY)[goal_id].progress.done == done + 5
    assert standing.all(TODAY) == goal_states(store.goals(), store.checkins(), TODAY)

    store.restore_backup(backup.name, datetime(2026, 11, 27, 10, 0))
    assert standing.all(TODAY)[goal_id].progress.done == done
    assert standing.all(TODAY) == goal_states(store.goals(), store.checkins(), TODAY)
    store.close()
