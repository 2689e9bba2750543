"""The Markdown plan a person could hand to a mentor."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.decisions import decided_what, decision_entry
from aspire_tui.domain.models import Reflection
from aspire_tui.domain.plan import career_plan

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
