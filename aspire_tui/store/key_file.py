"""An encrypted folder's key file (`aspire.key.age`): written once when encryption is turned
on (and again when the passphrase changes), read once per start to unlock the data key."""

from __future__ import annotations

import os
from pathlib import Path

from aspire_tui.store.errors import StoreError
from aspire_tui.store.limits import Refused, read_file
from aspire_tui.store.sealing import KEY_FILE_NAME, DataKey, calibrated_log_n
from aspire_tui.store.storage import atomic_write


def key_file_path(folder: Path) -> Path:
    return Path(folder) / KEY_FILE_NAME


def is_encrypted(folder: Path) -> bool:
    return os.path.lexists(key_file_path(folder))


def write_key_file(folder: Path, key: DataKey, passphrase: str, log_n: int | None = None) -> Path:
    """The key under `passphrase`, atomically and readable by its owner only; `log_n`, the
    scrypt work factor, is tuned to this computer when not given."""
    path = key_file_path(folder)
    sealed = key.key_file(passphrase, calibrated_log_n() if log_n is None else log_n)
    try:
        atomic_write(path, sealed)
    except OSError as error:
        raise StoreError(f"Could not write {path} ({error.strerror}).") from None
    return path


def unlock_folder(folder: Path, passphrase: str) -> DataKey:
    """The folder's data key; `WrongPassphrase` or `Damaged` (both `StoreError`) say why not."""
    path = key_file_path(folder)
    try:
        raw = read_file(path)  # never a pipe, a device or a huge file
    except FileNotFoundError:
        raise StoreError(f"{path} is missing (or is a link that leads nowhere).") from None
    except (OSError, Refused) as error:
        raise StoreError(f"Cannot read {path} ({error}).") from None
    return DataKey.unlock(raw, passphrase)
