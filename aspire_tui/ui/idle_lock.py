"""The lock when idle: after the minutes the settings name without a key or a click, Aspire
hides everything behind a lock screen, and the next key brings back exactly what was there (a
form half written included). Off unless the person turns it on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

CHECK_EVERY = 15.0
"""Seconds between looks at the idle time: a lock is at most this late."""


class LockScreen(Screen[None]):
    """Nothing of the person's on it, and every key or click goes to it: the one that unlocks
    does nothing else (an `n` or a `d` pressed to wake it must not act on the screen below)."""

    AUTO_FOCUS = None
    DEFAULT_CSS = """
    LockScreen {
        align: center middle;
        background: $background;
    }
    LockScreen #lock-message {
        width: auto;
        max-width: 56;
        padding: 1 3;
        border: round $primary;
        text-align: center;
    }
    """

    def __init__(self, minutes: int, settings_key: str = ",") -> None:
        super().__init__()
        self.minutes = minutes
        self.settings_key = settings_key

    def compose(self) -> ComposeResult:
        after = "a minute" if self.minutes == 1 else f"{self.minutes} minutes"
        key = self.settings_key
        with Middle(), Center():
            yield Static(
                Content.assemble(
                    ("Aspire is locked", "bold $text-accent"),
                    "\n\n",
                    "Press any key to carry on where you were.",
                    "\n\n",
                    (f"Locked after {after} idle.\n", "dim"),
                    (f"Settings ({key}) change when, or turn it off.", "dim"),
                ),
                id="lock-message",
            )

    ANY_KEY_UNLOCKS = True
    """False for the lock of encrypted data, which the passphrase opens (`sealed_lock.py`)."""

    def on_key(self, event: events.Key) -> None:
        if not self.ANY_KEY_UNLOCKS:
            return
        event.stop()
        event.prevent_default()
        self._unlock()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        if self.ANY_KEY_UNLOCKS:
            self._unlock()

    def _unlock(self) -> None:
        """Once: keys that arrive together all come here before the first has been handled,
        and each dismissal pops a screen (the second would take a form, or the last screen)."""
        if self._unlocking or self.app.screen is not self:
            return
        self._unlocking = True
        self.dismiss()

    _unlocking = False

    def on_paste(self, event: events.Paste) -> None:
        event.stop()  # a paste is not for any field under the lock


class IdleLock:
    """When the person last pressed a key or clicked, and the lock that follows."""

    def __init__(
        self, app: App[Any], minutes: Callable[[], int], clock: Callable[[], float]
    ) -> None:
        self.app = app
        self.minutes = minutes
        """The setting as it is now (the settings dialog may change it)."""
        self.clock = clock
        self.last_input = clock()

    def start(self) -> None:
        self.app.set_interval(CHECK_EVERY, self.check, name="idle lock")

    def touched(self) -> None:
        self.last_input = self.clock()

    @property
    def locked(self) -> bool:
        return any(isinstance(s, LockScreen) for s in self.app.screen_stack)

    def unlocked(self, _: object = None) -> None:
        self.touched()

    def check(self) -> None:
        minutes = self.minutes()
        if minutes <= 0 or self.locked:
            return
        if self.clock() - self.last_input >= minutes * 60:
            self.lock(minutes)

    def lock(self, minutes: int) -> None:
        """Toasts go first: one may be quoting a title. Encrypted data is closed and let go
        behind a lock that asks for the passphrase (`sealed_lock.py`)."""
        self.app.clear_notifications()
        store = getattr(self.app, "store", None)
        if store is not None and store.sealer.on and not store.read_only:
            from aspire_tui.ui.sealed_lock import put_away

            self.app.run_worker(put_away(self.app, minutes), exclusive=True, group="lock")  # type: ignore[arg-type]
            return

        key_for_id = getattr(self.app, "key_for_id", lambda _: ",")
        self.app.push_screen(LockScreen(minutes, key_for_id("settings")), self.unlocked)
