"""A closed terminal (SIGHUP) or a polite kill (SIGTERM): keep what is being typed, then end
within seconds, whatever state the terminal driver is in.

When a terminal closes, the kernel sends SIGHUP and then SIGCONT. Textual answers SIGCONT by
starting application mode again, with a second output thread writing to a terminal that is
gone; Textual's shutdown can then wait for ever on that thread, holding the folder's lock.
So once a hang-up is seen, SIGCONT is handed back to the system (the handler is swapped out in
the SIGHUP handler itself, which Python runs before SIGCONT's, as it runs pending handlers in
signal-number order), and a watchdog ends the process once the last save is on disk if the
orderly exit has not finished by then.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

from aspire_tui.store.writer import flush_all

DEADLINE = 2.0
"""Seconds after a hang-up by which the process has ended, one way or the other."""
SAVE_WAIT = 2.5
"""How long the watchdog waits for the app to hand over what was being typed (normally a few
milliseconds; longer only on a machine so loaded that the app has not run at all)."""


class HangUp:
    """Installed once by the app: `keep()` saves what is being typed (on the app's thread),
    `stop(status)` asks the app to exit."""

    def __init__(self, keep: Callable[[], None], stop: Callable[[int], None]) -> None:
        self._keep = keep
        self._stop = stop
        self._kept = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.signal: int | None = None
        """The signal that was received, once one was."""

    def install(self) -> None:
        """Call from the app's event loop (its `on_mount`)."""
        self._loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                signal.signal(getattr(signal, name), self._received)

    def _received(self, number: int, _frame: object) -> None:
        """A Python-level handler, so it runs before Textual's SIGCONT handler does."""
        if self.signal is not None:
            return
        self.signal = number
        with contextlib.suppress(AttributeError, ValueError, OSError):
            signal.signal(signal.SIGCONT, signal.SIG_DFL)  # no restart on a closed terminal
        threading.Thread(target=self._watch, name="aspire-hang-up", daemon=True).start()
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._keep_then_stop)

    def _keep_then_stop(self) -> None:
        try:
            self._keep()
        except Exception:  # noqa: BLE001 - nothing more can be saved, and no one to tell
            pass
        finally:
            self._kept.set()
            self._stop(128 + (self.signal or 0))

    def _watch(self) -> None:
        """Ends the process if the orderly exit is stuck, never before the saves are on disk."""
        started = time.monotonic()
        self._kept.wait(SAVE_WAIT)
        time.sleep(max(0.0, DEADLINE - (time.monotonic() - started)))
        with contextlib.suppress(Exception):
            flush_all()
        os._exit(128 + (self.signal or 0))
