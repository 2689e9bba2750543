"""The drivers self-assessment by keys: take it whole, leave and resume, read the profile and
adopt a path it recommends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Label, SelectionList

from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.models import Aspiration, Assessment, Driver
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.adopt_form import AdoptForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.screens.assessment import AssessmentScreen
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY, docs
from tests.ui_helpers import (
    SIZE,
    detail_text,
    footer_keys,
    list_rows,
    make_app,
    notifications,
    screen_text,
)

STATEMENTS = questionnaire().statements
TOTAL = len(STATEMENTS)


def title(app: object) -> str:
    return str(app.screen.query_one("#assessment-title", Label).visual)  # type: ignore[attr-defined]


async def test_take_the_whole_assessment_by_keys(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        assert footer_keys(pilot.app).get("Assessment") == "t"
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AssessmentScreen)
        assert title(pilot.app) == f"What drives you · statement 1 · 0 of {TOTAL} answered"
        # Autonomy and building always true, everything else sometimes.
        for statement in STATEMENTS:
            strong = statement.driver in (Driver.AUTONOMY, Driver.BUILDING)
            await pilot.press("6" if strong else "3")
        await pilot.pause()
        assert title(pilot.app) == "What drives you · last step"
        picks = pilot.app.screen.query_one("#picks", SelectionList)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AssessmentScreen), "three picks first"
        await pilot.press("space", "j", "space", "down", "space", "j", "space")  # j k as arrows
        await pilot.pause()
        assert len(picks.selected) == 3, "a fourth pick is refused"
        assert picks.highlighted == 3
        await pilot.press("k")
        assert picks.highlighted == 2
        assert any("Three at most" in m for m in notifications(pilot.app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        shown = detail_text(pilot.app)
        assert shown.index("Freedom to work your own way") < shown.index("A steady, secure income")
        assert "6.0 of 6  ★★ picked" in shown or "6.0 of 6  ★★★ picked" in shown
        assert "6.0 of 6  ★" in shown and not any(f"{n}.0 of 6" in shown for n in (7, 8, 9))
        rows = list_rows(pilot.app)
        assert rows[1].startswith("Drivers profile\ntop: freedom to work your own way")
        assert rows[3].startswith("1. ")
    [doc] = docs(data_dir, "assessments")
    assert doc["finished"] == TODAY.isoformat() and len(doc["answers"]) == len(STATEMENTS)
    assert len(doc["picks"]) == 3
    assert {doc["answers"][p] for p in doc["picks"]} == {6}, "the strongest answers come first"


async def test_leave_half_way_and_resume_where_you_were(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t", "4", "5", "2", "left")
        await pilot.pause()
        assert title(pilot.app) == f"What drives you · statement 3 · 3 of {TOTAL} answered"
        await pilot.press("6", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        assert f"3 of {TOTAL} answered: t carries on" in list_rows(pilot.app)[1]
    [doc] = docs(data_dir, "assessments")
    assert doc["finished"] is None
    assert list(doc["answers"].values()) == [4, 5, 6], "the changed answer replaced the old"
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert title(pilot.app) == f"What drives you · statement 4 · 3 of {TOTAL} answered"


async def test_resuming_goes_from_gap_to_gap_and_keeps_every_answer(
    store: AspireStore, data_dir: Path
) -> None:
    total = len(STATEMENTS)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t", *["2"] * 24, "right", *["3"] * 12, "escape", "t")
        await pilot.pause()
        assert title(pilot.app) == f"What drives you · statement 25 · 36 of {total} answered"
        await pilot.press("5")
        await pilot.pause()
        assert title(pilot.app) == f"What drives you · statement 38 · 37 of {total} answered"
        await pilot.press(*["5"] * (total - 37))
        await pilot.pause()
        assert title(pilot.app) == "What drives you · last step"
        kept = dict(pilot.app.screen.assessment.answers)  # type: ignore[attr-defined]
    [doc] = docs(data_dir, "assessments")
    ids = [s.id for s in STATEMENTS]
    for answers in (doc["answers"], kept):
        assert [answers[i] for i in ids[25:28]] == [3, 3, 3], "26-28 are never overwritten"
        assert [answers[i] for i in (ids[24], *ids[37:])] == [5] * (total - 36)
        assert [answers[i] for i in ids[:24]] == [2] * 24 and len(answers) == total


async def test_a_changed_answer_is_made_by_going_back(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t", "4", "5", "2", "left", "left")
        await pilot.pause()
        assert title(pilot.app).startswith("What drives you · statement 2 · 3 of")
        await pilot.press("6")
        await pilot.pause()
        assert title(pilot.app).startswith("What drives you · statement 4 · 3 of")
    [doc] = docs(data_dir, "assessments")
    assert list(doc["answers"].values()) == [4, 6, 2]


async def test_a_recommended_path_is_one_key_from_adopted(
    store: AspireStore, data_dir: Path
) -> None:
    answers = {
        s.id: 6 if s.driver in (Driver.LEADING, Driver.ACHIEVEMENT) else 2 for s in STATEMENTS
    }
    picks = tuple(s.id for s in STATEMENTS if s.driver is Driver.LEADING)[:3]
    store.save_assessment(Assessment(date(2026, 11, 1), answers, picks, date(2026, 11, 1)))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list_rows(pilot.app)
        assert rows[3].startswith("1. Join management\n   fits 6.0 · for leading people")
        await pilot.press("down", "down")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "Fits · 6.0 of 6" in shown
        assert (
            "Serves leading people (6.0) and recognition and getting ahead (6.0), which you want."
            in shown
        )
        assert "Press a to adopt it" in shown
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Press 2 to see it" in m for m in notifications(pilot.app))
        await pilot.press("2")
        await pilot.pause()
        assert detail_text(pilot.app).startswith("Join management")
    [saved] = docs(data_dir, "aspirations")
    assert saved["path"] == "management" and len(docs(data_dir, "goals")) == 3


async def test_statements_answered_after_going_back_can_be_picked(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t", "5", *["right"] * (len(STATEMENTS) - 1))
        await pilot.pause()
        picks = pilot.app.screen.query_one("#picks", SelectionList)
        assert picks.option_count == 1
        assert "Pick the 1 statement that feel" in str(
            pilot.app.screen.query_one("#statement").visual
        )
        await pilot.press("left", "6")  # answer the last statement after all
        await pilot.pause()
        assert picks.option_count == 2
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
    [doc] = docs(data_dir, "assessments")
    assert sorted(doc["answers"].values()) == [5, 6] and len(doc["picks"]) == 2


async def test_taking_it_again_and_adopting_again_are_asked_first(
    store: AspireStore, data_dir: Path
) -> None:
    answers = {s.id: 6 if s.driver is Driver.LEADING else 3 for s in STATEMENTS}
    store.save_assessment(Assessment(date(2026, 11, 1), answers, (), date(2026, 11, 1)))
    store.save_aspiration(Aspiration("Lead people", date(2026, 11, 2), path="management"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "earlier results are kept" in screen_text(pilot.app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        await pilot.press("down", "down", "a")  # the first path: Join management
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "already, as “Lead people”" in screen_text(pilot.app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AdoptForm)
    assert len(docs(data_dir, "assessments")) == 1
