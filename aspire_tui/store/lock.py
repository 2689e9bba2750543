"""One Aspire at a time per data folder: two writers would silently undo each other's changes."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from aspire_tui.store.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; one writer is then up to the person.
    fcntl = None  # type: ignore[assignment]


class AlreadyOpenError(StoreError):
    """Another process holds the folder."""

    def __init__(self, folder: Path, pid: str) -> None:
        self.folder = folder
        self.pid = pid
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"Aspire is already open on {folder}{who}.\n"
            "Close it there first: two copies on one folder would overwrite each other's changes."
        )


class FolderLock:
    """An exclusive advisory lock on `<data file>.lock`, holding the owner's process id."""

    def __init__(self, data_file: Path) -> None:
        self.path = data_file.with_name(data_file.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(f"Cannot lock {self.path} ({error.strerror}).") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pid = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise AlreadyOpenError(self.path.parent, pid) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing the descriptor releases the lock
