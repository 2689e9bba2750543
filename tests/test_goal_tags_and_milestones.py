"""Goals carry tags, found with `/`; milestones carry due dates of their own, shown on the
goal's page and in the calendar export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.validation import ValidationError, milestones_text, parse_milestones_due
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.screens.goals import GoalsScreen
from tests.conftest import docs
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app, screen_text, type_text


def test_a_milestone_line_may_end_with_its_due_date() -> None:
    names, dues = parse_milestones_due("Outline\nDraft, by 2027-03-01\nPublish — 2027-04-01\n")
    assert names == ("Outline", "Draft", "Publish")
    assert dues == (None, date(2027, 3, 1), date(2027, 4, 1))
    assert parse_milestones_due(milestones_text(names, dues)) == (names, dues)
    assert parse_milestones_due("A\nB") == (("A", "B"), ())
    with pytest.raises(ValidationError):
        parse_milestones_due("Draft, by 2027-02-30")


async def test_a_checklist_goal_with_due_dates_and_tags_is_kept_and_found(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Become the go-to expert", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        await type_text(pilot, "Publish a guide")
        from textual.widgets import Select

        form.query_one("#measure", Select).value = "milestones"
        await pilot.pause()
        form.query_one("#milestones").focus()
        await type_text(pilot, "Outline\nDraft, by 2027-03-01")
        form.query_one("#tags").focus()
        await type_text(pilot, "writing, #public")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert "#writing #public" in detail_text(pilot.app)
        assert "due 2027-03-01" in screen_text(pilot.app)  # under Milestones
        await pilot.press("slash")
        await pilot.pause()
        await type_text(pilot, "#public")
        await pilot.press("enter")
        await pilot.pause()
        assert any("Publish a guide" in row for row in list_rows(pilot.app))
    [goal] = docs(data_dir, "goals")
    assert goal["tags"] == ["writing", "public"]
    assert goal["target"]["milestones"] == ["Outline", "Draft"]
    assert goal["target"]["due"] == [None, "2027-03-01"]


@pytest.mark.parametrize(
    ("downs", "field", "typed"),
    [(2, "#milestones", "Outline"), (3, "#habit", "a one-on-one every week")],
)
async def test_choosing_how_to_measure_by_keys_puts_the_cursor_in_its_field(
    store: AspireStore, downs: int, field: str, typed: str
) -> None:
    """Found by a new user: after choosing a checklist or a habit with enter, what was
    typed went nowhere."""
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await type_text(pilot, "A goal")
        await pilot.press("tab", "enter", *["down"] * downs, "enter")
        await pilot.pause()
        await type_text(pilot, typed)
        await pilot.pause()
        shown = pilot.app.screen.query_one(field)
        assert (getattr(shown, "text", "") or getattr(shown, "value", "")) == typed
