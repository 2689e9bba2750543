"""A person's settings, as read from their settings file: checked field by field, so that one
wrong value falls back to its default without losing the rest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_THEME = "textual-dark"
DEFAULT_KEEP_BACKUPS = 10
MAX_KEEP_BACKUPS = 1000


@dataclass(frozen=True)
class Settings:
    theme: str = DEFAULT_THEME
    """One of Textual's built-in themes, by name."""
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    """How many launch backups to keep (and as many taken before a restore or an import)."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> the keys that press it instead, comma-separated ("f1", "ctrl+n,n")."""


KNOWN = {"theme", "keep_backups", "keys"}


def parse_settings(raw: Mapping[str, Any], themes: set[str]) -> tuple[Settings, list[str]]:
    """The settings in `raw`, and what was wrong with it (each wrong value is left at its
    default). `themes`: the theme names there are."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for name in sorted(set(raw) - KNOWN):
        problems.append(f"unknown setting {name!r} (known: {', '.join(sorted(KNOWN))})")
    theme = raw.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme in themes:
        values["theme"] = theme
    else:
        problems.append(f"theme {theme!r} is not one of: {', '.join(sorted(themes))}")
    keep = raw.get("keep_backups", DEFAULT_KEEP_BACKUPS)
    if type(keep) is int and 1 <= keep <= MAX_KEEP_BACKUPS:
        values["keep_backups"] = keep
    else:
        problems.append(f"keep_backups must be a whole number from 1 to {MAX_KEEP_BACKUPS}")
    keys = raw.get("keys", {})
    if isinstance(keys, Mapping):
        good = {}
        for binding_id, pressed in keys.items():
            if isinstance(pressed, str) and pressed.strip() and pressed.isprintable():
                good[str(binding_id)] = pressed.strip()
            else:
                problems.append(f'keys.{binding_id} must be a key, such as "f1" or "ctrl+n"')
        values["keys"] = good
    else:
        problems.append('keys must be a table: [keys] followed by lines like help = "f1"')
    return Settings(**values), problems


def settings_table(settings: Settings) -> dict[str, Any]:
    """What the settings file holds, in the order it is written."""
    table: dict[str, Any] = {"theme": settings.theme, "keep_backups": settings.keep_backups}
    if settings.keys:
        table["keys"] = dict(settings.keys)
    return table
