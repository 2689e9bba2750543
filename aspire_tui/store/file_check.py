"""What a data file must be before Aspire reads from it or writes over it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aspire_tui.domain.validation import on_its_ladder
from aspire_tui.store import codec
from aspire_tui.store.errors import DataFileError
from aspire_tui.store.kinds import KINDS, RecordKind
from aspire_tui.store.limits import ID_MAX_DIGITS, shortened
from aspire_tui.store.migrations import META_TABLE, SCHEMA_VERSION, schema_of
from aspire_tui.store.replicas import SYNC_TABLE, is_entry


def check_schema(path: Path, data: dict[str, Any]) -> int:
    """The file's schema version, if this Aspire can read it (perhaps after upgrading)."""
    schema = schema_of(data)
    if schema is None:
        raise DataFileError(path, "does not look like an Aspire data file (no data version).")
    if schema > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"was written by a newer version of Aspire (data version {shortened(str(schema))}; "
            f"this one reads up to {SCHEMA_VERSION}).",
            "Aspire has left it untouched. Upgrade Aspire to open it.",
        )
    if schema < 1:
        raise DataFileError(path, f"has an unknown data version ({schema}).")
    return schema


@dataclass
class Later:
    """Check-ins glanced at but not yet decoded: each goal's, by number, as the file holds
    them, and the day of each goal's latest (as written), for Home's "last logged"."""

    by_goal: dict[int, dict[int, dict[str, Any]]] = field(default_factory=dict)
    latest_on: dict[int, str] = field(default_factory=dict)
    stamps_later: bool = False
    """The stamps (`_sync`) are checked with the check-ins, after the first frame."""


def check_file(
    path: Path, data: dict[str, Any], kinds: Sequence[RecordKind] = KINDS
) -> dict[str, dict[int, Any]]:
    """Raise DataFileError unless `data` is exactly what this version of Aspire writes.
    Returns the records it decoded on the way, table by table, so they need not be again.
    Dates after today are read as they are: a clock set back or a trip across the date line
    must never lock a person out of their own file (progress counts a check-in only from its
    day; forms and imports refuse what is ahead)."""
    return check_file_first(path, data, kinds, later=False)[0]


def check_file_first(
    path: Path, data: dict[str, Any], kinds: Sequence[RecordKind] = KINDS, later: bool = True
) -> tuple[dict[str, dict[int, Any]], Later]:
    """`check_file`, with the check-ins (nine in ten records) only glanced at when `later`:
    their numbers, uids and goals are checked, so that every other record is known sound and
    linked; each is decoded, and so checked whole, when it is first needed
    (`decode_later`) and before anything is written."""
    if check_schema(path, data) != SCHEMA_VERSION:
        raise DataFileError(path, "is from an older version of Aspire and was not upgraded.")
    unknown = set(data) - {META_TABLE, SYNC_TABLE, *(kind.table for kind in kinds)}
    if unknown:
        raise DataFileError(path, f"has parts Aspire does not know: {', '.join(sorted(unknown))}.")
    glanced = Later()
    if later:
        glanced.stamps_later = True  # checked with the check-ins (`check_stamps`)
    else:
        check_stamps(path, data, kinds)
    uids: set[str] = set()
    rungs: dict[int, int] = {}
    goal_levels: list[tuple[str, int, int]] = []
    decoded: dict[str, dict[int, Any]] = {kind.table: {} for kind in kinds}
    for kind in kinds:
        name, decode = kind.table, kind.decode
        mine = decoded[name]
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise DataFileError(path, f"has a damaged '{name}' section.")
        if name == "checkins" and later:
            _glance_at_checkins(path, kind, table, decoded["goals"], uids, glanced)
            continue
        if name == "checkins":  # nine in ten records: a loop of their own
            _check_checkins(path, table, decode, decoded["goals"], uids, mine)
            continue
        for key, doc in table.items():
            try:
                if not _canonical(key):
                    raise codec.CodecError(_BAD_NUMBER)
                if not isinstance(doc, dict):
                    raise codec.CodecError("entry is not an object")
                number = int(key)
                record: Any = decode(doc, number)
            except codec.CodecError as error:
                where = f"{name}/{shortened(key)}"
                raise DataFileError(path, f"has a damaged entry {where}: {error}.") from None
            uid = record.uid
            if uid in uids:
                raise DataFileError(path, f"has two entries with the same uid ({name}/{key}).")
            uids.add(uid)
            mine[number] = record
            # A kind is read after the kinds it links to (`KINDS`), so what a record points
            # to is checked at once.
            for link in kind.links:
                target = getattr(record, link.field)
                if not (target is None and link.optional) and target not in decoded[link.to]:
                    raise DataFileError(path, f"has an entry {name}/{key} that points to nothing.")
            if name == "goals":
                goal_levels.append((key, record.aspiration_id, record.level))
            elif name == "aspirations":
                rungs[number] = len(record.ladder.rungs)
    for key, aspiration_id, level in goal_levels:
        if not on_its_ladder(level, rungs[aspiration_id]):
            raise DataFileError(path, f"has a goal goals/{key} on a level its ladder lacks.")
    return decoded, glanced


