"""Reevaluate an aspiration: a short guided reflection that ends in one decision with a reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Select, Static

from aspire_tui.domain.assessment import DriverScore, recommend
from aspire_tui.domain.catalog import CatalogPath
from aspire_tui.domain.decisions import parse_look_back
from aspire_tui.domain.ladder import blocker
from aspire_tui.domain.models import Aspiration, Driver, Move
from aspire_tui.domain.validation import ValidationError, parse_text
from aspire_tui.presentation.text import one_line
from aspire_tui.ui.dialogs.decision_form import LOOK_BACK, look_back_field
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.dialogs.reason_form import required_reason
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.plain_fields import PlainTextArea

DECISIONS: tuple[tuple[Move, str], ...] = (
    (Move.REEVALUATED, "Keep going, as it is"),
    (Move.RAISED, "Raise the bar"),
    (Move.STEPPED_DOWN, "Step down a level"),
    (Move.PAUSED, "Pause it for now"),
    (Move.RESUMED, "Resume it"),
    (Move.LET_GO, "Let it go"),
)
LOOKED_BACK_ON = frozenset({Move.RAISED, Move.STEPPED_DOWN, Move.PAUSED, Move.LET_GO})
"""The decisions that get a day to look back on them; keeping on or resuming need none."""


def decision_label(aspiration: Aspiration, move: Move) -> str:
    """ "Keep going" reads wrong for an aspiration that is paused or set aside."""
    if move is Move.REEVALUATED and not aspiration.active:
        return "Leave it set aside"
    if move is Move.REEVALUATED and aspiration.ladder.paused:
        return "Keep it paused"
    return dict(DECISIONS)[move]


@dataclass(frozen=True)
class Reevaluation:
    decision: Move
    label: str
    reason: str
    still_mine: str
    learned: str
    look_back: date | None = None


def parse_answer(text: str) -> str:
    return parse_text(text, "Answer")


def drivers_now(path: CatalogPath | None, scores: dict[Driver, DriverScore] | None) -> str:
    if scores is None:
        return (
            "Take the drivers self-assessment (t on Reflect) to see how this sits with what "
            "drives you."
        )
    if path is None:
        return "A direction of your own: think of the drivers it serves and strains for you."
    found = recommend(scores, [path])
    return f"It {found[0].explanation()}." if found else "It serves none of your scored drivers."


class ReevaluateForm(FormDialog[Reevaluation]):
    def __init__(
        self,
        aspiration: Aspiration,
        path: CatalogPath | None,
        scores: dict[Driver, DriverScore] | None,
        today: date,
    ) -> None:
        super().__init__("Reevaluate", "Decide")
        self.today = today
        self.aspiration = aspiration
        self.path = path
        self.scores = scores

    def _situation(self) -> Content:
        a, path = self.aspiration, self.path
        priced = bool(path and path.needs_reason)
        parts: list[Content | str | tuple[str, str]] = [
            plain(one_line(a.title, 80), "bold"),
            f"  ·  level {a.ladder.position()}, ",
            plain(one_line(a.ladder.current, 60)),
            "\n\n",
            ("Your reason:" if priced else "Why it mattered to you:", "bold"),
            "\n",
            plain(a.why) if a.why.strip() else ("not written yet", "dim italic"),
        ]
        if path is not None and priced:
            parts += ["\n\n", ("The price: ", "bold"), path.costs]
        parts += ["\n\n", ("With your drivers now: ", "bold"), drivers_now(path, self.scores)]
        return Content.assemble(*parts)

    def compose_fields(self) -> Iterable[Widget]:
        yield Static(self._situation(), classes="reason-message")
        still = PlainTextArea("", id="still", classes="answer")
        yield from self.field("Is this still what you want?", still, parse=parse_answer)
        learned = PlainTextArea("", id="learned", classes="answer")
        yield from self.field("What have you learned on the way?", learned, parse=parse_answer)
        choices = [
            (decision_label(self.aspiration, move), move.value)
            for move, _ in DECISIONS
            if move is Move.REEVALUATED or not blocker(self.aspiration, move)
        ]
        decision = Select(choices, value=Move.REEVALUATED.value, allow_blank=False, id="decision")
        yield from self.field(
            "Your decision", decision, "Each acts on the aspiration and stays in its history."
        )
        reason = PlainTextArea("", id="reason", classes="answer")
        yield from self.field("Why?", reason, parse=required_reason)
        yield from look_back_field(self, self.today, checked=False)

    def on_mount(self) -> None:
        self.query_one("#still").focus()
        self._show_look_back()

    def _chosen(self) -> Move | None:
        chosen = self.query_one("#decision", Select).value
        return Move(chosen) if isinstance(chosen, str) else None

    @on(Select.Changed, "#decision")
    def _show_look_back(self) -> None:
        """The look-back day is asked only for a decision that gets one."""
        shown = self._chosen() in LOOKED_BACK_ON
        for part in self.query(".look-back"):
            if not part.has_class("field-error"):
                part.display = shown
            elif not shown:
                part.display = False

    def build(self, values: dict[str, Any]) -> Reevaluation:
        chosen = self.query_one("#decision", Select).value
        if not isinstance(chosen, str):
            raise FieldError("decision", "Choose what you decide.")
        move = Move(chosen)
        label = decision_label(self.aspiration, move)
        look_back = None
        if move in LOOKED_BACK_ON:
            try:
                look_back = parse_look_back(self._text(LOOK_BACK), self.today)
            except ValidationError as error:
                raise FieldError(LOOK_BACK, str(error)) from None
        return Reevaluation(
            move, label, values["reason"], values["still"], values["learned"], look_back
        )
