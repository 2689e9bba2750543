"""Aspirations: the directions a person has chosen, the ladder of each, and moves on it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain import ladder as moves
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.ladder import level_goals, ready_to_raise
from aspire_tui.domain.models import Aspiration, AspirationStatus, Goal, Ladder
from aspire_tui.domain.progress import achieved_count, progress_by_goal
from aspire_tui.ui.aspiration_view import describe_aspiration
from aspire_tui.ui.dialogs.adopt_form import AdoptForm, Adoption
from aspire_tui.ui.dialogs.aspiration_form import AspirationForm
from aspire_tui.ui.dialogs.catalog_picker import CUSTOM, CatalogPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.dialogs.move_menu import MenuItem, MoveMenu
from aspire_tui.ui.dialogs.raise_form import Raise, RaiseForm, parse_level_name
from aspire_tui.ui.dialogs.reason_form import ReasonForm, optional_reason, required_reason
from aspire_tui.ui.render import one_line, plain
from aspire_tui.ui.screens.main import MainScreen, guarded

EMPTY = Content.assemble(
    ("No aspirations yet", "bold $text-accent"),
    "\n\nAn aspiration is a direction, as big as you dare: lead a company, become the go-to "
    "expert, run your own business. Each has levels to climb, and goals keep you on its "
    "path.\n\nPress ",
    ("n", "bold $text-accent"),
    " to choose one from the catalog or write your own.",
)

Move = Callable[[Ladder, str], Ladder]


class AspirationsScreen(MainScreen):
    MODE = "aspirations"
    SUB_TITLE = "Aspirations"
    LIST_TITLE = "Aspirations"
    BINDINGS = [
        # The footer shows the short word; help and the palette the tooltip's fuller one.
        Binding("n", "new", "New", id="aspiration.new", tooltip="New aspiration"),
        Binding("e", "edit", "Edit", id="aspiration.edit", tooltip="Edit name, reason, levels"),
        Binding("g", "add_goal", "Add goal", id="aspiration.add_goal"),
        Binding("r", "raise_bar", "Raise", id="aspiration.raise_bar", tooltip="Raise the bar"),
        Binding("m", "moves", "Moves", id="aspiration.moves", tooltip="Moves on the ladder…"),
        Binding("d", "delete", "Delete", id="aspiration.delete"),
        # The moves below are in the Moves menu (m), which lists each with its key.
        Binding(
            "plus", "add_level", "Add a level above the top", id="aspiration.add_level", show=False
        ),
        Binding("s", "step_down", "Step down a level", id="aspiration.step_down", show=False),
        Binding("p", "pause", "Pause", id="aspiration.pause", show=False),
        Binding("p", "resume", "Resume", id="aspiration.resume", show=False),
        Binding("v", "reevaluate", "Reevaluate", id="aspiration.reevaluate", show=False),
        Binding("a", "archive", "Archive", id="aspiration.archive", show=False),
        Binding("a", "restore", "Restore", id="aspiration.restore", show=False),
        Binding("x", "let_go", "Let go", id="aspiration.let_go", show=False),
    ]
    NEEDS_SELECTION = frozenset(
        {
            "edit",
            "add_goal",
            "raise_bar",
            "moves",
            "archive",
            "restore",
            "delete",
            "open",
            "step_down",
            "pause",
            "resume",
            "reevaluate",
            "add_level",
            "let_go",
        }
    )

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        goals = self.store.goals()
        progress = progress_by_goal(goals, self.store.checkins())
        shown_archived_heading = False
        for a in self.store.aspirations():
            if not a.active and not shown_archived_heading:
                shown_archived_heading = True
                yield None, Content.styled("Archived", "bold dim")
            current = level_goals(a, goals)
            done, total = achieved_count(progress[g.id] for g in current if g.id is not None)
            level = f"level {a.ladder.position()} · "
            if not a.active:
                state = ("archived", "dim")
            elif a.ladder.paused:
                state = ("paused", "$warning")
            elif ready_to_raise(a, goals, progress):
                state = ("↑ raise the bar", "bold $success")
            else:
                state = (f"{done}/{total} goals" if total else "no goals yet", "dim")
            room = max(4, self.row_width() - len(level))
            yield (
                str(a.id),
                Content.assemble(
                    (one_line(a.title, self.row_width()), "bold" if a.active else "bold dim"),
                    "\n",
                    (level, "dim"),
                    (one_line(state[0], room), state[1]),
                ),
            )

    _highlighted: Aspiration | None = None

    def describe(self, record_id: int | None) -> Content:
        aspiration = self.store.aspiration(record_id) if record_id is not None else None
        self._highlighted = aspiration
        if aspiration is None:
            return EMPTY
        goals = self.store.goals(aspiration.id)
        progress = progress_by_goal(goals, self.store.checkins())
        path = find_path(aspiration.path)
        return describe_aspiration(aspiration, path, goals, progress, self.detail_width())

    def _selected(self) -> Aspiration | None:
        record_id = self.selected_id()
        return self.store.aspiration(record_id) if record_id is not None else None

    _DUALS = {"archive": "restore", "restore": "archive", "pause": "resume", "resume": "pause"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` archives or restores and `p` pauses or resumes: show the word that applies."""
        if action in ("restore", "resume") and self.store.read_only:
            return False  # one dimmed key is enough
        if action in self._DUALS and not self.store.read_only:
            a = self._highlighted
            if a is None:
                return None if action in ("archive", "pause") else False
            if action in ("archive", "restore"):
                return a.active == (action == "archive")
            if not a.active:
                return None if action == "pause" else False
            return a.ladder.paused == (action == "resume")
        return super().check_action(action, parameters)

    # Adopting and editing ---------------------------------------------------------------

    @guarded
    def action_new(self) -> None:
        def chosen(key: str | None) -> None:
            if key is not None:
                path = None if key == CUSTOM else find_path(key)
                self.ask(AdoptForm(self.today(), path), self._adopted)

        self.ask(CatalogPicker(), chosen)

    def _adopted(self, adoption: Adoption | None) -> None:
        if adoption is None:
            return
        with self.store.transaction():
            saved = self.store.save_aspiration(adoption.aspiration)
            self._save_goals(saved, adoption.goals)
        count = len(adoption.goals)
        goals = f", with {count} goal{'s' if count != 1 else ''}" if count else ""
        where = f"level {saved.ladder.position()}"
        self.notify(f"Adopted “{one_line(saved.title, 50)}” on {where}{goals}.", markup=False)
        self.reload(select=saved.id)

    def _save_goals(self, aspiration: Aspiration, goals: Iterable[tuple[str, object]]) -> None:
        assert aspiration.id is not None
        for title, target in goals:
            self.store.save_goal(
                Goal(
                    aspiration.id,
                    title,
                    target,  # type: ignore[arg-type]
                    self.today(),
                    level=aspiration.ladder.level,
                )
            )

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

    # Moving on the ladder ---------------------------------------------------------------

    @guarded
    def action_moves(self) -> None:
        a = self._selected()
        if a is None:
            return
        ladder = a.ladder
        items = [
            MenuItem(
                "r",
                "raise_bar",
                "Raise the bar",
                "name a higher level" if ladder.at_top else f"climb to level {ladder.level + 2}",
                a.active and not ladder.paused,
            ),
            MenuItem("+", "add_level", "Add a level above the top", "there is always room higher"),
            MenuItem(
                "s",
                "step_down",
                "Step down a level",
                "a level that fits your life better",
                a.active and ladder.level > 0,
            ),
            MenuItem(
                "p",
                "resume" if ladder.paused else "pause",
                "Resume" if ladder.paused else "Pause",
                "keep it, but not now" if not ladder.paused else "take it up again",
                a.active,
            ),
            MenuItem("v", "reevaluate", "Reevaluate", "is this still mine? record why"),
            MenuItem(
                "a",
                "archive" if a.active else "restore",
                "Archive" if a.active else "Restore",
                "set it aside, still readable" if a.active else "take it up again",
            ),
            MenuItem("x", "let_go", "Let go", "no longer yours; kept, with the reason", a.active),
        ]

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        self.ask(MoveMenu(f"Move: {one_line(a.title, 50)}", items), chosen)

    def _move(
        self,
        heading: str,
        message: Content,
        label: str,
        save_label: str,
        move: Move,
        done: str,
        *,
        optional: bool = False,
        status: AspirationStatus | None = None,
    ) -> None:
        """Ask for the reason, make the move, keep it in the history."""
        aspiration = self._selected()
        if aspiration is None:
            return
        parse = optional_reason if optional else required_reason
        form = ReasonForm(heading, message, label, save_label, parse=parse)

        def answered(reason: str | None) -> None:
            if reason is None:
                return
            ladder = move(aspiration.ladder, reason)
            changed = dataclasses.replace(
                aspiration, ladder=ladder, status=status or aspiration.status
            )
            saved = self.store.save_aspiration(changed)
            self.notify(done.format(level=saved.ladder.position()), markup=False)
            self.reload(select=saved.id)

        self.ask(form, answered)

    def _about(self, aspiration: Aspiration, text: str) -> Content:
        return Content.assemble(plain(one_line(aspiration.title, 80), "bold"), "\n", text)

    @guarded
    def action_raise_bar(self) -> None:
        a = self._selected()
        if a is None:
            return
        if not a.active or a.ladder.paused:
            state = "archived" if not a.active else "paused"
            key = "a to restore" if not a.active else "p to resume"
            self.notify(f"This aspiration is {state}: press {key} it first.")
            return
        goals = level_goals(a, self.store.goals(a.id))
        progress = progress_by_goal(goals, self.store.checkins())
        done, total = achieved_count(progress.values())
        form = RaiseForm(a, find_path(a.path), done, total)

        def answered(result: Raise | None) -> None:
            if result is None:
                return
            ladder = a.ladder
            if result.new_level is not None:
                ladder = moves.add_level(ladder, result.new_level, self.today())
            ladder = moves.raise_bar(ladder, self.today(), result.reason)
            with self.store.transaction():
                saved = self.store.save_aspiration(dataclasses.replace(a, ladder=ladder))
                self._save_goals(saved, result.goals)
            self.notify(
                f"Raised the bar: level {ladder.position()}, {one_line(ladder.current, 50)}.",
                title="Onwards",
                markup=False,
            )
            self.reload(select=saved.id)

        self.ask(form, answered)

    @guarded
    def action_add_level(self) -> None:
        a = self._selected()
        if a is None:
            return
        top = a.ladder.rungs[-1]
        form = ReasonForm(
            "Add a level above the top",
            self._about(a, f"The top is now level {len(a.ladder.rungs)}: {one_line(top, 60)}."),
            "The higher level",
            "Add",
            parse=parse_level_name,
            one_line=True,
        )

        def answered(name: str | None) -> None:
            if name is not None:
                ladder = moves.add_level(a.ladder, name, self.today())
                saved = self.store.save_aspiration(dataclasses.replace(a, ladder=ladder))
                self.notify(f"Added level {len(ladder.rungs)}: {one_line(name, 50)}.")
                self.reload(select=saved.id)

        self.ask(form, answered)

    @guarded
    def action_step_down(self) -> None:
        a = self._selected()
        if a is None:
            return
        if a.ladder.level == 0:
            self.notify("This is the first level: there is no level below it.")
            return
        below = a.ladder.rungs[a.ladder.level - 1]
        text = (
            f"Step down from level {a.ladder.position()} to level {a.ladder.level}, "
            f"{one_line(below, 60)}. Reaching a level and finding it is not what you "
            "expected is worth knowing; stepping down to find balance is a choice, not a "
            "failure. This level's goals stay where they are."
        )
        self._move(
            "Step down a level",
            self._about(a, text),
            "Why step down?",
            "Step down",
            lambda ladder, why: moves.step_down(ladder, self.today(), why),
            "Stepped down: now on level {level}.",
        )

    @guarded
    def action_pause(self) -> None:
        a = self._selected()
        if a is None:
            return
        self._move(
            "Pause",
            self._about(a, "Keep it and its goals, but not now. Press p again to resume."),
            "Why pause?",
            "Pause",
            lambda ladder, why: moves.pause(ladder, self.today(), why),
            "Paused.",
        )

    @guarded
    def action_resume(self) -> None:
        a = self._selected()
        if a is None:
            return
        self._move(
            "Resume",
            self._about(a, f"Take it up again on level {a.ladder.position()}."),
            "What changed? (optional)",
            "Resume",
            lambda ladder, why: moves.resume(ladder, self.today(), why),
            "Resumed on level {level}.",
            optional=True,
        )

    @guarded
    def action_reevaluate(self) -> None:
        a = self._selected()
        if a is None:
            return
        path = find_path(a.path)
        label = "Your reason" if path and path.needs_reason else "Why it mattered to you"
        parts: list[Content | str | tuple[str, str]] = [
            plain(one_line(a.title, 80), "bold"),
            f"  ·  level {a.ladder.position()}, ",
            plain(one_line(a.ladder.current, 60)),
            "\n\n",
            (f"{label}:", "bold"),
            "\n",
            plain(a.why) if a.why.strip() else ("not written yet", "dim italic"),
        ]
        if path and path.needs_reason:
            parts += ["\n\n", ("The price: ", "bold"), path.costs]
        parts += ["\n\n", ("Is it still yours? What have you learned?", "dim")]
        self._move(
            "Reevaluate",
            Content.assemble(*parts),
            "What do you conclude?",
            "Record",
            lambda ladder, why: moves.reevaluate(ladder, self.today(), why),
            "Reevaluation kept in the history.",
        )

    @guarded
    def action_archive(self) -> None:
        a = self._selected()
        if a is None:
            return
        self._move(
            "Archive",
            self._about(a, "Set it aside. It stays readable, with its goals, and a restores it."),
            "Why set it aside?",
            "Archive",
            lambda ladder, why: moves.set_aside(ladder, self.today(), why),
            "Archived.",
            status=AspirationStatus.ARCHIVED,
        )

    @guarded
    def action_restore(self) -> None:
        a = self._selected()
        if a is None:
            return
        path = find_path(a.path)
        if path and path.needs_reason and not a.why.strip():
            self.notify(
                f"{path.name} asks for your reason before it is active: press e and write why "
                "it is worth its price to you.",
                title="Your reason first",
            )
            return
        self._move(
            "Restore",
            self._about(a, f"Take it up again on level {a.ladder.position()}."),
            "What brings you back? (optional)",
            "Restore",
            lambda ladder, why: moves.take_up(ladder, self.today(), why),
            "Restored on level {level}.",
            optional=True,
            status=AspirationStatus.ACTIVE,
        )

    @guarded
    def action_let_go(self) -> None:
        a = self._selected()
        if a is None:
            return
        self._move(
            "Let go",
            self._about(
                a,
                "Decide this direction is no longer yours. Nothing is deleted: it moves to "
                "Archived with its goals and this reason.",
            ),
            "Why let it go?",
            "Let go",
            lambda ladder, why: moves.let_go(ladder, self.today(), why),
            "Let go. It is kept under Archived.",
            status=AspirationStatus.ARCHIVED,
        )

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
