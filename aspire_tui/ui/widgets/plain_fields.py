"""Text fields that never hand a control character (an ANSI escape, say) to the terminal.

Textual's Input and TextArea draw their text as given, so a stored or pasted escape sequence
would reach the terminal. A value loaded from the data shows control characters as their
visible Unicode pictures; a paste has them left out, with a word to say so, and the rest is
stored exactly as pasted.

Textual calls the paste handler of every class in the widget's MRO, subclass first: these only
rewrite the event's text, and Input's or TextArea's own handler then inserts it.
"""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from aspire_tui.presentation.text import safe
from aspire_tui.ui.textual_private import own_bindings_for_key

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _without_controls(widget: Widget, text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL.sub("", text)
    if cleaned != text:
        widget.notify(
            "Left out control characters (such as terminal escape codes) from what you pasted.",
            severity="warning",
        )
    return cleaned


async def own_key_acts(field: Widget, event: events.Key) -> bool:
    """Run `field`'s own binding for `event` (backspace, an arrow, home) as the key arrives.

    Textual types a letter as the field receives it, but runs the field's bindings only once
    the key has gone up through every container to the App and back: keys that arrive
    together (a fast typist, a key held down, a program sending them) were applied out of
    order, so `hello`, five backspaces and `world` read "hellowo". Run here, each key acts in
    the order it came; a key the field does not bind goes on as before (Textual calls the
    base class's own key handler next, unless this one prevented it)."""
    if event.is_printable:
        return False
    for binding in own_bindings_for_key(field, event.key):
        if binding.priority:  # the App ran those before the key reached the field
            continue
        if await field.app.run_action(binding.action, field):
            event.stop()
            event.prevent_default()
            return True
    return False


class PlainInput(Input):
    """Also keeps the cursor at the end on focus, so typing adds to a pre-filled value."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("compact", True)
        super().__init__(safe(value).replace("\n", " ").replace("\t", " "), **kwargs)

    async def on_key(self, event: events.Key) -> None:
        await own_key_acts(self, event)  # else Textual calls the base class's handler next

    def on_paste(self, event: events.Paste) -> None:
        # One line: pasted line breaks become spaces rather than losing all but the first line.
        event.text = " ".join(_without_controls(self, event.text).split())


class PlainTextArea(TextArea):
    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("compact", True)
        super().__init__(safe(text), **kwargs)

    async def on_key(self, event: events.Key) -> None:
        await own_key_acts(self, event)  # else Textual calls the base class's handler next

    async def on_paste(self, event: events.Paste) -> None:
        event.text = _without_controls(self, event.text)
