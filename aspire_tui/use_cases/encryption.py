"""Encryption at rest, as a person turns it on, off, or changes the passphrase: the command
line asks for the passphrase and says the result; these do it (see `store/encryption.py`)."""

from __future__ import annotations

from pathlib import Path

from aspire_tui.store import StoreError
from aspire_tui.store.encryption import change_passphrase, decrypt_folder, encrypt_folder
from aspire_tui.store.key_file import is_encrypted, unlock_folder
from aspire_tui.store.sealing import KEY_FILE_NAME, DataKey, WrongPassphrase

__all__ = [
    "WARNING",
    "WrongPassphrase",
    "is_encrypted",
    "new_passphrase",
    "turn_off",
    "turn_on",
    "unlock",
]

WARNING = (
    "Encryption at rest: your data, its backups and drafts will be encrypted with a "
    "passphrase, and Aspire will ask for it at every start. If you lose the passphrase, your "
    "data is lost: no one can recover it, not Aspire and not its makers. Keep it somewhere "
    "safe, such as a password manager."
)


def unlock(folder: Path, passphrase: str) -> DataKey:
    return unlock_folder(folder, passphrase)


def turn_on(folder: Path, passphrase: str, log_n: int | None = None) -> str:
    if is_encrypted(folder):
        raise StoreError(f"The data in {folder} is encrypted already.")
    encrypt_folder(folder, passphrase, log_n)
    return (
        f"Encrypted the data in {folder}. Aspire asks for the passphrase at each start. Keep "
        f"{KEY_FILE_NAME} with every copy of the folder: the data cannot be read without it. To "
        f"read it without Aspire: age -d -i {KEY_FILE_NAME} aspire.json (the README says "
        "more)."
    )


def turn_off(folder: Path, key: DataKey) -> str:
    skipped = decrypt_folder(folder, key)
    said = f"The data in {folder} is in plain text again; Aspire no longer asks for a passphrase."
    if skipped:
        names = ", ".join(str(p.relative_to(folder)) for p in skipped)
        said += f" Left as they were, as they do not decrypt (damaged): {names}."
    return said


def new_passphrase(folder: Path, key: DataKey, passphrase: str, log_n: int | None = None) -> str:
    change_passphrase(folder, key, passphrase, log_n)
    return (
        f"Passphrase changed: the old one no longer opens {KEY_FILE_NAME}. A copy of the old "
        "key file (in a backup, or a sync tool's history) still opens with the old passphrase, "
        "as the data key stays the same: to change that too, run aspire decrypt, then aspire "
        "encrypt."
    )
