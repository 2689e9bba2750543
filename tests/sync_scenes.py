"""A folder shared by two computers with one aspiration changed on both while apart, on
the demo data: for the snapshot and the screenshot of "Changed on two computers"."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.store import AspireStore
from aspire_tui.store import store as store_module
from aspire_tui.store.storage import atomic_write
from tests.fixtures.career import populate

LAPTOP, DESKTOP = "laptopaa", "desktopa"
NOON = 1_795_003_200.0
"""2026-11-17 12:00 UTC: the stamps' wall clock, so that the picture never changes."""


def changed_on_two(root: Path, today: date, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The laptop's folder, holding the desktop's file too; returns the laptop's folder."""
    from aspire_tui.store import sharing

    clock = iter(NOON + minutes * 60 for minutes in range(0, 100_000, 7))
    monkeypatch.setattr(sharing.time, "time", lambda: next(clock))
    laptop, desktop = root / "laptop", root / "desktop"
    laptop.mkdir(parents=True)
    desktop.mkdir()
    monkeypatch.setattr(store_module, "device_name", lambda: "laptop")
    store = AspireStore.open(laptop, device=LAPTOP)
    populate(store, today)
    store.close()
    shutil.copy(laptop / "aspire.json", desktop / "aspire.json")
    monkeypatch.setattr(store_module, "device_name", lambda: "desktop")
    store = AspireStore.open(desktop, device=DESKTOP)
    title = store.aspirations()[0]
    store.save_aspiration(_retitled(title, "Lead a product team of twelve"))
    store.close()
    monkeypatch.setattr(store_module, "device_name", lambda: "laptop")
    store = AspireStore.open(laptop, device=LAPTOP)
    store.save_aspiration(_retitled(title, "Lead a product team"))
    store.close()
    name = f"aspire.{DESKTOP}.json"
    atomic_write(laptop / name, (desktop / name).read_bytes())
    return laptop


def _retitled(aspiration: object, title: str) -> object:
    import dataclasses

    return dataclasses.replace(aspiration, title=title)  # type: ignore[type-var]
