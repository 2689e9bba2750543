"""Name an aspiration and say why it matters."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Static

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.validation import parse_text, parse_title
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


def parse_why(text: str) -> str:
    return parse_text(text, "Why it matters")


class AspirationForm(FormDialog[Aspiration]):
    def __init__(
        self, today: date, aspiration: Aspiration | None = None, path_key: str | None = None
    ) -> None:
        path = find_path(aspiration.path if aspiration else path_key)
        if aspiration is None:
            aspiration = Aspiration(title=path.name if path else "", created=today, path=path_key)
        super().__init__("Edit aspiration" if aspiration.id else "New aspiration")
        self.original = aspiration
        self.path = path

    def compose_fields(self) -> Iterable[Widget]:
        if self.path:
            yield Static(
                f"Path: {self.path.name}. {self.path.summary}", classes="field-hint", markup=False
            )
        suggested = self.original.id is None and self.path is not None
        title = PlainInput(
            self.original.title,
            placeholder="e.g. Lead a product team",
            id="title",
            select_on_focus=suggested,  # the path's name is a suggestion: typing replaces it
        )
        yield from self.field(
            "Your aspiration",
            title,
            "Bold and a little vague is fine: it is a direction, not a goal. Make it yours.",
            parse=parse_title,
        )
        why = PlainTextArea(self.original.why, id="why", classes="answer")
        yield from self.field("Why does it matter to you?", why, parse=parse_why)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def build(self, values: dict[str, Any]) -> Aspiration:
        return dataclasses.replace(self.original, title=values["title"], why=values["why"])
