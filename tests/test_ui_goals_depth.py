"""Goals in depth, by keys: the SMART form, check-ins corrected and undone, finding goals,
achievements and the home dashboard, each checked on screen and in the file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Select, Static, TextArea

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.checkins_dialog import CheckInsDialog
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.screens.goals import GoalsScreen
from aspire_tui.ui.screens.home import HomeScreen
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY, docs
from tests.ui_helpers import (
    SIZE,
    clear_field,
    detail_text,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def aspiration(store: AspireStore) -> Aspiration:
    return store.save_aspiration(Aspiration("Become a tax expert", D))


async def pick(pilot, select_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    """Open a Select with enter and move down to the option labelled `label`."""
    select = pilot.app.screen.query_one(select_id, Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    options = [(str(prompt), value) for prompt, value in select._options]
    labels = [text for text, _ in options]
    values = [value for _, value in options]
    start = values.index(select.value) if select.value in values else 0
    for _ in range(labels.index(label) - start):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def smart_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#smart", Static).visual)


# The SMART form ---------------------------------------------------------------------------


async def test_the_smart_check_names_what_is_missing_and_a_full_goal_covers_it(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalForm)
        await type_text(pilot, "Certify")
        hints = smart_text(pilot.app)
        assert "S: say exactly what" in hints and "T: set a deadline" in hints
        assert "A: note what it will take" in hints
        await type_text(pilot, " in all four CPA sections")
        assert "S: say exactly what" not in smart_text(pilot.app)
        pilot.app.screen.query_one("#how").focus()
        await type_text(pilot, "Two evenings a week")
        pilot.app.screen.query_one("#deadline").focus()
        await type_text(pilot, "2027-06-30")
        assert "All five letters covered" in smart_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
    [goal] = docs(data_dir, "goals")
    assert goal["how"] == "Two evenings a week" and goal["deadline"] == "2027-06-30"
    assert goal["stretch"] is False


async def test_a_number_to_bring_down_is_checked_and_saved_with_its_start(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await type_text(pilot, "Cut overtime")
        await pick(pilot, "#measure", "Bring a number down")
        assert pilot.app.screen.query_one("#target-group").display
        assert not pilot.app.screen.query_one("#milestones-group").display
        pilot.app.screen.query_one("#target").focus()
        await type_text(pilot, "20 hours a week")
        await pilot.press("tab")
        await type_text(pilot, "15")
        await pick(pilot, "#stretch", "Stretch: 60–70% is a good result")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = pilot.app.screen.query_one("#target-error", Static)
        assert error.display and "must be below the start" in str(error.visual)
        assert docs(data_dir, "goals") == [], "nothing saved while the form has a problem"
        pilot.app.screen.query_one("#target").focus()
        await clear_field(pilot)
        await type_text(pilot, "5 hours a week")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        [goal] = docs(data_dir, "goals")
        assert goal["target"]["start"] == 15 and goal["target"]["amount"] == 5
        assert goal["stretch"] is True
        assert "down from 15 to 5 hours a week" in detail_text(pilot.app)

        await pilot.press("l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm)
        assert "Where it stands now (hours a week)" in screen_text(pilot.app)
        await type_text(pilot, "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [checkin] = docs(data_dir, "checkins")
        assert checkin["amount"] == 0, "a reading of zero is kept as it is"
        assert any("Goal achieved" in (n or "") for n in _titles(pilot.app))


def _titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.title for n in app._notifications]


async def test_milestones_are_ticked_one_at_a_time(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    assert aspiration.id is not None
    store.save_goal(
        Goal(aspiration.id, "Write a guide", Target.checklist(("Outline", "Draft")), D, id=None)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        await pick(pilot, "#milestone", "Draft")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c["milestone"] for c in docs(data_dir, "checkins")] == ["Draft"]
        assert "1 of 2 milestones" in detail_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        options = pilot.app.screen.query_one("#milestone", Select)._options
        assert [str(label) for label, _ in options] == ["Outline"], "a done one is not offered"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✓ Achieved" in detail_text(pilot.app)
        await pilot.press("e")
        await pilot.pause()
        area = pilot.app.screen.query_one("#milestones", TextArea)
        area.load_text("Outline\nFinal")  # "Draft" taken off the list
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = pilot.app.screen.query_one("#milestones-error", Static)
        assert "“Draft” is already done" in str(error.visual)


# Check-ins: correct, delete, undo ----------------------------------------------------------


@pytest.fixture
def logged(store: AspireStore, aspiration: Aspiration) -> Goal:
    assert aspiration.id is not None
    goal = store.save_goal(Goal(aspiration.id, "Win clients", Target.number(10, "clients"), D))
    assert goal.id is not None
    store.save_checkin(CheckIn(goal.id, date(2026, 2, 1), 2, "first two"))
    store.save_checkin(CheckIn(goal.id, date(2026, 3, 1), 3, "a good month"))
    return goal


async def test_delete_a_check_in_and_undo_it(
    store: AspireStore, logged: Goal, data_dir: Path
) -> None:
    before = docs(data_dir, "checkins")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CheckInsDialog)
        rows = list_rows(pilot.app, "#checkins")
        assert rows[0].startswith("2026-03-01") and "a good month" in rows[0]
        await pilot.press("d")
        await pilot.pause()
        assert [c["note"] for c in docs(data_dir, "checkins")] == ["first two"]
        assert "2 of 10 clients" in detail_text(pilot.app)
        assert any("ctrl+z brings it back" in m for m in notifications(pilot.app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert docs(data_dir, "checkins") == before, "back exactly as it was, id and all"
        assert "5 of 10 clients" in detail_text(pilot.app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in notifications(pilot.app)


async def test_correct_a_check_in_and_undo_the_correction(
    store: AspireStore, logged: Goal, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", "down", "e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm)
        assert form.query_one("#amount").value == "2"  # type: ignore[attr-defined]
        await clear_field(pilot)
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        amounts = sorted(c["amount"] for c in docs(data_dir, "checkins"))
        assert amounts == [3, 4]
        assert "7 of 10 clients" in detail_text(pilot.app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert sorted(c["amount"] for c in docs(data_dir, "checkins")) == [2, 3]


async def test_a_deleted_goal_comes_back_with_its_check_ins(
    store: AspireStore, logged: Goal, data_dir: Path
) -> None:
    goals, checkins = docs(data_dir, "goals"), docs(data_dir, "checkins")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "d", "y")
        await pilot.pause()
        assert docs(data_dir, "goals") == [] and docs(data_dir, "checkins") == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert docs(data_dir, "goals") == goals and docs(data_dir, "checkins") == checkins
        assert "Win clients" in "\n".join(list_rows(pilot.app))


# Finding ---------------------------------------------------------------------------------


async def test_find_sort_and_hide_goals(store: AspireStore, aspiration: Aspiration) -> None:
    assert aspiration.id is not None
    other = store.save_aspiration(Aspiration("Lead a team", D))
    assert other.id is not None
    store.save_goal(Goal(aspiration.id, "Pass the CPA exam", Target.done(), D, ago(-100)))
    done = store.save_goal(Goal(other.id, "Hire a deputy", Target.done(), D, ago(-10)))
    store.save_goal(Goal(other.id, "Run one-on-ones", Target.number(12, "weeks"), D))
    assert done.id is not None
    store.save_checkin(CheckIn(done.id, ago(3), 1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash")
        await pilot.pause()
        await type_text(pilot, "lead")
        await pilot.press("enter")
        await pilot.pause()
        text = "\n".join(list_rows(pilot.app))
        assert "Hire a deputy" in text and "Pass the CPA exam" not in text, "matches the aspiration"
        assert "esc shows all" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Pass the CPA exam" in "\n".join(list_rows(pilot.app))
        await pilot.press("o")  # by deadline: soonest first, none last
        await pilot.pause()
        titles = [row.split("\n")[0].strip(" ✓!") for row in list_rows(pilot.app)]
        assert titles == ["Hire a deputy", "Pass the CPA exam", "Run one-on-ones"]
        await pilot.press("a")
        await pilot.pause()
        assert "Hire a deputy" not in "\n".join(list_rows(pilot.app)), "achieved goals hidden"


# Achievement ------------------------------------------------------------------------------


async def test_an_achievement_is_celebrated_and_joins_the_aspirations_timeline(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    assert aspiration.id is not None
    store.save_goal(Goal(aspiration.id, "Give a talk", Target.done(), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "★ Goal achieved ★" in _titles(pilot.app)
        assert isinstance(pilot.app.screen, GoalsScreen), "a toast, not a blocking dialog"
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "People ask me about [b]tax[/b] now")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [goal] = docs(data_dir, "goals")
        assert goal["closer"] == "People ask me about [b]tax[/b] now"
        await pilot.press("2")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "What brought it closer" in shown
        assert f"{TODAY.isoformat()}  ✓ Give a talk" in shown
        assert "People ask me about [b]tax[/b] now" in shown, "shown literally"


# Home ------------------------------------------------------------------------------------


@pytest.fixture
def dashboard(store: AspireStore, aspiration: Aspiration) -> dict[str, Goal]:
    assert aspiration.id is not None
    a = aspiration.id
    goals = {
        "due": Goal(a, "Submit the article", Target.done(), ago(60), ago(-10)),
        "behind": Goal(a, "Win ten clients", Target.number(10, "clients"), ago(100), ago(-100)),
        "quiet": Goal(a, "Read the tax code", Target.number(20, "chapters"), ago(60)),
        "won": Goal(a, "Pass the exam", Target.done(), ago(90)),
    }
    saved = {key: store.save_goal(goal) for key, goal in goals.items()}
    store.save_checkin(CheckIn(saved["behind"].id or 0, ago(5), 1))
    store.save_checkin(CheckIn(saved["quiet"].id or 0, ago(30), 4))
    store.save_checkin(CheckIn(saved["won"].id or 0, ago(2), 1))
    return saved


def section(rows: list[str], title: str) -> list[str]:
    """The first lines of the rows under a heading, up to the next heading."""
    after = rows[rows.index(title) + 1 :]
    headings = [i for i, row in enumerate(after) if "\n" not in row and not row.startswith(" ")]
    end = headings[0] if headings else len(after)
    return [row.split("\n")[0].strip(" !✓") for row in after[:end]]


async def test_home_answers_where_do_i_stand(
    store: AspireStore, dashboard: dict[str, Goal]
) -> None:
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen), "opens on Home once there is data"
        rows = list_rows(pilot.app)
        assert section(rows, "Aspirations") == ["Become a tax expert"]
        assert section(rows, "Due in the next 30 days") == ["Submit the article"]
        assert section(rows, "Behind pace") == ["Win ten clients"], "done / not done: never behind"
        quiet = section(rows, "No check-in for 14 days")
        assert quiet == ["Read the tax code"], "a done / not done goal has nothing to log yet"
        assert section(rows, "Recent achievements") == ["Pass the exam"]
        assert "no profile yet" in section(rows, "Drivers")[0].lower()

        await pilot.press("down", "down")  # from the review, past the aspiration, to the goal
        await pilot.pause()
        assert "Submit the article" in detail_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen), "opens where it lives"
        assert pilot.app.screen.selected_id() == dashboard["due"].id
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_a_first_run_opens_on_reflect(store: AspireStore) -> None:
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        await pilot.press("0")
        await pilot.pause()
        assert "Nothing here yet" in detail_text(pilot.app)


async def test_goals_behind_pace_are_flagged_on_aspirations_too(
    store: AspireStore, dashboard: dict[str, Goal]
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app)[0].endswith("1/4 goals · 1 behind")
        shown = detail_text(pilot.app)
        assert "! Win ten clients" in shown and "behind" in shown


async def test_a_search_with_markup_is_shown_literally(
    store: AspireStore, aspiration: Aspiration
) -> None:
    store.save_goal(Goal(aspiration.id or 0, "Ship [/b] it", Target.done(), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash")
        await pilot.pause()
        await type_text(pilot, "[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert "“[/b]”" in screen_text(pilot.app)
        assert "Ship [/b] it" in "\n".join(list_rows(pilot.app))


async def test_a_log_the_store_would_refuse_keeps_the_form_and_what_was_typed(
    store: AspireStore, logged: Goal, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        await type_text(pilot, "-50")
        await pilot.press("tab")
        await type_text(pilot, "oops")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm), "still open"
        assert "below zero" in str(form.query_one("#amount-error", Static).visual)
        assert form.query_one("#note").value == "oops"  # type: ignore[attr-defined]
    assert len(docs(data_dir, "checkins")) == 2


async def test_escape_shows_every_goal_again_after_hiding_the_achieved(
    store: AspireStore, logged: Goal
) -> None:
    done = store.save_goal(Goal(logged.aspiration_id, "Done already", Target.done(), D))
    store.save_checkin(CheckIn(done.id or 0, D, 1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        assert "Done already" not in "\n".join(list_rows(pilot.app))
        assert "esc shows all" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Done already" in "\n".join(list_rows(pilot.app))


async def test_a_goals_page_lists_its_latest_check_ins_and_the_dialog_all_of_them(
    store: AspireStore,
) -> None:
    """Years of a weekly habit are hundreds of check-ins: the page lists the latest 30, newest
    first, and says how many more `c` lists."""
    mine = store.save_aspiration(Aspiration("Lead a team", date(2025, 1, 1)))
    goal = store.save_goal(Goal(mine.id or 0, "One-on-ones", Target.number(100), date(2025, 1, 1)))
    store.add_checkins(
        goal,
        [
            CheckIn(goal.id or 0, date(2025, 1, 1) + timedelta(weeks=n), 1, f"week {n + 1}")
            for n in range(45)
        ],
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        history = str(pilot.app.screen.query_one("#history", Static).visual)
        shown = [line for line in history.splitlines() if "week " in line]
        assert len(shown) == 30
        assert "week 45" in shown[0] and "week 16" in shown[-1]
        assert "… and 15 earlier check-ins: c lists them all." in history
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CheckInsDialog)
        rows = list_rows(pilot.app, "#checkins")
        assert len(rows) == 45 and "week 1" in rows[-1]
