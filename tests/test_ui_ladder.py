"""Moving on an aspiration's ladder by keys: raise the bar, name a higher level, step down,
pause, reevaluate, let go; each move lands in the file's history with its reason."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.ladder import adopt, set_aside
from aspire_tui.domain.models import Aspiration, AspirationStatus, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
from aspire_tui.ui.dialogs.decision_form import DecisionForm
from aspire_tui.ui.dialogs.move_menu import MoveMenu
from aspire_tui.ui.dialogs.raise_form import RaiseForm
from aspire_tui.ui.dialogs.reason_form import ReasonForm
from aspire_tui.ui.dialogs.reevaluate_form import ReevaluateForm
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from tests.conftest import docs
from tests.ui_helpers import (
    SIZE,
    detail_text,
    footer_keys,
    list_rows,
    make_app,
    notifications,
    palette_commands,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)


def management(level: int = 0) -> Aspiration:
    path = find_path("management")
    assert path is not None
    rungs = [lvl.name for lvl in path.levels]
    return Aspiration(
        "Lead people",
        D,
        why="I like growing people",
        path="management",
        ladder=adopt(rungs, level, D),
    )


def history(data_dir: Path, index: int = 0) -> list[tuple[str, int, str]]:
    doc = docs(data_dir, "aspirations")[index]
    return [(e["move"], e["level"], e["reason"]) for e in doc["ladder"]["history"]]


def error_text(pilot_app: object, field: str) -> str:
    return str(pilot_app.screen.query_one(f"#{field}-error", Static).visual)  # type: ignore[attr-defined]


async def test_raise_the_bar_after_achieving_every_goal_of_the_level(
    store: AspireStore, data_dir: Path
) -> None:
    lead = store.save_aspiration(management())
    assert lead.id is not None
    first = store.save_goal(Goal(lead.id, "Lead a project", Target.done(), D))
    store.save_goal(Goal(lead.id, "Ask for feedback", Target.number(3, "talks"), D))
    assert first.id is not None
    store.save_checkin(CheckIn(first.id, D, 1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "down")  # the second goal
        await pilot.pause()
        assert "level 1, Lead a project or a few people" in detail_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        offer = [m for m in notifications(pilot.app) if "raise the bar" in m]
        assert offer and "Every goal of level 1/5" in offer[0]
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · ↑ raise the bar"]
        assert "Every goal of this level is achieved. Press u" in detail_text(pilot.app)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RaiseForm)
        shown = screen_text(pilot.app)
        assert "Every goal of this level is achieved" in shown and "Manage a team" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert "Level 2/5: Manage a team" in detail_text(pilot.app)
        assert "Raised the bar to level 2" in detail_text(pilot.app)
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["level"] == 1
    assert [m for m, _, _ in history(data_dir)] == ["adopted", "raised"]
    path = find_path("management")
    assert path is not None
    new_goals = [g for g in docs(data_dir, "goals") if g["level"] == 1]
    assert [g["title"] for g in new_goals] == [g.title for g in path.levels[1].goals]


async def test_at_the_top_raising_the_bar_names_a_higher_level(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Write a novel", D, ladder=adopt(["Finish a draft"], 0, D)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "top of the ladder" in detail_text(pilot.app)
        await pilot.press("u")
        await pilot.pause()
        assert "This is the top of the ladder" in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot be empty" in error_text(pilot.app, "level")
        await type_text(pilot, "Get it published")
        await pilot.press("tab", "tab")  # past the first row's box, into its title
        await type_text(pilot, "Send to agents")
        await pilot.press("tab")
        await type_text(pilot, "20 agents")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not finished" in screen_text(pilot.app), "a level with no goals is not done"
        assert "Say why" in error_text(pilot.app, "reason")
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "The draft is done")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Level 2/2: Get it published" in detail_text(pilot.app)
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["rungs"] == ["Finish a draft", "Get it published"]
    assert history(data_dir)[1:] == [
        ("level_added", 0, "Get it published"),
        ("raised", 1, "The draft is done"),
    ]
    [goal] = docs(data_dir, "goals")
    assert (goal["title"], goal["level"], goal["target"]["amount"]) == ("Send to agents", 1, 20)


async def test_step_down_a_level_asks_why_and_keeps_it(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(management(level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DecisionForm)
        assert "not a failure" in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Say why" in error_text(pilot.app, "reason")
        await type_text(pilot, "Too many meetings; I miss my team")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "Level 2/5: Manage a team" in shown
        assert "Stepped down to level 2" in shown and "I miss my team" in shown
        await pilot.press("s", "escape")  # changed its mind: nothing is recorded
        await pilot.pause()
    assert history(data_dir)[1:] == [("stepped_down", 1, "Too many meetings; I miss my team")]
    assert docs(data_dir, "aspirations")[0]["ladder"]["level"] == 1


async def test_the_first_level_has_no_step_down(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert any("no level below" in m for m in notifications(pilot.app))
    assert len(history(data_dir)) == 1


async def test_pause_resume_and_let_go_each_keep_a_reason(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management(level=1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "p")
        await pilot.pause()
        await type_text(pilot, "New baby")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 2/5 · paused"]
        await pilot.press("u")
        await pilot.pause()
        assert "This aspiration is paused: resume it first." in notifications(pilot.app)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReasonForm) and "Resume" in screen_text(pilot.app)
        await type_text(pilot, "Sleeping again")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "Nothing is deleted" in screen_text(pilot.app)
        await type_text(pilot, "I want to stay hands-on")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Archived", "Lead people\nlevel 2/5 · let go"]
        assert "I want to stay hands-on" in detail_text(pilot.app), "still readable"
    assert history(data_dir)[1:] == [
        ("paused", 1, "New baby"),
        ("resumed", 1, "Sleeping again"),
        ("let_go", 1, "I want to stay hands-on"),
    ]
    assert docs(data_dir, "aspirations")[0]["status"] == "archived"


async def test_the_moves_menu_lists_every_move_and_runs_one_by_its_key(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert footer_keys(pilot.app).get("Moves") == "m"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MoveMenu)
        shown = screen_text(pilot.app)
        for words in (
            "Raise the bar",
            "Add a level above the top",
            "Step down a level",
            "Pause",
            "Reevaluate",
            "Archive",
            "Let go",
        ):
            assert words in shown
        assert "u  Raise the bar" in shown, "raising the bar has a key of its own"
        assert "r  Raise" not in shown
        assert "This is the first level: there is no level below it." in shown, "dimmed, why"
        await pilot.press("s")  # chosen anyway: it says why, and nothing changes
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert any("no level below" in m for m in notifications(pilot.app))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReasonForm)
        await type_text(pilot, "Lead a group of companies")
        await pilot.press("enter")
        await pilot.pause()
        assert "level 1/6" in list_rows(pilot.app)[0]
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["rungs"][-1] == "Lead a group of companies"
    assert history(data_dir)[1] == ("level_added", 0, "Lead a group of companies")


async def test_reevaluate_shows_the_reason_and_the_price_again(
    store: AspireStore, data_dir: Path
) -> None:
    path = find_path("business")
    assert path is not None
    store.save_aspiration(
        Aspiration(
            "Run a bakery",
            D,
            why="Bread at dawn, my own hours",
            path="business",
            ladder=adopt([lvl.name for lvl in path.levels], 1, D),
        )
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "v")
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "Bread at dawn, my own hours" in shown and "clients become your boss" in shown
        assert "Take the drivers self-assessment" in shown, "no profile yet"
        await type_text(pilot, "Yes, more than ever")
        await pilot.press("tab")
        await type_text(pilot, "Clients come back when I answer fast")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Say why" in error_text(pilot.app, "reason"), "the decision needs its reason"
        await type_text(pilot, "First client came back twice")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Reevaluated, on level 2" in detail_text(pilot.app)
    assert history(data_dir)[1] == ("reevaluated", 1, "First client came back twice")
    [thoughts] = docs(data_dir, "reflections")
    assert thoughts["note"] == (
        "Still what I want? Yes, more than ever\n\n"
        "What I have learned: Clients come back when I answer fast\n\n"
        "Decided: keep going, as it is. Why: First client came back twice"
    )
    assert thoughts["prompt"] == "Is my current aspiration still mine?"
    assert thoughts["tags"] == ["reevaluation"] and thoughts["aspiration_id"] == 1


async def _decide(pilot: Pilot, choice: str, reason: str) -> None:
    """Reevaluate the highlighted aspiration and make a decision."""
    await pilot.press("v")
    await pilot.pause()
    decision = pilot.app.screen.query_one("#decision", Select)
    decision.value = choice
    pilot.app.screen.query_one("#reason").focus()
    await type_text(pilot, reason)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_each_reevaluation_decision_acts_and_stays_in_the_history(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management(level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await _decide(pilot, "stepped_down", "Too many meetings")
        assert "Level 2/5" in detail_text(pilot.app)
        await _decide(pilot, "paused", "Parental leave")
        assert list_rows(pilot.app) == ["Lead people\nlevel 2/5 · paused"]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReevaluateForm)
        options = str(pilot.app.screen.query_one("#decision", Select)._options)
        assert "Pause it for now" not in options, "already paused"
        assert "Raise the bar" not in options, "a paused climb is resumed first"
        await pilot.press("escape")
        await pilot.pause()
        await _decide(pilot, "resumed", "Back from leave")
        assert list_rows(pilot.app) == ["Lead people\nlevel 2/5 · no goals yet"]
        await _decide(pilot, "let_go", "I want to stay hands-on")
        assert list_rows(pilot.app) == ["Archived", "Lead people\nlevel 2/5 · let go"]
    assert history(data_dir)[1:] == [
        ("reevaluated", 2, "Decided: step down a level."),
        ("stepped_down", 1, "Too many meetings"),
        ("reevaluated", 1, "Decided: pause it for now."),
        ("paused", 1, "Parental leave"),
        ("reevaluated", 1, "Decided: resume it."),
        ("resumed", 1, "Back from leave"),
        ("reevaluated", 1, "Decided: let it go."),
        ("let_go", 1, "I want to stay hands-on"),
    ]
    assert len(docs(data_dir, "reflections")) == 4


async def test_raising_the_bar_from_a_reevaluation_opens_the_climb(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await _decide(pilot, "raised", "Ready for a team")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RaiseForm)
        assert "Ready for a team" in pilot.app.screen.query_one("#reason", TextArea).text
        await pilot.press("escape", "y")  # changed my mind: discard
        await pilot.pause()
        assert any("Nothing was changed or recorded" in m for m in notifications(pilot.app))
        assert len(history(data_dir)) == 1 and docs(data_dir, "reflections") == []
        await _decide(pilot, "raised", "Ready for a team")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Level 2/5: Manage a team" in detail_text(pilot.app)
    assert history(data_dir)[1:] == [
        ("reevaluated", 0, "Decided: raise the bar."),
        ("raised", 1, "Ready for a team"),
    ]
    [entry] = docs(data_dir, "reflections")
    assert entry["note"].endswith("raise the bar. Why: Ready for a team")


async def test_a_priced_path_without_a_reason_is_not_restored(
    store: AspireStore, data_dir: Path
) -> None:
    path = find_path("business")
    assert path is not None
    store.save_aspiration(
        Aspiration(
            "Own a business",
            D,
            path="business",
            status=AspirationStatus.ARCHIVED,
            ladder=adopt([lvl.name for lvl in path.levels], 0, D),
        )
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert any("asks for your reason" in m for m in notifications(pilot.app))
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "asks for your reason" in error_text(pilot.app, "why")
        await type_text(pilot, "Bread at dawn")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert docs(data_dir, "aspirations")[0]["why"] == "Bread at dawn"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReasonForm)
        await type_text(pilot, "Savings are in place")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert docs(data_dir, "aspirations")[0]["status"] == "active"


async def test_edit_renames_levels_and_adds_above_but_never_removes(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Write", D, ladder=adopt(["Draft", "Publish"], 0, D)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "e")
        await pilot.pause()
        levels = pilot.app.screen.query_one("#levels")
        levels.focus()
        levels.text = "Draft"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Keep all 2 levels" in error_text(pilot.app, "levels")
        levels.text = "First draft\nPublish\nWin a prize"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert "Win a prize" in detail_text(pilot.app)
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["rungs"] == ["First draft", "Publish", "Win a prize"]
    assert history(data_dir)[1] == ("level_added", 0, "Win a prize")


async def test_level_names_and_reasons_show_literally_in_toasts_and_history(
    store: AspireStore, data_dir: Path
) -> None:
    hostile = "[/x] boss [@click=app.quit]q[/]"
    store.save_aspiration(management(level=1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await pilot.pause()
        await type_text(pilot, hostile)
        await pilot.press("enter")
        await pilot.pause()
        assert any(hostile in m for m in notifications(pilot.app))
        await pilot.press("s")
        await pilot.pause()
        await type_text(pilot, hostile)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert f"6 {hostile}" in shown
        assert shown.count(hostile) == 3, "the rung, its adding and the step down's reason"
        assert pilot.app.is_running, "the quit link did nothing"
    assert docs(data_dir, "aspirations")[0]["ladder"]["rungs"][-1] == hostile


async def test_moves_on_an_archived_aspiration_say_why_and_change_nothing(
    store: AspireStore, data_dir: Path
) -> None:
    a = management(level=2)
    store.save_aspiration(
        dataclasses.replace(
            a, status=AspirationStatus.ARCHIVED, ladder=set_aside(a.ladder, D, "Exams first")
        )
    )
    before = docs(data_dir, "aspirations")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for key in ("s", "plus", "p", "u", "g"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, AspirationsScreen), key
            assert "archived" in notifications(pilot.app)[-1], key
        titles = [c.text for c in await palette_commands(pilot.app, pilot.app.screen)]
        assert "Aspirations: Restore" in titles and "Aspirations: Archive" not in titles
        assert "Aspirations: Resume" not in titles
    assert docs(data_dir, "aspirations") == before


async def test_climbing_back_up_does_not_offer_the_same_goals_twice(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "u")
        await pilot.pause()
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Offered a team")  # the level is unfinished: a reason
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await type_text(pilot, "Not yet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RaiseForm)
        assert "The level has 3 goals already" in screen_text(pilot.app)
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Ready now")
        await pilot.press("ctrl+s")
        await pilot.pause()
    titles = [g["title"] for g in docs(data_dir, "goals")]
    assert len(titles) == len(set(titles)) == 3


async def test_a_bad_goal_in_the_checklist_keeps_the_cursor_on_it(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "u")
        await pilot.pause()
        target = pilot.app.screen.query(".goal-target").results(Input)
        second = list(target)[1]
        second.value = "many"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Goal 2: Target must start with a number" in error_text(pilot.app, "goals")
        assert "Say why" in error_text(pilot.app, "reason"), "every problem at once"
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Offered a team early")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.focused is second, "the cursor goes to the goal to fix"
        await type_text(pilot, "x")
        assert not pilot.app.screen.query_one("#goals-error").display, "gone once edited"


async def test_the_level_done_toast_leads_to_that_aspiration(
    store: AspireStore, data_dir: Path
) -> None:
    first = store.save_aspiration(management())
    store.save_aspiration(Aspiration("Write", D))
    assert first.id is not None
    store.save_goal(Goal(first.id, "Lead a project", Target.done(), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "down")  # the other aspiration
        await pilot.pause()
        await pilot.press("3", "l", "ctrl+s")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert detail_text(pilot.app).startswith("Lead people")
        await pilot.press("u")
        await pilot.pause()
        assert "Manage a team" in screen_text(pilot.app)


async def test_escape_from_adopting_goes_back_to_the_catalog_which_marks_what_is_adopted(
    store: AspireStore,
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        assert list_rows(pilot.app, "#paths")[0] == "Join management  ✓ adopted"
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogPicker)
        assert "Subject-matter expert" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)


async def test_the_checklist_keeps_what_you_wrote_and_takes_what_you_type_on_a_tick(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "enter")  # Join management
        await pilot.pause()
        form = pilot.app.screen
        rows = list(form.query(".goal-row").results())
        own = rows[-2]  # the first blank row (the last is blank too)
        own.query_one(".goal-target", Input).focus()
        await type_text(pilot, "2 mentees")
        assert "✓" in str(own.query_one("KeepBox").render()), "text in the target keeps it"
        form.query_one("#start").focus()
        await pilot.press("enter", "down", "enter")  # level 2, then
        await pilot.pause()
        targets = [i.value for i in form.query(".goal-target").results(Input)]
        assert "2 mentees" in targets, "changing the level kept the row I wrote"
        box = form.query("KeepBox").last()
        box.focus()
        await type_text(pilot, "Board seat")
        assert pilot.app.focused is not box
        titles = [i.value for i in form.query(".goal-title").results(Input)]
        assert "Board seat" in titles


def _stepped_down_onto_a_done_level(store: AspireStore) -> tuple[Aspiration, Goal]:
    """Level 1 achieved, the bar raised to level 2: the person is there, about to step down."""
    from aspire_tui.domain.ladder import raise_bar

    a = management()
    lead = store.save_aspiration(dataclasses.replace(a, ladder=raise_bar(a.ladder, D)))
    assert lead.id is not None
    first = store.save_goal(Goal(lead.id, "Lead a project", Target.done(), D))
    talks = store.save_goal(Goal(lead.id, "Ask for feedback", Target.number(3, "talks"), D))
    assert first.id is not None and talks.id is not None
    store.save_checkin(CheckIn(first.id, D, 1))
    store.save_checkin(CheckIn(talks.id, D, 3))
    return lead, talks


async def test_after_a_step_down_the_climb_is_not_offered_until_the_level_is_worked_on(
    store: AspireStore, data_dir: Path
) -> None:
    from tests.conftest import TODAY

    _, talks = _stepped_down_onto_a_done_level(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "s")
        await pilot.pause()
        await type_text(pilot, "Too many meetings")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Stepped down to level 1" in detail_text(pilot.app)
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · 2/2 goals"]
        assert "Press u to raise the bar" not in detail_text(pilot.app)
        assert "u raises the bar again when you are ready" in detail_text(pilot.app)
        await pilot.press("u")  # asked for: the climb is there
        await pilot.pause()
        assert isinstance(pilot.app.screen, RaiseForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("3")  # Goals: the level is not pushed there either
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · 2/2 goals"]
    assert docs(data_dir, "aspirations")[0]["ladder"]["level"] == 0
    # The next day, a talk more on that level: the person is at work there again.
    next_day = date.fromordinal(TODAY.toordinal() + 1)
    async with make_app(store, today=next_day).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · 2/2 goals"]
        await pilot.press("3")
        await pilot.pause()
        rows = list_rows(pilot.app)
        at = next(i for i, row in enumerate(rows) if "Ask for feedback" in row)
        records = pilot.app.screen.query_one("#records")
        records.highlighted = at  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · ↑ raise the bar"]
        assert "Every goal of this level is achieved. Press u" in detail_text(pilot.app)
    assert [c["amount"] for c in docs(data_dir, "checkins") if c["goal_id"] == talks.id] == [3, 1]


async def test_after_a_step_down_completing_the_level_offers_the_climb(
    store: AspireStore, data_dir: Path
) -> None:
    from aspire_tui.domain.ladder import raise_bar, step_down

    a = management()
    ladder = step_down(raise_bar(a.ladder, D), date(2026, 6, 1), "Too much")
    lead = store.save_aspiration(dataclasses.replace(a, ladder=ladder))
    assert lead.id is not None
    talks = store.save_goal(Goal(lead.id, "Ask for feedback", Target.number(3, "talks"), D))
    assert talks.id is not None
    store.save_checkin(CheckIn(talks.id, D, 2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · 0/1 goals"]
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        offer = [m for m in notifications(pilot.app) if "raise the bar" in m]
        assert offer and "Every goal of level 1/5" in offer[0]
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/5 · ↑ raise the bar"]
