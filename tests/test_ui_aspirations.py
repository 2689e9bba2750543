"""Aspirations, driven by keys: choose from the catalog or write your own, archive, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.adopt_form import AdoptForm
from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from tests.conftest import docs
from tests.ui_helpers import (
    SIZE,
    detail_text,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)


async def test_own_a_business_shows_its_price_and_waits_for_a_reason(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert "No aspirations yet" in detail_text(pilot.app)
        await pilot.press("n")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, CatalogPicker)
        rows = list_rows(pilot.app, "#paths")
        assert rows[:3] == ["Join management", "Subject-matter expert", "Own a business"]
        assert rows[-1] == "Write your own…" and len(rows) >= 9
        assert "whole organisation" in screen_text(pilot.app)
        await pilot.press("down", "down")
        await pilot.pause()
        assert "clients become your boss" in screen_text(pilot.app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm)
        shown = screen_text(pilot.app)
        assert "The price: Your clients become your boss, income is uncertain" in shown
        assert "Your clients will become your boss" in shown
        assert "What makes it worth that to you?" in shown and "escaping" not in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm), "not active without a reason"
        error = str(pilot.app.screen.query_one("#why-error", Static).visual)
        assert "asks for your reason before it becomes active" in error
        assert docs(data_dir, "aspirations") == []
        await type_text(pilot, "Freedom to choose my clients")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert list_rows(pilot.app) == ["Own a business\nlevel 1/5 · 0/3 goals"]
        shown = detail_text(pilot.app)
        assert "Freedom to choose my clients" in shown and "Costs:" in shown
        assert "My reason (this path has a price)" in shown
    [saved] = docs(data_dir, "aspirations")
    assert len(saved.pop("uid")) == 32
    assert saved == {
        "title": "Own a business",
        "created": "2026-11-27",
        "why": "Freedom to choose my clients",
        "path": "business",
        "status": "active",
        "ladder": {
            "rungs": [
                "Validate an idea",
                "First paying client",
                "Income you can live on",
                "A team",
                "An established company",
            ],
            "level": 0,
            "paused": False,
            "paused_until": None,
            "history": [{"on": "2026-11-27", "move": "adopted", "level": 0, "reason": ""}],
        },
        "passions": [],
    }
    business = find_path("business")
    assert business is not None
    starters = [g.title for g in business.levels[0].goals]
    assert [g["title"] for g in docs(data_dir, "goals")] == starters
    assert {g["level"] for g in docs(data_dir, "goals")} == {0}


async def test_a_paths_name_is_a_suggestion_that_typing_replaces(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "down", "enter")
        await pilot.pause()
        await type_text(pilot, "Be the tax software expert")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = docs(data_dir, "aspirations")
    assert (saved["title"], saved["path"]) == ("Be the tax software expert", "expert")


async def test_write_your_own_with_its_own_ladder_and_goals(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert "cannot be empty" in str(form.query_one("#title-error", Static).visual)
        assert "at least one level" in str(form.query_one("#levels-error", Static).visual)
        form.query_one("#title").focus()
        await type_text(pilot, "Become a published novelist")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Write every week\nFinish a draft\nGet published")
        await pilot.press("tab", "tab")  # past the first row's box, into its title
        await type_text(pilot, "Write chapters")
        await pilot.press("tab")
        await type_text(pilot, "12 chapters")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Become a published novelist\nlevel 1/3 · 0/1 goals"]
        shown = detail_text(pilot.app)
        assert "Get published" in shown and "Write chapters" in shown
    [saved] = docs(data_dir, "aspirations")
    assert saved["path"] is None
    assert saved["ladder"]["rungs"] == ["Write every week", "Finish a draft", "Get published"]
    [goal] = docs(data_dir, "goals")
    assert (goal["title"], goal["target"]["amount"], goal["target"]["unit"]) == (
        "Write chapters",
        12,
        "chapters",
    )
    assert goal["level"] == 0


async def test_adopt_on_a_chosen_level_with_edited_starter_goals(
    store: AspireStore, data_dir: Path
) -> None:
    expert = find_path("expert")
    assert expert is not None
    third = expert.levels[2]
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "down", "enter")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Colleagues keep asking me")
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.pause()
        titles = [i.value for i in pilot.app.screen.query(".goal-title").results(Input)]
        assert titles[: len(third.goals)] == [g.title for g in third.goals]
        await pilot.press("space")  # the choice moved on to the first starter goal: untick it
        await pilot.press("tab", "tab", "tab", "tab")  # title, target, box, then title 2
        await pilot.press("end")
        await type_text(pilot, " this year")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert "Level 3/5" in detail_text(pilot.app)
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["level"] == 2
    goals = docs(data_dir, "goals")
    expected = [third.goals[1].title + " this year"] + [g.title for g in third.goals[2:]]
    assert [g["title"] for g in goals] == expected
    assert {g["level"] for g in goals} == {2}


async def test_several_active_then_archive_and_restore(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead a team", D))
    store.save_aspiration(Aspiration("Become a CPA", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Studying comes first this year")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == [
            "Become a CPA\nlevel 1/1 · no goals yet",
            "Archived",
            "Lead a team\nlevel 1/1 · archived",
        ]
        assert [d["status"] for d in docs(data_dir, "aspirations")] == ["archived", "active"]
        assert "archived" in detail_text(pilot.app)
        assert "Studying comes first this year" in detail_text(pilot.app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen), "no new goals on an archived one"
        assert any("restore it first" in m for m in notifications(pilot.app))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Studying comes first this year" in screen_text(pilot.app), "why it was archived"
        assert "Say why" in str(pilot.app.screen.query_one("#reason-error", Static).visual)
        await type_text(pilot, "Passed the exams")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [d["status"] for d in docs(data_dir, "aspirations")] == ["active", "active"]
    moves = [e["move"] for e in docs(data_dir, "aspirations")[0]["ladder"]["history"]]
    assert moves == ["archived", "restored"]


async def test_delete_asks_and_takes_the_goals_with_it(store: AspireStore, data_dir: Path) -> None:
    a = store.save_aspiration(Aspiration("Lead a team", D))
    g = store.save_goal(Goal(a.id or 0, "Hire", Target.number(2, "people"), D))
    store.save_checkin(CheckIn(g.id or 0, D, 1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "its 1 goal" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(docs(data_dir, "aspirations")) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert list_rows(pilot.app) == []
    assert docs(data_dir, "aspirations") == []
    assert docs(data_dir, "goals") == [] and docs(data_dir, "checkins") == []


async def test_edit_why_it_matters(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead a team", D, why="Money"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "e")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, " and growth")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Money and growth" in detail_text(pilot.app)
    assert docs(data_dir, "aspirations")[0]["why"] == "Money and growth"


async def test_add_goal_from_the_aspiration(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead a team", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        await type_text(pilot, "Run a planning session")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead a team\nlevel 1/1 · 0/1 goals"]
        assert "Run a planning session" in detail_text(pilot.app)
    [goal] = docs(data_dir, "goals")
    assert goal["title"] == "Run a planning session" and goal["target"]["done_only"] is True


@pytest.mark.parametrize(
    ("path", "asks"), [("cause", "Which cause is it"), ("challenge", "Which problem draws you")]
)
async def test_a_cause_or_a_hard_problem_asks_for_its_reason_as_a_business_does(
    store: AspireStore, data_dir: Path, path: str, asks: str
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        rows = list_rows(pilot.app, "#paths")
        name = {"cause": "Service to a cause", "challenge": "Pure challenge"}[path]
        await pilot.press(*["down"] * rows.index(name), "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm)
        assert asks in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm), "not active without a reason"
        assert docs(data_dir, "aspirations") == []
