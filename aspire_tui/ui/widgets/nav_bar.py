"""The row under the header that says where you are and how to get elsewhere."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from aspire_tui.ui.navigation import MAIN_SCREENS


class NavBar(Static):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self._content(current))

    def _content(self, current: str) -> Content:
        """The keys as the settings file's [keys] may have changed them."""
        key_for_id = getattr(self.app, "key_for_id", None)

        def key(binding_id: str, usual: str) -> str:
            return (key_for_id(binding_id) if key_for_id else "") or usual

        parts: list[str | tuple[str, str]] = []
        for usual, mode, label in MAIN_SCREENS:
            style = "bold reverse $text-accent" if mode == current else ""
            shown = key(f"go.{mode}", usual).split(",")[0]
            parts.extend([(f" {shown} ", "bold $text-accent"), (f" {label} ", style), "   "])
        parts.append((f"{key('help', '?')} help", "dim"))
        return Content.assemble(*parts)
