"""Aspire's benchmark: cold start, screen switch, navigation, durable writes and memory, with
empty, one-year and ten-year data, against a bare Textual app measured the same way.

Run it with `python tests/benchmarks/bench.py` (add `--light` for the one-year case only, as CI
does, and `--runs N` for more runs). It prints one table; each figure is a median over runs.
Cold start is measured from outside, in a real terminal: a fresh tmux server per run, polled
with `capture-pane` until the expected text is on screen. The rest is measured inside the
process, with the app driven by Pilot and the time of each frame it draws recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 27)
SIZE = (100, 30)
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare app ready")
        yield Footer()

Bare().run()
"""


def make_data(root: Path, years: int) -> Path:
    folder = root / f"data-{years}y"
    if years:
        from aspire_tui.demo import main as demo

        demo(["--years", str(years), "--data-dir", str(folder), "--today", TODAY.isoformat()])
    else:
        folder.mkdir()
    return folder


# Cold start, from outside --------------------------------------------------------------------


_RUNS = itertools.count()


def cold_start(command: list[str], expect: str, env: dict[str, str], timeout: float = 20) -> float:
    """Seconds from launching `command` in a new tmux server until `expect` is on screen."""
    socket = f"aspire-bench-{os.getpid()}-{next(_RUNS)}"  # a server of its own each time
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]  # no one's own tmux settings
    shell = " ".join(_quote(part) for part in command)
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", str(SIZE[0]), "-y", str(SIZE[1]), shell],
        check=True,
        env=env,
        timeout=10,
    )
    try:
        while time.perf_counter() - start < timeout:
            shown = subprocess.run(
                [*tmux, "capture-pane", "-p"],
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            ).stdout
            if expect in shown:
                return time.perf_counter() - start
            time.sleep(0.003)
        raise RuntimeError(f"{expect!r} did not appear within {timeout} s")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


# Inside the process ---------------------------------------------------------------------------


async def interactive(folder: Path, runs: int) -> dict[str, float]:
    """Screen switches and list navigation, key press to frame drawn, in milliseconds."""
    from aspire_tui.store import AspireStore
    from aspire_tui.ui.app import AspireApp

    store = AspireStore.open(folder, backup=False)
    app = AspireApp(store, today=TODAY, tune_gc=True)  # as `aspire` runs it
    frames: list[float] = []
    display = app._display

    def recorded(*args: object, **kwargs: object) -> None:
        display(*args, **kwargs)  # type: ignore[arg-type]
        frames.append(time.perf_counter())

    app._display = recorded  # type: ignore[method-assign]

    async def latency(pilot: object, key: str) -> float:
        before = len(frames)
        start = time.perf_counter()
        await pilot.press(key)  # type: ignore[attr-defined]
        while len(frames) == before:
            if time.perf_counter() - start > 5:
                raise RuntimeError(f"no frame was drawn within 5 s of pressing {key}")
            await asyncio.sleep(0.001)
        await pilot.pause()  # type: ignore[attr-defined]
        return (frames[before] - start) * 1000

    switches: list[float] = []
    moves: list[float] = []
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # settled, as when a person starts reading
            for _ in range(runs):
                for key in ("1", "2", "3", "0"):
                    switches.append(await latency(pilot, key))
            await pilot.press("1")  # the journal: the longest list
            await pilot.pause()
            for n in range(max(20, runs * 10)):
                moves.append(await latency(pilot, "down" if n % 40 < 20 else "up"))
    finally:
        store.close()
        gc.unfreeze()
    return {
        "switch_p95": _p(switches, 95),
        "nav_p50": _p(moves, 50),
        "nav_p95": _p(moves, 95),
    }


