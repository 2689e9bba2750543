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
from aspire_tui.store.key_file import write_key_file
from aspire_tui.store.sealing import DataKey
from tests.crash_model import model_from_store, ops_from

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 50


@pytest.mark.slow  # killed child processes
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("how", ["whole", "behind", "encrypted"])
def test_sigkill_at_random_moments_never_loses_a_confirmed_write(tmp_path: Path, how: str) -> None:
    """`whole`: each change rewrites the file (the command line); `behind`: as the app saves,
    each change appended to the change log and the log folded into the file every few
    kilobytes, so kills land mid-append, mid-fold and between them; `encrypted`: the same, in
    an encrypted folder, where every line of the log and every fold is encrypted."""
    folder = tmp_path / "data"
    key = None
    env = dict(os.environ)
    if how == "encrypted":
        folder.mkdir(mode=0o700)
        key = DataKey.generate()
        write_key_file(folder, key, "passphrase", log_n=10)
        env["ASPIRE_TEST_IDENTITY"] = key.identity
    AspireStore.open(folder, key=key).close()
    chooser = random.Random(20261127)
    confirmed_total = 0
    torn_writes = 0
    with_log = 0
    for round_number in range(KILLS):
        store = AspireStore.open(folder, backup=False, key=key)
        start = model_from_store(store)
        store.close()
        log = tmp_path / f"log-{round_number}"
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(round_number), str(log), how],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(chooser.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()

        torn_writes += any(p.name.endswith(".tmp") for p in folder.iterdir())
        change_log = folder / "aspire.changes.jsonl"
        log_seen = change_log.exists() and change_log.read_bytes().count(b"\n") > 1
        lines = log.read_text().split("\n") if log.exists() else [""]
        confirmed = len([line for line in lines[:-1] if line])  # a torn last line is not confirmed
        confirmed_total += confirmed
        states = ops_from(start, round_number, confirmed + 1)
        store = AspireStore.open(folder, backup=False, key=key)  # always loads, cleans temp files
        try:
            found = model_from_store(store)
        finally:
            store.close()
        assert found in (states[confirmed], states[confirmed + 1]), (
            f"round {round_number}: {confirmed} confirmed steps, file holds neither state"
        )
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == [], leftovers
        assert not (folder / "aspire.changes.jsonl").exists(), "opening folds the log in"
        assert not (folder / "backups").exists(), "nothing was set aside: every change applied"
        with_log += log_seen
    assert confirmed_total > KILLS, "the writer should get real work done between kills"
    if how != "whole":
        assert with_log > KILLS // 2, "most kills should leave changes in the log"
    print(f"{confirmed_total} confirmed; {torn_writes} kills mid-write; {with_log} left a log")
