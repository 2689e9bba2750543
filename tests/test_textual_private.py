"""Every private Textual name Aspire relies on still exists and still does what Aspire needs.

They all live in `aspire_tui/ui/textual_private.py`; a Textual upgrade that changes one makes a
test here fail, and that module says what each is for. Also: nothing else in `aspire_tui/`
reaches for a private Textual name.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
import sys
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input

from aspire_tui.ui import textual_private as private

PACKAGE = Path(__file__).parent.parent / "aspire_tui"


UI_MODULES = sorted(
    path
    for path in [*PACKAGE.glob("*.py"), *(PACKAGE / "ui").rglob("*.py")]
    if path.name != "textual_private.py"
)
"""Where Textual objects are: the domain and the store may not import Textual at all
(tests/test_layers.py)."""


def textual_private_names() -> set[str]:
    """Every `_name` Textual defines: its private methods and the private attributes it sets."""
    root = Path(inspect.getfile(App)).parent
    names: set[str] = set()
    for path in root.rglob("*.py"):
        text = path.read_text()
        names |= set(re.findall(r"self\.(_[a-zA-Z]\w*)\s*(?::[^=\n]*)?=", text))
        names |= set(re.findall(r"def (_[a-zA-Z]\w*)", text))
    return names


@functools.cache
def classes_in(path: str) -> dict[str, str]:
    """The source of each class in a file, by name (one parse per file: `inspect.getsource`
    parses the file again for every class)."""
    text = Path(path).read_text()
    lines = text.splitlines(keepends=True)
    return {
        node.name: "".join(lines[node.lineno - 1 : node.end_lineno])
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ClassDef)
    }


def class_source(cls: type) -> str:
    try:
        path = inspect.getsourcefile(cls)
    except TypeError:
        return ""
    return classes_in(path).get(cls.__name__, "") if path else ""


@functools.cache
def private_names_used_by(textual_class: type) -> frozenset[str]:
    return frozenset(re.findall(r"self\.(_[a-zA-Z]\w*)", class_source(textual_class)))


def test_no_other_module_imports_a_private_textual_name() -> None:
    private_import = re.compile(
        r"(from|import)\s+textual[\w.]*\._\w+|from\s+textual[\w.]*\s+import\s+[^\n]*\b_\w+"
    )
    found = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in UI_MODULES
        for match in private_import.finditer(path.read_text())
    ]
    assert found == []


def test_no_other_module_reads_a_private_textual_attribute_of_another_object() -> None:
    """`field._bindings`, `app._keymap`: any `thing._name` where Textual has a `_name`."""
    names = textual_private_names()
    found = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in UI_MODULES
        for match in re.finditer(r"\b(\w+)\.(_[a-zA-Z]\w*)\b", path.read_text())
        if match.group(1) not in {"self", "cls", "os", "sys"} and match.group(2) in names
    ]
    assert found == []


def test_no_aspire_class_uses_or_overrides_a_private_name_of_its_textual_bases() -> None:
    """`self._keymap` in an App, `def _on_key` in an Input: a name the Textual classes it
    is made from have themselves (Textual's metaclass adds some of its own: not counted)."""
    import importlib
    import pkgutil

    import aspire_tui.ui

    made_by_textual = re.compile(
        r"_(computes|css_type_names?|decorated_handlers|inherit_\w+"
        r"|merged_bindings|reactives)$"
    )
    modules = [
        importlib.import_module(module.name)
        for module in pkgutil.walk_packages(aspire_tui.ui.__path__, "aspire_tui.ui.")
        if module.name != private.__name__
    ]
    found = []
    for module in modules:
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            bases = [b for b in cls.__mro__[1:] if b.__module__.startswith("textual")]
            if not bases:
                continue
            source = class_source(cls)
            used = set(re.findall(r"self\.(_[a-zA-Z]\w*)", source))
            used |= set(re.findall(r"def (_[a-zA-Z]\w*)", source))
            for name in sorted(used):
                if made_by_textual.match(name):
                    continue
                for base in bases:
                    if name in vars(base) or name in private_names_used_by(base):
                        found.append(f"{cls.__qualname__}.{name} ({base.__name__})")
                        break
    assert found == []


def test_the_keymap_an_app_set_can_be_read_back_as_textual_normalised_it() -> None:
    assert "_keymap" in inspect.getsource(App.__init__)
    app = App()
    app.set_keymap({"help": "?", "go.home": "ctrl+g,h"})
    assert private.keymap(app) == {"help": "question_mark", "go.home": "ctrl+g,h"}


def test_a_character_has_the_key_name_bindings_use() -> None:
    assert private.key_name("?") == "question_mark"
    assert private.key_name(",") == "comma"
    assert private.key_name("a") == "a"
    assert private.key_name("+") == "plus"


def test_a_widgets_own_bindings_for_a_key_are_found() -> None:
    field = Input()
    actions = [b.action for b in private.own_bindings_for_key(field, "backspace")]
    assert actions == ["delete_left"]
    assert private.own_bindings_for_key(field, "f13") == ()
    assert all(isinstance(b, Binding) for b in private.own_bindings_for_key(field, "home"))


def test_textual_still_calls_the_crash_hook_and_the_report_has_no_locals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`App._handle_exception` calls `_fatal_error` for an exception with no `__rich__`;
    the override shows where it failed, never a local variable's value."""
    assert "self._fatal_error()" in inspect.getsource(App._handle_exception)
    assert list(inspect.signature(App._fatal_error).parameters) == ["self"]

    class Crashes(private.CrashReportWithoutLocals[None]):
        def on_mount(self) -> None:
            secret_note = "".join(["sal", "ary"])  # noqa: F841 - must not be shown
            raise RuntimeError("boom")

    async def run() -> None:
        async with Crashes().run_test():
            pass

    import asyncio

    with pytest.raises(RuntimeError, match="boom"):
        asyncio.run(run())
    shown = capsys.readouterr().err
    assert "boom" in shown and "RuntimeError" in shown
    assert "salary" not in shown


def test_the_input_parser_can_be_extended_timed_and_told_its_wait_is_over() -> None:
    """The paste guard extends Textual's input parser and shares its escape wait."""
    import textual._parser

    parser = private.XTermParser()
    assert callable(parser.feed) and callable(parser.tick)
    assert private.parser_time() == pytest.approx(textual._parser.get_time(), abs=1.0)
    assert list(parser.feed("\x1b")) == []  # a lone escape: Textual waits for more
    assert list(parser.tick()) == []
    private.end_escape_wait(parser)
    [key] = list(parser.tick())
    assert isinstance(key, events.Key) and key.key == "escape"
    private.end_escape_wait(parser)  # not waiting: nothing to end, no error


def test_a_paste_is_marked_by_the_bytes_the_paste_guard_looks_for() -> None:
    from textual import _xterm_parser

    from aspire_tui.ui import paste_guard

    assert _xterm_parser.BRACKETED_PASTE_START == paste_guard.BRACKETED_PASTE_START
    assert _xterm_parser.BRACKETED_PASTE_END == paste_guard.BRACKETED_PASTE_END


def test_each_terminal_driver_builds_its_parser_by_the_name_that_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import textual.drivers.linux_driver as linux_driver

    for name in ("linux_driver", "linux_inline_driver", "win32", "web_driver"):
        path = Path(inspect.getfile(App)).parent / "drivers" / f"{name}.py"
        text = path.read_text()
        assert "from textual._xterm_parser import XTermParser" in text, name
        assert re.search(r"parser = XTermParser\(", text), name

    class Mine(private.XTermParser):
        pass

    for name in private._DRIVERS:  # every driver module loaded reads with Textual's own
        module = sys.modules.get(name)  # parser for this test, and is put back after it
        if module is not None and hasattr(module, "XTermParser"):
            monkeypatch.setattr(module, "XTermParser", private.XTermParser)
    private.read_input_with(Mine)
    assert linux_driver.XTermParser is Mine
    assert "textual.drivers.win32" not in sys.modules or sys.platform == "win32"


def test_pilot_still_waits_for_idle_in_steps_the_suite_can_shorten() -> None:
    """tests/conftest.py sets `textual._wait.SLEEP_GRANULARITY` (and `SLEEP_IDLE`) to 5 ms
    so that each `pause()` and key press waits less. That works only while `wait_for_idle`
    reads both names when called, not when defined, and Pilot's pause and press use it."""
    from textual import _wait, pilot

    assert _wait.SLEEP_GRANULARITY == 0.005
    assert _wait.SLEEP_IDLE == _wait.SLEEP_GRANULARITY / 20
    assert {"SLEEP_GRANULARITY", "SLEEP_IDLE"} <= set(_wait.wait_for_idle.__code__.co_names)
    assert pilot.wait_for_idle is _wait.wait_for_idle
    assert "wait_for_idle" in inspect.getsource(pilot.Pilot.pause)
    assert "wait_for_idle" in inspect.getsource(App._press_keys)


def test_the_styles_cache_kept_beyond_an_app_can_still_be_cleared() -> None:
    """tests/conftest.py clears it after each test: Textual keeps every widget's styles
    cache in this `lru_cache`, so a worker running hundreds of apps would keep their lines."""
    from textual._styles_cache import StylesCache

    assert StylesCache.get_inner_outer.cache_info().maxsize == 1024
    StylesCache.get_inner_outer.cache_clear()
    assert StylesCache.get_inner_outer.cache_info().currsize == 0


async def test_the_screen_an_app_was_composed_with_can_be_let_go() -> None:
    """Textual keeps the first screen as `App._compose_screen` (behind `default_screen`) for
    the app's life; the encrypted lock lets it go, and `default_screen` then answers the
    screen showing."""
    from textual.screen import Screen

    class First(Screen[None]):
        pass

    class Modes(App[None]):
        MODES = {"one": First, "two": Screen}  # noqa: RUF012
        DEFAULT_MODE = "one"

    app = Modes()
    async with app.run_test() as pilot:
        first = app.screen
        assert app.default_screen is first and app._compose_screen is first
        await app.switch_mode("two")
        await pilot.pause()
        private.forget_first_screen(app)
        assert app.default_screen is app.screen and app.default_screen is not first


def test_textual_plotext_still_builds_a_theme_from_rgb_colours() -> None:
    """`plot_text.plotext_theme` registers plotext themes with textual-plotext's own helper
    and colour sequence (private), named by the colours rather than the app theme's name."""
    theme = private.plotext_rgb_theme((1, 2, 3), (4, 5, 6))
    assert theme[0] == (1, 2, 3) and theme[1] == (1, 2, 3) and theme[2] == (4, 5, 6)
    assert theme[3] == "default" and all(len(colour) == 3 for colour in theme[4])
