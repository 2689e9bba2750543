"""A TinyDB table whose writes cost what they change, not the size of the table.

TinyDB's `Table._update_table` copies the whole table twice on every write, turning its
string ids into ints and back: at 25,000 check-ins that is about 10 ms for adding one. Here
the update works on the stored table itself, through a view with int ids that notes which
records the update set, changed or removed: the storage appends just those to its change log.

This is the one place Aspire uses a private TinyDB name. TinyDB 4 offers `table_class` to put
a table of one's own in, but no public hook that sees what a write changed: every write method
(`insert`, `insert_multiple`, `update`, `update_multiple`, `upsert`, `remove`, `truncate`)
goes through `_update_table`, and only there. tests/test_tinydb_private.py fails if a TinyDB
upgrade changes that, and if any other module reaches for a TinyDB private name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb.table import Table

from aspire_tui.store.migrations import META_TABLE
from aspire_tui.store.storage import AtomicJSONStorage


class _IntIds(MutableMapping[int, Mapping[str, Any]]):
    """The stored table (string ids, as JSON keeps them) seen with int ids, as TinyDB's
    updaters expect."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.touched: dict[str, None] = {}
        """Ids set, removed or handed out (TinyDB's update changes a record in place), in order."""

    def __getitem__(self, doc_id: int) -> Any:
        doc = self.raw[str(doc_id)]
        self.touched[str(doc_id)] = None
        return doc

    def __setitem__(self, doc_id: int, doc: Mapping[str, Any]) -> None:
        self.raw[str(doc_id)] = doc
        self.touched[str(doc_id)] = None

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]
        self.touched[str(doc_id)] = None

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(doc_id) for doc_id in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)

    def clear(self) -> None:
        for doc_id in self.raw:  # each one removed: a stamp each, for other computers
            self.touched[doc_id] = None
        self.raw.clear()

    def changes(self, table: str) -> list[list[Any]]:
        """What the update did, as change-log entries (`change_log.Op`)."""
        return [[table, doc_id, self.raw.get(doc_id)] for doc_id in self.touched]


class AspireTable(Table):
    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        storage = self.storage
        assert isinstance(storage, AtomicJSONStorage)  # the one storage Aspire's tables use
        with storage.changing():
            tables = storage.read() or {}
            raw = tables.setdefault(self.name, {})
            view = _IntIds(raw)
            try:
                updater(view)  # type: ignore[arg-type]
            except BaseException:
                storage.forget()  # the stored copy may be half changed: read the file again
                raise
            changes = view.changes(self.name)
            if storage.stamper is not None:
                changes += storage.stamper.stamp(tables, changes, (META_TABLE,))
            storage.write(tables, changes)
        self.clear_cache()
