"""Puts saves on disk from a thread of its own, so the app never waits for the disk.

Each save is the whole file, already encoded by the caller, so when saves arrive faster than
the disk takes them only the newest needs writing: the older ones are inside it. Writes stay
atomic and fsynced (`atomic_write`). A write replaces the file only if it is still the one
Aspire last read or wrote: a file changed by another program meanwhile is left alone, and the
save that would have replaced it is kept aside (`keep_unsaved`) rather than lost. A failed
write is kept for the owner to notice, and the saves queued behind it are dropped, because the
owner goes back to what the file holds.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

_LIVE: weakref.WeakSet[BackgroundWriter] = weakref.WeakSet()

Stamp = tuple[int, int, int]
Write = Callable[[Path, bytes, Callable[[], None]], None]
"""`atomic_write(path, data, before_replace)`."""


class ChangedElsewhere(Exception):
    """The file is not the one Aspire last read or wrote."""


def stamp_of(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class BackgroundWriter:
    def __init__(
        self,
        path: Path,
        write: Write,
        expected: Stamp | None,
        keep_unsaved: Callable[[bytes], str] | None = None,
    ) -> None:
        self.path = path
        self._write = write
        self._keep_unsaved = keep_unsaved
        self._changed = threading.Condition()
        self._next: bytes | None = None
        self._expected = expected
        """The stamp the file must still have for the next write to replace it."""
        self._busy = False
        self._closed = False
        self.failure: str | None = None
        """Why the last write failed, until the owner takes it with `take_failure`."""
        self.stamp: Stamp | None = None
        """The file's identity, size and time after the last write that reached the disk."""
        self.on_failure: Callable[[str], None] | None = None
        """Called from the writer's thread when a write fails (it must not block)."""
        self._thread = threading.Thread(target=self._run, name="aspire-writer", daemon=True)
        self._thread.start()
        _LIVE.add(self)

    def put(self, data: bytes, expected: Stamp | None = None) -> None:
        """Hand over a save. `expected`: the file's stamp as the owner last saw it, when the
        writer has nothing of its own in flight (otherwise its own last write is expected)."""
        with self._changed:
            if self._closed or not self._thread.is_alive():
                raise RuntimeError("the writer has stopped")
            if expected is not None and not (self._busy or self._next is not None):
                self._expected = expected
            self._next = data
            self._changed.notify_all()

    @property
    def pending(self) -> bool:
        """Whether a save is waiting for, or on its way to, the disk."""
        with self._changed:
            return self._busy or self._next is not None

    def take_failure(self) -> str | None:
        with self._changed:
            failure, self.failure = self.failure, None
            if failure is not None:
                self.stamp = None  # from before the failure: the owner reads the file again
            return failure

    def take_stamp(self) -> Stamp | None:
        """The stamp of the last write, once: later changes by others must still be noticed."""
        with self._changed:
            stamp, self.stamp = self.stamp, None
            return stamp

    def flush(self) -> None:
        """Wait until every save handed over so far is on disk (or has failed)."""
        with self._changed:
            while self._busy or self._next is not None:
                if not self._thread.is_alive():  # never expected; never wait for nothing
                    self._next, self._busy = None, False
                    self.failure = self.failure or f"Could not save to {self.path}."
                    return
                self._changed.wait(timeout=0.5)

    def close(self) -> None:
        self.flush()
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._thread.join()
        _LIVE.discard(self)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._next is not None or self._closed)
                if self._next is None:
                    return
                data, self._next = self._next, None
                expected = self._expected
                self._busy = True
            failure, stamp = self._write_once(data, expected)
            with self._changed:
                self._busy = False
                if failure is None:
                    self.stamp = self._expected = stamp
                else:
                    self.failure = failure
                    self._next = None  # built on the change that failed; the owner reverts
                self._changed.notify_all()
            if failure is not None and self.on_failure is not None:
                with contextlib.suppress(Exception):  # the writer must outlive its listener
                    self.on_failure(failure)

    def _write_once(self, data: bytes, expected: Stamp | None) -> tuple[str | None, Stamp | None]:
        def still_ours() -> None:
            if stamp_of(self.path) != expected:
                raise ChangedElsewhere

        with _quick_switching():
            try:
                self._write(self.path, data, still_ours)
                return None, stamp_of(self.path)
            except ChangedElsewhere:
                kept = self._keep(data)
                return (
                    f"{self.path} was changed by another program while Aspire was saving, so "
                    f"Aspire left it as it is.{kept}",
                    None,
                )
            except OSError as error:
                return f"Could not save to {self.path} ({error.strerror or error}).", None
            except Exception as error:  # noqa: BLE001 - reported, never lost silently
                return f"Could not save to {self.path} ({error}).", None

    def _keep(self, data: bytes) -> str:
        if self._keep_unsaved is None:
            return ""
        try:
            return f" Your change is kept in {self._keep_unsaved(data)}."
        except Exception:  # noqa: BLE001 - the message still says what happened
            return ""


_SWITCHING = threading.Lock()
_switchers = 0
_interval = 0.005


@contextlib.contextmanager
def _quick_switching():  # type: ignore[no-untyped-def]
    """Each step of a write gives up the interpreter lock and must win it back from the UI
    thread, which by default keeps it for 5 ms at a time while it draws: a dozen steps would
    take 60 ms. Switching every 0.5 ms while any write is under way keeps writes quick and
    costs the drawing almost nothing. Counted, as several writers may overlap."""
    global _switchers, _interval
    with _SWITCHING:
        if _switchers == 0:
            _interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval, 0.0005))
        _switchers += 1
    try:
        yield
    finally:
        with _SWITCHING:
            _switchers -= 1
            if _switchers == 0:
                sys.setswitchinterval(_interval)


def flush_all() -> None:
    """Wait for every writer in this process: before reading a data file from outside."""
    for writer in list(_LIVE):
        writer.flush()


atexit.register(flush_all)
