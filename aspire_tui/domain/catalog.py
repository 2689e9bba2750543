"""The paths a person can choose from, kept as data (`catalog.json`) so that a path can be added
or reworded without touching code. The file is checked in full when first read; the tests read
it, so a broken catalog fails there and never at a person's launch."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from aspire_tui.domain.models import Driver, Target
from aspire_tui.domain.validation import ValidationError, parse_target, parse_title

MIN_LEVELS, MAX_LEVELS = 4, 6
MIN_GOALS, MAX_GOALS = 2, 4


@dataclass(frozen=True)
class StarterGoal:
    title: str
    target: Target


@dataclass(frozen=True)
class CatalogLevel:
    name: str
    goals: tuple[StarterGoal, ...]


@dataclass(frozen=True)
class CatalogPath:
    key: str
    name: str
    summary: str
    suits: str
    offers: str
    costs: str
    serves: tuple[Driver, ...]
    strains: tuple[Driver, ...]
    needs_reason: bool
    reason_prompt: str
    """The question a path with a real price asks before it becomes active."""
    levels: tuple[CatalogLevel, ...]


class CatalogError(ValueError):
    """The packaged catalog is malformed: a bug in Aspire, never the person's data."""


_TEXT_FIELDS = ("key", "name", "summary", "suits", "offers", "costs")
_FIELDS = {*_TEXT_FIELDS, "serves", "strains", "needs_reason", "reason_prompt", "levels"}


def _drivers(where: str, values: Any) -> tuple[Driver, ...]:
    if not isinstance(values, list):
        raise CatalogError(f"{where} should be a list of drivers")
    try:
        return tuple(Driver(v) for v in values)
    except ValueError:
        raise CatalogError(f"{where} names an unknown driver: {values!r}") from None


def _level(where: str, entry: Any) -> CatalogLevel:
    if not isinstance(entry, dict) or set(entry) != {"name", "goals"}:
        raise CatalogError(f"{where} should have a name and goals")
    goals = entry["goals"]
    if not isinstance(goals, list) or not MIN_GOALS <= len(goals) <= MAX_GOALS:
        raise CatalogError(f"{where} should have {MIN_GOALS} to {MAX_GOALS} starter goals")
    starters = []
    for number, goal in enumerate(goals, 1):
        if not isinstance(goal, dict) or set(goal) != {"title", "target"}:
            raise CatalogError(f"{where}, goal {number}, should have a title and a target")
        try:
            starters.append(StarterGoal(parse_title(goal["title"]), parse_target(goal["target"])))
        except (ValidationError, TypeError, AttributeError) as error:
            raise CatalogError(f"{where}, goal {number}: {error}") from None
    try:
        name = parse_title(entry["name"])
    except (ValidationError, AttributeError) as error:
        raise CatalogError(f"{where}: {error}") from None
    return CatalogLevel(name, tuple(starters))


def _path(entry: Any) -> CatalogPath:
    if not isinstance(entry, dict) or set(entry) != _FIELDS:
        raise CatalogError(f"catalog entry has the wrong fields: {sorted(entry or [])}")
    key = entry["key"]
    if not all(isinstance(entry[f], str) and entry[f].strip() for f in _TEXT_FIELDS):
        raise CatalogError(f"catalog entry {key!r} has an empty text field")
    if not isinstance(entry["needs_reason"], bool):
        raise CatalogError(f"catalog entry {key!r}: needs_reason should be true or false")
    prompt = entry["reason_prompt"]
    if not isinstance(prompt, str) or bool(prompt.strip()) != entry["needs_reason"]:
        raise CatalogError(
            f"catalog entry {key!r}: reason_prompt is the question asked when needs_reason is"
            " true, and empty otherwise"
        )
    levels = entry["levels"]
    if not isinstance(levels, list) or not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        raise CatalogError(f"catalog entry {key!r} should have {MIN_LEVELS} to {MAX_LEVELS} levels")
    serves = _drivers(f"{key}: serves", entry["serves"])
    if not 1 <= len(serves) <= 2:
        raise CatalogError(
            f"catalog entry {key!r} should serve its leading driver and at most one more"
        )
    return CatalogPath(
        **{f: entry[f] for f in _TEXT_FIELDS},
        serves=serves,
        strains=_drivers(f"{key}: strains", entry["strains"]),
        needs_reason=entry["needs_reason"],
        reason_prompt=prompt,
        levels=tuple(_level(f"{key}, level {n}", level) for n, level in enumerate(levels, 1)),
    )


def parse_catalog(raw: str) -> tuple[CatalogPath, ...]:
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise CatalogError(f"catalog is not valid JSON: {error}") from None
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, list) or not paths:
        raise CatalogError("catalog has no 'paths' list")
    result = tuple(_path(entry) for entry in paths)
    keys = [p.key for p in result]
    if len(set(keys)) != len(keys):
        raise CatalogError("catalog keys repeat")
    return result


@cache
def catalog() -> tuple[CatalogPath, ...]:
    raw = (Path(__file__).parent / "catalog.json").read_text("utf-8")
    return parse_catalog(raw)


def find_path(key: str | None) -> CatalogPath | None:
    return next((p for p in catalog() if p.key == key), None)
