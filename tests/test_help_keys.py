"""The help screen's list of keys is built in a module of its own, and lists what it always did."""

from __future__ import annotations

import json
from pathlib import Path

from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from tests.ui_helpers import SIZE, make_app

LISTED = json.loads((Path(__file__).parent / "fixtures" / "help_sections.json").read_text())
"""The help screen's sections before its content left the app."""


async def test_the_help_content_is_its_own_module_and_unchanged(store: AspireStore) -> None:
    from aspire_tui.ui.help_keys import key_sections

    assert not hasattr(AspireApp, "key_sections")
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        sections = key_sections(pilot.app)
    assert json.loads(json.dumps(sections)) == LISTED
