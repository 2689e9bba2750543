"""The draft file: `drafts.json` in the data folder, beside the data but not in it, so that
keeping a draft never changes the data file, its schema or its exports. Written atomically
and readable by its owner only, like the data."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path

from aspire_tui.domain.drafts import Draft
from aspire_tui.store.errors import StoreError
from aspire_tui.store.sealing import Damaged, Sealer
from aspire_tui.store.storage import atomic_write, remove_stale_temp_files

DRAFTS_FILE_NAME = "drafts.json"
MAX_SIZE = 64 * 1024 * 1024
"""Far above any form's text; a bigger file is not one Aspire wrote."""


def drafts_path(where: Path) -> Path:
    """`where`: the data folder (the first computer's drafts), or a drafts file (another
    computer's in a shared folder, `AspireStore.drafts_file`): each computer keeps its own,
    so that a draft is never offered on a computer it was not written on."""
    return where if where.suffix == ".json" else where / DRAFTS_FILE_NAME


def has_draft(folder: Path) -> bool:
    """Whether a draft may be waiting: one look at the folder, so that a start with none
    imports no form code."""
    return os.path.lexists(drafts_path(folder))


def save_draft(folder: Path, draft: Draft, sealer: Sealer | None = None) -> Path:
    """Keep `draft`, encrypted when the folder is (`sealer`)."""
    record = {
        "version": 1,
        "form": draft.form,
        "heading": draft.heading,
        "saved": draft.saved.isoformat(timespec="seconds"),
        "record": draft.record,
        "fields": draft.fields,
    }
    path = drafts_path(folder)
    try:
        text = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write(path, (sealer or Sealer(None)).seal(text))
    except OSError as error:
        raise StoreError(f"Could not keep a draft in {path} ({error.strerror}).") from None
    return path


def load_draft(folder: Path, sealer: Sealer | None = None) -> Draft | None:
    """The draft kept at the last stop, if any; StoreError (the file left as it is) if the
    file is not one Aspire wrote. A draft's write cut short left only a temp file: removed."""
    path = drafts_path(folder)
    remove_stale_temp_files(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SIZE:
            raise StoreError(f"{path} is not a draft Aspire kept; it was left alone.")
        raw = json.loads((sealer or Sealer(None)).open(path.read_bytes()))
        fields = raw["fields"]
        record = raw["record"]
        if not (
            isinstance(fields, dict)
            and all(isinstance(v, str | int | float | bool | None) for v in fields.values())
            and (record is None or isinstance(record, int))
        ):
            raise ValueError
        return Draft(
            form=str(raw["form"]),
            heading=str(raw["heading"]),
            saved=datetime.fromisoformat(raw["saved"]),
            fields={str(k): v for k, v in fields.items()},
            record=record,
        )
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"Could not read the draft in {path} ({error.strerror}).") from None
    except (ValueError, KeyError, TypeError, RecursionError, Damaged):
        raise StoreError(f"{path} is not a draft Aspire kept; it was left alone.") from None


def discard_draft(folder: Path) -> None:
    try:
        drafts_path(folder).unlink(missing_ok=True)
    except OSError as error:
        raise StoreError(f"Could not remove {drafts_path(folder)} ({error.strerror}).") from None


def set_aside_draft(folder: Path, draft: Draft) -> Path:
    """Keep a draft that will not be offered again under a name of its own, dated."""
    kept = drafts_path(folder).parent / f"drafts-{draft.saved:%Y-%m-%d-%H%M%S}.json"
    try:
        os.replace(drafts_path(folder), kept)
    except OSError as error:
        raise StoreError(f"Could not rename {drafts_path(folder)} ({error.strerror}).") from None
    return kept
