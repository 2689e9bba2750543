"""The keys of the current screen, in one line at the bottom.

Textual's Footer is a widget per key, and it rebuilds them all whenever the screen's bindings
may have changed: on every focus change and every dialog opened or closed. With fifteen keys
that took 15 to 50 ms each time, and at start it held back the first frame (nothing is drawn
while it rebuilds). This footer is one widget that draws the same line of keys, and redraws
only when what it shows changes. A click on a key presses it, as with Textual's.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class FooterItem(NamedTuple):
    key: str
    """The key to press (as Textual names it), for a click."""
    display: str
    description: str
    enabled: bool
    keep: bool = False
    """Help, Settings and Quit: shown at any width, so a person is never stranded."""


KEEP = frozenset({"help", "settings", "quit"})
"""Binding ids the footer never drops; the screen's own keys go first when the line is short."""


class KeyFooter(Widget):
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: tuple[FooterItem, ...] | None = None
        self._spans: list[tuple[int, int, FooterItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self.is_attached:
            items = self.current_items()
            if items != self._items:
                self._items = items
                self.refresh()

    def current_items(self) -> tuple[FooterItem, ...]:
        """What the footer shows: each shown binding once per action, in order."""
        app = self.app
        seen: set[str] = set()
        items = []
        palette = None
        for key, (_, binding, enabled, _) in self.screen.active_bindings.items():
            is_palette = key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE
            if not (binding.show or is_palette) or binding.action in seen:
                continue
            seen.add(binding.action)
            display = app.get_key_display(binding)
            keep = binding.id in KEEP
            item = FooterItem(binding.key, display, binding.description, enabled, keep)
            if is_palette:
                palette = item  # shown though its binding is hidden, as Textual's footer does
            else:
                items.append(item)
        if palette is not None:
            items.append(palette)  # drawn at the right-hand end, as Textual's footer does
        return tuple(items)

    @property
    def items(self) -> tuple[FooterItem, ...]:
        if self._items is None:
            self._items = self.current_items()
        return self._items

    def _fitting(self, items: list[FooterItem]) -> list[FooterItem]:
        """The items that fit the width: the screen's own keys are dropped from the right, and
        the kept ones (help, settings, quit) always stay, at the end."""
        width = self.size.width

        def length(shown: list[FooterItem]) -> int:
            return sum(self._piece(item).cell_length + 1 for item in shown)

        if length(items) <= width:
            return items
        kept = [item for item in items if item.keep]
        others = [item for item in items if not item.keep]
        while others and length(others) + length(kept) > width:
            others.pop()
        return others + kept

    def render(self) -> Content:
        items = list(self.items)
        palette = None
        if items and items[-1].key == self.app.COMMAND_PALETTE_BINDING:
            palette = items.pop()
        items = self._fitting(items)
        parts: list[Content] = []
        self._spans = []
        at = 0
        for item in items:
            piece = self._piece(item)
            self._spans.append((at, at + piece.cell_length, item))
            parts.append(piece)
            parts.append(Content(" "))
            at += piece.cell_length + 1
        line = Content("").join(parts)
        if palette is not None:
            piece = Content.assemble(("▏", "$foreground 20%"), self._piece(palette))
            room = self.size.width - line.cell_length - piece.cell_length
            if room >= 0:
                start = self.size.width - piece.cell_length
                self._spans.append((start + 1, self.size.width, palette))
                line = Content.assemble(line, " " * room, piece)
        return line

    @staticmethod
    def _piece(item: FooterItem) -> Content:
        dim = "" if item.enabled else " dim"
        return Content.assemble(
            (item.display, f"bold $footer-key-foreground on $footer-key-background{dim}"),
            (
                f" {item.description}",
                f"$footer-description-foreground on $footer-description-background{dim}",
            ),
        )

    def on_click(self, event: events.Click) -> None:
        for start, end, item in self._spans:
            if start <= event.x < end:
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
