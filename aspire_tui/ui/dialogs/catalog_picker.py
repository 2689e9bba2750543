"""Choose a path from the catalog, or write your own."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from aspire_tui.domain.catalog import CatalogPath, catalog, find_path
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.navigation import PassesNavigation, navigation_bindings
from aspire_tui.ui.widgets.detail_pane import DetailPane
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.record_list import RecordList

CUSTOM = "custom"


def describe_path(path: CatalogPath) -> Content:
    ladder: list[str | tuple[str, str]] = []
    for number, level in enumerate(path.levels, 1):
        ladder += [(f"{number}. ", "dim"), level.name, "\n"]
    return Content.assemble(
        (path.name, "bold $text-accent"),
        "\n\n",
        path.summary,
        "\n\n",
        ("Who it tends to suit", "bold"),
        "\n",
        path.suits,
        "\n\n",
        ("What it offers", "bold"),
        "\n",
        path.offers,
        "\n\n",
        ("What it costs", "bold"),
        "\n",
        path.costs,
        "\n\n",
        ("The ladder", "bold"),
        "\n",
        *ladder,
    )


CUSTOM_TEXT = Content.assemble(
    ("Write your own", "bold $text-accent"),
    "\n\nName a direction of your own, as bold as you dare: "
    "'become the go-to expert on accessible design', 'lead a company'. "
    "You can say why it matters on the next step.",
)


class CatalogPicker(PassesNavigation, ModalScreen[str | None]):
    """Returns a catalog key, CUSTOM, or None when the person backs out."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="catalog.cancel"),
        Binding("enter", "choose", "Choose", show=True, id="catalog.choose"),
        Binding(
            "c", "compare", "Compare", id="catalog.compare", tooltip="Compare with other directions"
        ),
        *navigation_bindings("app."),
    ]

    def __init__(
        self,
        adopted: set[str] | None = None,
        highlight: str | None = None,
        compare: Callable[[str], None] | None = None,
    ) -> None:
        """`compare`: opens the comparison with the highlighted path chosen (`c`)."""
        super().__init__()
        self.adopted = adopted or set()
        self.highlight = highlight
        self.compare = compare

    def _prompt(self, path: CatalogPath) -> Content:
        if path.key in self.adopted:
            return Content.assemble(path.name, ("  ✓ adopted", "dim"))
        return Content(path.name)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Choose a direction", classes="dialog-title")
            with Horizontal(classes="picker"):
                options = [Option(self._prompt(p), id=p.key) for p in catalog()]
                options.append(Option("Write your own…", id=CUSTOM))
                paths = RecordList(*options, id="paths")
                # wide enough for the longest name and its mark on one line
                longest = max(self._prompt(p).cell_length for p in catalog())
                paths.styles.width = max(30, min(40, longest + 4))
                yield paths
                with DetailPane(id="path-detail"):  # j and k scroll it, as the arrows do
                    yield Static(id="path-text")
            yield Static(
                "↑ ↓ j k look · enter choose · c compare · tab scroll the text · esc back"
                if self.compare
                else "↑ ↓ j k look · enter choose · tab scroll the text · esc back",
                classes="field-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        paths = self.query_one("#paths", RecordList)
        paths.highlighted = 0
        if self.highlight is not None:
            paths.select_record(self.highlight)
        paths.focus()

    @on(OptionList.OptionHighlighted, "#paths")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        path = find_path(event.option.id)
        self.query_one("#path-text", Static).update(describe_path(path) if path else CUSTOM_TEXT)

    @on(OptionList.OptionSelected, "#paths")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self) -> None:
        self.dismiss(self.query_one("#paths", RecordList).highlighted_record_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compare":
            return self.compare is not None
        return True

    def action_compare(self) -> None:
        key = self.query_one("#paths", RecordList).highlighted_record_id
        if self.compare is not None:
            self.compare(key if key is not None and key != CUSTOM else "")

    def action_cancel(self) -> None:
        self.dismiss(None)
