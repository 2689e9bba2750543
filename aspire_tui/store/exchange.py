"""Export everything as one versioned JSON file, and import such a file back.

Records are matched by uid, so importing the same file twice adds nothing the second time, and
references between records (a goal's aspiration, a check-in's goal) travel as uids, not as the
numbers a particular file happened to give them. Export, import into an empty folder and export
again gives the same JSON.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Passions,
    Reflection,
    Review,
)
from aspire_tui.domain.passions import check_passions
from aspire_tui.domain.review import check_review
from aspire_tui.domain.validation import (
    ValidationError,
    check_aspiration,
    check_assessment,
    check_checkin,
    check_dated_in_file,
    check_goal,
    check_reflection,
)
from aspire_tui.store import codec
from aspire_tui.store.backups import BACKUP_FOLDER
from aspire_tui.store.errors import StoreError
from aspire_tui.store.limits import DuplicateKey, Refused, loads_unique, read_file, shortened
from aspire_tui.store.migrations import SCHEMA_VERSION, checkin_v5, goal_v5, ladder_v3
from aspire_tui.store.store import AspireStore

Dated = TypeVar("Dated", bound=CheckIn | Reflection | Review)
EXPORT_FORMAT = "aspire-export"


class ImportFileError(StoreError):
    """The file to import is not a complete, valid Aspire export; nothing was changed."""

    def __init__(self, path: Path | str, problem: str) -> None:
        problem = problem.rstrip(".") + "."
        super().__init__(f"Cannot import {path}: {problem}\nNothing was changed.")


class ExportTargetExists(StoreError):
    """The file to export to is already there: ask before replacing it."""


@dataclass(frozen=True)
class Export:
    """An export read and checked in full; references are by uid."""

    aspirations: list[Aspiration]
    goals: list[tuple[Goal, str]]  # with the aspiration's uid
    checkins: list[tuple[CheckIn, str]]  # with the goal's uid
    reflections: list[tuple[Reflection, str | None]]  # with the linked aspiration's uid
    assessments: list[Assessment]
    passions: list[Passions]
    reviews: list[Review] = dataclasses.field(default_factory=list)
    """Reviews name goals and aspirations by uid and keep their titles: nothing to link."""

    @property
    def count(self) -> int:
        records = (
            self.aspirations,
            self.goals,
            self.checkins,
            self.reflections,
            self.assessments,
            self.passions,
            self.reviews,
        )
        return sum(len(kind) for kind in records)


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int


def export_data(store: AspireStore) -> dict[str, Any]:
    aspirations = sorted(store.aspirations(), key=lambda a: (a.created, a.uid))
    goals = sorted(store.goals(), key=lambda g: (g.created, g.uid))
    checkins = sorted(store.checkins(), key=lambda c: (c.on, c.uid))
    reflections = sorted(store.reflections(), key=lambda r: (r.on, r.uid))
    unfinished = store.unfinished_assessment()
    assessments = sorted(
        store.assessments() + ([unfinished] if unfinished else []),
        key=lambda a: (a.started, a.uid),
    )
    unfinished_review = store.unfinished_review()
    reviews = sorted(
        store.reviews() + ([unfinished_review] if unfinished_review else []),
        key=lambda r: (r.started, r.uid),
    )
    aspiration_uid = {a.id: a.uid for a in aspirations}
    goal_uid = {g.id: g.uid for g in goals}

    def reflection_doc(reflection: Reflection) -> dict[str, Any]:
        doc = codec.encode_reflection(reflection)
        linked = doc.pop("aspiration_id")
        doc["aspiration"] = None if linked is None else aspiration_uid[linked]
        return doc

    def goal_doc(goal: Goal) -> dict[str, Any]:
        doc = codec.encode_goal(goal)
        doc["aspiration"] = aspiration_uid[doc.pop("aspiration_id")]
        return doc

    def checkin_doc(checkin: CheckIn) -> dict[str, Any]:
        doc = codec.encode_checkin(checkin)
        doc["goal"] = goal_uid[doc.pop("goal_id")]
        return doc

    return {
        "format": EXPORT_FORMAT,
        "schema": SCHEMA_VERSION,
        "aspirations": [codec.encode_aspiration(a) for a in aspirations],
        "goals": [goal_doc(g) for g in goals],
        "checkins": [checkin_doc(c) for c in checkins],
        "reflections": [reflection_doc(r) for r in reflections],
        "assessments": [codec.encode_assessment(a) for a in assessments],
        "passions": [codec.encode_passions(p) for p in [store.passions()] if p is not None],
        "reviews": [codec.encode_review(r) for r in reviews],
    }


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
    }
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


def read_export(path: Path, raw: bytes, today: date | None = None) -> Export:
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
    if schema == 2:
        data = _export_v2_to_v3(data)
    if schema in (2, 3):
        data = _export_v3_to_v4(data)
    if schema in (2, 3, 4):
        data = _export_v4_to_v5(data)
    elif _newer(schema):
        raise ImportFileError(
            path,
            f"it was written by a newer version of Aspire (data version "
            f"{shortened(str(schema))}; this one reads up to {SCHEMA_VERSION}); upgrade Aspire "
            "to import it",
        )
    elif schema not in (5, SCHEMA_VERSION):  # 6 added reviews, which a 5 simply has none of
        raise ImportFileError(
            path, f"it is an export of data version {schema!r}; this Aspire reads {SCHEMA_VERSION}."
        )
    unknown = set(data) - {"format", "schema", *KINDS}
    if unknown:
        raise ImportFileError(path, f"it has parts Aspire does not know: {sorted(unknown)}.")
    reader = _Reader(path, data)

    def dated(check: Callable[[Dated], Dated]) -> Callable[[Dated], Dated]:
        return lambda record: check_dated_in_file(check(record), today)

    aspirations = reader.records("aspirations", codec.decode_aspiration, check_aspiration)
    goals = reader.linked("goals", "aspiration", "aspiration_id", codec.decode_goal, check_goal)
    checkins = reader.linked(
        "checkins", "goal", "goal_id", codec.decode_checkin, dated(check_checkin)
    )
    reflections = reader.optionally_linked(
        "reflections",
        "aspiration",
        "aspiration_id",
        codec.decode_reflection,
        dated(check_reflection),
    )
    assessments = reader.records("assessments", codec.decode_assessment, check_assessment)
    passions = reader.records("passions", codec.decode_passions, check_passions)
    if len(passions) > 1:
        raise ImportFileError(path, "it holds more than one set of passions and values.")
    reviews = reader.records("reviews", codec.decode_review, dated(check_review))
    return Export(aspirations, goals, checkins, reflections, assessments, passions, reviews)


def _newer(schema: object) -> bool:
    return isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION


def _export_v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """An export from before ladders, upgraded the way the data file itself is."""
    upgraded = dict(data)
    for kind, upgrade in (("aspirations", _with_ladder), ("goals", _with_level)):
        docs = data.get(kind, [])
        if isinstance(docs, list):
            upgraded[kind] = [upgrade(d) if isinstance(d, dict) else d for d in docs]
    return upgraded


def _export_v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Aspirations gained linked passions; the rest of schema 4 is new kinds of record."""
    docs = data.get("aspirations", [])
    if isinstance(docs, list):
        linked = [{"passions": [], **d} if isinstance(d, dict) else d for d in docs]
        data = {**data, "aspirations": linked}
    return data


