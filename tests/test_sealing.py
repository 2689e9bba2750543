"""Encryption at rest, below the store: the key file is a standard age file that age itself
opens with the passphrase typed at its prompt, every sealed file opens with `age -d -i`, and a
changed byte anywhere is refused as damage, never read as data."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aspire_tui.store.sealing import (
    CHUNK,
    MIN_LOG_N,
    WRONG_KEY_MESSAGE,
    Damaged,
    DataKey,
    Sealer,
    WrongPassphrase,
    calibrated_log_n,
    passphrase_encrypt,
)

FAST = 10
"""A low scrypt work factor, for tests that are not about the KDF."""


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.sampled_from([CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 7]).map(
            lambda n: bytes(range(256)) * (n // 256) + bytes(n % 256)
        ),
    ),
    st.text(min_size=1, max_size=40),
)
def test_rage_opens_the_passphrase_files_written_here(plaintext: bytes, passphrase: str) -> None:
    sealed = passphrase_encrypt(plaintext, passphrase, FAST)
    assert pyrage.passphrase.decrypt(sealed, passphrase) == plaintext


def test_the_key_file_unlocks_with_its_passphrase_only() -> None:
    key = DataKey.generate()
    key_file = key.key_file("correct horse battery", FAST)
    assert key.identity.encode() not in key_file
    assert DataKey.unlock(key_file, "correct horse battery") == key
    with pytest.raises(WrongPassphrase):
        DataKey.unlock(key_file, "correct horse batterY")
    try:
        pyrage.passphrase.decrypt(key_file, "wrong")
    except pyrage.DecryptError as error:
        assert str(error) == WRONG_KEY_MESSAGE  # what unlock tells a wrong passphrase by
    header_end = key_file.index(b"\n---")
    for at in (header_end + 8, header_end + 40, len(key_file) - 1):  # MAC, nonce, payload
        changed = bytearray(key_file)
        changed[at] ^= 0x01
        with pytest.raises(Damaged):
            DataKey.unlock(bytes(changed), "correct horse battery")
    with pytest.raises(Damaged):
        DataKey.unlock(b"not an age file", "correct horse battery")


def test_a_sealed_file_changed_by_any_one_byte_is_refused() -> None:
    sealer = Sealer(DataKey.generate())
    plain = b'{"reflections": {"1": {"note": "I want to leave"}}}'
    sealed = sealer.seal(plain)
    assert b"leave" not in sealed and sealer.open(sealed) == plain
    for at in range(len(sealed)):
        changed = bytearray(sealed)
        changed[at] ^= 0x20
        with pytest.raises(Damaged):
            sealer.open(bytes(changed))
    for cut in (len(sealed) - 1, len(sealed) // 2, 30):
        with pytest.raises(Damaged):
            sealer.open(sealed[:cut])
    with pytest.raises(Damaged):
        sealer.open(plain)  # a plain file where a sealed one belongs
    with pytest.raises(Damaged):
        Sealer(DataKey.generate()).open(sealed)  # another folder's key


def test_a_sealed_line_is_one_line_and_nothing_of_it_shows() -> None:
    sealer = Sealer(DataKey.generate())
    line = b'{"op": "put", "note": "my manager is the problem"}\n'
    sealed = sealer.seal_line(line)
    assert sealed.endswith(b"\n") and sealed.count(b"\n") == 1
    assert b"manager" not in sealed
    assert sealer.open_line(sealed) == line.rstrip(b"\n")
    with pytest.raises(Damaged):
        sealer.open_line(sealed[:-20] + b"\n")


def test_without_a_key_bytes_pass_as_they_are() -> None:
    plain = Sealer(None)
    assert not plain.on
    assert plain.seal(b"x") == b"x" and plain.open(b"x") == b"x"
    assert plain.seal_line(b"x\n") == b"x\n" and plain.open_line(b"x\n") == b"x\n"


def test_the_work_factor_is_tuned_to_a_third_of_a_second_and_never_below_the_floor() -> None:
    def timed(seconds: list[float]) -> Callable[[int], float]:
        runs = iter(seconds)
        return lambda log_n: next(runs)

    assert calibrated_log_n(timed=timed([0.05, 0.05, 0.05])) == 19  # 0.4 s at 2^19
    assert calibrated_log_n(timed=timed([0.6, 0.09, 0.7])) == 18  # the fastest run: 0.36 s
    assert calibrated_log_n(timed=timed([2.0, 2.0, 2.0])) == MIN_LOG_N  # slow: the floor
    assert MIN_LOG_N >= 17
    assert MIN_LOG_N <= calibrated_log_n() <= 22


def _age() -> str:
    found = shutil.which("age")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have the age command (.ci/run installs it)")
        pytest.skip("the age command is not installed")
    return found


def _read(terminal: int) -> bytes:
    try:
        return os.read(terminal, 1024)
    except OSError:  # the child has closed its terminal
        return b""


def age_with_passphrase(age: str, args: list[str], passphrase: str) -> None:
    """Run `age`, typing `passphrase` at the prompt it shows on its terminal (age reads a
    passphrase only from a terminal, never from a pipe or the environment)."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child, with the pty as its terminal
        os.execv(age, [age, *args])
    said = b""
    while b"passphrase" not in said.lower():
        more = _read(terminal)
        assert more, f"age ended without asking for the passphrase: {said!r}"
        said += more
    os.write(terminal, passphrase.encode() + b"\r")
    while _read(terminal):
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, said


def test_age_itself_opens_the_data_with_the_key_file_and_the_passphrase(tmp_path: Path) -> None:
    """The README's way to read the data without Aspire, done with the age command: the key
    file as an identity, the passphrase typed at age's prompt."""
    age = _age()
    key = DataKey.generate()
    (tmp_path / "aspire.key.age").write_bytes(key.key_file("a long passphrase", 16))
    sealed = Sealer(key).seal(b'{"goals": {"1": {"title": "Lead a team"}}}')
    (tmp_path / "aspire.json").write_bytes(sealed)
    plain = tmp_path / "aspire-plain.json"
    args = ["-d", "-i", str(tmp_path / "aspire.key.age"), "-o", str(plain)]
    age_with_passphrase(age, [*args, str(tmp_path / "aspire.json")], "a long passphrase")
    assert plain.read_bytes() == b'{"goals": {"1": {"title": "Lead a team"}}}'
    identity = tmp_path / "identity.txt"  # and the identity itself, as age reads it
    age_with_passphrase(
        age, ["-d", "-o", str(identity), str(tmp_path / "aspire.key.age")], "a long passphrase"
    )
    assert identity.read_text().strip() == key.identity
    opened = subprocess.run(
        [age, "-d", "-i", str(identity), str(tmp_path / "aspire.json")],
        capture_output=True,
        check=True,
    )
    assert opened.stdout == b'{"goals": {"1": {"title": "Lead a team"}}}'
