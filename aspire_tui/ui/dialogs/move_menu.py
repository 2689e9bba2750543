"""One menu for every move on an aspiration's ladder, each with the key that also works
directly on the screen."""

from __future__ import annotations

from typing import NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.record_list import RecordList


class MenuItem(NamedTuple):
    key: str
    action: str
    label: str
    hint: str
    enabled: bool = True


class MoveMenu(ModalScreen[str | None]):
    """Returns the chosen item's action, or None."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "choose('')", "Cancel", id="moves.cancel")]

    def __init__(self, title: str | Content, items: list[MenuItem]) -> None:
        super().__init__()
        self.title_text = title
        self.items = items
        self._keys = {item.key: item for item in items}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog menu"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            # A move that cannot be made now stays choosable, dimmed, with the reason as its
            # hint: choosing it says why, rather than doing nothing.
            options = [
                Option(
                    Content.assemble(
                        (f"{item.key}  ", "bold" if item.enabled else "dim"),
                        (item.label, "" if item.enabled else "dim"),
                        "\n   ",
                        (item.hint, "dim" if item.enabled else "dim italic"),
                    ),
                    id=item.action,
                )
                for item in self.items
            ]
            yield RecordList(*options, id="moves")
            yield Static("a key, or ↑ ↓ and enter · escape to go back", classes="field-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        moves = self.query_one("#moves", RecordList)
        moves.highlighted = next((i for i, item in enumerate(self.items) if item.enabled), None)
        moves.focus()

    def on_key(self, event: events.Key) -> None:
        item = self._keys.get(event.character or event.key)
        if item is not None:
            event.stop()
            self.dismiss(item.action)

    def action_choose(self, action: str) -> None:
        self.dismiss(action or None)

    @on(OptionList.OptionSelected, "#moves")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
