"""The record-kind registry: every kind declared once, and everything that lists kinds uses it."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.cli import confirm_replace
from aspire_tui.domain import models
from aspire_tui.domain.models import Aspiration, Goal, Review, Target, new_uid
from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import AspireStore, DataFileError, StoreError, codec
from aspire_tui.store.backups import describe_held
from aspire_tui.store.exchange import (
    export_data,
    export_json,
    import_export,
    read_export,
    records_here,
)
from aspire_tui.store.file_check import check_file
from aspire_tui.store.kinds import KINDS, Link, RecordKind, kind_named
from aspire_tui.store.migrations import RECORD_TABLES, SCHEMA_VERSION
from tests.conftest import TODAY, read_data
from tests.fixtures.career import populate

TABLES = {kind.table for kind in KINDS}


def a_bit_of_everything(store: AspireStore) -> None:
    """One record of every kind there is, at least (the demo has all but a review)."""
    populate(store, TODAY)
    store.save_review(Review(TODAY, ("closing",)))


# The registry is the one list -------------------------------------------------------------


def test_every_kind_of_record_is_declared_once_after_the_kinds_it_links_to() -> None:
    tables = [kind.table for kind in KINDS]
    assert len(tables) == len(set(tables)) == len({kind.type for kind in KINDS})
    records = {
        kept
        for kept in vars(models).values()
        if dataclasses.is_dataclass(kept)
        and {"uid", "id"} <= {f.name for f in dataclasses.fields(kept)}
    }
    assert records == {kind.type for kind in KINDS}, "every record the domain keeps has a kind"
    seen: set[str] = set()
    for kind in KINDS:
        for link in kind.links:
            assert link.to in seen, f"{kind.table} links to {link.to}, declared later"
            assert link.field in {f.name for f in dataclasses.fields(kind.type)}
        seen.add(kind.table)


def test_the_store_writes_exactly_the_registrys_tables(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    try:
        a_bit_of_everything(store)
        written = set(read_data(data_dir)) - {"_meta", "_sync"}
        assert written == TABLES, "every kind is written, and nothing the registry lacks"
        with store.transaction():
            store.clear_all()  # makes every table the store has
        assert set(read_data(data_dir)) - {"_meta", "_sync"} == TABLES
    finally:
        store.close()
    assert set(RECORD_TABLES) == TABLES


def test_export_writes_every_kind_and_reads_back_every_kind(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    try:
        a_bit_of_everything(store)
        data = export_data(store)
        here = records_here(store)
    finally:
        store.close()
    assert set(data) - {"format", "schema"} == TABLES
    assert all(data[table] for table in TABLES), "every kind has a record in it"
    export = read_export(Path("x"), json.dumps(data).encode(), TODAY)
    assert export.count == here == sum(len(data[table]) for table in TABLES)


def test_the_file_check_refuses_a_table_the_registry_lacks(tmp_path: Path) -> None:
    data = {"_meta": {"1": {"schema": SCHEMA_VERSION}}, **{t: {} for t in TABLES}, "notes": {}}
    with pytest.raises(DataFileError, match="parts Aspire does not know: notes"):
        check_file(tmp_path / "aspire.json", data)
    del data["notes"]
    assert set(check_file(tmp_path / "aspire.json", data)) == TABLES


def test_backups_name_every_kind_in_words() -> None:
    said = describe_held({kind.table: 2 for kind in KINDS})
    for kind in KINDS:
        assert f"2 {kind.many}" in said and kind.one != kind.many


# The drift it ends: a replace counted four kinds of the seven -----------------------------


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_a_replace_asks_about_every_record_here_reviews_and_profile_too(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AspireStore.open(data_dir)
    try:
        a_bit_of_everything(store)  # 3 + 6 + 14 + 3 + 2 + 1, and a review
        asked: list[str] = []

        def ask(prompt: str) -> str:
            asked.append(prompt)
            return "n"

        monkeypatch.setattr(sys, "stdin", _Terminal())
        assert not confirm_replace(store, 5, ask=ask)
    finally:
        store.close()
    assert asked and asked[0].startswith("Replace all 30 records in "), asked


# Adding a kind is one declaration ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Note:
    """A toy kind: a note on a goal."""

    goal_id: int
    text: str
    uid: str = dataclasses.field(default_factory=new_uid)
    id: int | None = None


def _encode_note(note: Note) -> dict[str, Any]:
    return {"uid": note.uid, "goal_id": note.goal_id, "text": note.text}


def _decode_note(doc: dict[str, Any], doc_id: int) -> Note:
    text, goal_id = doc.get("text"), doc.get("goal_id")
    if not isinstance(text, str) or not isinstance(goal_id, int):
        raise codec.CodecError("'text' should be text and 'goal_id' a number")
    return Note(goal_id, text, codec._uid(doc), doc_id)


def _check_note(note: Note) -> Note:
    if not note.text.strip():
        raise ValidationError("A note needs some text.")
    return note


NOTES = RecordKind(
    table="notes",
    type=Note,
    encode=_encode_note,
    decode=_decode_note,
    check=_check_note,
    one="note",
    many="notes",
    sorted_by="text",
    links=(Link("goal_id", "goals", "goal", missing="a note “{r.text}” is on no goal"),),
)
WITH_NOTES = (*KINDS, NOTES)


def test_a_new_kind_is_one_declaration_stored_checked_exported_imported_counted(
    tmp_path: Path,
) -> None:
    store = AspireStore.open(tmp_path / "a", kinds=WITH_NOTES)
    try:
        aspiration = store.save_aspiration(Aspiration("Lead a team", TODAY))
        goal = store.save_goal(Goal(aspiration.id or 0, "Hire", Target.number(3, "p"), TODAY))
        note = store.save_record(Note(goal.id or 0, "Ask Sam first"))
        with pytest.raises(StoreError, match="needs some text"):
            store.save_record(Note(goal.id or 0, "  "))
        with pytest.raises(StoreError, match="no longer exists"):
            store.save_record(Note(999, "On nothing"))
        assert store.records("notes") == [note]
        assert records_here(store) == 3
        data = export_data(store)
        text = export_json(store)
    finally:
        store.close()
    # Stored in a table of its own, and checked as every kind is when the file is opened.
    on_disk = read_data(tmp_path / "a")
    assert list(on_disk["notes"].values()) == [_encode_note(note)]
    reopened = AspireStore.open(tmp_path / "a", kinds=WITH_NOTES)
    assert reopened.records("notes") == [note]
    reopened.close()
    with pytest.raises(DataFileError, match="parts Aspire does not know: notes"):
        AspireStore.open(tmp_path / "a")  # an Aspire without the kind leaves the file alone
    damaged = {**on_disk, "notes": {"1": {**_encode_note(note), "goal_id": 7}}}
    with pytest.raises(DataFileError, match="notes/1 that points to nothing"):
        check_file(tmp_path / "x.json", damaged, WITH_NOTES)
    # Exported with its link as a uid, read back, imported and counted.
    assert data["notes"] == [{"uid": note.uid, "goal": goal.uid, "text": "Ask Sam first"}]
    export = read_export(Path("x"), text.encode(), TODAY, WITH_NOTES)
    assert export.count == 3
    with pytest.raises(StoreError, match="has parts Aspire does not know"):
        read_export(Path("x"), text.encode(), TODAY)
    target = AspireStore.open(tmp_path / "b", kinds=WITH_NOTES)
    try:
        assert import_export(target, export).added == 3
        (imported,) = target.records("notes")
        assert imported.text == "Ask Sam first" and imported.goal_id == target.goals()[0].id
        assert export_json(target) == text
    finally:
        target.close()
    assert kind_named("notes", WITH_NOTES) is NOTES
