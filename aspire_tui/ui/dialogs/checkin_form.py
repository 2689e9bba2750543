"""Log progress on a goal: a date, how much, and a note."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input

from aspire_tui.domain.models import CheckIn, Goal
from aspire_tui.domain.validation import (
    parse_checkin_amount,
    parse_date,
    parse_text,
)
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.render import one_line
from aspire_tui.ui.widgets.plain_fields import PlainInput


class CheckInForm(FormDialog[CheckIn]):
    def __init__(self, today: date, goal: Goal) -> None:
        verb = "Mark done" if goal.target.done_only else "Log progress"
        super().__init__(Content(f"{verb}: {one_line(goal.title, 50)}"))
        self.goal = goal
        self.today = today

    def compose_fields(self) -> Iterable[Widget]:
        yield from self.field(
            "Date",
            PlainInput(self.today.isoformat(), placeholder="YYYY-MM-DD", id="on", compact=True),
        )
        if not self.goal.target.done_only:
            unit = self.goal.target.unit or "units"
            yield from self.field(
                f"How many {unit}?",
                PlainInput("", placeholder="e.g. 1", id="amount", compact=True),
                "Use a negative number to correct an earlier entry.",
            )
        yield from self.field(
            "Note (optional)", PlainInput("", placeholder="What happened?", id="note", compact=True)
        )

    def on_mount(self) -> None:
        self.query_one("#note" if self.goal.target.done_only else "#amount", Input).focus()

    def build(self) -> CheckIn:
        on = self._parse("on", parse_date)
        amount = 1.0
        if not self.goal.target.done_only:
            amount = self._parse("amount", parse_checkin_amount)
        note = self._parse("note", lambda text: parse_text(text, "Note"))
        assert self.goal.id is not None
        return CheckIn(goal_id=self.goal.id, on=on, amount=amount, note=note)
