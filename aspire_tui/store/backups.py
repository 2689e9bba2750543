"""Dated copies of the data file in `backups/` beside it, taken at each launch and before any
restore, import or upgrade; the newest few are kept."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aspire_tui.store.errors import StoreError
from aspire_tui.store.storage import atomic_write

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
_NAME = re.compile(r"aspire-(\d{8}-\d{6})(?:-([a-z-]+))?(?:-(\d+))?\.json")


@dataclass(frozen=True)
class Backup:
    name: str
    path: Path
    taken: datetime
    reason: str
    size: int


def backup_folder(data_file: Path) -> Path:
    return data_file.parent / BACKUP_FOLDER


def take_backup(data_file: Path, now: datetime, reason: str = "") -> Path:
    """Copy the data file as it is on disk; the copy is readable by its owner only."""
    folder = backup_folder(data_file)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        data = data_file.read_bytes()
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


def list_backups(data_file: Path) -> list[Backup]:
    """Newest first."""
    found = []
    folder = backup_folder(data_file)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.fullmatch(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        found.append(Backup(path.name, path, taken, match.group(2) or "", path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken, b.name), reverse=True)


def prune_backups(data_file: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    removed = []
    for backup in list_backups(data_file)[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(backup.path)
            removed.append(backup.path)
    return removed


def find_backup(data_file: Path, name: str) -> Backup:
    for backup in list_backups(data_file):
        if backup.name == name:
            return backup
    raise StoreError(f"There is no backup called {name!r}. `aspire backups` lists them.")
