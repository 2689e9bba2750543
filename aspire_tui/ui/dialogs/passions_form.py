"""Keep the four lists and the values up to date, one item per line."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

from textual.widget import Widget

from aspire_tui.domain.models import PASSION_LISTS, Passions
from aspire_tui.domain.passions import LIST_LABELS, parse_items
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.widgets.plain_fields import PlainTextArea

HINTS = {
    "love": "What you would do even unpaid: 'explaining hard things', 'tax law'.",
    "good_at": "What others come to you for.",
    "needed": "What your field, or the world, is short of.",
    "paid_for": "What someone pays for today, or would.",
    "values": "What you will not trade for a title or money: 'evenings with my kids'.",
}


class PassionsForm(FormDialog[Passions]):
    def __init__(self, today: date, passions: Passions | None) -> None:
        super().__init__("Passions and values")
        self.today = today
        self.original = passions or Passions()

    def compose_fields(self) -> Iterable[Widget]:
        for name in (*PASSION_LISTS, "values"):
            area = PlainTextArea("\n".join(getattr(self.original, name)), id=name, classes="answer")
            parse: Callable[[str], Any] = partial(parse_items, what=LIST_LABELS[name])
            label = f"{LIST_LABELS[name]} (one per line)"
            yield from self.field(label, area, HINTS[name], parse=parse)

    def on_mount(self) -> None:
        self.query_one("#love").focus()

    def build(self, values: dict[str, Any]) -> Passions:
        lists = {name: values[name] for name in (*PASSION_LISTS, "values")}
        return Passions(**lists, updated=self.today, uid=self.original.uid, id=self.original.id)
