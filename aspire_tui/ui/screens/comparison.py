"""Two or three directions side by side, each in a column of its own that scrolls, and the
decision that may end the comparison."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from aspire_tui.domain.comparison import Comparison, choice_entry
from aspire_tui.domain.models import Reflection
from aspire_tui.ui.comparison_view import describe_side
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.widgets.detail_pane import DetailPane
from aspire_tui.ui.widgets.key_footer import KeyFooter


class ComparisonScreen(ModalScreen[Reflection | None]):
    """Returns the decision entry to keep, or None when closed without deciding. The caller
    writes it: this screen never touches the store."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding(
            "d",
            "decide",
            "Decide",
            id="comparison.decide",
            tooltip="Comparing: decide, kept in the journal with a day to look back",
        ),
        Binding(
            "tab",
            "app.focus_next",
            "Next column",
            id="comparison.next",
            tooltip="Comparing: next column (shift+tab the one before)",
        ),
        Binding("shift+tab", "app.focus_previous", "", show=False, id="comparison.previous"),
        Binding(
            "escape",
            "close",
            "Close",
            id="comparison.close",
            tooltip="Comparing: back to the choice",
        ),
    ]

    def __init__(
        self, comparison: Comparison, today: date, can_decide: Callable[[], bool] | None = None
    ) -> None:
        """`can_decide`: asked before the form opens (it may say why not, read-only)."""
        super().__init__()
        self.comparison = comparison
        self.today = today
        self.can_decide = can_decide

    def compose(self) -> ComposeResult:
        count = len(self.comparison.sides)
        with Vertical(classes="dialog compare"):
            yield Label(f"Compare {count} directions", classes="dialog-title")
            note = self.comparison.scores_note
            if note:
                hint = f"Scores: {note} (t on Reflect)."
            else:
                hint = "Your drivers' scores, 1 to 6 (bold: matters to you)."
            yield Static(Content(hint), classes="field-hint compare-hint")
            with Horizontal(classes="compare-columns"):
                for index, side in enumerate(self.comparison.sides):
                    with DetailPane(classes="compare-column", id=f"column-{index}"):
                        yield Static(describe_side(side), classes="compare-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#column-0").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_decide(self) -> None:
        if self.can_decide is not None and not self.can_decide():
            return
        from aspire_tui.ui.dialogs.choose_direction_form import (
            ChooseDirectionForm,
            DirectionChoice,
        )

        def decided(decision: DirectionChoice | None) -> None:
            if decision is not None:
                entry = choice_entry(
                    self.comparison,
                    decision.chosen,
                    decision.reason,
                    decision.look_back,
                    self.today,
                )
                self.dismiss(entry)

        self.app.push_screen(ChooseDirectionForm(self.comparison, self.today), decided)
