"""Export, import and restore, each one use case (`use_cases/data.py`): driven on a real data
folder, then checked by what the files hold; and the command line and the palette shown to
go through the same code (the same bytes out, the same refusal)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from aspire_tui.cli import main
from aspire_tui.domain.models import Aspiration
from aspire_tui.presentation.text import one_line
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import ExportTargetExists, ImportFileError, export_json
from aspire_tui.use_cases.data import (
    Exported,
    Imported,
    Restored,
    check_export_to,
    export_to,
    import_planned,
    plan_import,
    read_import,
    restore_backup,
)
from tests.conftest import TODAY, docs
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, clear_field, make_app, notifications, type_text

NOW = datetime(2026, 11, 27, 9, 30, 0)
BROKEN = '{"format": "aspire-export", "schema": 2, "goals": [{"title": 1}]}'


def backups_named(data_dir: Path, reason: str) -> list[Path]:
    folder = data_dir / "backups"
    return sorted(p for p in folder.iterdir() if reason in p.name) if folder.exists() else []


def an_export(tmp_path: Path, name: str = "all.json") -> Path:
    """A JSON export of the career fixture (29 records), written by another folder."""
    other = AspireStore.open(tmp_path / f"source-{name}", backup=False)
    try:
        populate(other, TODAY)
        path = tmp_path / name
        path.write_text(export_json(other))
    finally:
        other.close()
    return path


# --- export ---------------------------------------------------------------------------------


def test_export_json_writes_a_private_file_holding_everything(
    store: AspireStore, tmp_path: Path
) -> None:
    populate(store, TODAY)
    target = tmp_path / "out.json"
    done = export_to(store, "json", target, TODAY, overwrite=False)
    assert done == Exported(path=target, format="json", replaced=False)
    assert target.read_text("utf-8") == export_json(store)
    assert json.loads(target.read_text())["format"] == "aspire-export"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_export_markdown_is_the_plan_dated_as_asked(store: AspireStore, tmp_path: Path) -> None:
    populate(store, TODAY)
    target = tmp_path / "plan.md"
    export_to(store, "markdown", target, TODAY, overwrite=False)
    plan = target.read_text("utf-8")
    assert plan.startswith("# ") and TODAY.isoformat() in plan


def test_export_replaces_a_file_only_when_asked_and_says_it_did(
    store: AspireStore, tmp_path: Path
) -> None:
    target = tmp_path / "there.json"
    target.write_text("mine")
    assert check_export_to(store, target, overwrite=True) is True
    with pytest.raises(ExportTargetExists, match="already exists"):
        check_export_to(store, target, overwrite=False)
    with pytest.raises(ExportTargetExists):
        export_to(store, "json", target, TODAY, overwrite=False)
    assert target.read_text() == "mine", "refused: the file is as it was"
    done = export_to(store, "json", target, TODAY, overwrite=True)
    assert done.replaced and json.loads(target.read_text())["format"] == "aspire-export"


def test_export_never_writes_over_the_data_file_its_lock_or_the_backups(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    taken = store.back_up(NOW)
    before = (data_dir / "aspire.json").read_bytes()
    for target in (
        data_dir / "aspire.json",
        data_dir / "aspire.json.lock",
        taken,
        data_dir / "backups" / "new.json",
    ):
        with pytest.raises(StoreError, match="one of Aspire's own files"):
            export_to(store, "json", target, TODAY, overwrite=True)
    assert (data_dir / "aspire.json").read_bytes() == before
    assert not (data_dir / "backups" / "new.json").exists()


def test_a_failed_write_is_a_message(store: AspireStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"Could not write .*missing.*\(No such file"):
        export_to(store, "json", tmp_path / "missing" / "out.json", TODAY, overwrite=False)


def test_a_name_the_system_cannot_spell_is_a_message(store: AspireStore, tmp_path: Path) -> None:
    """A lone surrogate (an undecodable byte in a name typed or pasted) cannot reach the
    file system: a message, never a traceback."""
    with pytest.raises(StoreError, match=r"Could not write .*\\ud800"):
        export_to(store, "json", tmp_path / "out\ud800.json", TODAY, overwrite=False)


# --- import ---------------------------------------------------------------------------------


def test_import_merges_after_a_backup_and_counts(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    store.save_aspiration(Aspiration("Mine", date(2026, 1, 1)))
    source = an_export(tmp_path)
    plan = plan_import(store, source, read_import(source, TODAY))
    assert (plan.fresh, plan.incoming, plan.nothing_to_add) == (29, 29, False)
    done = import_planned(store, plan, NOW)
    assert done == Imported(added=29, already_there=0, replaced=False, kept=done.kept)
    assert done.kept is not None and done.kept in backups_named(data_dir, "before-import")
    assert done.summary == "Imported 29 records."
    assert "Mine" in [d["title"] for d in docs(data_dir, "aspirations")]
    assert len(docs(data_dir, "goals")) == 6
    again = plan_import(store, source, read_import(source, TODAY))
    assert again.nothing_to_add
    assert again.nothing_message == "Everything in all.json is already there. Nothing was changed."


def test_import_into_empty_data_keeps_no_backup(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    source = an_export(tmp_path)
    done = import_planned(store, plan_import(store, source, read_import(source, TODAY)), NOW)
    assert done.kept is None and backups_named(data_dir, "before-import") == []
    assert done.added == 29


def test_import_replacing_keeps_what_was_here(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    store.save_aspiration(Aspiration("Mine", date(2026, 1, 1)))
    source = an_export(tmp_path)
    plan = plan_import(store, source, read_import(source, TODAY), replace=True)
    done = import_planned(store, plan, NOW)
    assert done.replaced and done.summary.startswith("Replaced your data with 29 records")
    assert "Mine" not in [d["title"] for d in docs(data_dir, "aspirations")]
    kept = json.loads(done.kept.read_text()) if done.kept else {}
    assert "Mine" in json.dumps(kept), "the data as it was is in the backup"


def test_a_broken_import_file_changes_nothing(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    store.save_aspiration(Aspiration("Mine", date(2026, 1, 1)))
    before = (data_dir / "aspire.json").read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text(BROKEN)
    with pytest.raises(ImportFileError, match="broken.json.*\n?Nothing was changed"):
        read_import(broken, TODAY)
    with pytest.raises(ImportFileError, match="not an ordinary file|cannot be read"):
        read_import(tmp_path, TODAY)
    assert (data_dir / "aspire.json").read_bytes() == before
    assert backups_named(data_dir, "before-import") == []


def test_replacing_with_an_empty_export_is_refused(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    store.save_aspiration(Aspiration("Mine", date(2026, 1, 1)))
    empty = tmp_path / "empty.json"
    empty.write_text('{"format": "aspire-export", "schema": 6}')
    export = read_import(empty, TODAY)
    with pytest.raises(ImportFileError, match="only delete the 1 record here"):
        plan_import(store, empty, export, replace=True)
    merge = plan_import(store, empty, export)
    assert merge.nothing_message == "empty.json holds no records. Nothing was changed."
    assert [d["title"] for d in docs(data_dir, "aspirations")] == ["Mine"]


# --- restore --------------------------------------------------------------------------------


def test_restore_through_the_open_store(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Before the mistake", date(2026, 1, 1)))
    name = store.back_up(NOW).name
    store.clear_all()
    done = restore_backup(store, name.removesuffix(".json"), NOW)
    assert done.name == name and done.kept is not None
    assert done.kept in backups_named(data_dir, "before-restore")
    assert [d["title"] for d in docs(data_dir, "aspirations")] == ["Before the mistake"]
    assert [a.title for a in store.aspirations()] == ["Before the mistake"]


def test_restore_a_folder_without_reading_its_damaged_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = AspireStore.open(folder, backup=False)
    store.save_aspiration(Aspiration("Good", date(2026, 1, 1)))
    name = store.back_up(NOW).name
    store.close()
    (folder / "aspire.json").write_text("{ damaged")
    done = restore_backup(folder, name, NOW)
    assert done == Restored(name=name, kept=done.kept) and done.kept is not None
    assert done.kept.read_text() == "{ damaged", "the damaged bytes are kept, as they were"
    assert [d["title"] for d in docs(folder, "aspirations")] == ["Good"]


def test_restoring_a_backup_that_is_not_there_says_so(store: AspireStore) -> None:
    with pytest.raises(StoreError, match="no backup called"):
        restore_backup(store, "nope", NOW)


# --- one use case, two callers ----------------------------------------------------------------


async def palette(pilot, command: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await type_text(pilot, command)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(
    ("form", "command"), [("json", "export everything"), ("markdown", "export career plan")]
)
async def test_the_command_line_and_the_palette_export_the_same_bytes(
    store: AspireStore,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    form: str,
    command: str,
) -> None:
    populate(store, TODAY)
    store.flush()
    by_cli, by_ui = tmp_path / "cli.out", tmp_path / "ui.out"
    argv = ["--data-dir", str(data_dir), "export", "--format", form, "-o", str(by_cli)]
    assert main(argv) == 0
    assert f"Wrote {by_cli} (readable by you only)." in capsys.readouterr().err
    # the command line's plan is as of this computer's today; the app is given the same day
    async with make_app(store, today=date.today()).run_test(size=SIZE) as pilot:
        await palette(pilot, command)
        await clear_field(pilot)
        await type_text(pilot, str(by_ui))
        await pilot.press("enter")
        await pilot.pause()
        assert f"Wrote {by_ui} (readable by you only)." in notifications(pilot.app)
    assert by_ui.read_bytes() == by_cli.read_bytes()


async def test_the_command_line_and_the_palette_refuse_a_bad_file_alike(
    store: AspireStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(BROKEN)
    with pytest.raises(ImportFileError) as refused:
        read_import(broken, TODAY)
    message = str(refused.value)
    assert main(["--data-dir", str(tmp_path / "elsewhere"), "import", str(broken)]) == 2
    assert capsys.readouterr().err == f"aspire: {message}\n"
    async with make_app(store).run_test(size=SIZE) as pilot:
        await palette(pilot, "import from")
        await type_text(pilot, str(broken))
        await pilot.press("enter")
        await pilot.pause()
        assert one_line(message, 300) in notifications(pilot.app)


def test_a_target_that_cannot_be_looked_at_is_a_message_too(
    store: AspireStore, tmp_path: Path
) -> None:
    """A name too long for the system fails the first look at it (not only the write): the
    palette and the command line then both say so, neither shows a traceback."""
    target = tmp_path / ("x" * 300 + ".json")
    with pytest.raises(StoreError, match=r"Could not write .*\(File name too long\)"):
        check_export_to(store, target, overwrite=False)
    with pytest.raises(StoreError, match=r"Could not write .*\(File name too long\)"):
        export_to(store, "json", target, TODAY, overwrite=True)


def test_neither_caller_runs_the_steps_itself() -> None:
    """The steps of export, import and restore are reached only through `use_cases.data`:
    the command line and the palette import none of them (so they cannot drift apart)."""
    import ast

    steps = {
        "atomic_write",
        "career_plan",
        "check_export_target",
        "check_import",
        "describe_import",
        "export_json",
        "import_export",
        "nothing_to_import",
        "read_export",
        "read_import_file",
        "restore_folder",
        "restore_backup",
    }
    package = Path(__file__).resolve().parent.parent / "aspire_tui"
    for caller in (package / "cli.py", package / "ui" / "data_actions.py"):
        tree = ast.parse(caller.read_text("utf-8"))
        imported = {
            (node.module, alias.name)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        called = {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute)
        }
        by_hand = {name for module, name in imported if module != "aspire_tui.use_cases.data"}
        assert not (by_hand | called) & steps, caller.name


@pytest.mark.parametrize("parse", ["parse_new_file", "parse_existing_file"])
def test_a_path_the_system_cannot_look_at_is_a_message_in_the_form(
    tmp_path: Path, parse: str
) -> None:
    """The palette's file forms say why a name cannot be used (too long for the system),
    instead of a traceback."""
    from aspire_tui.domain.validation import ValidationError
    from aspire_tui.ui.dialogs import path_form

    with pytest.raises(ValidationError, match="cannot be used"):
        getattr(path_form, parse)(str(tmp_path / ("x" * 300) / "plan.md"))
