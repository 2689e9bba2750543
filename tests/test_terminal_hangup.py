"""A closed terminal ends Aspire within seconds, every time: the real `aspire` in a real
terminal (tmux), closed with `kill-session` (the kernel then sends SIGHUP and SIGCONT) at the
first frame, half a second later, and while a form is being typed in. Nothing may be left
running, and the folder's lock must be free for the next start."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aspire_tui.store import AspireStore
from aspire_tui.store.lock import AlreadyOpenError
from tests.conftest import terminal_env
from tests.terminal import own_tmux

pytestmark = [
    pytest.mark.slow,  # a real terminal
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

MOMENTS = ("first frame", "after 0.5 s", "while typing")
LAUNCHES = 54
"""Enough to catch the hang: before the fix, about one launch in three hung."""
AT_ONCE = 3
"""Launches side by side: few enough that a busy machine (the suite runs on every core)
does not make a clean exit look slow."""
EXIT_WITHIN = 3.0


def _alive(pid: int) -> bool:
    """Still running (a zombie no one has reaped yet has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state != "Z"


def _launch(number: int, moment: str, root: Path) -> str | None:
    """One start and close; what went wrong, or None."""
    data = root / f"data-{number}"
    tmux = own_tmux(f"hangup-{number}")
    env = terminal_env()

    def run(*args: str) -> str:
        return subprocess.run(
            [*tmux, *args], capture_output=True, text=True, check=False, env=env, timeout=10
        ).stdout

    command = f"exec '{sys.executable}' -m aspire_tui --data-dir '{data}'"
    pid = int(run("new-session", "-d", "-x", "80", "-y", "24", "-P", "-F", "#{pane_pid}", command))
    try:
        deadline = time.monotonic() + 30
        while "? help" not in run("capture-pane", "-p"):  # the first frame
            if time.monotonic() > deadline:
                return f"launch {number}: no first frame"
            time.sleep(0.02)
        if moment == "after 0.5 s":
            time.sleep(0.5)
        elif moment == "while typing":
            run("send-keys", "n")
            run("send-keys", "-l", "a sentence typed as the terminal closes")
        closed = time.monotonic()
        run("kill-session")
        while _alive(pid) and time.monotonic() - closed < EXIT_WITHIN + 2:
            time.sleep(0.02)
        took = time.monotonic() - closed
        if _alive(pid):
            return f"launch {number} ({moment}): still running {took:.1f} s after the close"
        if took > EXIT_WITHIN:
            return f"launch {number} ({moment}): took {took:.1f} s to end"
        while True:  # the lock is free: the next start opens normally
            try:
                AspireStore.open(data).close()
                return None
            except AlreadyOpenError:  # the last of its threads may still be on its way out
                if time.monotonic() - closed > EXIT_WITHIN:
                    return f"launch {number} ({moment}): the folder is still locked"
                time.sleep(0.02)
    finally:
        run("kill-server")
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_closed_terminal_ends_aspire_within_seconds_every_time(tmp_path: Path) -> None:
    moments = [MOMENTS[n % len(MOMENTS)] for n in range(LAUNCHES)]
    with ThreadPoolExecutor(AT_ONCE) as pool:
        problems = list(pool.map(_launch, range(LAUNCHES), moments, [tmp_path] * LAUNCHES))
    failed = [p for p in problems if p is not None]
    assert not failed, f"{len(failed)} of {LAUNCHES} launches:\n" + "\n".join(failed)


STUCK_SHUTDOWN = """
import asyncio, sys, threading, time
from datetime import date
from pathlib import Path

import aspire_tui.store.storage as storage
from aspire_tui.domain.models import Aspiration
from aspire_tui.store import AspireStore
from aspire_tui.ui.hang_up import HangUp

real_write = storage.atomic_write

def slow_write(path, data, before_replace=None, durable=True):
    time.sleep(2.6)  # a slow disk: the save is still on its way at the deadline
    real_write(path, data, before_replace, durable)

storage.atomic_write = slow_write
store = AspireStore.open(Path(sys.argv[1]), backup=False)
store.write_in_background()

def keep():
    store.save_aspiration(Aspiration("Kept on the way out", date(2026, 11, 27)))

def stop(status):
    threading.Event().wait()  # a shutdown stuck for ever on the closed terminal

async def main():
    HangUp(keep, stop).install()
    print("ready", flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def test_a_stuck_shutdown_still_ends_once_the_last_save_is_on_disk(tmp_path: Path) -> None:
    """The backstop behind the fix: whatever keeps Textual from finishing, the process ends
    within seconds of a hang-up, and not before what it was saving is in the file."""
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_SHUTDOWN, str(data)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        closed = time.monotonic()
        process.send_signal(signal.SIGHUP)
        process.send_signal(signal.SIGCONT)  # as the kernel does when a terminal closes
        status = process.wait(timeout=10)
        took = time.monotonic() - closed
    finally:
        process.kill()
    assert status == 128 + signal.SIGHUP
    assert took < EXIT_WITHIN + 0.5
    store = AspireStore.open(data, backup=False)
    try:
        assert [a.title for a in store.aspirations()] == ["Kept on the way out"]
    finally:
        store.close()
