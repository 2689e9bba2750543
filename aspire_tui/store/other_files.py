"""Reading other computers' files in a shared data folder, and the conflict copies sync
tools leave, as often as twice a second: only files whose size or time changed are read again,
and only records that differ from this computer's are handed on to be merged.

A file that cannot be read just now (half copied, from a newer Aspire, damaged) is skipped
and said, and the last good reading of it is kept: merging never goes back, so a file that
arrives late or out of order only delays what it brings.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aspire_tui.store import change_log
from aspire_tui.store.devices import (
    CONFLICTS_DIR,
    folder_files,
    stem_of_copy,
)
from aspire_tui.store.errors import DataFileError, StoreError
from aspire_tui.store.file_check import check_file_first, check_schema, check_stamps
from aspire_tui.store.kinds import KINDS, RecordKind
from aspire_tui.store.limits import Refused, read_file
from aspire_tui.store.migrations import META_TABLE, SCHEMA_VERSION, migrate
from aspire_tui.store.replicas import SYNC_TABLE, Version, key_of, merge_versions, versions_of
from aspire_tui.store.sealing import Sealer
from aspire_tui.store.storage import AtomicJSONStorage, decode_json

Stat = tuple[int, int, int] | None


def _stat(path: Path) -> Stat:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def meta_of(data: Mapping[str, Any]) -> dict[str, Any]:
    meta = data.get(META_TABLE)
    entry = meta.get("1") if isinstance(meta, dict) else None
    return entry if isinstance(entry, dict) else {}


@dataclass
class Reading:
    """Records another computer's files hold that this one's may not, merged."""

    theirs: dict[str, tuple[Version, ...]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Each file's computer name, by file name, for what came from where."""
    copies: list[Path] = field(default_factory=list)
    """Conflict copies read: to move aside once what they hold is on disk."""
    problems: dict[str, str] = field(default_factory=dict)
    """Files skipped this time, and why."""
    stats: dict[str, Any] = field(default_factory=dict)
    """Each file read in whole, by name: its stats, for `OtherFiles.known`."""
    computers: dict[str, str] = field(default_factory=dict)
    """Each computer's name, by id, as the files read say: kept with the stats, so that a
    file not read again at the next start still names its computer."""


