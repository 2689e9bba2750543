"""The command palette's commands: every screen and every key by name, help, settings, the
review and the data actions, beside Textual's own (theme, keys, quit...).

One provider lists both, sorted by name as Textual's `SystemCommandsProvider` sorts its own,
so that the palette shows one list in a steady order; it takes that provider's place in
`App.COMMANDS`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape
from textual.screen import Screen

from aspire_tui.ui.host import AspireHost, host_of
from aspire_tui.ui.modes import screen_class
from aspire_tui.ui.navigation import MAIN_SCREENS
from aspire_tui.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from aspire_tui.ui.host import HostApp


class AspireCommands(Provider):
    """Textual's system commands and Aspire's, in one list."""

    def commands(self) -> list[SystemCommand]:
        return [
            *self.app.get_system_commands(self.screen),
            *aspire_commands(host_of(self.screen), self.screen),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in sorted(self.commands(), key=lambda c: c[0]):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.commands():
            if (match := matcher.match(name)) > 0:
                yield Hit(match, matcher.highlight(name), callback, help=help_text)


def aspire_commands(aspire: AspireHost, screen: Screen[object]) -> Iterable[SystemCommand]:
    """Aspire's own commands over `screen`: none while a dialog is open (answer it first);
    on a main screen, each screen and each of its keys that can act from here."""
    if not isinstance(screen, MainScreen):
        return
    app = screen.app
    for entry in MAIN_SCREENS:
        main_class = screen_class(entry.mode)
        key = escape(aspire.key_for_id(f"go.{entry.mode}"))
        yield SystemCommand(
            f"Go to {entry.name}",
            f"Switch to the {entry.name} screen ({key})",
            partial(aspire.action_go, entry.mode),
        )
        here = isinstance(screen, main_class)
        for binding in main_class.BINDINGS:
            if not (isinstance(binding, Binding) and binding.description and binding.id):
                continue
            if binding.action.startswith("app."):
                continue  # the app's own, listed once below
            if here and screen.check_action(binding.action, ()) is False:
                continue  # e.g. Resume for an aspiration that is not paused
            if not here and binding.action in main_class.NEEDS_SELECTION:
                continue  # acting on a highlighted entry the person cannot see
            yield SystemCommand(
                f"{entry.name}: {binding.tooltip or binding.description}",
                f"Key {escape(aspire.key_for(binding))} on the {entry.name} screen",
                partial(_run_on, app, entry.mode, binding.action),
            )
    help_key, settings_key = (
        escape(aspire.key_for_id("help")),
        escape(aspire.key_for_id("settings")),
    )
    yield SystemCommand(
        "Help: every key", f"Open the list of keys ({help_key})", partial(app.run_action, "help")
    )
    yield SystemCommand(
        "Settings",
        f"Theme, review cadence, backups to keep, where your data is ({settings_key})",
        partial(app.run_action, "settings"),
    )
    masked = bool(getattr(app, "masked", False))
    yield SystemCommand(
        "Privacy mask: show personal text again" if masked else "Privacy mask: hide personal text",
        f"For a shared screen: every title and note drawn as bars "
        f"({escape(aspire.key_for_id('mask'))} turns it on and off)",
        partial(app.run_action, "toggle_mask"),
    )
    yield SystemCommand(
        "Review: start or resume",
        f"Walk through your goals and aspirations ({escape(aspire.key_for_id('review'))})",
        aspire.action_review,
    )
    from aspire_tui.ui.data_actions import DataActions

    data = DataActions(cast("HostApp", app))
    yield SystemCommand("Data: back up now", "Keep a dated copy of your data", data.back_up_now)
    yield SystemCommand(
        "Data: restore a backup…", "Put an earlier copy back (keeps today's)", data.restore
    )
    yield SystemCommand(
        "Data: export career plan (Markdown)…",
        "A readable plan to share with a mentor",
        partial(data.export, "markdown"),
    )
    yield SystemCommand(
        "Data: export everything (JSON)…",
        "A complete backup you can import again",
        partial(data.export, "json"),
    )
    yield SystemCommand(
        "Data: import from a JSON export…", "Add records you do not have yet", data.import_file
    )
    yield SystemCommand(
        "Sync: changed on two computers…",
        "Records changed on two computers while apart: take the other version",
        data.conflicts,
    )


async def _run_on(app: App[object], mode: str, action: str) -> None:
    """A screen's key from the palette: go to the screen, then act there."""
    await host_of(app).action_go(mode)
    await app.screen.run_action(action)
