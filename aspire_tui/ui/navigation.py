"""The three main screens: their modes, keys and names, defined once for the app, the nav bar,
the help screen, the command palette and the dialogs that let navigation through."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class MainScreenEntry(NamedTuple):
    key: str
    mode: str
    name: str


MAIN_SCREENS = (
    MainScreenEntry("1", "reflect", "Reflect"),
    MainScreenEntry("2", "aspirations", "Aspirations"),
    MainScreenEntry("3", "goals", "Goals"),
)


def navigation_bindings(namespace: str = "") -> list[Binding]:
    """1 2 3 and q. Textual stops app bindings at a modal screen, so a dialog with nothing to
    lose (help, the catalog) carries these itself, with namespace "app."."""
    return [
        *(
            Binding(e.key, f"{namespace}go('{e.mode}')", e.name, id=f"go.{e.mode}", show=False)
            for e in MAIN_SCREENS
        ),
        Binding("q", f"{namespace}leave", "Quit", id="quit"),
    ]


class PassesNavigation:
    """Marks a dialog that 1 2 3 may close on the way to another screen."""

    PASSES_NAVIGATION = True
