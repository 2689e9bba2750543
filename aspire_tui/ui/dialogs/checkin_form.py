"""Log progress on a goal: a date, how much, and a note."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input

from aspire_tui.domain.models import CheckIn, Goal
from aspire_tui.domain.validation import parse_checkin_amount, parse_date, parse_text
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.render import one_line
from aspire_tui.ui.widgets.plain_fields import PlainInput


def parse_note(text: str) -> str:
    return parse_text(text, "Note")


class CheckInForm(FormDialog[CheckIn]):
    def __init__(self, today: date, goal: Goal) -> None:
        verb = "Mark done" if goal.target.done_only else "Log progress"
        super().__init__(Content(f"{verb}: {one_line(goal.title, 50)}"))
        self.goal = goal
        self.today = today

    def compose_fields(self) -> Iterable[Widget]:
        date_input = PlainInput(self.today.isoformat(), placeholder="YYYY-MM-DD", id="on")
        yield from self.field("Date", date_input, parse=parse_date)
        if not self.goal.target.done_only:
            unit = one_line(self.goal.target.unit or "units", 40)
            yield from self.field(
                f"Progress to add ({unit})",
                PlainInput("", placeholder="e.g. 1", id="amount"),
                "Use a negative number to correct an earlier entry.",
                parse=parse_checkin_amount,
            )
        note = PlainInput("", placeholder="What happened?", id="note")
        yield from self.field("Note (optional)", note, parse=parse_note)

    def on_mount(self) -> None:
        self.query_one("#note" if self.goal.target.done_only else "#amount", Input).focus()

    def build(self, values: dict[str, Any]) -> CheckIn:
        assert self.goal.id is not None
        return CheckIn(
            goal_id=self.goal.id,
            on=values["on"],
            amount=values.get("amount", 1.0),
            note=values["note"],
        )
