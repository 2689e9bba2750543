"""Merging what several computers wrote: every record's versions, stamped, and the one rule
that decides what everyone sees. Pure: no files, no clocks read here.

Each computer keeps a whole copy of the data (a replica) in files of its own. A change to a
record is stamped with a hybrid logical clock `t` (milliseconds and a counter, so a change
made after seeing another always has a larger `t`), the computer's id `d`, and `v`: the
latest change by each other computer that this one had seen (a version vector). A version
*supersedes* another when it had seen it; two versions neither of which had seen the other
were made while the computers were apart, and both are kept. Of the versions no other
supersedes, the one with the largest `(t, d)` is shown and the others are kept and shown as
a conflict, until the person takes one. A deletion is a version too (a tombstone), so a
deleted record never comes back from a computer that had not seen the delete.

Merging is keeping the versions no other supersedes from the union of everyone's: the order
in which files arrive never matters, and taking in the same file twice changes nothing
(commutative, associative, idempotent: `tests/test_replicas.py` checks it over random
histories). A record that no computer ever stamped (data from before Aspire 7) has the
version `(0, "")`, which every stamped change to that record (its uid) supersedes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import orjson

SYNC_TABLE = "_sync"
"""The data file's table of stamps: `"table/id"` to an entry (`encode_entry`)."""

Doc = dict[str, Any]


def key_of(table: str, record_id: str | int) -> str:
    return f"{table}/{record_id}"


def split_key(key: str) -> tuple[str, str]:
    table, _, record_id = key.rpartition("/")
    return table, record_id


@dataclass(frozen=True)
class Version:
    """One version of one record: what it held (`doc`, None once deleted) and its stamp."""

    t: int
    d: str
    v: tuple[tuple[str, int], ...] = ()
    """What the computer had seen when it made this change: the latest change seen from
    each computer (itself included), sorted by computer..."""
    doc: Doc | None = field(default=None, compare=False, hash=False)
    x: tuple[tuple[str, int], ...] = field(default=(), compare=False, hash=False)
    """...except these changes, which it had not seen though `v` reaches past them: versions
    kept beside the one it was made on (changed apart, not chosen)."""

    @cached_property
    def seen(self) -> dict[str, int]:
        return dict(self.v)

    @cached_property
    def unseen(self) -> frozenset[tuple[str, int]]:
        return frozenset(self.x)

    def had_seen(self, device: str, t: int) -> bool:
        return self.seen.get(device, -1) >= t and (device, t) not in self.unseen

    @cached_property
    def clock(self) -> dict[str, int]:
        """What a change made on top of this one has seen: what it had, and itself."""
        clock = dict(self.v)
        if self.t > clock.get(self.d, -1):
            clock[self.d] = self.t
        return clock

    @cached_property
    def content(self) -> bytes:
        """The doc as canonical bytes: what tells two versions with one stamp apart."""
        return b"" if self.doc is None else orjson.dumps(self.doc, option=orjson.OPT_SORT_KEYS)

    @property
    def identity(self) -> tuple[int, str, bytes]:
        return (self.t, self.d, self.content)

    @property
    def deleted(self) -> bool:
        return self.doc is None


GENESIS_T = 0


def supersedes(newer: Version, older: Version) -> bool:
    """`newer` was made by a computer that had seen `older`: `older`'s own change is among
    those `newer` had seen. (A version vector with exceptions: a change made on one version
    while another was kept beside it supersedes only the one it was made on.)"""
    if newer.identity == older.identity:
        return False
    if not older.d and newer.d and _same_record(newer, older):
        return True  # a record from before stamps: any change to it replaces it
    return newer.had_seen(older.d, older.t)


def _same_record(newer: Version, older: Version) -> bool:
    """Both hold one record (one uid): not another entry that only shares its number."""
    if newer.doc is None or older.doc is None:
        return False  # a deletion replaces it only if made on it (`NOTHING_YET`)
    return newer.doc.get("uid") == older.doc.get("uid")


def merge_versions(*groups: Iterable[Version]) -> tuple[Version, ...]:
    """The versions of one record that no other supersedes, the one to show first."""
    unique: dict[tuple[int, str, bytes], Version] = {}
    for group in groups:
        for version in group:
            unique.setdefault(version.identity, version)
    found = list(unique.values())
    if len(found) == 1:
        return (found[0],)
    kept = [x for x in found if not any(supersedes(y, x) for y in found if y is not x)]
    # A deletion is shown first: a deleted record never comes back from a computer that
    # had not seen the delete (its change is kept beside, to take back); else the latest.
    return tuple(sorted(kept, key=lambda x: (x.deleted, x.identity), reverse=True))


@dataclass(frozen=True)
class Seen:
    """What a change made on top of some versions has seen: the latest change from each
    computer, except `unseen`."""

    clock: dict[str, int]
    unseen: frozenset[tuple[str, int]] = frozenset()


