"""A decision's reason and the day to look back on it: the fields a step down, a pause or a
letting go asks for, and the look-back field the raise and reevaluate forms share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from aspire_tui.domain.decisions import months_later, parse_look_back
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.dialogs.reason_form import required_reason
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea

LOOK_BACK = "look_back"
LOOK_BACK_HINT = (
    "Three months on unless you change it: the day Home and the review ask how it went "
    "(year-month-day)."
)


def look_back_field(
    form: FormDialog[Any], today: date, initial: date | None = None, checked: bool = True
) -> Iterable[Widget]:
    """The "Look back on" field, three months on unless chosen. `checked`: the form refuses a
    day that is not after today (a form that asks it only for some decisions passes False and
    checks it itself)."""
    day = initial or months_later(today)
    widget = PlainInput(day.isoformat(), id=LOOK_BACK)
    parse = (lambda text: parse_look_back(text, today)) if checked else None
    for part in form.field("Look back on", widget, LOOK_BACK_HINT, parse=parse):
        part.add_class("look-back")
        yield part


@dataclass(frozen=True)
class Decided:
    reason: str
    look_back: date


class DecisionForm(FormDialog[Decided]):
    """Why, and when to look back: for a move that is a decision (step down, pause, let go)."""

    def __init__(
        self, heading: str | Content, message: Content, label: str, save_label: str, today: date
    ) -> None:
        super().__init__(heading, save_label)
        self.message = message
        self.label = label
        self.today = today

    def compose_fields(self) -> Iterable[Widget]:
        yield Static(self.message, classes="reason-message")
        reason = PlainTextArea("", id="reason", classes="answer")
        yield from self.field(self.label, reason, parse=required_reason)
        yield from look_back_field(self, self.today)

    def on_mount(self) -> None:
        self.query_one("#reason").focus()

    def build(self, values: dict[str, Any]) -> Decided:
        return Decided(values["reason"], values[LOOK_BACK])
