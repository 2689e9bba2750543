"""One migration chain: each schema step declared once, and applied alike to the records of a
data file and to those of an export of the same data."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.store import AspireStore, migrations
from aspire_tui.store.exchange import ImportFileError, export_json, import_export, read_export
from aspire_tui.store.kinds import KINDS
from aspire_tui.store.migrations import (
    FIRST_EXPORT_SCHEMA,
    SCHEMA_VERSION,
    STEPS,
    migrate,
    upgrade_export,
)
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures"
OLD_VERSIONS = range(FIRST_EXPORT_SCHEMA, SCHEMA_VERSION)


def old_file(version: int) -> dict[str, Any]:
    """The first file format's fixture, brought up to `version` and no further."""
    data = json.loads((FIXTURES / "schema-1.json").read_text())
    return migrate(data, 1, to=version)


def as_export(data: dict[str, Any], version: int) -> dict[str, Any]:
    """The export an Aspire of `version` writes of a data file: each table's records as a
    list, sorted by uid, with links named by the uid of the record they point to."""
    export: dict[str, Any] = {"format": "aspire-export", "schema": version}
    for kind in KINDS:
        if kind.table not in data:
            continue
        records = []
        for doc in data[kind.table].values():
            doc = dict(doc)
            for link in kind.links:
                if link.field in doc:
                    target = doc.pop(link.field)
                    doc[link.ref] = None if target is None else data[link.to][str(target)]["uid"]
            records.append(doc)
        export[kind.table] = sorted(records, key=lambda doc: doc["uid"])
    return export


def test_every_schema_step_is_declared_once_and_in_order() -> None:
    assert [step.to for step in STEPS] == list(range(2, SCHEMA_VERSION + 1))
    upgrades = [f for step in STEPS for f in step.records.values()]
    assert upgrades, "the steps upgrade records table by table"
    tables = {kind.table for kind in KINDS}
    assert all(set(step.records) <= tables for step in STEPS)


def test_the_fixtures_are_one_data_set_as_a_file_and_as_an_export() -> None:
    """So that what the next tests build is what an old Aspire wrote."""
    written = json.loads((FIXTURES / "export-schema-2.json").read_text())
    for table in ("aspirations", "goals", "checkins", "reflections"):
        written[table].sort(key=lambda doc: doc["uid"])
    file = json.loads((FIXTURES / "schema-2.json").read_text())
    assert as_export(file, 2) == written


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_a_file_and_its_export_of_each_old_version_upgrade_to_the_same_records(
    version: int,
) -> None:
    file = old_file(version)
    export = as_export(file, version)
    snapshot = json.dumps(export, sort_keys=True)
    assert upgrade_export(export, version) == as_export(migrate(file, version), SCHEMA_VERSION)
    assert json.dumps(export, sort_keys=True) == snapshot, "the export read is left as it was"


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_file_and_its_old_export_open_as_the_same_data(tmp_path: Path, version: int) -> None:
    file = old_file(version)
    (tmp_path / "file").mkdir()
    (tmp_path / "file" / "aspire.json").write_text(json.dumps(file))
    opened = AspireStore.open(tmp_path / "file")
    imported = AspireStore.open(tmp_path / "import")
    raw = json.dumps(as_export(file, version)).encode()
    import_export(imported, read_export(Path("old.json"), raw, TODAY))
    assert export_json(imported) == export_json(opened)
    opened.close()
    imported.close()


def recording(calls: set[tuple[int, str]]) -> tuple[migrations.Step, ...]:
    """The chain's steps, each record upgrade noting (step, table) when it runs."""

    def spy(to: int, table: str, upgrade: Callable[..., Any]) -> Callable[..., Any]:
        def noted(*args: Any) -> Any:
            calls.add((to, table))
            return upgrade(*args)

        return noted

    return tuple(
        replace(
            step,
            records={t: spy(step.to, t, up) for t, up in step.records.items()},
        )
        for step in STEPS
    )


def test_a_file_and_an_export_upgrade_through_the_same_step_functions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_file: set[tuple[int, str]] = set()
    monkeypatch.setattr(migrations, "STEPS", recording(by_file))
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "schema-2.json", tmp_path / "data" / "aspire.json")
    AspireStore.open(tmp_path / "data").close()

    by_export: set[tuple[int, str]] = set()
    monkeypatch.setattr(migrations, "STEPS", recording(by_export))
    raw = (FIXTURES / "export-schema-2.json").read_bytes()
    read_export(Path("old.json"), raw, TODAY)

    assert {to for to, _ in by_file} == {3, 4, 5, 8}
    assert by_export == by_file


@pytest.mark.parametrize("schema", [1, 0, -3, "2", True, None, 2.5])
def test_an_export_of_no_version_an_export_was_written_at_is_refused(
    tmp_path: Path, schema: object
) -> None:
    """No Aspire wrote an export before schema 2 (exports came with uids)."""
    store = AspireStore.open(tmp_path / "data")
    before = (tmp_path / "data" / "aspire.json").read_bytes()
    raw = json.dumps({**as_export(old_file(2), 2), "schema": schema}).encode()
    with pytest.raises(ImportFileError, match=f"export of data version {schema!r}"):
        read_export(Path("old.json"), raw, TODAY)
    store.close()
    assert (tmp_path / "data" / "aspire.json").read_bytes() == before
