"""One Aspire at a time per data folder: two writers would silently undo each other's changes.

The lock is an OS-level lock on a file in the data folder, which the kernel drops when its process
dies, so a crash never leaves a stale lock behind: `flock` where the system has it, filelock's
elsewhere (Windows). filelock is imported only there, since importing it costs more than a tenth
of the time Aspire takes to draw its first frame. Beside the lock, the holder writes its process
id, so that a second launch can say who has the folder open.

The lock lives in the data folder even when `aspire.json` there is a link to a file elsewhere:
nothing is put beside a file before Aspire knows the file is its own. Once it does, a second
lock beside that file keeps out an Aspire that reaches the same file through another folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

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
        self._lock: _Flock | Any = _Flock(self.path) if _HAS_FLOCK else _filelock(self.path)
        self._beside: FolderLock | None = None

    def lock_beside(self, data_file: Path) -> None:
        """Also lock `data_file`, the file a link in the data folder leads to, once it is known
        to be Aspire's (or is about to be created as such); released with this lock."""
        if self._beside is None:
            beside = FolderLock(data_file)
            beside.acquire()
            self._beside = beside

    def acquire(self, say_owner: bool = True) -> None:
        """`say_owner=False`: the owner file waits for `say_owner()`, once the file is known
        to be this computer's (in a shared folder, `aspire.json` may be another's)."""
        try:
            self._lock.acquire()
        except BlockingIOError:
            raise AlreadyOpenError(self.path.parent, self._owner()) from None
        except OSError as error:
            raise StoreError(f"Cannot lock {self.path} ({error.strerror}).") from None
        if say_owner:
            self.say_owner()

    _said = False

    def say_owner(self) -> None:
        with contextlib.suppress(OSError):
            # It only says who has the folder: not worth an fsync at every start.
            atomic_write(self.owner_path, f"{os.getpid()}\n".encode("ascii"), durable=False)
            self._said = True

    def _owner(self) -> str:
        try:
            text = self.owner_path.read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return text if text.isdigit() else ""

    def release(self) -> None:
        beside, self._beside = self._beside, None
        if beside is not None:
            beside.release()
        if not self._lock.is_locked:
            return
        if self._said:  # never another computer's, or another Aspire's
            with contextlib.suppress(OSError):
                self.owner_path.unlink()
            self._said = False
        self._lock.release()


try:
    import fcntl

    _HAS_FLOCK = True
except ImportError:  # Windows
    _HAS_FLOCK = False


class _Flock:
    """An exclusive, non-blocking `flock` on a file that is created private and never removed
    (removing it could let two processes lock two different files of the same name)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise  # BlockingIOError when another process holds it
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _filelock(path: Path) -> Any:
    from filelock import FileLock, Timeout

    class _Held(FileLock):
        def acquire(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().acquire(*args, **kwargs)
            except Timeout:
                raise BlockingIOError(f"{path} is locked") from None

    return _Held(path, timeout=0, mode=0o600)
