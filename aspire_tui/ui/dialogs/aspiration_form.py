"""Edit an aspiration: its name, why it matters, and the names of its levels."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, SelectionList
from textual.widgets.selection_list import Selection

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.ladder import LadderError, levels_text, parse_levels, rename_levels
from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.validation import parse_title
from aspire_tui.ui.dialogs.adopt_form import price, why_fields
from aspire_tui.ui.dialogs.form import FieldError, FormDialog
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.plain_fields import PlainInput, PlainTextArea


class AspirationForm(FormDialog[Aspiration]):
    def __init__(
        self, today: date, aspiration: Aspiration, passion_items: Sequence[str] = ()
    ) -> None:
        super().__init__("Edit aspiration")
        self.today = today
        self.original = aspiration
        self.path = find_path(aspiration.path)
        linked = [p for p in aspiration.passions if p not in passion_items]
        self.passion_items = [*passion_items, *linked]  # a link is never dropped unseen

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
        if self.passion_items:
            chosen = set(self.original.passions)
            passions = SelectionList[str](
                *[Selection(plain(p), p, p in chosen) for p in self.passion_items],
                id="passions",
                classes="passion-links",
            )
            hint = "space links or unlinks the highlighted one."
            yield from self.field("Passions it touches", passions, hint)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def build(self, values: dict[str, Any]) -> Aspiration:
        try:
            ladder = rename_levels(self.original.ladder, values["levels"], self.today)
        except LadderError as error:
            raise FieldError("levels", str(error)) from None
        linked: tuple[str, ...] = ()
        if self.passion_items:
            picked = set(self.query_one("#passions", SelectionList).selected)
            linked = tuple(p for p in self.passion_items if p in picked)
        return dataclasses.replace(
            self.original, title=values["title"], why=values["why"], ladder=ladder, passions=linked
        )
