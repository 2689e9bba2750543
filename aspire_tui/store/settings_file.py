"""The settings file, `settings.toml` in the user config folder (platformdirs).

A file that cannot be read, or holds a wrong value, is reported and read as far as it goes,
with defaults for the rest, and is never written over: the person may have a typo to fix, and
their file is theirs. Saving from the app writes the whole file, atomically and private.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from aspire_tui.domain.settings import Settings, parse_settings, settings_table
from aspire_tui.store.errors import StoreError
from aspire_tui.store.storage import atomic_write

APP_NAME = "aspire-tui"
SETTINGS_FILE_NAME = "settings.toml"


def settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / SETTINGS_FILE_NAME


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)

    @property
    def writable(self) -> bool:
        """Only a file that was read whole may be written over."""
        return not self.problems

    def report(self) -> str:
        return f"{self.path}: " + "; ".join(self.problems) + ". Using the defaults for those."


def load_settings(path: Path, themes: set[str]) -> LoadedSettings:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings(), path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        return LoadedSettings(Settings(), path, [f"cannot be read ({reason})"])
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedSettings(Settings(), path, [f"is not valid TOML ({error})"])
    settings, problems = parse_settings(raw, themes)
    return LoadedSettings(settings, path, problems)


def save_settings(loaded: LoadedSettings, settings: Settings) -> LoadedSettings:
    if not loaded.writable:
        raise StoreError(
            f"{loaded.path} has problems Aspire will not write over; fix or remove it first."
        )
    import tomli_w

    path = loaded.path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, tomli_w.dumps(settings_table(settings)).encode("utf-8"))
        os.chmod(path, 0o600)
    except OSError as error:
        raise StoreError(f"Could not save {path} ({error.strerror}).") from None
    return LoadedSettings(settings, path)
