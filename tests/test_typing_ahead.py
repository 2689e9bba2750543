"""Keys typed right behind a key that moves the focus land in the field moved to: the real
`aspire` in a real terminal (tmux), the move and the text sent in one go, as a fast typist's
keys arrive. The rounds repeat it: before the fix every round lost the race here, but a
race can be won by chance."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from tests.conftest import read_data, terminal_env
from tests.terminal import own_tmux, wait_until

pytestmark = [
    pytest.mark.slow,  # a real terminal
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

ROUNDS = 4
STARTED = date(2026, 1, 5)  # the app runs on the real today: the goal began before it


def _field(screen: str, label: str, hint_lines: int = 0) -> str:
    """The text of the form's field under `label` (the label, its hint's lines, the field)."""
    inside = [line.split("█")[1].strip() for line in screen.splitlines() if line.count("█") > 1]
    at = next((i for i, line in enumerate(inside) if line.startswith(label)), None)
    return "" if at is None else inside[at + 1 + hint_lines]


@contextmanager
def _aspire(tmp_path: Path, name: str) -> Iterator[tuple[list[str], Path]]:
    """Aspire in a terminal of its own, on a goal that has a check-in (so that its measure
    is fixed and `enter` after the title goes to the target)."""
    data = tmp_path / "data"
    store = AspireStore.open(data)
    mine = store.save_aspiration(Aspiration("Lead a team", STARTED))
    goal = store.save_goal(Goal(mine.id or 0, "Hire", Target.number(50, "calls"), STARTED))
    store.log_checkin(CheckIn(goal.id or 0, STARTED, 1.0))
    store.close()
    tmux = own_tmux(name)
    command = f"exec '{sys.executable}' -m aspire_tui --data-dir '{data}'"
    env = terminal_env()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "40", command],
        check=True,
        env=env,
        timeout=10,
    )
    try:
        wait_until(tmux, lambda s: "? help" in s, "the first screen")
        _keys(tmux, "3")
        wait_until(tmux, lambda s: "Hire" in s, "the goals")
        yield tmux, data / "aspire.json"
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)


def _keys(tmux: list[str], *keys: str) -> None:
    """Keys in ONE send-keys: tmux writes them to the terminal at once."""
    subprocess.run([*tmux, "send-keys", *keys], check=True, timeout=10)


def _closed(tmux: list[str], heading: str) -> None:
    wait_until(tmux, lambda s: heading not in s, f"{heading} closing")


def test_tab_and_shift_tab_then_text_in_the_check_in_form(tmp_path: Path) -> None:
    with _aspire(tmp_path, "tab") as (tmux, file):
        for round in range(ROUNDS):
            _keys(tmux, "l")
            wait_until(tmux, lambda s: "Log progress" in s and "e.g. 1" in s, "the form")
            _keys(tmux, "1")
            wait_until(tmux, lambda s: "e.g. 1" not in s, "the amount typed")
            _keys(tmux, "Tab", f"called {round} clients")
            shown = wait_until(
                tmux,
                lambda s: "clients" in _field(s, "Note") + _field(s, "Progress to add", 1),
                "the note",
            )
            assert _field(shown, "Note (optional)") == f"called {round} clients", shown
            assert _field(shown, "Progress to add", 1) == "1", shown
            _keys(tmux, "BTab", "0")
            shown = wait_until(
                tmux, lambda s: "0" in _field(s, "Progress to add", 1), "the second digit"
            )
            assert _field(shown, "Progress to add", 1) == "10", shown
            assert _field(shown, "Note (optional)") == f"called {round} clients", shown
            _keys(tmux, "C-s")
            _closed(tmux, "Log progress")
        checkins = read_data(file.parent, wait=False)["checkins"].values()
        saved = sorted((c["note"], c["amount"]) for c in checkins if c["note"])
        assert saved == [(f"called {r} clients", 10.0) for r in range(ROUNDS)]


def test_enter_then_text_after_the_goal_title(tmp_path: Path) -> None:
    with _aspire(tmp_path, "enter") as (tmux, file):
        for round in range(ROUNDS):
            _keys(tmux, "e")
            wait_until(tmux, lambda s: "Edit goal" in s and "calls" in s, "the form")
            _keys(tmux, "Enter", f" by M{round}")
            shown = wait_until(
                tmux,
                lambda s, round=round: (
                    f"M{round}" in _field(s, "Target", 2) or "by M" in _field(s, "Goal")
                ),
                "the target",
            )
            assert _field(shown, "Target", 2).endswith(f" by M{round}"), shown
            assert _field(shown, "Goal").startswith("Hire"), shown
            assert "by M" not in _field(shown, "Goal"), shown
            _keys(tmux, "BTab", f" {round}")
            shown = wait_until(
                tmux, lambda s, round=round: _field(s, "Goal").endswith(f" {round}"), "the title"
            )
            assert _field(shown, "Target", 2).endswith(f" by M{round}"), shown
            _keys(tmux, "C-s")
            _closed(tmux, "Edit goal")
        goal = next(iter(read_data(file.parent, wait=False)["goals"].values()))
        assert goal["title"] == "Hire " + " ".join(str(r) for r in range(ROUNDS))
        assert goal["target"]["unit"] == "calls" + "".join(f" by M{r}" for r in range(ROUNDS))


def test_a_fields_own_keys_keep_their_place_in_a_burst(tmp_path: Path) -> None:
    """Backspace, arrows and home are a field's bindings, which Textual runs only once the key
    has gone up to the App, while letters are typed as they arrive: `hello`, then five
    backspaces and `world` sent at once, read "hworl" in the goal form."""
    with _aspire(tmp_path, "burst") as (tmux, file):
        _keys(tmux, "n")
        wait_until(tmux, lambda s: "New goal" in s, "the form")
        text = ""
        for round in range(ROUNDS):
            _keys(tmux, "End", "h", "e", "l", "l", "o")
            wait_until(tmux, lambda s, t=text: _field(s, "Goal") == f"{t}hello", "hello")
            _keys(tmux, *["BSpace"] * 5, *"world", "Left", "Left", "-", "Home", str(round))
            text = f"{round}{text}wor-ld"
            wait_until(tmux, lambda s, t=text: _field(s, "Goal") == t, repr(text), timeout=5)
