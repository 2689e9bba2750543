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

    @staticmethod
    def _content(current: str) -> Content:
        parts: list[str | tuple[str, str]] = []
        for key, mode, label in MAIN_SCREENS:
            style = "bold reverse $accent" if mode == current else ""
            parts.extend([(f" {key} ", "bold $text-accent"), (f" {label} ", style), "   "])
        parts.append(("? help", "dim"))
        return Content.assemble(*parts)