def _export_v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Goals gained SMART fields and check-ins a milestone, as in the data file."""
    upgraded = dict(data)
    for kind, upgrade in (("goals", goal_v5), ("checkins", checkin_v5)):
        docs = data.get(kind, [])
        if isinstance(docs, list):
            upgraded[kind] = [upgrade(d) if isinstance(d, dict) else d for d in docs]
    return upgraded


def _with_ladder(doc: dict[str, Any]) -> dict[str, Any]:
    return doc if "ladder" in doc else {**doc, "ladder": ladder_v3(doc)}


def _with_level(doc: dict[str, Any]) -> dict[str, Any]:
    return {"level": 0, **doc}


KINDS = ("aspirations", "goals", "checkins", "reflections", "assessments", "passions", "reviews")


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

    def records(self, kind: str, decode: Any, check: Any) -> list[Any]:
        return [self._decode(kind, i, doc, decode, check) for i, doc in enumerate(self._docs(kind))]

    def optionally_linked(
        self, kind: str, ref: str, id_field: str, decode: Any, check: Any
    ) -> list[Any]:
        """Like `linked`, for records whose link may be null (older exports have none)."""
        found = []
        for index, doc in enumerate(self._docs(kind)):
            target = doc.get(ref)
            if target is not None and not isinstance(target, str):
                raise ImportFileError(self.path, f"{kind} entry {index + 1}: bad '{ref}' uid.")
            body = {k: v for k, v in doc.items() if k != ref}
            body = {"prompt": "", "tags": [], **body, id_field: None}
            found.append((self._decode(kind, index, body, decode, check), target))
        return found

    def linked(self, kind: str, ref: str, id_field: str, decode: Any, check: Any) -> list[Any]:
        found = []
        for index, doc in enumerate(self._docs(kind)):
            target = doc.get(ref)
            if not isinstance(target, str):
                raise ImportFileError(self.path, f"{kind} entry {index + 1} has no '{ref}' uid.")
            body = {k: v for k, v in doc.items() if k != ref} | {id_field: 0}
            found.append((self._decode(kind, index, body, decode, check), target))
        return found


def check_import(store: AspireStore, export: Export, source: Path, *, replace: bool = False) -> int:
    """How many records the import would add; raises, before anything changes, if a goal or a
    check-in points to something in neither the file nor (when merging) the data, or if
    replacing would put nothing in place of the records here."""
    if replace and export.count == 0 and not store.is_empty():
        here = len(_uids(store))
        raise ImportFileError(
            source,
            f"it holds no records, so replacing your data with it would only delete the "
            f"{here} record{'s' if here != 1 else ''} here (to start with none, open Aspire "
            "on a new folder with --data-dir)",
        )
    mine = set() if replace else _uids(store)
    aspirations = {a.uid for a in export.aspirations} | mine
    goals = {g.uid for g, _ in export.goals} | mine
    rungs = {a.uid: len(a.ladder.rungs) for a in export.aspirations}
    if not replace:
        rungs |= {a.uid: len(a.ladder.rungs) for a in store.aspirations()}
    for goal, owner in export.goals:
        if owner not in aspirations:
            raise ImportFileError(source, f"goal “{goal.title}” has no aspiration to belong to")
        if goal.uid not in mine and goal.level >= rungs.get(owner, 0):
            raise ImportFileError(source, f"goal “{goal.title}” is on a level its ladder lacks")
    for reflection, about in export.reflections:
        if about is not None and about not in aspirations:
            raise ImportFileError(source, f"a journal entry of {reflection.on} is about nothing")
    for checkin, owner in export.checkins:
        if owner not in goals:
            raise ImportFileError(source, f"a check-in of {checkin.on} has no goal to belong to")
    every = [a.uid for a in export.aspirations] + [g.uid for g, _ in export.goals]
    every += [c.uid for c, _ in export.checkins] + [r.uid for r, _ in export.reflections]
    # As the import itself does: a merge keeps the lists and the half-done sitting already here.
    keeps_passions = not replace and store.passions() is not None
    keeps_draft = not replace and store.unfinished_assessment() is not None
    every += [a.uid for a in export.assessments if a.finished or not keeps_draft]
    every += [p.uid for p in export.passions if not keeps_passions]
    keeps_review = not replace and store.unfinished_review() is not None
    every += [r.uid for r in export.reviews if r.finished or not keeps_review]
    return sum(1 for uid in every if uid not in mine)


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
    found = {a.uid for a in store.aspirations()} | {g.uid for g in store.goals()}
    found |= {c.uid for c in store.checkins()} | {r.uid for r in store.reflections()}
    return found | _profile_uids(store)


def _profile_uids(store: AspireStore) -> set[str]:
    unfinished = store.unfinished_assessment()
    passions = store.passions()
    found = {a.uid for a in store.assessments()} | ({unfinished.uid} if unfinished else set())
    review = store.unfinished_review()
    found |= {r.uid for r in store.reviews()} | ({review.uid} if review else set())
    return found | ({passions.uid} if passions else set())


def import_export(store: AspireStore, export: Export, *, replace: bool = False) -> ImportResult:
    """Merge (records already there, by uid, are left as they are) or replace everything;
    all in one write, so a failure changes nothing."""
    with store.transaction():
        if replace:
            store.clear_all()
        added = 0
        aspiration_ids = {a.uid: a.id for a in store.aspirations()}
        goal_ids = {g.uid: g.id for g in store.goals()}
        known = set(aspiration_ids) | set(goal_ids)
        known |= {c.uid for c in store.checkins()} | {r.uid for r in store.reflections()}
        known |= _profile_uids(store)
        for aspiration in export.aspirations:
            if aspiration.uid not in known:
                aspiration_ids[aspiration.uid] = store.save_aspiration(aspiration).id
                added += 1
        for goal, aspiration_uid in export.goals:
            if goal.uid not in known:
                owner = _resolve(aspiration_ids, aspiration_uid, "goal", "aspiration")
                goal_ids[goal.uid] = store.save_goal(
                    dataclasses.replace(goal, aspiration_id=owner)
                ).id
                added += 1
        for checkin, goal_uid in export.checkins:
            if checkin.uid not in known:
                owner = _resolve(goal_ids, goal_uid, "check-in", "goal")
                try:
                    store.save_checkin(dataclasses.replace(checkin, goal_id=owner))
                except StoreError as error:
                    problem = f"the check-in of {checkin.on.isoformat()} does not fit its goal"
                    message = f"Cannot import: {problem} ({error}) Nothing was changed."
                    raise StoreError(message) from None
                added += 1
        for reflection, about in export.reflections:
            if reflection.uid not in known:
                linked = (
                    None
                    if about is None
                    else _resolve(aspiration_ids, about, "entry", "aspiration")
                )
                store.save_reflection(dataclasses.replace(reflection, aspiration_id=linked))
                added += 1
        for passions in export.passions:
            if passions.uid not in known and store.passions() is None:
                store.save_passions(passions)  # merging keeps the lists already here
                added += 1
        for assessment in export.assessments:
            if assessment.finished is None and store.unfinished_assessment() is not None:
                continue  # one half-done sitting at a time: the one here is kept
            if assessment.uid not in known:
                store.save_assessment(assessment)
                added += 1
        for review in export.reviews:
            if review.finished is None and store.unfinished_review() is not None:
                continue  # one review under way at a time: the one here is kept
            if review.uid not in known:
                store.save_review(review)
                added += 1
    return ImportResult(added=added, already_there=export.count - added)


def _resolve(ids: dict[str, int | None], uid: str, what: str, of: str) -> int:
    found = ids.get(uid)
    if found is None:
        raise StoreError(f"A {what} in the file belongs to a missing {of} ({uid}).")
    return found
