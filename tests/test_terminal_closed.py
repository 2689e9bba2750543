"""A terminal closed in the middle of a review: the real `aspire` in a real terminal (tmux),
typing a note, then the terminal goes away (SIGHUP). What was typed must be in the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, Goal, Target
from aspire_tui.store import AspireStore
from tests.conftest import TODAY

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _screen(tmux: list[str]) -> str:
    return subprocess.run(
        [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False, timeout=10
    ).stdout


def _wait_for(tmux: list[str], text: str, timeout: float = 20) -> None:
    """Poll the terminal until `text` shows (a real terminal has no pilot to await)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in _screen(tmux):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never showed:\n{_screen(tmux)}")


def test_a_closed_terminal_keeps_what_was_typed_in_a_review(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = AspireStore.open(data)
    mine = store.save_aspiration(Aspiration("Lead a team", TODAY))
    store.save_goal(Goal(mine.id or 0, "Hire two people", Target.number(2), TODAY))
    store.close()
    tmux = ["tmux", "-L", f"aspire-test-{os.getpid()}", "-f", "/dev/null"]
    env = {**os.environ, "TERM": "xterm-256color"}
    command = f"'{sys.executable}' -m aspire_tui --data-dir '{data}'"
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", command],
        check=True,
        env=env,
        timeout=10,
    )
    try:
        _wait_for(tmux, "review due")
        subprocess.run([*tmux, "send-keys", "r"], check=True, timeout=10)
        _wait_for(tmux, "step 1 of 3")
        subprocess.run([*tmux, "send-keys", "w"], check=True, timeout=10)
        _wait_for(tmux, "Writing: saved as you type")  # the note field has the keys now
        subprocess.run([*tmux, "send-keys", "-l", "two offers out"], check=True, timeout=10)
        _wait_for(tmux, "two offers out")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    deadline = time.monotonic() + 10
    notes: list[str] = []
    while time.monotonic() < deadline:  # the app saves and exits on the hang-up
        reviews = json.loads((data / "aspire.json").read_text())["reviews"]
        notes = [n for r in reviews.values() for n in r["notes"].values()]
        if notes == ["two offers out"]:
            break
        time.sleep(0.1)
    assert notes == ["two offers out"]
