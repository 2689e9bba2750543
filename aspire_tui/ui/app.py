"""The App: owns the store, switches between the three main screens, offers help and commands."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from aspire_tui.store import AspireStore
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from aspire_tui.ui.screens.goals import GoalsScreen
from aspire_tui.ui.screens.help import HelpScreen, Row
from aspire_tui.ui.screens.main import MainScreen
from aspire_tui.ui.screens.reflect import ReflectScreen

MAIN_SCREENS: dict[str, type[MainScreen]] = {
    "reflect": ReflectScreen,
    "aspirations": AspirationsScreen,
    "goals": GoalsScreen,
}
# Keys that would surprise a person if they fired from inside a dialog.
_MAIN_ONLY_ACTIONS = {"go", "help", "leave"}


class AspireApp(App[None]):
    TITLE = "Aspire"
    CSS_PATH = "app.tcss"
    MODES = MAIN_SCREENS  # type: ignore[assignment]
    DEFAULT_MODE = "reflect"
    BINDINGS = [
        Binding("1", "go('reflect')", "Reflect", id="go.reflect", show=False),
        Binding("2", "go('aspirations')", "Aspirations", id="go.aspirations", show=False),
        Binding("3", "go('goals')", "Goals", id="go.goals", show=False),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "leave", "Quit", id="quit"),
    ]

    def __init__(self, store: AspireStore, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self._today = today

    def today(self) -> date:
        """A fixed day in tests and screenshots; the real one otherwise."""
        return self._today or date.today()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _MAIN_ONLY_ACTIONS and isinstance(self.screen, ModalScreen):
            return False
        return True

    async def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)

    def action_leave(self) -> None:
        self.exit()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_sections(), str(self.store.path)))

    def key_sections(self) -> list[tuple[str, list[Row]]]:
        def rows(bindings: Iterable[Binding | tuple[str, ...]]) -> list[Row]:
            found = []
            for binding in bindings:
                if isinstance(binding, Binding) and binding.description:
                    found.append((self._keys(binding.key), binding.description))
            return found

        everywhere = rows(self.BINDINGS) + [
            ("ctrl+p", "Command palette: every action by name"),
            ("ctrl+q", "Quit, even from inside a text field"),
        ]
        lists = [
            ("↑ ↓  or  j k", "Move in a list"),
            ("enter", "Open: read the whole entry on the right"),
            ("escape", "Back to the list"),
        ]
        sections = [("Everywhere", everywhere), ("Lists", lists)]
        for screen in MAIN_SCREENS.values():
            sections.append((screen.LIST_TITLE.split()[0], rows(screen.BINDINGS)))
        sections.append(
            (
                "Dialogs and forms",
                [
                    ("tab / shift+tab", "Next / previous field"),
                    ("ctrl+s", "Save (enter does too in a one-line field)"),
                    ("escape", "Cancel and close"),
                    ("1-5, ← →", "Set a rating; 0 clears it"),
                    ("y / n", "Answer a confirmation"),
                ],
            )
        )
        return sections

    @staticmethod
    def _keys(key: str) -> str:
        names = {"question_mark": "?", "escape": "esc"}
        return " / ".join(names.get(k, k) for k in key.split(","))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, screen_class in MAIN_SCREENS.items():
            name = mode.capitalize()
            yield SystemCommand(
                f"Go to {name}", f"Switch to the {name} screen", partial(self.action_go, mode)
            )
            for binding in screen_class.BINDINGS:
                if isinstance(binding, Binding) and binding.description and binding.show:
                    yield SystemCommand(
                        f"{name}: {binding.description}",
                        f"Key {self._keys(binding.key)} on the {name} screen",
                        partial(self._run_on, mode, binding.action),
                    )
        yield SystemCommand("Help: every key", "Open the list of keys (?)", self.action_help)

    async def _run_on(self, mode: str, action: str) -> None:
        await self.action_go(mode)
        await self.screen.run_action(action)
