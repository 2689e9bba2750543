"""Ask for a file to write to or read from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.widget import Widget
from textual.widgets import Input

from aspire_tui.domain.validation import ValidationError
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainInput
from aspire_tui.use_cases.data import safe_path


def parse_path(text: str) -> Path:
    value = text.strip()
    if not value:
        raise ValidationError("Name a file.")
    return Path(value).expanduser()


def parse_new_file(text: str) -> Path:
    path = parse_path(text)
    try:
        if path.is_dir():
            raise ValidationError(f"{path} is a folder: name a file inside it.")
        if not path.parent.is_dir():
            raise ValidationError(f"There is no folder {path.parent}.")
    except (OSError, ValueError) as error:  # too long, or unspellable: a message, not a crash
        raise ValidationError(f"{safe_path(path)} cannot be used ({_why(error)}).") from None
    return path


def _why(error: OSError | ValueError) -> str:
    return str(error.strerror if isinstance(error, OSError) and error.strerror else error)


def parse_existing_file(text: str) -> Path:
    path = parse_path(text)
    try:
        if not path.is_file():
            raise ValidationError(f"There is no file {path}.")
    except (OSError, ValueError) as error:
        raise ValidationError(f"{safe_path(path)} cannot be used ({_why(error)}).") from None
    return path


class PathForm(FormDialog[Path]):
    """`new_file` checks that the file can be made there; otherwise that it exists."""

    def __init__(
        self,
        heading: str,
        label: str,
        default: str = "",
        hint: str = "",
        *,
        action: str = "OK",
        new_file: bool = False,
    ) -> None:
        super().__init__(heading, save_label=action)
        self.label = label
        self.default = default
        self.hint = hint
        self.parse = parse_new_file if new_file else parse_existing_file

    def compose_fields(self) -> Iterable[Widget]:
        field = PlainInput(self.default, placeholder="~/file", id="path")
        yield from self.field(self.label, field, self.hint, parse=self.parse)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def build(self, values: dict[str, Any]) -> Path:
        path: Path = values["path"]
        return path
