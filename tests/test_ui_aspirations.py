"""Aspirations, driven by keys: choose from the catalog or write your own, archive, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.aspiration_form import AspirationForm
from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from tests.conftest import docs
from tests.ui_helpers import (
    SIZE,
    detail_text,
    footer_keys,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)


async def test_choose_own_a_business_from_the_catalog(store: AspireStore, data_dir: Path) -> None:
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
        assert "leading the whole organisation" not in screen_text(pilot.app)
        assert "whole organisation" in screen_text(pilot.app)
        await pilot.press("down", "down")
        await pilot.pause()
        assert "clients become your boss" in screen_text(pilot.app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationForm)
        await pilot.press("tab")
        await type_text(pilot, "Freedom to choose my clients")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
        assert list_rows(pilot.app) == ["Own a business\nno goals yet"]
        shown = detail_text(pilot.app)
        assert "Freedom to choose my clients" in shown and "Costs:" in shown
    [saved] = docs(data_dir, "aspirations")
    assert len(saved.pop("uid")) == 32
    assert saved == {
        "title": "Own a business",
        "created": "2026-11-27",
        "why": "Freedom to choose my clients",
        "path": "business",
        "status": "active",
    }


async def test_a_paths_name_is_a_suggestion_that_typing_replaces(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "down", "down", "enter")
        await pilot.pause()
        await type_text(pilot, "Run a bakery")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = docs(data_dir, "aspirations")
    assert (saved["title"], saved["path"]) == ("Run a bakery", "business")


async def test_write_your_own_aspiration(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot be empty" in str(pilot.app.screen.query_one("#title-error").visual)
        await type_text(pilot, "Lead a company")
        await pilot.press("enter")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead a company\nno goals yet"]
    [saved] = docs(data_dir, "aspirations")
    assert saved["title"] == "Lead a company" and saved["path"] is None


async def test_several_active_then_archive_and_restore(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead a team", D))
    store.save_aspiration(Aspiration("Become a CPA", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert list_rows(pilot.app) == [
            "Become a CPA\nno goals yet",
            "Archived",
            "Lead a team\nno goals yet",
        ]
        assert [d["status"] for d in docs(data_dir, "aspirations")] == ["archived", "active"]
        assert "archived" in detail_text(pilot.app)
        keys = footer_keys(pilot.app)
        assert keys.get("Restore") == "a" and "Archive" not in keys
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen), "no new goals on an archived one"
        assert any("restore it first" in m for m in notifications(pilot.app))
        await pilot.press("a")
        await pilot.pause()
        assert [d["status"] for d in docs(data_dir, "aspirations")] == ["active", "active"]


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
        await pilot.press("enter")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead a team\n0 of 1 goals achieved"]
        assert "Run a planning session" in detail_text(pilot.app)
    [goal] = docs(data_dir, "goals")
    assert goal["title"] == "Run a planning session" and goal["target"]["done_only"] is True
