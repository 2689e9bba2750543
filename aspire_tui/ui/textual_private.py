"""Every use Aspire makes of Textual's private names, and only here.

Textual 8.2 has no public way to do these; each says what it needs and why. After upgrading
Textual, run tests/test_textual_private.py: it fails if any of them changed or went away.

Replaced by public APIs (no longer private): a crash report is handed over with `App.panic`
(it was appended to `App._exit_renderables` before `_close_messages_no_wait()`), and the text
fields rewrite a key or a paste in public `on_key` / `on_paste` handlers, which Textual calls
before the base class's own (they overrode Input's and TextArea's `_on_key` / `_on_paste`).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import textual._parser
from textual._xterm_parser import XTermParser
from textual.app import App, ReturnType
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _character_to_key

__all__ = [
    "CrashReportWithoutLocals",
    "XTermParser",
    "end_escape_wait",
    "key_name",
    "keymap",
    "own_bindings_for_key",
    "parser_time",
    "read_input_with",
]


class CrashReportWithoutLocals(App[ReturnType]):
    """An app whose crash report shows where it failed, never what was in memory.

    Textual's report (`App._fatal_error`, called by `_handle_exception` for an uncaught
    exception) prints local variables, which may hold a person's private notes. There is no
    public hook or setting for the report; the report itself goes out by the public `panic`."""

    def _fatal_error(self) -> None:
        import rich
        from rich.traceback import Traceback

        self.bell()
        self.panic(Traceback(show_locals=False, width=None, suppress=[rich]))


def keymap(app: App[Any]) -> Mapping[str, str]:
    """The keymap given to `app.set_keymap`, as Textual normalised it ("?" -> "question_mark"):
    what the footer, the help screen and the keymap check show. Textual has `set_keymap` and
    `update_keymap`, but nothing that reads the keymap back."""
    return app._keymap


def key_name(character: str) -> str:
    """Textual's name for the key that types `character` ("?" -> "question_mark"), as bindings
    and keymaps name keys. Public `textual.keys` has only the way back (`key_to_character`)."""
    return _character_to_key(character)


def own_bindings_for_key(widget: DOMNode, key: str) -> tuple[Binding, ...]:
    """The bindings `widget` itself has for `key`, not those of the containers around it.
    The public `Screen.active_bindings` resolves the whole focus chain (and checks every
    action in it), so a container's binding hides the field's own, and it is too slow to ask
    on every key press."""
    return tuple(widget._bindings.key_to_bindings.get(key, ()))


def parser_time() -> float:
    """Now, on the clock Textual's input parser times its wait for the rest of an escape
    sequence with: a wait of Aspire's in the parser must run on the same clock. (Looked up at
    each call, so a test that moves Textual's clock moves this one too.)"""
    return textual._parser.get_time()


def end_escape_wait(parser: XTermParser) -> None:
    """Tell Textual's parser that its wait for the rest of an escape sequence is over, if it
    was waiting: its next `tick` then decides, as it would after the wait. The paste guard
    has waited that long already while holding back what might start a paste. The parser has
    no public way to be told."""
    if parser._timeout_time is not None:
        parser._timeout_time = parser_time()


_DRIVERS = (
    "textual.drivers.linux_driver",
    "textual.drivers.linux_inline_driver",
    "textual.drivers.win32",
    "textual.drivers.web_driver",
)


def read_input_with(parser_class: type[XTermParser]) -> None:
    """Make the terminal drivers that are loaded read their input with `parser_class`.

    Each driver module imports `XTermParser` by name and builds one in its input thread; no
    driver takes a parser as an argument or a setting. Only a driver still using Textual's own
    parser is changed."""
    for name in _DRIVERS:
        module = sys.modules.get(name)
        if module is None and name.endswith("win32") and sys.platform == "win32":
            import importlib  # loaded only once the Windows driver starts: too late

            module = importlib.import_module(name)
        if module is not None and getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = parser_class  # type: ignore[attr-defined]


def forget_first_screen(app: App[Any]) -> None:
    """Let go of the screen the app was composed with (`App._compose_screen`, behind the
    public `default_screen`), which Textual keeps for the app's life: once its mode is removed
    (an encrypted Aspire locked), it would hold that screen's records. `default_screen` then
    answers the current screen, as it does for an app composed without one."""
    app._compose_screen = None


def plotext_rgb_theme(
    surface: tuple[int, int, int], foreground: tuple[int, int, int]
) -> tuple[Any, ...]:
    """A plotext theme in these colours, built as textual-plotext builds one for an app theme
    (its `_rgbify_theme` and colour sequence: there is no public way)."""
    from textual_plotext.plot import _rgbify_theme, _sequence

    return _rgbify_theme(surface, surface, foreground, "default", list(_sequence))
