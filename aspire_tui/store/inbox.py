"""What a shell command wrote while the app had the folder: one small file per check-in or
journal entry in `inbox/<computer>/`, taken in by the app within a second (or by the next
Aspire to open the folder) and then removed.

Each entry is written atomically (and encrypted when the folder is), under a name that
sorts by time; the record keeps the uid it was made with, so an entry read twice (a crash
between taking it in and removing it) is kept once. Only the computer that wrote an entry
takes it in: a sync tool may carry the folder elsewhere, and another computer keeping it
too would record it twice."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aspire_tui.domain.models import CheckIn, Reflection
from aspire_tui.store.codec import (
    decode_checkin,
    decode_reflection,
    encode_checkin,
    encode_reflection,
)
from aspire_tui.store.errors import StoreError
from aspire_tui.store.sealing import Damaged, Sealer
from aspire_tui.store.storage import atomic_write, fsync_dir

INBOX_FOLDER = "inbox"
SET_ASIDE_FOLDER = "set-aside"
MAX_ENTRY = 1024 * 1024
"""A journal entry is at most 100,000 characters; a bigger file is not one Aspire wrote."""


@dataclass(frozen=True)
class InboxEntry:
    path: Path
    record: CheckIn | Reflection
    link_uid: str = ""
    """What the record belongs to, by uid: a check-in's goal, a journal entry's aspiration
    (a number could be another record's by the time the entry is taken in)."""


def inbox_folder(data_folder: Path, device: str) -> Path:
    return data_folder / INBOX_FOLDER / device


def put(
    data_folder: Path, device: str, record: CheckIn | Reflection, sealer: Sealer, link_uid: str = ""
) -> Path:
    """Leave `record` for the app to take in; durable once this returns."""
    folder = inbox_folder(data_folder, device)
    if isinstance(record, CheckIn):
        doc = {"kind": "checkin", "record": encode_checkin(record), "goal": link_uid}
    else:
        doc = {"kind": "reflection", "record": encode_reflection(record), "about": link_uid}
    doc["version"] = 1
    name = f"{time.time_ns():020d}-{record.uid}.json"
    try:
        made = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if made:
            fsync_dir(folder.parent)
            fsync_dir(folder.parent.parent)
        path = folder / name
        atomic_write(path, sealer.seal(json.dumps(doc, ensure_ascii=False).encode("utf-8")))
    except OSError as error:
        raise StoreError(
            f"Could not leave the entry in {folder} ({error.strerror}); nothing was recorded."
        ) from None
    return path


def waiting(data_folder: Path, device: str) -> list[Path]:
    """The entries not yet taken in, oldest first: one look at the folder. A write cut short
    left only a hidden temp file, which is never read."""
    folder = inbox_folder(data_folder, device)
    try:
        with os.scandir(folder) as found:
            names = [e.name for e in found if e.name.endswith(".json") and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [folder / name for name in sorted(names)]


def read(path: Path, sealer: Sealer) -> InboxEntry:
    """StoreError if the file is not an entry Aspire wrote (it is then set aside)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            raise ValueError
        doc: Any = json.loads(sealer.open(path.read_bytes()))
        if doc.get("version") != 1:
            raise ValueError
        if doc["kind"] == "checkin":
            record: CheckIn | Reflection = decode_checkin(doc["record"], 0)
            return InboxEntry(path, _new(record), str(doc.get("goal", "")))
        if doc["kind"] == "reflection":
            about = str(doc.get("about", ""))
            return InboxEntry(path, _new(decode_reflection(doc["record"], 0)), about)
        raise ValueError
    except OSError as error:
        raise StoreError(f"Could not read {path} ({error.strerror}).") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, Damaged):
        raise StoreError(f"{path} is not an entry Aspire wrote.") from None


def _new(record: Any) -> Any:
    return dataclasses.replace(record, id=None)


def taken(entry: Path) -> None:
    """The entry is in the data: remove it (a crash before this only means reading it again,
    and its uid keeps it from being recorded twice)."""
    try:
        entry.unlink(missing_ok=True)
    except OSError as error:
        raise StoreError(f"Could not remove {entry} ({error.strerror}).") from None


def set_aside(entry: Path) -> Path:
    """An entry that cannot be taken in (its goal was deleted meanwhile, or the file is not
    Aspire's) is moved out of the way, never deleted."""
    folder = entry.parent / SET_ASIDE_FOLDER
    try:
        folder.mkdir(exist_ok=True, mode=0o700)
        kept = folder / entry.name
        os.replace(entry, kept)
    except OSError as error:
        raise StoreError(f"Could not move {entry} aside ({error.strerror}).") from None
    return kept


def entries(
    data_folder: Path, device: str, sealer: Sealer
) -> Iterator[tuple[Path, InboxEntry | StoreError]]:
    """Each waiting entry, read, or why it could not be."""
    for path in waiting(data_folder, device):
        try:
            yield path, read(path, sealer)
        except StoreError as error:
            yield path, error
