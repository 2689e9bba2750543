"""The passphrase, asked at start when the data folder is encrypted: a screen of its own, run
before the data is opened, whose field shows dots. Unlocking runs scrypt (a third of a second)
in a thread, so the screen answers meanwhile. Three wrong passphrases, and nothing is opened."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from aspire_tui.passphrase_input import TRIES
from aspire_tui.store import StoreError
from aspire_tui.store.key_file import unlock_folder
from aspire_tui.store.sealing import DataKey, WrongPassphrase


class PassphraseApp(App[DataKey | None]):
    """Returns the unlocked data key, or None (quit, or three wrong tries: `said` says why)."""

    CSS = """
    Screen { align: center middle; }
    #unlock { width: 100%; max-width: 64; height: auto; padding: 1 2; border: round $primary; }
    #unlock Input { margin: 1 0; }
    #why { color: $text-warning; height: auto; }
    #hint { color: $text-muted; }
    """
    BINDINGS = [Binding("ctrl+q", "quit_unopened", "Quit", priority=True, id="passphrase.quit")]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, folder: Path, theme: str = "textual-dark") -> None:
        super().__init__()
        self.folder = folder
        self.tries_left = TRIES
        self.said = ""
        self.theme = theme

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="unlock"):
            yield Static(Content.styled("Aspire", "bold $text-accent"))
            yield Static("Your data is encrypted. Type its passphrase to open it.")
            yield Input(password=True, placeholder="Passphrase", id="passphrase")
            yield Static("", id="why")
            yield Static("enter opens · ctrl+q quits without opening", id="hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        field = self.query_one(Input)
        field.disabled = True
        self.query_one("#why", Static).update("Opening…")
        self._unlock(event.value)

    @work(thread=True, exclusive=True)
    def _unlock(self, passphrase: str) -> None:
        try:
            key = unlock_folder(self.folder, passphrase)
        except WrongPassphrase:
            self.call_from_thread(self._wrong)
        except StoreError as error:
            self.call_from_thread(self._stop, str(error))
        else:
            self.call_from_thread(self.exit, key)

    def _wrong(self) -> None:
        self.tries_left -= 1
        if self.tries_left <= 0:
            self._stop(f"{TRIES} wrong passphrases: nothing was opened or changed.")
            return
        left = "1 try left" if self.tries_left == 1 else f"{self.tries_left} tries left"
        self.query_one("#why", Static).update(f"That passphrase does not open this data. {left}.")
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()

    def _stop(self, said: str) -> None:
        self.said = said
        self.exit(None)

    def action_quit_unopened(self) -> None:
        self._stop("Nothing was opened.")
