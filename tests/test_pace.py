"""Progress, pace and projection as pure functions, with cases worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aspire_tui.domain.models import CheckIn, Goal, Target
from aspire_tui.domain.pace import (
    PaceStatus,
    expected_fraction,
    pace,
    projected_finish,
    status,
)
from aspire_tui.domain.progress import goal_progress, value_series

JAN1 = date(2026, 1, 1)


def goal(target: Target, deadline: date | None = None, stretch: bool = False) -> Goal:
    return Goal(1, "g", target, created=JAN1, deadline=deadline, stretch=stretch, id=1)


def log(*entries: tuple[int, float]) -> list[CheckIn]:
    """(days after Jan 1, amount) pairs."""
    return [
        CheckIn(1, JAN1 + timedelta(days=d), amount, id=i)
        for i, (d, amount) in enumerate(entries, 1)
    ]


def pace_of(g: Goal, checkins: list[CheckIn], today: date):  # noqa: ANN201
    series = value_series(g, checkins)
    return pace(g, goal_progress(g, checkins), series, today)


# Progress ---------------------------------------------------------------------------------


def test_a_number_to_raise_adds_up_from_its_start() -> None:
    g = goal(Target.number(10, "clients", start=2))
    p = goal_progress(g, log((1, 3), (2, 1)))
    assert (p.done, p.fraction, p.percent, p.achieved) == (6, 0.5, 50, False)


def test_a_number_to_bring_down_reads_its_latest_value() -> None:
    """'Reduce overtime from 20 to 5 hours': 14 is 6 of the 15 hours to lose."""
    g = goal(Target.number(5, "hours", start=20))
    assert g.target.decreasing
    p = goal_progress(g, log((7, 16), (14, 14)))
    assert p.done == 14
    assert p.fraction == pytest.approx(0.4)
    assert p.percent == 40


def test_a_number_to_bring_down_is_achieved_at_or_below_target_and_can_slip_back() -> None:
    g = goal(Target.number(5, "hours", start=20))
    p = goal_progress(g, log((7, 5), (14, 4)))
    assert p.achieved_on == JAN1 + timedelta(days=7)
    slipped = goal_progress(g, log((7, 5), (14, 9)))
    assert not slipped.achieved and slipped.percent == 73  # 11 of 15


def test_a_reading_above_the_start_counts_as_no_progress() -> None:
    g = goal(Target.number(5, "hours", start=20))
    p = goal_progress(g, log((7, 25)))
    assert (p.fraction, p.percent) == (0.0, 0)


def test_bringing_a_number_down_to_zero() -> None:
    g = goal(Target.number(0, "open bugs", start=8))
    assert goal_progress(g, log((3, 0))).achieved


def test_milestones_count_each_one_once() -> None:
    g = goal(Target.checklist(("Outline", "Draft", "Publish")))
    checkins = [
        CheckIn(1, JAN1, 1, milestone="Outline", id=1),
        CheckIn(1, JAN1, 1, milestone="Draft", id=2),
    ]
    p = goal_progress(g, checkins)
    assert (p.done, p.target, p.percent) == (2, 3, 67)
    checkins.append(CheckIn(1, JAN1, 1, milestone="Publish", id=3))
    assert goal_progress(g, checkins).achieved


def test_percent_says_100_only_when_the_target_is_reached() -> None:
    g = goal(Target.number(1000, "km"))
    assert goal_progress(g, log((1, 999.9))).percent == 99
    assert goal_progress(g, log((1, 1000))).percent == 100


# The pace line -------------------------------------------------------------------------------


def test_the_pace_line_runs_from_start_to_deadline() -> None:
    g = goal(Target.number(10), deadline=JAN1 + timedelta(days=100))
    assert expected_fraction(g, JAN1) == 0
    assert expected_fraction(g, JAN1 + timedelta(days=25)) == 0.25
    assert expected_fraction(g, JAN1 + timedelta(days=400)) == 1
    assert expected_fraction(g, JAN1 - timedelta(days=5)) == 0
    assert expected_fraction(goal(Target.number(10)), JAN1) is None


def test_a_deadline_on_the_start_day_expects_everything_that_day() -> None:
    g = goal(Target.number(10), deadline=JAN1)
    assert expected_fraction(g, JAN1) == 1
    assert expected_fraction(g, JAN1 - timedelta(days=1)) == 0


@pytest.mark.parametrize(
    ("done", "expected_status"),
    [
        (5, PaceStatus.ON_TRACK),  # 50% on the day the line is at 50%
        (5.4, PaceStatus.ON_TRACK),  # inside the 5% tolerance
        (6, PaceStatus.AHEAD),
        (4, PaceStatus.BEHIND),
        (10, PaceStatus.ACHIEVED),
    ],
)
def test_status_half_way_to_the_deadline(done: float, expected_status: PaceStatus) -> None:
    g = goal(Target.number(10), deadline=JAN1 + timedelta(days=100))
    p = goal_progress(g, log((10, done)))
    assert status(g, p, JAN1 + timedelta(days=50)) is expected_status


def test_a_stretch_goal_is_read_against_seventy_percent_of_the_line() -> None:
    """Half-way, the stretch line is at 35%: 35% is on track, where a committed goal is behind."""
    deadline = JAN1 + timedelta(days=100)
    today = JAN1 + timedelta(days=50)
    checkins = log((10, 3.5))
    committed, stretch = goal(Target.number(10), deadline), goal(Target.number(10), deadline, True)
    assert status(committed, goal_progress(committed, checkins), today) is PaceStatus.BEHIND
    assert status(stretch, goal_progress(stretch, checkins), today) is PaceStatus.ON_TRACK


def test_past_the_deadline_a_stretch_goal_at_sixty_percent_did_well() -> None:
    deadline = JAN1 + timedelta(days=30)
    after = deadline + timedelta(days=1)
    stretch = goal(Target.number(10), deadline, stretch=True)
    assert status(stretch, goal_progress(stretch, log((5, 6))), after) is PaceStatus.STRETCH_MET
    assert status(stretch, goal_progress(stretch, log((5, 5))), after) is PaceStatus.OVERDUE
    committed = goal(Target.number(10), deadline)
    assert status(committed, goal_progress(committed, log((5, 9))), after) is PaceStatus.OVERDUE


def test_the_deadline_day_itself_is_not_overdue_yet() -> None:
    deadline = JAN1 + timedelta(days=30)
    g = goal(Target.number(10), deadline)
    assert status(g, goal_progress(g, log((5, 9))), deadline) is PaceStatus.BEHIND


def test_no_deadline_and_not_started_yet() -> None:
    open_goal = goal(Target.number(10))
    assert status(open_goal, goal_progress(open_goal, []), JAN1) is PaceStatus.OPEN
    later = Goal(1, "g", Target.number(10), created=JAN1, starts=date(2026, 3, 1), id=1)
    assert status(later, goal_progress(later, []), date(2026, 2, 1)) is PaceStatus.NOT_STARTED


def test_only_behind_and_overdue_are_flagged() -> None:
    assert {s for s in PaceStatus if s.flagged} == {PaceStatus.BEHIND, PaceStatus.OVERDUE}


# Projection ----------------------------------------------------------------------------------


def test_projection_from_the_last_four_weeks() -> None:
    """2 of 10 in the last 28 days (days 32 to 60): the other 6 take 84 more days."""
    g = goal(Target.number(10))
    checkins = log((10, 2), (40, 1), (50, 1))
    today = JAN1 + timedelta(days=60)
    p = goal_progress(g, checkins)
    assert projected_finish(g, p, value_series(g, checkins), today) == today + timedelta(days=84)


def test_a_young_goal_projects_from_its_start() -> None:
    """3 of 12 in 10 days: 9 more take 30 days."""
    g = goal(Target.number(12))
    today = JAN1 + timedelta(days=10)
    checkins = log((2, 3))
    p = goal_progress(g, checkins)
    assert projected_finish(g, p, value_series(g, checkins), today) == today + timedelta(days=30)


def test_no_recent_progress_projects_nothing() -> None:
    g = goal(Target.number(10))
    today = JAN1 + timedelta(days=100)
    checkins = log((5, 4))
    assert projected_finish(g, goal_progress(g, checkins), value_series(g, checkins), today) is None


def test_a_correction_backwards_projects_nothing() -> None:
    g = goal(Target.number(10))
    today = JAN1 + timedelta(days=100)
    checkins = log((5, 4), (90, -1))
    assert projected_finish(g, goal_progress(g, checkins), value_series(g, checkins), today) is None


def test_bringing_a_number_down_projects_from_falling_readings() -> None:
    """From 20 toward 5: read 20 four weeks ago and 17 today, so 3 of 15 in 28 days, and the
    other 12 take 112 days."""
    g = Goal(1, "g", Target.number(5, "hours", start=20), created=JAN1, id=1)
    checkins = log((30, 20), (58, 17))
    today = JAN1 + timedelta(days=58)
    p = goal_progress(g, checkins)
    assert projected_finish(g, p, value_series(g, checkins), today) == today + timedelta(days=112)


def test_a_number_going_the_wrong_way_projects_nothing() -> None:
    g = Goal(1, "g", Target.number(5, "hours", start=20), created=JAN1, id=1)
    checkins = log((30, 15), (58, 18))
    today = JAN1 + timedelta(days=58)
    p = goal_progress(g, checkins)
    assert projected_finish(g, p, value_series(g, checkins), today) is None


def test_done_or_achieved_goals_project_nothing() -> None:
    today = JAN1 + timedelta(days=10)
    done = goal(Target.done())
    assert pace_of(done, [], today).projected is None
    achieved = goal(Target.number(2))
    assert pace_of(achieved, log((1, 2)), today).projected is None


def test_a_crawl_too_slow_to_matter_projects_nothing() -> None:
    g = goal(Target.number(1_000_000_000))
    today = JAN1 + timedelta(days=10)
    assert pace_of(g, log((1, 1)), today).projected is None


@given(
    start=st.floats(0, 1000),
    target=st.floats(0, 1000),
    readings=st.lists(st.floats(0, 2000), max_size=6),
)
def test_fraction_always_stays_between_zero_and_one(
    start: float, target: float, readings: list[float]
) -> None:
    assume(start != target)  # validation refuses a target equal to its start
    g = goal(Target.number(target, start=start))
    checkins = log(*((i, r) for i, r in enumerate(readings)))
    p = goal_progress(g, checkins)
    assert 0 <= p.fraction <= 1
    assert 0 <= p.percent <= 100
    assert (p.percent == 100) == p.reached


def test_a_done_or_not_done_goal_is_on_track_until_its_deadline() -> None:
    """There is nothing to measure between not done and done, so it is never 'behind'."""
    g = goal(Target.done(), deadline=JAN1 + timedelta(days=100))
    assert status(g, goal_progress(g, []), JAN1 + timedelta(days=90)) is PaceStatus.ON_TRACK
    assert status(g, goal_progress(g, []), JAN1 + timedelta(days=101)) is PaceStatus.OVERDUE


def test_progress_on_the_first_day_counts_toward_the_rate() -> None:
    """50 of 100 on day 0 of a goal ten days old: 5% a day, so the rest takes 10 more days."""
    g = goal(Target.number(100))
    checkins = log((0, 50))
    today = JAN1 + timedelta(days=10)
    p = goal_progress(g, checkins)
    assert projected_finish(g, p, value_series(g, checkins), today) == today + timedelta(days=10)
