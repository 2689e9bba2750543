"""Driving the app through Pilot the way a person would, and reading what it shows."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from inspect import isclass

from textual import events
from textual.app import App
from textual.command import CommandList, CommandPalette, DiscoveryHit
from textual.pilot import Pilot
from textual.screen import Screen
from textual.visual import visualize
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.textual_private import key_name
from aspire_tui.ui.widgets.key_footer import KeyFooter
from tests.conftest import TODAY

SIZE = (100, 30)


def make_app(store: AspireStore, today: date = TODAY, start: str | None = "reflect") -> AspireApp:
    """The app, drawing its toasts in tests too (Textual leaves them out by default), so that
    a toast that would parse user text as markup fails the test that shows it. Tests of one
    screen start on Reflect, as the app did before Home existed; `start=None` opens where the
    app itself chooses."""
    app = AspireApp(store, today=today, start=start)
    setattr(app, "run_test", partial(app.run_test, notifications=True))  # noqa: B010
    return app


async def type_text(pilot: Pilot, text: str) -> None:
    """Press one key per character, as a keyboard would send them. Into a text field the
    printable keys arrive together, as a fast typist's do (Aspire takes keys that arrive
    together in order: tests/test_typing_ahead.py); `pilot.press` would let the app go idle
    after every key, about 60 ms a key whatever the app does. A newline (an `enter`), any
    other key that is not a character, and keys outside a text field are pressed one by one,
    each waited for as `pilot.press` does."""
    for run in re.findall(r"[^\S ]|[\S ]+", text):
        await _on_the_app(pilot, lambda: None)  # a focus() asked for has happened
        if run.isprintable() and isinstance(pilot.app.focused, Input | TextArea):
            await _keys_together(pilot, run)
        else:
            await pilot.press(*[{" ": "space", "\n": "enter"}.get(ch, ch) for ch in run])
    await pilot.pause()


async def _keys_together(pilot: Pilot, line: str) -> None:
    """Send the keys of `line` to the app in one go, as Pilot sends one (the same Key events,
    through the App), and wait until the focused field has taken every one: the App hands each
    key on to the field's queue, so a callback queued on the field once the App has got past
    the keys runs once the field has taken them all."""
    app = pilot.app
    for ch in line:
        app.post_message(events.Key(ch if ch.isalnum() else key_name(ch), ch).set_sender(app))
    taken = asyncio.Event()

    def behind_the_keys() -> None:
        (app.focused or app.screen).call_later(taken.set)

    await _on_the_app(pilot, behind_the_keys)
    await _within(taken, f"the field to take {line!r}")


async def _on_the_app(pilot: Pilot, callback: Callable[[], None]) -> None:
    """Run `callback` on the App once it has handled every message sent to it so far."""
    done = asyncio.Event()

    def run() -> None:
        callback()
        done.set()

    pilot.app.call_later(run)
    await _within(done, "the app to handle the keys sent")


async def _within(event: asyncio.Event, what: str, timeout: float = 10) -> None:
    try:
        await asyncio.wait_for(event.wait(), timeout)
    except TimeoutError:
        raise AssertionError(f"waited {timeout} s for {what}") from None


async def clear_field(pilot: Pilot) -> None:
    """Empty the focused one-line field."""
    await pilot.press("end", "ctrl+u")


def detail_text(app: App) -> str:
    return str(app.screen.query_one("#detail", Static).visual)


def _shown(option_list: OptionList, option: Option) -> str:
    """An option as the list draws it (markup in a plain string would be parsed here)."""
    return str(visualize(option_list, option.prompt))


def list_rows(app: App, selector: str = "#records") -> list[str]:
    option_list = app.screen.query_one(selector, OptionList)
    return [_shown(option_list, option) for option in option_list.options]


def screen_text(app: App) -> str:
    """All the text the current screen's Statics, Labels and lists show."""
    parts = [str(w.visual) for w in app.screen.query(Static)]
    for option_list in app.screen.query(OptionList):
        parts += [_shown(option_list, o) for o in option_list.options]
    return "\n".join(parts)


