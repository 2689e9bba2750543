"""A goal's start is never moved after its first check-in: progress and the pace line would
disagree again. The goal form (on Goals and in the review) refuses beside the start, naming
the first check-in's day, and keeps what was typed; a file that already holds such a goal is
read as it is, and the form lets its start stay as it is."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from aspire_tui.domain.check_ins import why_not_start
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.screens.goals import GoalsScreen
from aspire_tui.ui.screens.review import ReviewScreen
from tests.conftest import docs
from tests.ui_helpers import SIZE, clear_field, make_app, type_text

ISO = DateFormat.ISO

D = date(2026, 1, 1)
FIRST = date(2026, 11, 1)
"""The day of the goal's first check-in."""
TOO_LATE = "Its first check-in is on 2026-11-01: the start can be no later."


def test_the_start_can_be_no_later_than_the_first_check_in() -> None:
    goal = Goal(1, "Win clients", Target.number(10, "clients"), D, id=1)
    checkins = [CheckIn(1, date(2026, 11, 20), 1), CheckIn(1, FIRST, 1)]
    assert why_not_start(goal, date(2026, 11, 6), checkins, ISO) == TOO_LATE
    assert why_not_start(goal, FIRST, checkins, ISO) is None
    assert why_not_start(goal, date(2026, 3, 1), checkins, ISO) is None
    assert why_not_start(goal, date(2026, 12, 1), [], ISO) is None, "nothing logged yet"
    kept = Goal(1, "Win clients", Target.number(10, "clients"), D, starts=date(2026, 11, 5))
    assert why_not_start(kept, date(2026, 11, 5), checkins, ISO) is None, (
        "an old file's start stays"
    )
    assert why_not_start(kept, date(2026, 11, 6), checkins, ISO) == TOO_LATE


def _logged_goal(store: AspireStore) -> Goal:
    aspiration = store.save_aspiration(Aspiration("Become a tax expert", D))
    goal = store.save_goal(Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D))
    store.save_checkin(CheckIn(goal.id or 0, FIRST, 2))
    return goal


async def _set_start(pilot, form: GoalForm, text: str) -> None:  # type: ignore[no-untyped-def]
    form.query_one("#starts", Input).focus()
    await pilot.pause()
    await clear_field(pilot)
    await type_text(pilot, text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def _refused_then_saved(pilot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """On the open goal form: a new title, a start after the first check-in refused beside
    the field with the title kept and the file unchanged; then the first check-in's day."""
    form = pilot.app.screen
    assert isinstance(form, GoalForm)
    before = docs(data_dir, "goals")
    title = form.query_one("#title", Input)
    title.focus()
    await clear_field(pilot)
    await type_text(pilot, "Win twelve clients")
    await _set_start(pilot, form, "2026-11-06")
    assert pilot.app.screen is form, "still open"
    assert str(form.query_one("#starts-error", Static).visual) == TOO_LATE
    assert form.query_one("#starts", Input).value == "2026-11-06"
    assert title.value == "Win twelve clients"
    assert docs(data_dir, "goals") == before
    await _set_start(pilot, form, "2026-11-01")
    assert pilot.app.screen is not form


async def test_the_goal_form_refuses_a_start_after_the_first_check_in(
    store: AspireStore, data_dir: Path
) -> None:
    _logged_goal(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        await _refused_then_saved(pilot, data_dir)
        assert isinstance(pilot.app.screen, GoalsScreen)
    [goal] = docs(data_dir, "goals")
    assert goal["starts"] == "2026-11-01" and goal["title"] == "Win twelve clients"


async def test_adjusting_in_the_review_refuses_a_start_after_the_first_check_in(
    store: AspireStore, data_dir: Path
) -> None:
    _logged_goal(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("e")
        await pilot.pause()
        await _refused_then_saved(pilot, data_dir)
        assert isinstance(pilot.app.screen, ReviewScreen)
    [goal] = docs(data_dir, "goals")
    assert goal["starts"] == "2026-11-01" and goal["title"] == "Win twelve clients"


async def test_a_goal_already_starting_after_a_check_in_can_still_be_edited(
    store: AspireStore, data_dir: Path
) -> None:
    """A file from before this rule may hold such a goal: it is read as it is, and editing
    something else leaves its start alone rather than refusing."""
    goal = _logged_goal(store)
    store.save_goal(dataclasses.replace(goal, starts=date(2026, 11, 5)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        await clear_field(pilot)
        await type_text(pilot, "Win twelve clients")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
    [saved] = docs(data_dir, "goals")
    assert saved["title"] == "Win twelve clients" and saved["starts"] == "2026-11-05"
