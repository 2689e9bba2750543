"""Nothing a person must read is cut off: small terminals keep help and quit in reach, and the
text a person chooses by is shown whole at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from aspire_tui.demo import populate
from aspire_tui.store import AspireStore
from tests.conftest import TODAY
from tests.ui_helpers import make_app, screen_lines, shows_whole


def demo_store(folder: Path) -> AspireStore:
    store = AspireStore.open(folder)
    populate(store, TODAY)
    return store


@pytest.mark.parametrize("key", ["0", "1", "2", "3"])
async def test_help_and_quit_stay_in_the_footer_at_60x20(tmp_path: Path, key: str) -> None:
    app = make_app(demo_store(tmp_path / "data"), start=None)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "? Help" in footer and "q Quit" in footer, footer
        assert ", Settings" in footer, footer


async def test_every_statement_to_pick_can_be_read_whole_at_80x24(tmp_path: Path) -> None:
    from textual.widgets import SelectionList

    from aspire_tui.domain.assessment import questionnaire

    statements = {s.id: s.text for s in questionnaire().statements}
    app = make_app(AspireStore.open(tmp_path / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press(*["5", "6", "4"] * (len(statements) // 3))
        await pilot.pause()
        picks = app.screen.query_one("#picks", SelectionList)
        assert picks.option_count == len(statements)
        for index in range(picks.option_count):
            picks.highlighted = index
            await pilot.pause()
            shown = statements[str(picks.get_option_at_index(index).value)]
            assert shows_whole(app, shown), shown
