"""Backups, export and import from the command palette, and the read-only app."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime
from pathlib import Path

from textual.widgets import Input

from aspire_tui.domain.models import Aspiration
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.backup_picker import BackupPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.path_form import PathForm
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY, docs
from tests.fixtures.career import populate
from tests.ui_helpers import (
    SIZE,
    clear_field,
    journal_rows,
    list_rows,
    make_app,
    notifications,
    type_text,
)


async def palette(pilot, command: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await type_text(pilot, command)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_export_everything_from_the_palette(store: AspireStore, tmp_path: Path) -> None:
    populate(store, TODAY)
    target = tmp_path / "out" / "mine.json"
    target.parent.mkdir()
    async with make_app(store).run_test(size=SIZE) as pilot:
        await palette(pilot, "export everything")
        form = pilot.app.screen
        assert isinstance(form, PathForm)
        assert form.query_one("#path", Input).value == "~/aspire-export-2026-11-27.json"
        await clear_field(pilot)
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert any("readable by you only" in m for m in notifications(pilot.app))
    assert json.loads(target.read_text())["format"] == "aspire-export"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_export_the_plan_to_a_folder_that_does_not_exist_says_so(
    store: AspireStore, tmp_path: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await palette(pilot, "export career plan")
        await clear_field(pilot)
        await type_text(pilot, str(tmp_path / "missing" / "plan.md"))
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, PathForm), "the form stays, with what was typed"
        assert "There is no folder" in str(form.query_one("#path-error").visual)


async def test_restore_a_backup_from_the_palette(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Before the mistake", date(2026, 1, 1)))
    store.back_up(datetime(2026, 11, 1, 8, 0, 0))
    store.clear_all()
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert list_rows(pilot.app) == []
        await palette(pilot, "restore a backup")
        assert isinstance(pilot.app.screen, BackupPicker)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert list_rows(pilot.app) == ["Before the mistake\nlevel 1/1 · no goals yet"]
    assert [d["title"] for d in docs(data_dir, "aspirations")] == ["Before the mistake"]
    assert any("before-restore" in p.name for p in (data_dir / "backups").iterdir())


async def test_import_from_the_palette_and_a_broken_file(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    other = AspireStore.open(tmp_path / "other")
    populate(other, TODAY)
    from aspire_tui.store.exchange import export_json

    good = tmp_path / "good.json"
    good.write_text(export_json(other))
    other.close()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "aspire-export", "schema": 2, "aspirations": [{}]}')
    async with make_app(store).run_test(size=SIZE) as pilot:
        await palette(pilot, "import from")
        await type_text(pilot, str(broken))
        await pilot.press("enter")
        await pilot.pause()
        assert any("Nothing was changed" in m for m in notifications(pilot.app))
        await palette(pilot, "import from")
        await type_text(pilot, str(good))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert any("Imported 29 records" in m for m in notifications(pilot.app))
        assert len(journal_rows(pilot.app)) == 3
    assert len(docs(data_dir, "goals")) == 6


async def test_an_import_from_the_palette_names_the_backup_it_kept(
    store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    """As the command line does: the notice says where the data as it was is kept."""
    from aspire_tui.store.exchange import export_json

    store.save_aspiration(Aspiration("Mine, before the import", date(2026, 1, 5)))
    other = AspireStore.open(tmp_path / "other")
    populate(other, TODAY)
    good = tmp_path / "good.json"
    good.write_text(export_json(other))
    other.close()
    async with make_app(store).run_test(size=SIZE) as pilot:
        await palette(pilot, "import from")
        await type_text(pilot, str(good))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        [kept] = [p for p in (data_dir / "backups").iterdir() if "before-import" in p.name]
        said = [m for m in notifications(pilot.app) if "Imported 29 records" in m]
        assert said and f"Your data as it was is kept as {kept.name}." in said[0], said


async def test_read_only_app_shows_and_refuses_changes(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    reader = AspireStore.open(data_dir, read_only=True)
    async with make_app(reader).run_test(size=SIZE) as pilot:
        assert "read-only" in pilot.app.title
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen), "n opens no form read-only"
        assert any("read-only here" in m for m in notifications(pilot.app)), "and says why"
        await pilot.press("2", "d", "a")
        await pilot.pause()
        assert pilot.app.screen.__class__.__name__ == "AspirationsScreen"
        await palette(pilot, "restore a backup")
        assert any("read-only" in m for m in notifications(pilot.app))
    reader.close()
    assert docs(data_dir, "aspirations")[0]["status"] == "active"


async def test_the_plan_from_the_palette_keeps_iso_dates_whatever_the_display_format(
    store: AspireStore, tmp_path: Path
) -> None:
    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.domain.models import CheckIn, Goal, Passions, Target
    from aspire_tui.settings import Settings
    from aspire_tui.store.settings_file import LoadedSettings
    from aspire_tui.ui.app import AspireApp

    mine = store.save_aspiration(Aspiration("Lead", date(2026, 1, 5)))
    store.save_goal(Goal(mine.id or 0, "Ship it", Target.done(), TODAY, deadline=date(2027, 3, 31)))
    done = store.save_goal(Goal(mine.id or 0, "Talk", Target.done(), TODAY))
    store.save_checkin(CheckIn(done.id or 0, date(2026, 11, 20), 1.0))
    store.save_passions(Passions(love=("Teaching",), values=("Honesty",)))
    settings = LoadedSettings(Settings(date_format=DateFormat.DAY_MONTH), Path("x"), False)
    target = tmp_path / "plan.md"
    app = AspireApp(store, today=TODAY, start="goals", settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "export career plan")
        await clear_field(pilot)
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
    plan = target.read_text()
    assert "due 2027-03-31" in plan and "achieved 2026-11-20" in plan
    assert "31/03/2027" not in plan and "20/11/2026" not in plan
    assert "Values I will not trade away: Honesty." in plan
