"""Search, filter and sort the Goals list in one place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Select

from aspire_tui.domain.goal_finder import GoalView, Show, Sort
from aspire_tui.domain.models import Aspiration
from aspire_tui.domain.validation import parse_text
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.render import plain
from aspire_tui.ui.widgets.plain_fields import PlainInput

ALL = -1


def parse_query(text: str) -> str:
    return " ".join(parse_text(text, "Search").split())


class GoalFinderForm(FormDialog[GoalView]):
    def __init__(self, view: GoalView, aspirations: list[Aspiration]) -> None:
        super().__init__("Find goals", "Show")
        self.view = view
        self.aspirations = aspirations

    def compose_fields(self) -> Iterable[Widget]:
        v = self.view
        yield from self.field(
            "Words",
            PlainInput(v.query, placeholder="e.g. certificate", id="query"),
            "Found in a goal's title, description, unit, milestones or its aspiration's title.",
            parse=parse_query,
        )
        aspirations = [("Every aspiration", ALL)] + [
            (plain(a.title), a.id) for a in self.aspirations if a.id is not None
        ]
        chosen = v.aspiration_id if v.aspiration_id is not None else ALL
        yield from self.field(
            "Aspiration",
            Select(aspirations, value=chosen, allow_blank=False, id="aspiration", compact=True),
        )
        shows = [(s.value.capitalize(), s.value) for s in Show]
        yield from self.field(
            "Status",
            Select(shows, value=v.show.value, allow_blank=False, id="show", compact=True),
        )
        sorts = [(f"By {s.value}", s.value) for s in Sort]
        yield from self.field(
            "Sort",
            Select(sorts, value=v.sort.value, allow_blank=False, id="sort", compact=True),
            "o on the list sorts the next way without opening this.",
        )
        hide = [("Show them", False), ("Hide them", True)]
        yield from self.field(
            "Achieved goals and archived aspirations",
            Select(hide, value=v.hide_done, allow_blank=False, id="hide", compact=True),
        )

    @property
    def enter_saves(self) -> bool:
        """A search: `enter` shows what it finds, as in any search box (it records nothing)."""
        return True

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#query", Input).focus()

    def build(self, values: dict[str, Any]) -> GoalView:
        aspiration = self.query_one("#aspiration", Select).value
        show = self.query_one("#show", Select).value
        sort = self.query_one("#sort", Select).value
        return GoalView(
            query=values["query"],
            aspiration_id=aspiration if isinstance(aspiration, int) and aspiration != ALL else None,
            show=Show(show) if isinstance(show, str) else Show.ALL,
            sort=Sort(sort) if isinstance(sort, str) else Sort.ASPIRATION,
            hide_done=self.query_one("#hide", Select).value is True,
        )
