"""Every form, by keys: nothing typed after a dropdown choice is lost, `enter` in a one-line
field moves on rather than saving half a form, Save is always on screen, and labels say what
is true."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Button, Select, TextArea

from aspire_tui.domain.ladder import adopt, let_go, set_aside
from aspire_tui.domain.models import Aspiration, AspirationStatus, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_finder_form import GoalFinderForm
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.dialogs.reason_form import ReasonForm
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from aspire_tui.ui.dialogs.settings_form import SettingsForm
from aspire_tui.ui.screens.goals import GoalsScreen
from tests.conftest import docs
from tests.ui_helpers import SIZE, make_app, screen_text, type_text

D = date(2026, 1, 1)


@pytest.fixture
def aspiration(store: AspireStore) -> Aspiration:
    return store.save_aspiration(Aspiration("Become a tax expert", D))


# 1. Nothing typed after a dropdown choice is lost -----------------------------------------


async def test_writing_goes_on_after_choosing_a_prompt(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab", "enter", "down", "enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        chosen = form.query_one("#prompt", Select).value
        await type_text(pilot, "abc and more words")
        assert not form.query_one("#prompt", Select).expanded, "space did not reopen it"
        assert form.query_one("#note", TextArea).text == "abc and more words"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = docs(data_dir, "reflections")
    assert saved["note"] == "abc and more words" and saved["prompt"] == chosen


async def test_after_a_choice_by_keys_focus_moves_to_the_next_field(
    store: AspireStore, aspiration: Aspiration
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm)
        form.query_one("#measure", Select).focus()
        await pilot.pause()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert form.query_one("#measure", Select).value == "down"
        assert pilot.app.focused is form.query_one("#target")
        await type_text(pilot, "5 kg")
        assert form.query_one("#target").value == "5 kg"  # type: ignore[attr-defined]
        # Choosing the value it already had is a choice too; escape is not.
        form.query_one("#stretch", Select).focus()
        await pilot.pause()
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#stretch")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#description")


async def test_every_form_with_a_dropdown_moves_on_after_a_choice(
    store: AspireStore, aspiration: Aspiration
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash")
        await pilot.pause()
        finder = pilot.app.screen
        assert isinstance(finder, GoalFinderForm)
        first = finder.query(Select).first()
        first.focus()
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert pilot.app.focused is not first and pilot.app.focused is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        settings = pilot.app.screen
        assert isinstance(settings, SettingsForm)
        selects = list(settings.query(Select))
        selects[0].focus()
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert pilot.app.focused is selects[1]


async def test_choosing_a_start_level_moves_on_to_that_levels_goals(store: AspireStore) -> None:
    """The adopt form offers the chosen level's goals in place of the first level's: the
    cursor goes to the first of them, not to a row that is then taken away."""
    from textual.widgets import Input

    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "enter")  # Join management
        await pilot.pause()
        form = pilot.app.screen
        start = form.query_one("#start", Select)
        start.focus()
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # level 2
        await pilot.pause()
        await pilot.pause()
        assert start.value == 1
        from aspire_tui.ui.widgets.goal_checklist import GoalRow

        first_row = form.query(GoalRow).first()
        focused = pilot.app.focused
        assert focused is not None and first_row in focused.ancestors_with_self, focused
        await type_text(pilot, "xy")
        titles = [i.value for i in form.query(".goal-title").results(Input)]
        assert any(t.endswith("xy") for t in titles), titles


# 3. enter moves on; ctrl+s saves; Save is on screen ---------------------------------------


async def test_enter_after_the_title_moves_on_and_saves_nothing(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await type_text(pilot, "Earn the CPA certificate")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, GoalForm), "enter did not save the whole form"
        assert pilot.app.focused is form.query_one("#measure")
        assert docs(data_dir, "goals") == []
        form.query_one("#target").focus()
        await pilot.pause()
        await type_text(pilot, "4 exams")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#start")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
    [goal] = docs(data_dir, "goals")
    assert goal["title"] == "Earn the CPA certificate" and goal["target"]["amount"] == 4


async def test_enter_in_the_last_field_goes_to_save(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await type_text(pilot, "Give a talk")
        form = pilot.app.screen
        form.query_one("#starts").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is form.query_one("#save", Button)
        assert docs(data_dir, "goals") == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
    assert [g["title"] for g in docs(data_dir, "goals")] == ["Give a talk"]


async def test_a_form_of_one_line_still_saves_on_enter(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        answers: list[str | None] = []
        pilot.app.push_screen(
            ReasonForm("Archive", Content("Set it aside."), "Why?", "Archive", one_line=True),
            answers.append,
        )
        await pilot.pause()
        await type_text(pilot, "Studying first")
        await pilot.press("enter")
        await pilot.pause()
    assert answers == ["Studying first"]


@pytest.mark.parametrize("keys", [["3", "n"], ["3", "e"], ["n"], ["3", "l"], ["3", "slash"]])
async def test_save_is_on_screen_at_80_by_24(
    store: AspireStore, aspiration: Aspiration, keys: list[str]
) -> None:
    assert aspiration.id is not None
    store.save_goal(Goal(aspiration.id, "Win clients", Target.number(10, "clients"), D))
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        screen = pilot.app.screen
        save = screen.query_one("#save", Button)
        region = save.region
        assert region.height >= 1 and screen.region.contains_region(region)
        assert screen.get_widget_at(region.x + 1, region.y)[0] is save, "drawn, not clipped"


# 4. Labels that say what is true ----------------------------------------------------------


@pytest.mark.parametrize("move", [let_go, set_aside])
async def test_deleting_an_archived_aspiration_does_not_advise_archiving_it(
    store: AspireStore, move: object
) -> None:
    ladder = move(adopt(["First steps"], 0, D), D, "Not mine")  # type: ignore[operator]
    store.save_aspiration(
        Aspiration("Run a bakery", D, status=AspirationStatus.ARCHIVED, ladder=ladder)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        shown = screen_text(pilot.app)
        assert "archive it with a" not in shown
        assert "already archived" in shown and "a restores it" in shown


async def test_deleting_an_active_aspiration_still_offers_archiving(
    store: AspireStore, aspiration: Aspiration
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "d")
        await pilot.pause()
        assert "archive it with a" in screen_text(pilot.app)


async def test_a_past_reading_is_labelled_with_its_date(
    store: AspireStore, aspiration: Aspiration
) -> None:
    assert aspiration.id is not None
    goal = store.save_goal(
        Goal(aspiration.id, "Fewer overtime hours", Target.number(5, "hours a week", start=20), D)
    )
    assert goal.id is not None
    store.save_checkin(CheckIn(goal.id, date(2026, 3, 1), 12, "better"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", "e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CheckInForm)
        shown = screen_text(pilot.app)
        assert "Where it stands now" not in shown
        assert "Where it stood on Sun 1 Mar 2026 (hours a week)" in shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape", "l")
        await pilot.pause()
        assert "Where it stands now (hours a week)" in screen_text(pilot.app)
