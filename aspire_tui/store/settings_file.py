"""The settings file, `settings.toml` in the user config folder (platformdirs).

A file that cannot be read, or holds a wrong value, is reported and read as far as it goes,
with defaults for the rest, and is never written over: the person may have a typo to fix, and
their file is theirs. Saving from the app changes only the lines of the settings it changed
(comments and everything else stay as written), refuses a file changed since it was read,
writes through a link, and is atomic and private.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aspire_tui.domain.settings import Settings, parse_settings
from aspire_tui.store.errors import StoreError
from aspire_tui.store.storage import atomic_write

APP_NAME = "aspire-tui"
SETTINGS_FILE_NAME = "settings.toml"
MAX_SIZE = 256 * 1024
"""A settings file is a few lines; anything much bigger is not one."""


def settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / SETTINGS_FILE_NAME


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)
    text: str | None = None
    """The file as read (None: there was none), to keep its lines and to notice a change."""
    may_write: bool = True
    """False for settings that did not come from the file (tests, the demo)."""

    @property
    def writable(self) -> bool:
        """Only a file that was read whole may be written over."""
        return self.may_write and not self.problems

    def report(self) -> str:
        return f"{self.path}: " + "; ".join(self.problems) + ". Using the defaults for those."


def load_settings(
    path: Path,
    themes: set[str],
    keys_named: Callable[[str], str | None] = lambda keys: keys,
) -> LoadedSettings:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return LoadedSettings(Settings(), path, ["is not a file"])
        if info.st_size > MAX_SIZE:
            return LoadedSettings(Settings(), path, ["is too big to be a settings file"])
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings(), path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        return LoadedSettings(Settings(), path, [f"cannot be read ({reason})"])
    import tomllib  # only when there is a file: most people never write one

    try:
        raw = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as error:
        detail = str(error) if isinstance(error, tomllib.TOMLDecodeError) else "nested too deep"
        return LoadedSettings(Settings(), path, [f"is not valid TOML ({detail})"], text)
    settings, problems = parse_settings(raw, themes, keys_named)
    return LoadedSettings(settings, path, problems, text)


def save_settings(loaded: LoadedSettings, settings: Settings) -> LoadedSettings:
    """Write what the settings dialog changes (the keys are the file's own to change)."""
    if not loaded.writable:
        raise StoreError(
            f"{loaded.path} has problems Aspire will not write over; fix or remove it first."
        )
    path = loaded.path
    try:
        target = path.resolve() if path.is_symlink() else path
        current = target.read_text("utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError, RuntimeError):
        raise StoreError(f"Could not read {path} again before saving to it.") from None
    if current != loaded.text:
        raise StoreError(f"{path} was changed since Aspire read it; start Aspire again to use it.")
    values: dict[str, str | int] = {
        name: value if isinstance(value, int) else str(value)
        for name in ("theme", "keep_backups", "review_cadence", "first_day_of_week", "date_format")
        if (value := getattr(settings, name)) != getattr(loaded.settings, name)
    }
    if not values:
        return LoadedSettings(settings, path, [], current)
    text = _with_values(current or "", values)
    import tomllib

    try:
        written = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        written = {}
    if any(written.get(name) != value for name, value in values.items()):
        raise StoreError(f"Could not change {path} line by line; it was left as it is.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(target, text.encode("utf-8"))
        os.chmod(target, 0o600)
    except OSError as error:
        raise StoreError(f"Could not save {path} ({error.strerror}).") from None
    return LoadedSettings(settings, path, [], text)


def _with_values(text: str, values: dict[str, str | int]) -> str:
    """`text` with each top-level `name = value` line set to the new value (or added at the
    top); every other line, comments included, as it was."""
    import tomli_w

    lines = text.splitlines(keepends=True)
    top = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    missing = []
    for name, value in values.items():
        rendered = tomli_w.dumps({name: value})
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
        hit = next((i for i in range(top) if pattern.match(lines[i])), None)
        if hit is None:
            missing.append(rendered)
        else:
            lines[hit] = rendered
    return "".join(missing) + "".join(lines)
