"""One Aspire at a time per data folder: two writers would silently undo each other's changes.

The lock itself is filelock's (an OS-level lock the kernel drops when its process dies, so a
crash never leaves a stale lock behind). Beside it, the holder writes its process id, so that a
second launch can say who has the folder open.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from aspire_tui.store.errors import StoreError
from aspire_tui.store.storage import atomic_write


class AlreadyOpenError(StoreError):
    """Another process holds the folder."""

    def __init__(self, folder: Path, pid: str) -> None:
        self.folder = folder
        self.pid = pid
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"Aspire is already open on {folder}{who}.\n"
            "Two copies on one folder would overwrite each other's changes: close the other first."
        )


class FolderLock:
    """An exclusive lock on `<data file>.lock`, with the holder's pid in `<data file>.owner`."""

    def __init__(self, data_file: Path) -> None:
        self.path = data_file.with_name(data_file.name + ".lock")
        self.owner_path = data_file.with_name(data_file.name + ".owner")
        self._lock = FileLock(self.path, timeout=0, mode=0o600)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise AlreadyOpenError(self.path.parent, self._owner()) from None
        except OSError as error:
            raise StoreError(f"Cannot lock {self.path} ({error.strerror}).") from None
        with contextlib.suppress(OSError):
            atomic_write(self.owner_path, f"{os.getpid()}\n".encode("ascii"))

    def _owner(self) -> str:
        try:
            text = self.owner_path.read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return text if text.isdigit() else ""

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        with contextlib.suppress(OSError):
            self.owner_path.unlink()
        self._lock.release()
