"""Log progress on a goal, or correct a check-in: a date, how much (or which milestone), a note."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select

from aspire_tui.domain.check_ins import start_moved_back
from aspire_tui.domain.models import CheckIn, Goal, TargetKind
from aspire_tui.domain.progress import format_amount
from aspire_tui.domain.validation import (
    parse_checkin_amount,
    parse_date_so_far,
    parse_reading,
    parse_text,
)
from aspire_tui.store import StoreError
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import dates_of, one_line, plain
from aspire_tui.ui.widgets.plain_fields import PlainInput


def parse_note(text: str) -> str:
    return parse_text(text, "Note")


class CheckInForm(FormDialog[CheckIn]):
    def __init__(
        self,
        today: date,
        goal: Goal,
        checkin: CheckIn | None = None,
        done_milestones: frozenset[str] = frozenset(),
        check: Callable[[CheckIn], None] | None = None,
    ) -> None:
        """`checkin` is the one being corrected, if any; `done_milestones` are not offered;
        `check` raises StoreError if the store would refuse the check-in."""
        kind = goal.target.kind
        verb = "Mark done" if kind is TargetKind.DONE else "Log progress"
        if checkin is not None:
            verb = "Correct a check-in"
        super().__init__(Content.assemble(f"{verb}: ", plain(one_line(goal.title, 50))))
        self.goal = goal
        self.today = today
        assert goal.id is not None
        self.original = checkin or CheckIn(goal_id=goal.id, on=today, amount=1.0)
        self.done_milestones = done_milestones - {self.original.milestone}
        self.check = check
        self.start_moved_to: date | None = None
        """A day before the goal's start that the person agreed to move the start back to;
        whoever saves the check-in moves it (`AspireStore.log_checkin`)."""

    def compose_fields(self) -> Iterable[Widget]:
        c = self.original
        kind = self.goal.target.kind
        yield from self.field(
            "Date",
            PlainInput(c.on.isoformat(), placeholder="YYYY-MM-DD", id="on"),
            parse=lambda text: parse_date_so_far(text, self.today, kept=c.on),
        )
        unit = plain(one_line(self.goal.target.unit, 40)) if self.goal.target.unit else "units"
        amount = format_amount(c.amount) if c.id is not None else ""
        if kind is TargetKind.HABIT and c.id is None:
            amount = "1"  # a habit is mostly logged once at a time
        if kind is TargetKind.UP or kind is TargetKind.HABIT:
            yield from self.field(
                Content.assemble("Progress to add (", unit, ")"),
                PlainInput(amount, placeholder="e.g. 1", id="amount"),
                "Use a negative number to correct an earlier entry.",
                parse=parse_checkin_amount,
            )
        elif kind is TargetKind.DOWN:
            # A correction is of a reading taken then, not of where it stands today.
            when = f"stood on {dates_of(self).long(c.on)}" if c.id is not None else "stands now"
            yield from self.field(
                Content.assemble(f"Where it {when} (", unit, ")"),
                PlainInput(amount, placeholder="e.g. 12", id="amount"),
                f"Aiming for {format_amount(self.goal.target.amount)}.",
                parse=parse_reading,
            )
        elif kind is TargetKind.MILESTONES:
            left = [m for m in self.goal.target.milestones if m not in self.done_milestones]
            yield from self.field(
                "Milestone reached",
                Select(
                    [(plain(m), m) for m in left],
                    value=c.milestone
                    if c.milestone in left
                    else (left[0] if left else Select.NULL),
                    allow_blank=not left,
                    id="milestone",
                    compact=True,
                ),
            )
        note = PlainInput(c.note, placeholder="What happened?", id="note")
        yield from self.field("Note (optional)", note, parse=parse_note)

    def on_mount(self) -> None:
        super().on_mount()
        measured = (TargetKind.UP, TargetKind.DOWN, TargetKind.HABIT)
        focus = "#amount" if self.goal.target.kind in measured else "#note"
        self.query_one(focus, Input).focus()

    def build(self, values: dict[str, Any]) -> CheckIn:
        milestone = ""
        if self.goal.target.kind is TargetKind.MILESTONES:
            chosen = self.query_one("#milestone", Select).value
            if not isinstance(chosen, str):
                raise FieldError("milestone", "Every milestone is done already.")
            milestone = chosen
        checkin = dataclasses.replace(
            self.original,
            on=values["on"],
            amount=values.get("amount", 1.0),
            note=values["note"],
            milestone=milestone,
        )
        if self.check is not None:
            try:
                self.check(checkin)
            except StoreError as error:
                field = "amount" if self.query("#amount") else "on"
                raise FieldError(field, str(error)) from None
        if start_moved_back(self.goal, checkin.on) and self.start_moved_to != checkin.on:
            self._ask_to_move_start(checkin.on)
            raise FieldError(
                "on",
                f"{dates_of(self).short(checkin.on)} is before the goal starts "
                f"({dates_of(self).short(self.goal.begins)}).",
            )
        return checkin

    def _ask_to_move_start(self, day: date) -> None:
        """Progress before the start would disagree with the pace line: move the start back,
        or stay here to fix the date."""
        question = Content(
            f"Move the goal's start back to {dates_of(self).short(day)}? "
            f"It starts on {dates_of(self).short(self.goal.begins)}"
            ", and its pace line should begin with its first progress."
        )

        def answered(move: bool | None) -> None:
            if move:
                self.start_moved_to = day
                self.action_save()

        self.app.push_screen(
            ConfirmDialog("Before the goal starts", question, "Move it back", "Fix the date"),
            answered,
        )
