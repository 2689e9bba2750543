"""The right-hand pane that shows all of the highlighted entry; j and k scroll it like a list."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class DetailPane(VerticalScroll):
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]
