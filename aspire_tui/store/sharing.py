"""One computer's data as part of a shared folder: its own changes stamped as they are made,
and other computers' changes taken in (`replicas` holds the rule that merges them).

What the file holds stays what Aspire shows: the tables hold each record's shown version;
`_sync` holds the stamps, the versions kept from a conflict, and the records held aside
because what they point to was deleted on another computer (`settle`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aspire_tui.domain.validation import on_its_ladder
from aspire_tui.store.kinds import RecordKind
from aspire_tui.store.replicas import (
    NOTHING_YET,
    SYNC_TABLE,
    Version,
    encode_entry,
    key_of,
    merge_versions,
    seen_by,
    split_key,
    stamp_after,
    versions_of,
)

Op = list[Any]


class Stamper:
    """This computer's stamps: a hybrid logical clock that never goes back, even when the
    wall clock does, and is always past every stamp taken in."""

    def __init__(
        self,
        device: str,
        last: int | Callable[[], int] = 0,
        wall: Callable[[], float] | None = None,
    ) -> None:
        self.device = device
        self._last = last
        """The latest stamp taken or seen; or how to find it, when first needed (it costs
        a look at every stamp, which a start that changes nothing need not pay)."""
        self._wall = wall or (lambda: time.time())  # looked up when called: tests set it

    @property
    def last(self) -> int:
        if callable(self._last):
            self._last = self._last()
        return self._last

    @staticmethod
    def wall_time(stamp: int) -> float:
        """A stamp's wall-clock time, in seconds since the epoch (what `tick` put in it)."""
        return (stamp >> 16) / 1000

    def tick(self) -> int:
        self._last = max(int(self._wall() * 1000) << 16, self.last + 1)
        return self._last

    def observe(self, t: int) -> None:
        self._last = max(self.last, t)

    def stamp(self, data: dict[str, Any], ops: Sequence[Op], skip: Iterable[str]) -> list[Op]:
        """Stamp each record a save set or removed (its version made on top of the one
        shown, the versions kept from a conflict left as they are); the `_sync` changes to
        append to the save, already made in `data`."""
        entries = data.setdefault(SYNC_TABLE, {})
        ignore = {SYNC_TABLE, *skip}
        stamped: list[Op] = []
        for op in ops:
            if len(op) != 3 or op[0] in ignore:
                continue
            key = key_of(op[0], op[1])
            before = versions_of(entries.get(key), None)
            # Made on the version shown, not on those kept beside it; a deletion of a record
            # from before stamps, on that record.
            seen = seen_by(before[:1]) if before or op[2] is not None else NOTHING_YET
            version = stamp_after(seen, self.tick(), self.device, op[2], before[1:])
            entry = encode_entry((version, *before[1:]))
            entries[key] = entry
            stamped.append([SYNC_TABLE, key, entry])
        return stamped

    def decide(self, data: dict[str, Any], key: str, doc: dict[str, Any] | None) -> list[Op]:
        """The person's answer to a conflict: `doc` (one of the versions, or None to delete)
        made on top of every version kept, which then go."""
        entries = data.setdefault(SYNC_TABLE, {})
        table, record_id = split_key(key)
        before = versions_of(entries.get(key), data.get(table, {}).get(record_id))
        version = stamp_after(seen_by(before), self.tick(), self.device, doc)
        entry = encode_entry((version,))
        return _set(data, key, doc, entry)


def restamp(
    current: Mapping[str, Any], new: dict[str, Any], tables: Iterable[str], stamper: Stamper
) -> None:
    """`new` replaces every record at once (a backup put back, an import that replaces):
    each record it changes, adds or removes is stamped as a change made now, on top of the
    current stamps, so that every computer takes it; in place."""
    new[SYNC_TABLE] = {key: dict(entry) for key, entry in (current.get(SYNC_TABLE) or {}).items()}
    ops: list[Op] = []
    for table in tables:
        before, after = current.get(table) or {}, new.get(table) or {}
        for record_id in {**before, **after}:
            if before.get(record_id) != after.get(record_id):
                ops.append([table, record_id, after.get(record_id)])
    stamper.stamp(new, ops, ())


def _set(data: dict[str, Any], key: str, doc: dict[str, Any] | None, entry: Any) -> list[Op]:
    table, record_id = split_key(key)
    records = data.setdefault(table, {})
    if doc is None:
        records.pop(record_id, None)
    else:
        records[record_id] = doc
    data.setdefault(SYNC_TABLE, {})[key] = entry
    return [[table, record_id, doc], [SYNC_TABLE, key, entry]]


def own_versions(data: Mapping[str, Any], key: str) -> tuple[Version, ...]:
    table, record_id = split_key(key)
    entries = data.get(SYNC_TABLE) or {}
    return versions_of(entries.get(key), (data.get(table) or {}).get(record_id))


@dataclass
class TakenIn:
    """What taking in other computers' changes did."""

    ops: list[Op]
    changed: dict[str, int]
    """Records changed, by table."""
    conflicts: list[str]
    """Keys of records with versions kept from two computers, new this time."""
    last_t: int


