"""Backups, export and import from inside the app, offered in the command palette."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from aspire_tui.presentation.text import one_line
from aspire_tui.store import StoreError
from aspire_tui.ui.dialogs.backup_picker import BackupPicker
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.path_form import PathForm
from aspire_tui.ui.screens.main import MainScreen, read_only_message
from aspire_tui.use_cases.data import (
    ExportFormat,
    ExportTargetExists,
    check_export_to,
    export_to,
    import_planned,
    plan_import,
    read_import,
    restore_backup,
)

if TYPE_CHECKING:
    from aspire_tui.store import AspireStore
    from aspire_tui.ui.host import HostApp


class DataActions:
    """Each action reports failure as a message; none can leave the data half-changed."""

    def __init__(self, app: HostApp) -> None:
        self.app = app

    @property
    def store(self) -> AspireStore:
        return self.app.store

    def _report(self, error: StoreError) -> None:
        self.app.report_error(one_line(str(error), 300))

    def _refresh(self) -> None:
        """After a restore or an import the data is not what ctrl+z remembers: forget it."""
        self.app.undo.entries.clear()
        if isinstance(self.app.screen, MainScreen):
            self.app.screen.reload()

    def _refuse_if_read_only(self) -> bool:
        if self.store.read_only:
            self.app.notify(read_only_message(self.store), severity="warning", markup=False)
        return self.store.read_only

    def back_up_now(self) -> None:
        if self._refuse_if_read_only():
            return
        try:
            path = self.store.back_up(datetime.now(), "manual")
        except StoreError as error:
            self._report(error)
            return
        self.app.notify(f"Backed up as {path.name}.", markup=False)

    def conflicts(self) -> None:
        """Records changed on two computers while apart (`dialogs/conflicts_dialog.py`)."""
        if self._refuse_if_read_only():
            return
        from aspire_tui.ui.dialogs.conflicts_dialog import ConflictsDialog

        self.app.push_screen(ConflictsDialog(self.store.device_names()))

    def restore(self) -> None:
        if self._refuse_if_read_only():
            return
        backups = self.store.backups()
        if not backups:
            self.app.notify("There are no backups yet. One is kept each time Aspire starts.")
            return

        def chosen(name: str | None) -> None:
            if name is None:
                return
            question = Content(
                f"Put back {name}? Your data as it is now is kept as one more backup first."
            )

            def confirmed(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    done = restore_backup(self.store, name, datetime.now())
                except StoreError as error:
                    self._report(error)
                    return
                self.app.notify(done.said, markup=False)
                self._refresh()

            self.app.push_screen(ConfirmDialog("Restore", question, "Restore", "Cancel"), confirmed)

        self.app.push_screen(BackupPicker(backups), chosen)

    def export(self, kind: ExportFormat) -> None:
        day = self.app.today().isoformat()
        if kind == "json":
            heading, default = "Export everything (JSON)", f"~/aspire-export-{day}.json"
            hint = "A complete backup that `aspire import` or the palette can read back."
        else:
            heading, default = "Export your career plan (Markdown)", f"~/aspire-plan-{day}.md"
            hint = (
                "Aspirations, goals, your drivers profile, passions and values, and recent "
                "reflections: to read, or to share with a mentor."
            )

        if self.store.sealer.on:
            hint += (
                " It is written in plain text, though your data folder is encrypted: keep it "
                "somewhere private."
            )

        def write(path: Path) -> None:
            try:
                export_to(self.store, kind, path, self.app.today(), overwrite=True)
            except StoreError as error:
                self._report(error)
                return
            self.app.notify(f"Wrote {path} (readable by you only).", markup=False)

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                check_export_to(self.store, path, overwrite=False)
            except ExportTargetExists:
                question = Content(f"{path} already exists. Replace it?")
                self.app.push_screen(
                    ConfirmDialog("Replace the file?", question, "Replace", "Keep it"),
                    lambda yes: write(path) if yes else None,
                )
                return
            except StoreError as error:
                self._report(error)
                return
            write(path)

        form = PathForm(heading, "Write to", default, hint, action="Export", new_file=True)
        self.app.push_screen(form, chosen)

    def import_file(self) -> None:
        if self._refuse_if_read_only():
            return

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                plan = plan_import(self.store, path, read_import(path, self.app.today()))
            except StoreError as error:
                self._report(error)
                return
            if plan.nothing_to_add:
                self.app.notify(plan.nothing_message, markup=False)
                return
            fresh = plan.fresh
            question = Content(
                f"Add {fresh} record{'s' if fresh != 1 else ''} from {path.name} that "
                f"{'are' if fresh != 1 else 'is'} not here yet? Your data as it is now is kept "
                "as a backup first."
            )

            def confirmed(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    done = import_planned(self.store, plan, datetime.now())
                except StoreError as error:
                    self._report(error)
                    return
                self.app.notify(done.said, markup=False)
                self._refresh()

            self.app.push_screen(ConfirmDialog("Import", question, "Import", "Cancel"), confirmed)

        hint = "A file written by aspire export --format json, or by the palette's export."
        form = PathForm("Import from a JSON export", "Read from", "", hint, action="Import")
        self.app.push_screen(form, chosen)
