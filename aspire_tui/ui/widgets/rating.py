"""A 1-5 rating typed with digits or arrows, small enough to sit on one line of a form."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from aspire_tui.domain.models import RATING_MAX, RATING_MIN


class Rating(Widget, can_focus=True):
    DEFAULT_CSS = """
    Rating {
        height: 1;
        width: auto;
        padding: 0 1;
    }
    Rating:focus {
        background: $boost;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("right,plus", "change(1)", "More", show=False, id="rating.more"),
        Binding("left,minus", "change(-1)", "Less", show=False, id="rating.less"),
        Binding("backspace,delete,0", "clear", "Clear", show=False, id="rating.clear"),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, rating: Rating, value: int | None) -> None:
            super().__init__()
            self.rating = rating
            self.value = value

    def __init__(self, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(Rating.value, value)

    def render(self) -> Content:
        value = self.value or 0
        dots = "●" * value + "○" * (RATING_MAX - value)
        words = f" {value} of {RATING_MAX}" if value else "  not rated"
        return Content.assemble((dots, "$text-accent"), (words, "dim"))

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit():
            digit = int(event.character)
            if RATING_MIN <= digit <= RATING_MAX:
                self.value = digit
                event.stop()
                event.prevent_default()

    def action_change(self, step: int) -> None:
        current = self.value or (RATING_MIN - 1 if step > 0 else RATING_MAX + 1)
        self.value = max(RATING_MIN, min(RATING_MAX, current + step))

    def action_clear(self) -> None:
        self.value = None
