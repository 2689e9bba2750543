"""Opening glances at the check-ins (nine in ten records) and decodes each goal's when first
needed: what is shown is the same as from a whole check, a damaged check-in is still found
(once the app has drawn its first frame, `aspire` says so and stops, as at opening), and
nothing is ever written before every check-in has been checked whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore, DataFileError
from tests.conftest import TODAY, terminal_env
from tests.fixtures.history import main as write_history
from tests.terminal import exit_status, own_tmux, screen


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("year") / "data"
    write_history(["--years", "1", "--data-dir", str(folder), "--today", TODAY.isoformat()])
    return folder


def _damage_one_checkin(folder: Path) -> str:
    """A check-in's amount made text: only decoding it finds that. Its number."""
    path = folder / "aspire.json"
    data = json.loads(path.read_bytes())
    number, doc = next(iter(data["checkins"].items()))
    doc["amount"] = "a lot"
    path.write_text(json.dumps(data))
    return number


def test_what_is_read_is_the_same_as_from_a_whole_check(year: Path) -> None:
    whole = AspireStore.open(year, read_only=True)
    glanced = AspireStore.open(year, read_only=True, check_later=True)
    assert glanced.latest_checkins() == whole.latest_checkins()
    for goal in whole.goals():
        assert glanced.checkins(goal.id) == whole.checkins(goal.id)
    assert glanced.checkins() == whole.checkins()


def test_a_goals_checkins_are_decoded_only_when_asked_for(year: Path) -> None:
    glanced = AspireStore.open(year, read_only=True, check_later=True)
    goal = glanced.goals()[0]
    before = len(glanced._checkins.later_keys())
    glanced.checkins(goal.id)
    assert len(glanced._checkins.later_keys()) == before - 1
    glanced.finish_checking()
    assert not glanced._checkins.later_keys()


def test_a_damaged_checkin_is_found_with_the_whole_checks_message(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_history(["--years", "1", "--data-dir", str(folder), "--today", TODAY.isoformat()])
    number = _damage_one_checkin(folder)
    with pytest.raises(DataFileError) as whole:
        AspireStore.open(folder)
    opened = AspireStore.open(folder, check_later=True)  # only glanced at: opens
    try:
        with pytest.raises(DataFileError) as later:
            opened.finish_checking()
        assert str(later.value) == str(whole.value)
        assert f"checkins/{number}" in str(later.value)
    finally:
        opened.close()


def test_nothing_is_written_before_every_checkin_is_checked_whole(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_history(["--years", "1", "--data-dir", str(folder), "--today", TODAY.isoformat()])
    _damage_one_checkin(folder)
    before = (folder / "aspire.json").read_bytes()
    opened = AspireStore.open(folder, check_later=True, backup=False)
    opened.write_in_background()
    try:
        with pytest.raises(DataFileError, match="damaged entry checkins/"):
            opened.save_reflection(Reflection(on=TODAY, want="Not over a damaged file"))
    finally:
        opened.close()
    assert (folder / "aspire.json").read_bytes() == before
    assert not (folder / "aspire.changes.jsonl").exists()


@pytest.mark.slow  # a real terminal
def test_aspire_stops_with_the_message_once_it_finds_a_damaged_checkin(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_history(["--years", "1", "--data-dir", str(folder), "--today", TODAY.isoformat()])
    number = _damage_one_checkin(folder)
    before = (folder / "aspire.json").read_bytes()
    status = tmp_path / "status"
    tmux = own_tmux("damaged")
    command = (  # Textual draws on stderr: the message after it is read off the terminal
        f"'{sys.executable}' -m aspire_tui --data-dir '{folder}'; echo $? >'{status}'; sleep 60"
    )
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", command],
        check=True,
        env=terminal_env(),
        timeout=10,
    )
    try:
        exit_status(status)
        said = " ".join(screen(tmux).split())
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    assert status.read_text().strip() == "2"
    unwrapped = said.replace(" ", "")  # the terminal wraps the message where it must
    assert f"damagedentrycheckins/{number}:" in unwrapped, said
    assert "leftituntouched" in unwrapped, said
    assert "Traceback" not in said
    assert (folder / "aspire.json").read_bytes() == before


def test_check_ins_glanced_at_are_written_back_exactly_as_read(year: Path, tmp_path: Path) -> None:
    """The glance keeps each day and goal number once, shared by the check-ins naming it: the
    file written after a change holds every check-in exactly as before (a guard: sharing an
    equal value must never change what is written)."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").write_bytes((year / "aspire.json").read_bytes())
    before = json.loads((folder / "aspire.json").read_bytes())["checkins"]
    store = AspireStore.open(folder, backup=False, check_later=True)
    store.save_reflection(Reflection(on=TODAY, note="A change, so the file is written again"))
    store.close()
    after = json.loads((folder / "aspire.json").read_bytes())
    assert json.dumps(after["checkins"]) == json.dumps(before)  # true is not 1, nor 1.0 1
    assert len(after["reflections"]) == 1 + len(
        json.loads((year / "aspire.json").read_bytes())["reflections"]
    )
