"""What the first frame shows: the screen's content, laid out at the widths it will have."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from aspire_tui.store import AspireStore
from aspire_tui.ui.screens.main import MainScreen
from aspire_tui.ui.widgets.key_footer import KeyFooter
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import make_app


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20), (97, 31), (140, 40)])
async def test_the_widths_worked_out_before_layout_are_the_laid_out_ones(
    store: AspireStore, size: tuple[int, int]
) -> None:
    """Screens load before they are laid out, at widths worked out from the terminal's; if
    the styles change so that these are wrong, each screen would be drawn twice at start."""
    populate(store, TODAY)
    async with make_app(store, start=None).run_test(size=size) as pilot:
        for key in ("0", "1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, MainScreen)
            laid_out = (
                screen.records.scrollable_content_region.width,
                screen.query_one("#detail-pane").scrollable_content_region.width,
            )
            assert screen.estimated_widths() == laid_out, (key, size)


async def test_the_first_frame_has_the_content_and_the_keys(store: AspireStore) -> None:
    frames: list[tuple[str, tuple[str, ...]]] = []
    app = make_app(store, start=None)
    display = app._display

    def recorded(screen: object, update: object) -> None:
        display(screen, update)  # type: ignore[arg-type]
        if update is not None and not frames:
            detail = str(app.screen.query_one("#detail", Static).visual)
            footer = app.screen.query_one(KeyFooter)
            frames.append((detail, tuple(item.description for item in footer.items)))

    app._display = recorded  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    detail, keys = frames[0]
    assert "Welcome to Aspire" in detail
    assert {"New", "Help", "Quit"} <= set(keys)
