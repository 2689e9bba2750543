"""The command line, run as a person runs it: a real process, real folders."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from aspire_tui import __version__
from aspire_tui.cli import ask_read_only
from aspire_tui.store import AspireStore, resolve_data_dir
from aspire_tui.store.lock import AlreadyOpenError
from tests.fixtures.career import populate


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


def seeded(folder: Path) -> None:
    store = AspireStore.open(folder)
    populate(store, date(2026, 11, 27))
    store.close()


def test_export_markdown_to_stdout_and_json_to_a_private_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    seeded(folder)
    result = run("--data-dir", str(folder), "export")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# My career plan")
    out = tmp_path / "plan.json"
    result = run("export", "--format", "json", "-o", str(out), "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["format"] == "aspire-export"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_export_works_while_the_app_has_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    seeded(folder)
    holder = AspireStore.open(folder)
    try:
        result = run("--data-dir", str(folder), "export", "--format", "json")
    finally:
        holder.close()
    assert result.returncode == 0 and '"aspire-export"' in result.stdout


def test_import_merges_then_replace_needs_a_yes(tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    seeded(source)
    backup = tmp_path / "all.json"
    assert (
        run("--data-dir", str(source), "export", "--format", "json", "-o", str(backup)).returncode
        == 0
    )
    result = run("--data-dir", str(target), "import", str(backup))
    assert result.returncode == 0, result.stderr
    assert "Imported 29 records" in result.stdout
    again = run("--data-dir", str(target), "import", str(backup))
    assert "Everything in all.json is already there" in again.stdout
    refused = run("--data-dir", str(target), "import", str(backup), "--replace")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    replaced = run("--data-dir", str(target), "import", str(backup), "--replace", "--yes")
    assert replaced.returncode == 0 and "Replaced your data with 29 records" in replaced.stdout
    names = run("--data-dir", str(target), "backups").stdout
    assert "before import" in names


def test_import_of_a_broken_file_says_why_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    seeded(folder)
    before = (folder / "aspire.json").read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "aspire-export", "schema": 2, "goals": [{"title": 1}]}')
    result = run("--data-dir", str(folder), "import", str(broken))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "broken.json" in result.stderr and "Nothing was changed" in result.stderr
    assert (folder / "aspire.json").read_bytes() == before


def test_backups_and_restore(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert "No backups yet" in run("--data-dir", str(folder), "backups").stdout
    seeded(folder)
    AspireStore.open(folder).close()  # a launch with data keeps a backup
    listing = run("--data-dir", str(folder), "backups").stdout
    name = next(word for word in listing.split() if word.startswith("aspire-"))
    store = AspireStore.open(folder, backup=False)
    store.clear_all()
    store.close()
    result = run("--data-dir", str(folder), "restore", name)
    assert result.returncode == 0, result.stderr
    assert f"Restored {name}" in result.stdout
    store = AspireStore.open(folder, backup=False)
    assert len(store.aspirations()) == 3
    store.close()
    missing = run("--data-dir", str(folder), "restore", "nope.json")
    assert missing.returncode == 2 and "no backup called" in missing.stderr


def test_a_second_launch_can_choose_to_look_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    holder = AspireStore.open(folder)
    try:
        with pytest.raises(AlreadyOpenError) as raised:
            AspireStore.open(folder)
        assert ask_read_only(raised.value, ask=lambda prompt: "r")
        assert not ask_read_only(raised.value, ask=lambda prompt: "q")
    finally:
        holder.close()


def test_export_never_writes_over_aspires_own_files_or_an_existing_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    seeded(folder)
    AspireStore.open(folder).close()
    before = (folder / "aspire.json").read_bytes()
    for target in (folder / "aspire.json", folder / "aspire.json.lock", folder / "backups" / "x"):
        result = run("--data-dir", str(folder), "export", "-o", str(target))
        assert result.returncode == 2 and "Aspire's own files" in result.stderr, target
    assert (folder / "aspire.json").read_bytes() == before
    mine = tmp_path / "mine.md"
    mine.write_text("keep me")
    result = run("--data-dir", str(folder), "export", "-o", str(mine))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert mine.read_text() == "keep me"
    assert run("--data-dir", str(folder), "export", "-o", str(mine), "--force").returncode == 0
    assert mine.read_text().startswith("# My career plan")
    assert run("--data-dir", str(folder), "export", "-o", str(tmp_path)).returncode == 2


def test_import_refuses_what_is_not_an_ordinary_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("--data-dir", str(tmp_path / "data"), "import", str(fifo))
    assert result.returncode == 2 and "not an ordinary file" in result.stderr
    missing = run("--data-dir", str(tmp_path / "data"), "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


def test_restore_repairs_a_damaged_file_from_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    seeded(folder)
    AspireStore.open(folder).close()
    name = next(p.name for p in (folder / "backups").iterdir())
    (folder / "aspire.json").write_text("{garbage")
    assert run("--data-dir", str(folder)).returncode == 2
    result = run("--data-dir", str(folder), "restore", name)
    assert result.returncode == 0, result.stderr
    store = AspireStore.open(folder)
    assert len(store.aspirations()) == 3
    store.close()


def test_demo_opens_a_year_of_made_up_history_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`aspire --demo`, with the app driven by Pilot instead of a terminal."""
    import asyncio
    import tempfile

    from aspire_tui import cli
    from aspire_tui.demo_year import GOALS
    from aspire_tui.ui.app import AspireApp
    from tests.ui_helpers import list_rows

    seen: dict[str, object] = {}

    def run_in_pilot(self: AspireApp, *args: object, **kwargs: object) -> None:
        async def drive() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                seen["title"] = self.title
                seen["folder"] = self.store.path.parent
                seen["goals"] = len(self.store.goals())
                seen["home"] = " ".join(list_rows(self))
                await pilot.press("q")

        asyncio.run(drive())

    monkeypatch.setattr(AspireApp, "run", run_in_pilot)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert cli.main(["--demo"]) == 0
    assert seen["goals"] == sum(len(goals) for goals in GOALS.values())
    assert "demo" in str(seen["title"]) and "to next" in str(seen["home"])
    assert not Path(str(seen["folder"])).exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]  # nothing left but the test's home
    assert not resolve_data_dir(None).exists()  # the person's own data was never touched


