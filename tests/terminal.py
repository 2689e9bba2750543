"""Reading a real terminal (tmux) from a test: a real terminal has no pilot to await, so a test
polls the pane until what it waits for shows, with a deadline."""

from __future__ import annotations

import itertools
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

_SERVERS = itertools.count()


def own_tmux(name: str) -> list[str]:
    """The tmux command on a server no other test uses, at the same time or later: the name
    holds this process's id (pytest-xdist runs tests in several processes at once) and a
    number new to each call. Kill it with `[*tmux, "kill-server"]` when done."""
    return ["tmux", "-L", f"aspire-{name}-{os.getpid()}-{next(_SERVERS)}", "-f", "/dev/null"]


def screen(tmux: list[str]) -> str:
    """What the terminal shows now, as text."""
    return subprocess.run(
        [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False, timeout=10
    ).stdout


def wait_until(tmux: list[str], done: Callable[[str], bool], what: str, timeout: float = 20) -> str:
    """Poll the terminal until `done(screen)`; the screen then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = screen(tmux)
        if done(shown):
            return shown
        time.sleep(0.05)
    raise AssertionError(f"{what} never showed:\n{screen(tmux)}")


def wait_for(tmux: list[str], text: str, timeout: float = 20) -> None:
    """Poll the terminal until `text` shows."""
    wait_until(tmux, lambda shown: text in shown, repr(text), timeout)


def exit_status(path: Path, timeout: float = 15) -> str:
    """The exit status a shell wrote to `path` (`...; echo $? > path`), once it has; "" if
    it never does within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not (path.exists() and path.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return path.read_text().strip() if path.exists() else ""
