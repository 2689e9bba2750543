"""Saves the disk refuses (a full disk) stay in the app, marked unsaved, and reach the file
once it has room again; quitting asks first, and the exit status says what was not saved.
Saves queued behind one refused because another program replaced the file are kept too."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aspire_tui.domain.models import Reflection
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store import storage as storage_module
from aspire_tui.store.errors import UnsavedChanges
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY, docs, read_data, terminal_env
from tests.terminal import exit_status, own_tmux, screen, wait_for
from tests.ui_helpers import (
    SIZE,
    journal_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
    wait_until,
)


class FullDisk:
    """The real atomic write (and append to the change log), on a disk that is full while
    `full` is set."""

    def __init__(self) -> None:
        self.real = storage_module.atomic_write
        self.real_append = storage_module.append_changes
        self.full = False
        self.refused = 0

    def __call__(
        self, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
    ) -> None:
        if self.full:
            self.refused += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        self.real(path, data, before_replace)

    def append(
        self, path: Path, lines: bytes, expected_size: int, before: Callable[[], None]
    ) -> int:
        if self.full:
            self.refused += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real_append(path, lines, expected_size, before)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    fake = FullDisk()
    monkeypatch.setattr(storage_module, "atomic_write", fake)
    monkeypatch.setattr(storage_module, "append_changes", fake.append)
    return fake


def on_disk(data_dir: Path) -> list[str]:
    return sorted(d["want"] for d in docs(data_dir, "reflections"))


def test_a_save_the_full_disk_refuses_is_kept_and_written_once_there_is_room(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    failures: list[str] = []
    store.write_in_background(failures.append)
    store.save_reflection(Reflection(on=TODAY, want="Before"))
    store.flush()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Typed on a full disk"))
    with pytest.raises(StoreError, match="No space left on device"):
        store.flush()
    assert "No space left on device" in failures[0]
    assert sorted(r.want for r in store.reflections()) == ["Before", "Typed on a full disk"]
    assert store.unsaved is not None and "No space left" in store.unsaved
    store.save_reflection(Reflection(on=TODAY, want="Second on a full disk"))
    with pytest.raises(StoreError):
        store.flush()
    assert on_disk(data_dir) == ["Before"]
    disk.full = False
    store.save_reflection(Reflection(on=TODAY, want="After room came back"))
    store.flush()
    assert store.unsaved is None
    assert on_disk(data_dir) == [
        "After room came back",
        "Before",
        "Second on a full disk",
        "Typed on a full disk",
    ]
    store.close()


def test_a_change_held_on_a_full_disk_survives_a_change_that_failed_half_way(
    data_dir: Path, disk: FullDisk
) -> None:
    """A failed change drops the copy in memory; the held change must not go with it (it was
    read back from the older file, and the next save replaced it without a word)."""
    store = AspireStore.open(data_dir)
    store.write_in_background()
    store.save_reflection(Reflection(on=TODAY, want="Before"))
    store.flush()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Held"))
    with pytest.raises(StoreError):
        store.flush()
    with pytest.raises(RuntimeError), store.transaction():
        store.save_reflection(Reflection(on=TODAY, want="Half-way"))
        raise RuntimeError("a change that fails half-way")
    assert sorted(r.want for r in store.reflections()) == ["Before", "Held"]
    assert store.unsaved is not None
    disk.full = False
    store.save_reflection(Reflection(on=TODAY, want="After"))
    store.close()
    assert on_disk(data_dir) == ["After", "Before", "Held"]


def test_quitting_retries_and_closing_with_unsaved_changes_says_so(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    store.write_in_background()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Typed on a full disk"))
    with pytest.raises(UnsavedChanges, match="No space left"):
        store.close()
    assert docs(data_dir, "reflections") == []
    store = AspireStore.open(data_dir)  # the folder was let go all the same
    store.write_in_background()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Typed on a full disk"))
    with pytest.raises(StoreError):
        store.flush()
    disk.full = False  # room again by the time the person quits
    store.close()
    assert on_disk(data_dir) == ["Typed on a full disk"]


async def write_reflection(pilot: object, text: str) -> None:
    await pilot.press("n")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(pilot.app.screen, ReflectionForm)  # type: ignore[attr-defined]
    await type_text(pilot, text)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_reflection_saved_on_a_full_disk_stays_and_quitting_asks(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        disk.full = True
        await write_reflection(pilot, "Tired but hopeful")
        await wait_until(pilot, lambda: any("No space" in m for m in notifications(app)))
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        assert any("Tired but hopeful" in row for row in journal_rows(app))  # still shown
        assert "not saved" in app.title.lower()
        # The "… saved." shown as the form closed is taken back, not left beside the failure.
        assert not [m for m in notifications(app) if m.endswith("saved.")], notifications(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.is_running
        assert "No space left" in screen_text(app) and "loses them" in screen_text(app)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReflectScreen)
        assert docs(data_dir, "reflections") == []
        disk.full = False  # room again: the next save writes everything
        await write_reflection(pilot, "A second entry")
        store.flush()
        assert len(docs(data_dir, "reflections")) == 2  # the held one came along
        await wait_until(pilot, lambda: "not saved" not in app.title.lower())
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    store.close()
    notes = sorted(d["note"] for d in docs(data_dir, "reflections"))
    assert notes == ["A second entry", "Tired but hopeful"]


async def test_quitting_anyway_with_unsaved_changes_ends_with_a_failing_status(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        disk.full = True
        await write_reflection(pilot, "Tired but hopeful")
        await wait_until(pilot, lambda: any("No space" in m for m in notifications(app)))
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    with pytest.raises(UnsavedChanges):
        store.close()
    assert docs(data_dir, "reflections") == []


# Another program replaces the file while saves are on their way ------------------------------


class SlowDisk:
    """The real atomic write, slowed by a random pause before it starts."""

    def __init__(self, chooser: random.Random) -> None:
        self.real = storage_module.atomic_write
        self.chooser = chooser

    def __call__(
        self, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
    ) -> None:
        time.sleep(self.chooser.random() * 0.002)
        self.real(path, data, before_replace, durable=False)


def replace_from_outside(path: Path) -> None:
    """What a sync tool does: write the same content to a new file and rename it over. It
    may read the file just before Aspire saves and rename its copy over just after: that
    puts back a copy from before the save, which Aspire keeps aside before taking the file
    as it is (a lock shared with Aspire's rename would hide that case)."""
    data = path.read_bytes()
    fresh = path.with_name("sync-tool.tmp")
    fresh.write_bytes(data)
    os.replace(fresh, path)


def test_every_confirmed_save_reaches_the_file_or_a_kept_copy(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chooser = random.Random(20261206)
    monkeypatch.setattr(storage_module, "atomic_write", SlowDisk(random.Random(7)))
    store = AspireStore.open(data_dir)
    store.write_in_background()
    path = data_dir / "aspire.json"
    confirmed: list[str] = []
    refused = replaced = 0
    for n in range(1200):
        try:
            store.save_reflection(Reflection(on=TODAY, want=f"save {n}"))
        except StoreError:
            refused += 1  # not confirmed: the person is told
        else:
            confirmed.append(f"save {n}")
        if chooser.random() < 0.04:
            replace_from_outside(path)
            replaced += 1
        if chooser.random() < 0.3:
            time.sleep(chooser.random() * 0.002)
    try:
        store.close()
    except StoreError:
        pass
    found = {d["want"] for d in docs(data_dir, "reflections")}
    copies = list((data_dir / "backups").glob("*-unsaved*.json"))
    assert copies, "the outside replacements met saves on their way"
    for kept in copies:
        import json

        held = json.loads(kept.read_bytes()).get("reflections", {})
        found |= {d["want"] for d in held.values()}
    lost = [want for want in confirmed if want not in found]
    assert replaced > 20
    assert len(confirmed) >= 1000
    assert lost == []


# A real full file system (a small tmpfs: needs the right to mount) ---------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("cannot mount a small file system here")
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10)


def fill(folder: Path) -> Path:
    """Fill the file system until it refuses another byte."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"x" * 4096)
    return filler


async def test_a_really_full_disk_holds_the_entry_until_there_is_room(small_disk: Path) -> None:
    data_dir = small_disk / "data"
    store = AspireStore.open(data_dir)
    store.save_reflection(Reflection(on=TODAY, want="Before the disk filled"))
    store.close()
    store = AspireStore.open(data_dir, backup=False)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        filler = fill(small_disk)
        await write_reflection(pilot, "Written on a full disk")
        await wait_until(pilot, lambda: any("No space" in m for m in notifications(app)))
        assert "not saved" in app.title
        assert len(journal_rows(app)) == 2
        filler.unlink()  # room again
        await wait_until(pilot, lambda: "not saved" not in app.title)
        # The title may be redrawn by another path first; the word comes at the next retry.
        await wait_until(pilot, lambda: any("saved now" in m for m in notifications(app)))
        await pilot.press("q")
        await pilot.pause()
    store.close()
    notes = [d["note"] for d in docs(data_dir, "reflections")]
    assert any(note.startswith("Written on a full disk") for note in notes)


# The real `aspire` in a real terminal --------------------------------------------------------

FULL_DISK_ASPIRE = """
import errno, sys
from aspire_tui.store import storage

def full(path, data, before_replace=None, durable=True):
    raise OSError(errno.ENOSPC, "No space left on device")

storage.atomic_write = full  # the writer's own saves; the data file exists already
from aspire_tui.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow  # a real terminal
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_aspire_quit_anyway_with_unsaved_changes_exits_3_and_says_why(tmp_path: Path) -> None:
    data = tmp_path / "data"
    AspireStore.open(data).close()
    script = tmp_path / "full_disk_aspire.py"
    script.write_text(FULL_DISK_ASPIRE)
    status = tmp_path / "status"
    tmux = own_tmux("full")
    repo = Path(__file__).resolve().parent.parent
    env = terminal_env(PYTHONPATH=str(repo))
    command = (  # Textual draws on stderr: the message after it is read off the terminal
        f"'{sys.executable}' '{script}' --data-dir '{data}'; echo $? >'{status}'; sleep 60"
    )
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", command],
        check=True,
        env=env,
        timeout=10,
    )
    try:
        wait_for(tmux, "Reflect")
        subprocess.run([*tmux, "send-keys", "n"], check=True, timeout=10)
        wait_for(tmux, "ctrl+s")
        subprocess.run([*tmux, "send-keys", "-l", "Tired but hopeful"], check=True, timeout=10)
        subprocess.run([*tmux, "send-keys", "C-s"], check=True, timeout=10)
        wait_for(tmux, "changes not saved")
        subprocess.run([*tmux, "send-keys", "q"], check=True, timeout=10)
        wait_for(tmux, "Quit anyway?")
        subprocess.run([*tmux, "send-keys", "y"], check=True, timeout=10)
        exit_status(status)
        said = " ".join(screen(tmux).split())
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
    assert status.read_text().strip() == "3"
    assert "aspire: Could not save" in said and "No space left on device" in said
    assert "not saved" in said


