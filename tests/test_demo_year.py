"""The year `aspire --demo` opens: a believable person's, not a mechanical one."""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.demo_year import GOAL_TITLES, MAX_GOALS_PER_LEVEL, a_year
from aspire_tui.domain.review import Cadence, review_status
from aspire_tui.store import AspireStore


def _year(folder: Path, today: date) -> AspireStore:
    store = AspireStore.open(folder, backup=False)
    a_year(store, today)
    return store


@pytest.mark.parametrize("today", [date(2026, 11, 27), date(2026, 12, 1), date(2027, 3, 31)])
def test_the_demo_goals_belong_to_their_path_and_level(tmp_path: Path, today: date) -> None:
    store = _year(tmp_path, today)
    owners = {a.id: a for a in store.aspirations()}
    goals = store.goals()
    assert goals
    for goal in goals:
        owner = owners[goal.aspiration_id]
        assert 0 <= goal.level < len(owner.ladder.rungs)
        assert goal.title in GOAL_TITLES[(owner.path, goal.level)], goal.title
        assert goal.created <= today
    per_level = Counter((g.aspiration_id, g.level) for g in goals)
    assert max(per_level.values()) <= MAX_GOALS_PER_LEVEL
    store.close()


@pytest.mark.parametrize("today", [date(2026, 11, 27), date(2026, 12, 1), date(2027, 3, 31)])
def test_the_demo_reviews_were_done_on_time_with_one_missed(tmp_path: Path, today: date) -> None:
    store = _year(tmp_path, today)
    finished = [r.finished for r in store.reviews() if r.finished]
    assert len(finished) >= 10 and all(day <= today for day in finished)
    status = review_status(finished, today, Cadence.MONTHLY)
    assert 1 <= status.streak < 12, "on time lately, after one month missed"
    months = {(d.year, d.month) for d in finished}
    assert len(months) == len(finished), "one a month"
    store.close()


def test_the_demo_journal_reads_like_a_person(tmp_path: Path) -> None:
    store = _year(tmp_path, date(2026, 11, 27))
    notes = [r.note for r in store.reflections()]
    assert len(notes) >= 12 and len(set(notes)) == len(notes), "no entry said twice"
    store.close()


def test_aspire_demo_opens_that_year(monkeypatch: pytest.MonkeyPatch) -> None:
    from aspire_tui import cli

    seen: list[int] = []

    def opened(args: argparse.Namespace, folder: Path, demo: bool = False) -> int:
        store = AspireStore.open(folder, read_only=True)
        owners = {a.id: a for a in store.aspirations()}
        seen.append(len(store.goals()))
        for goal in store.goals():
            assert goal.title in GOAL_TITLES[(owners[goal.aspiration_id].path, goal.level)]
        store.close()
        return 0

    monkeypatch.setattr(cli, "run_app", opened)
    assert cli.run_demo(argparse.Namespace(demo=True, read_only=False)) == 0
    assert seen and seen[0] > 0


async def test_the_demo_title_is_whole_at_80x24_review_key_and_all(tmp_path: Path) -> None:
    """The title says it is a demo and still has room for what is due and its key."""
    from aspire_tui.ui.app import AspireApp
    from tests.ui_helpers import screen_lines

    today = date(2026, 12, 6)
    store = _year(tmp_path, today)
    app = AspireApp(store, today=today, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = screen_lines(app)[0]
        assert "demo" in title and "…" not in title, title
        assert app.review_status().due, "this day of the demo year has a review due"
        assert "review due (r)" in title, title
