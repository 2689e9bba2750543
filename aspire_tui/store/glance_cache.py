"""`aspire status` runs at every shell prompt: reading ten years of data each time would take
a quarter of a second. The glance it prints from (`domain.glance`) is kept in the user cache
folder, with the size, time and inode of each data file and of the settings file as they
were when it was worked out; any change to one of them and it is worked out again.

Nothing is kept for an encrypted folder: goal titles in plain text beside encrypted data
would undo the encryption. This module imports only the domain and the standard library, so
that a prompt with the glance kept costs little more than starting Python."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from aspire_tui.domain.glance import Glance, GlanceGoal
from aspire_tui.domain.review import Cadence

CACHE_DIR_ENV = "ASPIRE_CACHE_DIR"
FORMAT = 2
KEY_FILE_NAME = "aspire.key.age"


def cache_folder() -> Path:
    named = os.environ.get(CACHE_DIR_ENV)
    if named:
        return Path(named).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("aspire-tui", appauthor=False))


def cache_path(data_folder: Path) -> Path:
    """One file per data folder (a checksum of its path; the path itself is kept inside and
    compared, so two folders that share a checksum only share a miss)."""
    import zlib

    where = os.path.abspath(data_folder)
    return cache_folder() / "status" / f"{zlib.crc32(where.encode()):08x}.json"


def encrypted(data_folder: Path) -> bool:
    return os.path.lexists(data_folder / KEY_FILE_NAME)


def files_key(data_folder: Path, settings_file: Path | None) -> list[list[Any]]:
    """What the glance depends on, as the file system says it is now: every data file and
    change log in the folder (every computer's), the key file, and the settings file; not
    the lock, which every open touches."""
    found: list[list[Any]] = []
    try:
        with os.scandir(data_folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("aspire") and name.endswith((".json", ".jsonl", ".age")):
                    info = entry.stat()
                    found.append([name, info.st_size, info.st_mtime_ns, info.st_ino])
    except OSError:
        return []
    found.sort()
    if settings_file is not None:
        try:
            info = os.stat(settings_file)
            found.append(["settings", info.st_size, info.st_mtime_ns, info.st_ino])
        except OSError:
            found.append(["settings", None])
    return found


def load(data_folder: Path, key: list[list[Any]]) -> Glance | None:
    """The glance kept for these files, or None (none kept, or the files changed since)."""
    if not key:
        return None
    try:
        with open(cache_path(data_folder), "rb") as handle:
            doc = json.loads(handle.read(4 * 1024 * 1024))
        if doc.get("format") != FORMAT or doc.get("files") != key:
            return None
        if doc.get("folder") != os.path.abspath(data_folder):
            return None
        return _glance(doc["glance"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a cache is only ever a shortcut


def keep(data_folder: Path, key: list[list[Any]], seen: Glance) -> None:
    """Keep `seen` for the next prompt; quietly nothing if the cache folder will not take it."""
    if encrypted(data_folder):
        forget(data_folder)  # one kept before the folder was encrypted
        return
    if not key:
        return
    path = cache_path(data_folder)
    doc = {"format": FORMAT, "folder": os.path.abspath(data_folder), "files": key}
    doc["glance"] = _doc(seen)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        os.replace(temp, path)
    except OSError:
        return


def forget(data_folder: Path) -> None:
    try:
        cache_path(data_folder).unlink(missing_ok=True)
    except OSError:
        return


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _doc(seen: Glance) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "goals": [
            {
                "title": g.title,
                "begins": g.begins.isoformat(),
                "deadline": day(g.deadline),
                "fraction": g.fraction,
                "done_only": g.done_only,
                "stretch": g.stretch,
                "id": g.id,
                "every": g.every,
                "per_period": g.per_period,
                "total": g.total,
            }
            for g in seen.goals
        ],
        "finished_reviews": [d.isoformat() for d in seen.finished_reviews],
        "first_adopted": day(seen.first_adopted),
        "anything_to_review": seen.anything_to_review,
        "cadence": seen.cadence.value,
        "first_weekday": seen.first_weekday,
        "worked_out": day(seen.worked_out),
        "good_until": day(seen.good_until),
    }


def _glance(doc: dict[str, Any]) -> Glance:
    return Glance(
        goals=tuple(
            GlanceGoal(
                title=str(g["title"]),
                begins=date.fromisoformat(g["begins"]),
                deadline=_day(g["deadline"]),
                fraction=float(g["fraction"]),
                done_only=bool(g["done_only"]),
                stretch=bool(g["stretch"]),
                id=g["id"] if isinstance(g["id"], int) else None,
                every=str(g["every"]),
                per_period=float(g["per_period"]),
                total=float(g["total"]),
            )
            for g in doc["goals"]
        ),
        finished_reviews=tuple(date.fromisoformat(d) for d in doc["finished_reviews"]),
        first_adopted=_day(doc["first_adopted"]),
        anything_to_review=bool(doc["anything_to_review"]),
        cadence=Cadence(doc["cadence"]),
        first_weekday=int(doc["first_weekday"]),
        worked_out=_day(doc["worked_out"]),
        good_until=_day(doc["good_until"]),
    )
