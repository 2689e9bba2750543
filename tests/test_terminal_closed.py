"""A terminal closed in the middle of a review: the real `aspire` in a real terminal (tmux),
typing a note, then the terminal goes away (SIGHUP). What was typed must be in the file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, Goal, Target
from aspire_tui.store import AspireStore
from tests.conftest import TODAY, read_data, terminal_env
from tests.terminal import own_tmux, screen, wait_for

pytestmark = [
    pytest.mark.slow,  # a real terminal
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]


def test_a_closed_terminal_keeps_what_was_typed_in_a_review(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = AspireStore.open(data)
    adopted = date(2025, 1, 6)  # long enough ago that a review is due
    mine = store.save_aspiration(Aspiration("Lead a team", adopted))
    store.save_goal(Goal(mine.id or 0, "Hire two people", Target.number(2), adopted))
    store.close()
    tmux = own_tmux("closed")
    env = terminal_env()
    command = f"'{sys.executable}' -m aspire_tui --data-dir '{data}'"
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", command],
        check=True,
        env=env,
        timeout=10,
    )
    try:
        wait_for(tmux, "review due")
        subprocess.run([*tmux, "send-keys", "r"], check=True, timeout=10)
        wait_for(tmux, "step 1 of 3")
        subprocess.run([*tmux, "send-keys", "w"], check=True, timeout=10)
        wait_for(tmux, "Writing: saved as you type")  # the note field has the keys now
        subprocess.run([*tmux, "send-keys", "-l", "two offers out"], check=True, timeout=10)
        wait_for(tmux, "two offers out")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    deadline = time.monotonic() + 10
    notes: list[str] = []
    while time.monotonic() < deadline:  # the app saves and exits on the hang-up
        reviews = read_data(data, wait=False).get("reviews", {})  # the file and its log
        notes = [n for r in reviews.values() for n in r["notes"].values()]
        if notes == ["two offers out"]:
            break
        time.sleep(0.1)
    assert notes == ["two offers out"]


def _start(tmux: list[str], data: Path) -> int:
    """`aspire` in a new terminal; its process id."""
    command = f"exec '{sys.executable}' -m aspire_tui --data-dir '{data}'"
    env = terminal_env()
    started = subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", "-P", "-F", "#{pane_pid}", command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=10,
    )
    return int(started.stdout)


def _ended(pid: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except FileNotFoundError:
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still running")


def _styled_line(tmux: list[str], marker: str) -> str:
    """The line holding `marker`, with its colours (which show where the focus is)."""
    styled = subprocess.run(
        [*tmux, "capture-pane", "-p", "-e"], capture_output=True, text=True, timeout=10
    ).stdout
    return next((line for line in styled.splitlines() if marker in line), "")


Step = tuple[str, str, str]
"""("key", key, text to wait for) | ("type", text, "") | ("focus", key, a line that shows
the focus arriving): a key that moves the focus is waited on, as keys sent right behind it
can reach the field it leaves."""

DRAFT_CASES: dict[str, tuple[list[Step], str, str]] = {
    # name: the steps to open the form and type, the text to find again, how it ends
    "journal entry": (
        [("key", "1", "Journal"), ("key", "n", "New reflection"), ("type", "half a thought", "")],
        "half a thought",
        "close",
    ),
    "goal": (
        [("key", "3", "Hire two"), ("key", "n", "New goal"), ("type", "Run a 10k", "")],
        "Run a 10k",
        "SIGTERM",
    ),
    "check-in": (
        [
            ("key", "3", "Hire two"),
            ("key", "l", "Log progress"),
            ("type", "1", ""),
            ("focus", "Tab", "hat happened?"),
            ("type", "called two clients", ""),
        ],
        "called two clients",
        "close",
    ),
}


@pytest.mark.parametrize("case", DRAFT_CASES, ids=str)
def test_a_form_being_written_when_the_terminal_closes_is_offered_back_as_a_draft(
    tmp_path: Path, case: str
) -> None:
    """What is typed in a form survives a closed terminal (SIGHUP) and a polite kill (SIGTERM)
    as a draft beside the data, readable by its owner only; the next start opens the same
    form again with the text in it, and saving it saves the record and drops the draft."""
    steps, text, how = DRAFT_CASES[case]
    data = tmp_path / "data"
    store = AspireStore.open(data)
    mine = store.save_aspiration(Aspiration("Lead a team", TODAY))
    store.save_goal(Goal(mine.id or 0, "Hire two people", Target.number(2), TODAY))
    store.close()
    before = json.loads((data / "aspire.json").read_text("utf-8"))
    tmux = own_tmux("draft")

    def keys_in(*sent: str) -> None:
        subprocess.run([*tmux, "send-keys", *sent], check=True, timeout=10)

    pid = _start(tmux, data)
    try:
        wait_for(tmux, "? help")
        for step, what, then in steps:
            if step == "key":
                keys_in(what)
                wait_for(tmux, then)
            elif step == "type":
                keys_in("-l", what)
                wait_for(tmux, what)
            else:
                unfocused = _styled_line(tmux, then)
                keys_in(what)
                deadline = time.monotonic() + 10
                while _styled_line(tmux, then) == unfocused:
                    assert time.monotonic() < deadline, f"{what} did not move the focus"
                    time.sleep(0.05)
        if how == "SIGTERM":
            os.kill(pid, signal.SIGTERM)
            _ended(pid)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    _ended(pid)
    drafts = data / "drafts.json"
    assert text in drafts.read_text("utf-8")
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o600
    assert json.loads((data / "aspire.json").read_text("utf-8")) == before  # nothing saved

    heading = steps[1][2]
    # A server of its own: the first one may still be going away, under load.
    tmux = own_tmux("draft-again")
    pid = _start(tmux, data)
    try:
        wait_for(tmux, heading)  # the same form, open again at the start
        wait_for(tmux, text)
        wait_for(tmux, "kept when Aspire closed")
        assert not drafts.exists()  # the text is in the form again
        keys_in("C-s")
        deadline = time.monotonic() + 10
        while heading in screen(tmux):  # saved, and the form closed
            assert time.monotonic() < deadline, screen(tmux)
            time.sleep(0.05)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    _ended(pid)
    assert text in (data / "aspire.json").read_text("utf-8")
