"""After a check-in, the Goals list is what reading everything again shows, in every order
and when the check-in achieves the goal."""

from __future__ import annotations

from typing import Any

from aspire_tui.domain.models import TargetKind
from aspire_tui.store import AspireStore
from aspire_tui.ui.screens.goals import GoalsScreen
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, list_rows, make_app, type_text


async def _log_one(pilot: Any, amount: str) -> None:
    await pilot.press("l")
    await pilot.pause()
    await type_text(pilot, amount)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_after_a_check_in_the_list_is_what_reading_it_all_again_shows(
    store: AspireStore,
) -> None:
    """In every order, and when the goal is achieved, the list after a check-in is the same
    as read whole (a guard for any way of redrawing less after a check-in)."""
    populate(store, TODAY)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        for sort_presses in range(4):  # by aspiration, deadline, status, progress
            for _ in range(sort_presses):
                await pilot.press("o")
            await pilot.pause()
            for _ in range(40):
                goal_id = screen.selected_id()
                state = app.goal_states().get(goal_id) if goal_id is not None else None
                if (
                    state
                    and state.goal.target.kind is TargetKind.UP
                    and not state.progress.achieved
                ):
                    break
                await pilot.press("j")
                await pilot.pause()
            assert state is not None
            left = state.progress.target - state.progress.done - 0.5
            for amount in ("0.5", f"{left:g}"):  # a step, then the rest: achieved
                await _log_one(pilot, amount)
                shown = list_rows(app)
                highlighted = screen.records.highlighted
                screen.reload()
                await pilot.pause()
                assert list_rows(app) == shown
                assert screen.records.highlighted == highlighted
            for _ in range(4 - sort_presses):
                await pilot.press("o")  # back to by aspiration
            await pilot.pause()
