"""A TinyDB storage that never leaves a half-written file.

TinyDB's JSONStorage rewrites the file in place, so a crash mid-write can corrupt it. This one
writes a temp file beside the data, fsyncs it, renames it over the old file and fsyncs the
folder: after a crash the file is either the old version or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from aspire_tui.store import change_log, limits
from aspire_tui.store.errors import DataFileError, StoreError, UnsavedChanges
from aspire_tui.store.limits import DuplicateKey, Refused, loads_unique, read_file, shortened
from aspire_tui.store.sealing import AGE_MAGIC, KEY_FILE_NAME, Damaged, Sealer
from aspire_tui.store.writer import HELD, REFUSED, BackgroundWriter, Stamp, stamp_of

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def atomic_write(
    path: Path,
    data: bytes,
    before_replace: Callable[[], None] | None = None,
    durable: bool = True,
) -> None:
    """Replace `path` with `data` in one step; the new file is readable by its owner only.
    `before_replace` may raise to leave `path` as it is, once the new bytes are on disk.
    `durable=False` skips the fsyncs, for what does not matter after a power cut."""
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_dir(path.parent)


def _atomic_write(path: Path, data: bytes, before_replace: Callable[[], None]) -> None:
    atomic_write(path, data, before_replace)  # looked up when called, so tests can stand in


append_changes = change_log.append


def _append_changes(
    path: Path, lines: bytes, expected_size: int, before: Callable[[], None]
) -> int:
    return append_changes(path, lines, expected_size, before)  # looked up when called, as above


def failed(failure: str) -> str:
    """What the person is told when a save found the file changed by another program."""
    return f"{failure} Your latest changes were not saved; Aspire shows what the file holds."


def held(failure: str) -> str:
    """What the person is told when the disk refused a save (a full disk, say)."""
    return (
        f"{failure} Your latest changes are still in Aspire but not on disk: Aspire tries "
        "again with your next change and when you quit, and asks before quitting without them."
    )


def _worded(failure: str, kind: str) -> str:
    if kind == HELD:
        return held(failure)
    return failed(failure) if kind == REFUSED else failure


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Temp files left by a crash are never data: the rename had not happened yet."""
    removed = []
    for stale in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


FileCheck = Callable[[Path, dict[str, Any]], object]


