"""Finding a goal by what a person types in a shell: forgiving, never a guess between two."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.goal_names import match_goal
from aspire_tui.domain.models import Goal, Target

DAY = date(2026, 1, 1)
GOALS = [
    Goal(1, title, Target.done(), DAY, id=number)
    for number, title in enumerate(
        [
            "Land ten clients",
            "Give a talk at the meetup",
            "Weekly one-on-ones with Sam",
            "Weekly one-on-ones with Priya",
            "Publish a guide",
            "Pass the CPA exam sections",
        ],
        1,
    )
]


def found(typed: str) -> str | None:
    match = match_goal(typed, GOALS)
    return match.found.title if match.found else None


def test_a_whole_title_in_any_case_or_spacing_is_that_goal() -> None:
    assert found("give a  TALK at the meetup") == "Give a talk at the meetup"


def test_words_that_only_one_title_holds_find_it() -> None:
    assert found("cpa") == "Pass the CPA exam sections"
    assert found("meetup talk") == "Give a talk at the meetup"


def test_a_slip_of_a_letter_still_finds_the_goal() -> None:
    assert found("cleints") == "Land ten clients"
    assert found("publsh guide") == "Publish a guide"


def test_two_goals_that_fit_about_equally_are_both_offered() -> None:
    match = match_goal("one-on-ones", GOALS)
    assert match.found is None
    assert {g.title for g in match.candidates} == {
        "Weekly one-on-ones with Sam",
        "Weekly one-on-ones with Priya",
    }


def test_a_name_that_only_resembles_a_title_as_a_whole_is_no_match() -> None:
    """Never a check-in on a goal the person did not name (found by a review)."""
    goals = [*GOALS, Goal(1, "Get the AWS certification", Target.done(), DAY, id=9)]
    assert match_goal("azure certification", goals).found is None
    assert (
        match_goal("mentor three", [Goal(1, "Mentor two juniors", Target.done(), DAY)]).found
        is None
    )


def test_nothing_like_any_title_is_no_match() -> None:
    match = match_goal("xyzzy", GOALS)
    assert match.found is None and match.candidates == ()
    assert match_goal("   ", GOALS).found is None
