"""A goal dropped, not deleted: kept with its check-ins, the day and the reason, out of live
work (Home, the review, its level's count), found with the Goals filter and in its
aspiration; taken back up with the same key, or ctrl+z."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reason_form import ReasonForm
from tests.conftest import TODAY, docs
from tests.ui_helpers import (
    SIZE,
    footer_keys,
    detail_text,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)


def seed(store: AspireStore) -> tuple[Goal, Goal]:
    lead = store.save_aspiration(Aspiration("Lead a team", TODAY - timedelta(days=200)))
    assert lead.id is not None
    talks = store.save_goal(
        Goal(
            lead.id,
            "Give three talks",
            Target.number(3, "talks"),
            TODAY - timedelta(days=100),
            deadline=TODAY + timedelta(days=10),  # behind: 1 of 3 at 10/11 of its time
        )
    )
    mentor = store.save_goal(
        Goal(lead.id, "Mentor Sam", Target.done(), TODAY - timedelta(days=100))
    )
    store.save_checkin(CheckIn(talks.id or 0, TODAY - timedelta(days=50), 1.0))
    return talks, mentor


async def _drop_first_goal(pilot, reason: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    assert list_rows(pilot.app)[1].startswith("! Give three talks")
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReasonForm)
    assert "1 check-in" in screen_text(pilot.app)
    await type_text(pilot, reason)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_dropping_keeps_the_goal_out_of_live_work_and_findable(
    store: AspireStore, data_dir: Path
) -> None:
    talks, _ = seed(store)
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Give three talks" in screen_text(pilot.app)  # behind pace, on Home
        await _drop_first_goal(pilot, "The conference circuit is not for me")
        rows = list_rows(pilot.app)
        at = rows.index(next(r for r in rows if "Dropped" in r and "✗" in r))
        assert any("Give three talks" in r and "dropped" in r for r in rows[at:])
        assert not any(r.startswith("!") for r in rows), "a dropped goal is never behind"
        assert "0/1 done" in rows[0], "its level counts the goals still worked on"
        await pilot.press("0")
        await pilot.pause()
        assert "Give three talks" not in screen_text(pilot.app)
        await pilot.press("2")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "Goals dropped" in shown and "The conference circuit is not for me" in shown
    [kept] = [g for g in docs(data_dir, "goals") if g["title"] == "Give three talks"]
    assert kept["dropped"] == TODAY.isoformat()
    assert kept["dropped_why"] == "The conference circuit is not for me"
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [1.0]


async def test_the_filter_finds_dropped_goals_and_x_takes_one_back_up(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await _drop_first_goal(pilot, "")
        await pilot.press("slash")
        await pilot.pause()
        from textual.widgets import Select

        pilot.app.screen.query_one("#show", Select).value = "dropped"
        await pilot.press("enter")
        await pilot.pause()
        titles = [r for r in list_rows(pilot.app) if "Give three talks" in r or "Mentor" in r]
        assert len(titles) == 1 and "Give three talks" in titles[0]
        goal_row = next(i for i, r in enumerate(list_rows(pilot.app)) if "Give three talks" in r)
        pilot.app.screen.query_one("#records").highlighted = goal_row
        await pilot.pause()
        keys = footer_keys(pilot.app)
        assert keys.get("Take up") == "x" and "Drop" not in keys, "the word that applies"
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert any("taken back up" in n for n in notifications(pilot.app))
    [kept] = [g for g in docs(data_dir, "goals") if g["title"] == "Give three talks"]
    assert kept["dropped"] is None and kept["dropped_why"] == ""


async def test_ctrl_z_undoes_a_drop(store: AspireStore, data_dir: Path) -> None:
    seed(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await _drop_first_goal(pilot, "Changed my mind")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert list_rows(pilot.app)[1].startswith("! Give three talks")
    assert all(g["dropped"] is None for g in docs(data_dir, "goals"))


def test_the_plan_lists_a_dropped_goal_apart_and_does_not_count_it(store: AspireStore) -> None:
    from aspire_tui.presentation.plan import career_plan
    from aspire_tui.use_cases.goals import drop

    talks, _ = seed(store)
    drop(store, talks, "Not for me", TODAY)
    text = career_plan(store.aspirations(), store.goals(), store.checkins(), [], TODAY)
    assert "Goals on this level: 0 of 1 achieved." in text
    assert f"- ~~Give three talks~~ dropped {TODAY.isoformat()}: Not for me" in text
    assert "**Give three talks**" not in text
