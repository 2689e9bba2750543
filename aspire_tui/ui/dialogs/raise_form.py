"""Raise the bar: climb to the next level with its first goals, or name a higher one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from aspire_tui.domain.catalog import CatalogPath, StarterGoal
from aspire_tui.domain.models import Aspiration, Target
from aspire_tui.domain.validation import ValidationError, parse_title
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.dialogs.reason_form import optional_reason
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.goal_checklist import GoalChecklist
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


@dataclass(frozen=True)
class Raise:
    new_level: str | None
    """The name of a level added above the top first, when the person stands on the top."""
    reason: str
    goals: list[tuple[str, Target]]


def parse_level_name(text: str) -> str:
    return parse_title(text, "Level name")


def starter_goals(path: CatalogPath | None, level: int) -> tuple[StarterGoal, ...]:
    """The catalog's first goals for a level; levels a person added have none."""
    if path is None or level >= len(path.levels):
        return ()
    return path.levels[level].goals


class RaiseForm(FormDialog[Raise]):
    def __init__(self, aspiration: Aspiration, path: CatalogPath | None, done: int, total: int):
        super().__init__("Raise the bar", "Climb")
        self.aspiration = aspiration
        self.path = path
        self.done, self.total = done, total

    def _message(self) -> Content:
        ladder = self.aspiration.ladder
        here = Content.assemble(
            f"You are on level {ladder.position()}, ", plain(ladder.current, "bold"), ". "
        )
        if self.total and self.done == self.total:
            progress = "Every goal of this level is achieved: well done. "
        elif self.total:
            progress = (
                f"{self.done} of {self.total} goals of this level achieved; the rest stay "
                "on this level. "
            )
        else:
            progress = ""
        if ladder.at_top:
            top = "This is the top of the ladder, and there is always room higher: name it."
            return Content.assemble(here, progress, top)
        number = ladder.level + 2
        step = Content.assemble(f"Next: level {number}, ", plain(ladder.next_rung or "", "bold"))
        return Content.assemble(here, progress, step, ".")

    def compose_fields(self) -> Iterable[Widget]:
        ladder = self.aspiration.ladder
        yield Static(self._message(), classes="reason-message")
        if ladder.at_top:
            name = PlainInput("", placeholder="e.g. Lead a bigger organisation", id="level")
            yield from self.field("The higher level", name, parse=parse_level_name)
        goals = starter_goals(self.path, ladder.level + 1)
        yield from self.field(
            "Goals for the new level",
            GoalChecklist(goals, id="goals"),
            "A number and a unit ('3 talks'), or empty for done / not done.",
        )
        reason = PlainTextArea("", id="reason", classes="answer")
        yield from self.field(
            "What tells you it is time? (optional)", reason, parse=optional_reason
        )

    def on_mount(self) -> None:
        first = "#level" if self.aspiration.ladder.at_top else "KeepBox"
        self.query(first).first().focus()

    def build(self, values: dict[str, Any]) -> Raise:
        try:
            goals = self.query_one(GoalChecklist).chosen()
        except ValidationError as error:
            raise FieldError("goals", str(error)) from None
        return Raise(values.get("level"), values["reason"], goals)
