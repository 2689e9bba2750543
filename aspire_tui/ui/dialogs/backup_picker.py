"""Choose one of the backups to put back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from aspire_tui.store.backups import Backup
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.render import dates_of
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.record_list import RecordList


class BackupPicker(ModalScreen[str | None]):
    """Returns the chosen backup's name, or None."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="backups.cancel")]

    def __init__(self, backups: list[Backup]) -> None:
        super().__init__()
        self.backups = backups

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Restore a backup", classes="dialog-title")
            options = [
                Option(
                    Content.assemble(
                        (f"{dates_of(self).short(b.taken.date())} {b.taken:%H:%M}", "bold"),
                        f"  {b.size:>9,} bytes  ",
                        (b.reason.replace("-", " "), "dim"),
                    ),
                    id=b.name,
                )
                for b in self.backups
            ]
            yield RecordList(*options, id="backups")
            yield Static(
                "enter restores the highlighted one (after asking); your data as it is now is "
                "kept as one more backup first · escape goes back",
                classes="field-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        backups = self.query_one("#backups", RecordList)
        backups.highlighted = 0
        backups.focus()

    @on(OptionList.OptionSelected, "#backups")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
