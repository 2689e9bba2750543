"""The main screens' classes by mode, imported only when first needed: importing every screen
and its dialogs up front would slow the first frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from aspire_tui.ui.screens.main import MainScreen


def screen_class(mode: str) -> type[MainScreen]:
    """A main screen's class (`navigation.MAIN_SCREENS` names the modes)."""
    if mode == "home":
        from aspire_tui.ui.screens.home import HomeScreen

        return HomeScreen
    if mode == "reflect":
        from aspire_tui.ui.screens.reflect import ReflectScreen

        return ReflectScreen
    if mode == "aspirations":
        from aspire_tui.ui.screens.aspirations import AspirationsScreen

        return AspirationsScreen
    from aspire_tui.ui.screens.goals import GoalsScreen

    return GoalsScreen


def screen_maker(mode: str) -> Callable[[], Screen[Any]]:
    """What `App.MODES` takes: a callable that makes the screen (not the class, imported late)."""
    return lambda: screen_class(mode)()
