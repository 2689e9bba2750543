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
    MainScreenEntry("0", "home", "Home"),
    MainScreenEntry("1", "reflect", "Reflect"),
    MainScreenEntry("2", "aspirations", "Aspirations"),
    MainScreenEntry("3", "goals", "Goals"),
)


def navigation_bindings(namespace: str = "") -> list[Binding]:
    """0 (or h) 1 2 3, and q on the main screens. Textual stops app bindings at a modal screen, so a
    dialog with nothing to lose (help, the catalog) carries 1 2 3 itself, with namespace
    "app."; there q is left out, because closing a dialog is escape and q should not surprise."""
    bindings = [
        Binding(
            f"{e.key},h" if e.mode == "home" else e.key,
            f"{namespace}go('{e.mode}')",
            e.name,
            id=f"go.{e.mode}",
            show=False,
        )
        for e in MAIN_SCREENS
    ]
    if not namespace:
        bindings.append(Binding("q", "leave", "Quit", id="quit"))
    return bindings


class PassesNavigation:
    """Marks a dialog that 1 2 3 may close on the way to another screen."""

    PASSES_NAVIGATION = True
