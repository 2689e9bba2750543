"""Puts saves on disk from a thread of its own, so the app never waits for the disk.

Each save is the whole file, already encoded by the caller, so when saves arrive faster than
the disk takes them only the newest needs writing: the older ones are inside it. Writes stay
atomic and fsynced (`atomic_write`). A write replaces the file only if it is still the one
Aspire last read or wrote.

Nothing handed over is dropped. A save the disk refuses (a full disk, say) leaves the file as
it was; it is held here, marked unsaved (`unsaved`), and written with the next save or the
next `retry`. A save that finds the file changed by another program leaves the file alone and
is kept aside (`keep_unsaved`), and so is every save queued behind it, each built on the
same old file; one that cannot be kept aside either is held and tried again.
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

from aspire_tui.store import change_log
from aspire_tui.store.change_log import ChangedUnderneath

_LIVE: weakref.WeakSet[BackgroundWriter] = weakref.WeakSet()

Stamp = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]
"""The data file's and the change log's identity, size and time (None: absent)."""
Write = Callable[[Path, bytes, Callable[[], None]], None]
"""`atomic_write(path, data, before_replace)`."""
Append = Callable[[Path, bytes, int, Callable[[], None]], int]
"""`change_log.append(path, lines, expected_size, before)`."""
Listener = Callable[[str, str], None]
"""`on_failure(message, kind)`: HELD, the save is held in memory, not on disk; REFUSED, it
found the file changed and the owner must read the file again; ASIDE, saves held earlier
were kept aside because the file had changed since."""
HELD, REFUSED, ASIDE, FOLD = "held", "refused", "aside", "fold"
Snapshot = Callable[[Callable[[bytes], None]], "bytes | None"]
"""`snapshot(then)`: the owner's whole data, encoded between two of its changes, with
`then(data)` called before the next change can be made (None: the owner has none)."""


class ChangedElsewhere(Exception):
    """The file is not the one Aspire last read or wrote."""


def _one_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def stamp_of(path: Path) -> Stamp | None:
    """The data file's stamp with its change log's; None when the data file is absent."""
    data = _one_stamp(path)
    return None if data is None else (data, _one_stamp(change_log.log_path(path)))


class BackgroundWriter:
    def __init__(
        self,
        path: Path,
        write: Write,
        expected: Stamp | None,
        keep_unsaved: Callable[[bytes], str] | None = None,
        append: Append | None = None,
        snapshot: Snapshot | None = None,
    ) -> None:
        self.path = path
        self.log = change_log.log_path(path)
        self._write = write
        self._append = append or change_log.append
        self._lines: list[bytes] = []
        """Changes to append to the log after `_next` (or alone)."""
        self._held_lines: list[bytes] = []
        """Changes the disk refused to append, oldest first, to be tried again."""
        self._base: str | None = None
        """The digest of the data file the log builds on (None: work it out first)."""
        self._log_size: int | None = None
        """The log's size as Aspire left it (None: there is no log of this data file yet)."""
        self._log_suspect = False
        """An append failed: the log is rewritten whole before anything more goes in."""
        self._snapshot = snapshot
        """The owner's whole data: what is held or kept aside when changes to append fail
        (the writer has only the changes)."""
        self._keep_unsaved = keep_unsaved
        self._changed = threading.Condition()
        self._next: bytes | None = None
        self._next_folds = False
        """`_next` only folds the log into the file: everything in it is in the log already
        or in `_fold_lines`, so if it cannot be written nothing is lost."""
        self._fold_lines: list[bytes] = []
        """The changes a pending fold took in: appended instead if the fold fails."""
        self.fold_refused_at = 0
        """The log's size when a fold last failed (the log stays, and grows): the next is
        tried once it has grown as much again (0: the last fold did not fail)."""
        self._marked: tuple[bytes, int] | None = None
        """The fold marker last appended, and the log's size after it."""
        self._expected = expected
        """The stamp the file must still have for the next write to replace it."""
        self._busy = False
        self._closed = False
        self._unwritten: bytes | None = None
        """The newest save the disk refused; the file is as it was, so it may be tried again."""
        self._stranded: list[bytes] = []
        """Saves refused because the file had changed that could not be kept aside either."""
        self._retry_stranded = False
        self._problem: str | None = None
        self._failing = False
        """The disk refused the last write: the same failure is not reported again."""
        self._refusals: list[str] = []
        """Why saves were refused, until the owner takes them (`take_refusals`)."""
        self.stamp: Stamp | None = None
        """The file's identity, size and time after the last write that reached the disk."""
        self.on_failure: Listener | None = None
        """Called from the writer's thread when a save fails (it must not block)."""
        self._thread = threading.Thread(target=self._run, name="aspire-writer", daemon=True)
        self._thread.start()
        _LIVE.add(self)

    def put(self, data: bytes, expected: Stamp | None = None, *, fold: bool = False) -> None:
        """Hand over a save. `expected`: the file's stamp as the owner last saw it, when the
        writer has nothing of its own in flight or untaken (otherwise its own last write is
        expected). `fold`: the save holds nothing the log and the changes waiting do not, so
        a disk that refuses it loses nothing (those changes are appended instead)."""
        with self._changed:
            if self._closed or not self._thread.is_alive():
                raise RuntimeError("the writer has stopped")
            idle = not (self._busy or self._next is not None)
            if expected is not None and idle and self.stamp is None:  # else the owner's is stale
                if self._unwritten is not None and expected != self._expected:
                    # The owner has read the file another program wrote since: what the
                    # disk refused was built on the old one, so it is kept aside instead.
                    self._stranded.append(self._unwritten)
                    self._unwritten, self._retry_stranded = None, True
                self._expected = expected
            folds = fold and self._unwritten is None and (self._next is None or self._next_folds)
            waiting = [*self._held_lines, *self._lines]
            self._fold_lines = [*self._fold_lines, *waiting] if folds else []
            self._next, self._next_folds = data, folds
            self._lines = []
            self._held_lines = []  # inside `data`
            self._changed.notify_all()

    def put_lines(self, lines: bytes, expected: Stamp | None = None) -> None:
        """Hand over a change to append to the change log (see `can_append`)."""
        with self._changed:
            if self._closed or not self._thread.is_alive():
                raise RuntimeError("the writer has stopped")
            self._lines.append(lines)  # a log is started anew only after a whole save
            self._changed.notify_all()

    def adopt(self, stamp: Stamp | None, ours: bool) -> bool:
        """The owner read the file again: later writes expect it as it is now. `ours`: it is
        still what Aspire wrote (the same bytes put back, or only touched), and the log goes
        on. Otherwise the log no longer builds on it: True when there is one, and the next
        change must then be written whole (a new log starts from that)."""
        with self._changed:
            idle = not (self._busy or self._next is not None or self._lines)
            held = self._unwritten is not None or self._stranded
            if idle and not held and self.stamp is None and stamp is not None:
                self._expected = stamp  # (what is held was built on the old file: `put`)
            if ours:
                return False
            if self._log_size is None:
                self._base = None  # worked out again from the file as it is now
                return False
            return True

    def continue_log(self, base: str, size: int, whole: bool) -> None:
        """A log beside the file (left by a fold that could not be written when Aspire
        opened) is appended to, not started over: `whole` says it ends in a whole line."""
        with self._changed:
            self._base, self._log_size, self._log_suspect = base, size, not whole

    @property
    def can_append(self) -> bool:
        """Whether the next change may go to the log: nothing is held whole or refused."""
        with self._changed:
            return self._unwritten is None and not self._stranded and not self._refusals

    @property
    def log_bytes(self) -> int:
        """How much the change log holds or will hold: the data file is behind by that."""
        with self._changed:
            waiting = sum(map(len, self._held_lines)) + sum(map(len, self._lines))
            return (self._log_size or 0) + waiting

    def held_lines(self) -> list[bytes]:
        """Changes the disk refused to append, oldest first: the owner's data is ahead of the
        file by these."""
        with self._changed:
            return list(self._held_lines)

    @property
    def pending(self) -> bool:
        """Whether a save is waiting for, or on its way to, the disk."""
        with self._changed:
            return self._busy or self._next is not None or self._retry_stranded or bool(self._lines)

    @property
    def unsaved(self) -> str | None:
        """Why saves handed over are neither in the file nor in a kept copy, while they are."""
        with self._changed:
            held = self._unwritten is not None or self._stranded or self._held_lines
            return self._problem if held else None

    def held(self) -> bytes | None:
        """The newest save the disk refused, to be written yet: what the owner's data is,
        ahead of the file (None when nothing is held)."""
        with self._changed:
            return self._unwritten

    def retry(self) -> None:
        """Try again what the disk refused (a full disk may have room now)."""
        with self._changed:
            if self._closed:
                return
            if self._unwritten is not None and not self._busy and self._next is None:
                self._next = self._unwritten  # still unsaved until it is on disk
            if self._held_lines and not self._busy:
                self._lines, self._held_lines = [*self._held_lines, *self._lines], []
            if self._stranded:
                self._retry_stranded = True
            self._changed.notify_all()

    def take_refusals(self) -> list[str]:
        """Why saves found the file changed by another program, once."""
        with self._changed:
            refusals, self._refusals = self._refusals, []
            if refusals:
                self.stamp = None  # the owner reads the file again
            return refusals

    def take_stamp(self) -> Stamp | None:
        """The stamp of the last write, once: later changes by others must still be noticed."""
        with self._changed:
            stamp, self.stamp = self.stamp, None
            return stamp

    def flush(self) -> None:
        """Wait until every save handed over so far is on disk, kept aside or held unsaved."""
        with self._changed:
            while self._busy or self._next is not None or self._retry_stranded or self._lines:
                if not self._thread.is_alive():  # never expected; never wait for nothing
                    if self._next is not None:
                        self._unwritten = self._next
                    self._held_lines, self._lines = [*self._held_lines, *self._lines], []
                    self._next, self._busy, self._retry_stranded = None, False, False
                    self._problem = self._problem or f"Could not save to {self.path}."
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
                self._changed.wait_for(
                    lambda: (
                        self._next is not None
                        or self._lines
                        or self._retry_stranded
                        or self._closed
                    )
                )
                lines: list[bytes] = []
                if self._retry_stranded:  # each stays held until it is kept aside
                    stranded, self._retry_stranded, data = list(self._stranded), False, None
                elif self._next is None and not self._lines:
                    return
                else:
                    data, self._next, stranded = self._next, None, []
                    lines, self._lines = self._lines, []
                folds, fold_lines = self._next_folds, self._fold_lines
                self._next_folds, self._fold_lines = False, []
                expected = self._expected
                self._busy = True
            reports: list[tuple[str, str]] = []
            with _quick_switching():
                for old in stranded:
                    reports.append(self._set_aside(old))
                if data is not None:
                    reports.append(self._write_once(data, expected, fold_lines if folds else None))
                if lines:
                    with self._changed:
                        lines = [*self._held_lines, *lines]  # in the order they were made
                        self._held_lines = []
                        expected = self._expected
                        blocked = self._unwritten is not None
                    if blocked:  # behind a whole save the disk refused
                        with self._changed:
                            self._held_lines = lines
                    else:
                        reports.append(self._append_once(lines, expected))
            with self._changed:
                self._busy = False
                self._changed.notify_all()
            for message, kind in reports:
                if message and self.on_failure is not None:
                    with contextlib.suppress(Exception):  # the writer must outlive its listener
                        self.on_failure(message, kind)

    def _write_once(
        self, data: bytes, expected: Stamp | None, fold_lines: list[bytes] | None = None
    ) -> tuple[str, str]:
        """Write `data`; what to report (nothing when it is on disk), and of which kind.
        `fold_lines`: `data` is a fold, and these are the changes it took in."""

        def still_ours() -> None:
            if stamp_of(self.path) != expected:
                raise ChangedElsewhere

        try:
            expected = self._mark_folded(data, expected)
            self._write(self.path, data, still_ours)
        except ChangedElsewhere:
            return self._refused(data)
        except Exception as error:  # noqa: BLE001 - held and reported, never lost silently
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            if fold_lines is not None:
                return self._fold_failed(reason, fold_lines, expected)
            message = f"Could not save to {self.path} ({reason})."
            with self._changed:
                again = self._failing and self._problem == message
                self._unwritten, self._problem = data, message  # the newest refused
                self._failing = True
            return ("" if again else message), HELD  # said once, not at every retry
        with self._changed:
            self._unwritten = None  # it was inside this save
            self._failing = False
            self.fold_refused_at = 0
        self._start_log_over(data)
        with self._changed:
            self.stamp = self._expected = stamp_of(self.path)
        return "", ""

    def _start_log_over(self, data: bytes) -> None:
        """The data file holds everything now: the log goes (a log left by a kill here holds
        only changes already in the file, which replaying would not change)."""
        try:
            self.log.unlink(missing_ok=True)
        except OSError:
            pass  # its changes are all in the file; the next append writes a new log whole
        with self._changed:
            self._log_size, self._log_suspect = None, False
        self._base = change_log.digest(data)

    def _mark_folded(self, data: bytes, expected: Stamp | None) -> Stamp | None:
        """Before the file is replaced whole, the log says by which bytes: a kill between the
        replacing and the log's removal leaves a log the next start knows is folded in,
        whatever it held. The stamp the file has after."""
        if self._log_size is None or self._log_suspect or stamp_of(self.path) != expected:
            return expected  # no log of this file, or not as Aspire left it: nothing to mark
        marker = change_log.folded_into(data)
        if self._marked == (marker, self._log_size):
            return expected  # marked already, by a try the disk refused
        try:
            self._log_size = self._append(self.log, marker, self._log_size, lambda: None)
        except (OSError, ChangedUnderneath):
            with self._changed:
                self._log_suspect = True
            return expected  # the whole write goes on; the log is rewritten before more
        marked = stamp_of(self.path)
        with self._changed:  # the owner takes it too, whatever becomes of the whole write
            self.stamp = self._expected = marked
            self._marked = (marker, self._log_size)
        return marked

    def _fold_failed(
        self, reason: object, fold_lines: list[bytes], expected: Stamp | None
    ) -> tuple[str, str]:
        """A fold the disk refused: the log holds what the file lacks, so nothing is lost;
        the changes the fold took in are appended instead."""
        with self._changed:
            first = not self.fold_refused_at
            self.fold_refused_at = self._log_size or 1
        said = (
            f"Could not rewrite {self.path} whole ({reason}); your changes are safe in "
            f"{self.log.name} beside it, and Aspire folds them in when it can."
        )
        if fold_lines:
            message, kind = self._append_once(fold_lines, expected)
            if message:
                return message, kind
        return (said if first else ""), FOLD

    def _append_once(self, lines: list[bytes], expected: Stamp | None) -> tuple[str, str]:
        """Append changes to the log; what to report (nothing when they are on disk)."""
        joined = b"".join(lines)

        def still_ours() -> None:
            if stamp_of(self.path) != expected:
                raise ChangedElsewhere

        try:
            still_ours()
            if self._base is None:
                self._base = change_log.file_digest(self.path)
                still_ours()
            if self._log_size is None or self._log_suspect:
                whole = self._log_start() + joined
                self._write(self.log, whole, still_ours)
                size = len(whole)
            else:
                size = self._append(self.log, joined, self._log_size, still_ours)
        except (ChangedElsewhere, ChangedUnderneath):
            return self._refused_lines(lines)
        except Exception as error:  # noqa: BLE001 - held and reported, never lost silently
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            message = f"Could not save to {self.path} ({reason})."
            with self._changed:
                again = self._failing and self._problem == message
                self._problem, self._failing, self._log_suspect = message, True, True

            def hold(data: bytes) -> None:  # from now on, as a whole save the disk refused
                with self._changed:  # it holds every change, those waiting included
                    self._unwritten, self._lines, self._held_lines = data, [], []
                    self._next, self._next_folds, self._fold_lines = None, False, []

            if self._whole(hold) is None:
                self._hold_lines(lines)
            return ("" if again else message), HELD
        with self._changed:
            self._log_size, self._log_suspect, self._failing = size, False, False
            self.stamp = self._expected = stamp_of(self.path)
        return "", ""

    def _log_start(self) -> bytes:
        """What the log holds before new changes: its header, and the lines already in it
        when it is rewritten after an append failed."""
        assert self._base is not None
        if self._log_size is None:
            return change_log.header(self._base)
        with open(self.log, "rb") as handle:
            return handle.read(self._log_size)

    def _refused_lines(self, lines: list[bytes]) -> tuple[str, str]:
        """The data file (or the log) was changed by another program: the log no longer
        builds on it, so what the owner holds, these changes included, is kept aside."""
        with self._changed:
            self._base, self._log_size, self._log_suspect = None, None, False

        def drop_waiting(_: bytes) -> None:  # inside what is kept
            with self._changed:
                self._lines, self._held_lines = [], []
                self._next, self._next_folds, self._fold_lines = None, False, []

        data = self._whole(drop_waiting)
        if data is not None:
            return self._refused(data)
        message = (
            f"{self.path} was changed by another program while Aspire was saving, so "
            "Aspire left it as it is, and your change could not be kept aside."
        )
        self._hold_lines(lines)
        with self._changed:
            self._problem = message
            self._refusals.append(message)
        return message, HELD

    def _hold_lines(self, lines: list[bytes]) -> None:
        """Changes that could not be appended, with no whole data to hold instead: held in
        order, unless a whole save handed over since holds them (then it carries them; a
        fold appends them first if it fails)."""
        with self._changed:
            if self._next is None:
                self._held_lines = [*lines, *self._held_lines]
            elif self._next_folds:
                self._fold_lines = [*lines, *self._held_lines, *self._fold_lines]
                self._held_lines = []
            else:
                self._held_lines = []  # inside the whole save

    def _whole(self, then: Callable[[bytes], None]) -> bytes | None:
        return None if self._snapshot is None else self._snapshot(then)

    def _keep(self, data: bytes) -> str:
        if self._keep_unsaved is None:
            raise OSError("there is nowhere to keep it")
        return self._keep_unsaved(data)

    def _refused(self, data: bytes) -> tuple[str, str]:
        """The file was changed by another program: keep `data` aside, or hold it."""
        message = (
            f"{self.path} was changed by another program while Aspire was saving, so "
            "Aspire left it as it is."
        )
        try:
            kept = f"{message} Your change is kept in {self._keep(data)}."
        except Exception as error:  # noqa: BLE001 - held, and said
            message = f"{message} Your change could not be kept aside either ({error})."
            with self._changed:
                self._stranded.append(data)
                self._unwritten = None  # inside `data`, which is held instead
                self._problem = message
                self._refusals.append(message)
            return message, HELD
        with self._changed:
            self._unwritten = None  # inside `data`, which is kept
            self._refusals.append(kept)
        return kept, REFUSED

    def _set_aside(self, data: bytes) -> tuple[str, str]:
        """Keep aside a save held earlier that the file has moved on from, or go on holding it."""
        try:
            kept = self._keep(data)
        except Exception as error:  # noqa: BLE001 - still held, and said
            message = (
                f"{self.path} was changed by another program while Aspire held changes it "
                f"could not save, and they could not be kept aside either ({error})."
            )
            with self._changed:
                self._problem = message
            return message, HELD
        with self._changed:
            self._stranded.remove(data)
        return (
            f"{self.path} was changed by another program while Aspire held changes it could "
            f"not save, so they were not written over it: they are kept in {kept}.",
            ASIDE,
        )


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
