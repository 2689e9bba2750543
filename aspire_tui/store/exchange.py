"""Export everything as one versioned JSON file, and import such a file back.

Records are matched by uid, so importing the same file twice adds nothing the second time, and
references between records (a goal's aspiration, a check-in's goal) travel as uids, not as the
numbers a particular file happened to give them. Export, import into an empty folder and export
again gives the same JSON.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from aspire_tui.domain.validation import ValidationError, check_dated_in_file, on_its_ladder
from aspire_tui.store import codec
from aspire_tui.store.backups import BACKUP_FOLDER
from aspire_tui.store.change_log import log_path
from aspire_tui.store.errors import StoreError
from aspire_tui.store.kinds import KINDS, Current, RecordKind, current, draft, newest
from aspire_tui.store.limits import DuplicateKey, Refused, loads_unique, read_file, shortened
from aspire_tui.store.migrations import (
    FIRST_EXPORT_SCHEMA,
    SCHEMA_VERSION,
    is_version,
    upgrade_export,
)
from aspire_tui.store.store import AspireStore

EXPORT_FORMAT = "aspire-export"
Entry = tuple[Any, tuple[str | None, ...]]
"""A record read from an export, with the uids its links name (`RecordKind.links`)."""


class ImportFileError(StoreError):
    """The file to import is not a complete, valid Aspire export; nothing was changed."""

    def __init__(self, path: Path | str, problem: str) -> None:
        problem = problem.rstrip(".") + "."
        super().__init__(f"Cannot import {path}: {problem}\nNothing was changed.")


class ExportTargetExists(StoreError):
    """The file to export to is already there: ask before replacing it."""


@dataclass(frozen=True)
class Export:
    """An export read and checked in full: each kind's records (`export.goals`, say), each
    with the uids its links name, in the order of `kinds`."""

    records: Mapping[str, list[Entry]]
    kinds: tuple[RecordKind, ...] = KINDS

    def __getattr__(self, table: str) -> list[Entry]:
        records = self.__dict__.get("records", {})
        if table in records:
            return records[table]  # type: ignore[no-any-return]
        raise AttributeError(table)

    @property
    def count(self) -> int:
        return sum(len(entries) for entries in self.records.values())


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int


def export_data(store: AspireStore) -> dict[str, Any]:
    """Every kind's current records, ordered so that two exports of the same data compare,
    with links written as the uids of the records they point to."""
    data: dict[str, Any] = {"format": EXPORT_FORMAT, "schema": SCHEMA_VERSION}
    uid_of: dict[str, dict[int | None, str]] = {}
    for kind in store.kinds:
        records = current(kind, store.records(kind.table))
        if len(records) > 1:
            records.sort(key=_export_order(kind))
        uid_of[kind.table] = {r.id: r.uid for r in records}
        docs = []
        for record in records:
            doc = kind.encode(record)
            for link in kind.links:
                target = doc.pop(link.field)
                doc[link.ref] = None if target is None else uid_of[link.to][target]
            docs.append(doc)
        data[kind.table] = docs
    return data


def _export_order(kind: RecordKind) -> Callable[[Any], tuple[Any, str]]:
    by = kind.sorted_by
    return lambda record: (getattr(record, by), record.uid)


def export_json(store: AspireStore) -> str:
    data = export_data(store)
    try:
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be UTF-8; escape everything instead
        text = json.dumps(data, indent=2, sort_keys=True)
    return text + "\n"


def check_export_target(data_file: Path, target: Path, *, overwrite: bool) -> None:
    """Refuse to write an export over Aspire's own files, or over any file unless asked.
    `data_file` is the data file as the data folder names it, perhaps a link: the file it
    leads to is Aspire's as well, with the lock and backups beside it."""
    try:
        resolved = target.resolve()
        named = data_file.parent.resolve() / data_file.name
        real = named.resolve()
    except (OSError, RuntimeError):
        raise StoreError(f"Cannot write to {target}: the path cannot be followed.") from None
    own = {
        file.with_name(file.name + suffix)
        for file in (named, real)
        for suffix in ("", ".lock", ".owner")
    } | {log_path(file) for file in (named, real)}
    backups = {named.parent / BACKUP_FOLDER, real.parent / BACKUP_FOLDER}
    if resolved in own or any(b == resolved or b in resolved.parents for b in backups):
        raise StoreError(f"{target} is one of Aspire's own files; choose another place.")
    if target.is_dir():
        raise StoreError(f"{target} is a folder; name a file inside it.")
    if target.exists() and not overwrite:
        raise ExportTargetExists(f"{target} already exists (--force replaces it).")


