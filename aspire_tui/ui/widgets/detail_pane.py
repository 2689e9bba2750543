"""The right-hand pane that shows all of the highlighted entry; j and k scroll it like a list."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message


class DetailPane(VerticalScroll):
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="detail.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="detail.up"),
    ]

    class Resized(Message):
        """What the pane shows is drawn to its width (bars, the ladder): draw it again."""

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())
