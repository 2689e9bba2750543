"""Working on a goal, once for the Goals screen and the review: each use case on a real file."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, AspirationStatus, CheckIn, Goal, Target
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.use_cases import goals
from tests.conftest import TODAY, docs


def _goal(store: AspireStore, target: Target, created: date = date(2026, 11, 1)) -> Goal:
    mine = store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    return store.save_goal(Goal(mine.id or 0, "Give talks", target, created))


def test_logging_says_what_changed_and_when_it_reached_the_target(
    store: AspireStore, data_dir: Path
) -> None:
    goal = _goal(store, Target.number(3, "talks"))
    first = goals.log_checkin(store, goal, CheckIn(goal.id or 0, TODAY, 2.0), TODAY)
    assert (first.before.done, first.after.done) == (0, 2)
    assert not first.newly_achieved
    last = goals.log_checkin(store, goal, CheckIn(goal.id or 0, TODAY, 1.0, note="b"), TODAY)
    assert last.newly_achieved and last.after.achieved
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [2.0, 1.0]
    assert goals.why_not_log_now(store, goal, TODAY) is None, "a number may go on past it"
    done = store.save_goal(Goal(goal.aspiration_id, "Ship it", Target.done(), TODAY))
    goals.log_checkin(store, done, CheckIn(done.id or 0, TODAY, 1.0), TODAY)
    assert goals.why_not_log_now(store, done, TODAY) == "Already done."


def test_a_check_in_before_the_start_moves_the_start_in_the_same_write(
    store: AspireStore, data_dir: Path
) -> None:
    goal = _goal(store, Target.number(3, "talks"), created=TODAY)
    earlier = date(2026, 11, 10)
    result = goals.log_checkin(store, goal, CheckIn(goal.id or 0, earlier, 1.0), TODAY)
    assert result.goal.begins == earlier
    [saved] = docs(data_dir, "goals")
    assert saved["starts"] == earlier.isoformat()


def test_achieving_logs_what_is_left_once(store: AspireStore, data_dir: Path) -> None:
    goal = _goal(store, Target.number(5, "talks"))
    goals.log_checkin(store, goal, CheckIn(goal.id or 0, date(2026, 11, 20), 2.0), TODAY)
    added = goals.achieve(store, goal, TODAY)
    assert [(c.on, c.amount) for c in added] == [(TODAY, 3.0)]
    assert goals.achieve(store, goal, TODAY) == [], "already achieved: nothing written"
    assert sorted(c["amount"] for c in docs(data_dir, "checkins")) == [2.0, 3.0]


def test_deleting_returns_what_undo_needs_and_empties_the_file(
    store: AspireStore, data_dir: Path
) -> None:
    goal = _goal(store, Target.number(5, "talks"))
    goals.log_checkin(store, goal, CheckIn(goal.id or 0, TODAY, 2.0), TODAY)
    deleted = goals.delete(store, goal)
    assert deleted.goal == goal and [c.amount for c in deleted.checkins] == [2.0]
    assert docs(data_dir, "goals") == [] and docs(data_dir, "checkins") == []
    with pytest.raises(ValueError):
        goals.delete(store, Goal(1, "Never saved", Target.done(), TODAY))


def test_dropping_keeps_the_goal_and_its_check_ins_with_the_day_and_why(
    store: AspireStore, data_dir: Path
) -> None:
    goal = _goal(store, Target.number(5, "talks"))
    goals.log_checkin(store, goal, CheckIn(goal.id or 0, TODAY, 2.0), TODAY)
    dropped = goals.drop(store, goal, "  The conference was cancelled ", TODAY)
    [kept] = docs(data_dir, "goals")
    assert (kept["dropped"], kept["dropped_why"]) == (
        TODAY.isoformat(),
        "The conference was cancelled",
    )
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [2.0]
    with pytest.raises(StoreError):
        goals.drop(store, dropped, "", TODAY)
    back = goals.take_back_up(store, dropped)
    assert back.dropped is None and docs(data_dir, "goals")[0]["dropped"] is None
    with pytest.raises(StoreError):
        goals.take_back_up(store, back)


def test_rules_the_store_the_file_check_and_import_share_live_in_the_domain() -> None:
    """One rule, called by every path: a goal on a level its ladder has; check-ins that fit."""
    from aspire_tui.domain.models import Ladder
    from aspire_tui.domain.validation import (
        ValidationError,
        check_checkins_fit,
        check_goal_on_ladder,
        on_its_ladder,
    )

    assert on_its_ladder(0, 1) and not on_its_ladder(1, 1) and not on_its_ladder(-1, 3)
    goal = Goal(1, "Lead", Target.number(3, "talks"), TODAY, level=2)
    with pytest.raises(ValidationError, match="not on the aspiration's ladder"):
        check_goal_on_ladder(goal, Ladder(rungs=("a", "b")))
    check_goal_on_ladder(goal, Ladder(rungs=("a", "b", "c")))
    steps = Goal(1, "Ship", Target.checklist(("draft", "send")), TODAY)
    once = CheckIn(1, TODAY, 1.0, milestone="draft")
    with pytest.raises(ValidationError, match="already done"):
        check_checkins_fit(steps, [once, CheckIn(1, TODAY, 1.0, milestone="draft")])


def test_nothing_is_due_while_no_aspiration_is_worked_on(store: AspireStore) -> None:
    from aspire_tui.settings import Settings
    from aspire_tui.use_cases.review import review_standing

    mine = store.save_aspiration(Aspiration("Lead", date(2025, 1, 1)))
    assert review_standing(store, TODAY, Settings()).due, "a year on, with no review"
    store.save_aspiration(dataclasses.replace(mine, status=AspirationStatus.ARCHIVED))
    assert not review_standing(store, TODAY, Settings()).due, "archived: nothing to review"
