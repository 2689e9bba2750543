"""The change log: each change appended to a small file beside the data file, so that a save
costs the change and not the whole file.

`aspire.changes.jsonl` starts with a line naming the data file it builds on (a digest of its
bytes), then one line per save: the records it set or removed and the tables it emptied, in
order. Replaying a save sets records to what they became, so replaying it twice changes
nothing: a fold (the data file rewritten with everything, then the log removed) that is
interrupted between the two steps leaves a log whose changes are all in the file already.

A last line cut short (a kill or a power cut mid-append) was never confirmed and is dropped;
anything else that does not read is damage, and the file is refused, never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from aspire_tui.store.errors import DataFileError
from aspire_tui.store.limits import Refused, read_file
from aspire_tui.store.sealing import Damaged, Sealer

LOG_SUFFIX = ".changes.jsonl"
FORMAT = 1
FOLD_AT = 256 * 1024
"""Once the log is this long, the next save rewrites the data file instead: opening then
never replays more than a few thousand changes."""

Op = list[Any]
"""`[table, id, doc]` sets a record, `[table, id, None]` removes it, `[table]` empties the
table."""


def log_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.name.removesuffix(".json") + LOG_SUFFIX)


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    """The digest of a file read in pieces (the interpreter lock is free meanwhile)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def header(base: str) -> bytes:
    return orjson.dumps({"aspire_changes": FORMAT, "base": base}) + b"\n"


def folded_into(data: bytes) -> bytes:
    """The line written just before the data file is replaced whole by `data`."""
    return orjson.dumps({"folded_into": digest(data)}) + b"\n"


def encode(ops: list[Op]) -> bytes:
    """One save as one line. What orjson refuses (a lone surrogate) is written as the standard
    library writes it, as the data file does."""
    try:
        return orjson.dumps(ops) + b"\n"
    except TypeError:
        import json

        return json.dumps(ops, separators=(",", ":")).encode("ascii") + b"\n"


@dataclass(frozen=True)
class Log:
    base: str
    saves: list[list[Op]]
    good_size: int
    folded_into: frozenset[str] = frozenset()
    """Digests of data files the log was folded into: beside one of them, it is spent."""
    whole: bool = True
    """It ends with a whole line (a cut-short one is dropped)."""
    """Bytes up to the end of the last whole line: what a cut-short line is trimmed to."""


def read_log(path: Path, data_path: Path, sealer: Sealer | None = None) -> Log | None:
    """The log beside the data file, or None when there is none. With a `sealer` (an
    encrypted folder), each change is a line of its own, encrypted."""
    try:
        raw = read_file(path)  # never a pipe, a device or hundreds of megabytes
    except FileNotFoundError:
        return None
    except Refused as refused:
        raise DataFileError(path, str(refused)) from None
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror}).") from None
    return parse(path, raw, sealer)


def parse(path: Path, raw: bytes, sealer: Sealer | None = None) -> Log:
    lines = raw.split(b"\n")
    whole, tail = lines[:-1], lines[-1]  # `tail` is empty unless the last line was cut short
    good_size = len(raw) - len(tail)
    if not whole:
        if tail:  # the header itself is written in one step: a cut-short one is damage
            raise _damaged(path, "its first line is cut short")
        raise _damaged(path, "it is empty")
    try:
        first = orjson.loads(whole[0])
    except orjson.JSONDecodeError:
        raise _damaged(path, "its first line is not Aspire's") from None
    if not isinstance(first, dict) or first.get("aspire_changes") != FORMAT:
        raise _damaged(path, "its first line is not Aspire's")
    base = first.get("base")
    if not isinstance(base, str):
        raise _damaged(path, "its first line names no data file")
    saves = []
    folded: set[str] = set()
    sealed = sealer is not None and sealer.on
    for number, line in enumerate(whole[1:], start=2):
        if sealed and not line.startswith(b"{"):  # a change; a fold's mark is a digest
            assert sealer is not None
            try:
                line = sealer.open_line(line)
            except Damaged:
                raise _damaged(path, f"line {number} does not decrypt") from None
        try:
            ops = orjson.loads(line)
        except orjson.JSONDecodeError:
            ops = _slow(line)
        if isinstance(ops, dict) and isinstance(ops.get("folded_into"), str) and len(ops) == 1:
            folded.add(ops["folded_into"])
            continue
        if not isinstance(ops, list) or not all(_is_op(op) for op in ops):
            raise _damaged(path, f"line {number} is not a change Aspire wrote")
        saves.append(ops)
    return Log(base, saves, good_size, frozenset(folded), whole=not tail)


def base_named(path: Path) -> str | None:
    """The data file a log says it builds on (its first line), or None if that cannot be
    read: enough to tell a log left beside another file from damage to this file's own."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a pipe would wait for ever for a writer
        with open(path, "rb") as handle:
            first = handle.readline(4096)
        header = orjson.loads(first)
    except (OSError, orjson.JSONDecodeError):
        return None
    base = header.get("base") if isinstance(header, dict) else None
    return base if isinstance(base, str) else None


def parse_line(line: bytes) -> list[Op]:
    """One save as `encode` wrote it."""
    try:
        return orjson.loads(line)  # type: ignore[no-any-return]
    except orjson.JSONDecodeError:
        return _slow(line)  # type: ignore[no-any-return]


def _slow(line: bytes) -> Any:
    import json

    try:
        return json.loads(line)
    except ValueError:
        return None


def _is_op(op: Any) -> bool:
    if not isinstance(op, list) or not op or not isinstance(op[0], str):
        return False
    if len(op) == 1:
        return True
    return len(op) == 3 and isinstance(op[1], str) and (op[2] is None or isinstance(op[2], dict))


def _damaged(path: Path, why: str) -> DataFileError:
    return DataFileError(
        path,
        f"is damaged ({why}), so Aspire cannot tell what changed.",
        "Move it aside (Aspire then opens the data file as it is), or put back a copy.",
    )


def apply(data: dict[str, Any], saves: Iterable[list[Op]]) -> None:
    """Replay saves onto the data, in place."""
    for ops in saves:
        for op in ops:
            table = data.setdefault(op[0], {})
            if len(op) == 1:
                table.clear()
            elif op[2] is None:
                table.pop(op[1], None)
            else:
                table[op[1]] = op[2]


def changes_nothing(data: dict[str, Any], saves: list[list[Op]]) -> bool:
    """Whether replaying the saves would leave the data as it is (they are in it already)."""
    names = {op[0] for ops in saves for op in ops}
    touched = {name: dict(data.get(name, {})) for name in names}
    apply(touched, saves)
    return all(touched[name] == data.get(name, {}) for name in names)


def append(
    path: Path, lines: bytes, expected_size: int, before: Callable[[], None] | None = None
) -> int:
    """Append whole lines and make them durable; the log's size after. A log that is not the
    size Aspire left it is not appended to (another program changed it), nor is one whose
    data file `before` raises about; an append the disk refuses half-way is cut back, so the
    log never holds half a line before a whole one."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        if os.fstat(fd).st_size != expected_size:
            raise ChangedUnderneath
        if before is not None:
            before()
        try:
            written = os.write(fd, lines)
            if written != len(lines):
                raise OSError(28, "No space left on device")
            os.fsync(fd)
        except OSError:
            try:
                os.ftruncate(fd, expected_size)
            except OSError:
                pass  # a cut-short last line is dropped when the log is read
            raise
        return expected_size + len(lines)
    finally:
        os.close(fd)


class ChangedUnderneath(Exception):
    """The log is not the one Aspire last wrote."""
