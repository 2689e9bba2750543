"""Kill a writer with SIGKILL at random moments: the file always loads and holds every
write the store had confirmed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aspire_tui.store import AspireStore
from tests.crash_model import model_from_store, ops_from

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 50


@pytest.mark.slow  # killed child processes
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_never_loses_a_confirmed_write(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    AspireStore.open(folder).close()
    chooser = random.Random(20261127)
    confirmed_total = 0
    torn_writes = 0
    for round_number in range(KILLS):
        store = AspireStore.open(folder, backup=False)
        start = model_from_store(store)
        store.close()
        log = tmp_path / f"log-{round_number}"
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(round_number), str(log)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(chooser.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()

        torn_writes += any(p.name.endswith(".tmp") for p in folder.iterdir())
        lines = log.read_text().split("\n") if log.exists() else [""]
        confirmed = len([line for line in lines[:-1] if line])  # a torn last line is not confirmed
        confirmed_total += confirmed
        states = ops_from(start, round_number, confirmed + 1)
        store = AspireStore.open(folder, backup=False)  # always loads, and cleans temp files
        try:
            found = model_from_store(store)
        finally:
            store.close()
        assert found in (states[confirmed], states[confirmed + 1]), (
            f"round {round_number}: {confirmed} confirmed steps, file holds neither state"
        )
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == [], leftovers
    assert confirmed_total > KILLS, "the writer should get real work done between kills"
    print(f"{confirmed_total} confirmed steps; {torn_writes} kills landed mid-write")
