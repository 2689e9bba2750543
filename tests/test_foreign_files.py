"""A data file that is not what Aspire writes: refused at once, left as it is, and nothing of
Aspire's is ever put beside it. Reached through a symlinked `aspire.json` (a supported setup),
which may point anywhere: a pipe, a device, another program's file."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import orjson
import pytest

from aspire_tui.domain.models import Aspiration, Reflection
from aspire_tui.domain.validation import TEXT_MAX
from aspire_tui.store import AspireStore, DataFileError
from aspire_tui.store import storage as storage_module
from aspire_tui.store.limits import FILE_MAX_BYTES
from aspire_tui.store.lock import AlreadyOpenError
from aspire_tui.store.storage import encode_json
from tests.conftest import TODAY, read_data

OPEN_STORE = """
import sys
from pathlib import Path
from aspire_tui.store import AspireStore, StoreError
try:
    AspireStore.open(Path(sys.argv[1])).close()
except StoreError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
"""


def _limit_memory() -> None:
    """A read that never ends must not take the machine with it."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run_child(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run Python with `args` in a process of its own, which must end within seconds."""
    start = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            timeout=20,
            stdin=subprocess.DEVNULL,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after 20 s: {args}")
    return result, time.monotonic() - start


def aspire(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    return run_child("-m", "aspire_tui", *args)


def linked_folder(tmp_path: Path, target: Path | str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").symlink_to(target)
    return folder


def aspire_bytes(tmp_path: Path, titles: tuple[str, ...] = ("One", "Two")) -> bytes:
    """A data file as Aspire writes it, made in a folder of its own."""
    store = AspireStore.open(tmp_path / "maker", backup=False)
    for title in titles:
        store.save_aspiration(Aspiration(title, TODAY))
    store.close()
    return (tmp_path / "maker" / "aspire.json").read_bytes()


def refused(folder: Path) -> str:
    """Open must refuse: the message, which names the file."""
    with pytest.raises(DataFileError) as raised:
        AspireStore.open(folder)
    return str(raised.value)


# Files that are not files -------------------------------------------------------------------


@pytest.fixture
def dev_lock_files() -> Iterator[list[Path]]:
    """Lock files an Aspire may wrongly leave in /dev: none may be left there."""
    found = [Path("/dev/zero.lock"), Path("/dev/null.lock"), Path("/dev/zero.owner")]
    before = {path for path in found if path.exists()}
    yield found
    for path in found:
        if path not in before and path.exists():
            path.unlink()  # what a failing run left behind


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null"])
def test_a_link_to_a_pipe_or_a_device_is_refused_at_once(
    tmp_path: Path, kind: str, dev_lock_files: list[Path]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    if kind == "fifo":
        target = other / "pipe"
        os.mkfifo(target)
    else:
        target = Path("/dev/zero" if kind == "dev-zero" else "/dev/null")
    folder = linked_folder(tmp_path, target)
    runs = {
        "store": run_child("-c", OPEN_STORE, str(folder)),
        "app": aspire("--data-dir", str(folder)),
        "export": aspire("--data-dir", str(folder), "export", "--format", "json"),
    }
    for name, (result, seconds) in runs.items():
        assert result.returncode == 2, (name, result.stderr)
        assert seconds < 5, (name, seconds)
        assert "not an ordinary file" in result.stderr, (name, result.stderr)
        assert str(target) in result.stderr and "Traceback" not in result.stderr, name
    if kind == "fifo":
        assert sorted(os.listdir(other)) == ["pipe"]
    assert not [path for path in dev_lock_files if path.exists()]


# Lock files beside other people's files -----------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"root:x:0:0:root:/root:/bin/bash\n", b'{"settings": {"theme": "dark"}}', b""],
    ids=["passwd", "other-json", "empty"],
)
def test_nothing_is_put_beside_a_file_that_is_not_aspires(tmp_path: Path, content: bytes) -> None:
    other = tmp_path / "other"
    other.mkdir()
    target = other / "passwd"
    target.write_bytes(content)
    before = os.stat(target)
    folder = linked_folder(tmp_path, target)
    assert str(target) in refused(folder)
    assert sorted(os.listdir(other)) == ["passwd"]
    after = os.stat(target)
    assert target.read_bytes() == content
    assert (after.st_mtime_ns, after.st_mode) == (before.st_mtime_ns, before.st_mode)


def test_a_linked_data_file_is_locked_in_the_data_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "aspire.json").write_bytes(aspire_bytes(tmp_path))
    folder = linked_folder(tmp_path, real / "aspire.json")
    second = tmp_path / "second"
    second.mkdir()
    (second / "aspire.json").symlink_to(real / "aspire.json")
    store = AspireStore.open(folder)
    try:
        assert (folder / "aspire.json.lock").is_file()
        with pytest.raises(AlreadyOpenError):
            AspireStore.open(folder)
        with pytest.raises(AlreadyOpenError):
            AspireStore.open(second)  # another folder linking the same file
        with pytest.raises(AlreadyOpenError):
            AspireStore.open(real)  # the file's own folder
        store.save_aspiration(Aspiration("Through the link", TODAY))
    finally:
        store.close()
    assert (folder / "aspire.json").is_symlink()
    assert sorted(os.listdir(second)) == ["aspire.json", "aspire.json.lock"]
    reopened = AspireStore.open(second)
    assert "Through the link" in [a.title for a in reopened.aspirations()]
    reopened.close()


# Files Aspire would never write -------------------------------------------------------------


def _refused_untouched(tmp_path: Path, content: bytes, words: str) -> str:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    path = folder / "aspire.json"
    path.write_bytes(content)
    message = refused(folder)
    assert str(path) in message and words in message, message
    assert path.read_bytes() == content
    assert sorted(os.listdir(folder)) in (["aspire.json"], ["aspire.json", "aspire.json.lock"])
    return message


def test_a_key_twice_in_a_table_is_refused(tmp_path: Path) -> None:
    canonical = aspire_bytes(tmp_path)
    assert canonical.count(b'"2":{') == 1
    twice = canonical.replace(b'"2":{', b'"1":{')  # as compact as Aspire writes
    assert len(orjson.loads(twice)["aspirations"]) == 1
    _refused_untouched(tmp_path, twice, "twice")


def test_a_field_twice_in_a_compact_record_is_refused(tmp_path: Path) -> None:
    canonical = aspire_bytes(tmp_path)
    twice = canonical.replace(b'"title":"Two"', b'"title":"Two","title":"Three"')
    assert twice != canonical
    _refused_untouched(tmp_path, twice, "twice")


def test_a_file_aspire_wrote_is_read_without_the_slow_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cold start of ten years depends on it: only files Aspire did not write this way
    pay for the standard library's slower read."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "aspire.json").write_bytes(aspire_bytes(tmp_path))

    def slow(raw: bytes) -> None:
        raise AssertionError("read twice")

    monkeypatch.setattr(storage_module, "loads_unique", slow)
    store = AspireStore.open(tmp_path / "data")
    assert [a.title for a in store.aspirations()] == ["One", "Two"]
    store.close()


def test_a_key_twice_in_an_indented_file_or_a_record_is_refused(tmp_path: Path) -> None:
    data = json.loads(aspire_bytes(tmp_path))
    text = json.dumps(data, indent=2)
    twice = text.replace('"title": "Two"', '"title": "Two",\n      "title": "Three"')
    assert twice != text
    _refused_untouched(tmp_path, twice.encode(), "twice")


def test_a_record_key_of_5000_digits_is_refused(tmp_path: Path) -> None:
    data = json.loads(aspire_bytes(tmp_path, ("One",)))
    data["aspirations"] = {"7" * 5000: data["aspirations"]["1"]}
    message = _refused_untouched(tmp_path, json.dumps(data).encode(), "aspirations/")
    assert len(message) < 1000, "the message does not repeat all 5,000 digits"


def test_a_file_larger_than_aspire_ever_writes_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "aspire.json"
    start = aspire_bytes(tmp_path)
    path.write_bytes(start)
    os.truncate(path, FILE_MAX_BYTES + 1)  # sparse: nothing is written, and nothing is read
    message = refused(folder)
    assert str(path) in message and "larger than" in message, message
    assert path.stat().st_size == FILE_MAX_BYTES + 1
    with path.open("rb") as handle:
        assert handle.read(len(start)) == start
    assert sorted(os.listdir(folder)) in (["aspire.json"], ["aspire.json", "aspire.json.lock"])


def test_a_note_longer_than_aspire_keeps_is_refused(tmp_path: Path) -> None:
    store = AspireStore.open(tmp_path / "maker", backup=False)
    store.save_reflection(Reflection(on=TODAY, want="w", passions="p", note="short"))
    store.close()
    data = json.loads((tmp_path / "maker" / "aspire.json").read_bytes())
    data["reflections"]["1"]["note"] = "x" * (TEXT_MAX + 1)
    _refused_untouched(tmp_path, json.dumps(data).encode(), "reflections/1")


def test_restore_over_a_link_to_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").write_bytes(aspire_bytes(tmp_path))
    AspireStore.open(folder).close()  # a launch with data keeps a backup
    (name,) = os.listdir(folder / "backups")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (folder / "aspire.json").unlink()
    (folder / "aspire.json").symlink_to(pipe)
    result, seconds = aspire("--data-dir", str(folder), "restore", name)
    assert result.returncode == 2 and seconds < 5, result.stderr
    assert "not an ordinary file" in result.stderr and "Traceback" not in result.stderr
    assert (folder / "aspire.json").is_symlink()


def test_import_keeps_the_same_limits_as_opening(tmp_path: Path) -> None:
    """One definition of what Aspire reads: a key twice, a huge file, a pipe."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "aspire.json").write_bytes(aspire_bytes(tmp_path))
    before = (folder / "aspire.json").read_bytes()
    export = tmp_path / "all.json"
    result, _ = aspire("--data-dir", str(folder), "export", "--format", "json", "-o", str(export))
    assert result.returncode == 0, result.stderr
    text = export.read_text()
    twice = tmp_path / "twice.json"
    twice.write_text(text.replace('"title": "Two"', '"title": "Two",\n  "title": "Three"'))
    huge = tmp_path / "huge.json"
    huge.write_text(text)
    os.truncate(huge, FILE_MAX_BYTES + 1)
    for path, words in ((twice, "twice"), (huge, "larger than")):
        result, _ = aspire("--data-dir", str(folder), "import", str(path))
        assert result.returncode == 2 and words in result.stderr, result.stderr
        assert "Nothing was changed" in result.stderr
    assert (folder / "aspire.json").read_bytes() == before


def test_aspire_never_writes_a_file_larger_than_it_would_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that would make the file larger than Aspire reads is refused with a message,
    and the file stays as it was: Aspire must never write what it would refuse to open."""
    from aspire_tui.domain.models import Reflection
    from aspire_tui.store import StoreError, limits

    store = AspireStore.open(tmp_path / "data")
    store.write_in_background()
    store.save_reflection(Reflection(on=date(2026, 11, 27), want="Small"))
    store.flush()
    before = read_data(tmp_path / "data")  # the data file, and the change log beside it
    monkeypatch.setattr(limits, "FILE_MAX_BYTES", len(encode_json(before)) + 200)
    with pytest.raises(StoreError, match="larger than"):
        store.save_reflection(Reflection(on=date(2026, 11, 27), want="x" * 1000))
    store.flush()
    assert read_data(tmp_path / "data") == before
    assert [r.want for r in store.reflections()] == ["Small"]
    store.close()
    reopened = AspireStore.open(tmp_path / "data")
    assert [r.want for r in reopened.reflections()] == ["Small"]
    reopened.close()
