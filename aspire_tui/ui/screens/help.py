"""Every key in one place, read from the bindings themselves so it can never drift."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.navigation import PassesNavigation, navigation_bindings
from aspire_tui.ui.widgets.detail_pane import DetailPane
from aspire_tui.ui.widgets.key_footer import KeyFooter

Row = tuple[str, str]


class HelpScreen(PassesNavigation, ModalScreen[None]):
    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        # The key that opened help closes it: the same id, so a remap of `help` moves it too.
        Binding("question_mark", "close", "Close", show=False, id="help"),
        *navigation_bindings("app."),
    ]

    def __init__(self, sections: Iterable[tuple[str, list[Row]]], data_file: str) -> None:
        super().__init__()
        self.sections = list(sections)
        self.data_file = data_file

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Keys", classes="dialog-title")
            with DetailPane(id="help-body"):
                yield Static(self._content())
            yield Static("↑ ↓ or j k scroll · escape closes", classes="field-hint")
        yield KeyFooter()

    def _content(self) -> Content:
        parts: list[Content | str | tuple[str, str]] = []
        width = max((len(key) for _, rows in self.sections for key, _ in rows), default=0) + 2
        for title, rows in self.sections:
            parts += [(title, "bold $text-accent"), "\n"]
            for key, description in rows:
                parts += [(f"  {key:<{width}}", "bold"), description, "\n"]
            parts.append("\n")
        parts += [("Your data", "bold $text-accent"), "\n  ", Content(self.data_file), "\n"]
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
