"""Upgrades of Aspire's records, one small ordered step per schema version: one chain for the
data file and for exports.

Each step says how one record of each table changed from schema N - 1 to N, and the same
functions upgrade a data file's documents (a dict of tables, as TinyDB stores them) and an
export's records (a list per table, linked by uid). An export carries the schema version of
the data it was written from, so an old export takes exactly the steps its file would. Steps
never touch the disk: the store takes a backup, runs them in memory, checks the result and
only then writes it.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from aspire_tui.domain.models import FIRST_RUNG
from aspire_tui.store.kinds import KINDS, Link

Data = dict[str, Any]
Doc = dict[str, Any]
META_TABLE = "_meta"
RECORD_TABLES = tuple(kind.table for kind in KINDS)


@dataclass(frozen=True)
class Step:
    """What changed in bringing records to schema `to`, table by table."""

    to: int
    records: Mapping[str, Callable[[Doc], Doc]] = field(default_factory=dict)
    """Each table's upgrade of one record: a new dict, the record given left as it was.
    A link a step adds to old records is empty (None): in an export it is named by its
    `Link.ref`, as exports name links."""
    keyed: Callable[[str, str, Doc], Doc] | None = None
    """An upgrade that needs the record's table and its key in the data file. Only files take
    it: no export is older than schema 2 (`FIRST_EXPORT_SCHEMA`)."""


_UID_NAMESPACE = uuid.UUID("6b1f3c52-5f0e-4f6e-9a59-2d1c4b8e7a10")


def _with_uid(table: str, key: str, doc: Doc) -> Doc:
    """Schema 2 gives every record a stable uid, so that import can merge without duplicates.

    The uid is derived from the record itself, so the same old file upgraded in two places (a
    laptop and a restored backup, say) gives its records the same uids there too.
    """
    if "uid" in doc:
        return doc
    canonical = json.dumps([table, key, doc], sort_keys=True)
    return {**doc, "uid": uuid.uuid5(_UID_NAMESPACE, canonical).hex}


def _defaults(**fields: Any) -> Callable[[Doc], Doc]:
    """An upgrade that adds `fields` a record lacks (after what it has)."""
    return lambda doc: {**doc, **{k: copy.deepcopy(v) for k, v in fields.items() if k not in doc}}


def ladder_v3(aspiration: Doc) -> Doc:
    """Schema 3 gives each aspiration a ladder: its catalog path's levels, or one level of
    its own, standing on the first, adopted on the day it was created."""
    from aspire_tui.domain.catalog import find_path  # read only by old files: not at start

    path = find_path(aspiration.get("path"))
    rungs = [level.name for level in path.levels] if path else [FIRST_RUNG]
    adopted = {"on": aspiration.get("created"), "move": "adopted", "level": 0, "reason": ""}
    return {"rungs": rungs, "level": 0, "paused": False, "history": [adopted]}


def _with_ladder(aspiration: Doc) -> Doc:
    return aspiration if "ladder" in aspiration else {**aspiration, "ladder": ladder_v3(aspiration)}


def goal_v5(goal: Doc) -> Doc:
    """Schema 5 goals: SMART fields, committed unless said, and a target that may start from a
    number other than zero or be a checklist."""
    upgraded = {
        "description": "",
        "how": "",
        "starts": None,
        "stretch": False,
        "closer": "",
        **goal,
    }
    target = upgraded.get("target")
    if isinstance(target, dict):
        upgraded["target"] = {"start": 0.0, "milestones": [], **target}
    deadline, created = upgraded.get("deadline"), upgraded.get("created")
    if isinstance(deadline, str) and isinstance(created, str) and deadline < created:
        upgraded["starts"] = deadline  # older Aspires let a deadline precede the goal
    return upgraded


def goal_v8(goal: Doc) -> Doc:
    """Schema 8 goals: tags, dropped (kept, out of the way) with the day and why, milestones
    with due dates of their own, and habits counted per period."""
    upgraded = {"tags": [], "dropped": None, "dropped_why": "", **goal}
    target = upgraded.get("target")
    if isinstance(target, dict):
        upgraded["target"] = {"due": [], "every": "", **target}
    return upgraded


def aspiration_v8(aspiration: Doc) -> Doc:
    """Schema 8: a pause may end by itself on a day."""
    ladder = aspiration.get("ladder")
    if not isinstance(ladder, dict) or "paused_until" in ladder:
        return aspiration
    return {**aspiration, "ladder": {**ladder, "paused_until": None}}


def checkin_v5(checkin: Doc) -> Doc:
    return {"milestone": "", **checkin}


STEPS: tuple[Step, ...] = (
    Step(2, keyed=_with_uid),
    # Schema 3: aspirations have levels to climb, and every goal belongs to one level.
    Step(3, {"aspirations": _with_ladder, "goals": _defaults(level=0)}),
    # Schema 4 adds driver self-assessments and the passions and values lists, links
    # aspirations to passions, and gives journal entries a prompt, tags and a link to the
    # aspiration they are about.
    Step(
        4,
        {
            "aspirations": _defaults(passions=[]),
            "reflections": _defaults(prompt="", tags=[], aspiration_id=None),
        },
    ),
    # Schema 5: goals become SMART, with numbers to bring down and milestones.
    Step(5, {"goals": goal_v5, "checkins": checkin_v5}),
    # Schema 6 adds periodic reviews, in a table of their own; nothing else changes, but an
    # older Aspire must not write over a file that holds them.
    Step(6),
    # Schema 7 stamps each change (`_sync`), so that the files of several computers merge;
    # records from before it carry no stamp, and any stamped change supersedes them.
    Step(7),
    # Schema 8: goals dropped but kept, tags, milestone due dates and habits; pauses that end
    # on a day.
    Step(8, {"goals": goal_v8, "aspirations": aspiration_v8}),
)
"""Every schema step, once, in order: the file and the export chains both run these."""

SCHEMA_VERSION = STEPS[-1].to
FIRST_EXPORT_SCHEMA = 2
"""Exports came with uids (schema 2): there is no older one to read."""


def schema_of(data: Data) -> int | None:
    meta = data.get(META_TABLE)
    entry = meta.get("1") if isinstance(meta, dict) else None
    schema = entry.get("schema") if isinstance(entry, dict) else None
    return schema if is_version(schema) else None


def is_version(value: object) -> TypeGuard[int]:
    """A schema version is a whole number (JSON's true and false are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _steps(from_version: int, to: int) -> list[Step]:
    return [step for step in STEPS if from_version < step.to <= to]


def migrate(data: Data, from_version: int, to: int = SCHEMA_VERSION) -> Data:
    """A copy of a data file's `data` brought from `from_version` up to `to`."""
    upgraded = copy.deepcopy(data)
    for step in _steps(from_version, to):
        # The file's own tables: an old step meets only what a file of its day held, never
        # a kind added since (a later kind is not a reason for an old step to change).
        for table in [name for name in upgraded if name != META_TABLE]:
            docs = upgraded.get(table)
            upgrade = step.records.get(table)
            if not isinstance(docs, dict) or (upgrade is None and step.keyed is None):
                continue
            for key, doc in docs.items():
                if isinstance(doc, dict):
                    doc = step.keyed(table, key, doc) if step.keyed else doc
                    docs[key] = upgrade(doc) if upgrade else doc
        upgraded[META_TABLE] = {"1": {"schema": step.to}}
    return upgraded


def upgrade_export(data: Data, schema: int) -> Data:
    """A copy of an export's `data`, written at `schema` (FIRST_EXPORT_SCHEMA or later), brought
    up to SCHEMA_VERSION by the same steps as a data file. What is not a list of records is
    left for the import's checks to name."""
    if schema < FIRST_EXPORT_SCHEMA:
        raise ValueError(f"no export was written at schema {schema}")
    upgraded = dict(data)
    for step in _steps(schema, SCHEMA_VERSION):
        for kind in KINDS:
            docs, upgrade = upgraded.get(kind.table), step.records.get(kind.table)
            if upgrade is None or not isinstance(docs, list):
                continue
            upgraded[kind.table] = [
                _linked_by_uid(upgrade(d), kind.links) if isinstance(d, dict) else d for d in docs
            ]
        upgraded["schema"] = step.to
    return upgraded


def _linked_by_uid(doc: Doc, links: Sequence[Link]) -> Doc:
    """An upgraded export record, with an empty link a step added under its export name."""
    for link in links:
        if link.field in doc and doc[link.field] is None:
            doc = {k: v for k, v in doc.items() if k != link.field}
            doc.setdefault(link.ref, None)
    return doc
