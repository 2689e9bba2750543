"""Add or edit a goal, with a SMART check that says which letters still want attention."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from aspire_tui.domain.check_ins import why_not_start
from aspire_tui.domain.journal import parse_tags
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target, TargetKind
from aspire_tui.domain.progress import format_amount
from aspire_tui.domain.smart import smart_check
from aspire_tui.domain.validation import (
    ValidationError,
    milestones_text,
    parse_date,
    parse_habit,
    parse_milestones_due,
    parse_optional_date,
    parse_start_value,
    parse_target,
    parse_text,
    parse_title,
)
from aspire_tui.presentation.measure import target_text
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import dates_of, plain, target_field_text
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea

if TYPE_CHECKING:
    from aspire_tui.store import AspireStore

MEASURES = [
    ("Reach a number, or done / not done", TargetKind.UP),
    ("Bring a number down", TargetKind.DOWN),
    ("A checklist of milestones", TargetKind.MILESTONES),
    ("A habit: times a week or a month", TargetKind.HABIT),
]
"""Done / not done is a number goal with no target: the quickest goal to write stays quick."""
SHOWN_FOR = {
    "target-group": {TargetKind.UP, TargetKind.DOWN},
    "start-group": {TargetKind.UP, TargetKind.DOWN},
    "milestones-group": {TargetKind.MILESTONES},
    "habit-group": {TargetKind.HABIT},
}


class GoalForm(FormDialog[Goal]):
    @classmethod
    def editing(cls, store: AspireStore, goal: Goal, today: date) -> GoalForm:
        """The form for an existing goal: its aspiration even if archived, and what its
        check-ins fix (how it is measured, the milestones already done, the latest start)."""
        choices = [a for a in store.aspirations() if a.active or a.id == goal.aspiration_id]
        checkins = store.checkins(goal.id)
        return cls(
            today,
            choices,
            goal,
            logged=bool(checkins),
            done_milestones=frozenset(c.milestone for c in checkins if c.milestone),
            checkins=checkins,
        )

    def __init__(
        self,
        today: date,
        aspirations: list[Aspiration],
        goal: Goal | None = None,
        aspiration_id: int | None = None,
        *,
        logged: bool = False,
        done_milestones: frozenset[str] = frozenset(),
        checkins: Sequence[CheckIn] = (),
    ) -> None:
        """`logged`: the goal has check-ins, so how it is measured can no longer change;
        `done_milestones` cannot be removed from its checklist; `checkins`: the goal's, none
        of which the start may pass."""
        super().__init__("Edit goal" if goal else "New goal")
        self.aspirations = aspirations
        self.logged = logged
        self.done_milestones = done_milestones
        self.checkins = tuple(checkins)
        first = aspiration_id if aspiration_id is not None else aspirations[0].id
        owner = next((a for a in aspirations if a.id == first), aspirations[0])
        self.original = goal or Goal(
            aspiration_id=owner.id or 0,
            title="",
            target=Target.done(),
            created=today,
            level=owner.ladder.level,
        )

    # Composing -------------------------------------------------------------------------

    def compose_header(self) -> Iterable[Widget]:
        yield Static(id="smart", classes="smart-check")

    def compose_fields(self) -> Iterable[Widget]:
        g = self.original
        options = [(plain(a.title), a.id) for a in self.aspirations]
        yield from self.field(
            "Serves the aspiration",
            Select(
                options, value=g.aspiration_id, allow_blank=False, id="aspiration", compact=True
            ),
        )
        yield from self.field(
            "On its level",
            Select(
                self._level_options(g.aspiration_id),
                value=g.level,
                allow_blank=False,
                id="level",
                compact=True,
            ),
        )
        title = PlainInput(g.title, placeholder="e.g. Earn the CPA certificate", id="title")
        yield from self.field("Goal", title, parse=parse_title)
        kind = TargetKind.UP if g.target.kind is TargetKind.DONE else g.target.kind
        measure = Select(
            [(label, k.value) for label, k in MEASURES],
            value=kind.value,
            allow_blank=False,
            id="measure",
            compact=True,
            disabled=self.logged,
        )
        hint = "Fixed once progress is logged." if self.logged else ""
        yield from self.field("Measured as", measure, hint)
        yield self._group(
            "target-group",
            "Target",
            PlainInput(target_field_text(g.target), placeholder="e.g. 10 clients", id="target"),
            "A number and a unit, such as '10 clients' or '5 hours a week'. To reach a number, "
            "empty means simply done / not done.",
            self._parse_target,
        )
        yield self._group(
            "start-group",
            "Starting from",
            PlainInput(format_start(g.target), placeholder="e.g. 20", id="start"),
            "Where the number stands now. To reach a number, empty counts from 0.",
            self._parse_start,
        )
        habit = target_text(g) if g.target.kind is TargetKind.HABIT else ""
        yield self._group(
            "habit-group",
            "How often",
            PlainInput(habit, placeholder="e.g. 1 one-on-one a week", id="habit"),
            "Times a week or a month, such as '4 posts a month': each period counts on its "
            "own, and a missed one only leaves less to spare.",
            self._parse_habit,
        )
        yield self._group(
            "milestones-group",
            "Milestones, one per line",
            PlainTextArea(
                milestones_text(g.target.milestones, g.target.milestone_due),
                id="milestones",
                classes="answer",
            ),
            "In the order you expect to reach them; a line may end with its own due date "
            "(Draft, by 2027-03-01).",
            self._parse_milestones,
        )
        deadline = PlainInput(
            g.deadline.isoformat() if g.deadline else "", placeholder="YYYY-MM-DD", id="deadline"
        )
        yield from self.field(
            "Deadline (optional)",
            deadline,
            parse=lambda text: parse_optional_date(text, "Deadline"),
        )
        commitment = Select(
            [("Committed: expected in full", False), ("Stretch: 60–70% is a good result", True)],
            value=g.stretch,
            allow_blank=False,
            id="stretch",
            compact=True,
        )
        yield from self.field("Commitment", commitment)
        description = PlainTextArea(g.description, id="description", classes="short-answer")
        yield from self.field(
            "Description (optional)",
            description,
            "What exactly, and how you will know it is done.",
            parse=lambda text: parse_text(text, "Description"),
        )
        how = PlainInput(g.how, placeholder="e.g. two evenings a week of study", id="how")
        yield from self.field(
            "What it will take (optional)",
            how,
            parse=lambda text: parse_text(text, "What it will take"),
        )
        tags = PlainInput(", ".join(g.tags), placeholder="e.g. people, writing", id="tags")
        yield from self.field(
            "Tags (optional)",
            tags,
            "Comma-separated; / on Goals finds them (#people).",
            parse=parse_tags,
        )
        starts = PlainInput(g.begins.isoformat(), placeholder="YYYY-MM-DD", id="starts")
        yield from self.field(
            "Starts",
            starts,
            "The pace line runs from this day to the deadline.",
            parse=self._parse_starts,
        )

    def _group(self, group_id: str, label: str, widget: Widget, hint: str, parse: Any) -> Vertical:
        return Vertical(*self.field(label, widget, hint, parse), id=group_id, classes="field-group")

    def _level_options(self, aspiration_id: int) -> list[tuple[Content, int]]:
        owner = next((a for a in self.aspirations if a.id == aspiration_id), None)
        if owner is None:
            return []
        ladder = owner.ladder
        return [
            (
                Content.assemble(
                    f"{number}. ",
                    plain(name),
                    (" (now)", "dim") if number - 1 == ladder.level else "",
                ),
                number - 1,
            )
            for number, name in enumerate(ladder.rungs, 1)
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._show_measure()
        self._update_smart()
        self.query_one("#title", Input).focus()

    # Reacting to edits -----------------------------------------------------------------

    @property
    def kind(self) -> TargetKind:
        value = self.query_one("#measure", Select).value
        return TargetKind(value) if isinstance(value, str) else TargetKind.UP

    def _show_measure(self) -> None:
        for group_id, kinds in SHOWN_FOR.items():
            self.query_one(f"#{group_id}").display = self.kind in kinds

    FIRST_FIELD = {
        TargetKind.UP: "#target",
        TargetKind.DOWN: "#target",
        TargetKind.MILESTONES: "#milestones",
        TargetKind.HABIT: "#habit",
    }

    def after_choice(self, select: Select[Any]) -> Widget | None:
        """A way to measure chosen by keys: the cursor goes to the field it shows (its group
        shown first: the change that shows it may not have been handled yet)."""
        if select.id != "measure":
            return None
        self._show_measure()
        return self.query_one(self.FIRST_FIELD[self.kind])

    @on(Select.Changed, "#aspiration")
    def _aspiration_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, int):
            return
        level = self.query_one("#level", Select)
        owner = next(a for a in self.aspirations if a.id == event.value)
        keep = event.value == self.original.aspiration_id
        level.set_options(self._level_options(event.value))
        level.value = self.original.level if keep else owner.ladder.level

    @on(Select.Changed, "#measure")
    def _measure_changed(self) -> None:
        self._show_measure()
        self._update_smart()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _text_changed(self) -> None:
        self._update_smart()

    def _update_smart(self) -> None:
        check = smart_check(
            title=self._text("title"),
            description=self._text("description"),
            measurable=self._measurable(),
            how=self._text("how"),
            deadline=bool(self._text("deadline").strip()),
        )
        self.query_one("#smart", Static).update(smart_content(check))

    def _measurable(self) -> bool:
        kind = self.kind
        if kind is TargetKind.UP:
            return True  # an empty target is done / not done, which is measurable too
        if kind is TargetKind.MILESTONES:
            return bool(self._text("milestones").strip())
        if kind is TargetKind.HABIT:
            return bool(self._text("habit").strip())
        return bool(self._text("target").strip())

    # Parsing ---------------------------------------------------------------------------

    def _parse_target(self, text: str) -> Target | None:
        kind = self.kind
        if kind not in (TargetKind.UP, TargetKind.DOWN):
            return None
        if not text.strip() and kind is TargetKind.DOWN:
            raise ValidationError("Say the number to bring it down to, such as '5 hours'.")
        return parse_target(text, allow_zero=kind is TargetKind.DOWN)

    def _parse_start(self, text: str) -> float | None:
        kind = self.kind
        if kind is TargetKind.UP and not text.strip():
            return 0.0
        return parse_start_value(text) if kind in (TargetKind.UP, TargetKind.DOWN) else None

    def _parse_habit(self, text: str) -> tuple[float, str, str] | None:
        return parse_habit(text) if self.kind is TargetKind.HABIT else None

    def _parse_milestones(
        self, text: str
    ) -> tuple[tuple[str, ...], tuple[date | None, ...]] | None:
        if self.kind is not TargetKind.MILESTONES:
            return None
        names, dues = parse_milestones_due(text)
        for done in sorted(self.done_milestones - set(names)):
            raise ValidationError(f"“{done}” is already done: its check-in keeps it on the list.")
        return names, dues

    def _parse_starts(self, text: str) -> date:
        starts = parse_date(text, "Starts")
        problem = why_not_start(self.original, starts, self.checkins, dates_of(self))
        if problem is not None:
            raise ValidationError(problem)
        return starts

    def build(self, values: dict[str, Any]) -> Goal:
        aspiration_id = self.query_one("#aspiration", Select).value
        if not isinstance(aspiration_id, int):
            raise FieldError("aspiration", "Choose the aspiration this goal serves.")
        level = self.query_one("#level", Select).value
        if not isinstance(level, int):
            raise FieldError("level", "Choose the level this goal belongs to.")
        target = self._target(values)
        stretch = self.query_one("#stretch", Select).value is True
        starts: date = values["starts"]
        deadline: date | None = values["deadline"]
        if deadline is not None and deadline < starts:
            raise FieldError("deadline", "The deadline comes before the goal starts.")
        return dataclasses.replace(
            self.original,
            aspiration_id=aspiration_id,
            level=level,
            title=values["title"],
            description=values["description"],
            target=target,
            stretch=stretch,
            how=values["how"],
            starts=None if starts == self.original.created else starts,
            deadline=deadline,
            tags=values["tags"],
        )

    def _target(self, values: dict[str, Any]) -> Target:
        kind = self.kind
        if kind is TargetKind.HABIT:
            times, unit, every = values["habit"]
            return Target.habit(times, unit, every)
        if kind is TargetKind.MILESTONES:
            names, dues = values["milestones"]
            return dataclasses.replace(Target.checklist(names), milestone_due=dues)
        number: Target = values["target"]
        start: float = values["start"]
        if number.done_only:
            if start:
                raise FieldError("target", "Say the number to reach from where it starts.")
            return number
        if kind is TargetKind.DOWN and number.amount >= start:
            raise FieldError(
                "target", "To bring a number down, the target must be below the start."
            )
        if kind is TargetKind.UP and number.amount <= start:
            raise FieldError("target", "To raise a number, the target must be above the start.")
        return Target.number(number.amount, number.unit, start=start)


def format_start(target: Target) -> str:
    if target.kind in (TargetKind.UP, TargetKind.DOWN) and target.start:
        return format_amount(target.start)
    return ""


def smart_content(check: dict[str, str | None]) -> Content:
    """ "S ✓ M ✓ A · R ✓ T ·" and a hint for each letter still missing."""
    letters: list[Content | tuple[str, str] | str] = [("SMART  ", "bold")]
    hints: list[str] = []
    for letter, hint in check.items():
        if hint is None:
            letters.append((f" {letter} ✓ ", "$text-success"))
        else:
            letters.append((f" {letter} · ", "$text-warning"))
            hints.append(hint)
    if hints:
        letters += ["\n", ("  ".join(hints), "dim")]
    else:
        letters += ["\n", ("All five letters covered.", "dim")]
    return Content.assemble(*letters)
