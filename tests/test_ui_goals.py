"""Goals, driven by keys: add, validate, log progress until achieved, edit, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Select

from aspire_tui.domain.ladder import adopt
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.screens.goals import GoalsScreen
from tests.conftest import docs
from tests.ui_helpers import (
    SIZE,
    clear_field,
    detail_text,
    footer_keys,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)


@pytest.fixture
def aspiration(store: AspireStore) -> Aspiration:
    return store.save_aspiration(Aspiration("Become a tax expert", D))


async def test_goals_need_an_aspiration_first(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "choose an aspiration first" in detail_text(pilot.app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert any("aspiration first" in m for m in notifications(pilot.app))


async def test_add_a_goal_and_log_it_to_achieved(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalForm)
        await type_text(pilot, "Earn certifications")
        await pilot.press("tab", "tab")  # past "Measured as": reach a number
        await type_text(pilot, "3 certifications")
        await pilot.press("tab", "tab")  # past "Starting from": 0
        await type_text(pilot, "2027-06-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert list_rows(pilot.app)[1].startswith("  Earn certifications")
        assert "0%" in list_rows(pilot.app)[1]
        [goal] = docs(data_dir, "goals")
        assert goal["target"] == {
            "amount": 3.0,
            "unit": "certifications",
            "done_only": False,
            "start": 0.0,
            "milestones": [],
            "due": [],
            "every": "",
        }
        assert goal["deadline"] == "2027-06-30"

        await pilot.press("l")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CheckInForm)
        await type_text(pilot, "1")
        await pilot.press("tab")
        await type_text(pilot, "AWS passed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "33%" in list_rows(pilot.app)[1]
        assert "1 of 3 certifications" in detail_text(pilot.app)
        assert "AWS passed" in screen_text(pilot.app)
        assert "Achieved" not in detail_text(pilot.app)

        await pilot.press("l")
        await type_text(pilot, "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app)[1].startswith("✓ Earn certifications")
        assert "100%" in list_rows(pilot.app)[1]
        assert "Achieved on Fri 27 Nov 2026" in detail_text(pilot.app)
        assert " ".join(list_rows(pilot.app)[0].split()) == "Become a tax expert 1/1 done"
        assert any(
            m.startswith("Earn certifications. Each achievement") for m in notifications(pilot.app)
        )
        assert "★ Goal achieved ★" in [n.title for n in pilot.app._notifications]

        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Become a tax expert\nlevel 1/1 · ↑ raise the bar"]
    assert [(c["amount"], c["note"], c["on"]) for c in docs(data_dir, "checkins")] == [
        (1.0, "AWS passed", "2026-11-27"),
        (2.0, "", "2026-11-27"),
    ]


async def test_a_done_or_not_done_goal(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await type_text(pilot, "Give a conference talk")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not done yet" in detail_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm)
        assert not form.query("#amount")
        await type_text(pilot, "PyCon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Achieved on" in detail_text(pilot.app)
    [checkin] = docs(data_dir, "checkins")
    assert checkin["amount"] == 1.0 and checkin["note"] == "PyCon"


@pytest.mark.parametrize(
    ("field_presses", "text", "error_field", "message"),
    [
        (0, "", "title", "cannot be empty"),
        (2, "many clients", "target", "must start with a number"),
        (2, "0 clients", "target", "positive number"),
        (4, "2026-02-30", "deadline", "does not exist"),
        (4, "next week", "deadline", "year-month-day"),
    ],
)
async def test_goal_form_explains_bad_input_beside_the_field(
    store: AspireStore,
    aspiration: Aspiration,
    data_dir: Path,
    field_presses: int,
    text: str,
    error_field: str,
    message: str,
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        if field_presses:
            await type_text(pilot, "A goal")
        await pilot.press(*["tab"] * field_presses)
        await type_text(pilot, text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        error = form.query_one(f"#{error_field}-error")
        assert error.display and message in str(error.visual)
        assert pilot.app.focused is form.query_one(f"#{error_field}")
    assert docs(data_dir, "goals") == []


async def test_checkin_amount_must_be_a_number(store: AspireStore, aspiration: Aspiration) -> None:
    store.save_goal(Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await type_text(pilot, "a few")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm)
        assert "must be a number" in str(form.query_one("#amount-error").visual)


async def test_edit_and_delete_a_goal(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    g = store.save_goal(Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D))
    store.save_checkin(CheckIn(g.id or 0, D, 4))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        await pilot.press("tab")  # "Measured as" is fixed once progress is logged
        await clear_field(pilot)
        await type_text(pilot, "5 clients")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "80%" in list_rows(pilot.app)[1]
        assert docs(data_dir, "goals")[0]["target"]["amount"] == 5.0
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [" ".join(r.split()) for r in list_rows(pilot.app)] == [
            "Become a tax expert 0/0 done"
        ]
    assert docs(data_dir, "goals") == [] and docs(data_dir, "checkins") == []


async def test_overdue_deadline_is_flagged(store: AspireStore, aspiration: Aspiration) -> None:
    store.save_goal(
        Goal(aspiration.id or 0, "Ship it", Target.done(), D, deadline=date(2026, 11, 1))
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "overdue since 2026-11-01" in detail_text(pilot.app)


async def test_a_done_goal_is_not_marked_done_twice_and_its_check_in_can_go(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    g = store.save_goal(Goal(aspiration.id or 0, "Give a talk", Target.done(), D))
    store.save_checkin(CheckIn(g.id or 0, D, 1, "by mistake"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Achieved on" in detail_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen), "a done goal is not marked done twice"
        assert any("Already done" in m for m in notifications(pilot.app))
        await pilot.press("c")
        await pilot.pause()
        assert "by mistake" in screen_text(pilot.app)
        await pilot.press("d")
        await pilot.pause()
        assert "not done yet" in detail_text(pilot.app)
        assert "Achieved" not in detail_text(pilot.app)
    assert docs(data_dir, "checkins") == []


async def test_footer_shows_the_goal_keys(store: AspireStore, aspiration: Aspiration) -> None:
    store.save_goal(Goal(aspiration.id or 0, "Ship", Target.done(), D))
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        keys = footer_keys(pilot.app)
        for description, key in {
            "New": "n",
            "Log": "l",
            "Check-ins": "c",
            "Edit": "e",
            "Delete": "d",
            "Find": "/",
            "Undo": "^z",
            "Help": "?",
            "Quit": "q",
        }.items():
            assert keys.get(description) == key, description


async def test_a_new_goal_serves_the_level_its_aspiration_stands_on(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(
        Aspiration(
            "Write", date(2026, 1, 1), ladder=adopt(["Draft", "Publish"], 1, date(2026, 1, 1))
        )
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await type_text(pilot, "Send to agents")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "level 2, Publish" in detail_text(pilot.app)
    [goal] = docs(data_dir, "goals")
    assert goal["level"] == 1


async def test_a_goal_moved_to_another_aspiration_joins_its_current_level(
    store: AspireStore, data_dir: Path
) -> None:
    day = date(2026, 1, 1)
    high = store.save_aspiration(Aspiration("High", day, ladder=adopt(["A", "B", "C"], 2, day)))
    store.save_aspiration(Aspiration("Flat", day))
    assert high.id is not None
    store.save_goal(Goal(high.id, "Move me", Target.done(), day, level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        pilot.app.screen.query_one("#aspiration", Select).value = 2
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [goal] = docs(data_dir, "goals")
    assert (goal["aspiration_id"], goal["level"]) == (2, 0)