def check_stamps(path: Path, data: dict[str, Any], kinds: Sequence[RecordKind] = KINDS) -> None:
    """The stamps other computers' changes are merged by (`replicas`)."""
    entries = data.get(SYNC_TABLE, {})
    if not isinstance(entries, dict):
        raise DataFileError(path, f"has a damaged '{SYNC_TABLE}' section.")
    tables = {kind.table for kind in kinds}
    for key, entry in entries.items():
        table, _, record_id = key.partition("/")
        if table not in tables or not _canonical(record_id):
            raise DataFileError(path, f"has a damaged stamp {SYNC_TABLE}/{shortened(key)}.")
        if (  # the usual entry, a stamp alone, checked without a call
            type(entry) is dict
            and len(entry) == 2
            and type(entry.get("t")) is int
            and type(entry.get("d")) is str
            and entry["t"] >= 0
        ):
            continue
        if not is_entry(entry):
            raise DataFileError(path, f"has a damaged stamp {SYNC_TABLE}/{shortened(key)}.")


def is_canonical_id(record_id: str) -> bool:
    """A record number as Aspire writes it: ASCII digits, no leading 0, not too long."""
    return _canonical(record_id)


def _glance_at_checkins(
    path: Path,
    kind: RecordKind,
    table: dict[str, Any],
    goals: dict[int, Any],
    uids: set[str],
    glanced: Later,
) -> None:
    """What every other record's soundness depends on (a check-in's number, its uid among
    all uids, the goal it points to), and each goal's latest day as written: the rest of each
    check-in is checked when it is decoded.

    Each day and goal number the check-ins name is kept once, shared by every check-in that
    names it: forty years of check-ins name about 14,000 days 100,000 times, and the file's
    data stays in memory while Aspire runs (8 MB at forty years)."""
    by_goal, latest_on = glanced.by_goal, glanced.latest_on
    goal_ids = {goal_id: goal_id for goal_id in goals}
    days: dict[str, str] = {}
    for key, doc in table.items():
        if not (
            key.isdigit()
            and key.isascii()
            and (key[0] != "0" or key == "0")
            and len(key) <= ID_MAX_DIGITS
        ):
            raise DataFileError(
                path, f"has a damaged entry checkins/{shortened(key)}: {_BAD_NUMBER}."
            )
        if type(doc) is not dict:
            raise DataFileError(
                path, f"has a damaged entry checkins/{key}: entry is not an object."
            )
        uid, goal_id, on = doc.get("uid"), doc.get("goal_id"), doc.get("on")
        if type(uid) is not str or type(goal_id) is not int:
            decode_later(path, kind, doc, int(key))  # says what is wrong
        known = len(uids)
        uids.add(uid)  # type: ignore[arg-type]
        if len(uids) == known:
            raise DataFileError(path, f"has two entries with the same uid (checkins/{key}).")
        goal_id = goal_ids.get(goal_id)  # type: ignore[arg-type]
        if goal_id is None:
            raise DataFileError(path, f"has an entry checkins/{key} that points to nothing.")
        doc["goal_id"] = goal_id
        if type(on) is str:
            doc["on"] = on = days.setdefault(on, on)
        bucket = by_goal.get(goal_id)
        if bucket is None:
            bucket = by_goal[goal_id] = {}
        bucket[int(key)] = doc
        if type(on) is str and on > latest_on.get(goal_id, ""):
            latest_on[goal_id] = on


def decode_later(path: Path, kind: RecordKind, doc: dict[str, Any], number: int) -> Any:
    """A glanced-at record, decoded and so checked whole, with the message the file check
    would have given."""
    try:
        return kind.decode(doc, number)
    except codec.CodecError as error:
        raise DataFileError(path, f"has a damaged entry {kind.table}/{number}: {error}.") from None


def _check_checkins(
    path: Path,
    table: dict[str, Any],
    decode: Callable[[dict[str, Any], int], Any],
    goals: dict[int, Any],
    uids: set[str],
    mine: dict[int, Any],
) -> None:
    """`check_file` for the check-ins: the same checks, with less said per record."""
    for key, doc in table.items():
        try:  # `_canonical`, written out: it runs for every check-in
            if not (
                key.isdigit()
                and key.isascii()
                and (key[0] != "0" or key == "0")
                and len(key) <= ID_MAX_DIGITS
            ):
                raise codec.CodecError(_BAD_NUMBER)
            if type(doc) is not dict:
                raise codec.CodecError("entry is not an object")
            number = int(key)
            record = decode(doc, number)
        except codec.CodecError as error:
            where = f"checkins/{shortened(key)}"
            raise DataFileError(path, f"has a damaged entry {where}: {error}.") from None
        known = len(uids)
        uids.add(record.uid)
        if len(uids) == known:
            raise DataFileError(path, f"has two entries with the same uid (checkins/{key}).")
        if record.goal_id not in goals:
            raise DataFileError(path, f"has an entry checkins/{key} that points to nothing.")
        mine[number] = record


_BAD_NUMBER = f"its number is not one Aspire writes (up to {ID_MAX_DIGITS} digits, no leading 0)"


def _canonical(key: str) -> bool:
    """An id as Aspire writes it: digits, no leading zero ("01" would be a second name for
    entry 1, which a later save would write beside it), and no longer than a count could run."""
    return (
        key.isdigit()
        and key.isascii()
        and (key == "0" or key[0] != "0")
        and len(key) <= ID_MAX_DIGITS
    )
