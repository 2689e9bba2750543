"""The review's rules (periods, due dates, streaks, steps), its record in the file, and the
settings that shape it."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aspire_tui.domain.ladder import adopt
from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    CheckIn,
    Goal,
    Review,
    ReviewAction,
    ReviewChange,
    Target,
)
from aspire_tui.domain.progress import goal_progress
from aspire_tui.domain.review import (
    Cadence,
    adjustment,
    check_review,
    completing_checkins,
    next_period,
    period_start,
    review_plan,
    review_status,
    without_undone_drops,
)
from aspire_tui.domain.validation import ValidationError
from aspire_tui.settings import Settings, parse_settings
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import export_json, import_export, read_export
from tests.conftest import TODAY, docs

UID = "a" * 32


@pytest.mark.parametrize(
    ("cadence", "first", "day", "start"),
    [
        (Cadence.WEEKLY, 0, date(2026, 11, 27), date(2026, 11, 23)),  # a Friday: Monday before
        (Cadence.WEEKLY, 6, date(2026, 11, 27), date(2026, 11, 22)),  # weeks from Sunday
        (Cadence.WEEKLY, 4, date(2026, 11, 27), date(2026, 11, 27)),  # weeks from Friday
        (Cadence.MONTHLY, 0, date(2026, 11, 27), date(2026, 11, 1)),
        (Cadence.QUARTERLY, 0, date(2026, 11, 27), date(2026, 10, 1)),
        (Cadence.QUARTERLY, 0, date(2026, 3, 31), date(2026, 1, 1)),
    ],
)
def test_periods_begin_where_the_cadence_says(
    cadence: Cadence, first: int, day: date, start: date
) -> None:
    assert period_start(day, cadence, first) == start


@given(
    day=st.dates(date(2001, 1, 1), date(2100, 1, 1)),
    cadence=st.sampled_from(list(Cadence)),
    first=st.integers(0, 6),
)
def test_every_day_falls_in_exactly_one_period(day: date, cadence: Cadence, first: int) -> None:
    start = period_start(day, cadence, first)
    after = next_period(start, cadence, first)
    assert start <= day < after
    assert period_start(after, cadence, first) == after
    assert period_start(after - timedelta(days=1), cadence, first) == start
    if cadence in (Cadence.WEEKLY, Cadence.FORTNIGHTLY):
        assert start.weekday() == first


def test_due_and_streak() -> None:
    done = [date(2026, 9, 3), date(2026, 10, 30), date(2026, 11, 2)]
    status = review_status(done, TODAY, Cadence.MONTHLY)
    assert not status.due and status.streak == 3 and status.last == date(2026, 11, 2)
    assert status.next_from == date(2026, 12, 1)
    later = review_status(done, date(2026, 12, 31), Cadence.MONTHLY)
    assert later.due and later.streak == 3  # December still has time
    assert review_status(done, date(2027, 1, 1), Cadence.MONTHLY).streak == 0
    assert review_status([], TODAY, Cadence.WEEKLY).due
    assert review_status([TODAY], TODAY, Cadence.QUARTERLY).next_from == date(2027, 1, 1)


def test_the_first_review_falls_due_one_full_period_after_the_first_adoption() -> None:
    adopted = date(2026, 11, 27)
    for cadence, first in (
        (Cadence.WEEKLY, date(2026, 12, 4)),
        (Cadence.FORTNIGHTLY, date(2026, 12, 11)),
        (Cadence.MONTHLY, date(2026, 12, 27)),
        (Cadence.QUARTERLY, date(2027, 2, 27)),
    ):
        on_the_day = review_status([], adopted, cadence, since=adopted)
        assert not on_the_day.due and on_the_day.next_from == first, cadence
        assert not review_status([], first - timedelta(days=1), cadence, since=adopted).due
        assert review_status([], first, cadence, since=adopted).due, cadence
    # A month's end is kept where the next month is shorter.
    end = date(2027, 1, 31)
    assert review_status([], end, Cadence.MONTHLY, since=end).next_from == date(2027, 2, 28)
    # Once the first is due, the periods rule as before.
    done = [date(2027, 1, 5)]
    assert not review_status(done, date(2027, 1, 20), Cadence.MONTHLY, since=adopted).due


def test_a_review_walks_open_goals_active_aspirations_and_old_drivers() -> None:
    mine = Aspiration("Lead", TODAY, uid="1" * 32, id=1)
    gone = Aspiration("Old", TODAY, status=AspirationStatus.ARCHIVED, uid="2" * 32, id=2)
    goals = [
        Goal(1, "Open", Target.done(), TODAY, uid="3" * 32, id=3),
        Goal(1, "Done", Target.done(), TODAY, uid="4" * 32, id=4),
        Goal(2, "Archived's", Target.done(), TODAY, uid="5" * 32, id=5),
    ]
    plan = review_plan([mine, gone], goals, {4}, date(2025, 11, 26), TODAY)
    assert plan == (f"goal:{'3' * 32}", f"aspiration:{'1' * 32}", "drivers", "closing")
    later = Goal(1, "Next level's", Target.done(), TODAY, level=1, uid="6" * 32, id=6)
    climbing = Aspiration("Lead", TODAY, ladder=adopt(["A", "B"], 0, TODAY), uid="1" * 32, id=1)
    plan = review_plan([climbing], [*goals, later], {4}, None, TODAY)
    assert plan == (f"goal:{'3' * 32}", f"aspiration:{'1' * 32}", "closing")  # not level 2's
    paused = dataclasses.replace(climbing, ladder=dataclasses.replace(climbing.ladder, paused=True))
    assert review_plan([paused], goals, set(), None, TODAY) == (f"aspiration:{'1' * 32}", "closing")
    assert "drivers" not in review_plan([mine], goals, set(), date(2025, 11, 28), TODAY)
    assert review_plan([], [], set(), None, TODAY) == ("closing",)


@pytest.mark.parametrize(
    "target",
    [
        Target.done(),
        Target.number(10, "hours"),
        Target.number(5, "hours", start=40),
        Target.checklist(("Draft", "Review", "Ship")),
    ],
)
def test_marking_achieved_logs_exactly_what_is_left(target: Target) -> None:
    goal = Goal(1, "G", target, TODAY, id=1)
    before = [CheckIn(1, TODAY, 3.0)] if target.kind.value == "up" else []
    if target.milestones:
        before = [CheckIn(1, TODAY, 1.0, "", "Draft")]
    adding = completing_checkins(goal, before, TODAY)
    assert adding and goal_progress(goal, [*before, *adding]).achieved
    assert completing_checkins(goal, [*before, *adding], TODAY) == []


@pytest.mark.parametrize("target", [Target.done(), Target.number(10, "hours")])
def test_marking_achieved_counts_what_is_logged_a_day_ahead(target: Target) -> None:
    """A check-in a file brought a day ahead already completes the goal: marking it achieved
    again would log it twice (it counts from its own day)."""
    goal = Goal(1, "G", target, TODAY, id=1)
    ahead = [CheckIn(1, TODAY + timedelta(days=1), 10.0 if target.amount > 1 else 1.0)]
    assert completing_checkins(goal, ahead, TODAY) == []


@given(
    target=st.decimals("0.01", "100000", places=2),
    done=st.lists(st.decimals("0.01", "1000", places=2), max_size=5),
)
def test_marking_a_number_achieved_always_reaches_it(target: object, done: list[object]) -> None:
    goal = Goal(1, "G", Target.number(float(target)), TODAY, id=1)  # type: ignore[arg-type]
    before = [CheckIn(1, TODAY, float(d)) for d in done]  # type: ignore[arg-type]
    adding = completing_checkins(goal, before, TODAY)
    assert goal_progress(goal, [*before, *adding]).achieved


def test_an_adjustment_says_what_changed() -> None:
    goal = Goal(1, "G", Target.number(10, "hours"), TODAY, deadline=date(2026, 12, 31))
    moved = Goal(1, "G", Target.number(12, "hours"), TODAY, deadline=date(2027, 3, 31))
    assert adjustment(goal, moved) == (
        "target 10 hours → 12 hours; deadline 2026-12-31 → 2027-03-31"
    )
    assert adjustment(goal, goal) == "looked at, nothing changed"


@pytest.mark.parametrize(
    "bad",
    [
        Review(TODAY, ()),
        Review(TODAY, ("goal:" + UID,)),  # no closing
        Review(TODAY, ("closing", "closing")),
        Review(TODAY, ("goal:nothex", "closing")),
        Review(TODAY, ("elsewhere", "closing")),
        Review(TODAY, ("closing",), step=1),
        Review(TODAY, ("closing",), notes={"goal:" + UID: "x"}),
        Review(TODAY, ("closing",), changes=(ReviewChange("drivers", ReviewAction.KEPT, "x"),)),
        Review(TODAY, ("closing",), finished=date(2026, 11, 1)),
    ],
)
def test_a_malformed_review_is_refused(bad: Review) -> None:
    with pytest.raises(ValidationError):
        check_review(bad)


def test_only_one_review_is_under_way(store: AspireStore) -> None:
    store.save_review(Review(TODAY, ("closing",)))
    with pytest.raises(StoreError, match="Another review is under way"):
        store.save_review(Review(TODAY, ("closing",)))


def test_a_damaged_review_in_the_file_is_reported_and_left_alone(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_review(Review(TODAY, ("closing",)))
    store.close()
    path = data_dir / "aspire.json"
    data = json.loads(path.read_text())
    data["reviews"]["1"]["plan"] = ["nowhere"]
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="reviews/1"):
        AspireStore.open(data_dir)
    assert path.read_bytes() == before


def test_reviews_travel_in_an_export(store: AspireStore, tmp_path: Path) -> None:
    plan = ("goal:" + UID, "closing")
    change = ReviewChange(plan[0], ReviewAction.DROPPED, "Old goal", "")
    store.save_review(
        Review(TODAY, plan, 1, {plan[0]: "why"}, (change,), "a", "b", "c", finished=TODAY)
    )
    text = export_json(store)
    other = AspireStore.open(tmp_path / "other")
    try:
        export = read_export(tmp_path / "x.json", text.encode())
        assert import_export(other, export).added == 1
        (copied,) = other.reviews()
        assert copied.changes == (change,) and copied.notes == {plan[0]: "why"}
        assert import_export(other, export).added == 0  # matched by uid
    finally:
        other.close()


def test_an_export_from_before_reviews_still_imports(store: AspireStore, tmp_path: Path) -> None:
    data = json.loads(export_json(store))
    data["schema"] = 5
    del data["reviews"]
    assert read_export(tmp_path / "old.json", json.dumps(data).encode()).reviews == []


def test_review_settings_are_checked_one_by_one() -> None:
    settings, problems = parse_settings(
        {"review_cadence": "quarterly", "first_day_of_week": "Sunday"}, {"textual-dark"}
    )
    assert settings.review_cadence is Cadence.QUARTERLY and settings.first_weekday == 6
    settings, problems = parse_settings(
        {"review_cadence": "hourly", "first_day_of_week": 3}, {"textual-dark"}
    )
    assert settings == Settings()
    assert any("review_cadence must be one of" in p for p in problems)
    assert any("first_day_of_week must be one of" in p for p in problems)


def test_a_review_file_record_is_plain_json(store: AspireStore, data_dir: Path) -> None:
    store.save_review(Review(TODAY, ("drivers", "closing"), notes={"drivers": "[b]x[/b]"}))
    (doc,) = docs(data_dir, "reviews")
    assert doc["plan"] == ["drivers", "closing"] and doc["notes"] == {"drivers": "[b]x[/b]"}
    assert doc["finished"] is None and doc["step"] == 0


def test_a_drop_whose_goal_is_there_again_is_no_longer_a_change() -> None:
    back, gone = "a" * 32, "b" * 32
    changes = (
        ReviewChange(f"goal:{back}", ReviewAction.LOGGED, "Back", "now 3 of 10"),
        ReviewChange(f"goal:{back}", ReviewAction.DROPPED, "Back"),
        ReviewChange(f"goal:{gone}", ReviewAction.DROPPED, "Gone"),
    )
    plan = (f"goal:{back}", f"goal:{gone}", "closing")
    review = Review(date(2026, 11, 27), plan, changes=changes)
    now = without_undone_drops(review, {back})
    assert [(c.title, c.action) for c in now.changes] == [
        ("Back", ReviewAction.LOGGED),
        ("Gone", ReviewAction.DROPPED),
    ]
    assert without_undone_drops(review, set()) is review
