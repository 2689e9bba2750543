"""The paths a person can choose from, kept as data so a path can be added without code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class CatalogPath:
    key: str
    name: str
    summary: str
    offers: str
    costs: str


class CatalogError(ValueError):
    """The packaged catalog is malformed: a bug in Aspire, never the person's data."""


_FIELDS = ("key", "name", "summary", "offers", "costs")


def parse_catalog(raw: str) -> tuple[CatalogPath, ...]:
    data = json.loads(raw)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, list) or not paths:
        raise CatalogError("catalog has no 'paths' list")
    result: list[CatalogPath] = []
    for entry in paths:
        if not isinstance(entry, dict) or set(entry) != set(_FIELDS):
            raise CatalogError(f"catalog entry has the wrong fields: {entry!r}")
        if not all(isinstance(entry[f], str) and entry[f].strip() for f in _FIELDS):
            raise CatalogError(f"catalog entry has an empty field: {entry!r}")
        result.append(CatalogPath(**entry))
    keys = [p.key for p in result]
    if len(set(keys)) != len(keys):
        raise CatalogError("catalog keys repeat")
    return tuple(result)


@cache
def catalog() -> tuple[CatalogPath, ...]:
    raw = resources.files("aspire_tui.domain").joinpath("catalog.json").read_text("utf-8")
    return parse_catalog(raw)


def find_path(key: str | None) -> CatalogPath | None:
    return next((p for p in catalog() if p.key == key), None)
