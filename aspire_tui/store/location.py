"""Where the data lives: --data-dir, then $ASPIRE_DATA_DIR, then the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "aspire-tui"
DATA_FILE_NAME = "aspire.json"
DATA_DIR_ENV = "ASPIRE_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Name the folder without creating it: nothing is written until the store opens."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def default_data_dir() -> Path:
    """The platform's data folder for Aspire: Aspire's alone, so Aspire may keep it private."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
