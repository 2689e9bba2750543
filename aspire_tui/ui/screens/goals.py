"""Goals: measurable steps under each aspiration, and the progress logged on them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain.ladder import ready_to_raise
from aspire_tui.domain.models import Aspiration, CheckIn, Goal
from aspire_tui.domain.progress import (
    GoalProgress,
    achieved_count,
    format_amount,
    goal_progress,
    progress_by_goal,
)
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.render import (
    heading,
    long_date,
    one_line,
    plain,
    progress_bar,
    progress_text,
    target_text,
)
from aspire_tui.ui.screens.main import MainScreen, guarded

NO_ASPIRATIONS = Content.assemble(
    ("No goals yet", "bold $text-accent"),
    "\n\nGoals live under an aspiration. Press ",
    ("2", "bold $text-accent"),
    " to choose an aspiration first, then come back here.",
)
NO_GOALS = Content.assemble(
    ("No goals yet", "bold $text-accent"),
    "\n\nA goal is measurable: you will know when you have achieved it. "
    "'Earn 3 certifications', 'win 10 clients', 'give a talk at a conference'.\n\nPress ",
    ("n", "bold $text-accent"),
    " to add one.",
)


def deadline_text(deadline: date | None, today: date, achieved: bool) -> tuple[str, str]:
    if deadline is None:
        return "no deadline", "dim"
    days = (deadline - today).days
    if achieved:
        return f"due {deadline.isoformat()}", "dim"
    if days < 0:
        return f"overdue since {deadline.isoformat()}", "$error"
    if days == 0:
        return "due today", "$warning"
    return f"due {deadline.isoformat()} (in {days} day{'s' if days != 1 else ''})", "dim"


class GoalsScreen(MainScreen):
    MODE = "goals"
    SUB_TITLE = "Goals"
    LIST_TITLE = "Goals by aspiration"
    BINDINGS = [
        Binding("n", "new", "New goal", id="goal.new"),
        Binding("l", "log", "Log progress", id="goal.log"),
        Binding("u", "undo_checkin", "Take back", id="goal.undo_checkin"),
        Binding("e", "edit", "Edit", id="goal.edit"),
        Binding("d", "delete", "Delete", id="goal.delete"),
    ]
    NEEDS_SELECTION = frozenset({"edit", "log", "undo_checkin", "delete", "open"})

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        goals = self.store.goals()
        progress = progress_by_goal(goals, self.store.checkins())
        for aspiration in self.store.aspirations():
            mine = [g for g in goals if g.aspiration_id == aspiration.id]
            if not mine and not aspiration.active:
                continue
            done, total = achieved_count(progress[g.id] for g in mine if g.id is not None)
            count = f"{done}/{total} done" + ("" if aspiration.active else ", archived")
            width = self.row_width(len(count) + 1)
            title = f"{one_line(aspiration.title, width):<{width}} "
            yield None, Content.assemble((title, "bold $text-accent"), (count, "dim"))
            for goal in mine:
                p = progress[goal.id]  # type: ignore[index]
                mark = ("✓ ", "$success") if p.achieved else ("  ", "")
                yield (
                    str(goal.id),
                    Content.assemble(
                        mark,
                        plain(one_line(goal.title, self.row_width(2))),
                        "\n  ",
                        progress_bar(p.fraction, 12),
                        (f" {p.percent:>3}%", "bold"),
                    ),
                )

    def describe(self, record_id: int | None) -> Content:
        goal = self.store.goal(record_id) if record_id is not None else None
        if goal is None:
            return NO_GOALS if self.store.aspirations() else NO_ASPIRATIONS
        checkins = self.store.checkins(goal.id)
        bar = max(8, min(30, self.detail_width() - 6))
        return describe_goal(
            goal, self.store.aspiration(goal.aspiration_id), checkins, self.today(), bar
        )

    def _selected(self) -> Goal | None:
        record_id = self.selected_id()
        return self.store.goal(record_id) if record_id is not None else None

    @guarded
    def action_new(self) -> None:
        aspirations = [a for a in self.store.aspirations() if a.active]
        if not aspirations:
            self.notify("Choose an aspiration first: press 2, then n.", title="No aspiration yet")
            return
        current = self._selected()
        owner = (
            current.aspiration_id
            if current and any(a.id == current.aspiration_id for a in aspirations)
            else None
        )
        self.ask(GoalForm(self.today(), aspirations, aspiration_id=owner), self._saved)

    @guarded
    def action_edit(self) -> None:
        goal = self._selected()
        if goal is not None:
            choices = [
                a for a in self.store.aspirations() if a.active or a.id == goal.aspiration_id
            ]
            self.ask(GoalForm(self.today(), choices, goal), self._saved)

    def _saved(self, goal: Goal | None) -> None:
        if goal is not None:
            saved = self.store.save_goal(goal)
            self.notify(f"Goal saved: {one_line(saved.title, 50)}", markup=False)
            self.reload(select=saved.id)

    @guarded
    def action_log(self) -> None:
        goal = self._selected()
        if goal is None:
            return
        before = goal_progress(goal, self.store.checkins(goal.id))
        if goal.target.done_only and before.achieved:
            self.notify("Already done. Press u to take the last check-in back.")
            return

        def logged(checkin: CheckIn | None) -> None:
            if checkin is None:
                return
            self.store.save_checkin(checkin)
            after = goal_progress(goal, self.store.checkins(goal.id))
            if after.achieved and not before.achieved:
                self.notify(
                    f"Achieved: {one_line(goal.title, 60)}. Each achievement brings you closer.",
                    title="Goal achieved",
                    markup=False,
                    timeout=8,
                )
                self._offer_to_raise(goal)
            else:
                self.notify(
                    f"Logged: {progress_text(goal, after)} ({after.percent}%)", markup=False
                )
            self.reload(select=goal.id)

        self.ask(CheckInForm(self.today(), goal), logged)

    def _offer_to_raise(self, goal: Goal) -> None:
        """The last goal of a level achieved: congratulate, and say how to raise the bar."""
        aspiration = self.store.aspiration(goal.aspiration_id)
        if aspiration is None or goal.level != aspiration.ladder.level:
            return
        goals = self.store.goals(aspiration.id)
        if ready_to_raise(aspiration, goals, progress_by_goal(goals, self.store.checkins())):
            if aspiration.id is not None:
                self.aspire.select_on_show["aspirations"] = aspiration.id
            self.notify(
                f"Every goal of level {aspiration.ladder.position()}, "
                f"{one_line(aspiration.ladder.current, 40)}, is achieved. Ready for more? "
                "Press 2, then r to raise the bar.",
                title=f"Level done: {one_line(aspiration.title, 40)}",
                markup=False,
                timeout=12,
            )

    @guarded
    def action_undo_checkin(self) -> None:
        goal = self._selected()
        checkins = self.store.checkins(goal.id) if goal is not None else []
        if goal is None or not checkins:
            self.notify("This goal has no check-ins to take back.")
            return
        last = max(checkins, key=lambda c: c.id or 0)
        amount = "done" if goal.target.done_only else format_amount(last.amount)
        note = f", “{one_line(last.note, 40)}”" if last.note else ""
        message = Content(f"Take back the last check-in ({last.on.isoformat()}: {amount}{note})?")

        def confirmed(yes: bool | None) -> None:
            if yes and last.id is not None:
                self.store.delete_checkin(last.id)
                self.notify("Check-in taken back.")
                self.reload(select=goal.id)

        self.ask(ConfirmDialog("Take back a check-in", message, "Take back"), confirmed)

    @guarded
    def action_delete(self) -> None:
        goal = self._selected()
        if goal is None or goal.id is None:
            return
        count = len(self.store.checkins(goal.id))
        extra = f" and its {count} check-in{'s' if count != 1 else ''}" if count else ""
        message = Content.assemble(
            "Delete the goal “",
            (one_line(goal.title, 80), "bold"),
            f"”{extra}? This cannot be undone.",
        )
        goal_id = goal.id

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_goal(goal_id)
                self.reload()

        self.ask(ConfirmDialog("Delete goal", message), confirmed)


def _level_of(goal: Goal, aspiration: Aspiration | None) -> list[Content | tuple[str, str]]:
    if aspiration is None or goal.level >= len(aspiration.ladder.rungs):
        return []
    rung = aspiration.ladder.rungs[goal.level]
    return [(f" · level {goal.level + 1}, ", "dim"), plain(one_line(rung, 60), "dim")]


def describe_goal(
    goal: Goal,
    aspiration: Aspiration | None,
    checkins: list[CheckIn],
    today: date,
    bar_width: int = 30,
) -> Content:
    p: GoalProgress = goal_progress(goal, checkins)
    due, due_style = deadline_text(goal.deadline, today, p.achieved)
    parts: list[Content | str | tuple[str, str]] = [
        heading(one_line(goal.title, 200)),
        "\n",
        ("Serves: ", "dim"),
        plain(one_line(aspiration.title, 80) if aspiration else "?"),
        *_level_of(goal, aspiration),
        "\n",
        ("Target: ", "dim"),
        plain(target_text(goal)),
        ("  ·  ", "dim"),
        (due, due_style),
        "\n\n",
        progress_bar(p.fraction, bar_width),
        (f" {p.percent}%", "bold"),
        "\n",
        plain(progress_text(goal, p)),
        "\n",
    ]
    if p.achieved and p.achieved_on:
        parts += [("✓ Achieved on " + long_date(p.achieved_on), "bold $success"), "\n"]
    parts += ["\n", ("Check-ins", "bold"), "\n"]
    if not checkins:
        verb = "mark it done" if goal.target.done_only else "log progress"
        parts.append((f"None yet. Press l to {verb}.", "dim italic"))
    for c in reversed(checkins):
        amount = (
            "done"
            if goal.target.done_only
            else f"{'+' if c.amount > 0 else ''}{format_amount(c.amount)}"
        )
        parts += [
            (c.on.isoformat(), "bold"),
            f"  {amount:>6}  ",
            plain(one_line(c.note, 10_000)),
            "\n",
        ]
    return Content.assemble(*parts)
