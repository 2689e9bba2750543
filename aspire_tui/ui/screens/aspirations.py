"""Aspirations: the directions a person has chosen, the ladder of each, and moves on it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain import ladder as moves
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.comparison import (
    Candidate,
    aspiration_key,
    candidates,
    compare,
    latest_scores,
    path_key,
)
from aspire_tui.domain.ladder import (
    blocker,
    climb_offered,
    last_set_aside,
    level_count,
    level_goals,
)
from aspire_tui.domain.models import Aspiration, AspirationStatus, Goal, Ladder, Reflection
from aspire_tui.domain.models import Move as MoveKind
from aspire_tui.domain.passions import all_items
from aspire_tui.ui.adoption import adopted_message, save_with_goals
from aspire_tui.ui.aspiration_view import describe_aspiration
from aspire_tui.ui.dialogs.adopt_form import AdoptForm, Adoption
from aspire_tui.ui.dialogs.aspiration_form import AspirationForm
from aspire_tui.ui.dialogs.catalog_picker import CUSTOM, CatalogPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.decision_form import Decided, DecisionForm
from aspire_tui.ui.dialogs.direction_chooser import DirectionChooser
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.dialogs.move_menu import MenuItem, MoveMenu
from aspire_tui.ui.dialogs.raise_form import parse_level_name
from aspire_tui.ui.dialogs.reason_form import ReasonForm
from aspire_tui.ui.privacy_mask import toast_text
from aspire_tui.ui.reevaluation import ReevaluationFlow, keep_decision
from aspire_tui.ui.render import dates_of, key_of, one_line, plain, wrapped
from aspire_tui.ui.screens.comparison import ComparisonScreen
from aspire_tui.ui.screens.main import MainScreen, guarded, read_only_message

EMPTY = Content.assemble(
    ("No aspirations yet", "bold $text-accent"),
    "\n\nAn aspiration is a direction, as big as you dare: lead a company, become the go-to "
    "expert, run your own business. Each has levels to climb, and goals keep you on its "
    "path.\n\nPress ",
    ("n", "bold $text-accent"),
    " to choose one from the catalog or write your own.",
)


class AspirationsScreen(ReevaluationFlow, MainScreen):
    MODE = "aspirations"
    SUB_TITLE = "Aspirations"
    LIST_TITLE = "Aspirations"
    BINDINGS = [
        # The footer shows the short word; help and the palette the tooltip's fuller one.
        Binding("n", "new", "New", id="aspiration.new", tooltip="New aspiration"),
        Binding("e", "edit", "Edit", id="aspiration.edit", tooltip="Edit name, reason, levels"),
        Binding("g", "add_goal", "Goal", id="aspiration.add_goal", tooltip="Add goal"),
        # `u` for up: `r` is the review on every main screen, this one included.
        Binding(
            "u",
            "raise_bar",
            "Raise",
            id="aspiration.raise_bar",
            tooltip="Raise the bar (climb a level)",
        ),
        Binding("m", "moves", "Moves", id="aspiration.moves", tooltip="Moves on the ladder…"),
        Binding("d", "delete", "Delete", id="aspiration.delete"),
        Binding(
            "c",
            "compare",
            "Compare",
            id="aspiration.compare",
            tooltip="Compare directions side by side",
        ),
        # The moves below are in the Moves menu (m), which lists each with its key.
        Binding(
            "plus", "add_level", "Add a level above the top", id="aspiration.add_level", show=False
        ),
        Binding("s", "step_down", "Step down a level", id="aspiration.step_down", show=False),
        Binding("p", "pause", "Pause", id="aspiration.pause", show=False),
        # Pause and resume share a key, as archive and restore do (only one of each pair
        # applies to an aspiration), so each pair shares one id: remapping one moves both.
        Binding("p", "resume", "Resume", id="aspiration.pause", show=False),
        Binding("v", "reevaluate", "Reevaluate", id="aspiration.reevaluate", show=False),
        Binding("a", "archive", "Archive", id="aspiration.archive", show=False),
        Binding("a", "restore", "Restore", id="aspiration.archive", show=False),
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

    RECORD_NOUN = "an aspiration"
    FIRST_STEP = "n adds one"
    VERBS = MainScreen.VERBS | {"add_goal": "add a goal to", "moves": "make a move on"}

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        goals = self.store.goals()
        states = self.aspire.goal_states()
        progress = {goal_id: state.progress for goal_id, state in states.items()}
        last = {goal_id: state.last_checkin for goal_id, state in states.items()}
        shown_archived_heading = False
        for a in self.store.aspirations():
            if not a.active and not shown_archived_heading:
                shown_archived_heading = True
                yield None, Content.styled("Archived", "bold dim")
            current = level_goals(a, goals)
            done, total = level_count(a, goals, progress)
            counted = f"{done}/{total} goals" if total else "no goals yet"
            level = f"level {a.ladder.position()} · "
            if not a.active:
                gone = (event := last_set_aside(a.ladder)) and event.move is MoveKind.LET_GO
                state = ("let go" if gone else "archived", "dim")
            elif a.ladder.paused:
                state = (f"paused · {counted}" if total else "paused", "$text-warning")
            elif climb_offered(a, goals, progress, last):
                state = ("↑ raise the bar", "bold $text-success")
            else:
                state = (counted, "dim")
            late = sum(1 for g in current if g.id and states[g.id].status.flagged)
            if late and a.active and not a.ladder.paused:
                state = (f"{state[0]} · {late} behind", "$text-warning")
            # both lines whole, wrapped: the title and where it stands are what a person reads
            where = wrapped(level + state[0], self.row_width())
            yield (
                str(a.id),
                Content.assemble(
                    plain(wrapped(a.title, self.row_width()), "bold" if a.active else "bold dim"),
                    "\n",
                    (where[: len(level)], "dim"),
                    (where[len(level) :], state[1]),
                ),
            )

    _highlighted: Aspiration | None = None

    def describe(self, record_id: int | None) -> Content:
        aspiration = self.store.aspiration(record_id) if record_id is not None else None
        self._highlighted = aspiration
        if aspiration is None:
            return EMPTY
        goals = self.store.goals(aspiration.id)
        every = self.aspire.goal_states()
        states = {g.id: every[g.id] for g in goals if g.id in every}
        progress = {goal_id: state.progress for goal_id, state in states.items()}
        paces = {goal_id: state.status for goal_id, state in states.items()}
        last = {goal_id: state.last_checkin for goal_id, state in states.items()}
        path = find_path(aspiration.path)
        mine = all_items(self.store.passions())
        width = self.detail_width()
        return describe_aspiration(
            aspiration, path, goals, progress, width, mine, paces, last, dates=dates_of(self)
        )

    def _selected(self) -> Aspiration | None:
        record_id = self.selected_id()
        return self.store.aspiration(record_id) if record_id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` archives or restores and `p` pauses or resumes: show the word that applies.
        Every other move stays live, so that it can say why it cannot be made."""
        if action in ("restore", "resume") and self.store.read_only:
            return False  # one dimmed key is enough
        if action in ("archive", "restore", "pause", "resume") and not self.store.read_only:
            a = self._highlighted
            if a is None:
                return None if action in ("archive", "pause") else False
            if action in ("archive", "restore"):
                return a.active == (action == "archive")
            if not a.active:
                return action == "pause"  # pause then explains that it is archived
            return a.ladder.paused == (action == "resume")
        if action == "raise_bar" and self._highlighted is None:
            return True  # `u` says there is nothing to raise, rather than doing nothing
        return super().check_action(action, parameters)

    def _movable(self, move: MoveKind) -> Aspiration | None:
        """The highlighted aspiration, if `move` can be made on it; otherwise say why not."""
        a = self._selected()
        if a is None:
            if move is MoveKind.RAISED:
                self.notify("Highlight an aspiration first (n adds one).")
            return None
        path = find_path(a.path)
        why_not = blocker(a, move, needs_reason=bool(path and path.needs_reason))
        if why_not:
            self.notify(why_not, markup=False)
            return None
        return a

    # Adopting and editing ---------------------------------------------------------------

    @guarded
    def action_new(self) -> None:
        self._pick_path(None)

    def _pick_path(self, highlight: str | None) -> None:
        adopted = {a.path for a in self.store.aspirations() if a.path}

        def chosen(key: str | None) -> None:
            if key is None:
                return
            path = None if key == CUSTOM else find_path(key)

            def answered(adoption: Adoption | None) -> None:
                if adoption is None:
                    self._pick_path(key)  # escape goes back one step, to the catalog
                else:
                    self._adopted(adoption)

            self.ask(AdoptForm(self.today(), path), answered)

        self.ask(CatalogPicker(adopted, highlight, compare=self._compare_path), chosen)

    # Comparing directions -----------------------------------------------------------------

    def action_compare(self) -> None:
        """Not guarded: comparing only reads; deciding says so when Aspire is read-only."""
        a = self._selected()
        chosen = aspiration_key(a.id) if a is not None and a.active else None
        self.safely(lambda: self._choose_directions(chosen))

    def _compare_path(self, key: str) -> None:
        """`c` in the catalog: that path chosen, or the aspiration adopted from it."""
        adopted = next((a for a in self.store.aspirations() if a.path == key), None)
        if adopted is not None:
            chosen = aspiration_key(adopted.id) if adopted.active else None
        else:
            chosen = path_key(key) if find_path(key) else None
        self.safely(lambda: self._choose_directions(chosen))

    def _choose_directions(self, chosen: str | None, *more: str) -> None:
        found = candidates(self.store.aspirations())

        def picked(keys: list[str] | None) -> None:
            if keys:
                by_key = {c.key: c for c in found}
                self._compare([by_key[k] for k in keys])

        keys = [chosen, *more] if chosen else list(more)
        self.ask(DirectionChooser(found, keys), picked)

    def _compare(self, directions: list[Candidate]) -> None:
        comparison = compare(
            directions,
            latest_scores(self.store.assessments()),
            self.store.passions(),
            self.store.reflections(),
            self.store.goals(),
            self.aspire.goal_progress(),
        )

        def can_decide() -> bool:
            if self.store.read_only:
                self.notify(read_only_message(self.store), severity="warning", markup=False)
                return False
            return True

        def decided(entry: Reflection | None) -> None:
            if entry is None:  # escape goes back one step, to the choice
                self._choose_directions(*(d.key for d in directions))
            else:
                saved = self.store.save_reflection(entry)
                when = (
                    f", to look back on {dates_of(self).long(saved.look_back)}"
                    if saved.look_back
                    else ""
                )
                self.notify(f"Decision kept in your journal{when}.", markup=False)
                self.reload()

        self.ask(ComparisonScreen(comparison, self.today(), can_decide), decided)

    def _adopted(self, adoption: Adoption) -> None:
        saved = save_with_goals(self.store, adoption.aspiration, adoption.goals, self.today())
        self.notify(adopted_message(saved, len(adoption.goals), app=self.app), markup=False)
        self.reload(select=saved.id)

    @guarded
    def action_edit(self) -> None:
        aspiration = self._selected()
        if aspiration is not None:
            items = all_items(self.store.passions())
            self.ask(AspirationForm(self.today(), aspiration, items), self._saved)

    def _saved(self, aspiration: Aspiration | None) -> None:
        if aspiration is not None:
            saved = self.store.save_aspiration(aspiration)
            title = one_line(saved.title, 50)
            self.notify(toast_text(self.app, f"Saved “{title}”.", title), markup=False)
            self.reload(select=saved.id)

    @guarded
    def action_add_goal(self) -> None:
        aspiration = self._selected()
        if aspiration is None:
            return
        if not aspiration.active:
            self.notify("This aspiration is archived: restore it first (a).")
            return
        active = [a for a in self.store.aspirations() if a.active]
        form = GoalForm(self.today(), active, aspiration_id=aspiration.id)

        def saved(goal: Goal | None) -> None:
            if goal is not None:
                self.store.save_goal(goal)
                title = one_line(goal.title, 50)
                self.notify(toast_text(self.app, f"Goal saved: {title}", title), markup=False)
                self.reload()

        self.ask(form, saved)

    # Moving on the ladder ---------------------------------------------------------------

    MENU = (
        ("u", "raise_bar", MoveKind.RAISED, "Raise the bar"),
        ("+", "add_level", MoveKind.LEVEL_ADDED, "Add a level above the top"),
        ("s", "step_down", MoveKind.STEPPED_DOWN, "Step down a level"),
        ("p", "pause", MoveKind.PAUSED, "Pause"),
        ("v", "reevaluate", MoveKind.REEVALUATED, "Reevaluate"),
        ("a", "archive", MoveKind.ARCHIVED, "Archive"),
        ("x", "let_go", MoveKind.LET_GO, "Let go"),
    )

    @guarded
    def action_moves(self) -> None:
        a = self._selected()
        if a is None:
            return
        ladder = a.ladder
        path = find_path(a.path)
        hints = {
            "raise_bar": "name a higher level" if ladder.at_top else "climb to the next level",
            "add_level": "there is always room higher",
            "step_down": "a level that fits your life better",
            "pause": "keep it, but not now",
            "resume": "take it up again",
            "reevaluate": "is this still mine? record why",
            "archive": "set it aside, still readable",
            "restore": "take it up again",
            "let_go": "no longer yours; kept, with the reason",
        }
        items = []
        for key, action, move, label in self.MENU:
            if action == "pause" and ladder.paused:
                action, move, label = "resume", MoveKind.RESUMED, "Resume"
            if action == "archive" and not a.active:
                action, move, label = "restore", MoveKind.RESTORED, "Restore"
            why_not = blocker(a, move, needs_reason=bool(path and path.needs_reason))
            items.append(MenuItem(key, action, label, why_not or hints[action], not why_not))

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        self.ask(MoveMenu(Content.assemble("Move: ", plain(one_line(a.title, 50))), items), chosen)

    def _move(
        self,
        a: Aspiration,
        form: ReasonForm | DecisionForm,
        move: Callable[[Ladder, str], Ladder],
        done: str,
        status: AspirationStatus | None = None,
        decision: MoveKind | None = None,
    ) -> None:
        """Ask for the reason, make the move, keep it in the history; a `decision` (a
        `DecisionForm` asks for it) in the journal too, with its day to look back on it."""

        def answered(result: str | Decided | None) -> None:
            if result is None:
                return
            reason = result.reason if isinstance(result, Decided) else result
            ladder = move(a.ladder, reason)
            changed = dataclasses.replace(a, ladder=ladder, status=status or a.status)
            with self.store.transaction():
                saved = self.store.save_aspiration(changed)
                if isinstance(result, Decided) and decision is not None:
                    today = self.today()
                    keep_decision(self.store, saved, decision, reason, result.look_back, today)
            said = done.format(level=saved.ladder.position())
            if isinstance(result, Decided):
                said += (
                    f" In your journal, to look back on {dates_of(self).long(result.look_back)}."
                )
            self.notify(said, markup=False)
            self.reload(select=saved.id)

        self.ask(form, answered)

    def _about(self, aspiration: Aspiration, *text: Content | str | tuple[str, str]) -> Content:
        title = plain(one_line(aspiration.title, 80), "bold")
        return Content.assemble(title, "\n", *text)

    @guarded
    def action_raise_bar(self) -> None:
        a = self._movable(MoveKind.RAISED)
        if a is not None:
            self._raise(a)

    @guarded
    def action_add_level(self) -> None:
        a = self._movable(MoveKind.LEVEL_ADDED)
        if a is None:
            return
        top = f"The top is now level {len(a.ladder.rungs)}: "
        form = ReasonForm(
            "Add a level above the top",
            self._about(a, top, plain(one_line(a.ladder.rungs[-1], 60), "bold")),
            "The higher level",
            "Add",
            parse=parse_level_name,
            one_line=True,
        )

        def answered(name: str | None) -> None:
            if name is not None:
                ladder = moves.add_level(a.ladder, name, self.today())
                saved = self.store.save_aspiration(dataclasses.replace(a, ladder=ladder))
                said, name = f"Added level {len(ladder.rungs)}: ", one_line(name, 50)
                self.notify(toast_text(self.app, said + name, name), markup=False)
                self.reload(select=saved.id)

        self.ask(form, answered)

    @guarded
    def action_step_down(self) -> None:
        a = self._movable(MoveKind.STEPPED_DOWN)
        if a is None:
            return
        below = plain(one_line(a.ladder.rungs[a.ladder.level - 1], 60), "bold")
        text = self._about(
            a,
            f"Step down from level {a.ladder.position()} to level {a.ladder.level}, ",
            below,
            ". Reaching a level and finding it is not what you expected is worth knowing; "
            "stepping down to find balance is a choice, not a failure. This level's goals "
            "stay where they are.",
        )
        today = self.today()
        form = DecisionForm("Step down a level", text, "Why step down?", "Step down", today)
        self._move(
            a,
            form,
            lambda ladder, why: moves.step_down(ladder, today, why),
            "Stepped down: now on level {level}.",
            decision=MoveKind.STEPPED_DOWN,
        )

    @guarded
    def action_pause(self) -> None:
        a = self._movable(MoveKind.PAUSED)
        if a is None:
            return
        text = self._about(a, "Keep it and its goals, but not now. Press p again to resume.")
        today = self.today()
        form = DecisionForm("Pause", text, "Why pause?", "Pause", today, ask_until=True)
        self._move(
            a,
            form,
            lambda ladder, why: moves.pause(ladder, today, why, until=form.until),
            "Paused.",
            decision=MoveKind.PAUSED,
        )

    @guarded
    def action_resume(self) -> None:
        a = self._movable(MoveKind.RESUMED)
        if a is None:
            return
        parts: list[Content | str | tuple[str, str]] = [
            f"Take it up again on level {a.ladder.position()}."
        ]
        paused = next((e for e in reversed(a.ladder.history) if e.move is MoveKind.PAUSED), None)
        if paused is not None and paused.reason:
            parts += ["\n\n", (f"You paused it on {dates_of(self).long(paused.on)}: ", "dim")]
            parts.append(plain(paused.reason, "italic"))
        self._move(
            a,
            ReasonForm("Resume", self._about(a, *parts), "What has changed?", "Resume"),
            lambda ladder, why: moves.resume(ladder, self.today(), why),
            "Resumed on level {level}.",
        )

    @guarded
    def action_reevaluate(self) -> None:
        a = self._movable(MoveKind.REEVALUATED)
        if a is not None:
            self.reevaluate(a)

    def reevaluated(self, saved: Aspiration, label: str) -> None:
        self.reload(select=saved.id)

    @guarded
    def action_archive(self) -> None:
        a = self._movable(MoveKind.ARCHIVED)
        if a is None:
            return
        kept = "Set it aside. It stays readable with its goals; restore it later with a."
        text = self._about(a, kept)
        self._move(
            a,
            ReasonForm("Archive", text, "Why set it aside?", "Archive"),
            lambda ladder, why: moves.set_aside(ladder, self.today(), why),
            "Archived.",
            AspirationStatus.ARCHIVED,
        )

    @guarded
    def action_restore(self) -> None:
        a = self._movable(MoveKind.RESTORED)
        if a is None:
            return
        parts: list[Content | str | tuple[str, str]] = [
            f"Take it up again on level {a.ladder.position()}."
        ]
        event = last_set_aside(a.ladder)
        if event is not None and event.reason:
            word = "let it go" if event.move is MoveKind.LET_GO else "set it aside"
            parts += ["\n\n", (f"You {word} on {dates_of(self).long(event.on)}: ", "dim")]
            parts.append(plain(event.reason, "italic"))
        self._move(
            a,
            ReasonForm("Restore", self._about(a, *parts), "What brings you back?", "Restore"),
            lambda ladder, why: moves.take_up(ladder, self.today(), why),
            "Restored on level {level}.",
            AspirationStatus.ACTIVE,
        )

    @guarded
    def action_let_go(self) -> None:
        a = self._movable(MoveKind.LET_GO)
        if a is None:
            return
        text = self._about(
            a,
            "Decide this direction is no longer yours. Nothing is deleted: it moves to "
            "Archived with its goals and this reason.",
        )
        today = self.today()
        self._move(
            a,
            DecisionForm("Let go", text, "Why let it go?", "Let go", today),
            lambda ladder, why: moves.let_go(ladder, today, why),
            "Let go. It is kept under Archived.",
            AspirationStatus.ARCHIVED,
            decision=MoveKind.LET_GO,
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
        archive_key = key_of(self.app, self.BINDINGS, "aspiration.archive")
        instead = (
            f"To keep it out of the way instead, archive it with {archive_key}."
            if aspiration.active
            else f"It is already archived, out of the way without deleting it; "
            f"{archive_key} restores it."
        )
        message = Content.assemble(
            "Delete “",
            plain(safe_title(aspiration), "bold"),
            f"”{goals}? This cannot be undone.\n\n",
            (instead, "dim"),
        )
        aspiration_id = aspiration.id

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_aspiration(aspiration_id)
                self.reload()

        self.ask(ConfirmDialog("Delete aspiration", message), confirmed)


def safe_title(aspiration: Aspiration) -> str:
    return one_line(aspiration.title, 200)
