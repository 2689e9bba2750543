"""A paste is text, never key presses, whatever bytes it holds.

Textual 8.2.8's input parser (`textual/_xterm_parser.py`) reads an ESC inside a bracketed
paste as the start of an escape sequence: it ends the paste there and replays the rest as
keys, so a pasted `note<ESC><ESC><ESC>dy` closed the form and deleted a journal entry. This
parser takes the body of a bracketed paste out of the stream before Textual's parser sees it
and delivers it as one `Paste`; everything else, the paste markers included, goes through
Textual's parser unchanged (which then reports an empty paste of its own, dropped here).

The one subtlety is a read that ends partway into what may be the start of a paste
(`ESC`, `ESC [`, ... `ESC [ 2 0 0`): that is held back until the next read tells, but never
longer than Textual waits before it decides a lone ESC was the escape key.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import constants, events
from textual.message import Message

from aspire_tui.ui.textual_private import (
    XTermParser,
    end_escape_wait,
    parser_time,
    read_input_with,
)

BRACKETED_PASTE_START = "\x1b[200~"
BRACKETED_PASTE_END = "\x1b[201~"
"""What a terminal sends around a paste, once the app has asked for bracketed paste (xterm's
convention; Textual's parser knows them by the same bytes)."""

_STARTS = tuple(BRACKETED_PASTE_START[:n] for n in range(1, len(BRACKETED_PASTE_START)))
"""What a read may end with when the next one may complete a paste's start."""


class PasteGuardParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._held = ""
        """The end of the last read, if it may be the start of a paste."""
        self._held_since = 0.0
        self._pasting: list[str] | None = None
        """The paste so far, while one is arriving."""
        self._paste_tail = ""
        """Its last few characters, where an end split across reads begins."""

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input: what was held back is keys after all
            held, self._held, self._pasting = self._held, "", None
            yield from self._keys(held)
            yield from self._without_pastes(super().feed(""))
        elif self._pasting is not None:
            yield from self._inside(data)
        else:
            held, self._held = self._held, ""
            yield from self._outside(held + data)

    def tick(self) -> Iterable[Message]:
        if self._held and parser_time() - self._held_since >= constants.ESCAPE_DELAY:
            held, self._held = self._held, ""
            yield from self._keys(held)
            end_escape_wait(self)  # Textual's own wait has passed too
        yield from self._without_pastes(super().tick())

    def _outside(self, data: str) -> Iterable[Message]:
        """Keys, until a paste starts."""
        start = data.find(BRACKETED_PASTE_START)
        if start == -1:
            keep = next((s for s in reversed(_STARTS) if data.endswith(s)), "")
            if keep:
                data, self._held, self._held_since = data[: -len(keep)], keep, parser_time()
            yield from self._keys(data)
            return
        body = start + len(BRACKETED_PASTE_START)
        yield from self._keys(data[:body])  # Textual's parser is told a paste started
        self._pasting, self._paste_tail = [], ""
        yield from self._inside(data[body:])

    def _inside(self, data: str) -> Iterable[Message]:
        """Text, until the paste ends."""
        assert self._pasting is not None
        self._pasting.append(data)
        recent = self._paste_tail + data
        if BRACKETED_PASTE_END not in recent:
            self._paste_tail = recent[-(len(BRACKETED_PASTE_END) - 1) :]
            return
        text = "".join(self._pasting)
        end = text.find(BRACKETED_PASTE_END)
        self._pasting = None
        yield from self._keys(BRACKETED_PASTE_END)  # Textual's parser is told it ended
        yield events.Paste(text[:end].replace("\x00", ""))  # no NULs, as Textual does
        rest = text[end + len(BRACKETED_PASTE_END) :]
        if rest:
            yield from self.feed(rest)

    def _keys(self, data: str) -> Iterable[Message]:
        """What Textual's parser makes of `data`."""
        if data:
            yield from self._without_pastes(super().feed(data))

    @staticmethod
    def _without_pastes(messages: Iterable[Message]) -> Iterable[Message]:
        """Every paste Textual's parser sees is empty, as its body never reaches it."""
        return (message for message in messages if not isinstance(message, events.Paste))


def install() -> None:
    """Make the terminal drivers that are loaded read their input with `PasteGuardParser`."""
    read_input_with(PasteGuardParser)
