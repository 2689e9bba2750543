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
    until: date | None = None
    """For a pause: the day it comes back by itself, if one was given."""


UNTIL = "until"


def parse_until(text: str, today: date) -> date | None:
    """A pause's end, as typed: none, or a real date after today."""
    from aspire_tui.domain.validation import ValidationError, parse_optional_date

    day = parse_optional_date(text, "Back on")
    if day is not None and day <= today:
        raise ValidationError(
            f"Back on a day after today ({today.isoformat()}), or leave it empty."
        )
    return day


class DecisionForm(FormDialog[Decided]):
    """Why, and when to look back: for a move that is a decision (step down, pause, let go)."""

    def __init__(
        self,
        heading: str | Content,
        message: Content,
        label: str,
        save_label: str,
        today: date,
        ask_until: bool = False,
    ) -> None:
        """`ask_until`: a pause, which may come back by itself on a day."""
        super().__init__(heading, save_label)
        self.message = message
        self.label = label
        self.today = today
        self.ask_until = ask_until
        self.until: date | None = None

    def compose_fields(self) -> Iterable[Widget]:
        yield Static(self.message, classes="reason-message")
        reason = PlainTextArea("", id="reason", classes="answer")
        yield from self.field(self.label, reason, parse=required_reason)
        if self.ask_until:
            yield from self.field(
                "Back on (optional)",
                PlainInput("", placeholder="YYYY-MM-DD", id=UNTIL),
                "The day it comes back by itself: Home and the next review bring it back. "
                "Empty: until you resume it (p).",
                parse=lambda text: parse_until(text, self.today),
            )
        yield from look_back_field(self, self.today)

    def on_mount(self) -> None:
        self.query_one("#reason").focus()

    def build(self, values: dict[str, Any]) -> Decided:
        self.until = values.get(UNTIL)
        return Decided(values["reason"], values[LOOK_BACK], self.until)
