"""Write or edit a reflection: guided answers and how much each driver matters now."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, TextArea

from aspire_tui.domain.models import REFLECTION_DRIVERS, Reflection
from aspire_tui.domain.validation import ValidationError, check_reflection, parse_date, parse_text
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea
from aspire_tui.ui.widgets.rating import Rating

PROMPTS = (
    (
        "want",
        "What do you want out of your career?",
        "Recognition, balance, security, something else: no answer is wrong.",
    ),
    ("passions", "What are you passionate about?", "The work that makes you lose track of time."),
    (
        "note",
        "Anything else on your mind?",
        "A free note: a worry, a hope, a decision you are weighing.",
    ),
)


def parse_answer(text: str) -> str:
    return parse_text(text, "Answer")


class ReflectionForm(FormDialog[Reflection]):
    def __init__(self, today: date, reflection: Reflection | None = None) -> None:
        super().__init__("Edit reflection" if reflection else "New reflection")
        self.original = reflection or Reflection(on=today)

    def compose_fields(self) -> Iterable[Widget]:
        r = self.original
        date_input = PlainInput(r.on.isoformat(), placeholder="YYYY-MM-DD", id="on")
        yield from self.field("Date", date_input, parse=parse_date)
        for name, prompt, hint in PROMPTS:
            area = PlainTextArea(getattr(r, name), id=name, classes="answer")
            yield from self.field(prompt, area, hint, parse=parse_answer)
        yield Label(
            "How much does each matter to you now? (1-5: digits or ← →, 0 clears)",
            classes="field-label",
        )
        for driver in REFLECTION_DRIVERS:
            with Horizontal(classes="rating-row"):
                yield Label(driver.label, classes="rating-label")
                yield Rating(r.ratings.get(driver), id=f"rating-{driver.value}")

    def on_mount(self) -> None:
        self.query_one("#want", TextArea).focus()

    def build(self, values: dict[str, Any]) -> Reflection:
        ratings = {
            driver: value
            for driver in REFLECTION_DRIVERS
            if (value := self.query_one(f"#rating-{driver.value}", Rating).value) is not None
        }
        reflection = dataclasses.replace(
            self.original,
            on=values["on"],
            want=values["want"],
            passions=values["passions"],
            note=values["note"],
            ratings=ratings,
        )
        try:
            return check_reflection(reflection)
        except ValidationError as error:
            raise FieldError("want", str(error)) from None
