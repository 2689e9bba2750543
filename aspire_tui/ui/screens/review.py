"""The periodic review, one step at a time: each open goal, each active aspiration, the drivers
if they are old, and a closing reflection. Every change and every word typed is saved as it is
made, so the review can be left (escape) and resumed (r) where it stood."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static

from aspire_tui.domain.check_ins import start_moved_back
from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Reflection,
    Review,
    ReviewAction,
    ReviewChange,
)
from aspire_tui.domain.review import (
    ASPIRATION,
    CLOSING,
    DRIVERS,
    DRIVERS_STALE_DAYS,
    GOAL,
    LOOK_BACK,
    adjustment,
    completing_checkins,
    step_parts,
    without_undone_drops,
)
from aspire_tui.domain.validation import ValidationError
from aspire_tui.presentation.review_actions import ACTION_WORDS
from aspire_tui.presentation.text import safe as safe_text
from aspire_tui.store import StoreError
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.goal_page import describe_goal
from aspire_tui.ui.host import AspireHost, host_of
from aspire_tui.ui.reevaluation import ReevaluationFlow
from aspire_tui.ui.render import (
    HEADING,
    dates_of,
    key_of,
    one_line,
    plain,
    safe,
    with_dates_shown,
)
from aspire_tui.ui.review_view import DRIVERS_TITLE
from aspire_tui.ui.undo import UndoEntry
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.plain_fields import PlainInput
from aspire_tui.use_cases import goals as goal_work

if TYPE_CHECKING:
    from datetime import date

    from aspire_tui.store import AspireStore

NOTE_PLACEHOLDER = "w to write: what you noticed, why you changed it"
CLOSING_FIELDS = (
    ("went_well", "What went well?"),
    ("will_change", "What will I change?"),
    ("next_step", "The one thing I will do next"),
)
ACTIONS = {
    GOAL: {"log", "adjust", "achieved", "drop", "write"},
    LOOK_BACK: {"write"},
    ASPIRATION: {"keep", "reevaluate", "write"},
    DRIVERS: {"retake", "write"},
    CLOSING: {"write", "finish"},
}


T = TypeVar("T")


class ReviewScreen(ReevaluationFlow, ModalScreen[Review | None]):
    """Dismisses with the finished review, or None when left (kept, to resume)."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [
        Binding("enter,right", "next", "Next", key_display="→", id="review.next"),
        Binding("left,backspace", "previous", "Back", key_display="←", id="review.back"),
        Binding("l", "log", "Log", id="review.log"),
        Binding("e", "adjust", "Adjust", id="review.adjust"),
        Binding("a", "achieved", "Achieved", id="review.achieved"),
        Binding("x", "drop", "Drop", id="review.drop"),
        Binding("y", "keep", "Still mine", id="review.keep"),
        Binding("v", "reevaluate", "Reevaluate", id="review.reevaluate"),
        Binding("t", "retake", "Retake drivers", id="review.retake"),
        Binding("w", "write", "Write", id="review.write", tooltip="Write a note on this step"),
        Binding("ctrl+s", "finish", "Finish", id="review.finish"),
        Binding(
            "ctrl+d",
            "discard",
            "Discard",
            show=False,
            id="review.discard",
            tooltip="Discard this review (the changes it made stay)",
        ),
        Binding("escape", "leave", "Leave (kept)", id="review.leave"),
        Binding("question_mark", "app.help", "Help", show=False, id="help"),
        Binding(
            "asterisk",
            "app.toggle_mask",
            "Mask",
            show=False,
            id="mask",
            tooltip="Privacy mask: hide or show personal text",
        ),
    ]

    def __init__(self, review: Review) -> None:
        super().__init__()
        self.review = review

    @property
    def aspire(self) -> AspireHost:  # type: ignore[override]
        return host_of(self)

    @property
    def store(self) -> AspireStore:  # type: ignore[override]
        return self.aspire.store

    def today(self) -> date:
        return self.aspire.today()

    @property
    def key(self) -> str:
        return self.review.plan[self.review.step]

    @property
    def kind(self) -> str:
        return step_parts(self.key)[0]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide review"):
            yield Label("Review", classes="dialog-title", id="review-title")
            with VerticalScroll(id="review-card"):
                yield Static(id="review-body")
            yield Static(id="review-changes")  # outside the scroll: always in view
            yield Label("Note on this step", classes="field-label", id="note-label")
            yield PlainInput(placeholder=NOTE_PLACEHOLDER, id="note")
            with Vertical(id="closing"):
                for name, label in CLOSING_FIELDS:
                    yield Label(label, classes="field-label")
                    yield PlainInput(getattr(self.review, name), id=name)
            yield Static(id="review-hint", classes="field-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()

    # Showing a step -----------------------------------------------------------------------

    def _goal(self) -> Goal | None:
        uid = step_parts(self.key)[1]
        return next((g for g in self.store.goals() if g.uid == uid), None)

    def _aspiration(self) -> Aspiration | None:
        uid = step_parts(self.key)[1]
        return next((a for a in self.store.aspirations() if a.uid == uid), None)

    def show(self) -> None:
        self._reconcile()
        review, plan = self.review, self.review.plan
        names = {
            GOAL: "Goal",
            LOOK_BACK: "Look back",
            ASPIRATION: "Aspiration",
            DRIVERS: "Drivers",
            CLOSING: "Closing",
        }
        title = f"Review · step {review.step + 1} of {len(plan)} · {names[self.kind]}"
        self.query_one("#review-title", Label).update(title)
        try:
            body = self._body()
        except (StoreError, ValidationError) as error:  # said once, in a toast
            self.aspire.report_error(safe(str(error)))
            body = Content.styled("This step cannot be shown now: → goes on.", "italic")
        self.query_one("#review-body", Static).update(body)
        kind = self.kind
        self._present = kind not in (GOAL, ASPIRATION) or bool(
            self._safely(self._goal if kind == GOAL else self._aspiration)
        )
        changes = self.query_one("#review-changes", Static)
        changes.update(self._changes())
        changes.display = any(c.step == self.key for c in review.changes)
        closing = self.kind == CLOSING
        self.query_one("#closing").display = closing
        self.query_one("#note").display = not closing
        self.query_one("#note-label").display = not closing
        looking_back = kind == LOOK_BACK
        self.query_one("#note-label", Label).update(
            "How did it go?" if looking_back else "Note on this step"
        )
        note = self.query_one("#note", Input)
        note.placeholder = (
            f"{self.shown_key('review.write')} to write how it went"
            if looking_back
            else NOTE_PLACEHOLDER
        )
        with note.prevent(Input.Changed):
            note.value = safe_text(review.notes.get(self.key, "")).replace("\n", " ")
        self.mask_changed()
        self.query_one("#review-hint", Static).update(self._hint())
        self.query_one("#review-card", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _reconcile(self, report: bool = False) -> bool:
        """A goal dropped in this review and put back since (ctrl+z), at any step, is no
        longer dropped: the review says what is true as it is shown and as it is saved.
        False if the goals could not be read (said in a toast when `report`; a step shown
        says it its own way) or the review could not be saved (said)."""
        if not any(c.action is ReviewAction.DROPPED for c in self.review.changes):
            return True
        try:
            uids = {g.uid for g in self.store.goals() if g.dropped is None}
        except (StoreError, ValidationError) as error:
            if report:
                self.aspire.report_error(safe(str(error)))
            return False
        return self._save(without_undone_drops(self.review, uids))

    def _body(self) -> Content:
        kind, today, k = self.kind, self.today(), self.shown_key
        if kind == GOAL:
            goal = self._goal()
            if goal is None or goal.id is None:
                said = [c.title for c in self.review.changes if c.step == self.key]
                gone = (
                    Content.assemble(plain(f"“{one_line(said[0], 80)}”"), " is")
                    if said
                    else Content("This goal is")
                )
                return Content.assemble(gone, f" no longer there: {k('review.next')} goes on.")
            state = self.aspire.standing.of([goal], today)[goal.id]
            owner = self.store.aspiration(goal.aspiration_id)
            return Content.assemble(
                ("How is it going? ", "bold"),
                (
                    f"{k('review.log')} log progress · {k('review.adjust')} adjust target or "
                    f"deadline · {k('review.achieved')} achieved · {k('review.drop')} drop",
                    "dim",
                ),
                "\n\n",
                describe_goal(state, owner, today, bar_width=30, hints=False, dates=dates_of(self)),
            )
        if kind == ASPIRATION:
            a = self._aspiration()
            if a is None:
                return Content.styled("This aspiration is no longer there: → goes on.", "italic")
            moves = "resume, step down, let go…" if a.ladder.paused else "step down, pause, let go…"
            return Content.assemble(
                ("Still mine? ", "bold"),
                (
                    f"{k('review.keep')} yes, still mine · {k('review.reevaluate')} reevaluate "
                    f"it ({moves})",
                    "dim",
                ),
                "\n\n",
                self._aspiration_card(a),
            )
        if kind == LOOK_BACK:
            return self._look_back_card()
        if kind == DRIVERS:
            latest = self.store.assessments()[-1:]
            finished = latest[0].finished if latest else None
            if finished is not None and (today - finished).days <= DRIVERS_STALE_DAYS:
                return Content.assemble(
                    ("Your drivers profile", "bold"),
                    f"\n\nTaken again on {dates_of(self).long(finished)}: the profile on "
                    f"Reflect shows how each driver has moved. {k('review.next')} goes on.",
                )
            when = dates_of(self).long(finished) if finished else "long ago"
            return Content.assemble(
                ("Your drivers profile", "bold"),
                f"\n\nYou last took the drivers self-assessment on {when}, over a year ago. "
                "What drives a person moves with the years: ",
                (k("review.retake"), "bold"),
                f" takes it again (the earlier results are kept), or {k('review.next')} goes on.",
            )
        done = len(self.review.changes)
        return Content.assemble(
            ("Closing reflection", "bold"),
            f"\n\n{done} change{'s' if done != 1 else ''} made in this review. ",
            "Three questions to close it, then ",
            (k("review.finish"), "bold"),
            " saves the review in your journal.",
        )

    def _decision(self) -> Reflection | None:
        uid = step_parts(self.key)[1]
        return next((r for r in self.store.reflections() if r.uid == uid), None)

    def _answered_here(self) -> bool:
        return any(
            c.step == self.key and c.action is ReviewAction.LOOKED_BACK for c in self.review.changes
        )

    def _look_back_card(self) -> Content:
        """How did it go? What was written at the time and the drivers since, as on Home; the
        note on this step is the answer."""
        from aspire_tui.domain.decisions import look_back_of
        from aspire_tui.ui.look_back_view import describe_look_back

        k = self.shown_key
        decision = self._decision()
        if decision is None:
            return Content.styled(f"This decision is no longer there: {k('review.next')} goes on.")
        about = self.store.aspiration(decision.aspiration_id) if decision.aspiration_id else None
        card = describe_look_back(
            decision, about, self.store.assessments(), columns=2, dates=dates_of(self)
        )
        answer = look_back_of(decision, self.store.reflections())
        if answer is not None and not self._answered_here():
            said = Content.assemble(
                (f"Looked back on {dates_of(self).long(answer.on)}: ", "bold"),
                plain(one_line(answer.note, 200), "italic"),
                (f"  {k('review.next')} goes on.", "dim"),
            )
        else:
            said = Content.assemble(
                ("A decision come back: ", "bold"),
                (f"{k('review.write')} writes how it went, kept in the journal with it.", "dim"),
            )
        return Content.assemble(said, "\n\n", card)

    def _keep_look_back(self) -> bool:
        """The note on a look-back step, kept as the journal's look back on the decision
        (written once, then kept up to date); False (and said) if it could not be."""
        if self.kind != LOOK_BACK:
            return True
        from aspire_tui.domain.decisions import look_back_entry, look_back_of

        text = self.review.notes.get(self.key, "").strip()
        decision = self._safely(self._decision)
        if not text or decision is None:
            return True
        mine = self._answered_here()
        found = self._safely(lambda: look_back_of(decision, self.store.reflections()))
        if found is not None and not mine:
            return True  # answered on Home since the review began: that answer stands
        if found is not None:
            if found.note == text:
                return True
            return self._guarded(
                lambda: self.store.save_reflection(dataclasses.replace(found, note=text))
            )
        if not self._guarded(
            lambda: self.store.save_reflection(look_back_entry(decision, self.today(), text))
        ):
            return False
        about = self._safely(lambda: self.store.aspiration(decision.aspiration_id or -1))
        title = one_line(about.title, 200) if about else f"Decision of {decision.on.isoformat()}"
        change = ReviewChange(self.key, ReviewAction.LOOKED_BACK, title)
        return self._save(dataclasses.replace(self.review, changes=(*self.review.changes, change)))

    def _aspiration_card(self, a: Aspiration) -> Content:
        """What "still mine?" is asked about: the direction, why, and where it stands (the
        Aspirations page names that screen's keys, which mean other things here)."""
        from aspire_tui.domain.ladder import level_count

        ladder = a.ladder
        done, total = level_count(a, self.store.goals(a.id), self.aspire.goal_progress())
        parts: list[Content | str | tuple[str, str]] = [
            plain(one_line(a.title, 200), HEADING),
            "\n",
            ("Level ", "dim"),
            f"{ladder.position()}: ",
            plain(one_line(ladder.current, 120), "bold"),
            (" · paused" if ladder.paused else "", "$text-warning"),
            "\n",
            ("This level's goals: ", "dim"),
            f"{done} of {total} achieved",
            "\n",
        ]
        if ladder.next_rung:
            parts += [("Next: ", "dim"), plain(one_line(ladder.next_rung, 120)), "\n"]
        parts += ["\n", ("Why it is mine", "bold"), "\n"]
        parts.append(plain(a.why) if a.why.strip() else Content.styled("not written", "dim italic"))
        parts += ["\n", ("Adopted ", "dim"), dates_of(self).long(a.created), "\n"]
        return Content.assemble(*parts)

    def _changes(self) -> Content:
        made = [c for c in self.review.changes if c.step == self.key]
        if not made:
            return Content("")
        lines: list[Content | str | tuple[str, str]] = [("Done in this review:", "bold")]
        for change in made:
            lines += ["\n  ✓ ", (ACTION_WORDS[change.action], "bold $text-success")]
            if change.detail:
                lines += [
                    ": ",
                    plain(one_line(with_dates_shown(change.detail, dates_of(self)), 160)),
                ]
        return Content.assemble(*lines)

    def shown_key(self, binding_id: str) -> str:
        """A key as shown in words, following the settings file's [keys]."""
        return key_of(self.app, self.BINDINGS, binding_id) or binding_id

    def _hint(self) -> str:
        k = self.shown_key
        write, leave = k("review.write"), k("review.leave")
        if self.kind == CLOSING:
            return (
                f"{write} writes · enter: the next answer · {k('review.finish')} saves the review"
                f" · {leave} leaves"
            )
        return (
            f"{k('review.next')} next · {k('review.back')} back · {write} note · {leave} leaves:"
            f" everything is kept, {self.aspire.key_for_id('review')} resumes"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"next", "previous", "leave"}:
            if action == "next" and self.kind == CLOSING:
                return None
            if action == "previous" and self.review.step == 0:
                return None
            return True
        allowed = {name for names in ACTIONS.values() for name in names}
        if action in allowed:
            if action in ACTIONS[self.kind] and action != "write" and not self._present:
                return None  # its goal or aspiration is gone: nothing to act on
            return action in ACTIONS[self.kind]
        return True

    _present = True
    """Whether the step's goal or aspiration is still there (worked out as the step shows)."""

    # Saving ---------------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Every keystroke is saved (the store writes off the UI thread, folding a burst of
        saves into one write), so a closed terminal loses nothing typed."""
        self.save_draft()

    def save_draft(self) -> bool:
        """What is typed, into the review on disk; False (and said) if it could not be."""
        notes = dict(self.review.notes)
        if self.kind != CLOSING:
            text = self.query_one("#note", Input).value
            if text.strip():
                notes[self.key] = text
            else:
                notes.pop(self.key, None)

        def answer(name: str) -> str:
            return self.query_one(f"#{name}", Input).value

        return self._save(
            dataclasses.replace(
                self.review,
                notes=notes,
                went_well=answer("went_well"),
                will_change=answer("will_change"),
                next_step=answer("next_step"),
            )
        )

    def _save(self, review: Review) -> bool:
        if review == self.review and review.id is not None:
            return True
        if review.id is not None and not self._kept(review):
            review = dataclasses.replace(review, id=None)  # a failed write took it: add it again
        try:
            self.review = self.store.save_review(review)
        except (StoreError, ValidationError) as error:
            self.aspire.report_error(safe(str(error)))
            return False
        return True

    def _record(self, action: ReviewAction, title: str, detail: str = "") -> None:
        change = ReviewChange(self.key, action, title, detail)
        if change in self.review.changes:
            return
        self.save_draft()
        self._save(dataclasses.replace(self.review, changes=(*self.review.changes, change)))
        self.show()

    # Moving through the steps ---------------------------------------------------------------

    def _go(self, step: int) -> None:
        if not self.save_draft() or not self._keep_look_back():
            return
        self._save(dataclasses.replace(self.review, step=step))
        self.set_focus(None)
        self.show()

    def action_next(self) -> None:
        if self.review.step + 1 < len(self.review.plan):
            self._go(self.review.step + 1)

    def action_previous(self) -> None:
        if self.review.step > 0:
            self._go(self.review.step - 1)

    def mask_changed(self) -> None:
        """With the privacy mask on, what was written here shows as dots until the person
        goes into the field to write (a review picked up with someone watching)."""
        masked = bool(getattr(self.app, "masked", False))
        for field in self.query(Input):
            field.password = masked and not field.has_focus

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.mask_changed()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.mask_changed()

    def action_write(self) -> None:
        field = "#went_well" if self.kind == CLOSING else "#note"
        self.query_one(field, Input).focus()
        leave = self.shown_key("review.leave")
        self.query_one("#review-hint", Static).update(
            f"Writing: saved as you type · enter or {leave} goes back to the keys"
        )

    def _back_to_keys(self) -> None:
        for field in self.query(Input):
            field.cursor_position = 0  # written: show it from its start
        self.set_focus(None)
        self.query_one("#review-hint", Static).update(self._hint())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a closing answer goes to the next one; elsewhere, back to the keys."""
        names = [name for name, _ in CLOSING_FIELDS]
        self.save_draft()
        # From the field focused now, not the one that sent this: two quick enters are two
        # steps, though the second was pressed before the first one's move was made.
        at = self.focused.id if isinstance(self.focused, Input) else event.input.id
        if at in names[:-1]:
            self.set_focus(self.query_one(f"#{names[names.index(str(at)) + 1]}", Input))
        else:
            self._back_to_keys()

    def action_leave(self) -> None:
        if isinstance(self.focused, Input):  # escape from a field: back to the keys
            self.save_draft()
            self._back_to_keys()
            return
        if self.save_draft():  # a store that refuses has said so; leaving must still work
            self._keep_look_back()
        self.dismiss(None)

    def action_finish(self) -> None:
        if not self.save_draft() or not self._keep_look_back() or not self._reconcile(report=True):
            return
        if not self.review.next_step.strip():
            self.notify(
                f"Write the one thing you will do next first ({self.shown_key('review.write')}"
                ", then enter twice): it is what the next review starts from.",
                markup=False,
            )
            return
        finished = max(self.today(), self.review.started)  # a clock set back
        if self._save(dataclasses.replace(self.review, finished=finished)):
            self.dismiss(self.review)

    def action_discard(self) -> None:
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        message = Content(
            "Discard this review? Its notes and answers go; the changes it made to goals and "
            "aspirations stay. The next review starts afresh."
        )

        def confirmed(yes: bool | None) -> None:
            review_id = self.review.id
            if yes and (
                review_id is None or self._guarded(lambda: self.store.delete_review(review_id))
            ):
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard the review", message, "Discard", "Keep it"), confirmed
        )

    # The changes a step can make ------------------------------------------------------------

    def ask(self, dialog: Screen[Any], then: Any) -> None:
        """A dialog over the review; the review is saved before it opens, and what is done
        with the answer is guarded: a store that refuses says so, the review goes on."""
        self.save_draft()

        def answered(result: Any) -> None:
            self._guarded(lambda: then(result))
            self._guarded(self.show)

        self.app.push_screen(dialog, answered)

    def action_log(self) -> None:
        from aspire_tui.ui.dialogs.checkin_form import CheckInForm

        goal = self._goal()
        if goal is None:
            return
        refused = goal_work.why_not_log_now(self.store, goal, self.today())
        if refused:
            self.notify(f"{refused} → goes on.")
            return
        done = frozenset(c.milestone for c in self.store.checkins(goal.id) if c.milestone)

        def logged(checkin: CheckIn | None) -> None:
            if checkin is None:
                return
            today = self.today()
            result = self._attempt(lambda: goal_work.log_checkin(self.store, goal, checkin, today))
            if result is None:
                return
            from aspire_tui.presentation.measure import progress_text

            after = result.after
            detail = "now " + progress_text(goal, after) + (", achieved" if after.achieved else "")
            action = ReviewAction.ACHIEVED if result.newly_achieved else ReviewAction.LOGGED
            self._record(action, goal.title, detail)

        form = CheckInForm(self.today(), goal, done_milestones=done, check=self.store.check_checkin)
        self.ask(form, logged)

    def action_adjust(self) -> None:
        from aspire_tui.ui.dialogs.goal_form import GoalForm

        goal = self._goal()
        if goal is None:
            return
        form = GoalForm.editing(self.store, goal, self.today())

        def saved(edited: Goal | None) -> None:
            if edited is None or edited == goal:
                return
            if self._guarded(lambda: self.store.save_goal(edited)):
                self.aspire.undo.push(UndoEntry("the edit of a goal", [goal], [], goal.id))
                self._record(ReviewAction.ADJUSTED, edited.title, adjustment(goal, edited))

        self.ask(form, saved)

    def action_achieved(self) -> None:
        goal = self._goal()
        if goal is None:
            return
        if goal.target.every:
            self.notify("A habit is kept up, not achieved at once: l logs this period's.")
            return
        adding = completing_checkins(goal, self.store.checkins(goal.id), self.today())
        if not adding:
            self.notify("Already achieved: → goes on.")
            return
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        moved = start_moved_back(goal, self.today())  # progress and pace line begin together
        message = Content.assemble(
            "Mark ",
            plain(f"“{one_line(goal.title, 60)}”", "bold"),
            " achieved? This logs what is left to reach its target today.",
            " Its start moves back to today." if moved else "",
        )

        def confirmed(yes: bool | None) -> None:
            if yes and self._guarded(lambda: goal_work.achieve(self.store, goal, self.today())):
                self._record(ReviewAction.ACHIEVED, goal.title, f"on {self.today().isoformat()}")

        self.ask(ConfirmDialog("Achieved", message, "Achieved", "Not yet"), confirmed)

    def action_drop(self) -> None:
        goal = self._goal()
        if goal is None or goal.id is None:
            return
        count = len(self.store.checkins(goal.id))
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        why = self.review.notes.get(self.key, "").strip()
        message = Content.assemble(
            "Drop ",
            plain(f"“{one_line(goal.title, 60)}”", "bold"),
            f"? It is kept with its {count} check-in{'s' if count != 1 else ''}, marked "
            "dropped today, out of live work (the Goals filter and its aspiration still show "
            "it; ctrl+z on the Goals screen undoes it until you quit)",
            "; your note here is kept as the reason." if why else ".",
        )

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            dropped = self._attempt(lambda: goal_work.drop(self.store, goal, why, self.today()))
            if dropped is not None:
                self.aspire.undo.push(UndoEntry("the dropped goal", [goal], [], goal.id))
                self._record(ReviewAction.DROPPED, goal.title, one_line(why, 200))

        self.ask(ConfirmDialog("Drop this goal", message, "Drop", "Keep it"), confirmed)

    def action_keep(self) -> None:
        a = self._aspiration()
        if a is not None:
            self._record(ReviewAction.KEPT, a.title)

    def action_reevaluate(self) -> None:
        a = self._aspiration()
        if a is not None:
            self.reevaluate(a)

    def reevaluated(self, saved: Aspiration, label: str) -> None:
        self._record(ReviewAction.REEVALUATED, saved.title, label)

    def action_retake(self) -> None:
        from aspire_tui.domain.assessment import questionnaire
        from aspire_tui.ui.screens.assessment import AssessmentScreen

        draft = self.store.unfinished_assessment() or Assessment(started=self.today())

        def done(finished: Assessment | None) -> None:
            if finished is not None:
                self._record(ReviewAction.RETAKEN, DRIVERS_TITLE)

        self.ask(AssessmentScreen(questionnaire(), draft, self.today()), done)

    def _safely(self, read: Any) -> Any:
        try:
            return read()
        except (StoreError, ValidationError):
            return None

    def _kept(self, review: Review) -> bool:
        try:
            return review.id is not None and self.store.review(review.id) is not None
        except (StoreError, ValidationError):
            return True  # cannot tell: let the save say what is wrong

    def _guarded(self, change: Any) -> bool:
        try:
            change()
        except (StoreError, ValidationError) as error:
            self.aspire.report_error(safe(str(error)))
            return False
        return True

    def _attempt(self, change: Callable[[], T]) -> T | None:
        """What `change` returns, or None if the store refused it (and the person is told)."""
        try:
            return change()
        except (StoreError, ValidationError) as error:
            self.aspire.report_error(safe(str(error)))
            return None
