"""A goal's check-ins, newest first, to correct or delete one."""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from aspire_tui.domain.models import CheckIn, Goal
from aspire_tui.presentation.measure import amount_text
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.render import dates_of, measured, one_line, plain
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.record_list import RecordList


def amount_shown(amount: str, width: int, goal: Goal) -> Content:
    """A check-in's amount in its column: the numbers readable under the mask, the unit or
    milestone hidden; one cut to fit is hidden whole (its cut words would not be found)."""
    shown = f"{one_line(amount, width):<{width}}"
    return measured(shown, goal) if len(amount) <= width else plain(shown)


class CheckInChoice(NamedTuple):
    action: str
    """"edit" or "delete"."""
    checkin_id: int


class CheckInsDialog(ModalScreen[CheckInChoice | None]):
    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("e,enter", "choose('edit')", "Correct", id="checkins.edit"),
        Binding("d,delete", "choose('delete')", "Delete", id="checkins.delete"),
        Binding("escape", "dismiss(None)", "Close", id="checkins.close"),
    ]

    def __init__(self, goal: Goal, checkins: list[CheckIn]) -> None:
        super().__init__()
        self.goal = goal
        self.checkins = sorted(checkins, key=lambda c: (c.on, c.id or 0), reverse=True)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog menu"):
            yield Label(
                Content.assemble("Check-ins: ", plain(one_line(self.goal.title, 48))),
                classes="dialog-title",
            )
            amounts = [amount_text(self.goal, c.amount, c.milestone) for c in self.checkins]
            width = min(30, max((len(a) for a in amounts), default=0))
            options = [
                Option(
                    Content.assemble(
                        (dates_of(self).short(c.on), "bold"),
                        "  ",
                        amount_shown(amount, width, self.goal),
                        "  ",
                        plain(one_line(c.note, max(4, 44 - width)), "dim"),
                    ),
                    id=str(c.id),
                )
                for c, amount in zip(self.checkins, amounts, strict=True)
            ]
            yield RecordList(*options, id="checkins")
            yield Static(
                "e correct · d delete (ctrl+z on the Goals screen undoes) · escape closes",
                classes="field-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        listing = self.query_one("#checkins", RecordList)
        listing.highlighted = 0 if self.checkins else None
        listing.focus()

    def action_choose(self, action: str) -> None:
        listing = self.query_one("#checkins", RecordList)
        if listing.highlighted is None:
            return
        option_id = listing.get_option_at_index(listing.highlighted).id
        if option_id is not None:
            self.dismiss(CheckInChoice(action, int(option_id)))

    @on(OptionList.OptionSelected, "#checkins")
    def _selected(self) -> None:
        self.action_choose("edit")
