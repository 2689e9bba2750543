"""The settings file, `settings.toml` in the user config folder (platformdirs).

A file that cannot be read, or holds a wrong value, is reported and read as far as it goes,
with defaults for the rest, and is never written over: the person may have a typo to fix, and
their file is theirs. Saving from the app changes only the settings it changed, through tomlkit
(comments, order and everything else stay as written), refuses a file changed since it was read,
writes through a link, and is atomic and private.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aspire_tui.settings import Settings, parse_settings
from aspire_tui.store.errors import StoreError

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
        text = _read_text(path)
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


WRITTEN = (
    "theme",
    "keep_backups",
    "review_cadence",
    "first_day_of_week",
    "date_format",
    "start_masked",
    "lock_after_minutes",
    "on_this_day",
)
"""The settings the dialog changes, and so the ones Aspire writes (the keys are the file's)."""


def save_settings(loaded: LoadedSettings, settings: Settings) -> LoadedSettings:
    """Write what the settings dialog changes (the keys are the file's own to change)."""
    if not loaded.writable:
        raise StoreError(
            f"{loaded.path} has problems Aspire will not write over; fix or remove it first."
        )
    path = loaded.path
    try:
        target = path.resolve() if path.is_symlink() else path
        current = _read_text(target) if target.exists() else None
    except (OSError, UnicodeDecodeError, RuntimeError):
        raise StoreError(f"Could not read {path} again before saving to it.") from None
    if current != loaded.text:
        raise StoreError(f"{path} was changed since Aspire read it; start Aspire again to use it.")
    values: dict[str, str | int] = {
        name: value if isinstance(value, int) else str(value)  # a bool is an int: true / false
        for name in WRITTEN
        if (value := getattr(settings, name)) != getattr(loaded.settings, name)
    }
    if not values:
        return LoadedSettings(settings, path, [], current)
    text = _with_values(current or "", values)
    if text is None:
        raise StoreError(f"Could not change only those settings in {path}; it was left as it is.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        from aspire_tui.store.storage import atomic_write  # not needed to read: `aspire status`

        atomic_write(target, text.encode("utf-8"))
        os.chmod(target, 0o600)
    except OSError as error:
        raise StoreError(f"Could not save {path} ({error.strerror}).") from None
    return LoadedSettings(settings, path, [], text)


def _read_text(path: Path) -> str:
    """The file's text exactly, its line endings included (a file written on Windows keeps
    its CRLF when Aspire changes a line of it)."""
    return path.read_bytes().decode("utf-8")


def _with_values(text: str, values: dict[str, str | int]) -> str | None:
    """`text` with each top-level setting in `values` set to its new value, or None if that
    cannot be done without changing anything else.

    tomlkit keeps everything it does not change as it was written: comments (a comment after
    the value on its own line too), blank lines, order, quoting, indents and line endings. A
    setting the file does not have yet goes after the file's own top-level settings, before its
    first table. The result is read back with the standard library's parser and must hold
    exactly what the file held, with only `values` changed."""
    import tomllib

    import tomlkit
    from tomlkit.exceptions import TOMLKitError
    from tomlkit.items import Item

    try:
        before = tomllib.loads(text)
        document = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError, RecursionError, ValueError):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    for name, value in values.items():
        if name in document:
            document[name] = value  # tomlkit keeps the old line's indent, quotes and comment
            item = document.item(name)
            if isinstance(item, Item) and not item.trivia.comment:  # but not spaces after it
                item.trivia.trail = item.trivia.trail.lstrip(" \t")
        else:
            item = tomlkit.item(value)
            item.trivia.trail = newline
            document[name] = item
    changed = document.as_string()
    try:
        after = tomllib.loads(changed)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    return changed if after == before | values else None
