"""Raise the bar: climb to the next level with its first goals, or name a higher one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from aspire_tui.domain.catalog import CatalogPath, StarterGoal
from aspire_tui.domain.models import Aspiration, Target
from aspire_tui.domain.validation import parse_title
from aspire_tui.ui.dialogs.decision_form import LOOK_BACK, look_back_field
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.dialogs.reason_form import optional_reason, required_reason
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.goal_checklist import GoalChecklist, checklist_errors
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


@dataclass(frozen=True)
class Raise:
    new_level: str | None
    """The name of a level added above the top first, when the person stands on the top."""
    reason: str
    goals: list[tuple[str, Target]]
    look_back: date
    """The day to ask how raising the bar went."""


def parse_level_name(text: str) -> str:
    return parse_title(text, "Level name")


def starter_goals(path: CatalogPath | None, level: int) -> tuple[StarterGoal, ...]:
    """The catalog's first goals for a level; levels a person added have none."""
    if path is None or level >= len(path.levels):
        return ()
    return path.levels[level].goals


class RaiseForm(FormDialog[Raise]):
    """`there` names the goals the next level has already (after a step down and back up),
    so its starter goals are not offered twice."""

    def __init__(
        self,
        aspiration: Aspiration,
        path: CatalogPath | None,
        done: int,
        total: int,
        there: list[str],
        today: date,
        reason: str = "",
        look_back: date | None = None,
    ) -> None:
        super().__init__("Raise the bar", "Climb")
        self.reason = reason
        self.today = today
        self.look_back = look_back
        self.aspiration = aspiration
        self.path = path
        self.done, self.total = done, total
        self.there = there

    @property
    def level_done(self) -> bool:
        return bool(self.total) and self.done == self.total

    def _message(self) -> Content:
        ladder = self.aspiration.ladder
        here = Content.assemble(
            f"You are on level {ladder.position()}, ", plain(ladder.current, "bold"), ". "
        )
        if self.level_done:
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
        known = {title.casefold() for title in self.there}
        goals = [
            g for g in starter_goals(self.path, ladder.level + 1) if g.title.casefold() not in known
        ]
        hint = "A number and a unit ('3 talks'), or empty for done / not done."
        if self.there:
            count = len(self.there)
            goals_word = "goal" if count == 1 else "goals"
            hint += f" The level has {count} {goals_word} already, kept as they are."
        yield from self.field("Goals for the new level", GoalChecklist(goals, id="goals"), hint)
        reason = PlainTextArea(self.reason, id="reason", classes="answer")
        if self.level_done:
            label, parse = "What tells you it is time? (optional)", optional_reason
        else:
            label = "This level is not finished: what tells you it is time?"
            parse = required_reason
        yield from self.field(label, reason, parse=parse)
        yield from look_back_field(self, self.today, self.look_back)

    def on_mount(self) -> None:
        first = "#level" if self.aspiration.ladder.at_top else "KeepBox"
        self.query(first).first().focus()

    def other_errors(self) -> list[FieldError]:
        found = checklist_errors(self.query_one(GoalChecklist))
        return [FieldError("goals", message, field) for message, field in found]

    def build(self, values: dict[str, Any]) -> Raise:
        goals = self.query_one(GoalChecklist).chosen()  # checked in other_errors
        return Raise(values.get("level"), values["reason"], goals, values[LOOK_BACK])