class AtomicJSONStorage(Storage):
    """JSON on disk, replaced atomically; `batch()` turns several TinyDB writes into one.

    It keeps the last data it read or wrote. With one writer per folder (see `lock.py`) the file
    changes only through this object, so when the file's identity, size and mtime are what they
    were after the last read or write, the copy in memory is current and nothing is re-parsed. A
    file changed behind Aspire's back is re-read and must pass `check` before anything is written.

    After `write_in_background()`, a write encodes the data and hands it to a writer thread, so
    the caller never waits for the disk; until the writer is done the copy in memory is ahead of
    the file. If the writer fails, the next read goes back to what the file holds.

    With a writer, a change made through a table (which says what it changed) is appended to
    the change log (`change_log`) instead: a line, whatever the file's size. The data file is
    rewritten whole (folded) when the log has grown, when a change does not say what it
    changed, and on close. Reading the file always reads the log with it.
    """

    def __init__(
        self,
        path: Path,
        check: FileCheck | None = None,
        read_only: bool = False,
        sealer: Sealer | None = None,
    ) -> None:
        self.path = Path(path)
        self.check = check
        self.sealer = sealer or Sealer(None)
        """Encrypts what is written and decrypts what is read, when the folder is encrypted:
        the writer and the log only ever see the bytes as they are on disk."""
        self.read_only = read_only
        self.revision = 0
        """Moves on with every change to the data Aspire holds, its own or not: whatever is
        worked out from the records (the records' caches, where each goal stands) is kept
        until it moves, and is the one counter they all go by."""
        self.renewed_at = 0
        """The revision at which the data was last taken anew rather than changed through the
        tables (the file changed behind Aspire's back, a write failed, everything replaced):
        whatever was built before it is built again."""
        self._seen = self.path.exists()
        self._batch: dict[str, Any] | None = None
        self._cache: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._writer: BackgroundWriter | None = None
        self._recheck = False
        """A write failed: the next read from disk checks the file, whatever its stamp."""
        self._keep_unsaved: Callable[[bytes], str] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._wrote_cache = False
        """The copy in memory is what Aspire itself last handed to the disk."""
        self.log = change_log.log_path(self.path)
        self.replayed = False
        """The last read from disk replayed changes from the log onto the file."""
        self.log_found: tuple[str, int, bool] | None = None
        """The log replayed: its base, its size up to its last whole line, and whether it
        ends there."""
        self.unapplied_log = False
        """The last read found a change log built on another data file that would change
        it: it was not applied (the owner keeps it aside)."""
        self._batch_ops: list[change_log.Op] | None = None
        self._changing = threading.RLock()
        self._whole_next = False
        """The file was read again and is not what Aspire wrote: the log no longer builds on
        it, so the next change is written whole (and a new log starts from there)."""
        self._kept_now = False
        self.read_only_why = ""
        """Why changes are refused, when it is not another Aspire holding the folder."""
        self.stamper: Any = None
        """Stamps each record a table update sets or removes (`sharing.Stamper`), for merging
        with other computers' files; None for a copy only read."""
        self.keep_read_bytes = False
        self.last_read_bytes: bytes | None = None
        """With `keep_read_bytes`, the bytes of the latest read from disk (for the launch
        backup, which must hold the file as it was at open)."""

    def write_in_background(
        self,
        on_failure: Callable[[str], None] | None = None,
        keep_unsaved: Callable[[bytes], str] | None = None,
    ) -> None:
        """Put writes on disk from a thread of their own from now on; `on_failure` hears (on
        that thread) when one fails, and `keep_unsaved` keeps a save that found the file
        changed by another program (and says where). Both also serve when a read finds that
        another program replaced what Aspire wrote (`on_failure` is then called on the
        reading thread)."""
        self._keep_unsaved = keep_unsaved
        self._on_failure = on_failure
        if self._writer is None and not self.read_only:
            self.read()  # the stamp the first write expects the file to have
            self._writer = BackgroundWriter(
                self.path,
                _atomic_write,
                self._stamp,
                keep_unsaved=keep_unsaved,
                append=_append_changes,
                snapshot=self._snapshot,
            )
            if self.log_found is not None and self.log.exists():
                self._writer.continue_log(*self.log_found)
        if self._writer is not None:
            self._writer.on_failure = (
                None
                if on_failure is None
                else lambda failure, kind: on_failure(_worded(failure, kind))
            )

    @property
    def unsaved(self) -> str | None:
        """Why changes shown in Aspire are not on disk (nor kept aside), while they are not."""
        return None if self._writer is None else self._writer.unsaved

    def retry(self) -> None:
        """Try again, in the background, what the disk refused."""
        if self._writer is not None:
            self._writer.retry()

    def flush(self) -> None:
        """Wait until everything written so far is on disk, trying again what the disk
        refused; raise StoreError if something is not."""
        writer = self._writer
        if writer is not None:
            writer.flush()
            if writer.unsaved is not None:
                writer.retry()
                writer.flush()
            self._settle()
            problem = writer.unsaved
            if problem is not None:
                raise StoreError(held(problem))

    def _settle(self) -> bool:
        """Take in what the writer has done; True while it still has writes to finish."""
        writer = self._writer
        if writer is None:
            return False
        if writer.pending:
            return True
        refusals = writer.take_refusals()
        if refusals:
            self._cache = None  # back to what the file holds, checked again
            self._recheck = True
            self.renew()
            raise StoreError(failed(" ".join(refusals)))
        stamp = writer.take_stamp()
        if stamp is not None:
            self._stamp = stamp
        return False

    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Held while the data in memory is changed and handed to the writer, so that the
        writer's `snapshot` never sees half a change."""
        with self._changing:
            yield

    def _snapshot(self, then: Callable[[bytes], None]) -> bytes | None:
        """The data as a whole save, for the writer (on its thread), and `then` done with
        it, both between two changes."""
        if not self._changing.acquire(timeout=2):  # the owner waits for the writer: no data
            return None
        try:
            if self._cache is None:
                return None
            data = self._sealed(self._cache)
            then(data)
            return data
        finally:
            self._changing.release()

    def _stat(self) -> Stamp | None:
        try:
            return stamp_of(self.path)
        except OSError as error:
            raise DataFileError(self.path, f"cannot be read ({error.strerror}).") from None

    def read(self) -> dict[str, Any] | None:
        if self._batch is not None:
            return self._batch
        if self._writer is not None:
            try:
                if self._settle():
                    if self._cache is not None:
                        return self._cache  # ahead of the file until the writer is done
                    self._writer.flush()  # the copy was dropped: read the file once it is done
                    self._settle()
            except StoreError:
                pass  # reported to the owner by the writer; read the file as it is
            held = self._writer.held() if self._cache is None else None
            if held is not None:  # the copy was dropped while the disk refused a change:
                self._cache = decode_json(self.path, self._opened(held))  # that, not the file
                return self._cache
        stamp = self._stat()
        if stamp is None:
            if self._seen:
                self._keep_if_replaced(None, None)
                # Returning None would let TinyDB start an empty file over the loss.
                raise DataFileError(self.path, "the data file has disappeared.")
            return None
        changed = (self._stamp is not None and stamp != self._stamp) or self._recheck
        if self._cache is not None and not changed:
            return self._cache
        raw: bytes | None = None
        unreadable: DataFileError | None = None
        try:
            raw = read_file(self.path)  # never a pipe, a device or hundreds of megabytes
        except Refused as refused:
            unreadable = DataFileError(self.path, str(refused))
        except OSError as error:
            unreadable = DataFileError(self.path, f"cannot be read ({error.strerror}).")
        found: dict[str, Any] | None = None
        if raw is not None:
            try:
                found = self._with_log(raw, decode_json(self.path, self._opened(raw)))
            except DataFileError as error:
                unreadable = error
        still_ours = False
        self._kept_now = False
        if changed:  # before the file is judged: what Aspire wrote must outlive a bad one too
            still_ours = self._keep_if_replaced(stamp, found)
        if self.unapplied_log and self._kept_now:
            with contextlib.suppress(OSError):  # its changes are in what was kept
                self.log.unlink()
            self.unapplied_log = False
        if unreadable is not None or found is None:
            raise unreadable or DataFileError(self.path, "cannot be read.")
        data = found
        if self.keep_read_bytes:
            self.last_read_bytes = raw
        if changed:
            if self.check is not None:
                self.check(self.path, data)
            self.renew()
            if self._writer is not None and self._writer.adopt(stamp, still_ours):
                self._whole_next = True
        self._seen = True
        self._recheck = False
        self._cache, self._stamp = data, stamp
        self._wrote_cache = still_ours  # the same bytes put back are still Aspire's own
        return data

    def _with_log(self, raw: bytes, data: dict[str, Any]) -> dict[str, Any]:
        """The data file's data with the change log replayed onto it, when the log builds on
        these very bytes. A log built on another file is left out: its changes are either in
        this one already (a fold cut short) or not (`unapplied_log`)."""
        self.unapplied_log = self.replayed = False
        try:
            log = change_log.read_log(self.log, self.path, self.sealer)
        except DataFileError:
            base = change_log.base_named(self.log)
            if base is None or base == change_log.digest(raw):
                raise  # this file's own log, damaged: refused, as ever
            # A log a sync tool brought back beside another file (plain beside an encrypted
            # one, say): not this file's; kept aside by the owner, never replayed.
            self.unapplied_log = True
            return data
        if log is not None and log.saves:
            found = change_log.digest(raw)
            if log.base == found:  # replaying onto its own base is always right
                change_log.apply(data, log.saves)
                self.replayed = True
                self.log_found = (log.base, log.good_size, log.whole)
            elif found in log.folded_into:
                pass  # a fold's last step was cut short: its changes are all in the file
            elif not change_log.changes_nothing(data, log.saves):
                self.unapplied_log = True
        held = self._writer.held_lines() if self._writer is not None else []
        if held:  # changes the disk refused to append: Aspire's data is ahead of the file
            opened = [change_log.parse_line(self.sealer.open_line(line)) for line in held]
            change_log.apply(data, opened)
        return data

    def _keep_if_replaced(self, stamp: Stamp | None, found: dict[str, Any] | None) -> bool:
        """Another program put something else (a file with other contents, one that cannot be
        read, or nothing) where Aspire last wrote, a sync tool bringing back an older copy,
        say: what Aspire wrote is kept aside before the file is taken or refused as it is, so
        that nothing saved is lost to it. Kept once: until Aspire writes again it has nothing
        more of its own to keep. Saves the disk refused are kept aside by the writer itself;
        a copy Aspire only read is not kept. True when the file found holds exactly the bytes
        Aspire wrote (put back as they were): they are still Aspire's own."""
        writer = self._writer
        ours = self._cache
        if (
            ours is None
            or not self._wrote_cache
            or writer is None
            or writer.held() is not None
            or writer.unsaved is not None
            or self._keep_unsaved is None
        ):
            return False
        if found == ours:
            return True
        self._wrote_cache = False
        try:
            kept = self._keep_unsaved(self._sealed(ours))
        except Exception as error:  # noqa: BLE001 - said; the file is still taken as it is
            said = f"and what Aspire had could not be kept aside ({error})."
        else:
            said = f"so what Aspire had before is kept in {kept}."
            self._kept_now = True
        what = "deleted" if stamp is None else "replaced"
        if self._on_failure is not None:
            with contextlib.suppress(Exception):
                self._on_failure(f"{self.path} was {what} by another program, {said}")
        return False

    def _sealed(self, data: dict[str, Any]) -> bytes:
        """The data as it goes on disk: JSON, encrypted when the folder is."""
        return self.sealer.seal(encode_json(data))

    def _opened(self, raw: bytes) -> bytes:
        """The bytes of the file as JSON, decrypted when the folder is encrypted; a file that
        does not decrypt was changed (age checks every byte) and is refused as it is."""
        if not self.sealer.on and raw.startswith(AGE_MAGIC + b"\n"):
            raise DataFileError(
                self.path,
                f"is encrypted, but its key file ({KEY_FILE_NAME}) is not beside it.",
                f"Put back {KEY_FILE_NAME} from where this folder was copied; without it the "
                "data cannot be read. Aspire has left everything untouched.",
            )
        try:
            return self.sealer.open(raw)
        except Damaged:
            from aspire_tui.store.backups import newest_good_backup

            good = newest_good_backup(self.path, self.sealer)
            raise DataFileError(
                self.path,
                "does not decrypt: it is damaged, or was changed since Aspire wrote it.",
                "Aspire has left it untouched. "
                + (
                    f"The newest backup that opens is {good}: aspire restore {good}"
                    if good
                    else "No backup opens with this key either."
                ),
            ) from None

    def renew(self) -> None:
        """Every cache built on the data so far starts again (see `renewed_at`)."""
        self.revision += 1
        self.renewed_at = self.revision

    def unchanged(self) -> bool:
        """The file is still what the last read found (or still absent)."""
        return self._stat() == self._stamp

    def write(self, data: dict[str, Any], changes: list[change_log.Op] | None = None) -> None:
        """Save `data`; `changes`, when given, are the records that changed (what a table
        update touched), so that only they need appending to the change log."""
        if self.read_only:
            self._cache = None  # TinyDB changed it in place before asking to write
            raise StoreError(
                self.read_only_why
                or "Aspire is open read-only here, because another Aspire has this folder "
                "open. Make changes there."
            )
        self.revision += 1
        if self._batch is not None:
            self._batch = data
            if self._batch_ops is not None and changes is not None:
                self._batch_ops.extend(changes)
            else:
                self._batch_ops = None  # a change that does not say what: the file whole
            return
        if self._writer is not None:
            self._write_behind(data, changes)
            return
        try:
            atomic_write(self.path, within_limit(self.path, self._sealed(data)))
        except OSError as error:
            self._cache = None  # TinyDB changed it in place; the file is what counts now
            self.renew()  # every table and cache must read it again
            raise StoreError(
                f"Could not save to {self.path} ({error.strerror}). Your last change was not saved."
            ) from None
        except BaseException:
            self._cache = None
            self.renew()
            raise
        with contextlib.suppress(OSError):  # everything is in the file now
            self.log.unlink()
        self._seen = True
        self._cache, self._stamp = data, self._stat()
        self._wrote_cache = True

    def _may_append(self, size: int) -> bool:
        """A change goes to the log unless the writer holds a whole save, or the log is long
        enough to fold, or the file would grow past what Aspire reads."""
        writer = self._writer
        if writer is None or not writer.can_append or self._whole_next:
            return False
        log_bytes = writer.log_bytes + size
        data_size = (self._stamp[0][1] if self._stamp and self._stamp[0] else 0) + log_bytes
        return data_size <= limits.FILE_MAX_BYTES

    def fold(self) -> None:
        """Rewrite the data file with everything and drop the log (before a copy of the file
        is taken, and on close), then wait until that is on disk."""
        self._fold()
        self.flush()

    def _fold(self) -> None:
        writer = self._writer
        if writer is None or self.read_only:
            return
        writer.flush()  # the log's size is known once what is under way is done
        if writer.log_bytes and writer.can_append:
            data = self.read()
            if data is not None:
                writer.put(self._sealed(data), expected=self._stamp, fold=True)

    def holds_own_changes(self) -> None:
        """What was read includes changes Aspire made that are only in the log (a fold at
        open the disk refused): they are Aspire's to keep aside if the file is replaced."""
        self._wrote_cache = self._cache is not None

    def forget_everything(self) -> None:
        """After `close`: the data and the key let go (see `AspireStore.forget`)."""
        self._cache = self._batch = None
        self.last_read_bytes = None
        self.sealer = Sealer(None)
        self.renew()

    def forget(self) -> None:
        """Drop the copy in memory (a change to it failed half-way): the file is what counts."""
        self._cache = None
        self.renew()

    def _write_behind(self, data: dict[str, Any], changes: list[change_log.Op] | None) -> None:
        writer = self._writer
        assert writer is not None
        if changes is not None and not changes:
            return  # an update that changed nothing (TinyDB's upsert tries an update first)
        try:
            self._settle()  # a write that failed since the last read: this one built on it
            line = None if changes is None else self.sealer.seal_line(change_log.encode(changes))
            if line is not None and self._may_append(len(line)):
                writer.put_lines(line, expected=self._stamp)
                if writer.log_bytes > change_log.FOLD_AT + writer.fold_refused_at:
                    writer.put(self._sealed(data), expected=self._stamp, fold=True)
            else:
                writer.put(within_limit(self.path, self._sealed(data)), expected=self._stamp)
                self._whole_next = False
        except BaseException:
            self._cache = None
            self.renew()
            raise
        self._seen = True
        self._cache = data
        self._wrote_cache = True

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside the block and put them on disk together, or not at all."""
        if self._batch is not None:
            yield
            return
        self._changing.acquire()
        self._batch = self.read() or {}
        self._batch_ops = []
        try:
            yield
            data, self._batch = self._batch, None
            ops, self._batch_ops = self._batch_ops, None
            self.write(data, ops)
        except BaseException:
            self._cache = None  # the batch changed the cached data in place
            self.renew()  # and the tables and records saw the writes undone
            raise
        finally:
            self._batch = None
            self._batch_ops = None
            self._changing.release()

    def close(self) -> None:
        """Finish the writes still on their way to disk; raise UnsavedChanges if changes are
        neither on disk nor kept aside (a save refused because the file had changed was
        reported when it happened, and is kept in `backups/`)."""
        with contextlib.suppress(StoreError, DataFileError):  # said below, as before
            self._fold()  # the file whole, for whoever reads it next
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.flush()
            if writer.unsaved is not None:
                writer.retry()  # a full disk may have room by now
            writer.close()
            self._writer = writer
            refused: StoreError | None = None
            try:
                self._settle()
            except StoreError as error:
                refused = error
            finally:
                self._writer = None
            problem = writer.unsaved
            if problem is not None:
                raise UnsavedChanges(f"{problem} Your latest changes were not saved.")
            if refused is not None:
                raise refused


def encode_json(data: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON. orjson does this several times faster than the standard library,
    which matters when every save rewrites a file of ten years. What orjson refuses (a lone
    surrogate, an integer past 64 bits) is written as the standard library always wrote it."""
    try:
        return orjson.dumps(data)
    except TypeError:
        return json.dumps(data, separators=(",", ":")).encode("ascii")


