"""The command line, run as a person runs it: a real process, real folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aspire_tui import __version__
from aspire_tui.store import AspireStore, resolve_data_dir


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aspire_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_version_answers_without_the_ui() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"aspire {__version__}"


def test_help_names_the_data_dir_option() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--data-dir" in result.stdout and "ASPIRE_DATA_DIR" in result.stdout


def test_a_damaged_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").write_text("{oops")
    result = run("--data-dir", str(folder))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(folder / "aspire.json") in result.stderr
    assert "not valid JSON" in result.stderr and "left it untouched" in result.stderr
    assert (folder / "aspire.json").read_text() == "{oops"


def test_data_dir_precedence(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir() == tmp_path / "xdg" / "aspire-tui"
    monkeypatch.setenv("ASPIRE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"
    assert resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert not (tmp_path / "xdg").exists(), "resolving a folder must not create it"


def test_a_newer_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    content = '{"_meta": {"1": {"schema": 99}}}'
    (folder / "aspire.json").write_text(content)
    result = run("--data-dir", str(folder))
    assert result.returncode == 2
    assert "newer version of Aspire" in result.stderr and "Traceback" not in result.stderr
    assert (folder / "aspire.json").read_text() == content


def test_a_second_aspire_on_one_folder_says_who_has_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = AspireStore.open(folder)
    try:
        result = run(env={"ASPIRE_DATA_DIR": str(folder)})
    finally:
        first.close()
    assert result.returncode == 2
    assert "already open" in result.stderr and f"process {os.getpid()}" in result.stderr
    assert "Traceback" not in result.stderr
