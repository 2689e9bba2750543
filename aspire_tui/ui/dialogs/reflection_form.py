"""Write or edit a reflection: guided answers and how much each driver matters now."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from textual import on
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Select, TextArea

from aspire_tui.domain.journal import PROMPTS as JOURNAL_PROMPTS
from aspire_tui.domain.journal import QUESTIONS, SAME_QUESTION, parse_tags, prompt_of_the_day
from aspire_tui.domain.models import REFLECTION_DRIVERS, Aspiration, Reflection
from aspire_tui.domain.validation import (
    ValidationError,
    check_reflection,
    parse_date_so_far,
    parse_text,
)
from aspire_tui.presentation.text import one_line
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea
from aspire_tui.ui.widgets.rating import Rating

NO_PROMPT = ""


def parse_answer(text: str) -> str:
    return parse_text(text, "Answer")


class ReflectionForm(FormDialog[Reflection]):
    def __init__(
        self,
        today: date,
        reflection: Reflection | None = None,
        aspirations: Sequence[Aspiration] = (),
    ) -> None:
        super().__init__("Edit reflection" if reflection else "New reflection")
        self.original = reflection or Reflection(on=today, prompt=prompt_of_the_day(today))
        self.today = today
        self.aspirations = aspirations

    def compose_fields(self) -> Iterable[Widget]:
        r = self.original
        date_input = PlainInput(r.on.isoformat(), placeholder="YYYY-MM-DD", id="on")
        yield from self.field(
            "Date", date_input, parse=lambda text: parse_date_so_far(text, self.today, kept=r.on)
        )
        order = ("note", "want", "passions")
        for name, label, hint in sorted(QUESTIONS, key=lambda p: order.index(p[0])):
            area = PlainTextArea(getattr(r, name), id=name, classes="answer")
            if name == "note":
                area.add_class("long")
                label = r.prompt or label  # the prompt, right above the writing
            for widget in self.field(label, area, hint, parse=parse_answer):
                yield widget.add_class(f"question-{name}")
            if name == "note":
                yield from self._prompt_field()
        tags = PlainInput(", ".join(r.tags), placeholder="e.g. burnout, promotion", id="tags")
        yield from self.field("Tags (optional)", tags, "Separated by commas.", parse=parse_tags)
        choices = [(plain(one_line(a.title, 60)), a.id) for a in self.aspirations if a.id]
        about = Select(
            choices,
            value=r.aspiration_id if r.aspiration_id is not None else Select.NULL,
            allow_blank=True,
            prompt="None",
            id="about",
            compact=True,
        )
        yield from self.field("About an aspiration (optional)", about)
        yield Label(
            "How much does each matter to you now? (1-5: digits or ← →, 0 clears)",
            classes="field-label",
        )
        for driver in REFLECTION_DRIVERS:
            with Horizontal(classes="rating-row"):
                yield Label(driver.label, classes="rating-label")
                yield Rating(r.ratings.get(driver), id=f"rating-{driver.value}")

    def _prompt_field(self) -> Iterable[Widget]:
        r = self.original
        daily = prompt_of_the_day(self.today)
        # Options are Content: a stored prompt is user text (an import may carry any).
        prompts = [(Content(f"{daily}  (today's prompt)"), daily)]
        prompts += [(Content(p), p) for p in JOURNAL_PROMPTS if p != daily]
        if r.prompt and r.prompt not in JOURNAL_PROMPTS:
            prompts.append((plain(one_line(r.prompt, 80)), r.prompt))
        prompts.append((Content("No prompt: free writing"), NO_PROMPT))
        prompt = Select(prompts, value=r.prompt, allow_blank=False, id="prompt", compact=True)
        yield from self.field("Prompt", prompt, "Choose another to write from, or none.")

    @on(Select.Changed, "#prompt")
    def _prompt_chosen(self, event: Select.Changed) -> None:
        label = str(event.value) if event.value else QUESTIONS[2][1]
        self.query_one("#note-label", Label).update(label)
        self._ask_each_question_once(str(event.value or ""))

    def _ask_each_question_once(self, prompt: str) -> None:
        """The field that asks what the chosen prompt asks is hidden, unless something is
        written in it already (nothing written is ever hidden)."""
        for name, _, _ in QUESTIONS:
            if name == "note":
                continue
            repeated = SAME_QUESTION.get(prompt) == name
            written = bool(self.query_one(f"#{name}", TextArea).text.strip())
            self.query(f".question-{name}").set(display=not repeated or written)

    def after_choice(self, select: Select[Any]) -> Widget | None:
        """A prompt is chosen to write from: the cursor goes back to the writing."""
        return self.query_one("#note", TextArea) if select.id == "prompt" else None

    def on_mount(self) -> None:
        self._ask_each_question_once(self.original.prompt)
        self.query_one("#note", TextArea).focus()

    def build(self, values: dict[str, Any]) -> Reflection:
        ratings = {
            driver: value
            for driver in REFLECTION_DRIVERS
            if (value := self.query_one(f"#rating-{driver.value}", Rating).value) is not None
        }
        about = self.query_one("#about", Select).value
        reflection = dataclasses.replace(
            self.original,
            on=values["on"],
            want=values["want"],
            passions=values["passions"],
            note=values["note"],
            ratings=ratings,
            prompt=str(self.query_one("#prompt", Select).value or ""),
            tags=values["tags"],
            aspiration_id=about
            if isinstance(about := self.query_one("#about", Select).value, int)
            else None,
        )
        try:
            return check_reflection(reflection)
        except ValidationError as error:
            raise FieldError("note", str(error)) from None
