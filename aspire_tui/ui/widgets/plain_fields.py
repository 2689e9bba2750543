"""Text fields that never hand a control character (an ANSI escape, say) to the terminal.

Textual's Input and TextArea draw their text as given, so a stored or pasted escape sequence
would reach the terminal. These show control characters as their visible Unicode pictures,
and what the person sees is what gets saved.

Textual calls the paste handler of every class in the widget's MRO, subclass first: these only
rewrite the event's text, and Input's or TextArea's own handler then inserts it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, TextArea

from aspire_tui.ui.render import safe


class PlainInput(Input):
    """Also keeps the cursor at the end on focus, so typing adds to a pre-filled value."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("compact", True)
        super().__init__(safe(value).replace("\n", " ").replace("\t", " "), **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        # One line: pasted line breaks become spaces rather than losing all but the first line.
        event.text = " ".join(safe(event.text).split())


class PlainTextArea(TextArea):
    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("compact", True)
        super().__init__(safe(text), **kwargs)

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = safe(event.text)
