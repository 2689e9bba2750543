"""Which files in a data folder are whose: each computer writes files of its own and reads
everyone's, so that a sync tool (Syncthing, Dropbox, iCloud Drive, OneDrive, Nextcloud, git)
never has two computers writing one file.

The computer that made the folder (or first opened it with this version) writes
`aspire.json`; every other computer writes `aspire.<device>.json`, with its change log and
its lock beside it. A computer's id is made once and kept outside the data folder (a synced
folder would hand one id to every computer).

Sync tools that find one file changed in two places keep both, naming the second in a way
of their own: those conflict copies are read and merged like any computer's file, then moved
aside (`CONFLICTS_DIR`).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from aspire_tui.store.location import APP_NAME, DATA_FILE_NAME

DEVICE_ENV = "ASPIRE_DEVICE_ID"
"""A computer id to use instead of this computer's own (tests, and two Aspires of one person
on one computer, each its own "computer")."""
DEVICE_DIR_ENV = "ASPIRE_DEVICE_DIR"
"""Where this computer's id is kept, instead of the platform's state folder."""
DEVICE_FILE_NAME = "device-id"
CONFLICTS_DIR = "sync-conflicts"
"""Where conflict copies go once merged: kept, never deleted, never read again."""

_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_DEVICE = re.compile(r"[a-z2-7]{8}")
DEVICE_FILE = re.compile(r"aspire\.([a-z2-7]{8})\.json")

_STEM = r"aspire(?:\.[a-z2-7]{8})?(?P<log>\.changes)?"
_CONFLICT_COPY = re.compile(
    rf"(?P<stem>{_STEM})(?P<mark>"
    r" \([^()]*conflict[^()]*(?:\(\d+\))?[^()]*\)"  # Dropbox, Nextcloud, ownCloud
    r"|\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?"  # Syncthing
    r"|_conflict-\d{8}-\d{6}"  # ownCloud, older Nextcloud
    r"|-[A-Z0-9][A-Z0-9_-]*"  # OneDrive: -HOSTNAME, -HOSTNAME-2 (as Windows names them)
    r"| \d+"  # iCloud Drive: "aspire 2.json"
    r")\.(?P<ext>jsonl?)"
)


def is_device_id(text: str) -> bool:
    """Eight letters and digits 2-7 (base32): what names a computer's file."""
    return bool(_DEVICE.fullmatch(text))


def new_device_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def device_dir() -> Path:
    from_env = os.environ.get(DEVICE_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))


def this_device() -> str:
    """This computer's id: made once, then read. An id that cannot be kept (a read-only home)
    is made again each time, which only costs a new file in the folder per start."""
    named = os.environ.get(DEVICE_ENV, "").strip().lower()
    if _DEVICE.fullmatch(named):
        return named
    path = device_dir() / DEVICE_FILE_NAME
    with contextlib.suppress(OSError):
        found = path.read_text(encoding="ascii").strip()
        if _DEVICE.fullmatch(found):
            return found
    made = new_device_id()
    with contextlib.suppress(OSError):
        _keep_device_id(path, made)
    with contextlib.suppress(OSError):  # another Aspire made one first: that one
        found = path.read_text(encoding="ascii").strip()
        if _DEVICE.fullmatch(found):
            return found
    return made


def _keep_device_id(path: Path, made: str) -> None:
    """Whole or not at all: written to a temp file and linked into place, which fails if
    another Aspire linked its own first. A file left empty or damaged by a crash (of an
    older Aspire) is replaced, atomically."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temp = tempfile.mkstemp(prefix=".device-id-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(made + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            found = path.read_text(encoding="ascii", errors="replace").strip()
            if not _DEVICE.fullmatch(found):
                os.replace(temp, path)  # damaged: this id instead, whole
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def device_name() -> str:
    """What the person calls this computer, as far as Aspire can tell (for `aspire devices`
    and the notices)."""
    return (socket.gethostname().split(".")[0] or "this computer")[:40]


def device_file(folder: Path, device: str) -> Path:
    return folder / f"aspire.{device}.json"


def own_data_file(folder: Path, device: str | None = None) -> Path:
    """This computer's data file in `folder`: its own file in a shared folder, else
    `aspire.json` (the folder's first computer's, or no one's yet)."""
    mine = device_file(folder, device or this_device())
    return mine if os.path.lexists(mine) else folder / DATA_FILE_NAME


@dataclass(frozen=True)
class FolderFiles:
    """The data files in a folder: each computer's, and the conflict copies sync tools made."""

    devices: dict[str, Path]
    """`aspire.<device>.json` files, by device."""
    first: Path | None
    """`aspire.json`, if there is one (its owner is in its data)."""
    conflict_copies: list[Path]


def folder_files(folder: Path) -> FolderFiles:
    devices: dict[str, Path] = {}
    copies: list[Path] = []
    first = None
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    for name in names:
        if name == DATA_FILE_NAME:
            first = folder / name
        elif (found := DEVICE_FILE.fullmatch(name)) is not None:
            devices[found.group(1)] = folder / name
        elif name.startswith("aspire") and is_conflict_copy(name):
            copies.append(folder / name)
    return FolderFiles(devices, first, copies)


def is_conflict_copy(name: str) -> bool:
    """A name a sync tool gives the second copy of an `aspire…` file changed in two places
    (see `_CONFLICT_COPY` for the schemes)."""
    found = _CONFLICT_COPY.fullmatch(name)
    if found is None:
        return False
    return (found.group("ext") == "jsonl") == (found.group("log") is not None)


def stem_of_copy(name: str) -> str:
    """The file a conflict copy is a copy of ("aspire.json", "aspire.changes.jsonl")."""
    found = _CONFLICT_COPY.fullmatch(name)
    assert found is not None
    return f"{found.group('stem')}.{found.group('ext')}"
