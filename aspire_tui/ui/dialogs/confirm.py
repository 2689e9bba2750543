"""Ask before anything is destroyed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.render import key_of
from aspire_tui.ui.widgets.key_footer import KeyFooter


class ConfirmDialog(ModalScreen[bool]):
    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self,
        title: str | Content,
        message: Content,
        confirm_label: str = "Delete",
        keep_label: str = "Keep it",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.confirm_label = confirm_label
        self.keep_label = keep_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, classes="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yes, no = (key_of(self.app, self.BINDINGS, f"confirm.{n}") for n in ("yes", "no"))
                yield Button(Content(f"{self.confirm_label} ({yes})"), variant="error", id="yes")
                yield Button(Content(f"{self.keep_label} ({no})"), id="no")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
