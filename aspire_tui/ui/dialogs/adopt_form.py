"""Adopt an aspiration: name it, say why, choose the level to start on and its first goals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from aspire_tui.domain.catalog import CatalogPath
from aspire_tui.domain.ladder import adopt, parse_levels
from aspire_tui.domain.models import Aspiration, Target
from aspire_tui.domain.validation import ValidationError, parse_text, parse_title
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.widgets.goal_checklist import GoalChecklist, checklist_errors
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


@dataclass(frozen=True)
class Adoption:
    aspiration: Aspiration
    goals: list[tuple[str, Target]]


def why_parser(path: CatalogPath | None) -> Any:
    """A path with a real price will not be adopted until its owner says why it is worth it."""

    def parse(text: str) -> str:
        why = parse_text(text, "Why it matters")
        if path is not None and path.needs_reason and not why:
            raise ValidationError(
                f"{path.name} asks for your reason before it becomes active: "
                f"{path.reason_prompt[0].lower()}{path.reason_prompt[1:]}"
            )
        return why

    return parse


def price(path: CatalogPath | None) -> Iterable[Widget]:
    """A path with a real price says so before anything else is asked."""
    if path is not None and path.needs_reason:
        yield Static(f"The price: {path.costs}", classes="price", markup=False)


def why_fields(form: FormDialog[Any], path: CatalogPath | None, why: str) -> Iterable[Widget]:
    if path is not None and path.needs_reason:
        label = path.reason_prompt
    else:
        label = "Why does it matter to you?"
    area = PlainTextArea(why, id="why", classes="answer")
    yield from form.field(label, area, parse=why_parser(path))


class AdoptForm(FormDialog[Adoption]):
    def __init__(self, today: date, path: CatalogPath | None) -> None:
        super().__init__(f"Adopt: {path.name}" if path else "A direction of your own", "Adopt")
        self.today = today
        self.path = path

    def compose_fields(self) -> Iterable[Widget]:
        path = self.path
        if path:
            yield Static(path.summary, classes="field-hint path-summary", markup=False)
        yield from price(path)
        title = PlainInput(
            path.name if path else "",
            placeholder="e.g. Lead a product team",
            id="title",
            select_on_focus=path is not None,  # the path's name is a suggestion
        )
        yield from self.field(
            "Your aspiration",
            title,
            "Bold and a little vague is fine: it is a direction, not a goal. Make it yours.",
            parse=parse_title,
        )
        yield from why_fields(self, path, "")
        if path:
            levels = [(f"{n}. {level.name}", n - 1) for n, level in enumerate(path.levels, 1)]
            start = Select(levels, value=0, allow_blank=False, id="start", compact=True)
            yield from self.field("Start on level", start, "Where you stand today.")
            starters = path.levels[0].goals
        else:
            levels_area = PlainTextArea("", id="levels", classes="answer")
            yield from self.field(
                "Levels, lowest first, one per line",
                levels_area,
                "Where you start, then each bigger step: 'Write every week', 'Finish a draft', "
                "'Get published'. You can add levels above the top later.",
                parse=parse_levels,
            )
            starters = ()
        yield from self.field(
            "First goals",
            GoalChecklist(starters, id="goals"),
            "Measurable steps for this level: a number and a unit ('3 talks'), or empty for "
            "done / not done. Untick any you do not want; add your own below.",
        )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    _offered = 0
    """The level whose starter goals the checklist offers."""

    def after_choice(self, select: Select[Any]) -> Widget | None:
        """A new start level replaces the checklist's rows: the cursor waits on the dropdown
        until they are there (`_level_chosen` moves it on), never on a row being taken away."""
        if select.id == "start" and select.value != self._offered:
            return select
        return None

    @on(Select.Changed, "#start")
    async def _level_chosen(self, event: Select.Changed) -> None:
        if self.path is not None and isinstance(event.value, int):
            await self.query_one(GoalChecklist).offer(self.path.levels[event.value].goals)
            self._offered = event.value
            if self.focused is event.select:  # chosen here: on to the level's first goal
                self.focus_next()

    def other_errors(self) -> list[FieldError]:
        found = checklist_errors(self.query_one(GoalChecklist))
        return [FieldError("goals", message, field) for message, field in found]

    def build(self, values: dict[str, Any]) -> Adoption:
        if self.path:
            rungs = [level.name for level in self.path.levels]
            start = self.query_one("#start", Select).value
            level = start if isinstance(start, int) else 0
        else:
            rungs, level = values["levels"], 0
        goals = self.query_one(GoalChecklist).chosen()  # checked in other_errors
        ladder = adopt(rungs, level, self.today)
        aspiration = Aspiration(
            title=values["title"],
            created=self.today,
            why=values["why"],
            path=self.path.key if self.path else None,
            ladder=ladder,
        )
        return Adoption(aspiration, goals)
