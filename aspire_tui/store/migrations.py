"""Upgrades of the data file, one small ordered step per schema version.

Each step takes the whole file as TinyDB stores it (a dict of tables) at version N and returns
it at version N + 1. Steps never touch the disk: the store takes a backup, runs them in memory,
checks the result and only then writes it.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from typing import Any

from aspire_tui.domain.models import FIRST_RUNG
from aspire_tui.store.kinds import KINDS

Data = dict[str, Any]
META_TABLE = "_meta"
RECORD_TABLES = tuple(kind.table for kind in KINDS)


_UID_NAMESPACE = uuid.UUID("6b1f3c52-5f0e-4f6e-9a59-2d1c4b8e7a10")


def _v1_to_v2(data: Data) -> Data:
    """Schema 2 gives every record a stable uid, so that import can merge without duplicates.

    The uid is derived from the record itself, so the same old file upgraded in two places (a
    laptop and a restored backup, say) gives its records the same uids there too.
    """
    for table in RECORD_TABLES:
        for key, doc in data.get(table, {}).items():
            if isinstance(doc, dict) and "uid" not in doc:
                canonical = json.dumps([table, key, doc], sort_keys=True)
                doc["uid"] = uuid.uuid5(_UID_NAMESPACE, canonical).hex
    return data


def ladder_v3(aspiration: Data) -> Data:
    """Schema 3 gives each aspiration a ladder: its catalog path's levels, or one level of
    its own, standing on the first, adopted on the day it was created."""
    from aspire_tui.domain.catalog import find_path  # read only by old files: not at start

    path = find_path(aspiration.get("path"))
    rungs = [level.name for level in path.levels] if path else [FIRST_RUNG]
    adopted = {"on": aspiration.get("created"), "move": "adopted", "level": 0, "reason": ""}
    return {"rungs": rungs, "level": 0, "paused": False, "history": [adopted]}


def _v2_to_v3(data: Data) -> Data:
    """Schema 3: aspirations have levels to climb, and every goal belongs to one level."""
    for doc in data.get("aspirations", {}).values():
        if isinstance(doc, dict) and "ladder" not in doc:
            doc["ladder"] = ladder_v3(doc)
    for doc in data.get("goals", {}).values():
        if isinstance(doc, dict):
            doc.setdefault("level", 0)
    return data


def _v3_to_v4(data: Data) -> Data:
    """Schema 4 adds driver self-assessments and the passions and values lists, links
    aspirations to passions, and gives journal entries a prompt, tags and a link to the
    aspiration they are about."""
    for doc in data.get("aspirations", {}).values():
        if isinstance(doc, dict):
            doc.setdefault("passions", [])
    for doc in data.get("reflections", {}).values():
        if isinstance(doc, dict):
            doc.setdefault("prompt", "")
            doc.setdefault("tags", [])
            doc.setdefault("aspiration_id", None)
    return data


def goal_v5(goal: Data) -> Data:
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


def checkin_v5(checkin: Data) -> Data:
    return {"milestone": "", **checkin}


def _v4_to_v5(data: Data) -> Data:
    """Schema 5: goals become SMART, with numbers to bring down and milestones."""
    for table, upgrade in (("goals", goal_v5), ("checkins", checkin_v5)):
        docs = data.get(table, {})
        for key, doc in docs.items():
            if isinstance(doc, dict):
                docs[key] = upgrade(doc)
    return data


def _v5_to_v6(data: Data) -> Data:
    """Schema 6 adds periodic reviews, in a table of their own; nothing else changes, but an
    older Aspire must not write over a file that holds them."""
    return data


STEPS: dict[int, Callable[[Data], Data]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}
"""The step that upgrades a file *from* each version."""

SCHEMA_VERSION = max(STEPS) + 1


def schema_of(data: Data) -> int | None:
    meta = data.get(META_TABLE)
    entry = meta.get("1") if isinstance(meta, dict) else None
    schema = entry.get("schema") if isinstance(entry, dict) else None
    return schema if isinstance(schema, int) and not isinstance(schema, bool) else None


def migrate(data: Data, from_version: int) -> Data:
    """A copy of `data` brought from `from_version` up to SCHEMA_VERSION."""
    upgraded = copy.deepcopy(data)
    for version in range(from_version, SCHEMA_VERSION):
        upgraded = STEPS[version](upgraded)
        upgraded[META_TABLE] = {"1": {"schema": version + 1}}
    return upgraded
