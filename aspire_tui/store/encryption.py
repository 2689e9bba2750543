"""Turning encryption on and off, and changing the passphrase, for a whole data folder.

A switch rewrites every file that holds the person's words (the data file, backups, kept
copies and changes, drafts) one at a time, each atomically. So that a kill at any moment
leaves the data readable with either the old setting or the new one, never neither, a marker
file says a switch is under way, and while it is there files of either kind are read. The
marker is encrypted with the data key and names its switch: one Aspire did not write (planted
to make Aspire decrypt everything, or take plain files) is refused, never acted on:

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
from aspire_tui.store.devices import device_file, folder_files, this_device
from aspire_tui.store.drafts import DRAFTS_FILE_NAME
from aspire_tui.store.errors import DataFileError, StoreError
from aspire_tui.store.key_file import is_encrypted, key_file_path, write_key_file
from aspire_tui.store.limits import Refused, read_file
from aspire_tui.store.location import DATA_FILE_NAME
from aspire_tui.store.lock import FolderLock
from aspire_tui.store.sealing import Damaged, DataKey, Sealer
from aspire_tui.store.storage import atomic_write, fsync_dir, remove_stale_temp_files

SWITCHING_ON = "aspire.encrypting"
SWITCHING_OFF = "aspire.decrypting"


def switch_under_way(folder: Path) -> str | None:
    """ "on" or "off" when a marker is there (not yet checked: `verified_switch`), else None."""
    if os.path.lexists(Path(folder) / SWITCHING_ON):
        return "on"
    if os.path.lexists(Path(folder) / SWITCHING_OFF):
        return "off"
    return None


def verified_switch(folder: Path, key: DataKey) -> str | None:
    """The switch a marker names, once it is known to be Aspire's own (encrypted with this
    folder's key, naming its file); DataFileError for a marker that is not."""
    under_way = switch_under_way(folder)
    if under_way is None:
        return None
    marker = Path(folder) / (SWITCHING_ON if under_way == "on" else SWITCHING_OFF)
    try:
        said = Sealer(key).open(read_file(marker), str(marker))
    except (OSError, Refused, Damaged):
        said = b""
    if said != marker.name.encode():
        raise DataFileError(
            marker,
            "says encryption is being turned on or off, but Aspire did not write it.",
            "Aspire has not acted on it. If you did not run aspire encrypt or decrypt, "
            "someone else may have put it there; remove it, and Aspire opens the data as "
            "it is.",
        )
    return under_way


def encrypt_folder(folder: Path, passphrase: str, log_n: int | None = None) -> DataKey:
    """Encrypt every file of a plain folder under a new data key, itself under `passphrase`.
    The folder must not be open in Aspire (its lock is held throughout)."""
    folder = Path(folder)
    if is_encrypted(folder) and switch_under_way(folder) is None:
        raise StoreError(f"The data in {folder} is encrypted already.")
    _fold(folder, None)
    with _locked(folder):
        key = DataKey.generate()
        _mark(folder, SWITCHING_ON, key)
        write_key_file(folder, key, passphrase, log_n)
        _finish_on(folder, key)  # every file was plain: each is sealed, whatever it holds
    return key


def decrypt_folder(folder: Path, key: DataKey) -> list[Path]:
    """Write every file of an encrypted folder in plain text again, and drop its key file.
    The files that did not decrypt (damaged), left as they are."""
    folder = Path(folder)
    if not is_encrypted(folder):
        raise StoreError(f"The data in {folder} is not encrypted.")
    _fold(folder, key)
    with _locked(folder):
        _mark(folder, SWITCHING_OFF, key)
        return _finish_off(folder, key)


def change_passphrase(
    folder: Path, key: DataKey, passphrase: str, log_n: int | None = None
) -> None:
    """The same data key under a new passphrase: one file replaced in one step."""
    folder = Path(folder)
    if not is_encrypted(folder):
        raise StoreError(f"The data in {folder} is not encrypted.")
    with _locked(folder):
        write_key_file(folder, key, passphrase, log_n)


def finish_switch(folder: Path, key: DataKey | None) -> list[Path]:
    """A switch cut short (Aspire killed mid-way): finished, before the folder is opened.
    The files that did not decrypt, left as they are."""
    folder = Path(folder)
    if switch_under_way(folder) is None:
        return []
    if not is_encrypted(folder):
        # Turning on, killed before the key file was written: nothing was encrypted yet.
        # Turning off, killed after the key file went: every file was plain by then.
        _unmark(folder, SWITCHING_ON)
        _unmark(folder, SWITCHING_OFF)
        return []
    if key is None:
        return []  # the folder is opened with its key, or not at all
    if verified_switch(folder, key) == "on":
        return _finish_on(folder, key)
    return _finish_off(folder, key)


