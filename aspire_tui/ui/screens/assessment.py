"""The drivers self-assessment, one statement at a time: a digit answers and moves on, and
every answer is saved as it is given, so the person can leave and come back."""

from __future__ import annotations

import dataclasses
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar, SelectionList, Static
from textual.widgets.selection_list import Selection

from aspire_tui.domain.assessment import PICKS, Questionnaire, next_unanswered
from aspire_tui.domain.models import Assessment
from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import StoreError
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.host import AspireHost, host_of
from aspire_tui.ui.render import safe
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.pick_list import PickList


class AssessmentScreen(ModalScreen[Assessment | None]):
    """Dismisses with the finished assessment, or None when left half-way (kept to resume)."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("1", "answer(1)", "Answer", key_display="1-6", id="assessment.answer1"),
        *[
            Binding(str(n), f"answer({n})", f"{n}", show=False, id=f"assessment.answer{n}")
            for n in range(2, 7)
        ],
        Binding("left,backspace,k", "back", "Back", key_display="←", id="assessment.back"),
        Binding("right,j", "skip", "Skip", key_display="→", id="assessment.skip"),
        Binding("ctrl+s", "finish", "Finish", show=False, id="assessment.finish"),
        Binding("escape", "leave", "Leave (answers kept)", id="assessment.leave"),
    ]

    def __init__(self, questionnaire: Questionnaire, draft: Assessment, today: date) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.assessment = draft
        self.today = today
        self.index = next_unanswered(questionnaire.statements, draft.answers)

    @property
    def aspire(self) -> AspireHost:
        return host_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide assessment"):
            yield Label("What drives you", classes="dialog-title", id="assessment-title")
            yield ProgressBar(
                total=len(self.questionnaire.statements), show_eta=False, id="progress"
            )
            yield Static(id="statement")
            yield Static(id="scale")
            yield PickList(id="picks")
            yield Static(id="pick-detail")
            yield Static(id="assessment-hint", classes="field-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()

    @property
    def picking(self) -> bool:
        return self.index >= len(self.questionnaire.statements)

    def show(self) -> None:
        statements = self.questionnaire.statements
        answers = self.assessment.answers
        self.query_one("#progress", ProgressBar).update(progress=len(answers))
        picks = self.query_one("#picks", SelectionList)
        picks.display = self.picking
        self.query_one("#pick-detail").display = self.picking
        self.query_one("#scale").display = not self.picking
        if self.picking:
            self._show_picks(picks)
            return
        statement = statements[self.index]
        title = (
            f"What drives you · statement {self.index + 1} · "
            f"{len(answers)} of {len(statements)} answered"
        )
        self.query_one("#assessment-title", Label).update(title)
        self.query_one("#statement", Static).update(Content.styled(statement.text, "bold"))
        given = answers.get(statement.id)
        lines: list[Content | str | tuple[str, str]] = []
        for number, label in enumerate(self.questionnaire.scale, 1):
            style = "bold reverse $text-accent" if number == given else ""
            lines += [(f" {number} ", f"bold {style}".strip()), (f"  {label}", style), "\n"]
        self.query_one("#scale", Static).update(Content.assemble(*lines))
        self.query_one("#assessment-hint", Static).update(
            "1-6 answer and go on · ← back · → skip · esc leave: your answers are kept"
        )
        self.refresh_bindings()

    def _show_picks(self, picks: SelectionList[str]) -> None:
        answers = self.assessment.answers
        order = {s.id: i for i, s in enumerate(self.questionnaire.statements)}
        answered = sorted(
            (s for s in self.questionnaire.statements if s.id in answers),
            key=lambda s: (-answers[s.id], order[s.id]),
        )
        need = min(PICKS, len(answered))
        word = "statement" if need == 1 else "statements"
        self.query_one("#assessment-title", Label).update("What drives you · last step")
        self.query_one("#statement", Static).update(
            Content.assemble(
                (f"Pick the {need} {word} that feel most true for you.", "bold"),
                "\nPicks never add points: they settle drivers your answers leave level. "
                "Your strongest answers are at the top.",
            )
        )
        with picks.prevent(SelectionList.SelectedChanged):  # answers may have changed
            picks.clear_options()
            picks.add_options(
                Selection(Content(safe(s.text)), s.id, s.id in self.assessment.picks)
                for s in answered
            )
        picks.highlighted = 0
        self._show_highlighted()
        picks.focus()
        self._pick_hint()
        self.refresh_bindings()

    @on(SelectionList.SelectionHighlighted, "#picks")
    def _show_highlighted(self) -> None:
        """The list cuts long statements to one row each; the one under the cursor is shown
        whole below it, so a person reads what they are choosing."""
        picks = self.query_one("#picks", SelectionList)
        index = picks.highlighted
        chosen = None if index is None else str(picks.get_option_at_index(index).value)
        text = "" if chosen is None else self._statement_text(chosen)
        self.query_one("#pick-detail", Static).update(Content(safe(text)))

    def _statement_text(self, statement_id: str) -> str:
        return next((s.text for s in self.questionnaire.statements if s.id == statement_id), "")

    def _pick_hint(self) -> None:
        chosen = len(self.query_one("#picks", SelectionList).selected)
        self.query_one("#assessment-hint", Static).update(
            f"space pick ({chosen} of {PICKS}) · ctrl+s finish · ← back to the statements · "
            "esc leave"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "skip"):
            return not self.picking
        if action == "finish":
            return self.picking
        return True

    def _save(self, assessment: Assessment) -> bool:
        try:
            self.assessment = self.aspire.store.save_assessment(assessment)
        except (StoreError, ValidationError) as error:
            self.aspire.report_error(safe(str(error)))
            return False
        return True

    def action_answer(self, value: int) -> None:
        statement = self.questionnaire.statements[self.index]
        answers = {**self.assessment.answers, statement.id: value}
        if self._save(dataclasses.replace(self.assessment, answers=answers)):
            self._go_on()

    def action_back(self) -> None:
        if self.index > 0:
            self.index = len(self.questionnaire.statements) - 1 if self.picking else self.index - 1
            self.show()

    def action_skip(self) -> None:
        self._go_on()

    def _go_on(self) -> None:
        """On to the next statement without an answer: those answered are only ever changed
        by going back to them."""
        self.index = next_unanswered(
            self.questionnaire.statements, self.assessment.answers, after=self.index
        )
        self.show()

    @on(SelectionList.SelectedChanged, "#picks")
    def _picked(self) -> None:
        picks = self.query_one("#picks", SelectionList)
        if len(picks.selected) > PICKS:
            newest = next(s for s in picks.selected if s not in self.assessment.picks)
            picks.deselect(newest)
            self.notify("Three at most: unpick one first (space).", severity="warning")
            return
        chosen = tuple(str(s) for s in picks.selected)
        self._save(dataclasses.replace(self.assessment, picks=chosen))
        self._pick_hint()

    def action_finish(self) -> None:
        answered = len(self.assessment.answers)
        need = min(PICKS, answered)
        if answered == 0:
            self.notify("Answer at least one statement first (← goes back to them).")
            return
        if len(self.assessment.picks) != need:
            word = "statement" if need == 1 else "statements"
            self.notify(f"Pick {need} {word} first: space picks the highlighted one.")
            return
        if self._save(dataclasses.replace(self.assessment, finished=self.today)):
            self.dismiss(self.assessment)

    def action_leave(self) -> None:
        self.dismiss(None)
