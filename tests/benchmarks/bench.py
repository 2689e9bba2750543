"""Aspire's benchmark: cold start, screen switch, navigation, durable writes and memory, with
empty, one-year and ten-year data, against a bare Textual app measured the same way.

Run it with `python tests/benchmarks/bench.py` (add `--light` for the one-year case only, as CI
does, `--runs N` for more runs, and `--years 0 1 10 20 40` to add twenty and forty years of
history, `--only goals-nav` for the Goals screen's j / k measure alone, `--only logging` for
logging a check-in alone, `--only memory` for peak memory alone, `--only encryption` for an
encrypted folder's start and writes beside a plain one's, `--only devices` for a folder
shared by 1, 3 and 10 computers). It prints one table;
each figure is a median over runs.
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
from typing import Any

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
GOALS_MOVES = 20
"""`j` / `k` presses on the Goals screen per run, after a warm-up visit."""


def make_data(root: Path, years: int) -> Path:
    folder = root / f"data-{years}y"
    if years:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project's folder
        from tests.fixtures.history import main as demo

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


def record_frames(app: Any) -> list[float]:
    """The times the app draws its frames, from now on (appended as they happen)."""
    frames: list[float] = []
    display = app._display

    def recorded(*args: object, **kwargs: object) -> None:
        display(*args, **kwargs)
        frames.append(time.perf_counter())

    app._display = recorded
    return frames


async def interactive(folder: Path, runs: int) -> dict[str, float]:
    """Screen switches and list navigation, key press to frame drawn, in milliseconds."""
    from aspire_tui.store import AspireStore
    from aspire_tui.ui.app import AspireApp

    store = AspireStore.open(folder, backup=False)
    app = AspireApp(store, today=TODAY, tune_gc=True)  # as `aspire` runs it
    frames = record_frames(app)

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


async def goals_navigation(folder: Path, runs: int) -> dict[str, float]:
    """Goals `j` / `k` until the chart is drawn: key press to the first frame that shows the
    newly highlighted goal's chart, in milliseconds, against a plain Textual app driven by the
    same keys and timed by the same code, run by run in turn (one Aspire run, one plain run).

    Each run: `3`, a warm-up of three `j` and three `k` at the top of the list (the chart's
    imports), then `GOALS_MOVES` presses: from a third of the way down, `j` for half of them;
    from two thirds, `k` for the other half. The list is put at those rows directly, untimed,
    so every press lands on a goal not yet shown in the run: nothing drawn before can be
    reused. That is the figure against the target. After each half, as many presses back the
    other way, onto goals just shown, are timed apart ("back to a goal just shown").
    A goal with a chart counts once a frame is drawn after the chart was rendered for
    that goal (a chart drawn a frame late counts late); a goal with no chart (done/not done,
    too few days, a sparkline) counts at the first frame after the press.
    The plain app: an `OptionList` of as many rows as the Goals list has, two lines each, with
    `j` / `k` bound to its cursor, and a `Static` beside it whose text (ten lines) is replaced
    on each highlight: the least a list-and-page screen does, drawn at the same size."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal
    from textual.widgets import OptionList, Static

    from aspire_tui.store import AspireStore
    from aspire_tui.ui.app import AspireApp
    from aspire_tui.ui.widgets import progress_chart

    charted: list[tuple[str, float]] = []  # (goal id, when its chart was rendered)
    real_render = progress_chart.ProgressChart.render

    def timed_render(chart: progress_chart.ProgressChart) -> object:
        drawn = real_render(chart)
        if chart._drawn is not None:
            charted.append((str(chart._drawn[0].id), time.perf_counter()))
        return drawn

    progress_chart.ProgressChart.render = timed_render  # type: ignore[method-assign]

    async def press(app: App[None], pilot: object, frames: list[float], key: str) -> float:
        """Milliseconds from pressing `key` to the frame that shows what it highlighted."""
        before, rendered = len(frames), len(charted)
        start = time.perf_counter()
        await pilot.press(key)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        screen = app.screen
        wanted = screen.query_one("#records", OptionList).highlighted_option
        goal = wanted.id if wanted is not None else None
        chart = screen.query("ProgressChart")
        shown = bool(chart) and chart.first().display and screen.query_one("#chart-box").display
        while True:
            drawn = [t for g, t in charted[rendered:] if g == goal] if shown else [start]
            done = [f for f in frames[before:] if drawn and f >= drawn[0]]
            if done:
                break
            if time.perf_counter() - start > 5:
                raise RuntimeError(f"no frame showed the goal's page within 5 s of {key}")
            await asyncio.sleep(0.001)
        await pilot.pause()  # type: ignore[attr-defined]
        return (done[0] - start) * 1000

    async def moves(
        app: App[None], pilot: object, frames: list[float]
    ) -> tuple[list[float], list[float]]:
        """The warm-up, then the timed presses: each onto a goal not shown before, then as
        many back the other way, onto goals just shown."""
        rows = app.screen.query_one("#records", OptionList)
        for key in "jjjkkk":
            await pilot.press(key)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        new: list[float] = []
        back: list[float] = []
        half = GOALS_MOVES // 2
        for share, key, reverse in ((1 / 3, "j", "k"), (2 / 3, "k", "j")):
            place = int(rows.option_count * share)
            while rows.get_option_at_index(place).disabled:
                place += 1
            rows.highlighted = place
            await pilot.pause()  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
            for _ in range(half):
                new.append(await press(app, pilot, frames, key))
            for _ in range(half - 1):  # the last goal back is where the list was put
                back.append(await press(app, pilot, frames, reverse))
        return new, back

    class PlainList(OptionList):
        BINDINGS = [Binding("j", "cursor_down"), Binding("k", "cursor_up")]

    class Plain(App[None]):
        def __init__(self, rows: int) -> None:
            super().__init__()
            self.rows = rows

        def compose(self) -> ComposeResult:
            with Horizontal():
                row = "Goal {}\n  ████░░░░  40%  on track"
                rows = PlainList(*(row.format(n) for n in range(self.rows)), id="records")
                rows.styles.width = "42%"
                yield rows
                yield Static(id="page")

        def on_mount(self) -> None:
            self.query_one(PlainList).focus()

        def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
            page = "\n".join(f"Goal {event.option_index}: line {n}" for n in range(10))
            self.query_one("#page", Static).update(page)

    async def plain_run(rows: int) -> tuple[list[float], list[float]]:
        app = Plain(rows)
        frames = record_frames(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            return await moves(app, pilot, frames)

    async def aspire_run() -> tuple[tuple[list[float], list[float]], int]:
        store = AspireStore.open(folder, backup=False)
        app = AspireApp(store, today=TODAY, tune_gc=True)  # as `aspire` runs it
        frames = record_frames(app)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.press("3")
                await pilot.pause()
                rows = app.screen.query_one("#records", OptionList).option_count
                return await moves(app, pilot, frames), rows
        finally:
            store.close()
            gc.unfreeze()

    found: dict[str, list[float]] = {"aspire": [], "plain": [], "aspire_back": [], "plain_back": []}
    try:
        for _ in range(runs):
            (new, back), rows = await aspire_run()
            found["aspire"].append(statistics.median(new))
            found["aspire_back"].append(statistics.median(back))
            new, back = await plain_run(rows)
            found["plain"].append(statistics.median(new))
            found["plain_back"].append(statistics.median(back))
    finally:
        progress_chart.ProgressChart.render = real_render  # type: ignore[method-assign]
    return {what: statistics.median(values) for what, values in found.items()}


async def logged_write(folder: Path, runs: int) -> dict[str, float]:
    """Logging one check-in by keys, as a person does, until it is on disk (fsynced): the
    milliseconds that takes, and the frames the UI missed until it was on disk and on screen
    (the screen settled: the list and the page show it). A 60 Hz timer on the UI's loop ticks
    throughout; a gap longer than a frame between ticks is a frozen UI."""
    from aspire_tui.domain.models import TargetKind
    from aspire_tui.store import AspireStore
    from aspire_tui.store import storage as storage_module
    from aspire_tui.ui.app import AspireApp

    on_disk: list[float] = []
    real_write = storage_module.atomic_write
    real_append = getattr(storage_module, "append_changes", None)  # None: before the log

    def timed_write(path: Path, data: bytes, before_replace: object = None) -> None:
        real_write(path, data, before_replace)  # type: ignore[arg-type]
        on_disk.append(time.perf_counter())

    def timed_append(path: Path, lines: bytes, size: int, before: object = None) -> int:
        grown = real_append(path, lines, size, before)  # type: ignore[arg-type]
        on_disk.append(time.perf_counter())
        return grown

    # A check-in goes to the change log (an append, or the log's first write), or, when the
    # log is folded, into the data file rewritten whole: whichever reaches the disk counts.
    storage_module.atomic_write = timed_write  # type: ignore[assignment]
    if real_append is not None:
        storage_module.append_changes = timed_append
    store = AspireStore.open(folder, backup=False)
    saving: list[float] = []
    log_checkin = store.log_checkin

    def timed_save(checkin: object) -> object:
        """The whole save as the app makes it, the transaction's write included."""
        begun = time.perf_counter()
        try:
            return log_checkin(checkin)  # type: ignore[arg-type]
        finally:
            saving.append((time.perf_counter() - begun) * 1000)

    store.log_checkin = timed_save  # type: ignore[assignment,method-assign]
    app = AspireApp(store, today=TODAY, tune_gc=True)
    frame = 1 / 60
    ticks: list[float] = []
    took: list[float] = []
    missed: list[int] = []
    stalls: list[float] = []
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            states = app.goal_states()
            open_goals = [
                g
                for g in store.goals()
                if g.target.kind is TargetKind.UP
                and g.id in states
                and states[g.id].progress.achieved_on is None
                and (a := store.aspiration(g.aspiration_id)) is not None
                and a.active
            ]
            if not open_goals:
                raise RuntimeError("no open goal to log progress on")
            goal = min(open_goals, key=lambda g: states[g.id or 0].progress.fraction)
            app.select_on_show["goals"] = goal.id or 0
            await pilot.press("3")
            await pilot.pause()
            app.set_interval(frame, lambda: ticks.append(time.perf_counter()))
            for _ in range(max(5, runs * 2)):
                await pilot.press("l")
                await pilot.pause()
                await pilot.press("1")
                written = len(on_disk)
                ticks.append(start := time.perf_counter())
                await pilot.press("ctrl+s")
                while len(on_disk) == written:
                    if time.perf_counter() - start > 5:
                        raise RuntimeError("the check-in did not reach the disk within 5 s")
                    await asyncio.sleep(0.001)
                end = on_disk[-1]
                # The span runs until the screen shows the check-in, whichever comes later: what
                # the screen does after the write (the list, the page) counts as much as it.
                await pilot.pause()
                shown = time.perf_counter()
                await asyncio.sleep(2 * frame)  # the tick after, to close the span
                span = [t for t in ticks if start <= t] + [time.perf_counter()]
                settled = max(end, shown)
                gaps = [b - a for a, b in zip(span, span[1:], strict=False) if a <= settled]
                took.append((end - start) * 1000)
                stalls.append(max(gaps) * 1000)
                missed.append(sum(max(0, int(gap / frame + 0.5) - 1) for gap in gaps))
    finally:
        storage_module.atomic_write = real_write  # type: ignore[assignment]
        if real_append is not None:
            storage_module.append_changes = real_append
        store.close()
        gc.unfreeze()
    return {
        "durable": statistics.median(took),
        "missed": statistics.median(missed),
        "stall": statistics.median(stalls),
        "saving": statistics.median(saving),
    }


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of a process that opens the data as `aspire` does (check-ins
    glanced at, decoded when first shown) and visits every screen. On
    Linux from /proc (VmHWM): a child's ru_maxrss includes what its parent held when it was
    started, which after generating forty years of history is hundreds of megabytes."""
    code = (
        "import asyncio, resource, sys\n"
        "from pathlib import Path\n"
        "from aspire_tui.store import AspireStore\n"
        "from aspire_tui.ui.app import AspireApp\n"
        "async def main():\n"
        "    store = AspireStore.open(Path(sys.argv[1]), backup=False, check_later=True)\n"
        "    app = AspireApp(store)\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        for key in ('1', '2', '3', '0'):\n"
        "            await pilot.press(key)\n"
        "            await pilot.pause()\n"
        "    store.close()\n"
        "asyncio.run(main())\n"
        "try:\n"  # this process's own high-water mark: ru_maxrss would count the parent's
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    print(int(status.split()[0]))\n"
        "except (OSError, IndexError):\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
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
    parser.add_argument(
        "--years",
        type=int,
        nargs="+",
        metavar="N",
        help="the data sets to start on, in years of history (default: 0 1 10; "
        "add 20 40 for the long view, which takes minutes to generate)",
    )
    parser.add_argument(
        "--only",
        choices=["goals-nav", "logging", "memory", "encryption", "devices", "shell"],
        help="one measure only: goals-nav, Goals j / k until the chart is drawn; logging, "
        "a check-in logged by keys (the longest UI pause and the frames missed); memory, "
        "peak memory after visiting every screen; encryption, an encrypted folder's start "
        "and writes beside a plain one's; devices, opening and saving in a folder shared "
        "by 1, 3 and 10 computers; shell, aspire status and aspire log beside python -c pass",
    )
    args = parser.parse_args()
    sizes = [0, 1] if args.light else sorted(set(args.years or [0, 1, 10]) | {0})
    has_tmux = shutil.which("tmux") is not None
    # An installed Aspire starts from compiled bytecode (pip compiles it on install); where
    # PYTHONDONTWRITEBYTECODE is set, an editable checkout would compile on every launch.
    import aspire_tui

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(aspire_tui.__file__).parent)],
        check=False,
        capture_output=True,
    )
    root = Path(tempfile.mkdtemp(prefix="aspire-bench-"))
    # The computer's id (`devices.py`) is the benchmark's own, never this machine's: the
    # folder's first computer, which writes aspire.json.
    os.environ.setdefault("ASPIRE_DEVICE_ID", FIRST)
    rows: list[tuple[str, str, str, str]] = []
    try:
        folders = {years: make_data(root, years) for years in sizes}
        if args.only == "goals-nav":
            for years, folder in folders.items():
                if years:
                    rows.append(_goals_nav_row(folder, years, args.runs))
            folders = {}  # and nothing else
        if args.only == "logging":
            for years, folder in folders.items():
                if years:
                    rows.extend(_logging_rows(folder, years, args.runs))
            folders = {}  # and nothing else
        if args.only == "memory":
            rows.extend(_memory_row(folder, years) for years, folder in folders.items() if years)
            folders = {}  # and nothing else
        if args.only == "devices":
            for years, folder in folders.items():
                if years:
                    rows.extend(_devices_rows(root, folder, years, args.runs))
            folders = {}  # and nothing else
        if args.only == "shell":
            rows.extend(_shell_rows(root, {y: f for y, f in folders.items() if y}, args.runs))
            folders = {}  # and nothing else
        if args.only == "encryption":
            for years, folder in folders.items():
                if years:
                    rows.extend(_encryption_rows(root, folder, years, args.runs, has_tmux))
            folders = {}  # and nothing else
        env = {**os.environ, "TERM": "xterm-256color"}
        aspire = [sys.executable, "-m", "aspire_tui", "--data-dir"]
        starts: dict[object, list[float]] = {"bare": [], **{years: [] for years in folders}}
        failed: dict[object, str] = {}
        if has_tmux and folders:
            script = root / "bare.py"
            script.write_text(BARE_APP)
            # Round by round, each app once per round, so that a machine that speeds up or
            # slows down over the minutes of the run does not favour one of them.
            for run in range(args.runs):
                for what in starts:
                    if what in failed:
                        continue
                    try:
                        if what == "bare":
                            command, expect = [sys.executable, str(script)], "bare app ready"
                        else:
                            copy = root / f"run-{what}-{run}"
                            shutil.copytree(folders[what], copy)  # type: ignore[index]
                            command = [*aspire, str(copy)]
                            expect = "Welcome to Aspire" if what == 0 else " to next"
                        starts[what].append(cold_start(command, expect, env))
                    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                        failed[what] = str(error)
        bare = statistics.median(starts["bare"]) if starts["bare"] else None
        if "bare" in failed:
            print(f"(cold starts not measured: tmux failed: {failed['bare']})")
        if bare is not None:
            rows.append(("cold start, bare Textual app", f"{bare * 1000:.0f} ms", "1.00×", ""))
        for years, folder in folders.items():
            label = (f"{years} year" + ("s" if years > 1 else "")) if years else "empty"
            limit = {0: 1.15, 10: 1.4, 40: 2.0}.get(years)
            copies = starts[years] if years not in failed else []
            if years in failed:
                rows.append((f"cold start, {label}", "not measured", "", failed[years]))
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
                rows.append(_goals_nav_row(work, years, args.runs))
                rows.extend(_logging_rows(work, years, args.runs))
        for years in (10, 40):
            if years in folders:
                rows.append(_memory_row(folders[years], years))
        if any(folders):
            rows.extend(_shell_rows(root, {y: f for y, f in folders.items() if y}, args.runs))
        for years in (1, 10):
            if years in folders:
                rows.extend(_encryption_rows(root, folders[years], years, args.runs, has_tmux))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"Aspire benchmark, {date.today().isoformat()}, {platform.node()}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; median of {args.runs} runs"
    )
    if not has_tmux and not args.only:
        print("(tmux is not installed: cold starts were not measured)")
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | result | ratio | target |")
    print(f"|{'-' * (width + 2)}|--------|-------|--------|")
    for name, result, ratio, target in rows:
        print(f"| {name:<{width}} | {result} | {ratio} | {target.strip()} |")
    return 0


def _goals_nav_row(folder: Path, years: int, runs: int) -> tuple[str, str, str, str]:
    label = f"{years} year" + ("s" if years > 1 else "")
    name = f"Goals j / k until the chart is drawn, {label}"
    try:
        found = asyncio.run(goals_navigation(folder, runs))
    except RuntimeError as error:
        return (name, "not measured", "", str(error))
    over = found["aspire"] - found["plain"]
    back = found["aspire_back"] - found["plain_back"]
    result = (
        f"{found['aspire']:.1f} ms ({over:.1f} ms over a plain Textual app); "
        f"back to a goal just shown {found['aspire_back']:.1f} ms ({back:.1f} ms over)"
    )
    return (name, result, "", _goal(over, 20, "ms over") if years == 10 else "")


def _logging_rows(folder: Path, years: int, runs: int) -> list[tuple[str, str, str, str]]:
    label = f"{years} year" + ("s" if years > 1 else "")
    try:
        wrote = asyncio.run(logged_write(folder, runs))
    except RuntimeError as error:
        return [(f"durable write, {label}", "not measured", "", str(error))]
    limit_ms = 20  # the same at any age
    return [
        (
            f"check-in logged to on disk, {label}",
            f"{wrote['durable']:.1f} ms",
            "",
            _goal(wrote["durable"], limit_ms),
        ),
        (
            f"UI thread busy saving it (disk work on the writer), {label}",
            f"{wrote['saving']:.1f} ms",
            "",
            _goal(wrote["saving"], 4),
        ),
        (
            f"longest UI pause while logging (frames missed), {label}",
            f"{wrote['stall']:.0f} ms ({wrote['missed']:g})",
            "",
            "" if years != 10 else _goal(wrote["missed"], 0, "frames"),
        ),
    ]


def _memory_row(folder: Path, years: int) -> tuple[str, str, str, str]:
    peak = peak_memory_mb(folder)
    label = f"{years} year" + ("s" if years > 1 else "")
    return (f"peak memory, {label}", f"{peak:.0f} MB", "", _goal(peak, 150, "MB"))


PASSPHRASE = "a benchmark's passphrase"


def _encryption_rows(
    root: Path, folder: Path, years: int, runs: int, has_tmux: bool
) -> list[tuple[str, str, str, str]]:
    """An encrypted copy of `folder` beside a plain one: the unlock (scrypt, tuned as
    `aspire encrypt` tunes it), the cold start with the passphrase from a file, and a
    check-in's write, each in interleaved rounds."""
    from aspire_tui.store.encryption import encrypt_folder
    from aspire_tui.store.key_file import unlock_folder

    label = f"{years} year" + ("s" if years > 1 else "")
    plain, sealed = root / f"plain-{years}", root / f"sealed-{years}"
    shutil.copytree(folder, plain)
    shutil.copytree(folder, sealed)
    encrypt_folder(sealed, PASSPHRASE)
    secret = root / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    unlocks = []
    for _ in range(max(3, runs)):
        begun = time.perf_counter()
        unlock_folder(sealed, PASSPHRASE)
        unlocks.append(time.perf_counter() - begun)
    kdf = statistics.median(unlocks)
    rows = [(f"unlock (scrypt, tuned here), {label}", f"{kdf * 1000:.0f} ms", "", "")]
    if has_tmux:
        env = {**os.environ, "TERM": "xterm-256color", "ASPIRE_PASSPHRASE_FILE": str(secret)}
        aspire = [sys.executable, "-m", "aspire_tui", "--data-dir"]
        starts: dict[str, list[float]] = {"plain": [], "sealed": []}
        for run in range(runs):
            for what, source in (("plain", plain), ("sealed", sealed)):
                copy = root / f"start-{what}-{years}-{run}"
                shutil.copytree(source, copy)
                starts[what].append(cold_start([*aspire, str(copy)], " to next", env))
        plain_start, sealed_start = (statistics.median(starts[w]) for w in ("plain", "sealed"))
        ratio = (sealed_start - kdf) / plain_start
        rows.append(
            (
                f"cold start, encrypted, {label}",
                f"{sealed_start * 1000:.0f} ms (plain {plain_start * 1000:.0f} ms)",
                f"{ratio:.2f}× plus the unlock",
                f"≤ 1.2× plus the unlock: {'meets' if ratio <= 1.2 else 'misses'}",
            )
        )
    wrote = _timed_writes(plain, sealed, max(20, runs * 4))
    over = wrote["sealed"] - wrote["plain"]
    rows.append(
        (
            f"a check-in's save to disk, encrypted, {label}",
            f"{wrote['sealed']:.2f} ms (plain {wrote['plain']:.2f} ms, {over:+.2f} ms)",
            "",
            _goal(over, 2, "ms over plain"),
        )
    )
    over = wrote["sealed_fold"] - wrote["plain_fold"]
    rows.append(
        (
            f"the data file rewritten whole (a fold), encrypted, {label}",
            f"{wrote['sealed_fold']:.1f} ms (plain {wrote['plain_fold']:.1f} ms, {over:+.1f} ms)",
            "",
            _goal(over, 2, "ms over plain"),
        )
    )
    return rows


def _timed_writes(plain: Path, sealed: Path, count: int) -> dict[str, float]:
    """Milliseconds from saving a check-in until it is on disk (appended to the log and
    fsynced, as the app saves), and for a fold (the data file rewritten whole), in a plain
    folder and an encrypted one, one after the other in each round."""
    from aspire_tui.domain.models import CheckIn
    from aspire_tui.store import AspireStore
    from aspire_tui.store.key_file import unlock_folder

    stores = {
        "plain": AspireStore.open(plain, backup=False),
        "sealed": AspireStore.open(sealed, backup=False, key=unlock_folder(sealed, PASSPHRASE)),
    }
    took: dict[str, list[float]] = {name: [] for name in ("plain", "sealed")}
    folds: dict[str, list[float]] = {name: [] for name in ("plain", "sealed")}
    try:
        goal_id = next(g.id for g in stores["plain"].goals() if g.id is not None)
        for store in stores.values():
            store.write_in_background()
        for round_number in range(count):
            for name, store in stores.items():
                checkin = CheckIn(goal_id, TODAY, 1.0, note=f"bench {round_number}")
                begun = time.perf_counter()
                store.log_checkin(checkin)
                store.flush()
                took[name].append((time.perf_counter() - begun) * 1000)
                if round_number % 5 == 4:
                    begun = time.perf_counter()
                    store._storage.fold()  # noqa: SLF001 - the whole file, as a fold writes it
                    folds[name].append((time.perf_counter() - begun) * 1000)
    finally:
        for store in stores.values():
            store.close()
    return {
        "plain": statistics.median(took["plain"]),
        "sealed": statistics.median(took["sealed"]),
        "plain_fold": statistics.median(folds["plain"]),
        "sealed_fold": statistics.median(folds["sealed"]),
    }


SHARED_BY = (1, 3, 10)
FIRST = "firstaaa"


def _other(number: int) -> str:
    """The id of another computer (eight of a-z and 2-7)."""
    return f"other{'abcdefghijk'[number]}zz"


def _devices_rows(
    root: Path, folder: Path, years: int, runs: int
) -> list[tuple[str, str, str, str]]:
    """The folder's first computer opening and saving with 1, 3 and 10 computers' files
    beside its own (each other computer's file holding all the data, as it does once
    synced), in interleaved rounds; and a change from another computer taken in."""
    from aspire_tui.domain.models import CheckIn
    from aspire_tui.store import AspireStore
    from aspire_tui.store.devices import device_file

    label = f"{years} year" + ("s" if years > 1 else "")
    shared: dict[int, Path] = {}
    joined: list[float] = []
    for count in SHARED_BY:
        copy = root / f"shared-{years}-{count}"
        shutil.copytree(folder, copy)
        AspireStore.open(copy, backup=False, device=FIRST).close()  # claims aspire.json
        for other in range(1, count):
            begun = time.perf_counter()
            AspireStore.open(copy, backup=False, device=_other(other)).close()
            joined.append(time.perf_counter() - begun)
        AspireStore.open(copy, backup=False, device=FIRST).close()  # has seen them all
        shared[count] = copy
    opens: dict[int, list[float]] = {count: [] for count in SHARED_BY}
    fresh: dict[int, list[float]] = {count: [] for count in SHARED_BY}
    saves: dict[int, list[float]] = {count: [] for count in SHARED_BY}
    for run in range(runs):
        order = list(shared.items())
        order = order[run % len(order) :] + order[: run % len(order)]  # none always first
        for count, copy in order:
            begun = time.perf_counter()
            store = AspireStore.open(copy, backup=False, check_later=True, device=FIRST)
            opens[count].append(time.perf_counter() - begun)
            store.close()
            for other in range(1, count):  # each other computer's file changed since
                os.utime(device_file(copy, _other(other)))
            begun = time.perf_counter()
            store = AspireStore.open(copy, backup=False, check_later=True, device=FIRST)
            fresh[count].append(time.perf_counter() - begun)
            store.write_in_background()
            goal_id = next(g.id for g in store.goals() if g.id is not None)
            for n in range(4):
                begun = time.perf_counter()
                store.log_checkin(CheckIn(goal_id, TODAY, 1.0, note=f"bench {run} {n}"))
                store.flush()
                saves[count].append(time.perf_counter() - begun)
            store.close()
    one = statistics.median(opens[1])
    rows = [
        (
            f"a new computer's first start in a shared folder, {label}",
            f"{statistics.median(joined) * 1000:.0f} ms (takes in every record)",
            "",
            "",
        )
    ]
    for count in SHARED_BY:
        took = statistics.median(opens[count])
        ratio = took / one
        rows.append(
            (
                f"opening, {count} computer{'s' if count > 1 else ''}' files, {label}".replace(
                    "1 computer' files", "1 computer's file"
                ),
                f"{took * 1000:.0f} ms",
                f"{ratio:.2f}× one",
                f"≤ 1.5× one: {'meets' if ratio <= 1.5 else 'misses'}" if count == 10 else "",
            )
        )
    for count in SHARED_BY[1:]:
        took = statistics.median(fresh[count])
        rows.append(
            (
                f"opening after every other computer's file changed, {count} computers, {label}",
                f"{took * 1000:.0f} ms",
                f"{took / one:.2f}× one",
                "",
            )
        )
    for count in SHARED_BY:
        took = statistics.median(saves[count]) * 1000
        rows.append(
            (
                f"a check-in's save to disk, {count} computer{'s' if count > 1 else ''}' files, "
                f"{label}".replace("1 computer' files", "1 computer's file"),
                f"{took:.2f} ms",
                "",
                _goal(took, 20),
            )
        )
    rows.append(_arrival_row(shared[3], label, runs))
    return rows


def _arrival_row(copy: Path, label: str, runs: int) -> tuple[str, str, str, str]:
    """Another computer logs a check-in: reading its file (off the screen's thread) and
    merging what changed (on it), as the app does every second."""
    from aspire_tui.domain.models import CheckIn
    from aspire_tui.store import AspireStore

    reads: list[float] = []
    merges: list[float] = []
    store = AspireStore.open(copy, backup=False, device=FIRST)
    store.write_in_background()
    try:
        for run in range(max(5, runs)):
            other = AspireStore.open(copy, backup=False, device=_other(1))
            goal_id = next(g.id for g in other.goals() if g.id is not None)
            other.save_checkin(CheckIn(goal_id, TODAY, 1.0, note=f"from afar {run}"))
            other.close()
            begun = time.perf_counter()
            reading = store.read_others()
            reads.append(time.perf_counter() - begun)
            begun = time.perf_counter()
            store.take_in(reading)
            merges.append(time.perf_counter() - begun)
    finally:
        store.close()
    merge = statistics.median(merges) * 1000
    return (
        f"a check-in from another computer arrives, {label}",
        f"read {statistics.median(reads) * 1000:.0f} ms (off the screen's thread), "
        f"merged {merge:.1f} ms (on it)",
        "",
        _goal(merge, 4, "ms on the screen's thread"),
    )


def _shell_rows(root: Path, folders: dict[int, Path], runs: int) -> list[tuple[str, str, str, str]]:
    """`aspire status` (the kept glance, and worked out after a change) and `aspire log`,
    each a whole process, beside `python -c pass`: interleaved, round by round."""
    env = {**os.environ, "ASPIRE_CACHE_DIR": str(root / "cache"), "NO_COLOR": "1"}
    python = [sys.executable, "-c", "pass"]
    aspire = [sys.executable, "-m", "aspire_tui"]
    times: dict[str, list[float]] = {"pass": []}
    copies = {}
    if not folders:
        return []
    for years, folder in folders.items():
        copies[years] = copy = root / f"shell-{years}"
        shutil.copytree(folder, copy)
        for what in ("status", "status after a change", "log"):
            times[f"{what}|{years}"] = []
        times[f"status after another's change|{years}"] = []

    def timed(command: list[str]) -> float:
        began = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
        return (time.perf_counter() - began) * 1000

    goal = {years: _a_goal_to_log_on(copy) for years, copy in copies.items()}
    for copy in copies.values():  # a glance to keep, before the rounds
        subprocess.run(
            [*aspire, "status", "--data-dir", str(copy)], env=env, check=True, capture_output=True
        )
    for _ in range(max(runs, 5)):
        times["pass"].append(timed(python))
        for years, copy in copies.items():
            where = ["--data-dir", str(copy)]
            times[f"status|{years}"].append(timed([*aspire, "status", *where]))
            times[f"log|{years}"].append(timed([*aspire, "log", goal[years], "1", *where]))
            # the log kept the glance for the files it left: this status reads it
            times[f"status after a change|{years}"].append(timed([*aspire, "status", *where]))
            (copy / "aspire.json").touch()  # changed by something else: worked out again
            times[f"status after another's change|{years}"].append(
                timed([*aspire, "status", *where])
            )
    base = statistics.median(times["pass"])
    rows = [("python -c pass (a process's floor)", f"{base:.0f} ms", "1.00×", "")]
    for years in copies:
        label = f"{years} year" + ("s" if years > 1 else "")
        for what in ("status", "log", "status after a change", "status after another's change"):
            took = statistics.median(times[f"{what}|{years}"])
            target = _goal(took, 100) if what == "status" and years == 10 else ""
            rows.append(
                (f"aspire {what}, {label}", f"{took:.0f} ms", f"{took / base:.2f}×", target)
            )
    return rows


def _a_goal_to_log_on(folder: Path) -> str:
    """The exact title of an open goal counting a number up, on an active aspiration."""
    from aspire_tui.domain.models import TargetKind
    from aspire_tui.store import AspireStore

    store = AspireStore.open(folder, read_only=True)
    try:
        active = {a.id for a in store.aspirations() if a.active}
        return next(
            g.title
            for g in store.goals()
            if g.aspiration_id in active and g.target.kind is TargetKind.UP
        )
    finally:
        store.close()


def _goal(value: float, limit: float, unit: str = "ms") -> str:
    return f"≤ {limit:g} {unit}: {'meets' if value <= limit else 'misses'}"


if __name__ == "__main__":
    raise SystemExit(main())
