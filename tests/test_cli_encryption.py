"""`aspire encrypt`, `decrypt` and `passphrase`, and every other command on an encrypted
folder, run as a person runs them: real processes, the passphrase from the file named in
ASPIRE_PASSPHRASE_FILE, or typed at a real terminal (a pty) with three tries."""

from __future__ import annotations

import os
import pty
import sys
from datetime import datetime
from pathlib import Path

import pyrage
import pytest

from aspire_tui.store import AspireStore
from aspire_tui.store.key_file import is_encrypted, unlock_folder
from tests.fixtures.career import populate
from tests.test_cli import run
from tests.test_encrypted_store import SECRET, files_showing_the_secret, write_secrets


def folder_with_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = AspireStore.open(folder)
    write_secrets(store)
    from tests.conftest import TODAY

    populate(store, TODAY)
    store.back_up(datetime(2026, 11, 27, 9))
    store.close()
    return folder


def passphrase_file(tmp_path: Path, text: str, name: str = "passphrase") -> dict[str, str]:
    path = tmp_path / name
    path.write_text(text + "\n")
    return {"ASPIRE_PASSPHRASE_FILE": str(path)}


def test_encrypt_then_every_command_asks_the_passphrase_and_decrypt_undoes_it(
    tmp_path: Path,
) -> None:
    folder = folder_with_data(tmp_path)
    secret = passphrase_file(tmp_path, "correct horse battery staple")
    done = run("--data-dir", str(folder), "encrypt", "--yes", env=secret)
    assert done.returncode == 0, done.stderr
    assert "If you lose the passphrase, your data is lost" in done.stderr
    assert "Encrypted the data" in done.stdout
    assert is_encrypted(folder) and files_showing_the_secret(folder) == []

    refused = run("--data-dir", str(folder), "export", "--format", "json")
    assert refused.returncode == 2 and "passphrase" in refused.stderr
    assert "Traceback" not in refused.stderr
    wrong = run("--data-dir", str(folder), "export", env=passphrase_file(tmp_path, "wrong", "w"))
    assert wrong.returncode == 2 and "does not open this data" in wrong.stderr
    exported = run("--data-dir", str(folder), "export", "--format", "json", env=secret)
    assert exported.returncode == 0 and SECRET in exported.stdout

    listed = run("--data-dir", str(folder), "backups")  # names and dates need no passphrase
    assert listed.returncode == 0 and "aspire-" in listed.stdout
    assert "(manual, encrypted)" in listed.stdout
    name = listed.stdout.split()[listed.stdout.split().index("first:") + 1]
    restored = run("--data-dir", str(folder), "restore", name, env=secret)
    assert restored.returncode == 0, restored.stderr
    assert files_showing_the_secret(folder) == []

    turned_off = run("--data-dir", str(folder), "decrypt", env=secret)
    assert turned_off.returncode == 0, turned_off.stderr
    assert not is_encrypted(folder) and "aspire.json" in files_showing_the_secret(folder)
    plain = run("--data-dir", str(folder), "export", "--format", "json")
    assert plain.returncode == 0 and SECRET in plain.stdout


def test_a_new_passphrase_replaces_the_old_and_a_short_one_is_refused(tmp_path: Path) -> None:
    folder = folder_with_data(tmp_path)
    old = passphrase_file(tmp_path, "correct horse battery staple")
    assert run("--data-dir", str(folder), "encrypt", "--yes", env=old).returncode == 0
    short = {
        "ASPIRE_NEW_PASSPHRASE_FILE": passphrase_file(tmp_path, "short", "s")[
            "ASPIRE_PASSPHRASE_FILE"
        ]
    }
    refused = run("--data-dir", str(folder), "passphrase", env={**old, **short})
    assert refused.returncode == 2 and "at least 8 characters" in refused.stderr
    new = {
        "ASPIRE_NEW_PASSPHRASE_FILE": passphrase_file(tmp_path, "a new and long one", "n")[
            "ASPIRE_PASSPHRASE_FILE"
        ]
    }
    changed = run("--data-dir", str(folder), "passphrase", env={**old, **new})
    assert changed.returncode == 0, changed.stderr
    unlock_folder(folder, "a new and long one")
    stale = run("--data-dir", str(folder), "export", env=old)
    assert stale.returncode == 2 and "does not open this data" in stale.stderr


def test_encrypting_a_plain_folder_twice_or_decrypting_it_says_so(tmp_path: Path) -> None:
    folder = folder_with_data(tmp_path)
    secret = passphrase_file(tmp_path, "correct horse battery staple")
    not_yet = run("--data-dir", str(folder), "decrypt", env=secret)
    assert not_yet.returncode == 2 and "not encrypted" in not_yet.stderr
    assert run("--data-dir", str(folder), "encrypt", "--yes", env=secret).returncode == 0
    again = run("--data-dir", str(folder), "encrypt", "--yes", env=secret)
    assert again.returncode == 2 and "encrypted already" in again.stderr


