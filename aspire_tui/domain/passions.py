"""Passions and values: four lists, and the items found on more than one of them."""

from __future__ import annotations

from dataclasses import dataclass

from aspire_tui.domain.models import PASSION_LISTS, Passions
from aspire_tui.domain.validation import ValidationError, parse_title

LIST_LABELS = {
    "love": "What I love doing",
    "good_at": "What I am good at",
    "needed": "What the world (or my field) needs",
    "paid_for": "What I can be paid for",
    "values": "Values I will not trade away",
}
SHORT_LABELS = {"love": "love", "good_at": "good at", "needed": "needed", "paid_for": "paid for"}
MAX_ITEMS = 50


def parse_items(text: str, what: str) -> tuple[str, ...]:
    """One item per line; blank lines and repeats (in any case) are dropped."""
    items: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        if not line.strip():
            continue
        item = parse_title(line, what)
        if item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    if len(items) > MAX_ITEMS:
        raise ValidationError(f"{what}: at most {MAX_ITEMS} items.")
    return tuple(items)


def check_passions(passions: Passions) -> Passions:
    for name in (*PASSION_LISTS, "values"):
        items = getattr(passions, name)
        if parse_items("\n".join(items), LIST_LABELS[name]) != items:
            raise ValidationError(f"{LIST_LABELS[name]} has an empty, padded or repeated item.")
    return passions


def all_items(passions: Passions | None) -> list[str]:
    """Every item on the four lists once, in the order they were written."""
    seen: dict[str, str] = {}
    for name in PASSION_LISTS:
        for item in getattr(passions, name) if passions else ():
            seen.setdefault(item.casefold(), item)
    return list(seen.values())


@dataclass(frozen=True)
class Overlap:
    item: str
    lists: tuple[str, ...]
    """The names of the lists it is on, in the usual order."""


def overlaps(passions: Passions) -> list[Overlap]:
    """Items on two or more of the four lists, those on most lists first; an item is the same
    whatever its case. The first spelling met is the one shown."""
    found: dict[str, tuple[str, list[str]]] = {}
    for name in PASSION_LISTS:
        for item in getattr(passions, name):
            shown, lists = found.setdefault(item.casefold(), (item, []))
            lists.append(name)
    shared = [Overlap(shown, tuple(lists)) for shown, lists in found.values() if len(lists) > 1]
    return sorted(shared, key=lambda o: -len(o.lists))