class OtherFiles:
    def __init__(
        self,
        folder: Path,
        own: Path,
        sealer: Sealer,
        forgotten: Iterable[str] = (),
        kinds: tuple[RecordKind, ...] = KINDS,
        known: Mapping[str, Any] | None = None,
        known_names: Mapping[str, str] | None = None,
    ) -> None:
        self.folder = folder
        self.own = own
        self.sealer = sealer
        self.forgotten = set(forgotten)
        self.kinds = kinds
        self.tables = tuple(kind.table for kind in kinds)
        self._seen: dict[Path, tuple[Stat, Stat]] = {}
        self.known: dict[str, Any] = dict(known or {})
        """Each file's stats when an earlier run took it in (this computer's `_meta`
        "seen"): a file still so is not read again at open."""
        self.names: dict[str, str] = {str(k): str(v) for k, v in (known_names or {}).items()}
        """Each computer's name, by id, as its file says (or said when last read)."""

    def paths(self) -> tuple[list[Path], list[Path]]:
        """Other computers' files, and conflict copies, now in the folder."""
        found = folder_files(self.folder)
        others = [
            path
            for device, path in found.devices.items()
            if path != self.own and device not in self.forgotten
        ]
        if found.first is not None and found.first != self.own:
            others.insert(0, found.first)  # its computer, if forgotten, is known once read
        return others, found.conflict_copies

    _shared: bool | None = None

    @property
    def shared(self) -> bool:
        """Another computer's file has been seen here (looked for once, then on each look
        for changes: new records ask this, and must not list the folder each time)."""
        if self._shared is None:
            self._shared = bool(self.paths()[0])
        return self._shared or bool(self._seen)

    def changed(self) -> bool:
        """Cheap (a `stat` per file): whether `read` would find anything new."""
        others, copies = self.paths()
        self._shared = bool(others)
        if copies:
            return True
        if set(others) != set(self._seen):
            return True
        return any(self._stats(path) != self._seen.get(path) for path in others)

    def read_again(self) -> None:
        """What was read could not be taken in: every file is read again next time."""
        self._seen.clear()

    def _stats(self, path: Path) -> tuple[Stat, Stat]:
        return (_stat(path), _stat(change_log.log_path(path)))

    def read(self, mine: Mapping[str, Any]) -> Reading:
        """What other computers' files (and conflict copies) hold that differs from `mine`,
        this computer's data (read, never changed: a copy taken under its lock will do).
        Only files changed since they were last taken in are read, one at a time: what an
        unchanged file holds is in `mine` already."""
        reading = Reading()
        others, copies = self.paths()
        for path in others:
            stats = self._stats(path)
            if stats == self._seen.get(path):
                continue
            if self.known.get(path.name) == _plain(stats):  # taken in by an earlier run
                self._seen[path] = stats
                continue
            data = self._read(path, reading)
            if data is None:
                continue
            self._seen[path] = stats
            if meta_of(data).get("device") in self.forgotten:
                continue  # the folder's first computer, forgotten
            reading.stats[path.name] = _plain(stats)
            self._take(data, mine, reading)
            meta = meta_of(data)
            reading.names[path.name] = meta.get("name") or path.name
            if meta.get("device"):
                name = str(meta.get("name") or meta["device"])
                self.names[str(meta["device"])] = reading.computers[str(meta["device"])] = name
        for path in list(self._seen):
            if path not in others:  # moved away, or forgotten: its changes are in ours
                self._seen.pop(path, None)
        for path in copies:
            data = self._read_copy(path, reading)
            if data is not None:
                self._take(data, mine, reading)
                reading.copies.append(path)
                reading.names[path.name] = path.name
        return reading

    def _take(self, data: Mapping[str, Any], mine: Mapping[str, Any], reading: Reading) -> None:
        theirs = reading.theirs
        entries = data.get(SYNC_TABLE) or {}
        for key in _differing([data], mine, self.tables):
            table, record_id = key.rpartition("/")[::2]
            found = versions_of(entries.get(key), (data.get(table) or {}).get(record_id))
            have = theirs.get(key)
            theirs[key] = found if have is None else merge_versions(have, found)

    def _read(self, path: Path, reading: Reading) -> dict[str, Any] | None:
        try:
            data = AtomicJSONStorage(path, read_only=True, sealer=self.sealer).read()
            if data is None:
                return None
            return self._checked(path, data)
        except (DataFileError, StoreError, OSError) as error:
            reading.problems[path.name] = str(error)
            return None

    def _checked(self, path: Path, data: dict[str, Any]) -> dict[str, Any]:
        schema = check_schema(path, data)
        if schema < SCHEMA_VERSION:
            data = migrate(data, schema)
        check_file_first(path, data, self.kinds, later=True)
        check_stamps(path, data, self.kinds)  # merged from at once: never glanced at only
        return data

    def _read_copy(self, path: Path, reading: Reading) -> dict[str, Any] | None:
        """A conflict copy's data: a data file's, or a change log's replayed onto the file
        it builds on (the file it is a copy of, or another copy of that file)."""
        if not path.name.endswith(change_log.LOG_SUFFIX.removeprefix(".changes")):
            return self._read(path, reading)
        base_name = stem_of_copy(path.name).replace(change_log.LOG_SUFFIX, ".json")
        candidates = [self.folder / base_name]
        candidates += [
            p
            for p in folder_files(self.folder).conflict_copies
            if p.suffix == ".json" and stem_of_copy(p.name) == base_name
        ]
        try:
            log = change_log.read_log(path, path, self.sealer)
        except DataFileError as error:
            reading.problems[path.name] = str(error)
            return None
        if log is None:
            return None
        for candidate in candidates:
            try:
                raw = read_file(candidate)
            except (OSError, Refused):
                continue
            if change_log.digest(raw) != log.base:
                continue
            try:
                data = decode_json(candidate, self.sealer.open(raw))
                change_log.apply(data, log.saves)
                return self._checked(path, data)
            except (DataFileError, StoreError, ValueError) as error:
                reading.problems[path.name] = str(error)
                return None
        reading.problems[path.name] = (
            "is a sync tool's copy of a change log whose data file is no longer here; "
            f"it is kept in {CONFLICTS_DIR}/."
        )
        reading.copies.append(path)
        return None


def _plain(stats: tuple[Stat, Stat]) -> list[list[int] | None]:
    """Stats as JSON keeps them (`_meta`'s "seen")."""
    return [list(stat) if stat is not None else None for stat in stats]


def _differing(
    datas: Iterable[Mapping[str, Any]], mine: Mapping[str, Any], tables: Iterable[str]
) -> list[str]:
    """Keys of the records (and their stamps) that differ between each of `datas` and
    `mine`: comparing dicts is quick, building versions is not."""
    keys: dict[str, None] = {}
    my_entries = mine.get(SYNC_TABLE) or {}
    tables = tuple(tables)
    for data in datas:
        entries = data.get(SYNC_TABLE) or {}
        for table in tables:
            theirs = data.get(table) or {}
            ours = mine.get(table) or {}
            for record_id, doc in theirs.items():
                if ours.get(record_id) != doc:
                    keys[key_of(table, record_id)] = None
        for key, entry in entries.items():
            if my_entries.get(key) != entry:
                keys[key] = None
    return list(keys)


def move_aside(folder: Path, copies: Iterable[Path], now: datetime) -> list[Path]:
    """Conflict copies whose changes are on disk in this computer's file: kept, out of the
    way, never read again."""
    target = folder / CONFLICTS_DIR
    moved = []
    for path in copies:
        if not path.exists():
            continue
        with contextlib.suppress(OSError):
            target.mkdir(mode=0o700, exist_ok=True)
            destination = target / f"{now:%Y%m%d-%H%M%S}-{path.name}"
            shutil.move(str(path), destination)
            moved.append(destination)
    return moved
