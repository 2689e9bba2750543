"""Deciding between directions: what the comparison holds for each, and the decision entry."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from aspire_tui.domain.assessment import questionnaire, score
from aspire_tui.domain.catalog import CatalogPath, find_path
from aspire_tui.domain.comparison import (
    NO_PRICE,
    NO_SCORES,
    Comparison,
    candidates,
    choice_entry,
    compare,
    latest_scores,
)
from aspire_tui.domain.decisions import DECISION_TAG
from aspire_tui.domain.journal import DECISION_PROMPT
from aspire_tui.domain.ladder import adopt, pause, set_aside
from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    Assessment,
    Driver,
    Goal,
    Passions,
    Reflection,
    Target,
)
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.validation import ValidationError, check_reflection

D = date(2026, 11, 1)
TODAY = date(2026, 11, 27)

MANAGEMENT = find_path("management")
EXPERT = find_path("expert")
assert MANAGEMENT is not None and EXPERT is not None

LEAD = Aspiration(
    "Lead the platform team",
    D,
    why="I like helping people grow",
    path="management",
    ladder=adopt([lvl.name for lvl in MANAGEMENT.levels], 1, D),
    passions=("mentoring", "honesty"),
    id=1,
)
OWN = Aspiration("Write a book", D, why="", ladder=adopt(["Draft", "Publish"], 0, D), id=2)
PASSIONS = Passions(love=("mentoring", "writing"), values=("honesty",))
GOALS = [
    Goal(1, "Run weekly one-to-ones", Target.done(), D, level=1, id=10),
    Goal(1, "Hire two engineers", Target.number(2), D, level=1, id=11),
    Goal(1, "Old goal", Target.done(), D, level=0, id=12),
    Goal(2, "Outline", Target.done(), D, level=1, id=13),
]
PROGRESS = {
    10: GoalProgress(1, 1, D),
    11: GoalProgress(0, 2, None),
    12: GoalProgress(1, 1, D),
    13: GoalProgress(0, 1, None),
}
ENTRIES = [
    Reflection(date(2026, 11, 2), note="Oldest thought", aspiration_id=1, id=1),
    Reflection(date(2026, 11, 20), note="Newest thought\nsecond line", aspiration_id=1, id=2),
    Reflection(date(2026, 11, 10), want="Middle want", aspiration_id=1, id=3),
    Reflection(date(2026, 11, 21), note="About the book", aspiration_id=2, id=4),
    Reflection(date(2026, 11, 22), note="About nothing in particular", id=5),
]
SCORES: dict[Driver, float | None] = {d: None for d in Driver} | {
    Driver.LEADING: 5.5,
    Driver.ACHIEVEMENT: 4.0,
    Driver.BALANCE: 3.0,
    Driver.MASTERY: 5.0,
    Driver.AUTONOMY: 2.5,
}


def _compare(
    *directions: Aspiration | CatalogPath, scores: Mapping[Driver, float | None] | None = SCORES
) -> Comparison:
    return compare(directions, scores, PASSIONS, ENTRIES, GOALS, PROGRESS)


def test_an_aspiration_from_the_catalog_shows_its_drivers_with_the_persons_scores() -> None:
    (side,) = _compare(LEAD).sides
    assert side.name == "Lead the platform team"
    assert side.kind == "aspiration"
    assert side.serves == ((Driver.LEADING, 5.5), (Driver.ACHIEVEMENT, 4.0))  # leading first
    assert side.strains == ((Driver.BALANCE, 3.0), (Driver.MASTERY, 5.0))
    assert side.passions == ("mentoring",)
    assert side.values == ("honesty",)
    assert side.price == MANAGEMENT.costs
    assert side.reason == "I like helping people grow"


def test_an_aspirations_level_progress_and_what_the_next_level_takes() -> None:
    (side,) = _compare(LEAD).sides
    assert side.position == "2/" + str(len(MANAGEMENT.levels))
    assert side.level_name == MANAGEMENT.levels[1].name
    assert (side.done, side.total) == (1, 2)  # this level's goals only
    assert side.next_name == MANAGEMENT.levels[2].name
    # none of the person's own goals on the next level yet: the path's usual ones
    assert side.next_goals == tuple(g.title for g in MANAGEMENT.levels[2].goals)
    assert side.next_usual


def test_the_journal_entries_linked_newest_first() -> None:
    (side,) = _compare(LEAD).sides
    assert side.entries == 3
    assert side.latest == ("Newest thought", "Middle want")


def test_a_direction_of_ones_own_has_no_catalog_drivers_or_price() -> None:
    (side,) = _compare(OWN).sides
    assert side.serves == () and side.strains == ()
    assert side.price == NO_PRICE
    assert side.next_name == "Publish"
    assert side.next_goals == ("Outline",)  # the person's own goal on that level
    assert not side.next_usual
    assert side.entries == 1


def test_a_catalog_path_not_adopted_starts_at_its_first_level() -> None:
    (side,) = _compare(EXPERT).sides
    assert side.kind == "catalog path"
    assert side.name == EXPERT.name
    assert side.serves[0] == (Driver.MASTERY, 5.0)  # its leading driver first
    assert side.price == EXPERT.costs
    assert side.reason == ""
    assert side.position is None and side.total == 0
    assert side.next_name == EXPERT.levels[0].name
    assert side.next_goals == tuple(g.title for g in EXPERT.levels[0].goals)
    assert side.passions == () and side.values == ()  # nothing invented
    assert side.entries == 0 and side.latest == ()


def test_without_a_finished_assessment_no_numbers_but_a_way_to_get_them() -> None:
    comparison = _compare(LEAD, EXPERT, scores=None)
    assert not comparison.scored
    assert comparison.scores_note == NO_SCORES
    assert NO_SCORES == "take the drivers assessment to see how each fits you"
    side = comparison.sides[0]
    assert side.serves == ((Driver.LEADING, None), (Driver.ACHIEVEMENT, None))


def test_latest_scores_come_from_the_newest_finished_assessment() -> None:
    statements = questionnaire().statements
    leading = [s.id for s in statements if s.driver is Driver.LEADING]
    old = Assessment(D, {i: 2 for i in leading}, finished=D)
    new = Assessment(D, {i: 6 for i in leading}, finished=date(2026, 11, 5))
    unfinished = Assessment(D, {i: 1 for i in leading})
    assert latest_scores([]) is None
    assert latest_scores([unfinished]) is None
    found = latest_scores([old, new, unfinished])
    assert found is not None
    assert found[Driver.LEADING] == score(new, statements)[Driver.LEADING].score


def test_the_directions_offered_aspirations_first_then_paths_not_adopted() -> None:
    paused = Aspiration("Paused", D, ladder=pause(adopt(["A"], 0, D), D, "later"), id=3)
    archived = Aspiration(
        "Archived",
        D,
        path="expert",
        status=AspirationStatus.ARCHIVED,
        ladder=set_aside(adopt(["A"], 0, D), D, "enough"),
        id=4,
    )
    found = candidates([LEAD, OWN, paused, archived])
    keys = [c.key for c in found]
    assert keys[:3] == ["aspiration:1", "aspiration:2", "aspiration:3"]  # archived left out
    assert "path:management" not in keys and "path:expert" not in keys  # adopted already
    assert "path:business" in keys
    assert all(k.startswith("path:") for k in keys[3:])


def test_a_decision_is_one_journal_entry_naming_the_directions_and_the_choice() -> None:
    comparison = _compare(LEAD, EXPERT)
    look_back = date(2027, 2, 27)
    entry = choice_entry(comparison, "aspiration:1", "People over code", look_back, TODAY)
    assert entry.on == TODAY
    assert DECISION_TAG in entry.tags
    assert entry.prompt == DECISION_PROMPT
    assert entry.look_back == date(2027, 2, 27)
    assert entry.aspiration_id == 1
    assert "Lead the platform team" in entry.note and EXPERT.name in entry.note
    assert "Decided: go for Lead the platform team. Why: People over code" in entry.note
    assert "People over code" in entry.note
    check_reflection(entry)


def test_choosing_a_catalog_path_or_none_yet_links_no_aspiration() -> None:
    comparison = _compare(LEAD, EXPERT)
    path = choice_entry(comparison, "path:expert", "Depth", date(2027, 1, 1), TODAY)
    assert path.aspiration_id is None and f"Decided: go for {EXPERT.name}" in path.note
    none = choice_entry(comparison, None, "", date(2027, 1, 1), TODAY)
    assert none.aspiration_id is None and "none chosen yet" in none.note


def test_a_look_back_day_must_come_after_today() -> None:
    comparison = _compare(LEAD, EXPERT)
    for day in (TODAY, date(2026, 1, 1)):
        with pytest.raises(ValidationError, match="after today"):
            choice_entry(comparison, None, "", day, TODAY)
