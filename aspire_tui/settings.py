"""A person's settings, as read from their settings file: checked field by field, so that one
wrong value falls back to its default without losing the rest.

One record for one file, outside the domain because it names the screens' things (a Textual
theme, the key map) beside the data's (review cadence, first day of the week, date format,
backups kept). It imports only the domain, whose rules it uses (`Cadence`, `WEEKDAYS`,
`DateFormat`); the store reads and writes the file, the use cases and the screens read the
record, and the domain never imports it (tests/test_layers.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.review import DEFAULT_CADENCE, WEEKDAYS, Cadence

DEFAULT_THEME = "textual-dark"
DEFAULT_KEEP_BACKUPS = 10
MAX_KEEP_BACKUPS = 1000
MAX_LOCK_AFTER_MINUTES = 24 * 60


@dataclass(frozen=True)
class Settings:
    theme: str = DEFAULT_THEME
    """One of Textual's built-in themes, by name."""
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    """How many launch backups to keep (and as many taken before a restore or an import)."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> the keys that press it instead, comma-separated ("f1", "ctrl+n,n")."""
    review_cadence: Cadence = DEFAULT_CADENCE
    first_day_of_week: str = "monday"
    """Where a week (and a fortnight) of reviews begins."""
    date_format: DateFormat = DateFormat.ISO
    """How the screens show dates; they are always typed and stored as 2026-11-27."""
    start_masked: bool = False
    """Start with the privacy mask on: every personal text drawn as bars, for a shared screen."""
    lock_after_minutes: int = 0
    """Lock the screen after this many minutes without a key or a click; 0 never locks."""
    on_this_day: bool = True
    """Home shows what was written one, two or five years ago today."""

    @property
    def first_weekday(self) -> int:
        return WEEKDAYS.index(self.first_day_of_week)


KNOWN = {
    "theme",
    "keep_backups",
    "keys",
    "review_cadence",
    "first_day_of_week",
    "date_format",
    "start_masked",
    "lock_after_minutes",
    "on_this_day",
}


def parse_settings(
    raw: Mapping[str, Any],
    themes: set[str],
    keys_named: Callable[[str], str | None] = lambda keys: keys,
) -> tuple[Settings, list[str]]:
    """The settings in `raw`, and what was wrong with it (each wrong value is left at its
    default). `themes`: the theme names there are; `keys_named`: a key string as the app
    names its keys, or None if it names no key."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for name in sorted(set(raw) - KNOWN):
        problems.append(f"unknown setting {name!r} (known: {', '.join(sorted(KNOWN))})")
    theme = raw.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme in themes:
        values["theme"] = theme
    else:
        problems.append(f"theme {_short(repr(theme))} is not one of: {', '.join(sorted(themes))}")
    keep = raw.get("keep_backups", DEFAULT_KEEP_BACKUPS)
    if type(keep) is int and 1 <= keep <= MAX_KEEP_BACKUPS:
        values["keep_backups"] = keep
    else:
        problems.append(f"keep_backups must be a whole number from 1 to {MAX_KEEP_BACKUPS}")
    cadence = raw.get("review_cadence", DEFAULT_CADENCE.value)
    if isinstance(cadence, str) and cadence in set(Cadence):
        values["review_cadence"] = Cadence(cadence)
    else:
        problems.append(f"review_cadence must be one of: {', '.join(c.value for c in Cadence)}")
    first = raw.get("first_day_of_week", "monday")
    if isinstance(first, str) and first.lower() in WEEKDAYS:
        values["first_day_of_week"] = first.lower()
    else:
        problems.append(f"first_day_of_week must be one of: {', '.join(WEEKDAYS)}")
    style = raw.get("date_format", DateFormat.ISO.value)
    if isinstance(style, str) and style in set(DateFormat):
        values["date_format"] = DateFormat(style)
    else:
        problems.append(f"date_format must be one of: {', '.join(f.value for f in DateFormat)}")
    masked = raw.get("start_masked", False)
    if isinstance(masked, bool):
        values["start_masked"] = masked
    else:
        problems.append("start_masked must be true or false")
    remembering = raw.get("on_this_day", True)
    if isinstance(remembering, bool):
        values["on_this_day"] = remembering
    else:
        problems.append("on_this_day must be true or false")
    lock = raw.get("lock_after_minutes", 0)
    if type(lock) is int and 0 <= lock <= MAX_LOCK_AFTER_MINUTES:
        values["lock_after_minutes"] = lock
    else:
        problems.append(
            f"lock_after_minutes must be a whole number from 0 (never) to {MAX_LOCK_AFTER_MINUTES}"
        )
    keys = raw.get("keys", {})
    if isinstance(keys, Mapping):
        good = {}
        for binding_id, pressed in _flat(keys):
            ok = isinstance(pressed, str) and pressed.isprintable()
            named = keys_named(pressed.strip()) if ok and pressed.strip() else None
            if named:
                good[binding_id] = named
            else:
                problems.append(
                    f'keys.{_short(binding_id)} must be a key, such as "f1" or "ctrl+n"'
                )
        values["keys"] = good
    else:
        problems.append('keys must be a table: [keys] followed by lines like help = "f1"')
    return Settings(**values), problems


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _flat(table: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """`goal.new = "x"` unquoted is TOML for a table `goal` holding `new`: the id is the
    dotted name either way."""
    found: list[tuple[str, Any]] = []
    for name, value in table.items():
        if isinstance(value, Mapping) and len(prefix) < 200:
            found += _flat(value, f"{prefix}{name}.")
        else:
            found.append((f"{prefix}{name}", value))
    return found
