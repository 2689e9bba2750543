"""Moving through a list with j / k, no frame shows one record highlighted beside another's
page: the page (and a goal's chart) is drawn in the same frame as the list's new highlight,
not a frame later."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from aspire_tui.store import AspireStore
from aspire_tui.ui.screens.main import MainScreen
from aspire_tui.ui.widgets.progress_chart import ProgressChart
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import make_app


@pytest.mark.parametrize("screen_key", ["3", "2"])
async def test_no_frame_shows_the_list_ahead_of_the_page(
    store: AspireStore, screen_key: str
) -> None:
    populate(store, TODAY)
    app = make_app(store)
    mismatched: list[tuple[str, str]] = []
    frames = 0
    display = app._display

    def recorded(screen: object, update: object) -> None:
        nonlocal frames
        display(screen, update)  # type: ignore[arg-type]
        shown = app.screen
        if update is None or not isinstance(shown, MainScreen) or not watching:
            return
        record_id = shown.selected_id()
        if record_id is None:
            return
        frames += 1
        if screen_key == "3":
            title = store.goal(record_id).title  # type: ignore[union-attr]
            charts = shown.query(ProgressChart)
            chart = charts.first() if charts else None
            if chart is not None and chart.display and chart._drawn is not None:
                if chart._drawn[0].id != record_id:
                    mismatched.append((title, f"chart of goal {chart._drawn[0].id}"))
        else:
            title = store.aspiration(record_id).title  # type: ignore[union-attr]
        page = str(shown.query_one("#detail", Static).visual)
        if title[:40] not in page:
            mismatched.append((title, page.split("\n", 1)[0]))

    app._display = recorded  # type: ignore[method-assign]
    watching = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        watching = True
        for key in "jjjkkk":
            await pilot.press(key)
            await pilot.pause()
        watching = False
    assert frames >= 5
    assert mismatched == []
