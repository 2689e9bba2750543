"""Export, import and restore, once: `aspire export/import/restore` and the palette's actions
both call these, so the checks, the backup taken first, the counts and the refusals are the
same from either. Each answers with what happened; asking the person (a prompt or a dialog)
and saying the result are the caller's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from aspire_tui.presentation.plan import career_plan
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import (
    Export,
    ExportTargetExists,
    ImportFileError,
    ImportResult,
    check_export_target,
    check_import,
    describe_import,
    export_json,
    import_export,
    nothing_to_import,
    read_export,
    read_import_file,
)
from aspire_tui.store.sealing import DataKey
from aspire_tui.store.storage import atomic_write

__all__ = [
    "ExportFormat",
    "ExportTargetExists",
    "Exported",
    "ImportFileError",
    "ImportPlan",
    "Imported",
    "Restored",
    "check_export_to",
    "export_text",
    "export_to",
    "import_planned",
    "plan_import",
    "read_import",
    "restore_backup",
]

ExportFormat = Literal["json", "markdown", "ics"]
"""json: everything, for `import` to read back; markdown: the career plan, to read or share;
ics: the dates to keep in a calendar (`presentation.calendar`)."""


@dataclass(frozen=True)
class Exported:
    """An export written: where, in which format, and whether a file there was replaced."""

    path: Path
    format: ExportFormat
    replaced: bool


@dataclass(frozen=True)
class ImportPlan:
    """A file to import, read and checked against the data in full; nothing changed yet."""

    source: Path
    export: Export
    fresh: int
    """How many of its records are not here yet: what a merge would add."""
    replace: bool

    @property
    def incoming(self) -> int:
        return self.export.count

    @property
    def nothing_to_add(self) -> bool:
        return self.fresh == 0

    @property
    def nothing_message(self) -> str:
        return nothing_to_import(self.source.name, self.export)


@dataclass(frozen=True)
class Imported:
    """An import done: the counts, whether it replaced the data, and the backup of the data
    as it was (None when there was nothing to keep)."""

    added: int
    already_there: int
    replaced: bool
    kept: Path | None

    @property
    def summary(self) -> str:
        """What to say: "Imported 29 records." or "Replaced your data with 29 records."."""
        said = describe_import(ImportResult(self.added, self.already_there))
        return said.replace("Imported", "Replaced your data with", 1) if self.replaced else said

    @property
    def said(self) -> str:
        """The summary and where the data as it was is kept, as every caller says it."""
        return self.summary + _kept_note(self.kept)


@dataclass(frozen=True)
class Restored:
    """A backup put back, and the backup of the data as it was (None if there was no file)."""

    name: str
    kept: Path | None

    @property
    def said(self) -> str:
        return f"Restored {self.name}.{_kept_note(self.kept)}"


def _kept_note(kept: Path | None) -> str:
    return f" Your data as it was is kept as {kept.name}." if kept is not None else ""


def export_text(store: AspireStore, form: ExportFormat, today: date) -> str:
    """The export's text: the JSON `import` reads back, or the career plan as of `today`."""
    if form == "json":
        return export_json(store)
    return career_plan(
        store.aspirations(),
        store.goals(),
        store.checkins(),
        store.reflections(),
        today,
        store.assessments(),
        store.passions(),
    )


def calendar_bytes(
    store: AspireStore, today: date, settings: Settings, with_notes: bool = False
) -> bytes:
    """Goal deadlines, look-back days and the next review, as an iCalendar file."""
    from aspire_tui.presentation.calendar import career_calendar
    from aspire_tui.use_cases.review import review_standing

    review = review_standing(store, today, settings)
    anything = any(a.active for a in store.aspirations())
    next_review = (today if review.due else review.next_from) if anything else None
    return career_calendar(
        store.aspirations(),
        store.goals(),
        store.checkins(ordered=False),
        store.reflections(),
        next_review,
        datetime.now().astimezone(),
        with_notes,
    )


