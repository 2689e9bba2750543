"""What Aspire will read: one definition for the data file, its backups and the files imported.
(The longest text one field may hold is the domain's TEXT_MAX, which the codec enforces on
every text it decodes, at open and at import alike.)

A file Aspire did not write may be anything: a pipe that blocks the first read for ever, a
device that never ends, hundreds of megabytes, a key written twice. Each is refused, with a
message, before it can hang Aspire, fill its memory or be half-kept.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

FILE_MAX_BYTES = 64 * 1024 * 1024
"""The largest data file or export Aspire reads. Ten years of the benchmark's generated history
(busier than most careers: 2,500 check-ins and 150 journal entries a year) is 4 MB as a data file
and 6 MB as an export, so forty such years fit four times over (about 16 MB and 25 MB)."""

ID_MAX_DIGITS = 18
"""A record's number in the data file: Aspire counts up from 1, and 18 digits stay below 2**63."""


class Refused(Exception):
    """The file is not one Aspire reads; the message says why, after the file's name."""


_KINDS = {
    stat.S_IFIFO: "a pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFDIR: "a folder",
    stat.S_IFSOCK: "a socket",
}


def check_kind(info: os.stat_result) -> None:
    """Refuse, from its `stat`, anything that is not an ordinary file: reading a pipe waits
    for ever for a writer, and a device may never end."""
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "something else")
        raise Refused(f"is not an ordinary file ({kind}), so Aspire does not read it.")


def check_ordinary(info: os.stat_result) -> None:
    """Refuse, from its `stat`, anything that is not an ordinary file of a sane size."""
    check_kind(info)
    if info.st_size > FILE_MAX_BYTES:
        raise Refused(
            f"is {info.st_size / (1024 * 1024):,.1f} MB, larger than any file Aspire writes "
            f"(at most {megabytes(FILE_MAX_BYTES)})."
        )


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def read_file(path: Path) -> bytes:
    """The bytes of `path`, if it is an ordinary file of at most FILE_MAX_BYTES (raises
    Refused, or OSError). What it is gets checked before it is opened, and again once open
    (without waiting on a pipe), so a file swapped meanwhile cannot slip through."""
    check_ordinary(os.stat(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        check_ordinary(os.fstat(fd))
        raw = handle.read(FILE_MAX_BYTES + 1)
    if len(raw) > FILE_MAX_BYTES:  # it grew after the check
        most = megabytes(FILE_MAX_BYTES)
        raise Refused(f"is larger than any file Aspire writes (at most {most}).")
    return raw


class DuplicateKey(ValueError):
    """An object names `key` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


def loads_unique(raw: bytes | str) -> Any:
    """`json.loads`, refusing an object that names a key twice (DuplicateKey): JSON keeps
    only the last copy, and a later save would drop the first without a word."""
    return json.loads(raw, object_pairs_hook=_unique)


def shortened(text: str) -> str:
    """A key or a number as a message shows it: thousands of characters are cut short."""
    return text if len(text) <= 24 else f"{text[:12]}…({len(text):,} characters)"
