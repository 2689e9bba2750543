"""Dated copies of the data file in `backups/` beside it, taken at each launch and before any
restore, import or upgrade; the newest few are kept. A save that could not replace the file
(`…-unsaved.json`) is kept too, and never pruned: it may be the only copy of what was typed."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aspire_tui.store.devices import DEVICE_FILE
from aspire_tui.store.errors import StoreError
from aspire_tui.store.kinds import KINDS
from aspire_tui.store.sealing import Sealer
from aspire_tui.store.storage import atomic_write, decode_json

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
UNSAVED = "unsaved"
"""The reason of a kept copy: a save that found the file changed by another program."""
_NAME = re.compile(r"aspire-(\d{8}-\d{6})(?:-([a-z-]+))?(?:-(\d+))?\.json")


@dataclass(frozen=True)
class Backup:
    name: str
    path: Path
    taken: datetime
    reason: str
    size: int

    @property
    def kept_unsaved(self) -> bool:
        return self.reason == UNSAVED


def backup_folder(data_file: Path) -> Path:
    """`backups/` beside the data file; in a shared folder, another computer's backups go in
    `backups/<id>/`, so that no computer prunes (or overwrites) another's."""
    folder = data_file.parent / BACKUP_FOLDER
    device = DEVICE_FILE.fullmatch(data_file.name)
    return folder / device.group(1) if device else folder


def take_backup(
    data_file: Path, now: datetime, reason: str = "", data: bytes | None = None
) -> Path:
    """Copy the data file as it is on disk (or as it was, when its bytes are given); the copy
    is readable by its owner only. A launch backup (no reason) identical to the newest one is
    not taken again: ten launches in a row must not push out the copy from before a mistake."""
    folder = backup_folder(data_file)
    try:
        folder.parent.mkdir(mode=0o700, exist_ok=True)  # backups/ of a shared folder
        folder.mkdir(mode=0o700, exist_ok=True)
        if data is None:
            data = data_file.read_bytes()
        if not reason:
            latest = next((b for b in list_backups(data_file) if not b.reason), None)
            if latest is not None and _same_bytes(latest.path, data):
                return latest.path
        stem = f"aspire-{now:%Y%m%d-%H%M%S}" + (f"-{reason}" if reason else "")
        target = folder / f"{stem}.json"
        counter = 2
        while target.exists():
            target = folder / f"{stem}-{counter}.json"
            counter += 1
        atomic_write(target, data)
    except OSError as error:
        raise StoreError(f"Could not back up {data_file} ({error.strerror}).") from None
    return target


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def list_backups(data_file: Path) -> list[Backup]:
    """Newest first; files in `backups/` that Aspire did not name are left alone."""
    found = []
    try:
        entries = list(backup_folder(data_file).iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.fullmatch(path.name)
        try:
            taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None
            info = path.stat()
        except (ValueError, OSError):
            continue
        if match and taken and path.is_file():
            backup = Backup(path.name, path, taken, match.group(2) or "", info.st_size)
            found.append((taken, info.st_mtime_ns, backup))
    return [b for _, _, b in sorted(found, key=lambda t: (t[0], t[1]), reverse=True)]


def prune_backups(data_file: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Keep the newest `keep` launch backups, and apart from them the newest `keep` taken
    before a restore, an import or by hand, so routine launches never push those out. Kept
    copies of unsaved changes are never removed here."""
    removed = []
    backups = list_backups(data_file)
    launches = [b for b in backups if not b.reason]
    events = [b for b in backups if b.reason and not b.kept_unsaved]
    for backup in launches[keep:] + events[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(backup.path)
            removed.append(backup.path)
    return removed


def find_backup(data_file: Path, name: str) -> Backup:
    for backup in list_backups(data_file):
        if backup.name == name:
            return backup
    raise StoreError(f"There is no backup called {name!r}. `aspire backups` lists them.")


def records_held(backup: Backup, sealer: Sealer | None = None) -> dict[str, int] | None:
    """How many records of each kind a backup holds (None if it cannot be read as data)."""
    try:
        data = decode_json(backup.path, (sealer or Sealer(None)).open(backup.path.read_bytes()))
    except (OSError, StoreError):
        return None
    counts = {}
    for kind in KINDS:
        records = data.get(kind.table)
        if isinstance(records, dict) and records:
            counts[kind.table] = len(records)
    return counts


def newest_good_backup(data_file: Path, sealer: Sealer) -> str | None:
    """The name of the newest backup (not a kept copy) that opens as data with `sealer`."""
    for backup in list_backups(data_file):
        if not backup.kept_unsaved and records_held(backup, sealer) is not None:
            return backup.name
    return None


_KIND_NAMES = {kind.table: (kind.one, kind.many) for kind in KINDS}


def describe_held(counts: dict[str, int] | None) -> str:
    """`records_held` in words: "1 aspiration, 2 journal entries"."""
    if counts is None:
        return "cannot be read"
    if not counts:
        return "no records"
    parts = []
    for table, count in counts.items():
        one, many = _KIND_NAMES.get(table, (table, table))
        parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)
