"""Habits: "4 times a month", "a one-on-one every week". Counted per period, paced by a
buffer (as Beeminder does), and a missed period is never announced as a failure."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Select

from aspire_tui.domain.habits import periods_through
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.domain.pace import PaceStatus
from aspire_tui.domain.standing import goal_state
from aspire_tui.domain.validation import ValidationError, parse_habit
from aspire_tui.presentation.measure import buffer_text, progress_text, target_text
from aspire_tui.presentation.plan import career_plan
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.goal_form import GoalForm
from tests.conftest import docs
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app, type_text

MONDAY = date(2026, 11, 2)
WEEKLY = Goal(1, "One-on-one with Sam", Target.habit(1, "one-on-one", "week"), MONDAY, id=1)


def standing_on(goal: Goal, days: list[int], today: date):  # type: ignore[no-untyped-def]
    checkins = [CheckIn(1, MONDAY + timedelta(days=d), 1.0) for d in days]
    return goal_state(goal, checkins, today)


def test_how_often_is_read_as_a_person_says_it() -> None:
    assert parse_habit("4 one-on-ones a month") == (4.0, "one-on-ones", "month")
    assert parse_habit("a one-on-one every week") == (1.0, "one-on-one", "week")
    assert parse_habit("twice a week") == (2.0, "", "week")
    assert parse_habit("3 times per month") == (3.0, "", "month")
    with pytest.raises(ValidationError):
        parse_habit("weekly")
    with pytest.raises(ValidationError):
        parse_habit("0 a week")


def test_periods_are_calendar_weeks_from_monday_and_calendar_months() -> None:
    assert periods_through(MONDAY, MONDAY + timedelta(days=6), "week") == 1
    assert periods_through(MONDAY + timedelta(days=6), MONDAY + timedelta(days=7), "week") == 2
    assert periods_through(date(2026, 11, 30), date(2027, 1, 1), "month") == 3


def test_this_week_counts_on_its_own_and_a_week_still_under_way_is_never_behind() -> None:
    state = standing_on(WEEKLY, [], MONDAY + timedelta(days=5))  # nothing yet, week not over
    assert state.status is PaceStatus.ON_TRACK
    assert progress_text(WEEKLY, state.progress) == "0 of 1 one-on-one this week"
    assert buffer_text(WEEKLY, state.progress) == "1 more this week"


def test_a_missed_week_leaves_something_to_catch_up_not_a_failure() -> None:
    state = standing_on(WEEKLY, [0], MONDAY + timedelta(days=15))  # weeks 1 done, 2 missed
    assert state.status is PaceStatus.BEHIND
    assert buffer_text(WEEKLY, state.progress) == "1 to catch up"
    caught_up = standing_on(WEEKLY, [0, 14, 15], MONDAY + timedelta(days=15))
    assert caught_up.status is PaceStatus.ON_TRACK
    assert buffer_text(WEEKLY, caught_up.progress) == "this week's done"
    assert caught_up.progress.percent == 100 and not caught_up.progress.achieved


def test_weeks_banked_ahead_are_a_buffer() -> None:
    state = standing_on(WEEKLY, [0, 1, 2], MONDAY + timedelta(days=2))
    assert state.status is PaceStatus.AHEAD
    assert buffer_text(WEEKLY, state.progress) == "2 weeks ahead"


def test_with_a_deadline_it_is_achieved_once_every_period_s_times_are_in() -> None:
    four_weeks = Goal(
        1,
        "Write every week",
        Target.habit(2, "posts", "week"),
        MONDAY,
        deadline=MONDAY + timedelta(days=27),
        id=1,
    )
    days = [0, 1, 7, 8, 14, 15, 21]
    assert not standing_on(four_weeks, days, MONDAY + timedelta(days=22)).progress.achieved
    done = standing_on(four_weeks, [*days, 22], MONDAY + timedelta(days=22))
    assert done.progress.achieved_on == MONDAY + timedelta(days=22)
    assert done.status is PaceStatus.ACHIEVED


def test_the_plan_says_the_habit_and_its_buffer() -> None:
    lead = Aspiration("Lead people", MONDAY, id=1)
    checkins = [CheckIn(1, MONDAY, 1.0, id=1)]
    text = career_plan([lead], [WEEKLY], checkins, [], MONDAY + timedelta(days=3))
    assert "0 of 1 one-on-one this week" not in text
    assert "1 of 1 one-on-one this week (100%)" in text and "this week's done" in text
    assert target_text(WEEKLY) == "1 one-on-one a week"


async def test_a_habit_is_written_in_the_goal_form_and_logged_by_the_week(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Lead people", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        await type_text(pilot, "One-on-ones with Sam")
        form.query_one("#measure", Select).value = "habit"
        await pilot.pause()
        form.query_one("#habit").focus()
        await type_text(pilot, "a one-on-one every week")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1 one-on-one a week" in detail_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+s")  # 1, the habit's usual check-in, is filled in
        await pilot.pause()
        assert "1 of 1 one-on-one this week" in detail_text(pilot.app)
        assert any("100%" in row for row in list_rows(pilot.app))
    [goal] = docs(data_dir, "goals")
    assert goal["target"]["every"] == "week" and goal["target"]["amount"] == 1.0
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [1.0]


def test_the_prompt_reads_a_habit_by_its_buffer_as_the_weeks_go_by() -> None:
    """The glance is kept between prompts: a week rolling over without a check-in makes the
    habit behind on the next prompt, without the data being read again."""
    from aspire_tui.domain.glance import glance, standing
    from aspire_tui.domain.review import Cadence

    lead = Aspiration("Lead people", MONDAY, id=1)
    seen = glance(
        [lead], [WEEKLY], {1: [CheckIn(1, MONDAY, 1.0, id=1)]}, [], MONDAY, Cadence.MONTHLY
    )
    assert standing(seen, MONDAY + timedelta(days=6)).behind == ()  # week 1 covered
    assert standing(seen, MONDAY + timedelta(days=10)).behind == ()  # week 2 under way
    late = standing(seen, MONDAY + timedelta(days=14))  # week 2 over with nothing in it
    assert [g.title for g in late.behind] == ["One-on-one with Sam"]


@pytest.mark.parametrize(
    ("every", "begins"),
    [
        ("month", date(2027, 1, 31)),
        ("week", MONDAY + timedelta(days=6)),
    ],  # a month's last day, a Sunday
)
def test_a_habit_begun_mid_period_is_not_behind_the_next_day(every: str, begins: date) -> None:
    goal = Goal(1, "Write", Target.habit(3, "posts", every), begins, id=1)
    state = goal_state(goal, [], begins + timedelta(days=1))
    assert state.status is PaceStatus.ON_TRACK
    assert buffer_text(goal, state.progress) == f"3 more this {every}"


def test_a_deadline_asks_only_for_whole_periods() -> None:
    wednesday = MONDAY + timedelta(days=2)
    goal = Goal(
        1,
        "Run",
        Target.habit(1, "run", "week"),
        wednesday,
        deadline=wednesday + timedelta(days=14),
        id=1,
    )
    # asked: the two whole weeks after the first, partial one
    done = standing_on(goal, [7, 14], MONDAY + timedelta(days=15))
    assert done.progress.achieved_on == MONDAY + timedelta(days=14)
