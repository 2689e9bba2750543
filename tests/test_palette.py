"""The command palette: Aspire's commands come from a command provider of their own, and the
palette lists, on each main screen, what it always listed, in the same order."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual.app import App

from aspire_tui.domain.models import Aspiration
from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from tests.ui_helpers import SIZE, make_app, open_palette

LISTED = json.loads((Path(__file__).parent / "fixtures" / "palette_listing.json").read_text())
"""What the palette listed on each main screen before the commands moved into a provider."""


def test_aspire_commands_are_a_command_provider_of_their_own() -> None:
    from aspire_tui.ui.commands import AspireCommands

    assert AspireCommands in AspireApp.COMMANDS
    assert AspireApp.get_system_commands is App.get_system_commands, "not the app's job"


@pytest.mark.parametrize("mode", ["home", "reflect", "aspirations", "goals"])
async def test_the_palette_lists_what_it_always_did(store: AspireStore, mode: str) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    async with make_app(store, start=mode).run_test(size=SIZE) as pilot:
        await pilot.pause()
        listed = await open_palette(pilot)
    assert listed == [tuple(row) for row in LISTED[mode]]
