"""Aspirations: the directions a person has chosen, and how their goals stand."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.models import Aspiration, AspirationStatus, Goal
from aspire_tui.domain.progress import achieved_count, progress_by_goal
from aspire_tui.ui.dialogs.aspiration_form import AspirationForm
from aspire_tui.ui.dialogs.catalog_picker import CUSTOM, CatalogPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.render import (
    heading,
    long_date,
    one_line,
    paragraph,
    plain,
    progress_bar,
    progress_text,
)
from aspire_tui.ui.screens.main import MainScreen, guarded

EMPTY = Content.assemble(
    ("No aspirations yet", "bold $text-accent"),
    "\n\nAn aspiration is a direction, as big as you dare: lead a company, become the go-to "
    "expert, run your own business. Goals then keep you on its path.\n\nPress ",
    ("n", "bold $text-accent"),
    " to choose one from the catalog or write your own.",
)


class AspirationsScreen(MainScreen):
    MODE = "aspirations"
    SUB_TITLE = "Aspirations"
    LIST_TITLE = "Aspirations"
    BINDINGS = [
        Binding("n", "new", "New aspiration", id="aspiration.new"),
        Binding("e", "edit", "Edit", id="aspiration.edit"),
        Binding("g", "add_goal", "Add goal", id="aspiration.add_goal"),
        Binding("a", "archive", "Archive", id="aspiration.archive"),
        Binding("a", "restore", "Restore", id="aspiration.restore"),
        Binding("d", "delete", "Delete", id="aspiration.delete"),
    ]
    NEEDS_SELECTION = frozenset({"edit", "add_goal", "archive", "restore", "delete", "open"})

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        goals = self.store.goals()
        progress = progress_by_goal(goals, self.store.checkins())
        shown_archived_heading = False
        for a in self.store.aspirations():
            if not a.active and not shown_archived_heading:
                shown_archived_heading = True
                yield None, Content.styled("Archived", "bold dim")
            done, total = achieved_count(
                progress[g.id] for g in goals if g.aspiration_id == a.id and g.id is not None
            )
            style = "" if a.active else "dim"
            yield (
                str(a.id),
                Content.assemble(
                    (one_line(a.title, self.row_width()), f"bold {style}"),
                    "\n",
                    (f"{done} of {total} goals achieved" if total else "no goals yet", "dim"),
                ),
            )

    _highlighted_active: bool | None = None

    def describe(self, record_id: int | None) -> Content:
        aspiration = self.store.aspiration(record_id) if record_id is not None else None
        self._highlighted_active = aspiration.active if aspiration else None
        if aspiration is None:
            return EMPTY
        goals = self.store.goals(aspiration.id)
        progress = progress_by_goal(goals, self.store.checkins())
        done, total = achieved_count(progress.values())
        path = find_path(aspiration.path)
        status = "active" if aspiration.active else "archived"
        kind = path.name if path else "Your own direction"
        adopted = long_date(aspiration.created)
        parts: list[Content | str | tuple[str, str]] = [
            heading(safe_title(aspiration)),
            "\n",
            (f"{kind} · {status} · adopted {adopted}", "dim"),
            "\n\n",
            paragraph(
                "Why it matters to me", aspiration.why, "Not written yet: press e to add it."
            ),
            "\n",
            (f"Goals: {done} of {total} achieved" if total else "Goals", "bold"),
            "\n",
        ]
        if not goals:
            parts.append(("No goals yet. Press g to add a measurable goal.", "dim italic"))
        for goal in goals:
            p = progress[goal.id]  # type: ignore[index]
            mark = ("✓ ", "$success") if p.achieved else ("· ", "dim")
            parts += [
                mark,
                plain(one_line(goal.title, 50)),
                "\n  ",
                progress_bar(p.fraction, 12),
                f" {p.percent:>3}%  {progress_text(goal, p)}",
                "\n",
            ]
        if path:
            parts += [
                "\n",
                ("About this path", "bold"),
                "\n",
                path.summary,
                "\n\n",
                ("Offers: ", "bold"),
                path.offers,
                "\n\n",
                ("Costs: ", "bold"),
                path.costs,
            ]
        return Content.assemble(*parts)

    def _selected(self) -> Aspiration | None:
        record_id = self.selected_id()
        return self.store.aspiration(record_id) if record_id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` archives an active aspiration and restores an archived one: show the right word."""
        if action == "restore" and self.store.read_only:
            return False  # one dimmed `a` is enough
        if action in ("archive", "restore") and not self.store.read_only:
            active = self._highlighted_active
            if active is None:
                return None if action == "archive" else False
            return active == (action == "archive")
        return super().check_action(action, parameters)

    @guarded
    def action_new(self) -> None:
        def chosen(key: str | None) -> None:
            if key is not None:
                path_key = None if key == CUSTOM else key
                self.ask(AspirationForm(self.today(), path_key=path_key), self._saved)

        self.ask(CatalogPicker(), chosen)

    @guarded
    def action_edit(self) -> None:
        aspiration = self._selected()
        if aspiration is not None:
            self.ask(AspirationForm(self.today(), aspiration), self._saved)

    def _saved(self, aspiration: Aspiration | None) -> None:
        if aspiration is not None:
            saved = self.store.save_aspiration(aspiration)
            self.notify(f"Saved “{one_line(saved.title, 50)}”.", markup=False)
            self.reload(select=saved.id)

    @guarded
    def action_add_goal(self) -> None:
        aspiration = self._selected()
        if aspiration is None:
            return
        if not aspiration.active:
            self.notify("This aspiration is archived: press a to restore it first.")
            return
        active = [a for a in self.store.aspirations() if a.active]
        form = GoalForm(self.today(), active, aspiration_id=aspiration.id)

        def saved(goal: Goal | None) -> None:
            if goal is not None:
                self.store.save_goal(goal)
                self.notify(f"Goal saved: {one_line(goal.title, 50)}", markup=False)
                self.reload()

        self.ask(form, saved)

    @guarded
    def action_archive(self) -> None:
        self._set_status(AspirationStatus.ARCHIVED, "Archived")

    @guarded
    def action_restore(self) -> None:
        self._set_status(AspirationStatus.ACTIVE, "Restored")

    def _set_status(self, status: AspirationStatus, verb: str) -> None:
        aspiration = self._selected()
        if aspiration is not None:
            saved = self.store.save_aspiration(dataclasses.replace(aspiration, status=status))
            self.notify(f"{verb} “{one_line(saved.title, 50)}”.", markup=False)
            self.reload(select=saved.id)

    @guarded
    def action_delete(self) -> None:
        aspiration = self._selected()
        if aspiration is None or aspiration.id is None:
            return
        count = len(self.store.goals(aspiration.id))
        goals = (
            f" and its {count} goal{'s' if count != 1 else ''} with their progress" if count else ""
        )
        message = Content.assemble(
            "Delete “",
            (safe_title(aspiration), "bold"),
            f"”{goals}? This cannot be undone.\n\n",
            ("To keep it out of the way instead, archive it with a.", "dim"),
        )
        aspiration_id = aspiration.id

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_aspiration(aspiration_id)
                self.reload()

        self.ask(ConfirmDialog("Delete aspiration", message), confirmed)


def safe_title(aspiration: Aspiration) -> str:
    return one_line(aspiration.title, 200)
