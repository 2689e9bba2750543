"""The one object the app asks for data: a small typed API per record kind."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from tinydb.table import Document, Table

from aspire_tui.domain.check_ins import start_moved_back
from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Passions,
    Reflection,
    Review,
)
from aspire_tui.domain.passions import check_passions
from aspire_tui.domain.review import check_review
from aspire_tui.domain.validation import (
    ValidationError,
    check_checkin,
    check_checkins_fit,
    check_goal,
    check_goal_on_ladder,
)
from aspire_tui.store import codec
from aspire_tui.store.backups import (
    DEFAULT_KEEP,
    Backup,
    backup_folder,
    find_backup,
    list_backups,
    prune_backups,
    take_backup,
)
from aspire_tui.store.change_log import LOG_SUFFIX, log_path
from aspire_tui.store.devices import (
    DEVICE_FILE,
    device_file,
    device_name,
    folder_files,
    is_device_id,
    own_data_file,
    this_device,
)
from aspire_tui.store.encryption import finish_switch, switch_under_way, verified_switch
from aspire_tui.store.errors import DataFileError, NeedsPassphrase, StoreError
from aspire_tui.store.file_check import (
    Later,
    check_file,
    check_file_first,
    check_schema,
    check_stamps,
    decode_later,
    is_canonical_id,
)
from aspire_tui.store.kinds import KINDS, RecordKind, draft, kind_named, kind_of, newest
from aspire_tui.store.limits import Refused, check_kind, read_file
from aspire_tui.store.location import DATA_FILE_NAME
from aspire_tui.store.lock import FolderLock
from aspire_tui.store.migrations import META_TABLE, SCHEMA_VERSION, migrate
from aspire_tui.store.other_files import OtherFiles, Reading, meta_of, move_aside
from aspire_tui.store.replicas import SYNC_TABLE, Version, split_key, versions_of
from aspire_tui.store.sealing import KEY_FILE_NAME, DataKey, Sealer
from aspire_tui.store.sharing import Stamper, TakenIn, held_aside, restamp, settle, take_in
from aspire_tui.store.storage import (
    AtomicJSONStorage,
    atomic_write,
    decode_json,
    encode_json,
    remove_stale_temp_files,
)
from aspire_tui.store.table import AspireTable

T = TypeVar("T", Reflection, Aspiration, Goal, CheckIn, Assessment, Passions, Review)


class _Records(Generic[T]):
    """One TinyDB table seen as records of one kind.

    Decoded records are kept in memory, with an optional index by one field (check-ins by
    goal), and brought up to date by this object's own writes. Anything else that changes the
    table (another process, a restore, an undone batch) makes the store rebuild its tables,
    which moves its epoch on and makes this cache start again from the file.
    """

    def __init__(
        self,
        store: AspireStore,
        kind: RecordKind,
        next_id: Callable[[], int] | None = None,
    ) -> None:
        self.store = store
        self.kind = kind
        self.name = kind.table
        self.next_id = next_id
        """Where a new record's id comes from when it is shared with other tables."""
        self.encode: Callable[[T], dict[str, Any]] = kind.encode
        self.decode: Callable[[dict[str, Any], int], T] = kind.decode
        self.index_by = kind.index_by
        self._records: dict[int, T] = {}
        self._index: dict[Any, dict[int, T]] = {}
        self._stamps: dict[Any, int] = {}
        self._built_at = -1
        """The storage's `renewed_at` these records were decoded at."""
        self.high_water: int | None = None
        """The largest id handed out in a shared folder (`AspireStore._new_ids`), so that
        records made one after another keep their order."""
        self._later: dict[Any, dict[int, dict[str, Any]]] = {}
        """Records glanced at when the file was opened, by `index_by` value, decoded (and so
        checked whole) when first asked for (`file_check.check_file_first`)."""

    @property
    def table(self) -> Table:
        return self.store._table(self.name)

    def _fresh(self) -> None:
        """Start again from the table if the file changed behind Aspire's back."""
        table = self.table
        renewed_at = self.store._storage.renewed_at
        if self._built_at != renewed_at:
            self._records = {}
            self._index = {}
            self._stamps = {}
            self._later = {}
            for doc in table:  # a copy of each, with its id: a file changed underneath
                self._remember(self.decode(dict(doc), doc.doc_id))
            self._built_at = renewed_at

    def _current(self) -> dict[int, T]:
        """Every record, decoded."""
        self._fresh()
        self.decode_all_later()
        return self._records

    def _decode_later(self, key: Any) -> None:
        docs = self._later.get(key)
        if docs is None:
            return
        bucket = self._index.setdefault(key, {})
        for number, doc in docs.items():
            record = decode_later(self.store.path, self.kind, doc, number)
            self._records[number] = bucket[number] = record
        del self._later[key]

    def decode_all_later(self) -> None:
        while self._later:
            self._decode_later(next(iter(self._later)))

    def later_keys(self) -> dict[Any, dict[int, dict[str, Any]]]:
        """The `index_by` values whose records are not decoded yet (see `_later`)."""
        self._fresh()
        return self._later

    def _remember(self, record: T) -> None:
        assert record.id is not None
        self._forget(record.id)
        self._records[record.id] = record
        if self.index_by is not None:
            key = getattr(record, self.index_by)
            self._index.setdefault(key, {})[record.id] = record
            self._touch(key)

    def _forget(self, record_id: int) -> None:
        old = self._records.pop(record_id, None)
        if old is not None and self.index_by is not None:
            key = getattr(old, self.index_by)
            self._index.get(key, {}).pop(record_id, None)
            self._touch(key)

    def _touch(self, key: Any) -> None:
        self._stamps[key] = self.store._storage.revision  # moved on by the write just made

    def stamp(self, key: Any) -> int:
        """Changes whenever a record with this `index_by` value is saved or removed: the
        storage's revision of the latest such change (0 for none since the records were
        decoded, whose objects are then all new)."""
        self._fresh()
        return self._stamps.get(key, 0)

    def all(self) -> list[T]:
        return list(self._current().values())

    def seed(self, records: dict[int, T], later: dict[Any, dict[int, Any]] | None = None) -> None:
        """Start from `records`, which this object then owns, and `later`, records by
        `index_by` value to decode when first asked for."""
        self._records, self._index, self._stamps = records, {}, {}
        self._later = later or {}
        if self.index_by is not None:
            field = self.index_by
            for record_id, record in records.items():
                self._index.setdefault(getattr(record, field), {})[record_id] = record
        self._built_at = self.store._storage.renewed_at

    def index(self) -> list[tuple[Any, dict[int, T]]]:
        self._current()
        return list(self._index.items())

    def index_decoded(self) -> list[tuple[Any, dict[int, T]]]:
        """`index`, leaving out the records not decoded yet."""
        self._fresh()
        return [(key, bucket) for key, bucket in self._index.items() if key not in self._later]

    def by(self, key: Any) -> list[T]:
        """The records whose `index_by` field is `key`."""
        self._fresh()
        if key in self._later:
            self._decode_later(key)
        return list(self._index.get(key, {}).values())

    def get(self, record_id: int) -> T | None:
        return self._current().get(record_id)

    def save(self, record: T) -> T:
        self.store.before_change()
        records = self._current()
        table = self.table
        doc = self.encode(record)
        if record.id is None:
            new_ids = self.store._new_ids(self, 1)
            record_id = table.insert(doc if new_ids is None else Document(doc, new_ids[0]))
        else:
            if record.id not in records:
                raise StoreError("That entry no longer exists; it may have been deleted.")
            table.upsert(Document(doc, doc_id=record.id))
            record_id = record.id
        saved = self.decode(doc, record_id)  # exactly what a later read of the file gives
        self._remember(saved)
        return saved

    def add_many(self, records: list[T]) -> list[T]:
        """New records in one table update: TinyDB re-indexes a whole table on every insert,
        so adding thousands one by one would take minutes."""
        self.store.before_change()
        self._current()
        docs: list[Any] = [self.encode(record) for record in records]
        new_ids = self.store._new_ids(self, len(docs))
        if new_ids is not None:
            docs = [Document(doc, new_id) for doc, new_id in zip(docs, new_ids, strict=True)]
        ids = self.table.insert_multiple(docs)
        saved = [self.decode(doc, record_id) for doc, record_id in zip(docs, ids, strict=True)]
        for record in saved:
            self._remember(record)
        return saved

    def put(self, record: T) -> None:
        """Write a record under its own id, whether or not that id is in use now."""
        self.store.before_change()
        assert record.id is not None
        self._current()
        doc = self.encode(record)
        self.table.upsert(Document(doc, doc_id=record.id))
        self._remember(self.decode(doc, record.id))

    def remove(self, ids: list[int]) -> None:
        self.store.before_change()
        if ids:
            self._current()
            self.table.remove(doc_ids=ids)
            for record_id in ids:
                self._forget(record_id)


