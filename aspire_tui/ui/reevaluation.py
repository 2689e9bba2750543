"""Reevaluating an aspiration and raising its bar, shared by the Aspirations screen and the
review: the forms, the move on the ladder, and the thinking kept in the journal."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from aspire_tui.domain import ladder as moves
from aspire_tui.domain.assessment import questionnaire, score
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.decisions import decided_line, decision_entry
from aspire_tui.domain.journal import REEVALUATION_PROMPT
from aspire_tui.domain.ladder import level_count
from aspire_tui.domain.models import Aspiration, AspirationStatus, Reflection
from aspire_tui.domain.models import Move as MoveKind
from aspire_tui.ui.adoption import save_with_goals
from aspire_tui.ui.dialogs.raise_form import Raise, RaiseForm
from aspire_tui.ui.dialogs.reevaluate_form import DECISIONS, ReevaluateForm, Reevaluation
from aspire_tui.ui.privacy_mask import toast_text
from aspire_tui.ui.render import one_line

if TYPE_CHECKING:
    from textual.app import App

    from aspire_tui.store import AspireStore
    from aspire_tui.ui.host import AspireHost


class ReevaluationFlow:
    """A mixin for a screen with a store, a day, `ask` and `notify`; `reevaluated` hears
    what was decided."""

    store: AspireStore
    aspire: AspireHost
    app: App[Any]
    today: Callable[[], date]
    ask: Callable[..., None]
    notify: Callable[..., Any]

    def reevaluated(self, saved: Aspiration, label: str) -> None:
        raise NotImplementedError

    def reevaluate(self, a: Aspiration) -> None:
        """Still mine? The reevaluation form, and its decision acted on."""
        assessments = self.store.assessments()
        scores = score(assessments[-1], questionnaire().statements) if assessments else None
        form = ReevaluateForm(a, find_path(a.path), scores, self.today())

        def answered(result: Reevaluation | None) -> None:
            if result is not None:
                self._decide(a, result)

        self.ask(form, answered)

    def _decide(self, a: Aspiration, result: Reevaluation) -> None:
        """The decision acts on the aspiration; the thinking goes in the journal."""
        today, decision = self.today(), result.decision
        if decision is MoveKind.RAISED:
            self._raise(a, result.reason, result, result.look_back)
            return
        if decision is MoveKind.REEVALUATED:
            ladder = moves.reevaluate(a.ladder, today, result.reason)
        else:
            ladder = moves.reevaluate(a.ladder, today, f"Decided: {result.label.lower()}.")
        if decision is MoveKind.STEPPED_DOWN:
            ladder = moves.step_down(ladder, today, result.reason)
        elif decision is MoveKind.PAUSED:
            ladder = moves.pause(ladder, today, result.reason)
        elif decision is MoveKind.RESUMED:
            ladder = moves.resume(ladder, today, result.reason)
        elif decision is MoveKind.LET_GO:
            ladder = moves.let_go(ladder, today, result.reason)
        status = AspirationStatus.ARCHIVED if decision is MoveKind.LET_GO else a.status
        changed = dataclasses.replace(a, ladder=ladder, status=status)
        with self.store.transaction():
            saved = self.store.save_aspiration(changed)
            self._journal(saved, result, result.look_back)
        self.notify(
            f"{result.label}: kept in the history, and your thoughts in the journal.",
            markup=False,
        )
        self.reevaluated(saved, result.label)

    def _journal(self, a: Aspiration, result: Reevaluation, look_back: date | None) -> None:
        """The reevaluation's answers, as a journal entry about the aspiration; a decision
        that acts (not keeping on or resuming) with its day to look back on it."""
        thoughts = [
            f"Still what I want? {result.still_mine}" if result.still_mine else "",
            f"What I have learned: {result.learned}" if result.learned else "",
        ]
        if look_back is not None:
            self.store.save_reflection(
                decision_entry(
                    self.today(),
                    a.id,
                    result.label,
                    result.reason,
                    look_back,
                    thoughts,
                    tags=("reevaluation",),
                    prompt=REEVALUATION_PROMPT,
                )
            )
            return
        thoughts.append(decided_line(result.label, result.reason))
        self.store.save_reflection(
            Reflection(
                on=self.today(),
                note="\n\n".join(t for t in thoughts if t),
                prompt=REEVALUATION_PROMPT,
                tags=("reevaluation",),
                aspiration_id=a.id,
            )
        )

    def _raise(
        self,
        a: Aspiration,
        reason: str = "",
        reevaluation: Reevaluation | None = None,
        look_back: date | None = None,
    ) -> None:
        """Climb, with the next level's goals, kept in the journal as a decision to look back
        on; from a reevaluation, nothing is kept unless the climb is confirmed too."""
        goals = self.store.goals(a.id)
        progress = self.aspire.goal_progress()
        done, total = level_count(a, goals, progress)
        above = a.ladder.level + 1
        there = [g.title for g in goals if g.level == above]
        path, today = find_path(a.path), self.today()
        form = RaiseForm(a, path, done, total, there, today, reason, look_back)

        def answered(result: Raise | None) -> None:
            if result is None:
                if reevaluation is not None:
                    self.notify("Nothing was changed or recorded: the bar stays where it was.")
                return
            today = self.today()
            ladder = a.ladder
            if reevaluation is not None:
                ladder = moves.reevaluate(ladder, today, "Decided: raise the bar.")
            if result.new_level is not None:
                ladder = moves.add_level(ladder, result.new_level, today)
            level_done = bool(total) and done == total
            ladder = moves.raise_bar(ladder, today, result.reason, level_done=level_done)
            with self.store.transaction():
                changed = dataclasses.replace(a, ladder=ladder)
                saved = save_with_goals(self.store, changed, result.goals, today)
                if reevaluation is not None:
                    self._journal(saved, reevaluation, result.look_back)
                else:
                    raised, why = MoveKind.RAISED, result.reason
                    keep_decision(self.store, saved, raised, why, result.look_back, today)
            level = one_line(ladder.current, 50)
            said = f"Raised the bar: level {ladder.position()}, {level}"
            self.notify(
                toast_text(self.app, said, level),
                title="Onwards",
                markup=False,
            )
            self.reevaluated(saved, "Raised the bar")

        self.ask(form, answered)


def keep_decision(
    store: AspireStore,
    a: Aspiration,
    move: MoveKind,
    reason: str,
    look_back: date,
    today: date,
) -> None:
    """A move that is a decision (step down, pause, let go, raise the bar), in the journal
    with its day to look back on it; called inside the move's own transaction."""
    store.save_reflection(decision_entry(today, a.id, dict(DECISIONS)[move], reason, look_back))
