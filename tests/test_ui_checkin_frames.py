"""After a check-in, the screen comes back from under the dialog at once, and the work of
showing what the check-in changed (the goal's row, then its page and chart) is done in the
frames after, a step per frame: done all at once, with years of data, it held the screen
still for several frames (the frame that closes the dialog redraws the whole screen)."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from aspire_tui.domain.models import TargetKind
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.screens.goals import GoalsScreen
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app, type_text


def _record_screens(app: Any) -> list[tuple[str, str, str]]:
    """At each frame the app draws: the screen's name, the highlighted row and the page.
    (`App._display` is where Textual hands a frame to the terminal; no public hook exists,
    and the benchmark times frames the same way.)"""
    seen: list[tuple[str, str, str]] = []
    display = app._display

    def recorded(*args: object, **kwargs: object) -> None:
        display(*args, **kwargs)
        screen = app.screen
        if isinstance(screen, GoalsScreen):
            rows = screen.query_one("#records", OptionList)
            row = list_rows(app)[rows.highlighted or 0]
            seen.append(("goals", row, detail_text(app)))
        else:
            seen.append((type(screen).__name__, "", ""))

    app._display = recorded
    return seen


async def test_the_dialog_closes_in_a_frame_of_its_own_and_the_check_in_shows_after(
    store: AspireStore,
) -> None:
    populate(store, TODAY)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        for _ in range(40):  # down to a goal that counts up and is not achieved
            goal_id = screen.selected_id()
            state = app.goal_states().get(goal_id) if goal_id is not None else None
            if state and state.goal.target.kind is TargetKind.UP and not state.progress.achieved:
                break
            await pilot.press("j")
            await pilot.pause()
        row_before = list_rows(app)[screen.records.highlighted or 0]
        page_before = detail_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        await type_text(pilot, "1")
        frames = _record_screens(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        row_after = list_rows(app)[screen.records.highlighted or 0]
        page_after = detail_text(app)
        assert row_after != row_before and page_after != page_before  # it shows, in the end
        back = [f for f in frames if f[0] == "goals"]
        assert back, "no frame was drawn after the dialog closed"
        # the first frame back is the screen as it was: nothing waited on the check-in's work
        assert back[0][1:] == (row_before, page_before)
        # then the row, a frame before the page
        first_row = next(i for i, f in enumerate(back) if f[1] == row_after)
        assert back[first_row][2] == page_before
        assert back[-1][1:] == (row_after, page_after)


async def _log_one(pilot: Any, amount: str) -> None:
    await pilot.press("l")
    await pilot.pause()
    await type_text(pilot, amount)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_after_a_check_in_the_list_is_what_reading_it_all_again_shows(
    store: AspireStore,
) -> None:
    """Only the goal's own row is drawn again after a check-in where nothing else can have
    moved; in every order and when the goal is achieved, the list is the same as read whole."""
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
