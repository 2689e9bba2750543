"""A pause until a day: asked when pausing, and on that day the aspiration comes back by
itself, dated that day in its history, for Home, the review and the prompt alike."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from aspire_tui.domain.glance import glance, standing
from aspire_tui.domain.ladder import LadderError, back_from_pause, pause
from aspire_tui.domain.models import Aspiration, Goal, Move, Target
from aspire_tui.domain.review import Cadence
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.decision_form import DecisionForm
from tests.conftest import TODAY, docs
from tests.ui_helpers import SIZE, list_rows, make_app, notifications, type_text

START = TODAY - timedelta(days=300)


def paused(until: date | None) -> Aspiration:
    a = Aspiration("Lead people", START)
    return dataclasses.replace(a, ladder=pause(a.ladder, START, "New baby", until))


def test_a_pause_comes_back_on_its_day_dated_that_day() -> None:
    until = START + timedelta(days=90)
    a = paused(until)
    assert a.ladder.paused and a.ladder.paused_until == until
    assert back_from_pause(a, until - timedelta(days=1)) is None
    back = back_from_pause(a, until + timedelta(days=30))
    assert back is not None and not back.paused and back.paused_until is None
    assert (back.history[-1].move, back.history[-1].on) == (Move.RESUMED, until)
    assert back_from_pause(paused(None), TODAY) is None, "a pause without a day waits for p"


def test_renaming_levels_keeps_the_day_a_pause_ends() -> None:
    """The aspiration form renames levels on every save (found by a review)."""
    from aspire_tui.domain.ladder import rename_levels

    a = paused(START + timedelta(days=90))
    renamed = rename_levels(a.ladder, ["First steps, renamed"], START + timedelta(days=1))
    assert renamed.paused_until == START + timedelta(days=90)


def test_a_pause_ends_on_a_day_to_come() -> None:
    with pytest.raises(LadderError):
        pause(Aspiration("Lead", START).ladder, START, "Tired", START)


def test_the_prompt_counts_it_in_play_from_that_day_before_anyone_writes_it() -> None:
    a = dataclasses.replace(paused(TODAY), id=1)
    goal = Goal(1, "Hire two people", Target.number(2), START, deadline=TODAY, id=1)
    before = glance([a], [goal], {}, [], TODAY - timedelta(days=1), Cadence.MONTHLY)
    assert before.goals == () and before.good_until == TODAY
    on_the_day = glance([a], [goal], {}, [], TODAY, Cadence.MONTHLY)
    assert [g.title for g in standing(on_the_day, TODAY).due_this_week] == ["Hire two people"]


async def test_pausing_asks_for_the_day_it_comes_back(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead people", START))
    back_on = TODAY + timedelta(days=60)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DecisionForm)
        await type_text(pilot, "New baby")
        await pilot.press("tab")
        await type_text(pilot, TODAY.isoformat())  # not a day to come
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DecisionForm), "refused, with the reason shown"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, back_on.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Lead people\nlevel 1/1 · paused"]
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["paused"] is True
    assert saved["ladder"]["paused_until"] == back_on.isoformat()


async def test_the_app_brings_it_back_when_its_day_has_come(
    store: AspireStore, data_dir: Path
) -> None:
    until = TODAY - timedelta(days=3)  # the day passed while Aspire was closed
    store.save_aspiration(paused(until))
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("Back from its pause: Lead people" in n for n in notifications(pilot.app))
    [saved] = docs(data_dir, "aspirations")
    assert saved["ladder"]["paused"] is False and saved["ladder"]["paused_until"] is None
    assert saved["ladder"]["history"][-1] == {
        "on": until.isoformat(),
        "move": "resumed",
        "level": 0,
        "reason": f"Paused until {until.isoformat()}",
    }


async def test_the_day_it_comes_back_is_shown_on_the_aspiration_and_home(
    store: AspireStore,
) -> None:
    from tests.ui_helpers import detail_text, screen_text

    back_on = TODAY + timedelta(days=60)
    store.save_aspiration(paused(back_on))
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"paused until {back_on.isoformat()}" in screen_text(pilot.app)
        await pilot.press("2")
        await pilot.pause()
        assert "it comes back then" in detail_text(pilot.app)
