"""A paste never becomes key presses, whatever bytes it holds: raw terminal bytes through the
real input parser (Textual's, and Aspire's guard around it), split every way a read may
split them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual._xterm_parser import XTermParser
from textual.message import Message

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore
from aspire_tui.ui.paste_guard import PasteGuardParser
from tests.conftest import TODAY, terminal_env
from tests.terminal import own_tmux, screen, wait_for

START, END = "\x1b[200~", "\x1b[201~"
PASTES = [
    "note\x1b\x1b\x1bdy",  # escape, escape, escape, then d and y: deletes a journal entry
    "note\x1b\x11y",  # escape then ctrl+q: quits
    "\x1b[A\x1b[B\x1bOP\x1b[1;5C\x1b[27u",  # arrows, F1, ctrl+right, a Kitty escape
    "half an end \x1b[201 and a start \x1b[200~ inside",
    "ends in escape\x1b",
    "line one\r\nline two\ttabbed\x00nul\x7f",
    "\x1b",
    "",
]


def seen(messages: Iterable[Message]) -> list[tuple[str, str | None]]:
    """What the app would receive, comparable: keys by name, pastes by text."""
    out: list[tuple[str, str | None]] = []
    for message in messages:
        if isinstance(message, events.Paste):
            out.append(("paste", message.text))
        elif isinstance(message, events.Key):
            out.append(("key", message.key))
        else:
            out.append((type(message).__name__, None))
    return out


def run(parser: XTermParser, chunks: Iterable[str]) -> list[tuple[str, str | None]]:
    """Feed the chunks as reads arrive, ticking after each. The tests that split reads stop
    the parsers' clock (`clock`): a busy machine pausing the test between a read and its tick
    would otherwise make an escape a key of its own, as a slow terminal would."""
    out: list[tuple[str, str | None]] = []
    for chunk in chunks:
        out += seen(parser.feed(chunk))
        out += seen(parser.tick())
    return out


def splits(data: str) -> Iterable[list[str]]:
    """The data whole, in two pieces at every position, and in three at every pair."""
    yield [data]
    for i in range(1, len(data)):
        yield [data[:i], data[i:]]
    for i in range(1, len(data)):
        for j in range(i + 1, len(data)):
            yield [data[:i], data[i:j], data[j:]]


def expected_paste(text: str) -> list[tuple[str, str | None]]:
    return [("paste", text.replace("\x00", ""))]


@pytest.mark.parametrize("text", PASTES)
def test_a_paste_arrives_whole_and_as_text_however_the_reads_split_it(
    text: str, clock: Clock
) -> None:
    for chunks in splits(START + text + END):
        assert run(PasteGuardParser(), chunks) == expected_paste(text), chunks


def test_textuals_own_parser_turns_the_pasted_escapes_into_key_presses(clock: Clock) -> None:
    """Why the guard exists: the unguarded parser, fed the same bytes, presses keys."""
    got = run(XTermParser(), [START + PASTES[0] + END])
    assert ("key", "d") in got and ("key", "y") in got
    assert got != expected_paste(PASTES[0])
    got = run(XTermParser(), [START + PASTES[1] + END])
    assert ("key", "ctrl+q") in got


def test_keys_around_a_paste_keep_their_order_and_meaning(clock: Clock) -> None:
    data = "ab\x1b[A" + START + "p\x1bq" + END + "c\r"
    want = [("key", "a"), ("key", "b"), ("key", "up"), ("paste", "p\x1bq"), ("key", "c")]
    want.append(("key", "enter"))
    for chunks in splits(data):
        assert run(PasteGuardParser(), chunks) == want, chunks


def test_two_pastes_in_a_row_and_a_key_between(clock: Clock) -> None:
    data = START + "one\x1b" + END + "x" + START + "\x1btwo" + END
    want = [("paste", "one\x1b"), ("key", "x"), ("paste", "\x1btwo")]
    for chunks in splits(data):
        assert run(PasteGuardParser(), chunks) == want, chunks


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The parsers' clock, moved on by the test rather than by waiting."""
    import textual._parser

    fake = Clock()
    monkeypatch.setattr(textual._parser, "get_time", fake)  # the guard's clock too
    return fake


