"""The one private TinyDB name Aspire relies on (`Table._update_table`, overridden in
`store/table.py`) still carries every write, and nothing else in Aspire reaches for a private
TinyDB name. A TinyDB upgrade that changes either fails here."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest
from tinydb.table import Document, Table

from aspire_tui.store.storage import AtomicJSONStorage
from aspire_tui.store.table import AspireTable

PACKAGE = Path(__file__).parent.parent / "aspire_tui"


class _Recorded(AtomicJSONStorage):
    """The real storage, noting the changes each write says it made."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.said: list[list[Any]] = []

    def write(self, data: dict[str, Any], changes: list[Any] | None = None) -> None:
        self.said.append(changes or [])
        super().write(data, changes)


def test_update_table_keeps_the_shape_aspire_overrides() -> None:
    parameters = list(inspect.signature(Table._update_table).parameters)
    assert parameters == ["self", "updater"]


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (lambda t: t.insert({"a": 1}), [["t", "3", {"a": 1}]]),
        (
            lambda t: t.insert_multiple([{"a": 1}, {"a": 2}]),
            [["t", "3", {"a": 1}], ["t", "4", {"a": 2}]],
        ),
        (lambda t: t.update({"a": 9}, doc_ids=[1]), [["t", "1", {"a": 9}]]),
        (lambda t: t.update_multiple([({"a": 8}, lambda d: d["a"] == 2)]), None),
        (lambda t: t.upsert(Document({"a": 7}, doc_id=2)), [["t", "2", {"a": 7}]]),
        (lambda t: t.upsert(Document({"a": 6}, doc_id=5)), [["t", "5", {"a": 6}]]),
        (lambda t: t.remove(doc_ids=[1]), [["t", "1", None]]),
        # Each record removed, so that each is stamped as removed for other computers.
        (lambda t: t.truncate(), [["t", "1", None], ["t", "2", None]]),
    ],
    ids=[
        "insert",
        "insert_multiple",
        "update",
        "update_multiple",
        "upsert",
        "upsert_new",
        "remove",
        "truncate",
    ],
)
def test_every_tinydb_write_goes_through_update_table_and_says_what_it_changed(
    tmp_path: Path, write: Any, expected: list[Any] | None
) -> None:
    """Each write method of TinyDB's Table reaches Aspire's `_update_table`, and the changes
    it reports are what the table then holds for those records."""
    storage = _Recorded(tmp_path / "aspire.json")
    storage.write({"t": {"1": {"a": 1}, "2": {"a": 2}}})
    table = AspireTable(storage, "t")  # type: ignore[arg-type]
    write(table)
    changed = [said for said in storage.said[1:] if said]
    assert len(changed) == 1, "one write that changed something, through _update_table"
    said = changed[0]
    if expected is not None:
        assert said == expected
    held = (storage.read() or {}).get("t", {})
    for op in said:  # whatever it said is what the table holds now
        if len(op) == 3:
            assert held.get(op[1]) == op[2]
    assert said, "a write that changed something says so"


def _private_tinydb_uses(path: Path) -> set[str]:
    """Private attributes reached for in a module that imports TinyDB (or Aspire's table)."""
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in _TINYDB_PRIVATE:
            found.add(node.attr)
        elif isinstance(node, ast.FunctionDef) and node.name in _TINYDB_PRIVATE:
            found.add(node.name)
    return found


_TINYDB_PRIVATE = {
    *(name for name in dir(Table) if name.startswith("_") and not name.startswith("__")),
    "_query_cache",  # a table's private attributes (besides `_storage` and `_name`,
    "_next_id",  # whose names Aspire's own classes also use)
}


@pytest.mark.parametrize(
    "path", sorted(p for p in PACKAGE.rglob("*.py") if p.name != "table.py"), ids=str
)
def test_no_other_module_reaches_for_a_private_tinydb_name(path: Path) -> None:
    assert not _private_tinydb_uses(path)


def test_the_table_module_uses_only_update_table() -> None:
    assert _private_tinydb_uses(PACKAGE / "store" / "table.py") == {"_update_table"}