def export_bytes(
    store: AspireStore,
    form: ExportFormat,
    today: date,
    passphrase: str | None = None,
    settings: Settings | None = None,
    with_notes: bool = False,
) -> bytes:
    """The export as it is written: UTF-8, or with a `passphrase`, an age file that
    `age -d` opens with it and `aspire import` reads back (asking for it)."""
    if form == "ics":
        return calendar_bytes(store, today, settings or Settings(), with_notes)
    text = export_text(store, form, today).encode("utf-8")
    if passphrase is None:
        return text
    from aspire_tui.store.sealing import calibrated_log_n, passphrase_encrypt

    return passphrase_encrypt(text, passphrase, calibrated_log_n())


def check_export_to(store: AspireStore, target: Path, *, overwrite: bool) -> bool:
    """Whether writing to `target` would replace a file. Refuses Aspire's own files (the data
    file, also through a link, its lock, backups/) and a folder; refuses a file that is there
    with `ExportTargetExists` unless `overwrite`, so a caller may ask and try again."""
    try:
        check_export_target(store.named_path, target, overwrite=overwrite)
        return target.exists()
    except (OSError, ValueError) as error:  # a name too long, or one the system cannot spell
        raise _cannot_write(target, error) from None


def export_to(
    store: AspireStore,
    form: ExportFormat,
    target: Path,
    today: date,
    *,
    overwrite: bool,
    passphrase: str | None = None,
    settings: Settings | None = None,
    with_notes: bool = False,
) -> Exported:
    """Write an export atomically, readable by its owner only, after `check_export_to`;
    with a `passphrase`, encrypted (`export_bytes`)."""
    replaced = check_export_to(store, target, overwrite=overwrite)
    data = export_bytes(store, form, today, passphrase, settings, with_notes)
    try:
        atomic_write(target, data)
    except (OSError, ValueError) as error:
        raise _cannot_write(target, error) from None
    return Exported(target, form, replaced)


def _cannot_write(target: Path, error: OSError | ValueError) -> StoreError:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else error
    return StoreError(f"Could not write {safe_path(target)} ({reason}).")


def safe_path(target: Path) -> str:
    """A path as it can be printed, even one holding what the system cannot spell."""
    return str(target).encode("utf-8", "backslashreplace").decode("utf-8")


def read_import(source: Path, today: date, passphrase: Callable[[], str] | None = None) -> Export:
    """Read and check a whole file to import, before the data is even opened: what is not an
    ordinary file, not an export, or not valid is refused with `ImportFileError`. An
    encrypted export (`export_bytes`) is opened with what `passphrase` gives."""
    raw = read_import_file(source)
    from aspire_tui.store.sealing import AGE_MAGIC

    if raw.startswith(AGE_MAGIC + b"\n"):
        if passphrase is None:
            raise ImportFileError(source, "it is encrypted, and no passphrase was given.")
        import pyrage

        try:
            raw = pyrage.passphrase.decrypt(raw, passphrase())
        except pyrage.DecryptError:
            raise ImportFileError(
                source, "the passphrase does not open it (or it is damaged)."
            ) from None
    return read_export(source, raw, today)


def plan_import(
    store: AspireStore, source: Path, export: Export, *, replace: bool = False
) -> ImportPlan:
    """Check the export against the data (links, ladders; replacing with nothing is refused)
    and count what it would add."""
    fresh = check_import(store, export, source, replace=replace)
    return ImportPlan(source, export, fresh, replace)


def import_planned(store: AspireStore, plan: ImportPlan, now: datetime) -> Imported:
    """Keep the data as it is as a backup (unless empty), then merge or replace in one write."""
    kept = None if store.is_empty() else store.back_up(now, "before-import")
    result = import_export(store, plan.export, replace=plan.replace)
    return Imported(result.added, result.already_there, plan.replace, kept)


def restore_backup(
    where: AspireStore | Path, name: str, now: datetime, key: DataKey | None = None
) -> Restored:
    """Put the backup `name` (".json" may be left off) back, keeping the data as it is as one
    more backup first. Given the open store, through it; given a data folder (the command
    line), without reading its file, which may be the damaged thing being replaced."""
    name = name if name.endswith(".json") else f"{name}.json"
    if isinstance(where, AspireStore):
        return Restored(name, where.restore_backup(name, now))
    return Restored(name, AspireStore.restore_folder(where, name, now, key))