@pytest.mark.parametrize("held", ["\x1b", "\x1b[", "\x1b[2", "\x1b[20", "\x1b[200"])
def test_a_lone_escape_or_the_start_of_a_sequence_is_still_a_key_after_the_usual_wait(
    clock: Clock, held: str
) -> None:
    """What could be the start of a paste is held back, but no longer than Textual itself
    waits before deciding an escape was pressed on its own."""
    from textual import constants

    guarded, plain = PasteGuardParser(), XTermParser()
    assert seen(guarded.feed(held)) == seen(plain.feed(held)) == []
    clock.now += constants.ESCAPE_DELAY / 2
    assert seen(guarded.tick()) == seen(plain.tick()) == []
    clock.now += constants.ESCAPE_DELAY
    got = seen(guarded.tick())
    assert got == seen(plain.tick())
    assert got[0] == (("key", "escape") if held == "\x1b" else ("key", "left_square_bracket"))
    assert run(guarded, ["z"]) == [("key", "z")]


def test_a_split_arrow_key_is_one_key(clock: Clock) -> None:
    parser = PasteGuardParser()
    assert run(parser, ["\x1b", "[A"]) == [("key", "up")]


@pytest.mark.slow  # a real terminal
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_pasting_escapes_and_ctrl_q_into_the_real_app_neither_deletes_nor_quits(
    tmp_path: Path,
) -> None:
    """The real `aspire` in a real terminal (tmux pastes with the bracketed-paste markers and
    passes ESC through): a paste that once closed the form and deleted the highlighted
    journal entry, and one that once quit, land in the field as text."""
    data = tmp_path / "data"
    store = AspireStore.open(data)
    store.save_reflection(Reflection(TODAY, note="Keep this entry"))
    store.close()
    tmux = own_tmux("paste")
    env = terminal_env()
    command = f"exec '{sys.executable}' -m aspire_tui --data-dir '{data}'"

    def send(*args: str) -> str:
        return subprocess.run(
            [*tmux, *args], capture_output=True, text=True, check=True, env=env, timeout=10
        ).stdout

    pid = int(send("new-session", "-d", "-x", "80", "-y", "24", "-P", "-F", "#{pane_pid}", command))
    try:
        wait_for(tmux, "? help")
        send("send-keys", "1")
        wait_for(tmux, "Keep this entry")
        send("send-keys", "n")
        wait_for(tmux, "New reflection")
        send("send-keys", "-l", "Typed first")  # into the note, once the form has the keys
        wait_for(tmux, "Typed first")

        def date_field() -> str:  # with its colours, which show where the focus is
            lines = send("capture-pane", "-p", "-e").splitlines()
            return next((line for line in lines if date.today().isoformat() in line), "")

        unfocused = date_field()
        send("send-keys", "BTab")  # the date field, where escape would close the form
        deadline = time.monotonic() + 10
        while date_field() == unfocused:  # a key sent at once could reach the note still
            assert time.monotonic() < deadline, "shift+tab did not move the focus"
            time.sleep(0.05)
        send("send-keys", "Z")
        wait_for(tmux, f"{date.today().isoformat()}Z")
        send("set-buffer", "-b", "hostile", "note\x1b\x1b\x1bdy")
        send("paste-buffer", "-p", "-b", "hostile")
        wait_for(tmux, "Znotedy", timeout=10)
        wait_for(tmux, "Left out control characters", timeout=10)
        send("set-buffer", "-b", "hostile", "quit\x1b\x11y")
        send("paste-buffer", "-p", "-b", "hostile")
        wait_for(tmux, "Znotedyquity", timeout=10)  # as text, less the control characters
        assert "New reflection" in screen(tmux)
        assert os.path.exists(f"/proc/{pid}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    reflections = json.loads((data / "aspire.json").read_text("utf-8"))["reflections"]
    assert [r["note"] for r in reflections.values()] == ["Keep this entry"]