NOTHING_YET = Seen({"": GENESIS_T})
"""What the deletion of a record no computer ever stamped had seen: that record."""


def seen_by(versions: Iterable[Version]) -> Seen:
    """Everything these versions had seen, and themselves: what a change made on top of
    them starts from."""
    versions = list(versions)
    clock: dict[str, int] = {}
    for version in versions:
        for device, at in version.clock.items():
            if at > clock.get(device, -1):
                clock[device] = at
    unseen = {
        dot
        for version in versions
        for dot in version.unseen
        if not any(other.had_seen(*dot) or (other.d, other.t) == dot for other in versions)
    }
    return Seen(clock, frozenset(unseen))


def stamp_after(
    seen: Seen | Mapping[str, int],
    t: int,
    device: str,
    doc: Doc | None,
    beside: Iterable[Version] = (),
) -> Version:
    """A change by `device` at `t`, made on top of everything `seen` holds; `beside`: the
    versions kept beside the one it was made on, which it has not seen."""
    if not isinstance(seen, Seen):
        seen = Seen(dict(seen))
    reach = {**seen.clock, device: t}
    unseen = set(seen.unseen)
    unseen.update((x.d, x.t) for x in beside if reach.get(x.d, -1) >= x.t)
    return Version(t, device, tuple(sorted(seen.clock.items())), doc, tuple(sorted(unseen)))


# The file's form ---------------------------------------------------------------------------


def encode_entry(versions: tuple[Version, ...], aside: bool = False) -> dict[str, Any]:
    """A record's stamp entry in `_sync`: the shown version's stamp, the others kept (`c`),
    and the shown version's doc when it is held aside (`a`, see `settle`)."""
    shown = versions[0]
    entry: dict[str, Any] = {"t": shown.t, "d": shown.d}
    if shown.v:
        entry["v"] = dict(shown.v)
    if shown.x:
        entry["x"] = [list(dot) for dot in shown.x]
    if len(versions) > 1:
        entry["c"] = [_encode_version(x) for x in versions[1:]]
    if aside and shown.doc is not None:
        entry["a"] = shown.doc
    return entry


def _encode_version(version: Version) -> dict[str, Any]:
    encoded: dict[str, Any] = {"t": version.t, "d": version.d, "doc": version.doc}
    if version.v:
        encoded["v"] = dict(version.v)
    if version.x:
        encoded["x"] = [list(dot) for dot in version.x]
    return encoded


def _decode_version(raw: Mapping[str, Any], doc: Doc | None) -> Version:
    others = raw.get("v") or {}
    unseen = tuple(sorted((str(d), int(t)) for d, t in raw.get("x") or ()))
    return Version(int(raw["t"]), str(raw["d"]), tuple(sorted(others.items())), doc, unseen)


def versions_of(entry: Mapping[str, Any] | None, doc: Doc | None) -> tuple[Version, ...]:
    """A record's versions as one file holds them: its entry in `_sync` (if any) and the
    record in its table (None when the table has none)."""
    if entry is None:
        return (Version(GENESIS_T, "", (), doc),) if doc is not None else ()
    shown_doc = doc if doc is not None else entry.get("a")
    shown = _decode_version(entry, shown_doc)
    kept = tuple(_decode_version(x, x.get("doc")) for x in entry.get("c") or ())
    return (shown, *kept)


def is_entry(entry: object) -> bool:
    """An entry this version of Aspire writes (the file check refuses any other)."""
    if not isinstance(entry, dict) or not set(entry) <= {"t", "d", "v", "x", "c", "a"}:
        return False
    if not _is_stamp(entry):
        return False
    if "a" in entry and not isinstance(entry["a"], dict):
        return False
    kept = entry.get("c", [])
    return isinstance(kept, list) and all(
        isinstance(x, dict)
        and set(x) <= {"t", "d", "v", "x", "doc"}
        and _is_stamp(x)
        and (x.get("doc") is None or isinstance(x.get("doc"), dict))
        for x in kept
    )


def _is_stamp(raw: Mapping[str, Any]) -> bool:
    t, d, v, x = raw.get("t"), raw.get("d"), raw.get("v", {}), raw.get("x", [])
    return (
        type(t) is int
        and t >= 0
        and type(d) is str
        and isinstance(v, dict)
        and all(type(at) is int for at in v.values())
        and isinstance(x, list)
        and all(
            isinstance(dot, list) and len(dot) == 2 and type(dot[0]) is str and type(dot[1]) is int
            for dot in x
        )
    )


def merge_replicas(*replicas: Mapping[str, tuple[Version, ...]]) -> dict[str, tuple[Version, ...]]:
    merged: dict[str, tuple[Version, ...]] = {}
    for replica in replicas:
        for key, versions in replica.items():
            have = merged.get(key)
            merged[key] = versions if have is None else merge_versions(have, versions)
    return merged
