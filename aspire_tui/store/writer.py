"""Puts saves on disk from a thread of its own, so the app never waits for the disk.

Each save is the whole file, already encoded by the caller, so when saves arrive faster than
the disk takes them only the newest needs writing: the older ones are inside it. Writes stay
atomic and fsynced (`atomic_write`); a failed one is kept for the owner to notice, and the
saves queued behind it are dropped, because the owner goes back to what the file holds.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

_LIVE: weakref.WeakSet[BackgroundWriter] = weakref.WeakSet()

Stamp = tuple[int, int, int]


class BackgroundWriter:
    def __init__(self, path: Path, write: Callable[[Path, bytes], None]) -> None:
        self.path = path
        self._write = write
        self._changed = threading.Condition()
        self._next: bytes | None = None
        self._busy = False
        self._closed = False
        self.failure: str | None = None
        """Why the last write failed, until the owner takes it with `take_failure`."""
        self.stamp: Stamp | None = None
        """The file's identity, size and time after the last write that reached the disk."""
        self.on_failure: Callable[[str], None] | None = None
        """Called from the writer's thread when a write fails (it must not block)."""
        self.written = 0
        self._thread = threading.Thread(target=self._run, name="aspire-writer", daemon=True)
        self._thread.start()
        _LIVE.add(self)

    def put(self, data: bytes) -> None:
        with self._changed:
            if self._closed:
                raise RuntimeError("the writer is closed")
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
            return failure

    def take_stamp(self) -> Stamp | None:
        """The stamp of the last write, once: later changes by others must still be noticed."""
        with self._changed:
            stamp, self.stamp = self.stamp, None
            return stamp

    def flush(self) -> None:
        """Wait until every save handed over so far is on disk (or has failed)."""
        with self._changed:
            self._changed.wait_for(lambda: not self._busy and self._next is None)

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
                self._busy = True
            failure: str | None = None
            stamp: Stamp | None = None
            # Each step of a write gives up the interpreter lock and must win it back from
            # the UI thread, which by default keeps it for 5 ms at a time while it draws:
            # a dozen steps would take 60 ms. Switching every 0.5 ms meanwhile keeps the
            # write quick and costs the drawing almost nothing.
            interval = sys.getswitchinterval()
            sys.setswitchinterval(min(interval, 0.0005))
            try:
                self._write(self.path, data)
                st = os.stat(self.path)
                stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
            except OSError as error:
                failure = f"Could not save to {self.path} ({error.strerror or error})."
            except BaseException as error:  # noqa: BLE001 - reported, never lost silently
                failure = f"Could not save to {self.path} ({error})."
            finally:
                sys.setswitchinterval(interval)
            with self._changed:
                self._busy = False
                if failure is None:
                    self.stamp = stamp
                    self.written += 1
                else:
                    self.failure = failure
                    self._next = None  # built on the change that failed; the owner reverts
                self._changed.notify_all()
            if failure is not None and self.on_failure is not None:
                self.on_failure(failure)


def flush_all() -> None:
    """Wait for every writer in this process: before reading a data file from outside."""
    for writer in list(_LIVE):
        writer.flush()


atexit.register(flush_all)
