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


def parse_path(text: str) -> Path:
    value = text.strip()
    if not value:
        raise ValidationError("Name a file.")
    return Path(value).expanduser()


class PathForm(FormDialog[Path]):
    def __init__(self, heading: str, label: str, default: str = "", hint: str = "") -> None:
        super().__init__(heading)
        self.label = label
        self.default = default
        self.hint = hint

    def compose_fields(self) -> Iterable[Widget]:
        field = PlainInput(self.default, placeholder="~/file", id="path")
        yield from self.field(self.label, field, self.hint, parse=parse_path)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def build(self, values: dict[str, Any]) -> Path:
        path: Path = values["path"]
        return path
