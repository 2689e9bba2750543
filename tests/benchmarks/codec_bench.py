"""The record codec's cost at start: the file check (which decodes every record) and the
decoding alone, on one, ten and forty years of generated history; the codec's import time and
all the app imports before its first frame; and start-up without drawing (Python started,
those imports, the store opened read-only).

Run it with `.venv/bin/python tests/benchmarks/codec_bench.py` (`--rounds N`, `--years 1 10`).
`--tree DIR` (repeatable) measures another copy of the project beside this one, in the same
interleaved rounds, e.g. the code before a change: `git archive main | tar -x -C /tmp/before`,
then `--tree . --tree /tmp/before`. Each figure is the median (and the least) over rounds;
each measure runs in a fresh process, as an open does, and the rounds interleave trees and
data sets so a busy machine slows them alike. It also counts the codec's lines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)
CODEC = Path("aspire_tui/store/codec.py")

CHECK = """
import gc, json, sys, time
gc.disable()  # as `aspire` opens the app: collection is back on after the first frame
from pathlib import Path
import orjson
import aspire_tui
from aspire_tui.store.file_check import check_file
from aspire_tui.store.kinds import KINDS

path = Path(sys.argv[1])
data = orjson.loads(path.read_bytes())  # as the storage reads a file Aspire wrote
start = time.perf_counter()
check_file(path, data)
checked = time.perf_counter() - start
decoded, checkins = 0.0, 0.0
for kind in KINDS:  # the decoding alone, kind by kind, without the file check's links
    table = data.get(kind.table, {})
    start = time.perf_counter()
    for key, doc in table.items():
        kind.decode(doc, int(key))
    spent = time.perf_counter() - start
    decoded += spent
    if kind.table == "checkins":
        checkins = spent
print(json.dumps({
    "file": aspire_tui.__file__,
    "check": checked * 1e3,
    "decode": decoded * 1e3,
    "decode check-ins": checkins * 1e3,
}))
"""

START = """
import gc, sys
gc.disable()  # as `aspire` starts
import aspire_tui.store
import aspire_tui.ui.app
from pathlib import Path
aspire_tui.store.AspireStore.open(Path(sys.argv[1]), read_only=True, backup=False).close()
"""


def make_data(root: Path, years: int) -> Path:
    folder = root / f"data-{years}y"
    if not (folder / "aspire.json").exists():
        sys.path.insert(0, str(PROJECT))
        from tests.fixtures.history import main as history

        history(["--years", str(years), "--data-dir", str(folder), "--today", TODAY.isoformat()])
    return folder / "aspire.json"


def run(tree: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Python in `tree`, which is then the `aspire_tui` imported (ahead of the editable install)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, check=True
    )


def check_times(tree: Path, data: Path) -> dict[str, float]:
    found = json.loads(run(tree, ["-c", CHECK, str(data)]).stdout)
    if not found.pop("file").startswith(str(tree)):
        raise SystemExit(f"{tree}: another copy of aspire_tui was imported")
    return found  # type: ignore[no-any-return]


MODULES = ("aspire_tui.store.codec", "msgspec", "aspire_tui.store", "aspire_tui.ui.app")
APP = "import aspire_tui.store; import aspire_tui.ui.app"  # as `aspire` does before its first frame


def start_time(tree: Path, folder: Path) -> float:
    """Milliseconds from starting Python to a store open (read-only), with every module the app
    imports before its first frame: start-up without drawing."""
    start = time.perf_counter()
    run(tree, ["-c", START, str(folder)])
    return (time.perf_counter() - start) * 1e3


def import_times(tree: Path) -> dict[str, float]:
    """Milliseconds, cumulative, from `-X importtime`: the codec where the store loads it (its
    own cost and what it imports that nothing before it did), and all the app imports before
    its first frame (the store, then the UI)."""
    err = run(tree, ["-X", "importtime", "-c", APP]).stderr
    found: dict[str, float] = {}
    for line in err.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        name = f"import {match[3]}" if match else ""
        if match and match[3] in MODULES and name not in found:  # the first: where it is loaded
            found[name] = int(match[1]) / 1e3
    found["import app (store, then ui)"] = found.pop("import aspire_tui.store") + found.pop(
        "import aspire_tui.ui.app"
    )
    return found


def lines(tree: Path) -> tuple[int, int]:
    """All lines of the codec, and those neither blank nor a comment."""
    text = (tree / CODEC).read_text().splitlines()
    code = [line for line in text if line.strip() and not line.strip().startswith("#")]
    return len(text), len(code)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 40])
    parser.add_argument("--tree", type=Path, action="append", help="a copy of the project")
    parser.add_argument("--data", type=Path, help="a folder to keep the generated data in")
    args = parser.parse_args(argv)
    trees = [tree.resolve() for tree in args.tree or [PROJECT]]
    root = args.data or Path(tempfile.mkdtemp(prefix="aspire-codec-bench-"))
    data = {years: make_data(root, years) for years in args.years}  # opened read-only
    results: dict[tuple[str, str], list[float]] = {}
    for round_ in range(args.rounds):
        for tree in trees if round_ % 2 == 0 else trees[::-1]:
            measures = import_times(tree)
            for years, path in data.items():
                measures[f"start to open ({years}y)"] = start_time(tree, path.parent)
                for name, value in check_times(tree, path).items():
                    measures[f"{name} ({years}y)"] = value
            for name, value in measures.items():
                results.setdefault((str(tree), name), []).append(value)
        print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
    names = list(dict.fromkeys(name for _, name in results))
    python = sys.version.split()[0]
    print(f"medians of {args.rounds} interleaved rounds, milliseconds; Python {python}")
    print(f"{'measure (median / min)':28}" + "".join(f"{tree.name[-18:]:>20}" for tree in trees))
    for name in names:
        cells = (results.get((str(tree), name)) for tree in trees)
        shown = (
            f"{statistics.median(c):>12.1f} /{min(c):>6.1f}" if c else f"{'-':>20}" for c in cells
        )
        print(f"{name:28}" + "".join(shown))
    for tree in trees:
        total, code = lines(tree)
        print(f"{tree.name}: {CODEC} {total} lines, {code} neither blank nor a comment")


if __name__ == "__main__":
    main()
