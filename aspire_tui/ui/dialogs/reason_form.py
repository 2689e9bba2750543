"""Ask for the one line a move on the ladder needs: a reason, or a level's name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from aspire_tui.domain.validation import ValidationError, parse_text
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


def required_reason(text: str) -> str:
    reason = parse_text(text, "Reason")
    if not reason:
        raise ValidationError("Say why, in a line: it is what you will read when you look back.")
    return reason


def optional_reason(text: str) -> str:
    return parse_text(text, "Reason")


class ReasonForm(FormDialog[str]):
    """Returns the parsed text; `parse` decides what is acceptable (a reason by default)."""

    def __init__(
        self,
        heading: str | Content,
        message: Content,
        label: str,
        save_label: str,
        *,
        parse: Callable[[str], str] = required_reason,
        one_line: bool = False,
        initial: str = "",
    ) -> None:
        super().__init__(heading, save_label)
        self.initial = initial
        self.message = message
        self.label = label
        self.parse = parse
        self.one_line = one_line

    def compose_fields(self) -> Iterable[Widget]:
        yield Static(self.message, classes="reason-message")
        widget = (
            PlainInput(self.initial, id="reason")
            if self.one_line
            else PlainTextArea(self.initial, id="reason", classes="answer")
        )
        yield from self.field(self.label, widget, parse=self.parse)

    def on_mount(self) -> None:
        self.query_one("#reason").focus()

    def build(self, values: dict[str, Any]) -> str:
        return str(values["reason"])
