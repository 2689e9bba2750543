"""The lock when idle, for encrypted data: before the lock screen shows, what is being written
is kept (a review's in the review, a form's as an encrypted draft), the data file is closed,
and every screen, record and the key are let go; unlocking asks for the passphrase, opens the
data again and goes back to the screen that was showing, with the form's text offered back.

Python cannot wipe memory: what the app let go is freed by the collector, and the operating
system may have swapped it out before. The README says so."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.key_file import unlock_folder
from aspire_tui.store.lock import FolderLock
from aspire_tui.store.sealing import WrongPassphrase
from aspire_tui.ui.idle_lock import LockScreen
from aspire_tui.ui.navigation import MAIN_SCREENS
from aspire_tui.ui.screens.main import MainScreen
from aspire_tui.ui.textual_private import forget_first_screen

if TYPE_CHECKING:
    from aspire_tui.ui.host import HostApp

LOCKED_MODE = "locked"


class SealedLockScreen(LockScreen):
    """The lock screen of encrypted data: the passphrase opens it, and nothing else does."""

    DEFAULT_CSS = """
    SealedLockScreen #unlock {
        width: 100%;
        max-width: 60;
        height: auto;
        padding: 1 2;
        border: round $primary;
    }
    SealedLockScreen #why { color: $text-warning; height: auto; }
    """
    BINDINGS = [Binding("ctrl+q", "quit_locked", "Quit", priority=True, id="lock.quit")]

    def __init__(
        self, minutes: int, settings_key: str, come_back_to: str, held: FolderLock | None
    ) -> None:
        super().__init__(minutes, settings_key)
        self.come_back_to = come_back_to
        self.held = held
        """The folder's lock, kept while the data is closed: no other Aspire takes it."""

    def compose(self) -> ComposeResult:
        after = "a minute" if self.minutes == 1 else f"{self.minutes} minutes"
        with Middle(), Center(), Vertical(id="unlock"):
            yield Static(Content.styled("Aspire is locked", "bold $text-accent"))
            yield Static(
                f"Locked after {after} idle, and your data is closed. Type the passphrase "
                "to open it again."
            )
            yield Input(password=True, placeholder="Passphrase", id="passphrase")
            yield Static("", id="why")
            yield Static(Content.styled("enter opens · ctrl+q quits (everything is saved)", "dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_quit_locked(self) -> None:
        """Everything is on disk already: quitting loses nothing."""
        self.app.exit()

    ANY_KEY_UNLOCKS = False  # keys go to the passphrase field

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        self.query_one(Input).disabled = True
        self.query_one("#why", Static).update("Opening…")
        self._open(event.value)

    @work(thread=True, exclusive=True)
    def _open(self, passphrase: str) -> None:
        app: HostApp = self.app  # type: ignore[assignment]
        folder = app.store.named_path.parent
        try:
            key = unlock_folder(folder, passphrase)
            store = AspireStore.open(
                folder,
                key=key,
                check_later=True,
                backup=False,
                keep_backups=app.settings.settings.keep_backups,
                held_lock=self.held,
            )
        except WrongPassphrase:
            self.app.call_from_thread(self._again, "That passphrase does not open this data.")
        except StoreError as error:
            self.app.call_from_thread(self._again, str(error))
        else:
            self.app.call_from_thread(bring_back, app, store, self.come_back_to)

    def _again(self, why: str) -> None:
        self.query_one("#why", Static).update(why)
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()


async def put_away(app: HostApp, minutes: int) -> None:
    """Everything decrypted let go, behind the lock screen."""
    from aspire_tui.ui.screens.review import ReviewScreen

    come_back_to = app.current_mode
    for screen in app.screen_stack:
        if isinstance(screen, ReviewScreen):
            screen.save_draft()  # the review keeps what is typed in it
    store = app.store
    settings_key = app.key_for_id("settings")
    try:
        store.flush()
    except StoreError:
        # Changes the disk refused (a full disk) are held in memory and tried again: closing
        # the data now would lose them. The screen is hidden; the data stays open.
        app.push_screen(LockScreen(minutes, settings_key), app.idle_lock.unlocked)
        return
    app.keep_draft()  # a form's text, encrypted, offered back after
    held = store.close_keeping_lock()  # every change on disk, folded; the folder still ours
    store.forget()
    app.undo.clear()
    app.select_on_show.clear()
    app.clear_notifications()
    app.add_mode(LOCKED_MODE, lambda: SealedLockScreen(minutes, settings_key, come_back_to, held))
    first = app.default_screen  # the screen the app was composed with: Textual keeps it
    await app.switch_mode(LOCKED_MODE)
    for entry in MAIN_SCREENS:
        await app.remove_mode(entry.mode)
    if isinstance(first, MainScreen):
        first.let_go()
        await first.remove_children()
    forget_first_screen(app)
    app.standing.forget()
    gc.unfreeze()  # what `aspire` froze at start may be let go now
    gc.collect()


async def _restore_modes(app: HostApp, come_back_to: str) -> None:
    from aspire_tui.ui.modes import screen_maker

    for entry in MAIN_SCREENS:
        app.add_mode(entry.mode, screen_maker(entry.mode))
    await app.switch_mode(come_back_to)
    await app.remove_mode(LOCKED_MODE)


def bring_back(app: HostApp, store: AspireStore, come_back_to: str) -> None:
    """The data open again, the screens built again, on the screen that was showing."""
    app.use_store(store)
    app.idle_lock.unlocked()
    app.run_worker(_restore_modes(app, come_back_to), exclusive=True, group="unlock")