def test_demo_does_not_go_with_a_command_or_a_data_folder(tmp_path: Path) -> None:
    for args in (("--demo", "export"), ("--demo", "--data-dir", str(tmp_path / "mine"))):
        result = run(*args)
        assert result.returncode == 2 and "--demo" in result.stderr
    assert not (tmp_path / "mine").exists()


def test_export_never_writes_over_the_file_a_linked_data_file_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real"
    seeded(real)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").symlink_to(real / "aspire.json")
    AspireStore.open(folder).close()  # a launch: backups beside the real file
    before = (real / "aspire.json").read_bytes()
    for target in (
        real / "aspire.json",
        tmp_path / "real" / ".." / "real" / "aspire.json",
        folder / "aspire.json.lock",
        real / "aspire.json.lock",
        real / "backups" / "x.json",
    ):
        for form in ("json", "markdown"):
            result = run(
                "--data-dir", str(folder), "export", "--format", form, "-o", str(target), "--force"
            )
            assert result.returncode == 2 and "Aspire's own files" in result.stderr, target
    assert (real / "aspire.json").read_bytes() == before
    assert not (real / "backups" / "x.json").exists()


def test_importing_a_file_with_no_records_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    AspireStore.open(tmp_path / "none").close()
    made = run("--data-dir", str(tmp_path / "none"), "export", "--format", "json", "-o", str(empty))
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "data"
    seeded(folder)
    before = (folder / "aspire.json").read_bytes()
    replaced = run("--data-dir", str(folder), "import", "--replace", "--yes", str(empty))
    assert replaced.returncode == 2, replaced.stdout
    assert "holds no records" in replaced.stderr and "Nothing was changed" in replaced.stderr
    assert "already there" not in replaced.stdout + replaced.stderr
    merged = run("--data-dir", str(folder), "import", str(empty))
    assert merged.returncode == 0 and "holds no records" in merged.stdout
    assert "already there" not in merged.stdout
    assert (folder / "aspire.json").read_bytes() == before


def test_a_data_version_past_64_bits_is_from_a_newer_aspire(tmp_path: Path) -> None:
    huge = 2**64 + 1
    folder = tmp_path / "data"
    folder.mkdir()
    content = f'{{"_meta": {{"1": {{"schema": {huge}}}}}}}'
    (folder / "aspire.json").write_text(content)
    opened = run("--data-dir", str(folder))
    assert opened.returncode == 2 and "newer version of Aspire" in opened.stderr, opened.stderr
    assert (folder / "aspire.json").read_text() == content
    export = tmp_path / "future.json"
    export.write_text(f'{{"format": "aspire-export", "schema": {huge}}}')
    imported = run("--data-dir", str(tmp_path / "other"), "import", str(export))
    assert imported.returncode == 2 and "newer version of Aspire" in imported.stderr


def test_backups_lists_what_is_beside_a_linked_data_file(tmp_path: Path) -> None:
    """With aspire.json a link (a data file kept in a synced folder, say), Aspire keeps its
    backups beside the file the link leads to: `aspire backups` lists those."""
    real = tmp_path / "sync"
    store = AspireStore.open(real)
    populate(store, date(2026, 11, 27))
    store.close()
    AspireStore.open(real).close()  # a start that finds data keeps a backup
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").symlink_to(real / "aspire.json")
    assert list((real / "backups").glob("*.json"))
    result = run("--data-dir", str(folder), "backups")
    assert result.returncode == 0, result.stderr
    assert "No backups yet" not in result.stdout
    assert str(real / "backups") in result.stdout


def test_export_writes_iso_dates_whatever_the_display_format(tmp_path: Path) -> None:
    from aspire_tui.store.settings_file import settings_path

    folder = tmp_path / "data"
    seeded(folder)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('date_format = "day-month"\n')
    result = run("--data-dir", str(folder), "export")
    assert result.returncode == 0, result.stderr
    assert "due 20" in result.stdout and "achieved 20" in result.stdout
    assert "/20" not in result.stdout
    assert "## What drives me" in result.stdout, "the profile a mentor would ask about"
    assert "## What I love and what I value" in result.stdout
