"""How did it go? A decision come back, with what was written at the time and how the
drivers moved since; the answer goes in the journal, linked to the decision."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from aspire_tui.domain.decisions import LOOK_BACK_PROMPT
from aspire_tui.domain.validation import ValidationError, parse_text
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainTextArea


def parse_answer(text: str) -> str:
    answer = parse_text(text, "Answer")
    if not answer:
        raise ValidationError("How did it go? A line is enough: it is kept with the decision.")
    return answer


class LookBackForm(FormDialog[str]):
    """Returns the answer; `shown` is the decision as `look_back_view` describes it."""

    def __init__(self, shown: Content) -> None:
        super().__init__("Look back", "Keep")
        self.shown = shown

    def compose_fields(self) -> Iterable[Widget]:
        yield Static(self.shown, classes="reason-message")
        answer = PlainTextArea("", id="answer", classes="short-answer")
        yield from self.field(LOOK_BACK_PROMPT, answer, parse=parse_answer)

    def on_mount(self) -> None:
        self.query_one("#answer").focus()

    def build(self, values: dict[str, Any]) -> str:
        return str(values["answer"])
