"""The privacy mask: every piece of personal text on screen drawn as neutral bars, so that a
person can share their screen (with a mentor, in a meeting) and keep using Aspire.

Personal text is marked where it is put on screen (`personal()`, and `render.plain()`, which
is for user text only) with a style that carries a mark in its meta and changes nothing in how
it looks. While the mask is on, `MaskFilter` swaps the characters of every marked run for bars
of the same width as the line is drawn, after layout, so that structure, progress bars, dates
and keys stay as they were. The records are never touched: what is masked is only what is
drawn, so nothing masked can be saved back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter
from textual.style import Style

from aspire_tui.presentation.text import safe

PERSONAL_MARK = "aspire-personal"
PERSONAL = Style.from_meta({PERSONAL_MARK: True})
"""Added to a piece of personal text: invisible, but the mask finds it by this."""

BAR = "▒"
_WORDS = (5, 3, 7, 4, 6, 2, 8, 4)
"""Widths of the bars a masked run is drawn as: the same pattern whatever the text, so the
mask shows how long a text is, never how its words fall."""


def personal(text: str, style: str = "") -> Content:
    """Personal text (a title, a note, a reason) as content: never parsed as markup, and hidden
    by the mask."""
    content = Content.styled(safe(text), style) if style else Content(safe(text))
    return content.stylize(PERSONAL)


@lru_cache(maxsize=512)
def bars(width: int) -> str:
    """`width` cells of neutral bars with gaps, the same for any text of that width."""
    drawn: list[str] = []
    length = 0
    index = 0
    while length < width:
        word = BAR * _WORDS[index % len(_WORDS)]
        drawn.append(word)
        length += len(word) + 1
        index += 1
    return " ".join(drawn)[:width].rstrip().ljust(width)


def masked_text(text: str, width: int) -> str:
    """A run of personal text `width` cells wide, as bars: its leading and trailing spaces are
    kept (they are layout), the rest becomes bars."""
    stripped = text.strip(" ")
    if not stripped:
        return text
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" "))
    return " " * lead + bars(max(0, width - lead - trail)) + " " * trail


class MaskFilter(LineFilter):
    """Draws every run of personal text as bars, keeping its width and its colours."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        drawn: list[Segment] = []
        for segment in segments:
            style = segment.style
            if style is not None and not segment.control and style.meta.get(PERSONAL_MARK):
                text = masked_text(segment.text, segment.cell_length)
                drawn.append(Segment(text, style))
            else:
                drawn.append(segment)
        return drawn


class PrivacyMask:
    """Whether the mask is on. Turning it draws every screen of the current mode again; a
    screen of another mode is drawn whole when it shows again (Textual lays it out afresh),
    which tests/test_privacy_mask.py checks in a real terminal."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.filter = MaskFilter()

    def turn(self, app: App[Any], on: bool) -> None:
        self.on = on
        for screen in app.screen_stack:
            changed = getattr(screen, "mask_changed", None)
            if changed is not None:
                changed()  # a screen whose fields hide what they hold (the review's notes)
            for widget in screen.walk_children(with_self=True):
                widget.refresh()


def _pattern(part: str) -> re.Pattern[str]:
    """Where `part` appears as words of its own (a unit "h" is not every h in a sentence),
    across a line break too (a wrapped title)."""
    words = r"\s+".join(re.escape(word) for word in part.split())
    return re.compile(rf"(?<!\w){words}(?!\w)")


def with_personal(text: str, *parts: str, style: str = "") -> Content:
    """Text of Aspire's own with the person's words in it (a goal's unit in "3 of 5 talks",
    a title in a sentence, wrapped or not), each of `parts` marked wherever it appears whole."""
    content = Content.styled(safe(text), style) if style else Content(safe(text))
    plain_text = content.plain
    for part in {safe(p) for p in parts if p.strip()}:
        for found in _pattern(part).finditer(plain_text):
            content = content.stylize(PERSONAL, found.start(), found.end())
    return content


def quoted_personal(text: str, style: str = "") -> Content:
    """A line of Aspire's own with the person's words in quotes ("Goals · “cpa” · esc shows
    all"), cut to fit or not: from the opening quote to the closing one (or to the end, when
    the line was cut inside the quotes) is marked."""
    content = Content.styled(safe(text), style) if style else Content(safe(text))
    plain_text = content.plain
    at = plain_text.find("“")
    if at < 0:
        return content
    end = plain_text.find("”", at)
    return content.stylize(PERSONAL, at, len(plain_text) if end < 0 else end + 1)


def toast_text(app: App[Any], text: str, *parts: str) -> str:
    """A toast's message (a plain string, which cannot carry the mark) with each of `parts`,
    the person's words in it, as bars while the mask is on."""
    mask = getattr(app, "mask", None)
    if mask is None or not mask.on:
        return text
    for part in sorted({p for p in parts if p.strip()}, key=len, reverse=True):
        text = _pattern(part).sub(lambda found: bars(len(found.group())), text)
    return text