def _finish_on(folder: Path, key: DataKey) -> list[Path]:
    skipped = _rewrite_all(folder, Sealer(key, switching=True), Sealer(key))
    _unmark(folder, SWITCHING_ON)
    return skipped


def _finish_off(folder: Path, key: DataKey) -> list[Path]:
    skipped = _rewrite_all(folder, Sealer(key, switching=True), Sealer(None))
    with contextlib.suppress(FileNotFoundError):
        key_file_path(folder).unlink()
    fsync_dir(folder)
    _unmark(folder, SWITCHING_OFF)
    return skipped


def person_files(folder: Path) -> Iterator[Path]:
    """Every file of the folder that holds what the person wrote."""
    data = folder / DATA_FILE_NAME
    yield from (data, log_path(data), folder / DRAFTS_FILE_NAME)
    for device in sorted(folder_files(folder).devices.values()):  # other computers' files
        yield from (device, log_path(device))
    yield from sorted(folder.glob("drafts-*.json"))
    yield from sorted(folder.glob("drafts.*.json"))  # other computers' (`AspireStore.drafts_file`)
    backups = folder / BACKUP_FOLDER
    if backups.is_dir():
        yield from sorted(p for p in backups.iterdir() if p.name.startswith("aspire-"))
        for device in sorted(p for p in backups.iterdir() if p.is_dir()):  # other computers'
            yield from sorted(p for p in device.iterdir() if p.name.startswith("aspire-"))


def _rewrite_all(folder: Path, reading: Sealer, writing: Sealer) -> list[Path]:
    """Each file rewritten; one that does not decrypt (damaged) is left as it is, and
    named. Temp files a kill left are never data: removed first."""
    remove_stale_temp_files(folder / DATA_FILE_NAME)
    for device in folder_files(folder).devices.values():
        remove_stale_temp_files(device)
    remove_stale_temp_files(folder / DRAFTS_FILE_NAME)
    backups = folder / BACKUP_FOLDER
    if backups.is_dir():
        for stale in [*backups.glob(".aspire-*.tmp"), *backups.glob("*/.aspire-*.tmp")]:
            with contextlib.suppress(OSError):
                stale.unlink()
    skipped: list[Path] = []
    for path in person_files(folder):
        if path.is_symlink() or not path.is_file():
            continue  # a link is the person's own arrangement; the data file's is refused below
        try:
            raw = read_file(path)
        except (OSError, Refused) as error:
            raise StoreError(f"Could not read {path} to rewrite it ({error}).") from None
        try:
            new = _rewritten(path, raw, reading, writing)
        except Damaged:
            skipped.append(path)
            continue
        if new != raw:
            try:
                atomic_write(path, new)
            except OSError as error:
                raise StoreError(f"Could not rewrite {path} ({error.strerror}).") from None
    return skipped


def _rewritten(path: Path, raw: bytes, reading: Sealer, writing: Sealer) -> bytes:
    if not path.name.endswith(LOG_SUFFIX):
        return writing.seal(reading.open(raw, str(path)))
    lines = raw.split(b"\n")
    whole = lines[:-1]  # a last line cut short was never confirmed: it is left out
    if not whole:
        return raw
    rewritten = [whole[0]]  # the header names a digest: no words
    for line in whole[1:]:
        if line.startswith(b"{"):  # a fold's mark: a digest
            rewritten.append(line)
        else:
            rewritten.append(writing.seal_line(reading.open_line(line)).rstrip(b"\n"))
    return b"\n".join(rewritten) + b"\n"


def _fold(folder: Path, key: DataKey | None) -> None:
    """Opened and closed once: changes a kill left in the log go into the data file, whose
    digest the log names (a rewritten file would leave them unapplied)."""
    from aspire_tui.store.store import AspireStore

    if (folder / DATA_FILE_NAME).exists():
        AspireStore.open(folder, backup=False, key=key).close()


def _mark(folder: Path, name: str, key: DataKey) -> None:
    """The marker: its own name, encrypted with the data key (see `verified_switch`)."""
    try:
        atomic_write(folder / name, Sealer(key).seal(name.encode()))
    except OSError as error:
        raise StoreError(f"Could not write {folder / name} ({error.strerror}).") from None


def _unmark(folder: Path, name: str) -> None:
    try:
        (folder / name).unlink()
    except FileNotFoundError:
        return
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
    mine = device_file(folder, this_device())
    own = FolderLock(mine) if mine.exists() else None  # this computer's, in a shared folder
    lock.acquire()
    try:
        if own is not None:
            own.acquire()
        try:
            yield
        finally:
            if own is not None:
                own.release()
    finally:
        lock.release()