def within_limit(path: Path, encoded: bytes) -> bytes:
    """Refuse a save that would make the file larger than Aspire reads (`limits`): a file
    Aspire wrote must always open again."""
    if len(encoded) > limits.FILE_MAX_BYTES:
        raise StoreError(
            f"Not saved: {path} would grow to {len(encoded) / (1024 * 1024):,.1f} MB, larger than "
            f"Aspire reads ({limits.megabytes(limits.FILE_MAX_BYTES)}). Shorten or delete "
            "something long (a pasted text, say), then try again."
        )
    return encoded


def decode_json(path: Path, raw: bytes) -> dict[str, Any]:
    """The file's data, refusing a key written twice in one object (JSON keeps the last copy,
    and the next save would drop the first without a word).

    orjson is several times faster than the standard library but keeps the last copy of a
    key silently. A file Aspire wrote is exactly what orjson writes back from its data, and a
    dropped copy would make that shorter, so such a file (every file after Aspire's first
    save) needs nothing more: 5 ms on top of a 30 ms parse at ten years. Anything else
    (indented, made by hand, with numbers past 64 bits, which orjson reads as approximate
    floats) is read again by the standard library, which sees every key."""
    try:
        data = orjson.loads(raw)
    except (ValueError, RecursionError):
        data = _slow_loads(path, raw)
    else:
        if orjson.dumps(data) != raw:
            data = _slow_loads(path, raw)
    if not isinstance(data, dict):
        raise DataFileError(path, "does not hold Aspire data (expected a JSON object).")
    return data


def _slow_loads(path: Path, raw: bytes) -> Any:
    """What orjson refuses, or may have read only in part: also what earlier Aspires wrote
    in some files (a lone surrogate escaped as \\ud800, say); the file checks then decide."""
    try:
        return loads_unique(raw)
    except DuplicateKey as twice:
        key = shortened(twice.key)
        problem = f'has the key "{key}" twice in one place, which Aspire never writes.'
        raise DataFileError(path, problem) from None
    except (ValueError, RecursionError):
        raise DataFileError(path, "is not valid JSON, so Aspire cannot read it.") from None
