"""The computers that share a data folder: listed, and one forgotten (`aspire devices`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aspire_tui.presentation.text import one_line
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.sharing import Stamper
from aspire_tui.store.store import Device


def when(stamp: int) -> datetime | None:
    """A stamp's wall-clock time (`sharing.Stamper`), in local time."""
    if stamp <= 0:
        return None
    return datetime.fromtimestamp(Stamper.wall_time(stamp))


def labels(names: dict[str, str]) -> dict[str, str]:
    """What to call each computer, by id: its name, with its id where two share a name."""
    count: dict[str, int] = {}
    for name in names.values():
        count[name] = count.get(name, 0) + 1
    return {
        device: name if count[name] == 1 else f"{name} ({device})" for device, name in names.items()
    }


@dataclass(frozen=True)
class DeviceLine:
    device: Device
    said: str


def describe_devices(store: AspireStore) -> list[DeviceLine]:
    lines = []
    for device in store.devices():
        last = when(device.last_change)
        change = f"last change {last:%Y-%m-%d %H:%M}" if last else "no change yet"
        name = one_line(device.name or "?", 40)  # another computer's file says it: its text
        notes = []
        if device.this:
            notes.append("this computer")
        if device.forgotten:
            notes.append("forgotten: not read")
        if device.problem:
            notes.append(f"not read: {device.problem}")
        said = f"{device.id or '(unnamed)':<10} {name:<20} {change}"
        if notes:
            said += f"  ({'; '.join(notes)})"
        lines.append(DeviceLine(device, f"{said}  {device.path.name}"))
    return lines


def forget_device(store: AspireStore, device_id: str) -> str:
    """Stop reading a computer's file: what it brought so far stays."""
    found = [d for d in store.devices() if d.id == device_id]
    if not found:
        raise StoreError(f"No computer {device_id!r} here: `aspire devices` lists them.")
    if found[0].this:
        raise StoreError("That is this computer: it cannot forget itself.")
    store.forget_device(device_id)
    return (
        f"Forgot {device_id}: its file ({found[0].path.name}) is no longer read here. What it "
        "brought before stays. Its file is left as it is: delete it yourself once that "
        "computer is gone."
    )
