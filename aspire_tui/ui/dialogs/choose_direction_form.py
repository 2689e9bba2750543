"""Decide between the directions compared: which one (or none yet), why, and the day to look
back on it (the look-back field every decision shares). The entry itself is made by
`domain.comparison.choice_entry`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Select, Static

from aspire_tui.domain.comparison import Comparison
from aspire_tui.domain.validation import parse_text
from aspire_tui.ui.comparison_view import side_text
from aspire_tui.ui.dialogs.decision_form import LOOK_BACK, look_back_field
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import one_line
from aspire_tui.ui.widgets.plain_fields import PlainTextArea

NONE_YET = "none"


@dataclass(frozen=True)
class DirectionChoice:
    chosen: str | None
    """The key of the direction chosen, or None: none yet."""
    reason: str
    look_back: date


class ChooseDirectionForm(FormDialog[DirectionChoice]):
    def __init__(self, comparison: Comparison, today: date) -> None:
        super().__init__("Decide", "Keep in journal")
        self.comparison = comparison
        self.today = today

    def compose_fields(self) -> Iterable[Widget]:
        names = [side_text(s, one_line(s.name, 40)) for s in self.comparison.sides]
        yield Static(
            Content.assemble(("Compared: ", "dim"), Content(" · ").join(names)),
            classes="reason-message",
        )
        options = [(side_text(s, one_line(s.name, 60)), s.key) for s in self.comparison.sides]
        options.append((Content("None yet: I am still weighing them"), NONE_YET))
        chosen = Select(options, prompt="Choose…", id="chosen", compact=True)
        yield from self.field("Which direction?", chosen)
        why = PlainTextArea("", id="why", classes="answer")
        yield from self.field("Why?", why, parse=lambda text: parse_text(text, "Why"))
        yield from look_back_field(self, self.today)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#chosen").focus()

    def other_errors(self) -> list[FieldError]:
        if not isinstance(self.query_one("#chosen", Select).value, str):
            return [FieldError("chosen", "Choose one of the directions, or none yet.")]
        return []

    def build(self, values: dict[str, Any]) -> DirectionChoice:
        chosen = self.query_one("#chosen", Select).value
        assert isinstance(chosen, str)
        key = None if chosen == NONE_YET else chosen
        return DirectionChoice(key, values["why"], values[LOOK_BACK])