def read_import_file(path: Path) -> bytes:
    """Read a file to import, refusing what is not an ordinary file of sane size (the same
    limits as the data file's: `limits.read_file`)."""
    try:
        return read_file(path)
    except Refused as refused:
        raise ImportFileError(path, f"it {refused}") from None
    except OSError as error:
        raise ImportFileError(path, f"it cannot be read ({error.strerror}).") from None


def read_export(
    path: Path, raw: bytes, today: date | None = None, kinds: Sequence[RecordKind] = KINDS
) -> Export:
    """Check the whole file before anything is changed. `today` (this computer's, unless
    said): check-ins, journal entries and reviews may be dated a day after it, no later."""
    today = today or date.today()
    try:
        data = loads_unique(raw)
    except DuplicateKey as twice:
        raise ImportFileError(
            path, f'it has the key "{shortened(twice.key)}" twice in one place'
        ) from None
    except (ValueError, RecursionError):
        raise ImportFileError(path, "it is not valid JSON (perhaps cut short).") from None
    if not isinstance(data, dict):
        raise ImportFileError(path, "it is not an Aspire export (expected a JSON object).")
    if data.get("format") != EXPORT_FORMAT:
        raise ImportFileError(path, "it is not an Aspire export (no 'format': 'aspire-export').")
    schema = data.get("schema")
    if _newer(schema):
        raise ImportFileError(
            path,
            f"it was written by a newer version of Aspire (data version "
            f"{shortened(str(schema))}; this one reads up to {SCHEMA_VERSION}); upgrade Aspire "
            "to import it",
        )
    if not is_version(schema) or schema < FIRST_EXPORT_SCHEMA:
        raise ImportFileError(
            path, f"it is an export of data version {schema!r}; this Aspire reads {SCHEMA_VERSION}."
        )
    data = upgrade_export(data, schema)
    unknown = set(data) - {"format", "schema", *(kind.table for kind in kinds)}
    if unknown:
        raise ImportFileError(path, f"it has parts Aspire does not know: {sorted(unknown)}.")
    reader = _Reader(path, data)
    records: dict[str, list[Entry]] = {}
    for kind in kinds:
        check = _dated(kind.check, today) if kind.dated else kind.check
        records[kind.table] = reader.records(kind, check)
        if kind.only_one and len(records[kind.table]) > 1:
            raise ImportFileError(path, f"it holds more than one {kind.only_one}.")
    return Export(records, tuple(kinds))


def _dated(check: Callable[[Any], Any], today: date) -> Callable[[Any], Any]:
    return lambda record: check_dated_in_file(check(record), today)


def _newer(schema: object) -> bool:
    return is_version(schema) and schema > SCHEMA_VERSION


class _Reader:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self.uids: set[str] = set()

    def _docs(self, kind: str) -> list[dict[str, Any]]:
        docs = self.data.get(kind, [])
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            raise ImportFileError(self.path, f"'{kind}' should be a list of objects.")
        return docs

    def _decode(self, kind: str, index: int, doc: dict[str, Any], decode: Any, check: Any) -> Any:
        try:
            record = check(decode(doc, 0))
        except (codec.CodecError, ValidationError) as error:
            raise ImportFileError(self.path, f"{kind} entry {index + 1}: {error}") from None
        if record.uid in self.uids:
            raise ImportFileError(self.path, f"{kind} entry {index + 1} repeats uid {record.uid}.")
        self.uids.add(record.uid)
        return dataclasses.replace(record, id=None)

    def records(self, kind: RecordKind, check: Callable[[Any], Any]) -> list[Entry]:
        """A kind's records, each with the uids its links name (a link that may be empty
        may be null, and older exports may lack it)."""
        name = kind.table
        found = []
        for index, doc in enumerate(self._docs(name)):
            body = {**kind.older_exports_lack, **doc}
            targets = []
            for link in kind.links:
                target = body.pop(link.ref, None)
                if link.optional and target is not None and not isinstance(target, str):
                    raise ImportFileError(
                        self.path, f"{name} entry {index + 1}: bad '{link.ref}' uid."
                    )
                if not link.optional and not isinstance(target, str):
                    raise ImportFileError(
                        self.path, f"{name} entry {index + 1} has no '{link.ref}' uid."
                    )
                body[link.field] = None if link.optional else 0
                targets.append(target)
            record = self._decode(name, index, body, kind.decode, check)
            found.append((record, tuple(targets)))
        return found


