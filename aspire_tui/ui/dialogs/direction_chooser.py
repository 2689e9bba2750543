"""Choose the two or three directions to compare: the aspirations first, then the catalog
paths not adopted, each labelled as what it is."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from aspire_tui.domain.comparison import Candidate, check_chosen
from aspire_tui.domain.validation import ValidationError
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.render import literal, one_line, plain
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.pick_list import PickList


class DirectionList(PickList):
    """j and k move, as in every list of Aspire's; space chooses or leaves out."""

    BINDINGS = [
        Binding(
            "space",
            "select",
            "Choose",
            id="compare.toggle",
            tooltip="Choosing: choose a direction or leave it out",
        ),
    ]


def name_of(found: Candidate, text: str) -> Content:
    """A direction's name: an aspiration's is the person's (masked), a catalog path's is
    Aspire's own."""
    return plain(text) if found.aspiration is not None else literal(text)


def label(found: Candidate, width: int) -> Content:
    if found.aspiration is not None:
        kind = "  aspiration · paused" if found.aspiration.ladder.paused else "  aspiration"
    else:
        kind = "  catalog path"
    name = one_line(found.name, max(10, width - len(kind)))
    return Content.assemble(name_of(found, name), (kind, "dim"))


class DirectionChooser(ModalScreen[list[str] | None]):
    """Returns the keys of the directions chosen, in the list's order, or None on escape."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="compare.cancel"),
        # Priority: the list's own enter would choose the row instead of comparing.
        Binding(
            "enter",
            "compare",
            "Compare",
            priority=True,
            id="compare.go",
            tooltip="Choosing: compare the 2 or 3 chosen",
        ),
    ]

    def __init__(self, found: Sequence[Candidate], chosen: Sequence[str] = ()) -> None:
        super().__init__()
        self.found = list(found)
        self.first = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog chooser"):
            yield Label("Compare directions", classes="dialog-title")
            yield Static("Choose 2 or 3 to see side by side.", classes="field-hint")
            width = 60
            yield DirectionList(
                *(Selection(label(c, width), c.key, c.key in self.first) for c in self.found),
                id="directions",
            )
            yield Static("", id="directions-count", classes="field-hint", markup=False)
            yield Static("", id="directions-error", classes="field-error", markup=False)
            yield Static("space choose · enter compare · esc back", classes="field-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        directions = self.query_one("#directions", DirectionList)
        keys = [c.key for c in self.found]
        first = next((keys.index(k) for k in keys if k in self.first), 0)
        directions.highlighted = first if keys else None
        directions.focus()
        self._count()

    def _count(self) -> None:
        """Say what is chosen: a chosen row differs from the others only by its colour."""
        chosen = set(self.chosen())
        names = [name_of(c, c.name) for c in self.found if c.key in chosen]
        said = Content(f"{len(names)} chosen")
        if names:
            said = Content.assemble(said, ": ", Content(" · ").join(names))
        self.query_one("#directions-count", Static).update(said)

    def chosen(self) -> list[str]:
        picked = set(self.query_one("#directions", DirectionList).selected)
        return [c.key for c in self.found if c.key in picked]

    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self.query_one("#directions-error").display = False
        self._count()

    def action_compare(self) -> None:
        chosen = self.chosen()
        try:
            check_chosen(len(chosen))
        except ValidationError as error:
            message = self.query_one("#directions-error", Static)
            message.update(str(error))
            message.display = True
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