def at_a_terminal(args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run `aspire` on a real terminal, typing each answer at each passphrase prompt."""
    pid, terminal = pty.fork()
    if pid == 0:
        env = {k: v for k, v in os.environ.items() if k != "ASPIRE_PASSPHRASE_FILE"}
        os.execve(sys.executable, [sys.executable, "-m", "aspire_tui", *args], env)
    said = b""
    pending = list(answers)
    while True:
        try:
            more = os.read(terminal, 4096)
        except OSError:
            break
        if not more:
            break
        said += more
        if (
            pending
            and said.rstrip().endswith(b":")
            and said.count(b"Passphrase") > len(answers) - len(pending)
        ):
            os.write(terminal, pending.pop(0).encode() + b"\r")
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), said.decode(errors="replace")


@pytest.mark.slow  # real terminals
def test_at_a_terminal_three_tries_then_nothing_is_opened(tmp_path: Path) -> None:
    folder = folder_with_data(tmp_path)
    secret = passphrase_file(tmp_path, "correct horse battery staple")
    assert run("--data-dir", str(folder), "encrypt", "--yes", env=secret).returncode == 0
    status, said = at_a_terminal(
        ["--data-dir", str(folder), "export"], ["nope", "still no", "correct horse battery staple"]
    )
    assert status == 0 and said.count("Try again") == 2 and "## " in said
    assert "correct horse" not in said  # typed without echo
    status, said = at_a_terminal(["--data-dir", str(folder), "export"], ["a", "b", "c"])
    assert status == 2 and "Nothing was opened or changed" in said


def test_an_encrypted_export_opens_with_age_and_imports_with_its_passphrase(
    tmp_path: Path,
) -> None:
    folder = folder_with_data(tmp_path)
    secret = passphrase_file(tmp_path, "correct horse battery staple")
    assert run("--data-dir", str(folder), "encrypt", "--yes", env=secret).returncode == 0
    plan = run("--data-dir", str(folder), "export", env=secret)
    assert plan.returncode == 0 and "written in plain text" in plan.stderr
    target = tmp_path / "all.json.age"
    done = run(
        "--data-dir",
        str(folder),
        "export",
        "--format",
        "json",
        "--encrypt",
        "-o",
        str(target),
        env=secret,
    )
    assert done.returncode == 0, done.stderr
    assert "plain text" not in done.stderr
    assert not any(word.encode() in target.read_bytes() for word in SECRET.split())
    assert b"Zanzibar" in pyrage.passphrase.decrypt(
        target.read_bytes(), "correct horse battery staple"
    )
    other = tmp_path / "other"
    wrong = run(
        "--data-dir", str(other), "import", str(target), env=passphrase_file(tmp_path, "nope", "x")
    )
    assert wrong.returncode == 2 and "passphrase does not open it" in wrong.stderr
    imported = run("--data-dir", str(other), "import", str(target), env=secret)
    assert imported.returncode == 0, imported.stderr
    assert SECRET in run("--data-dir", str(other), "export", "--format", "json").stdout


@pytest.mark.slow  # a real terminal
def test_after_quitting_the_terminal_keeps_nothing_of_what_was_shown(tmp_path: Path) -> None:
    """The app draws on the terminal's other screen: once it quits, neither the screen nor
    its scrollback holds a word of what was on it."""
    import subprocess

    from tests.conftest import terminal_env
    from tests.terminal import exit_status, own_tmux, wait_for

    folder = folder_with_data(tmp_path)
    secret = passphrase_file(tmp_path, "correct horse battery staple")
    assert run("--data-dir", str(folder), "encrypt", "--yes", env=secret).returncode == 0
    tmux = own_tmux("scrollback")
    status = tmp_path / "status"
    command = (
        f"'{sys.executable}' -m aspire_tui --data-dir '{folder}'; echo $? > '{status}'; "
        "echo aspire-done; exec sleep 30"
    )
    env = {**terminal_env(), **secret}

    def send(*args: str) -> str:
        return subprocess.run(
            [*tmux, *args], capture_output=True, text=True, check=True, env=env, timeout=10
        ).stdout

    send("new-session", "-d", "-x", "100", "-y", "30", command)
    try:
        wait_for(tmux, "? help")
        send("send-keys", "1")
        wait_for(tmux, "Zanzibar")  # the reflection, on screen
        send("send-keys", "q")
        assert exit_status(status) == "0"
        wait_for(tmux, "aspire-done")
        everything = send("capture-pane", "-p", "-S", "-32768")  # the scrollback too
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    assert not any(word in everything for word in SECRET.split()), everything


def test_a_switch_goes_on_only_once_its_name_is_typed(capsys: pytest.CaptureFixture[str]) -> None:
    from aspire_tui.cli import typed_to_go_on

    assert typed_to_go_on("decrypt", lambda prompt: " Decrypt ")
    assert not typed_to_go_on("decrypt", lambda prompt: "y")
    assert "Nothing was changed." in capsys.readouterr().err

    def closed(prompt: str) -> str:
        raise EOFError

    assert not typed_to_go_on("encrypt", closed)
