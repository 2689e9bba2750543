"""Turning encryption on and off, and changing the passphrase, for a whole data folder.

A switch rewrites every file that holds the person's words (the data file, backups, kept
copies and changes, drafts) one at a time, each atomically. So that a kill at any moment
leaves the data readable with either the old setting or the new one, never neither, a marker
file says a switch is under way, and while it is there files of either kind are read:

- on: the marker, then the key file (from here on the passphrase is asked), then each file
  encrypted, then the marker removed;
- off: the marker, then each file decrypted, then the key file removed (from here on no
  passphrase), then the marker removed.

Opening a folder with a marker finishes the switch it names (`finish_switch`). A passphrase
change rewrites the key file alone, in one atomic step: the data key stays the same.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from aspire_tui.store.backups import BACKUP_FOLDER
from aspire_tui.store.change_log import LOG_SUFFIX, log_path
from aspire_tui.store.drafts import DRAFTS_FILE_NAME
from aspire_tui.store.errors import StoreError
from aspire_tui.store.key_file import is_encrypted, key_file_path, write_key_file
from aspire_tui.store.limits import Refused, read_file
from aspire_tui.store.location import DATA_FILE_NAME
from aspire_tui.store.lock import FolderLock
from aspire_tui.store.sealing import DataKey, Sealer
from aspire_tui.store.storage import atomic_write, fsync_dir

SWITCHING_ON = "aspire.encrypting"
SWITCHING_OFF = "aspire.decrypting"


def switch_under_way(folder: Path) -> str | None:
    """ "on" or "off" while a switch cut short is to be finished, else None."""
    if os.path.lexists(Path(folder) / SWITCHING_ON):
        return "on"
    if os.path.lexists(Path(folder) / SWITCHING_OFF):
        return "off"
    return None


def encrypt_folder(folder: Path, passphrase: str, log_n: int | None = None) -> DataKey:
    """Encrypt every file of a plain folder under a new data key, itself under `passphrase`.
    The folder must not be open in Aspire (its lock is held throughout)."""
    folder = Path(folder)
    if is_encrypted(folder) and switch_under_way(folder) is None:
        raise StoreError(f"The data in {folder} is encrypted already.")
    _fold(folder, None)
    with _locked(folder):
        key = DataKey.generate()
        _mark(folder, SWITCHING_ON)
        write_key_file(folder, key, passphrase, log_n)
        _finish_on(folder, key)
    return key


def decrypt_folder(folder: Path, key: DataKey) -> None:
    """Write every file of an encrypted folder in plain text again, and drop its key file."""
    folder = Path(folder)
    if not is_encrypted(folder):
        raise StoreError(f"The data in {folder} is not encrypted.")
    _fold(folder, key)
    with _locked(folder):
        _mark(folder, SWITCHING_OFF)
        _finish_off(folder, key)


def change_passphrase(
    folder: Path, key: DataKey, passphrase: str, log_n: int | None = None
) -> None:
    """The same data key under a new passphrase: one file replaced in one step."""
    folder = Path(folder)
    if not is_encrypted(folder):
        raise StoreError(f"The data in {folder} is not encrypted.")
    with _locked(folder):
        write_key_file(folder, key, passphrase, log_n)


def finish_switch(folder: Path, key: DataKey | None) -> None:
    """A switch cut short (Aspire killed mid-way): finish it, before the folder is opened."""
    folder = Path(folder)
    under_way = switch_under_way(folder)
    if under_way == "on":
        if not is_encrypted(folder):  # killed before the key file was written: nothing done
            _unmark(folder, SWITCHING_ON)
        elif key is not None:
            _finish_on(folder, key)
    elif under_way == "off":
        if not is_encrypted(folder):  # every file was plain before the key file went
            _unmark(folder, SWITCHING_OFF)
        elif key is not None:
            _finish_off(folder, key)


def _finish_on(folder: Path, key: DataKey) -> None:
    _rewrite_all(folder, Sealer(key, switching=True), Sealer(key))
    _unmark(folder, SWITCHING_ON)


def _finish_off(folder: Path, key: DataKey) -> None:
    _rewrite_all(folder, Sealer(key, switching=True), Sealer(None))
    with contextlib.suppress(FileNotFoundError):
        key_file_path(folder).unlink()
    fsync_dir(folder)
    _unmark(folder, SWITCHING_OFF)


def person_files(folder: Path) -> Iterator[Path]:
    """Every file of the folder that holds what the person wrote."""
    data = folder / DATA_FILE_NAME
    yield from (data, log_path(data), folder / DRAFTS_FILE_NAME)
    yield from sorted(folder.glob("drafts-*.json"))
    backups = folder / BACKUP_FOLDER
    if backups.is_dir():
        yield from sorted(p for p in backups.iterdir() if p.name.startswith("aspire-"))


def _rewrite_all(folder: Path, reading: Sealer, writing: Sealer) -> None:
    for path in person_files(folder):
        if path.is_symlink() or not path.is_file():
            continue  # a link is the person's own arrangement; the data file's is refused below
        try:
            raw = read_file(path)
        except (OSError, Refused) as error:
            raise StoreError(f"Could not read {path} to rewrite it ({error}).") from None
        if path.name.endswith(LOG_SUFFIX):
            lines = raw.split(b"\n")
            whole, tail = lines[:-1], lines[-1]
            rewritten = [whole[0]] if whole else []  # the header names a digest: no words
            for line in whole[1:]:
                if line.startswith(b"{"):  # a fold's mark: a digest
                    rewritten.append(line)
                else:
                    rewritten.append(writing.seal_line(reading.open_line(line)).rstrip(b"\n"))
            new = b"\n".join(rewritten) + b"\n" + tail if rewritten else raw
        else:
            new = writing.seal(reading.open(raw, str(path)))
        if new != raw:
            try:
                atomic_write(path, new)
            except OSError as error:
                raise StoreError(f"Could not rewrite {path} ({error.strerror}).") from None


def _fold(folder: Path, key: DataKey | None) -> None:
    """Opened and closed once: changes a kill left in the log go into the data file, whose
    digest the log names (a rewritten file would leave them unapplied)."""
    from aspire_tui.store.store import AspireStore

    if (folder / DATA_FILE_NAME).exists():
        AspireStore.open(folder, backup=False, key=key).close()


def _mark(folder: Path, name: str) -> None:
    try:
        atomic_write(folder / name, b"")
    except OSError as error:
        raise StoreError(f"Could not write {folder / name} ({error.strerror}).") from None


def _unmark(folder: Path, name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / name).unlink()
    fsync_dir(folder)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    if not (folder / DATA_FILE_NAME).exists():
        raise StoreError(f"There is no data in {folder} yet: start Aspire once first.")
    if (folder / DATA_FILE_NAME).is_symlink():
        raise StoreError(
            f"{folder / DATA_FILE_NAME} is a link: Aspire does not encrypt through a link."
        )
    lock = FolderLock(folder / DATA_FILE_NAME)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()