def check_import(store: AspireStore, export: Export, source: Path, *, replace: bool = False) -> int:
    """How many records the import would add; raises, before anything changes, if a goal or a
    check-in points to something in neither the file nor (when merging) the data, or if
    replacing would put nothing in place of the records here."""
    if replace and export.count == 0 and not store.is_empty():
        here = records_here(store)
        raise ImportFileError(
            source,
            f"it holds no records, so replacing your data with it would only delete the "
            f"{here} record{'s' if here != 1 else ''} here (to start with none, open Aspire "
            "on a new folder with --data-dir)",
        )
    mine = set() if replace else _uids(store)
    rungs = {a.uid: len(a.ladder.rungs) for a, _ in export.aspirations}
    if not replace:
        rungs |= {a.uid: len(a.ladder.rungs) for a in store.aspirations()}
    there = {
        kind.table: {record.uid for record, _ in export.records[kind.table]} | mine
        for kind in export.kinds
    }
    every = []
    for kind in export.kinds:
        entries = export.records[kind.table]
        for record, targets in entries:
            for link, target in zip(kind.links, targets, strict=True):
                if target is not None and target not in there[link.to]:
                    raise ImportFileError(source, link.missing.format(r=record))
            if kind.table == "goals" and record.uid not in mine:
                if not on_its_ladder(record.level, rungs.get(targets[0], 0)):
                    problem = f"goal “{record.title}” is on a level its ladder lacks"
                    raise ImportFileError(source, problem)
        # As the import itself does: a merge keeps the lists and the half-done one here.
        every += [r.uid for r, _ in entries if replace or not _kept_here(store, kind, r)]
    return sum(1 for uid in every if uid not in mine)


def _kept_here(store: AspireStore, kind: RecordKind, record: Any) -> bool:
    """Whether the data keeps what is here instead of this record: the one set of a kind
    there is one of, and the one left half-way of a kind with drafts."""
    if kind.current is Current.NEWEST:
        return newest(store.records(kind.table)) is not None
    if kind.current is Current.ONE_DRAFT:
        return record.finished is None and draft(store.records(kind.table)) is not None
    return False


def records_here(store: AspireStore) -> int:
    """How many records the data holds now: what a replacing import would delete."""
    return len(_uids(store))


def nothing_to_import(name: str, export: Export) -> str:
    """What an import that adds nothing says (`check_import` found no record to add)."""
    if export.count == 0:
        return f"{name} holds no records. Nothing was changed."
    return f"Everything in {name} is already there. Nothing was changed."


def describe_import(result: ImportResult) -> str:
    added = f"Imported {result.added} record{'s' if result.added != 1 else ''}"
    there = result.already_there
    return added + (f"; {there} {'were' if there != 1 else 'was'} already there." if there else ".")


def _uids(store: AspireStore) -> set[str]:
    """The uids of the records the data holds now (`kinds.current`)."""
    return {r.uid for kind in store.kinds for r in current(kind, store.records(kind.table))}


def import_export(store: AspireStore, export: Export, *, replace: bool = False) -> ImportResult:
    """Merge (records already there, by uid, are left as they are) or replace everything;
    all in one write, so a failure changes nothing."""
    kinds = {kind.table: kind for kind in export.kinds}
    with store.transaction():
        if replace:
            store.clear_all()
        added = 0
        known = _uids(store)
        linked_to = {link.to for kind in export.kinds for link in kind.links}
        ids = {table: {r.uid: r.id for r in store.records(table)} for table in linked_to}
        for kind in export.kinds:
            for record, targets in export.records[kind.table]:
                if record.uid in known or _kept_here(store, kind, record):
                    continue
                links = {}
                for link, target in zip(kind.links, targets, strict=True):
                    what, of = kind.one, kinds[link.to].one
                    links[link.field] = (
                        None if target is None else _resolve(ids[link.to], target, what, of)
                    )
                try:
                    saved = store.save_record(
                        dataclasses.replace(record, **links) if links else record
                    )
                except StoreError as error:
                    if not kind.unfit:
                        raise
                    problem = kind.unfit.format(r=record)
                    raise StoreError(
                        f"Cannot import: {problem} ({error}) Nothing was changed."
                    ) from None
                if kind.table in ids:
                    ids[kind.table][record.uid] = saved.id
                added += 1
    return ImportResult(added=added, already_there=export.count - added)


def _resolve(ids: dict[str, int | None], uid: str, what: str, of: str) -> int:
    found = ids.get(uid)
    if found is None:
        raise StoreError(f"A {what} in the file belongs to a missing {of} ({uid}).")
    return found
