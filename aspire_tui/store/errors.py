"""Errors the store reports in words a person can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something kept Aspire from reading or saving; the message is for the person."""


class DataFileError(StoreError):
    """The data file cannot be used as it is; Aspire leaves it untouched."""

    def __init__(self, path: Path, problem: str, advice: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice or (
            "Aspire has left it untouched. Restore it from a backup, or move it aside "
            "to start afresh (use --data-dir to open another folder)."
        )
        super().__init__(f"{path}: {problem}\n{self.advice}")


class NeedsPassphrase(StoreError):
    """The folder is encrypted, and it was opened without its key."""


class UnsavedChanges(StoreError):
    """Aspire closed with changes it could not put on disk (a full disk, say): they are lost,
    and `aspire` says so in its exit status."""

    exit_status = 3
