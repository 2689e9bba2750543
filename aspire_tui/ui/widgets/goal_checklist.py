"""Starter goals offered as a checklist that can be edited before any of it is saved."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from aspire_tui.domain.catalog import StarterGoal
from aspire_tui.domain.models import Target
from aspire_tui.domain.validation import ValidationError, parse_target, parse_title
from aspire_tui.ui.render import safe, target_field_text
from aspire_tui.ui.widgets.plain_fields import PlainInput

BLANK_ROWS = 2


class KeepBox(Checkbox):
    """A tick that reads at a glance: [✓] kept, [ ] left out."""

    DEFAULT_CSS = """
    KeepBox, KeepBox.-textual-compact, KeepBox.-textual-compact:focus {
        width: 3;
        border: none;
        padding: 0;
        background: transparent;
    }
    KeepBox.-textual-compact:focus {
        background: $primary 30%;
    }
    """

    def on_key(self, event: events.Key) -> None:
        """Typing on the tick goes into the goal's title, rather than being lost."""
        if event.is_printable and event.character not in (None, " "):
            event.stop()
            title = self.parent.query_one(".goal-title", Input) if self.parent else None
            if title is not None:
                title.focus()
                title.insert_text_at_cursor(event.character or "")

    def render(self) -> Content:
        if self.value:
            return Content.assemble("[", ("✓", "bold $text-success"), "]")
        return Content.assemble(("[ ]", "dim"))


class GoalRow(Horizontal):
    """One goal: keep it (the box), its title and its target, all editable."""

    def __init__(self, goal: StarterGoal | None) -> None:
        super().__init__(classes="goal-row")
        self.goal = goal

    def compose(self) -> ComposeResult:
        g = self.goal
        yield KeepBox("", value=g is not None, compact=True, classes="goal-keep")
        with Vertical(classes="goal-title-box"):
            yield PlainInput(
                g.title if g else "", placeholder="a goal of your own", classes="goal-title"
            )
            yield Static("", classes="goal-whole", markup=False)
        yield PlainInput(
            target_field_text(g.target) if g else "",
            placeholder="done / not done",
            classes="goal-target",
        )

    @on(Input.Changed)
    def _typed(self) -> None:
        """A row of one's own is kept as soon as it has text, and dropped when emptied."""
        if self.goal is None:
            self.query_one(Checkbox).value = bool(self.own_text().strip())
        self._show_whole()

    def on_resize(self) -> None:
        self._show_whole()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The whole row in view, the whole title under its field included."""
        self.call_after_refresh(self.scroll_visible, animate=False)

    def _show_whole(self) -> None:
        """A title longer than its field is shown whole under it: a person must read the
        goal they keep, not its first fifty characters."""
        field = self.query_one(".goal-title", Input)
        room = field.content_region.width
        whole = self.query_one(".goal-whole", Static)
        long = room > 0 and len(field.value) > room - 1
        whole.update(safe(field.value) if long else "")
        whole.display = long

    def own_text(self) -> str:
        return "".join(i.value for i in self.query(Input))


class GoalChecklist(Vertical):
    """Rows of goals; `chosen()` gives the kept ones, parsed, or raises ValidationError."""

    def __init__(self, goals: Iterable[StarterGoal] = (), *, id: str) -> None:
        super().__init__(id=id, classes="goal-checklist")
        self.goals = list(goals)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="goal-row goal-head"):
            yield Label("", classes="goal-keep")
            yield Label("goal", classes="goal-title")
            yield Label("target", classes="goal-target")
        yield from self._rows(self.goals)

    @staticmethod
    def _rows(goals: list[StarterGoal]) -> list[GoalRow]:
        return [GoalRow(g) for g in goals] + [GoalRow(None) for _ in range(BLANK_ROWS)]

    async def offer(self, goals: Iterable[StarterGoal]) -> None:
        """Offer another level's goals instead; rows the person wrote stay as they are."""
        self.goals = list(goals)
        rows = list(self.query(GoalRow))
        mine = [r for r in rows if r.goal is None and r.own_text().strip()]
        for row in rows:
            if row not in mine:
                await row.remove()
        starters = [GoalRow(g) for g in self.goals]
        if mine:
            await self.mount_all(starters, before=mine[0])
        else:
            await self.mount_all(starters)
        await self.mount_all([GoalRow(None) for _ in range(BLANK_ROWS)])

    def chosen(self) -> list[tuple[str, Target]]:
        kept: list[tuple[str, Target]] = []
        for number, row in enumerate(self.query(GoalRow), 1):
            if not row.query_one(Checkbox).value:
                continue
            title = row.query_one(".goal-title", Input)
            target = row.query_one(".goal-target", Input)
            try:
                name = parse_title(title.value, "Goal")
            except ValidationError as error:
                raise ChecklistError(f"Goal {number}: {error}", title) from None
            try:
                kept.append((name, parse_target(target.value)))
            except ValidationError as error:
                raise ChecklistError(f"Goal {number}: {error}", target) from None
        return kept


def checklist_errors(checklist: GoalChecklist) -> list[tuple[str, Widget]]:
    """The checklist's first problem, with the field to fix, or none."""
    try:
        checklist.chosen()
    except ChecklistError as error:
        return [(str(error), error.field)]
    return []


class ChecklistError(ValidationError):
    """A goal the checklist cannot take, with the field to fix."""

    def __init__(self, message: str, field: Widget) -> None:
        super().__init__(message)
        self.field = field
