"""Driving the app through Pilot the way a person would, and reading what it shows."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from tests.conftest import TODAY

SIZE = (100, 30)


def make_app(store: AspireStore, today: date = TODAY) -> AspireApp:
    return AspireApp(store, today=today)


async def type_text(pilot: Pilot, text: str) -> None:
    """Press one key per character, as a keyboard would send them."""
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(ch, ch) for ch in text])
    await pilot.pause()


async def clear_field(pilot: Pilot) -> None:
    """Empty the focused one-line field."""
    await pilot.press("end", "ctrl+u")


def detail_text(app: App) -> str:
    return str(app.screen.query_one("#detail", Static).visual)


def list_rows(app: App, selector: str = "#records") -> list[str]:
    options = app.screen.query_one(selector, OptionList).options
    return [str(option._visual or option.prompt) for option in options]


def screen_text(app: App) -> str:
    """All the text the current screen's Statics, Labels and lists show."""
    parts = [str(w.visual) for w in app.screen.query(Static)]
    for option_list in app.screen.query(OptionList):
        parts += [str(o.prompt) for o in option_list.options]
    return "\n".join(parts)


def notifications(app: App) -> list[str]:
    return [n.message for n in app._notifications]