async def wait_until(
    pilot: Pilot, done: Callable[[], bool], what: str = "the awaited outcome", timeout: float = 10
) -> None:
    """Let the app run until `done()` holds, failing after `timeout` seconds of wall time. A
    wait on the outcome itself, never on a count of pauses: how long a pause lasts depends on
    the machine and its load, so a count races the app's timers."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {timeout} s: {what}")
        await pilot.pause(0.02)


def notifications(app: App) -> list[str]:
    """Toasts shown so far; a toast that would parse markup fails the test outright."""
    shown = list(app._notifications)
    assert not any(n.markup and "[" in n.message for n in shown), "a toast parses markup"
    return [n.message for n in shown]


def footer_keys(app: App) -> dict[str, str]:
    """Description -> key for the keys the footer shows as usable right now."""
    footer = app.screen.query_one(KeyFooter)
    footer.render()  # as drawn now
    return {item.description: item.display for item in footer.items if item.enabled}


def journal_rows(app: App) -> list[str]:
    """The Reflect screen's reflections: the rows under its Journal heading."""
    rows = list_rows(app)
    heading = next((i for i, row in enumerate(rows) if row.startswith("Journal")), None)
    return rows if heading is None else rows[heading + 1 :]


def screen_lines(app: App) -> list[str]:
    """The screen as drawn, one string per terminal row: what a person can actually read."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


_FRAME = {chr(c) for c in range(0x2500, 0x25A0)} | {"▐", "▌", "▊", "▎", "▏", "…"}


def shows_whole(app: App, text: str, selector: str | None = None) -> bool:
    """Whether `text` can be read in full on the screen as drawn, wrapped or not: each row
    (of the widget `selector` only, when given, as panes stand side by side) loses its borders
    and scrollbars, the rows are joined with spaces, and the text (spaces collapsed) must be
    in there. A text cut with … is not."""
    lines = screen_lines(app)
    if selector is not None:
        region = app.screen.query_one(selector).region
        lines = [row[region.x : region.right] for row in lines[region.y : region.bottom]]
    rows = ["".join(" " if ch in _FRAME else ch for ch in row) for row in lines]
    drawn = " ".join(" ".join(rows).split())
    return " ".join(text.split()) in drawn


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def faint_text(
    app: App, below: float = 1.6, selector: str | None = None
) -> list[tuple[int, str, float]]:
    """Words drawn so close to their background's colour that they vanish: (row, text,
    contrast ratio) for each piece of drawn text whose contrast is under `below`; only inside
    the widget `selector` when given (a dialog: the screen dimmed behind it is meant to fade)."""
    region = app.screen.query_one(selector).region if selector else None
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            style = segment.style
            at, x = x, x + segment.cell_length
            if region is not None and not region.contains(at, y):
                continue
            if style is None or style.color is None or style.bgcolor is None:
                continue
            if not any(ch.isalnum() for ch in segment.text):
                continue
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            if style.reverse:
                fg, bg = bg, fg
            a, b = _luminance(tuple(fg)), _luminance(tuple(bg))
            ratio = (max(a, b) + 0.05) / (min(a, b) + 0.05)
            if ratio < below:
                found.append((y, segment.text.strip(), round(ratio, 2)))
    return found


async def palette_commands(app: App, screen: Screen[object]) -> list[DiscoveryHit]:
    """What the command palette lists when opened over `screen` before anything is typed:
    each of the app's command providers asked, as the palette asks them."""
    hits: list[DiscoveryHit] = []
    for source in app.COMMANDS:
        provider = source if isclass(source) else source()
        async for hit in provider(screen).discover():
            if isinstance(hit, DiscoveryHit):
                hits.append(hit)
    return hits


async def open_palette(pilot: Pilot) -> list[tuple[str, str]]:
    """Open the command palette with ctrl+p and read what it lists: (name, help) rows."""
    await pilot.press("ctrl+p")
    for _ in range(200):
        await pilot.pause(0.01)
        palette = pilot.app.screen
        if isinstance(palette, CommandPalette) and palette.has_class("-ready"):
            break
    commands = pilot.app.screen.query_one(CommandList)
    return [(str(o.hit.text), str(o.hit.help)) for o in commands.options]  # type: ignore[attr-defined]
