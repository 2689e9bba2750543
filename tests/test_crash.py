"""Kill a writer with SIGKILL at random moments: the file always loads and holds every
write the store had confirmed."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore
from aspire_tui.store.key_file import write_key_file
from aspire_tui.store.sealing import DataKey
from aspire_tui.store.storage import atomic_write
from tests.crash_model import model_from_store, ops_from, without_other_computers

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 50


@pytest.mark.slow  # killed child processes
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("how", ["whole", "behind", "encrypted", "shared"])
def test_sigkill_at_random_moments_never_loses_a_confirmed_write(tmp_path: Path, how: str) -> None:
    """`whole`: each change rewrites the file (the command line); `behind`: as the app saves,
    each change appended to the change log and the log folded into the file every few
    kilobytes, so kills land mid-append, mid-fold and between them; `encrypted`: the same, in
    an encrypted folder, where every line of the log and every fold is encrypted; `shared`:
    as `behind`, while a sync tool copies another computer's file in underneath."""
    folder = tmp_path / "data"
    key = None
    env = dict(os.environ, ASPIRE_DEVICE_ID=LAPTOP)
    other = OtherComputer(tmp_path, folder) if how == "shared" else None
    if how == "encrypted":
        folder.mkdir(mode=0o700)
        key = DataKey.generate()
        write_key_file(folder, key, "passphrase", log_n=10)
        env["ASPIRE_TEST_IDENTITY"] = key.identity
    AspireStore.open(folder, key=key, device=LAPTOP).close()
    if other is not None:
        other.start()
    chooser = random.Random(20261127)
    confirmed_total = 0
    torn_writes = 0
    with_log = 0
    for round_number in range(KILLS):
        store = AspireStore.open(folder, backup=False, key=key, device=LAPTOP)
        start = without_other_computers(model_from_store(store))
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
        if other is not None:
            other.copy_while(child)
        time.sleep(chooser.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if other is not None:
            other.pause()

        torn_writes += any(p.name.endswith(".tmp") for p in folder.iterdir())
        change_log = folder / "aspire.changes.jsonl"
        log_seen = change_log.exists() and change_log.read_bytes().count(b"\n") > 1
        lines = log.read_text().split("\n") if log.exists() else [""]
        confirmed = len([line for line in lines[:-1] if line])  # a torn last line is not confirmed
        confirmed_total += confirmed
        states = ops_from(start, round_number, confirmed + 1)
        store = AspireStore.open(folder, backup=False, key=key, device=LAPTOP)  # always loads
        try:
            found = without_other_computers(model_from_store(store))
            if other is not None:
                theirs = {r.want for r in store.reflections() if r.want.startswith("desktop ")}
                assert theirs >= other.arrived, "every whole file copied in was taken in"
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
    if other is not None:
        other.stop()
        assert len(other.arrived) > KILLS, "the other computer's file changed all along"
    print(f"{confirmed_total} confirmed; {torn_writes} kills mid-write; {with_log} left a log")


LAPTOP, DESKTOP = "laptopaa", "desktopa"


class OtherComputer:
    """Another computer writing reflections, its file copied into the folder by a thread as a
    sync tool would: replaced whole, or written in place in two halves (half-copied, then
    complete), while the writer runs and is killed."""

    def __init__(self, tmp_path: Path, folder: Path) -> None:
        self.folder = folder
        self.home = tmp_path / "desktop"
        self.home.mkdir()
        self.arrived: set[str] = set()
        """Reflections whose file was copied in whole."""
        self._go = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._count = 0

    def start(self) -> None:
        shutil.copy(self.folder / "aspire.json", self.home / "aspire.json")
        AspireStore.open(self.home, backup=False, device=DESKTOP).close()
        self._thread.start()

    def copy_while(self, child: subprocess.Popen[str]) -> None:
        self._go.set()

    def pause(self) -> None:
        self._go.clear()
        self._idle.wait(5)

    def stop(self) -> None:
        self._stop.set()
        self._go.set()
        self._thread.join(10)

    _idle = threading.Event()

    def _run(self) -> None:
        rng = random.Random(7)
        while not self._stop.is_set():
            self._idle.set()
            self._go.wait()
            self._idle.clear()
            if self._stop.is_set():
                return
            store = AspireStore.open(self.home, backup=False, device=DESKTOP)
            want = f"desktop {self._count}"
            store.save_reflection(Reflection(date(2026, 11, 27), want=want))
            store.close()
            self._count += 1
            name = f"aspire.{DESKTOP}.json"
            data = (self.home / name).read_bytes()
            target = self.folder / name
            if rng.random() < 0.3:  # copied in place: half, a moment, then the rest
                with open(target, "wb") as handle:
                    handle.write(data[: len(data) // 2])
                    handle.flush()
                    time.sleep(0.005)
                    handle.write(data[len(data) // 2 :])
            else:
                atomic_write(target, data)
            self.arrived.add(want)
