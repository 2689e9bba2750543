"""Every test gets its own data folder; none may touch the real user data directory."""

from __future__ import annotations

import atexit
import gc
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.store import AspireStore
from aspire_tui.store.writer import flush_all

TODAY = date(2026, 11, 27)


def _quicker_idle_waits() -> None:
    """Pilot decides the app is idle after sleeping in steps of `SLEEP_GRANULARITY` (20 ms)
    with almost no CPU used: at least 20 ms per `pause()` and 40 ms per key pressed, most of
    the suite's time. Steps of 5 ms ask the same question (the threshold stays a twentieth of
    a step) four times as often. Waits that name no minimum (`wait_for_scheduled_animations`)
    still wait 20 ms first: the default was bound when Textual defined the function.
    `tests/test_textual_private.py` checks the names still exist and are read when called."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = 0.005
    _wait.SLEEP_IDLE = _wait.SLEEP_GRANULARITY / 20


_quicker_idle_waits()

# This computer's id is kept outside the data folder (`devices.py`): in a folder of the
# suite's own, never the real one.
if "ASPIRE_DEVICE_DIR" not in os.environ:
    os.environ["ASPIRE_DEVICE_DIR"] = tempfile.mkdtemp(prefix="aspire-device-")
    atexit.register(shutil.rmtree, os.environ["ASPIRE_DEVICE_DIR"], True)  # one per worker

# A worker builds and drops hundreds of apps, and each full collection walks every object
# alive: with the default thresholds (a young collection every 700 new objects, a full one
# every hundred young ones) a fifth of a UI test's time went to collecting. Tests only:
# `aspire` tunes its own collector (AspireApp's `tune_gc`).
gc.set_threshold(5000, 20, 20)


@pytest.fixture(autouse=True)
def _forget_drawn_widgets() -> Iterator[None]:
    """Textual keeps each widget's styles cache (the lines it last drew) in an `lru_cache` of
    1,024 entries beyond the app's life, so a worker's heap grew by about 20,000 objects a UI
    test and every full collection walked them. `tests/test_textual_private.py` checks it."""
    yield
    from textual._styles_cache import StylesCache

    StylesCache.get_inner_outer.cache_clear()


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment for Aspire in a real terminal (tmux): without COLUMNS and LINES, which
    pytest-xdist's workers set and Textual would take over the terminal's own size."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return {**env, "TERM": "xterm-256color", **extra}


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HOME and XDG folders into tmp_path so a slip can never reach real data."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # `aspire status` keeps a glance
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.delenv("ASPIRE_DATA_DIR", raising=False)
    monkeypatch.delenv("ASPIRE_CACHE_DIR", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[AspireStore]:
    opened = AspireStore.open(data_dir)
    yield opened
    opened.close()


def read_data(data_dir: Path, *, wait: bool = True) -> dict[str, Any]:
    """What is actually on disk, read without Aspire's help, once the app's writer has put
    every change there (it saves from a thread of its own; `wait=False`: as it is right now):
    the data file, with the changes its change log holds since the file was last rewritten
    replayed onto it."""
    if wait:
        flush_all()
    data = json.loads((data_dir / "aspire.json").read_text("utf-8"))
    log = data_dir / "aspire.changes.jsonl"
    if log.exists():
        header, *saves = log.read_text("utf-8").splitlines()
        assert json.loads(header)["aspire_changes"] == 1
        for line in saves:
            for op in json.loads(line):
                table = data.setdefault(op[0], {})
                if len(op) == 1:
                    table.clear()
                elif op[2] is None:
                    table.pop(op[1], None)
                else:
                    table[op[1]] = op[2]
    return data


def docs(data_dir: Path, table: str) -> list[dict[str, Any]]:
    return list(read_data(data_dir).get(table, {}).values())


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: without xdist, unknown
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: a worker per CPU and one more. A UI test spends about a third of its time
    waiting (for the app to go idle, for a terminal or a child process to answer), and a
    third worker on two CPUs fills that: 258 s against 283 s for the whole suite. A count set
    in PYTEST_XDIST_AUTO_NUM_WORKERS is left to xdist, as is `-n logical`."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS") or config.option.numprocesses != "auto":
        return None
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return cpus + 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist, the `slow` tests (tens of seconds each) go first, so that the short
    ones fill the other workers meanwhile instead of one worker ending alone on a slow one.
    Every worker sorts the same way, as xdist requires; a run in one process keeps the order."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)
