"""Edit an aspiration: its name, why it matters, and the names of its levels."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets import Input

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.ladder import LadderError, levels_text, parse_levels, rename_levels
from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.validation import parse_title
from aspire_tui.ui.dialogs.adopt_form import price, why_fields
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


class AspirationForm(FormDialog[Aspiration]):
    def __init__(self, today: date, aspiration: Aspiration) -> None:
        super().__init__("Edit aspiration")
        self.today = today
        self.original = aspiration
        self.path = find_path(aspiration.path)

    def compose_fields(self) -> Iterable[Widget]:
        title = PlainInput(self.original.title, id="title")
        yield from self.field("Your aspiration", title, parse=parse_title)
        yield from price(self.path)
        yield from why_fields(self, self.path, self.original.why)
        levels = PlainTextArea(levels_text(self.original.ladder), id="levels", classes="levels")
        yield from self.field(
            "Levels, lowest first, one per line",
            levels,
            "Rename any level, or add lines at the end for levels above the top.",
            parse=parse_levels,
        )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def build(self, values: dict[str, Any]) -> Aspiration:
        try:
            ladder = rename_levels(self.original.ladder, values["levels"], self.today)
        except LadderError as error:
            raise FieldError("levels", str(error)) from None
        return dataclasses.replace(
            self.original, title=values["title"], why=values["why"], ladder=ladder
        )
