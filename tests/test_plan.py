"""The Markdown plan a person could hand to a mentor."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.decisions import decided_what, decision_entry
from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Driver,
    Goal,
    Ladder,
    Passions,
    Reflection,
    Target,
)
from aspire_tui.presentation.plan import career_plan

TODAY = date(2026, 11, 27)


def test_a_decision_quotes_the_persons_reason_as_written() -> None:
    entry = decision_entry(
        date(2026, 9, 6), None, "Keep going, as it is", "Give it until March", date(2026, 12, 6)
    )
    assert entry.note == "Decided: keep going, as it is. Why: Give it until March"
    assert decided_what(entry) == "keep going, as it is"
    older = Reflection(on=TODAY, note="Decided: step down a level, because Too many meetings")
    assert decided_what(older) == "step down a level", "entries written before still read"
    plan = career_plan([], [], [], [entry], TODAY)
    assert "because Give" not in plan and "Why: Give it until March" in plan


def test_reflections_keep_their_prompt_and_tags_in_the_plan() -> None:
    entry = Reflection(
        on=TODAY, note="It went well.", prompt="What surprised you?", tags=("work", "team")
    )
    plan = career_plan([], [], [], [entry], TODAY)
    assert "What surprised you?" in plan
    assert "Tags: work, team" in plan


def _sitting(on: date, leaning: dict[str, int]) -> Assessment:
    """Every statement answered 2, a driver's own as given."""
    statements = questionnaire().statements
    answers = {s.id: leaning.get(s.driver.value, 2) for s in statements}
    return Assessment(on, answers, finished=on)


def test_the_plan_shows_the_drivers_profile_and_how_it_changed() -> None:
    before = _sitting(date(2026, 3, 1), {"autonomy": 4, "security": 5})
    before = Assessment(
        before.started,
        {k: v for k, v in before.answers.items() if not k.startswith("cha")},
        finished=before.finished,
    )
    latest = _sitting(date(2026, 9, 1), {"autonomy": 6, "security": 5})
    plan = career_plan([], [], [], [], TODAY, assessments=[before, latest])
    assert "## What drives me" in plan and "2026-09-01" in plan
    autonomy = next(line for line in plan.splitlines() if Driver.AUTONOMY.label in line)
    assert "6.0" in autonomy and "up 2.0 since 2026-03-01" in autonomy
    security = next(line for line in plan.splitlines() if Driver.SECURITY.label in line)
    assert "5.0" in security and "unchanged" in security
    assert plan.index(Driver.AUTONOMY.label) < plan.index(Driver.SECURITY.label), "highest first"
    challenge = next(line for line in plan.splitlines() if Driver.CHALLENGE.label in line)
    assert "not scored on 2026-03-01" in challenge, "a driver the sitting before left out"


def test_the_plan_shows_passions_and_values_with_the_heart_of_it() -> None:
    passions = Passions(
        love=("Teaching", "Cycling"),
        good_at=("teaching", "Tax law"),
        needed=("Tax law",),
        values=("Honesty",),
    )
    plan = career_plan([], [], [], [], TODAY, passions=passions)
    assert "## What I love and what I value" in plan
    assert "What I love doing: Teaching, Cycling." in plan
    assert "Values I will not trade away: Honesty." in plan
    assert "Teaching (love, good at)" in plan and "Tax law (good at, needed)" in plan
    assert "What I can be paid for" not in plan, "an empty list is left out"


def test_another_levels_goal_names_its_level_on_its_own_line() -> None:
    """ "(level 1)" belongs to the goal, not to the end of its "How it moved me forward"."""
    ladder = Ladder(rungs=("Lead a team", "Lead teams"), level=1)
    aspiration = Aspiration("Lead", date(2026, 1, 1), id=1, ladder=ladder)
    won = Goal(
        1, "Run one-on-ones", Target.done(), date(2026, 1, 5), closer="I listen better", id=1
    )
    plan = career_plan([aspiration], [won], [CheckIn(1, date(2026, 2, 1), 1.0)], [], TODAY)
    goal_line = next(line for line in plan.splitlines() if "Run one-on-ones" in line)
    assert "(level 1)" in goal_line, plan
    closer = next(line for line in plan.splitlines() if "How it moved me forward" in line)
    assert "(level" not in closer, plan