class AspireStore:
    """Owns the data file; everything it accepts has passed domain validation."""

    def __init__(
        self,
        storage: AtomicJSONStorage,
        lock: FolderLock | None,
        kinds: Sequence[RecordKind] = KINDS,
    ) -> None:
        self._unrecorded = {}
        self._unrecorded_names = {}
        self._storage = storage
        self._lock = lock
        self.kinds = tuple(kinds)
        """The kinds of record this store keeps, a table each (`kinds.KINDS`)."""
        self._tables: dict[str, Table] = {}
        self._tables_at = -1
        """The storage's `renewed_at` the tables were made at (TinyDB keeps the next id)."""
        self._start_records()

    def _start_records(self) -> None:
        """Each kind's records, none decoded yet."""
        self._records: dict[str, _Records[Any]] = {
            kind.table: _Records(self, kind, self._next_journal_id if kind.journal else None)
            for kind in self.kinds
        }
        self._reflections = self._records["reflections"]
        self._aspirations = self._records["aspirations"]
        self._goals = self._records["goals"]
        self._checkins = self._records["checkins"]
        self._assessments = self._records["assessments"]
        self._passions = self._records["passions"]
        self._reviews = self._records["reviews"]

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        own_folder: bool = False,
        read_only: bool = False,
        backup: bool = True,
        keep_backups: int = DEFAULT_KEEP,
        now: datetime | None = None,
        kinds: Sequence[RecordKind] = KINDS,
        check_later: bool = False,
        key: DataKey | None = None,
        held_lock: FolderLock | None = None,
        device: str | None = None,
    ) -> AspireStore:
        """Open or create this computer's data file in `folder`, refusing any file Aspire did
        not write, and take in what other computers' files there hold (`devices`).

        A file that holds data is backed up first, and upgraded if it is from an older
        version. `own_folder` says the folder is Aspire's alone (the default location), so it
        may be made private even if it already existed. `read_only` opens without the lock and
        refuses every change, for a second look while another Aspire has the folder. `kinds`:
        the kinds of record the file may hold (a test adds one). `check_later`: the check-ins
        are only glanced at now and decoded, so checked whole, when first needed or by
        `finish_checking` (the app, after its first frame), and always before a change.
        `key`: the folder's data key, unlocked with its passphrase (`sealing.unlock_folder`);
        a folder with a key file is never opened without it. `held_lock`: the folder's lock,
        kept by this process while its data was closed (`close_keeping_lock`). `device`: the
        computer's id (`devices.this_device()` by default).
        """
        folder = Path(folder)
        device = device or this_device()
        if not is_device_id(device):
            raise StoreError(f"{device!r} is not a computer's id (eight of a-z and 2-7).")
        own = own_data_file(folder, device)
        options = dict(
            own_folder=own_folder,
            read_only=read_only,
            backup=backup,
            keep_backups=keep_backups,
            now=now,
            kinds=kinds,
            check_later=check_later,
            key=key,
            held_lock=held_lock,
        )
        try:
            store = cls._open(folder, own, device, **options)  # type: ignore[arg-type]
        except _OtherComputers:
            own = device_file(folder, device)  # aspire.json is another computer's
            store = cls._open(folder, own, device, **options)  # type: ignore[arg-type]
        store._start_sharing(folder, device)
        return store

    @classmethod
    def _open(
        cls,
        folder: Path,
        own: Path,
        device: str,
        *,
        own_folder: bool,
        read_only: bool,
        backup: bool,
        keep_backups: int,
        now: datetime | None,
        kinds: Sequence[RecordKind],
        check_later: bool,
        key: DataKey | None,
        held_lock: FolderLock | None,
    ) -> AspireStore:
        sealer = _sealer_for(folder, key)
        path = named = own
        linked = path.is_symlink()
        if linked:
            try:
                path = path.resolve(strict=False)  # write through the link, so it stays a link
            except (OSError, RuntimeError):
                raise DataFileError(
                    path, "is a link that leads nowhere (or in a circle)."
                ) from None
        check = functools.partial(check_file, kinds=kinds)
        if read_only:
            opened = cls._open_read_only(path, kinds, check_later, sealer)
            opened._named = named
            return opened
        _prepare_folder(folder, own_folder)
        lock = held_lock or FolderLock(named)  # in the data folder, not beside a link's file
        if held_lock is None:  # who has it is said once the file is known to be this one's
            lock.acquire(say_owner=False)
        launch_backup: bytes | None = None
        try:
            skipped: list[Path] = []
            if switch_under_way(folder) is not None:  # turning encryption on or off was cut
                skipped = finish_switch(folder, key)  # short: finished first, under the lock
                still = os.path.lexists(folder / KEY_FILE_NAME)  # turned off: no key now
                sealer = _sealer_for(folder, key if still else None)
            storage = AtomicJSONStorage(path, check=check, sealer=sealer)
            storage.keep_read_bytes = True
            data = storage.read()
            raw, storage.last_read_bytes = storage.last_read_bytes, None
            storage.keep_read_bytes = False
            stray_log = storage.unapplied_log or (data is None and storage.log.exists())
            if data is not None:
                schema = check_schema(path, data)
                upgraded = migrate(data, schema) if schema < SCHEMA_VERSION else data
                # What is written at once (an upgrade, the changes a kill left) is checked whole.
                first = check_later and upgraded is data and not storage.replayed
                decoded, later = check_file_first(path, upgraded, kinds, later=first)
                owner = meta_of(data).get("device")
                if path == folder / DATA_FILE_NAME and owner not in (None, device):
                    raise _OtherComputers
            # Aspire's own file (or none yet): only now is anything put beside it.
            if linked:
                lock.lock_beside(path)
                if not storage.unchanged():
                    raise StoreError(f"{path} changed while Aspire was opening it; start again.")
            remove_stale_temp_files(path)
            remove_stale_temp_files(storage.log)
            note = _keep_log_aside(storage.log, path, now or datetime.now()) if stray_log else None
            if not storage.replayed:  # its changes are in the file already, or it is empty
                with contextlib.suppress(OSError):
                    storage.log.unlink()
            if data is None:
                meta = {"schema": SCHEMA_VERSION, "device": device, "name": device_name()}
                storage.write({META_TABLE: {"1": meta}})
            else:
                if upgraded is not data:  # the file as it was, before the upgrade
                    take_backup(path, now or datetime.now())
                    storage.write(upgraded)
                    prune_backups(path, keep_backups)
                elif storage.replayed:  # changes a kill left in the log: into the file now
                    try:
                        storage.write(data)
                    except StoreError:
                        storage.read()  # a full disk, say: the log stays, and goes on
                        storage.holds_own_changes()
                    else:
                        if backup:
                            launch_backup = read_file(path)
                elif backup:
                    launch_backup = raw
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
        except BaseException:
            if held_lock is None:
                lock.release()
            raise
        if held_lock is None:
            lock.say_owner()
        store = cls(storage, lock, kinds)
        store._named = named
        store.opening_note = note
        if skipped:
            names = ", ".join(str(p.relative_to(folder)) for p in skipped)
            store.opening_note = (
                f"Finishing the switch of encryption, Aspire left {names} as it was: it does "
                "not decrypt (damaged)."
            )
        if data is not None:
            store._seed(decoded, later)
        if launch_backup is not None:
            store._back_up_launch(launch_backup, now or datetime.now(), keep_backups)
        return store

    def _back_up_launch(self, data: bytes, now: datetime, keep: int) -> None:
        """The launch backup holds the bytes read at open, so it may be written later, by a
        thread of its own (4 MB and an fsync at ten years): once the app has drawn its first
        frame (`start_launch_backup`), or at the first change, whichever comes first."""

        def run() -> None:
            try:
                take_backup(self.path, now, data=data)
                prune_backups(self.path, keep)
            except StoreError as error:
                self._backup_problem = str(error)

        self._backup_thread = threading.Thread(target=run, name="aspire-backup", daemon=True)

    _backup_thread: threading.Thread | None = None
    _backup_problem: str | None = None
    opening_note: str | None = None
    """What opening found and did that the person must hear (changes kept aside)."""

    def before_change(self) -> None:
        """Before the first change: the launch backup on its way, and every check-in opening
        only glanced at checked whole (nothing is written over a file not known sound)."""
        if self._checkins._later or self._stamps_later:
            self.finish_checking()  # no launch backup of a file not known sound
        self.start_launch_backup()

    _unsound = False

    _starting = threading.Lock()

    def start_launch_backup(self) -> None:
        with self._starting:  # the app's thread and a worker may both ask
            self._start_launch_backup()

    def _start_launch_backup(self) -> None:
        thread = self._backup_thread
        if (
            thread is not None
            and thread.ident is None
            and (self._checkins._later or self._stamps_later)
        ):
            with contextlib.suppress(DataFileError):  # said by whoever checks them next
                self.finish_checking()  # never a backup of a file not known sound
        if self._unsound:
            return
        if thread is not None and thread.ident is None:
            thread.start()

    def launch_backup_problem(self) -> str | None:
        """Wait for the launch backup; why it failed, if it did."""
        if self._backup_thread is not None:
            self.start_launch_backup()
            if self._backup_thread.ident is not None:
                self._backup_thread.join()
        return self._backup_problem

    def _seed(self, decoded: dict[str, dict[int, Any]], later: Later | None = None) -> None:
        """Start the records' caches from what the file check decoded (and glanced at)."""
        self._table(self.kinds[0].table)  # build the tables first: that moves the epoch on
        for records in self._records.values():
            records.seed(decoded.get(records.name, {}))
        if later is not None and later.by_goal:
            self._checkins.seed(decoded.get("checkins", {}), later.by_goal)
            self._latest_later = later.latest_on
        self._stamps_later = later is not None and later.stamps_later

    _latest_later: dict[int, str] = {}

    def finish_checking(self) -> None:
        """Decode, and so check whole, the check-ins opening only glanced at (the app does it
        once its first frame is drawn): DataFileError if one is damaged. Nothing is written
        before this is done (every change decodes them first). Only what was opened is
        checked here: a file changed since is read again, and checked, when next used."""
        try:
            self._checkins.decode_all_later()
            if self._stamps_later:
                check_stamps(self.path, self._storage.read() or {}, self.kinds)
                self._stamps_later = False
        except DataFileError:
            self._unsound = True  # no launch backup of it: it would push out a good copy
            raise

    _stamps_later = False

    @classmethod
    def _open_read_only(
        cls,
        path: Path,
        kinds: Sequence[RecordKind],
        check_later: bool = False,
        sealer: Sealer | None = None,
    ) -> AspireStore:
        check = functools.partial(check_file, kinds=kinds)
        storage = AtomicJSONStorage(path, check=check, read_only=True, sealer=sealer)
        data = storage.read()
        if data is None:
            raise DataFileError(
                path,
                "does not exist yet, so there is nothing to read.",
                "Start Aspire once to create it.",
            )
        if check_schema(path, data) < SCHEMA_VERSION:
            raise DataFileError(
                path,
                "is from an older version of Aspire and must be upgraded first.",
                "Open it once normally (with no other Aspire on it) to upgrade it.",
            )
        store = cls(storage, None, kinds)
        store._seed(*check_file_first(path, data, kinds, later=check_later))
        return store

    @property
    def read_only(self) -> bool:
        return self._storage.read_only

    @property
    def read_only_why(self) -> str:
        """Why changes are refused, when it is not another Aspire holding the folder."""
        return self._storage.read_only_why

    # Several computers -----------------------------------------------------------------

    device = ""
    """This computer's id (`devices.this_device`)."""
    taken_at_open: tuple[TakenIn, Reading] | None = None
    """What opening took in from other computers' files, for the app to say."""
    _others: OtherFiles | None = None
    _stamper: Stamper | None = None

    def _start_sharing(self, folder: Path, device: str) -> None:
        """Stamp every change from now on, claim `aspire.json` for this computer if no one has
        (a file from before Aspire 7), and take in what other computers' files hold."""
        self.device = device
        self._unrecorded = {}
        self._unrecorded_names = {}
        data = self._storage.read() or {}
        meta = meta_of(data)
        forgotten = meta.get("forgotten") or []
        self._others = OtherFiles(
            folder,
            self.path,
            self._storage.sealer,
            forgotten,
            tuple(self.kinds),
            meta.get("seen"),
            meta.get("names") if isinstance(meta.get("names"), dict) else None,
        )
        self._stamper = Stamper(device, lambda: _latest_stamp(self._storage.read() or {}))
        if self.read_only:  # shown merged, never written (the Aspire open here writes)
            if self._others.changed():
                self.take_in(self.read_others())
            return
        self._storage.stamper = self._stamper
        try:
            if meta.get("device") != device:
                self.before_change()  # the whole file checked before it is written
                claimed = {**meta, "device": device, "name": device_name()}
                with self._storage.changing():
                    data[META_TABLE]["1"] = claimed
                    self._storage.write(data, [[META_TABLE, "1", claimed]])
            if self._others.changed():
                reading = self.read_others()
                self.taken_at_open = (self.take_in(reading), reading)
        except StoreError as error:  # a full disk, say: opened as it is, taken in later
            self._others.read_again()
            said = f"Other computers' changes were not taken in yet: {error}"
            self.opening_note = f"{self.opening_note} {said}" if self.opening_note else said

    taken_over = False
    """`own_file_taken` found another computer's file over this one's: nothing is saved."""

    def own_file_taken(self) -> bool:
        """Another computer's `aspire.json` has arrived over this computer's (two computers
        each began the folder, and the sync tool chose the other's): from now on this one
        saves nothing, so as not to write into another computer's file. Started again, it
        writes a file of its own and takes in the sync tool's copy of its own."""
        if self.read_only or self.path.name != DATA_FILE_NAME or not self.device:
            return False
        try:
            owner = meta_of(self._storage.read() or {}).get("device")
        except (StoreError, DataFileError):
            return False
        if owner in (None, self.device):
            return False
        self.taken_over = True
        self._storage.read_only = True
        self._storage.read_only_why = (
            f"Not saved: another computer's {self.path.name} arrived over this computer's. "
            "Quit and start Aspire again: this computer then writes a file of its own."
        )
        self._storage.stamper = None
        return True

    @property
    def drafts_file(self) -> Path:
        """Where this computer keeps a form's draft (`store/drafts.py`): the data folder
        (its drafts.json) for the folder's first computer, a file of its own for any other."""
        folder = self.named_path.parent
        if (self.named_path.name == DATA_FILE_NAME and not self.taken_over) or not self.device:
            return folder
        return folder / f"drafts.{self.device}.json"

    @property
    def shared(self) -> bool:
        """Other computers' files are in the folder (or were, since this one opened)."""
        return self._others is not None and self._others.shared

    def others_changed(self) -> bool:
        """Cheap: whether another computer's file (or a conflict copy) changed since read."""
        return self._others is not None and self._others.changed()

    def read_others(self) -> Reading:
        """What other computers' files hold that this one's does not (any thread)."""
        others = self._others
        assert others is not None
        with self._storage.changing():  # the data as it is now; only looked up from here
            mine = self._storage.read() or {}
        return others.read(mine)

    _unrecorded: dict[str, Any]
    """Files read in whole since their stats were last written into `_meta` "seen": written
    with the next change, or on close (never on their own while open: two computers would
    answer each other's writes for ever)."""

    _unrecorded_names: dict[str, str]
    """Computer names learnt with `_unrecorded`'s files, kept in `_meta` "names" with them."""

    def _record_seen(self, data: dict[str, Any]) -> list[Any]:
        meta = meta_of(data)
        seen = {**(meta.get("seen") or {}), **self._unrecorded}
        kept = meta.get("names")
        names = {**(kept if isinstance(kept, dict) else {}), **self._unrecorded_names}
        self._unrecorded, self._unrecorded_names = {}, {}
        data[META_TABLE]["1"] = meta = {**meta, "seen": seen, "names": names}
        return [META_TABLE, "1", meta]

    def read_others_again(self) -> None:
        """What `read_others` found could not be taken in: it is read again next time."""
        if self._others is not None:
            self._others.read_again()

    def take_in(self, reading: Reading) -> TakenIn:
        """Merge what `read_others` found into this computer's data and file, then move the
        conflict copies it read aside (once that is on disk)."""
        valid = {k: v for k, v in reading.theirs.items() if self._decodes(k, v)}
        if valid or reading.copies:
            self.before_change()
        with self._storage.changing():
            data = self._storage.read() or {}
            taken = take_in(data, valid)
            ops = taken.ops
            if ops:
                ops = ops + settle(data, self.kinds, valid)
                self._may_hold_aside = True
            if self.read_only:
                if ops:  # in memory only: a second look while another Aspire writes
                    self._absorbed(ops)
                return taken
            self._unrecorded.update(reading.stats)
            self._unrecorded_names.update(reading.computers)
            if ops:  # and the files taken in, not read again at the next start
                ops = [*ops, self._record_seen(data)]
            if ops:
                self._storage.write(data, ops)
                self._absorbed(ops)
        assert self._stamper is not None
        self._stamper.observe(taken.last_t)
        if reading.copies:
            self._storage.flush()
            move_aside(self.path.parent, reading.copies, datetime.now())
        return taken

    def _decodes(self, key: str, versions: tuple[Version, ...]) -> bool:
        """Each version another computer's file holds decodes as a record (its file as a
        whole was checked, check-ins only glanced at)."""
        table, record_id = split_key(key)
        kind = next((k for k in self.kinds if k.table == table), None)
        if kind is None or not is_canonical_id(record_id):
            return False
        try:
            for version in versions:
                if version.doc is not None:
                    kind.check(kind.decode(dict(version.doc), int(record_id)))
        except (codec.CodecError, ValidationError, TypeError, ValueError):
            return False
        return True

    def conflicts(self) -> list[Conflict]:
        """Records changed on two computers while apart, and records held aside."""
        data = self._storage.read() or {}
        found = []
        for key, entry in (data.get(SYNC_TABLE) or {}).items():
            if not entry.get("c") and "a" not in entry:
                continue
            table, record_id = split_key(key)
            versions = versions_of(entry, (data.get(table) or {}).get(record_id))
            shown = versions[0]
            others = tuple(x for x in versions[1:] if x.content != shown.content)
            if others or "a" in entry:
                found.append(Conflict(key, versions[0], others, aside="a" in entry))
        return sorted(found, key=lambda c: c.shown.t, reverse=True)

    def device_names(self) -> dict[str, str]:
        """Computer names by id: this one's and those whose files were read."""
        names = dict(self._others.names) if self._others is not None else {}
        names[self.device] = str(meta_of(self._storage.read() or {}).get("name") or self.device)
        return names

    def decide(self, key: str, version: Version) -> None:
        """Keep `version` of a record changed on two computers, on every computer."""
        assert self._stamper is not None
        self.before_change()
        self._may_hold_aside = True
        with self._storage.changing():
            data = self._storage.read() or {}
            ops = self._stamper.decide(data, key, version.doc)
            ops += settle(data, self.kinds, [key])
            self._storage.write(data, ops)
            self._absorbed(ops)

    _may_hold_aside = True
    """Whether a record may be held aside (`sharing.settle`): unknown at open; only taking
    in another computer's changes or deciding between versions holds one aside, so a save
    of this computer's own need not look through every stamp."""

    def _bring_back(self) -> None:
        """Records held aside that fit again (what they point to is back) are shown again,
        here and so on every computer."""
        if self._stamper is None or self.read_only:
            return
        if not self._may_hold_aside:
            return
        with self._storage.changing():
            data = self._storage.read() or {}
            ops = settle(data, self.kinds) if held_aside(data) else []
            if ops:
                self._storage.write(data, ops)
                self._absorbed(ops)
            self._may_hold_aside = bool(held_aside(data))

    def _absorbed(self, ops: list[list[Any]]) -> None:
        """The records' caches brought up to what was just written behind the tables' back
        (records taken in, a conflict decided), record by record: rebuilding them all would
        cost the screen a tenth of a second at ten years."""
        for op in ops:
            records = self._records.get(op[0])
            if records is None or len(op) != 3:
                continue
            if records._built_at != self._storage.renewed_at:
                continue  # built again from the data when next asked
            if op[2] is None:
                records._forget(int(op[1]))
            else:
                records._remember(records.decode(dict(op[2]), int(op[1])))
        self._tables, self._tables_at = {}, -1  # TinyDB's tables keep the next id

    def devices(self) -> list[Device]:
        """Every computer whose file is in the folder, this one first."""
        assert self._others is not None
        mine = self._storage.read() or {}
        name = str(meta_of(mine).get("name", ""))
        found = [Device(self.device, name, self.path, True, _latest_stamp(mine), False)]
        every = folder_files(self.path.parent)
        for device_id, path in sorted(every.devices.items()):
            if path == self.path:
                continue
            found.append(_device_from(path, device_id, self.sealer, self._others.forgotten))
        if every.first is not None and every.first != self.path:
            found.append(_device_from(every.first, "", self.sealer, self._others.forgotten))
        return found

    def forget_device(self, device_id: str) -> None:
        """Stop reading a computer's file (its changes taken in so far stay)."""
        assert self._others is not None
        with self._storage.changing():
            data = self._storage.read() or {}
            meta = meta_of(data)
            forgotten = sorted({*meta.get("forgotten", []), device_id})
            changed = {**meta, "forgotten": forgotten}
            data[META_TABLE]["1"] = changed
            self._storage.write(data, [[META_TABLE, "1", changed]])
        self._others.forgotten.add(device_id)

    def records(self, table: str) -> list[Any]:
        """Every stored record of a kind, in no particular order."""
        return self._records[table].all()

    def save_record(self, record: Any) -> Any:
        """Save a record of any kind: through the store's own save for its kind where there
        is one, else checked by the domain, its links checked, and saved."""
        kind = kind_of(record, self.kinds)
        if kind.save is not None:
            return kind.save(self, record)
        _valid(kind.check, record)
        for link in kind.links:
            target = getattr(record, link.field)
            if target is None and link.optional:
                continue
            if self._records[link.to].get(target) is None:
                what = kind_named(link.to, self.kinds).one
                raise StoreError(f"That {what} no longer exists.")
        return self._records[kind.table].save(record)

    @property
    def version(self) -> int:
        """Different whenever anything Aspire reads may have changed, so that what is worked
        out from the records can be kept until then."""
        self._storage.read()
        self._table(self.kinds[0].table)  # notices a file changed behind Aspire's back
        return self._storage.revision

    @property
    def renewed_at(self) -> int:
        """The `version` at which every record was last read anew (not changed through the
        store): whatever was kept per record before it can be let go."""
        self._table(self.kinds[0].table)
        return self._storage.renewed_at

    def checkins_stamp(self, goal_id: int) -> int:
        """Different whenever the goal's check-ins change, while `renewed_at` stays: so that
        what is worked out from one goal's check-ins is redone only for that goal."""
        return self._checkins.stamp(goal_id)

    def latest_checkins(self) -> dict[int, date]:
        """The day of each goal's latest check-in, for goals that have one. For check-ins
        not decoded yet, the day as the file writes it (noted when opening glanced at them)."""
        later = self._checkins.later_keys()
        latest: dict[int, date] = {}
        for goal_id in list(later):
            on = self._latest_later.get(goal_id, "")
            if len(on) == 10 and on[4] == on[7] == "-":  # as Aspire writes a day: ordered
                try:
                    latest[goal_id] = date.fromisoformat(on)
                    continue
                except ValueError:
                    pass
            self._checkins.by(goal_id)  # written some other way: decoded, and so checked
        for goal_id, bucket in self._checkins.index_decoded():
            if bucket:
                latest[goal_id] = max(c.on for c in bucket.values())
        return latest

    def write_in_background(self, on_failure: Callable[[str], None] | None = None) -> None:
        """Saves return once the change is made and encoded; a thread of the store's own puts
        it on disk. `on_failure` hears, on that thread, when one could not be saved; the store
        then goes back to what the file holds."""
        self._storage.write_in_background(on_failure, keep_unsaved=self._keep_unsaved)

    def _keep_unsaved(self, data: bytes) -> str:
        """A save that found the file changed by another program, kept as a backup."""
        kept = take_backup(self.path, datetime.now(), "unsaved", data=data)
        return str(kept.relative_to(self.path.parent))

    def flush(self) -> None:
        """Wait until every change so far is on disk, trying again what the disk refused;
        StoreError if something could not be saved."""
        self._storage.flush()

    @property
    def unsaved(self) -> str | None:
        """Why changes Aspire shows are not on disk yet (a full disk, say), while they are
        not: they are written with the next change, or by `retry_saving`."""
        return self._storage.unsaved

    def retry_saving(self) -> None:
        """Try again, in the background, to write what the disk refused."""
        self._storage.retry()

    def backups(self) -> list[Backup]:
        self.launch_backup_problem()  # listed once it is written
        return list_backups(self.path)

    def back_up(self, now: datetime, reason: str = "manual") -> Path:
        self.launch_backup_problem()
        self._storage.fold()  # the backup is a copy of the file: it must hold every change
        return take_backup(self.path, now, reason)

    def restore_backup(self, name: str, now: datetime) -> Path:
        """Put a backup back, after saving the current file as one more backup."""
        self.launch_backup_problem()
        data = _backup_data(find_backup(self.path, name), self.kinds, self.sealer)
        self._storage.fold()  # the copy kept must hold every change
        saved = take_backup(self.path, now, "before-restore")
        self._replace_all(data)
        return saved

    @property
    def sealer(self) -> Sealer:
        """What encrypts the folder's files (nothing, for a plain folder)."""
        return self._storage.sealer

    @classmethod
    def restore_folder(
        cls, folder: Path, name: str, now: datetime, key: DataKey | None = None
    ) -> Path | None:
        """Restore without opening the current file, which may be the damaged thing being
        replaced: it is kept as a backup, whatever its bytes, with the changes of the log
        beside it replayed when they build on those bytes (`_with_its_log`), so that putting
        that backup back loses none of them. The log itself is moved into `backups/` next to
        that copy, so that it is never replayed onto the file restored."""
        path = own_data_file(Path(folder))
        sealer = _sealer_for(Path(folder), key)
        backup = find_backup(path, name)
        data = _backup_data(backup, sealer=sealer)
        if folder_files(Path(folder)).devices or path.name != DATA_FILE_NAME:
            _restamped(path, data, sealer)  # a shared folder: the backup wins everywhere
        lock = FolderLock(path)
        lock.acquire()
        try:
            _check_kind(path)  # its bytes are kept first: never wait on a pipe for them
            if path.exists():
                saved = take_backup(path, now, "before-restore", data=_with_its_log(path, sealer))
            else:
                saved = None
            _move_log_aside(path, saved, now)
            try:
                atomic_write(path, sealer.seal(encode_json(data)))
            except OSError as error:
                raise StoreError(f"Could not write {path} ({error.strerror}).") from None
        finally:
            lock.release()
        return saved

    def _replace_all(self, data: dict[str, Any]) -> None:
        self.start_launch_backup()
        if self._stamper is not None:
            tables = [kind.table for kind in self.kinds]
            restamp(self._storage.read() or {}, data, tables, self._stamper)
        self._storage.write(data)
        self._storage.renew()  # the tables' next ids and the records belong to the old content

    _steady = 0

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Many reads in a row (working out hundreds of goals, say): the file is looked at
        for changes by others once, at the start, instead of before every read."""
        self._table(self.kinds[0].table)
        self._steady += 1
        try:
            yield
        finally:
            self._steady -= 1

    def _table(self, name: str) -> Table:
        """The table, rebuilt if the file changed behind Aspire's back (TinyDB caches ids)."""
        if self._steady and self._tables:
            return self._tables[name]
        self._storage.read()
        renewed_at = self._storage.renewed_at
        if self._tables_at != renewed_at:
            self._tables = {  # no query cache: Aspire keeps its records itself (`_Records`)
                kind.table: AspireTable(self._storage, kind.table, cache_size=0)  # type: ignore[arg-type]
                for kind in self.kinds
            }
            self._tables_at = renewed_at
        return self._tables[name]

    @property
    def path(self) -> Path:
        return self._storage.path

    _named: Path | None = None

    @property
    def named_path(self) -> Path:
        """The data file as the data folder names it: `path`, or a link that leads to it."""
        return self._named or self.path

    def close(self) -> None:
        """Finish putting changes on disk, then let another Aspire have the folder."""
        try:
            self.launch_backup_problem()
            checked = not (self._unsound or self._checkins._later or self._stamps_later)
            if (self._unrecorded or self._unrecorded_names) and not self.read_only and checked:
                with contextlib.suppress(StoreError, DataFileError):  # read again next time
                    with self._storage.changing():
                        data = self._storage.read() or {}
                        self._storage.write(data, [self._record_seen(data)])
            self._storage.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    def close_keeping_lock(self) -> FolderLock | None:
        """Close, every change on disk, but keep the folder: no other Aspire may open it
        meanwhile (an encrypted Aspire locked, to open it again with `open(held_lock=)`)."""
        lock, self._lock = self._lock, None
        self.close()
        return lock

    def forget(self) -> None:
        """After `close`: every record held and the key let go (an encrypted Aspire locked
        while idle), so that nothing decrypted is kept by the store. Python cannot wipe
        memory; this drops the references, and the collector frees what they held."""
        self._start_records()
        self._tables, self._tables_at = {}, -1
        self._others = None  # it holds the key too
        self.taken_at_open = None
        with self._storage.changing():
            self._storage.forget_everything()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Changes made inside reach the file together in one atomic write, or not at all."""
        with self._storage.batch():  # undone whole on failure, caches renewed
            yield

    def clear_all(self) -> None:
        """Remove every record (inside a transaction, for a replacing import)."""
        self.start_launch_backup()
        for kind in self.kinds:
            self._table(kind.table).truncate()
        self._storage.renew()  # every record's cache starts again

    # Reflections -----------------------------------------------------------------------

    def reflections(self) -> list[Reflection]:
        """Newest first."""
        return sorted(self._reflections.all(), key=lambda r: (r.on, r.id or 0), reverse=True)

    def reflection(self, reflection_id: int) -> Reflection | None:
        return self._reflections.get(reflection_id)

    def save_reflection(self, reflection: Reflection) -> Reflection:
        return self.save_record(reflection)  # type: ignore[no-any-return]

    def delete_reflection(self, reflection_id: int) -> None:
        self._reflections.remove([reflection_id])

    # Aspirations -----------------------------------------------------------------------

    def aspirations(self) -> list[Aspiration]:
        """Active ones first, then archived, each in the order they were adopted."""
        return sorted(self._aspirations.all(), key=lambda a: (not a.active, a.id or 0))

    def aspiration(self, aspiration_id: int) -> Aspiration | None:
        return self._aspirations.get(aspiration_id)

    def save_aspiration(self, aspiration: Aspiration) -> Aspiration:
        saved = self.save_record(aspiration)
        self._bring_back()  # a ladder given back its level, say
        return saved  # type: ignore[no-any-return]

    def delete_aspiration(self, aspiration_id: int) -> None:
        """Its goals and their check-ins go with it, in one write; journal entries about it
        stay, no longer linked."""
        goal_ids = [g.id for g in self.goals(aspiration_id) if g.id is not None]
        with self._storage.batch():  # undone whole on failure, caches renewed
            for reflection in self.reflections():
                if reflection.aspiration_id == aspiration_id:  # the entry stays, unlinked
                    self._reflections.save(dataclasses.replace(reflection, aspiration_id=None))
            self._checkins.remove([c.id for c in self.checkins() if c.goal_id in goal_ids and c.id])
            self._goals.remove(goal_ids)
            self._aspirations.remove([aspiration_id])

    # Goals -----------------------------------------------------------------------------

    def goals(self, aspiration_id: int | None = None) -> list[Goal]:
        goals = self._goals.all()
        if aspiration_id is not None:
            goals = [g for g in goals if g.aspiration_id == aspiration_id]
        return sorted(goals, key=lambda g: g.id or 0)

    def goal(self, goal_id: int) -> Goal | None:
        return self._goals.get(goal_id)

    def save_goal(self, goal: Goal) -> Goal:
        _valid(check_goal, goal)
        aspiration = self.aspiration(goal.aspiration_id)
        if aspiration is None:
            raise StoreError("That aspiration no longer exists.")
        _valid(lambda g: check_goal_on_ladder(g, aspiration.ladder), goal)
        saved = self._goals.save(goal)
        self._bring_back()
        return saved

    def delete_goal(self, goal_id: int) -> None:
        with self._storage.batch():  # undone whole on failure, caches renewed
            self._checkins.remove([c.id for c in self.checkins(goal_id) if c.id is not None])
            self._goals.remove([goal_id])

    # Check-ins -------------------------------------------------------------------------

    def checkins(self, goal_id: int | None = None, *, ordered: bool = True) -> list[CheckIn]:
        """Oldest first, the order progress adds up in (`ordered=False`: in no particular
        order, for what sorts them itself)."""
        checkins = self._checkins.all() if goal_id is None else self._checkins.by(goal_id)
        return sorted(checkins, key=lambda c: (c.on, c.id or 0)) if ordered else checkins

    def check_checkin(self, checkin: CheckIn) -> None:
        """Raise StoreError, saying why, if `checkin` cannot be saved: a form asks before it
        closes, so that nothing typed is lost."""
        goal = self.goal(checkin.goal_id)
        if goal is None:
            raise StoreError("That goal no longer exists.")
        _valid(lambda c: check_checkin(c, goal), checkin)
        others = [c for c in self.checkins(goal.id) if c.id != checkin.id]
        _check_fit(goal, [*others, checkin])

    def save_checkin(self, checkin: CheckIn) -> CheckIn:
        self.check_checkin(checkin)
        return self._checkins.save(checkin)

    def log_checkin(self, checkin: CheckIn) -> CheckIn:
        """Save a check-in a person logged. One dated before its goal's start moves the start
        back to its day, in the same write: the form asked first, and progress and the pace
        line then begin together."""
        goal = self.goal(checkin.goal_id)
        moved = start_moved_back(goal, checkin.on) if goal is not None else None
        with self.transaction():
            if moved is not None:
                self.save_goal(moved)
            return self.save_checkin(checkin)

    def add_checkins(self, goal: Goal, checkins: list[CheckIn]) -> list[CheckIn]:
        """Many new check-ins on one goal at once (a generated history, say), checked as
        `save_checkin` checks one."""
        if goal.id is None or self.goal(goal.id) is None:
            raise StoreError("That goal no longer exists.")
        for checkin in checkins:
            if checkin.goal_id != goal.id or checkin.id is not None:
                raise StoreError("Only new check-ins of this goal can be added together.")
        _check_fit(goal, [*self.checkins(goal.id), *checkins])
        return self._checkins.add_many(checkins)

    def delete_checkin(self, checkin_id: int) -> None:
        self._checkins.remove([checkin_id])

    def put_back(self, goals: list[Goal], checkins: list[CheckIn]) -> None:
        """Return records to how they were, to undo an edit or a delete. Each comes back under
        its own id, unless a newer record has taken that id; then under a new one. Nothing
        changes if what was logged since no longer fits the goal as it was."""
        with self._storage.batch():  # undone whole on failure, caches renewed
            moved: dict[int, int] = {}
            for goal in goals:
                assert goal.id is not None
                _valid(check_goal, goal)
                if self.aspiration(goal.aspiration_id) is None:
                    raise StoreError("The aspiration of that goal no longer exists.")
                placed = self._put(self._goals, goal)
                if placed != goal.id:
                    moved[goal.id] = placed
            touched = {moved.get(g.id or 0, g.id) for g in goals}
            for checkin in checkins:
                owner = moved.get(checkin.goal_id, checkin.goal_id)
                if self.goal(owner) is None:
                    raise StoreError("The goal of that check-in no longer exists.")
                self._put(self._checkins, dataclasses.replace(checkin, goal_id=owner))
                touched.add(owner)
            for goal_id in touched:
                owner_goal = self.goal(goal_id or 0)
                if owner_goal is not None:
                    _check_fit(owner_goal, self.checkins(owner_goal.id))
        self._bring_back()  # a goal undeleted: check-ins held aside for it come back

    def _put(self, records: _Records[Any], record: Any) -> int:
        """Write `record` back under its id if that id is free or still its own."""
        same = [r for r in records.all() if r.uid == record.uid and r.id != record.id]
        if same:
            raise StoreError("That entry is back already (an import brought it); nothing to undo.")
        current = records.get(record.id)
        if current is not None and current.uid != record.uid:
            return int(records.save(dataclasses.replace(record, id=None)).id)
        records.put(record)
        return int(record.id)

    # Assessments ----------------------------------------------------------------------

    def assessments(self) -> list[Assessment]:
        """The finished ones, oldest first: the order a profile changes in."""
        done = [a for a in self._assessments.all() if a.finished is not None]
        return sorted(done, key=lambda a: (a.finished or a.started, a.id or 0))

    def unfinished_assessment(self) -> Assessment | None:
        """The sitting left half-way, to resume; there is at most one."""
        return draft(self._assessments.all())  # type: ignore[no-any-return]

    def save_assessment(self, assessment: Assessment) -> Assessment:
        return self.save_record(assessment)  # type: ignore[no-any-return]

    # Passions and values ---------------------------------------------------------------

    def passions(self) -> Passions | None:
        """The one set of lists, once the person has written any."""
        return newest(self._passions.all())  # type: ignore[no-any-return]

    def save_passions(self, passions: Passions) -> Passions:
        _valid(check_passions, passions)
        current = self.passions()
        if passions.id is None and current is not None:
            passions = dataclasses.replace(passions, id=current.id, uid=current.uid)
        return self._passions.save(passions)

    # Reviews ---------------------------------------------------------------------------

    def reviews(self) -> list[Review]:
        """The finished ones, newest first."""
        done = [r for r in self._reviews.all() if r.finished is not None]
        return sorted(done, key=lambda r: (r.finished or r.started, r.id or 0), reverse=True)

    def review(self, review_id: int) -> Review | None:
        return self._reviews.get(review_id)

    def unfinished_review(self) -> Review | None:
        """The review left half-way, to resume; there is at most one."""
        return draft(self._reviews.all())  # type: ignore[no-any-return]

    def save_review(self, review: Review) -> Review:
        _valid(check_review, review)
        if review.finished is None:
            other = self.unfinished_review()
            if other is not None and other.id != review.id:
                raise StoreError("Another review is under way: finish or leave that one first.")
        return self._reviews.save(review)

    def _new_ids(self, records: _Records[Any], count: int) -> list[int] | None:
        """Ids for new records; None for TinyDB's own (the next after the largest). In a shared
        folder, ids start from the time in microseconds-ish and a random part, so that two
        computers adding records while apart never give two records one id."""
        base = records.next_id() if records.next_id is not None else None
        if not self.shared:
            return None if base is None else list(range(base, base + count))
        taken = (self._storage.read() or {}).get(records.name, {})
        if records.high_water is None:
            records.high_water = max(map(int, taken), default=0)
        now = int(time.time() * 1000) * 1000 + secrets.randbelow(1000)
        start = max(base or 0, now, records.high_water + 1)  # never before the last one made
        ids: list[int] = []
        while len(ids) < count:
            if str(start) not in taken:
                ids.append(start)
            start += 1
        records.high_water = ids[-1]
        return ids

    def _next_journal_id(self) -> int:
        """Reflections and reviews draw their ids from one count, so that within a day the
        journal can tell which was made last (its ids are the order things were written in)."""
        journal = [*self._reflections.all(), *self._reviews.all()]
        return max((r.id or 0 for r in journal), default=0) + 1

    def delete_review(self, review_id: int) -> None:
        self._reviews.remove([review_id])

    def is_empty(self) -> bool:
        return not any(len(self._table(kind.table)) for kind in self.kinds)


class _OtherComputers(Exception):
    """`aspire.json` belongs to another computer: this one writes a file of its own."""


@dataclasses.dataclass(frozen=True)
class Conflict:
    key: str
    shown: Version
    others: tuple[Version, ...]
    """The versions kept from other computers (each differs from the one shown)."""
    aside: bool = False
    """The shown version points to a record deleted on another computer: it is held aside."""


@dataclasses.dataclass(frozen=True)
class Device:
    id: str
    name: str
    path: Path
    this: bool
    last_change: int
    """Its latest stamp (`Stamper`): milliseconds since 1970, shifted left 16 bits."""
    forgotten: bool
    problem: str = ""


def _device_from(path: Path, device_id: str, sealer: Sealer, forgotten: set[str]) -> Device:
    try:
        data = AtomicJSONStorage(path, read_only=True, sealer=sealer).read() or {}
    except (DataFileError, StoreError, OSError) as error:
        return Device(device_id, "", path, False, 0, device_id in forgotten, str(error))
    meta = meta_of(data)
    found = device_id or str(meta.get("device") or "")
    return Device(
        found, str(meta.get("name", "")), path, False, _latest_stamp(data), found in forgotten
    )


def _restamped(path: Path, data: dict[str, Any], sealer: Sealer) -> None:
    """A backup put back in a shared folder, stamped as a change made now on top of what the
    file holds (as much of it as reads), so that other computers take it too; in place."""
    current: dict[str, Any] = {}
    with contextlib.suppress(StoreError, DataFileError, OSError, AttributeError, TypeError):
        current = AtomicJSONStorage(path, read_only=True, sealer=sealer).read() or {}
    if not isinstance(current.get(SYNC_TABLE, {}), dict):
        current = {}
    device = DEVICE_FILE.fullmatch(path.name)
    owner = device.group(1) if device else meta_of(current).get("device") or this_device()
    stamper = Stamper(str(owner), max(_latest_stamp(current), _latest_stamp(data)))
    restamp(current, data, [kind.table for kind in KINDS], stamper)


def _latest_stamp(data: dict[str, Any]) -> int:
    latest = 0
    for entry in (data.get(SYNC_TABLE) or {}).values():
        t = entry.get("t", 0)
        if t > latest:
            latest = t
        for kept in entry.get("c") or ():
            if kept.get("t", 0) > latest:
                latest = kept["t"]
    return latest


def _check_fit(goal: Goal, checkins: list[CheckIn]) -> None:
    try:
        check_checkins_fit(goal, checkins)
    except ValidationError as error:
        raise StoreError(str(error)) from None


def _valid(check: Callable[[T], T], record: T) -> None:
    try:
        check(record)
    except ValidationError as error:
        raise StoreError(str(error)) from None


def _prepare_folder(folder: Path, own_folder: bool) -> None:
    if folder.is_dir():
        if own_folder:
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
        return
    if folder.exists():
        raise DataFileError(folder, "is not a folder.", "Name a folder with --data-dir.")
    try:
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)
    except OSError as error:
        raise DataFileError(
            folder, f"cannot be created ({error.strerror}).", "Name another folder with --data-dir."
        ) from None


def _check_kind(path: Path) -> None:
    try:
        check_kind(os.stat(path))
    except FileNotFoundError:
        return
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror}).") from None
    except Refused as refused:
        raise DataFileError(path, str(refused), "Move it aside, then restore again.") from None


def _sealer_for(folder: Path, key: DataKey | None) -> Sealer:
    """What encrypts the folder's files: nothing for a plain folder; the key for an encrypted
    one (its key file there), which is refused without it."""
    encrypted = os.path.lexists(folder / KEY_FILE_NAME)
    if encrypted and key is None:
        raise NeedsPassphrase(
            f"The data in {folder} is encrypted: Aspire needs its passphrase to open it."
        )
    if key is not None and not encrypted and switch_under_way(folder) is None:
        raise StoreError(f"The data in {folder} is not encrypted; it has no key file.")
    if not encrypted or key is None:
        return Sealer(None)
    return Sealer(key, switching=verified_switch(folder, key) is not None)


def _with_its_log(path: Path, sealer: Sealer) -> bytes | None:
    """The data file's data with its change log replayed, when the log builds on the file's
    bytes (what a kill left): the data as it was, whole, read as Aspire reads it. None when
    there is no such log, or either cannot be read; the file's bytes are then kept as they
    are, the log beside them."""
    if not log_path(path).exists():
        return None
    reader = AtomicJSONStorage(path, read_only=True, sealer=sealer)
    try:
        data = reader.read()
    except (StoreError, DataFileError, OSError, AttributeError, TypeError):  # a damaged file
        return None
    return sealer.seal(encode_json(data)) if data is not None and reader.replayed else None


def _move_log_aside(path: Path, beside: Path | None, now: datetime) -> None:
    """The change log of a file about to be replaced whole, moved into `backups/` (next to
    the copy of that file, when there is one)."""
    try:
        log = log_path(path.resolve())
        if not log.exists() and not log.is_symlink():
            return
        folder = backup_folder(path)
        folder.parent.mkdir(mode=0o700, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        stem = beside.stem if beside is not None else f"aspire-{now:%Y%m%d-%H%M%S}-before-restore"
        os.replace(log, folder / f"{stem}{LOG_SUFFIX}")
    except (OSError, RuntimeError) as error:
        raise StoreError(
            f"Could not move {log_path(path).name} aside before restoring ({error}); "
            "nothing was changed."
        ) from None


def _keep_log_aside(log: Path, path: Path, now: datetime) -> str:
    """A change log that builds on another data file than the one found (replaced by another
    program, or copied without its log) is never replayed onto this one, nor thrown away: it
    goes to `backups/`, and the person is told."""
    folder = path.parent / "backups"
    target = folder / f"aspire-{now:%Y%m%d-%H%M%S}-changes-not-applied{LOG_SUFFIX}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        atomic_write(target, read_file(log))
        log.unlink()
    except (OSError, Refused) as error:
        raise DataFileError(
            log,
            f"holds changes to another {path.name} than the one found, and could not be "
            f"kept aside ({error}).",
            "Move it aside yourself; Aspire then opens the data file as it is.",
        ) from None
    return (
        f"{log.name} held changes made to another {path.name} than the one found (another "
        "program replaced it, or it was copied without them), so Aspire opened the file as "
        f"it is and kept those changes in backups/{target.name}."
    )


def _backup_data(
    backup: Backup, kinds: Sequence[RecordKind] = KINDS, sealer: Sealer | None = None
) -> dict[str, Any]:
    """A backup's content, upgraded if it is older, and checked like any data file."""
    try:
        data = decode_json(backup.path, (sealer or Sealer(None)).open(read_file(backup.path)))
    except Refused as refused:
        raise StoreError(f"{backup.path}: {refused}") from None
    except OSError as error:
        raise StoreError(f"Cannot read {backup.path} ({error.strerror}).") from None
    schema = check_schema(backup.path, data)
    if schema < SCHEMA_VERSION:
        data = migrate(data, schema)
    check_file(backup.path, data, kinds)
    return data