def durable_write(folder: Path, runs: int) -> float:
    """Milliseconds for one check-in to be saved and on disk (the store fsyncs)."""
    from aspire_tui.domain.models import CheckIn
    from aspire_tui.store import AspireStore

    store = AspireStore.open(folder, backup=False)
    try:
        goal = next(g for g in store.goals() if not g.target.done_only and not g.target.milestones)
        amount = 0.0 if goal.target.decreasing else 1.0
        times = []
        for _ in range(max(5, runs * 3)):
            start = time.perf_counter()
            store.save_checkin(CheckIn(goal.id or 0, TODAY, amount, "benchmark"))
            times.append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    return statistics.median(times)


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of a process that opens the data and draws Home."""
    code = (
        "import asyncio, resource, sys\n"
        "from pathlib import Path\n"
        "from aspire_tui.store import AspireStore\n"
        "from aspire_tui.ui.app import AspireApp\n"
        "async def main():\n"
        "    store = AspireStore.open(Path(sys.argv[1]), backup=False)\n"
        "    app = AspireApp(store)\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        for key in ('1', '2', '3', '0'):\n"
        "            await pilot.press(key)\n"
        "            await pilot.pause()\n"
        "    store.close()\n"
        "asyncio.run(main())\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def _p(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


# The table -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--light", action="store_true", help="one-year data only (CI smoke)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [0, 1] if args.light else [0, 1, 10]
    has_tmux = shutil.which("tmux") is not None
    root = Path(tempfile.mkdtemp(prefix="aspire-bench-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        folders = {years: make_data(root, years) for years in sizes}
        env = {**os.environ, "TERM": "xterm-256color"}
        bare = None
        if has_tmux:
            script = root / "bare.py"
            script.write_text(BARE_APP)
            try:
                bare = statistics.median(
                    cold_start([sys.executable, str(script)], "bare app ready", env)
                    for _ in range(args.runs)
                )
            except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                print(f"(cold starts not measured: tmux failed: {error})")
        if bare is not None:
            rows.append(("cold start, bare Textual app", f"{bare * 1000:.0f} ms", "1.00×", ""))
        aspire = [sys.executable, "-m", "aspire_tui", "--data-dir"]
        for years, folder in folders.items():
            label = (f"{years} year" + ("s" if years > 1 else "")) if years else "empty"
            expect = "Welcome to Aspire" if years == 0 else " to next"
            limit = 1.3 if years == 0 else 2.0 if years == 10 else None
            copies: list[float] = []
            if has_tmux and bare is not None:
                try:
                    for run in range(args.runs):
                        copy = root / f"run-{years}-{run}"
                        shutil.copytree(folder, copy)
                        copies.append(cold_start([*aspire, str(copy)], expect, env))
                except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                    rows.append((f"cold start, {label}", "not measured", "", str(error)))
                    copies = []
            if copies and bare is not None:
                took = statistics.median(copies)
                ratio = took / bare
                verdict = "" if limit is None else ("meets" if ratio <= limit else "misses")
                target = f" (≤ {limit}×: {verdict})" if limit else ""
                rows.append(
                    (f"cold start, {label}", f"{took * 1000:.0f} ms", f"{ratio:.2f}×", target)
                )
            if years:
                work = root / f"work-{years}"
                shutil.copytree(folder, work)
                try:
                    found = asyncio.run(interactive(work, args.runs))
                except RuntimeError as error:
                    rows.append(
                        (f"screen switch and navigation, {label}", "not measured", "", str(error))
                    )
                    continue
                tenth = years == 10
                rows.append(
                    (
                        f"screen switch p95, {label}",
                        f"{found['switch_p95']:.0f} ms",
                        "",
                        _goal(found["switch_p95"], 100) if tenth else "",
                    )
                )
                rows.append(
                    (
                        f"list navigation p50 / p95, {label}",
                        f"{found['nav_p50']:.1f} / {found['nav_p95']:.1f} ms",
                        "",
                        _goal(found["nav_p95"], 16) if tenth else "",
                    )
                )
                took = durable_write(work, args.runs)
                limit_ms = 100 if years == 10 else 20
                rows.append(
                    (
                        f"durable write (one check-in), {label}",
                        f"{took:.1f} ms",
                        "on the UI thread",
                        _goal(took, limit_ms),
                    )
                )
        if 10 in folders:
            peak = peak_memory_mb(folders[10])
            rows.append(("peak memory, 10 years", f"{peak:.0f} MB", "", _goal(peak, 150, "MB")))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"Aspire benchmark, {date.today().isoformat()}, {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; median of {args.runs} runs"
    )
    if not has_tmux:
        print("(tmux is not installed: cold starts were not measured)")
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | result | ratio | target |")
    print(f"|{'-' * (width + 2)}|--------|-------|--------|")
    for name, result, ratio, target in rows:
        print(f"| {name:<{width}} | {result} | {ratio} | {target.strip()} |")
    return 0


def _goal(value: float, limit: float, unit: str = "ms") -> str:
    return f"≤ {limit:g} {unit}: {'meets' if value <= limit else 'misses'}"


if __name__ == "__main__":
    raise SystemExit(main())