def test_a_held_save_meets_a_file_another_program_changed_and_is_kept_aside(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    store.write_in_background()
    store.save_reflection(Reflection(on=TODAY, want="Mine"))
    store.flush()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Held on a full disk"))
    with pytest.raises(StoreError, match="No space"):
        store.flush()
    path = data_dir / "aspire.json"
    elsewhere = _whole_on_disk(data_dir).replace("Mine", "Edited on another computer")
    path.write_text(elsewhere)
    disk.full = False
    assert [r.want for r in store.reflections()] == ["Edited on another computer"]
    with pytest.raises(StoreError, match="changed by another program"):
        store.flush()  # the held save is not written over the other program's file
    assert path.read_text() == elsewhere
    [kept] = [b for b in store.backups() if b.reason == "unsaved"]
    assert "Held on a full disk" in kept.path.read_text()
    assert store.unsaved is None
    store.close()


def test_a_new_save_on_a_file_changed_meanwhile_sets_the_held_one_aside(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)
    failures: list[str] = []
    store.write_in_background(failures.append)
    store.save_reflection(Reflection(on=TODAY, want="Mine"))
    store.flush()
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Held on a full disk"))
    with pytest.raises(StoreError, match="No space"):
        store.flush()
    path = data_dir / "aspire.json"
    path.write_text(_whole_on_disk(data_dir).replace("Mine", "Edited on another computer"))
    disk.full = False
    store.save_reflection(Reflection(on=TODAY, want="Written after"))
    store.flush()
    assert on_disk(data_dir) == ["Edited on another computer", "Written after"]
    [kept] = [b for b in store.backups() if b.reason == "unsaved"]
    assert "Held on a full disk" in kept.path.read_text()
    assert store.unsaved is None
    assert f"kept in backups/{kept.name}" in failures[-1]
    assert "not saved" not in failures[-1]  # the latest change was
    store.close()


def test_a_refused_save_that_cannot_be_kept_aside_is_held_until_it_can(
    data_dir: Path, disk: FullDisk
) -> None:
    store = AspireStore.open(data_dir)  # a first launch: no backups folder yet
    store.write_in_background()
    store.save_reflection(Reflection(on=TODAY, want="Mine"))
    store.flush()
    (data_dir / "backups").write_text("not a folder")  # nowhere to keep a copy
    disk.full = True
    store.save_reflection(Reflection(on=TODAY, want="Held"))
    with pytest.raises(StoreError, match="No space"):
        store.flush()
    path = data_dir / "aspire.json"
    elsewhere = _whole_on_disk(data_dir).replace("Mine", "Edited elsewhere")
    path.write_text(elsewhere)
    disk.full = False
    with pytest.raises(StoreError, match="could not be kept aside"):
        store.flush()
    assert store.unsaved is not None and path.read_text() == elsewhere
    (data_dir / "backups").unlink()  # room for a copy again
    store.retry_saving()
    store.flush()
    assert store.unsaved is None and path.read_text() == elsewhere
    [kept] = [b for b in store.backups() if b.reason == "unsaved"]
    assert "Held" in kept.path.read_text()
    store.close()


def _saved_twice(data_dir: Path) -> tuple[AspireStore, list[str], Path, bytes]:
    """A store that saved twice, what it said, its file, and the file as the first left it."""
    store = AspireStore.open(data_dir)
    said: list[str] = []
    store.write_in_background(said.append)
    store.save_reflection(Reflection(on=TODAY, want="before"))
    store.flush()
    path = data_dir / "aspire.json"
    older = _whole_on_disk(data_dir).encode()
    store.save_reflection(Reflection(on=TODAY, want="the saved change"))
    store.flush()
    return store, said, path, older


def _whole_on_disk(data_dir: Path) -> str:
    """Everything on disk now (the data file and its change log) as one data file: what
    another program that copies Aspire's data would write."""
    return json.dumps(read_data(data_dir, wait=False))


def _put_back(path: Path, data: bytes) -> None:
    """What a sync tool does: a new file with `data`, renamed over the data file."""
    fresh = path.with_name("sync-tool.tmp")
    fresh.write_bytes(data)
    os.replace(fresh, path)


def test_an_older_copy_put_back_from_outside_never_takes_a_saved_change_with_it(
    data_dir: Path,
) -> None:
    """A sync tool puts back a copy from before the last save (it read the file, Aspire
    saved, it renamed its copy over): what Aspire had is kept aside before the file is taken
    as it is, and the person is told."""
    import json

    store, said, path, older = _saved_twice(data_dir)
    _put_back(path, older)
    assert [r.want for r in store.reflections()] == ["before"], "the file, as it is now"
    [kept] = list((data_dir / "backups").glob("*-unsaved*.json"))
    held = json.loads(kept.read_bytes())["reflections"]
    assert {d["want"] for d in held.values()} == {"before", "the saved change"}
    assert any("replaced by another program" in s and kept.name in s for s in said), said
    assert path.read_bytes() == older, "the file is left as the other program put it"
    store.close()


def _saved_then(data_dir: Path) -> tuple[AspireStore, list[str], Path]:
    store = AspireStore.open(data_dir)
    said: list[str] = []
    store.write_in_background(said.append)
    store.save_reflection(Reflection(on=TODAY, want="the saved change"))
    store.flush()
    return store, said, data_dir / "aspire.json"


def _kept(data_dir: Path) -> list[Path]:
    return list((data_dir / "backups").glob("*-unsaved*.json"))


@pytest.mark.parametrize(
    "other", [b'{"reflections": ', b'{"_meta": {"1": {"schema": 999}}}'], ids=["broken", "newer"]
)
def test_a_file_put_in_that_cannot_be_taken_keeps_aspires_once(
    data_dir: Path, other: bytes
) -> None:
    """Broken or from a newer Aspire, the file is refused at every read; what Aspire wrote is
    kept aside once, and said once, however often Aspire reads again."""
    store, said, path = _saved_then(data_dir)
    _put_back(path, other)
    for _ in range(3):
        with pytest.raises(StoreError):
            store.reflections()
    [kept] = _kept(data_dir)
    assert b"the saved change" in kept.read_bytes()
    assert len([s for s in said if "replaced by another program" in s]) == 1, said
    assert path.read_bytes() == other, "the file is left as it is"


def test_a_file_changed_elsewhere_after_aspire_only_read_it_keeps_nothing_aside(
    data_dir: Path,
) -> None:
    """Another computer's edit arriving while Aspire has written nothing since it read the
    file: the file is taken as it is; there is nothing of Aspire's to keep."""
    store, said, path = _saved_then(data_dir)
    store.close()
    store = AspireStore.open(data_dir)
    store.write_in_background(said.append)
    assert [r.want for r in store.reflections()] == ["the saved change"]
    path.write_text(_whole_on_disk(data_dir).replace("the saved change", "edited elsewhere"))
    assert [r.want for r in store.reflections()] == ["edited elsewhere"]
    assert _kept(data_dir) == [] and not any("another program" in s for s in said), said
    store.close()


def test_a_data_file_deleted_from_outside_keeps_what_aspire_wrote(data_dir: Path) -> None:
    store, said, path = _saved_then(data_dir)
    path.unlink()
    for _ in range(2):
        with pytest.raises(StoreError, match="disappeared"):
            store.reflections()
    [kept] = _kept(data_dir)
    assert b"the saved change" in kept.read_bytes()
    assert len([s for s in said if "deleted by another program" in s]) == 1, said
    assert not path.exists(), "never recreated"


def test_the_same_bytes_put_back_are_still_aspires_own(data_dir: Path) -> None:
    """A sync tool rewrites the file with the same bytes (a new inode), then brings back an
    older copy: the first is still what Aspire wrote, so the second keeps it aside."""
    store, said, path, older = _saved_twice(data_dir)
    for put_back in (path.read_bytes(), older):
        _put_back(path, put_back)
        store.reflections()
    [kept] = _kept(data_dir)
    assert b"the saved change" in kept.read_bytes()
    assert len([s for s in said if "replaced by another program" in s]) == 1, said
    store.close()


def test_a_file_written_in_place_piece_by_piece_keeps_aspires_once(data_dir: Path) -> None:
    """While another program writes the file in pieces (unreadable at each step), what Aspire
    wrote is kept once, not once per piece: it cannot change meanwhile."""
    store, said, path = _saved_then(data_dir)
    with path.open("wb") as out:
        for piece in (b'{"reflections"', b': {"1": ', b'{"want": '):
            out.write(piece)
            out.flush()
            os.utime(path, ns=(time.time_ns(), time.time_ns()))
            with pytest.raises(StoreError):
                store.reflections()
    assert len(_kept(data_dir)) == 1
    assert len([s for s in said if "another program" in s]) == 1, said
