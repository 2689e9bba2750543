"""Add or edit a measurable goal under an aspiration."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Select

from aspire_tui.domain.models import Aspiration, Goal, Target
from aspire_tui.domain.validation import parse_optional_date, parse_target, parse_title
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import plain, target_field_text
from aspire_tui.ui.widgets.plain_fields import PlainInput


def parse_deadline(text: str) -> date | None:
    return parse_optional_date(text, "Deadline")


class GoalForm(FormDialog[Goal]):
    def __init__(
        self,
        today: date,
        aspirations: list[Aspiration],
        goal: Goal | None = None,
        aspiration_id: int | None = None,
    ) -> None:
        super().__init__("Edit goal" if goal else "New goal")
        self.aspirations = aspirations
        first = aspiration_id if aspiration_id is not None else aspirations[0].id
        self.original = goal or Goal(
            aspiration_id=first or 0, title="", target=Target.done(), created=today
        )

    def compose_fields(self) -> Iterable[Widget]:
        g = self.original
        options = [(plain(a.title), a.id) for a in self.aspirations]
        yield from self.field(
            "Aspiration",
            Select(
                options, value=g.aspiration_id, allow_blank=False, id="aspiration", compact=True
            ),
        )
        title = PlainInput(g.title, placeholder="e.g. Earn the CPA certificate", id="title")
        yield from self.field("Goal", title, parse=parse_title)
        target = PlainInput(
            target_field_text(g.target), placeholder="e.g. 3 certifications", id="target"
        )
        yield from self.field(
            "Target",
            target,
            "A number and a unit, such as '10 clients'. Leave empty for done / not done.",
            parse=parse_target,
        )
        deadline = PlainInput(
            g.deadline.isoformat() if g.deadline else "", placeholder="YYYY-MM-DD", id="deadline"
        )
        yield from self.field("Deadline (optional)", deadline, parse=parse_deadline)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def build(self, values: dict[str, Any]) -> Goal:
        aspiration_id = self.query_one("#aspiration", Select).value
        if not isinstance(aspiration_id, int):
            raise FieldError("aspiration", "Choose the aspiration this goal serves.")
        level = self.original.level
        if self.original.id is None or aspiration_id != self.original.aspiration_id:
            owner = next(a for a in self.aspirations if a.id == aspiration_id)
            level = owner.ladder.level  # a new goal serves the level its aspiration is on
        return dataclasses.replace(
            self.original,
            aspiration_id=aspiration_id,
            level=level,
            title=values["title"],
            target=values["target"],
            deadline=values["deadline"],
        )