def take_in(data: dict[str, Any], theirs: Mapping[str, tuple[Version, ...]]) -> TakenIn:
    """Merge other computers' versions into this computer's data, in place: the `_sync` and
    table changes to save."""
    ops: list[Op] = []
    changed: dict[str, int] = {}
    conflicts: list[str] = []
    last_t = 0
    entries = data.setdefault(SYNC_TABLE, {})
    for key, versions in theirs.items():
        mine = own_versions(data, key)
        merged = merge_versions(mine, versions)
        if [x.identity for x in merged] == [x.identity for x in mine]:
            continue
        last_t = max(last_t, *(x.t for x in merged))
        aside = "a" in (entries.get(key) or {})
        shown = merged[0]
        if not mine or shown.identity != mine[0].identity:
            table = split_key(key)[0]
            changed[table] = changed.get(table, 0) + 1
        kept = {x.identity for x in merged[1:] if x.content != shown.content}
        if kept - {x.identity for x in mine[1:]}:  # a version kept beside, new and different
            conflicts.append(key)
        doc = None if aside else shown.doc
        entry = encode_entry(merged, aside=aside)
        ops.extend(_set(data, key, doc, entry))
    return TakenIn(ops, changed, conflicts, last_t)


def settle(
    data: dict[str, Any], kinds: Sequence[RecordKind], changed: Iterable[str] | None = None
) -> list[Op]:
    """Hold aside each record that points to one no longer shown (a check-in for a goal
    deleted on another computer, a goal on a level its ladder lost, a second record with
    one uid), and bring back each one held aside that fits again; in place. Nothing held
    aside is lost: it stays in `_sync` and is listed (`held_aside`). `changed`: the keys
    just taken in; when none of them is a record others point to, only they are looked at
    (a check-in arriving costs its own check, not the whole data's)."""
    keys = list(changed) if changed is not None else None
    linked_to = {link.to for kind in kinds for link in kind.links}
    if keys is None or any(split_key(key)[0] in linked_to for key in keys):
        return _settle_all(data, kinds)
    return _settle_some(data, kinds, keys)


def _settle_some(data: dict[str, Any], kinds: Sequence[RecordKind], keys: list[str]) -> list[Op]:
    entries = data.setdefault(SYNC_TABLE, {})
    by_table = {kind.table: kind for kind in kinds}
    uids: dict[str, list[Any]] = {}
    ops: list[Op] = []
    for key in keys:
        table, record_id = split_key(key)
        kind = by_table.get(table)
        entry = entries.get(key) or {}
        records = data.get(table) or {}
        doc = records.get(record_id, entry.get("a"))
        if kind is None or doc is None:
            continue
        if table not in uids:
            uids[table] = [other.get("uid") for other in records.values()]
        if uids[table].count(doc.get("uid")) > (1 if record_id in records else 0):
            return ops + _settle_all(data, kinds)  # one record twice: decided over all
        fits = all(
            (doc.get(link.field) is None and link.optional)
            or str(doc.get(link.field)) in (data.get(link.to) or {})
            for link in kind.links
        )
        in_table = record_id in records
        if fits and not in_table:
            ops.extend(_set(data, key, doc, {k: v for k, v in entry.items() if k != "a"}))
        elif not fits and in_table:
            ops.extend(_set(data, key, None, {**(entry or versions_entry(doc)), "a": doc}))
    return ops


def _settle_all(data: dict[str, Any], kinds: Sequence[RecordKind]) -> list[Op]:
    entries = data.setdefault(SYNC_TABLE, {})
    ops: list[Op] = []
    uids: set[str] = set()
    shown: dict[str, dict[str, Any]] = {}
    held: dict[str, dict[str, dict[str, Any]]] = {}
    for key, entry in entries.items():
        if "a" in entry:
            table, record_id = split_key(key)
            held.setdefault(table, {})[record_id] = entry["a"]
    for kind in kinds:
        table = data.get(kind.table) or {}
        candidates = {**table, **held.get(kind.table, {})}
        kept: dict[str, Any] = {}
        for record_id in sorted(candidates, key=_numeric):
            doc = candidates[record_id]
            fits = _fits(doc, kind, shown, uids)
            if fits:
                kept[record_id] = doc
                uids.add(doc.get("uid"))  # type: ignore[arg-type]
            key = key_of(kind.table, record_id)
            in_table = record_id in table
            if fits and not in_table:
                entry = {k: v for k, v in entries[key].items() if k != "a"}
                ops.extend(_set(data, key, doc, entry))
            elif not fits and in_table:
                entry = dict(entries.get(key) or versions_entry(doc))
                entry["a"] = doc
                ops.extend(_set(data, key, None, entry))
        shown[kind.table] = kept
    return ops


def versions_entry(doc: dict[str, Any]) -> dict[str, Any]:
    """The entry of a record no computer ever stamped."""
    return encode_entry(versions_of(None, doc))


def _numeric(record_id: str) -> tuple[int, str]:
    return (len(record_id), record_id)


def _fits(
    doc: dict[str, Any],
    kind: RecordKind,
    shown: Mapping[str, Mapping[str, Any]],
    uids: set[str],
) -> bool:
    if doc.get("uid") in uids:
        return False
    for link in kind.links:
        target = doc.get(link.field)
        if target is None and link.optional:
            continue
        linked = shown.get(link.to, {}).get(str(target))
        if linked is None:
            return False
        if kind.table == "goals":
            rungs = (linked.get("ladder") or {}).get("rungs") or []
            if not on_its_ladder(doc.get("level", 0), len(rungs)):
                return False
    return True


def held_aside(data: Mapping[str, Any]) -> list[str]:
    return [key for key, entry in (data.get(SYNC_TABLE) or {}).items() if "a" in entry]
