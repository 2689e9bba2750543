"""One data folder, several computers, a sync tool in between: each computer writes only
files of its own, and opening merges everyone's. The sync tool is simulated by copying
files between folders the way they do: whole-file replacement, late, out of order, a
conflict copy instead of a replacement, a file half copied then completed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection, Target
from aspire_tui.store import SCHEMA_VERSION, AspireStore
from aspire_tui.store.devices import CONFLICTS_DIR, is_conflict_copy
from aspire_tui.store.storage import atomic_write

D = date(2026, 3, 1)
LAPTOP, DESKTOP, TRAVEL = "laptopaa", "desktopa", "travelaa"

SHARED = ("aspire.json", "aspire.changes.jsonl", "aspire.key.age")


def synced_names(folder: Path) -> list[str]:
    """What a sync tool copies: the data files and their logs (never locks, never temp)."""
    return sorted(
        name
        for name in os.listdir(folder)
        if name in SHARED or (name.startswith("aspire.") and name.endswith((".json", ".jsonl")))
    )


_LINEAGE: dict[Path, set[bytes]] = {}
"""What each copy of a file has held (by digest), as far as the simulated sync tool knows:
its way of telling a newer version from one changed in two places."""


_COPIES: list[Path] = []


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def sync(source: Path, target: Path) -> None:
    """Copy each file changed in `source` to `target`, as Syncthing does: a file `target`
    has not changed since it last had `source`'s version is replaced whole (keeping its
    time); one changed on both sides keeps the newer and renames the other into a conflict
    copy beside it."""
    for name in synced_names(source):
        here, there = source / name, target / name
        data = here.read_bytes()
        mine = _LINEAGE.setdefault(here, set())
        mine.add(_digest(data))
        if not there.exists():
            _replace(there, data, here)
            _LINEAGE[there] = set(mine)
            continue
        theirs_data = there.read_bytes()
        theirs = _LINEAGE.setdefault(there, set())
        theirs.add(_digest(theirs_data))
        if theirs_data == data or _digest(data) in theirs:
            continue  # the same, or `target` has moved on from it
        if _digest(theirs_data) not in mine and not name.endswith(".jsonl"):
            older, newer = sorted([(here, data), (there, theirs_data)], key=_made)
            stem = name.removesuffix(".json")
            _COPIES.append(copy := target / f"{stem}.sync-conflict-20261201-{len(_COPIES):06}.json")
            atomic_write(copy, older[1])
            if newer[0] == there:
                continue
        _replace(there, data, here)
        _LINEAGE[there] = mine | theirs


def _made(pair: tuple[Path, bytes]) -> int:
    return pair[0].stat().st_mtime_ns


def _replace(there: Path, data: bytes, here: Path) -> None:
    made = here.stat().st_mtime_ns
    atomic_write(there, data)
    os.utime(there, ns=(made, made))


def open_as(folder: Path, device: str) -> AspireStore:
    return AspireStore.open(folder, device=device)


def wants(store: AspireStore) -> list[str]:
    return sorted(r.want for r in store.reflections())


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for device in (LAPTOP, DESKTOP, TRAVEL):
        made[device] = tmp_path / device
        made[device].mkdir()
    return made


def test_each_computer_writes_only_its_own_files(folders: dict[str, Path]) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="From the laptop"))
    store.close()
    sync(laptop, desktop)
    before = (desktop / "aspire.json").read_bytes()
    store = open_as(desktop, DESKTOP)
    assert wants(store) == ["From the laptop"]
    store.save_reflection(Reflection(D, want="From the desktop"))
    store.close()
    assert (desktop / "aspire.json").read_bytes() == before, "the laptop's file untouched"
    assert (desktop / f"aspire.{DESKTOP}.json").exists()
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["From the desktop", "From the laptop"]
    store.close()


def test_records_added_apart_on_two_computers_both_arrive(folders: dict[str, Path]) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    aspiration = store.save_aspiration(Aspiration("Lead a team", D))
    assert aspiration.id is not None
    goal = store.save_goal(
        Goal(aspiration.id, "Hire three", Target.number(3, "people"), D, date(2026, 9, 1))
    )
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert goal.id is not None
    store.save_checkin(CheckIn(goal.id, D, 1, "desktop"))
    store.save_reflection(Reflection(D, want="desktop"))
    store.close()
    store = open_as(laptop, LAPTOP)  # apart: the laptop adds its own meanwhile
    store.save_checkin(CheckIn(goal.id, D, 1, "laptop"))
    store.save_reflection(Reflection(D, want="laptop"))
    store.close()
    sync(desktop, laptop)
    sync(laptop, desktop)
    for folder, device in ((laptop, LAPTOP), (desktop, DESKTOP)):
        store = open_as(folder, device)
        assert wants(store) == ["desktop", "laptop"]
        assert sorted(c.note for c in store.checkins()) == ["desktop", "laptop"]
        assert not store.conflicts()
        store.close()


def test_a_record_changed_on_two_computers_keeps_both_and_one_key_takes_the_other(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    saved = store.save_reflection(Reflection(D, want="First"))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="Desktop's", id=saved.id, uid=saved.uid))
    store.close()
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="Laptop's", id=saved.id, uid=saved.uid))
    store.close()
    sync(laptop, desktop)  # the laptop changed it last
    store = open_as(desktop, DESKTOP)
    assert wants(store) == ["Laptop's"], "the later change is shown"
    [conflict] = store.conflicts()
    [other] = conflict.others
    assert other.doc is not None and other.doc["want"] == "Desktop's"
    store.decide(conflict.key, other)  # the person takes the desktop's
    assert wants(store) == ["Desktop's"]
    assert not store.conflicts()
    store.close()
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["Desktop's"], "the choice reached the other computer"
    assert not store.conflicts()
    store.close()


def test_a_deleted_record_never_comes_back_from_a_computer_that_had_not_seen_it(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    saved = store.save_reflection(Reflection(D, want="Gone soon"))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)  # the desktop has it, and keeps its copy
    store.close()
    store = open_as(laptop, LAPTOP)
    assert saved.id is not None
    store.delete_reflection(saved.id)
    store.close()
    sync(desktop, laptop)  # the desktop's file, still holding it, arrives
    store = open_as(laptop, LAPTOP)
    assert wants(store) == []
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert wants(store) == [], "the delete reached the desktop too"
    store.close()


def logged_on_a_goal_deleted_elsewhere(laptop: Path, desktop: Path, day: date = D) -> Goal:
    """The desktop logs a check-in on a goal the laptop deletes meanwhile; the desktop's
    file reaches the laptop. Returns the goal as it was."""
    store = open_as(laptop, LAPTOP)
    aspiration = store.save_aspiration(Aspiration("Lead", D))
    assert aspiration.id is not None
    goal = store.save_goal(Goal(aspiration.id, "Hire", Target.number(3, "people"), D, day))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert goal.id is not None
    store.save_checkin(CheckIn(goal.id, day, 1, "logged on the desktop"))
    store.close()
    store = open_as(laptop, LAPTOP)
    store.delete_goal(goal.id)
    store.close()
    sync(desktop, laptop)
    return goal


def test_a_check_in_for_a_goal_deleted_elsewhere_is_held_aside_not_lost(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    logged_on_a_goal_deleted_elsewhere(laptop, desktop)
    store = open_as(laptop, LAPTOP)  # opens: nothing points to nothing
    assert store.goals() == [] and store.checkins() == []
    [held] = store.conflicts()
    assert held.aside and held.shown.doc is not None
    assert held.shown.doc["note"] == "logged on the desktop"
    store.close()
    store = open_as(laptop, LAPTOP)  # and opens again
    assert store.checkins() == []
    store.close()


@pytest.mark.parametrize(
    "copy_name",
    [
        "aspire (conflicted copy 2026-12-01).json",  # Dropbox
        "aspire (DESKTOP's conflicted copy 2026-12-01).json",  # Dropbox, named
        "aspire.sync-conflict-20261201-140200-ABCDEF7.json",  # Syncthing
        "aspire-DESKTOP.json",  # OneDrive
        "aspire_conflict-20261201-140200.json",  # ownCloud
        "aspire (conflict 2026-12-01 140200).json",  # Nextcloud
        "aspire 2.json",  # iCloud Drive
    ],
)
def test_a_sync_tools_conflict_copy_is_read_merged_and_moved_aside(
    folders: dict[str, Path], copy_name: str
) -> None:
    laptop = folders[LAPTOP]
    assert is_conflict_copy(copy_name)
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="Kept in the file"))
    store.close()
    elsewhere = folders[TRAVEL]
    shutil.copy(laptop / "aspire.json", elsewhere / "aspire.json")
    store = open_as(elsewhere, LAPTOP)  # the same computer's file, changed in two places
    store.save_reflection(Reflection(D, want="Only in the copy"))
    store.close()
    shutil.copy(elsewhere / "aspire.json", laptop / copy_name)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["Kept in the file", "Only in the copy"]
    store.close()
    assert not (laptop / copy_name).exists(), "moved aside"
    [kept] = list((laptop / CONFLICTS_DIR).iterdir())
    assert kept.name.endswith(copy_name)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["Kept in the file", "Only in the copy"], "and in the file itself"
    store.close()


def test_a_file_half_copied_is_skipped_then_taken_once_complete(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="Desktop"))
    store.close()
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="Laptop"))
    store.close()
    whole = (laptop / "aspire.json").read_bytes()
    (desktop / "aspire.json").write_bytes(whole[: len(whole) // 2])  # half way
    store = open_as(desktop, DESKTOP)
    assert wants(store) == ["Desktop"], "opens on what it has"
    store.close()
    (desktop / "aspire.json").write_bytes(whole)  # the copy completes
    store = open_as(desktop, DESKTOP)
    assert wants(store) == ["Desktop", "Laptop"]
    store.close()


def test_files_arriving_late_and_out_of_order_lose_nothing(folders: dict[str, Path]) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="one"))
    store.close()
    old = {name: (desktop / name).read_bytes() for name in synced_names(desktop)}
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="two"))
    store.close()
    sync(desktop, laptop)  # the newer file first
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["one", "two"]
    store.close()
    for name, data in old.items():  # then an older copy, late
        if name != "aspire.json":
            atomic_write(laptop / name, data)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["one", "two"], "nothing goes back"
    store.close()


def test_a_folder_from_before_aspire_7_is_upgraded_and_claimed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    old = {
        "_meta": {"1": {"schema": 6}},
        "reflections": {
            "1": {
                "on": "2026-03-01",
                "want": "Old",
                "passions": "",
                "note": "",
                "ratings": {},
                "prompt": "",
                "tags": [],
                "aspiration_id": None,
                "uid": "0" * 31 + "1",
            }
        },
    }
    (folder / "aspire.json").write_text(json.dumps(old))
    store = open_as(folder, LAPTOP)
    assert wants(store) == ["Old"]
    store.close()
    data = json.loads((folder / "aspire.json").read_text())
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION == 8
    assert data["_meta"]["1"]["device"] == LAPTOP, "the first computer to open it writes it"
    assert sorted(os.listdir(folder / "backups"))  # the file as it was, kept
    assert set(os.listdir(folder)) <= {
        "aspire.json",
        "aspire.json.lock",
        "backups",
    }, "nothing else in the folder"


# A random history across three computers, on real files --------------------------------

step = st.one_of(
    st.tuples(st.just("add"), st.sampled_from((LAPTOP, DESKTOP, TRAVEL)), st.integers(0, 9)),
    st.tuples(st.just("edit"), st.sampled_from((LAPTOP, DESKTOP, TRAVEL)), st.integers(0, 9)),
    st.tuples(st.just("delete"), st.sampled_from((LAPTOP, DESKTOP, TRAVEL)), st.integers(0, 9)),
    st.tuples(
        st.sampled_from(("sync", "conflict copy")),
        st.sampled_from((LAPTOP, DESKTOP, TRAVEL)),
        st.sampled_from((LAPTOP, DESKTOP, TRAVEL)),
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(step, min_size=1, max_size=14))
def test_random_histories_on_real_files_converge_and_lose_nothing(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, str, object]]
) -> None:
    root = tmp_path_factory.mktemp("world")
    folders = {d: root / d for d in (LAPTOP, DESKTOP, TRAVEL)}
    for folder in folders.values():
        folder.mkdir()
    written: set[str] = set()
    replaced: set[str] = set()
    """Texts a computer changed or deleted knowingly: the person's choice, not a loss."""
    for kind, device, arg in steps:
        folder = folders[device]
        if kind in ("sync", "conflict copy"):
            target = folders[arg]  # type: ignore[index]
            if kind == "sync" or target == folder:
                sync(folder, target)
                continue
            for name in synced_names(folder):  # a copy beside instead of a replacement
                if (target / name).exists() and name.endswith(".json"):
                    stem = name.removesuffix(".json")
                    shutil.copy(folder / name, target / f"{stem} (conflicted copy).json")
                else:
                    shutil.copy(folder / name, target / name)
            continue
        store = open_as(folder, device)
        try:
            shown = sorted(store.reflections(), key=lambda r: r.id or 0)
            if kind == "add":
                text = f"{device} {arg} {len(written)}"
                store.save_reflection(Reflection(D, want=text))
                written.add(text)
            elif shown:
                chosen = shown[int(arg) % len(shown)]  # type: ignore[call-overload]
                replaced.add(chosen.want)
                if kind == "edit":
                    text = f"{chosen.want} edited on {device} {len(written)}"
                    store.save_reflection(Reflection(D, want=text, id=chosen.id, uid=chosen.uid))
                    written.add(text)
                else:
                    assert chosen.id is not None
                    store.delete_reflection(chosen.id)
        finally:
            store.close()
    for _ in range(2):  # a full sync, every way
        for a in folders.values():
            for b in folders.values():
                if a != b:
                    sync(a, b)
    views = []
    for device, folder in folders.items():
        store = open_as(folder, device)
        try:
            shown = sorted(r.want for r in store.reflections())
            kept = sorted(
                x.doc["want"] for c in store.conflicts() for x in c.others if x.doc is not None
            )
            views.append((shown, kept))
        finally:
            store.close()
        assert not [n for n in os.listdir(folder) if is_conflict_copy(n)], "all moved aside"
    assert all(view == views[0] for view in views), "every computer shows the same"
    shown, kept = views[0]
    lost = written - replaced - set(shown) - set(kept)
    assert not lost, "every text written is shown, or kept from a conflict"


# Git: each computer's files are its own, so pulling never needs a merge by hand ---------


def git(folder: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_data_folder_in_git_syncs_without_a_manual_merge(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    for folder in (laptop, desktop):
        subprocess.run(["git", "clone", "-q", str(remote), str(folder)], check=True)
        git(folder, "checkout", "-q", "-b", "main")
    (laptop / ".gitignore").write_text("*.lock\n*.owner\nbackups/\n")
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="laptop 1"))
    store.close()
    git(laptop, "add", "-A")
    git(laptop, "commit", "-qm", "laptop")
    git(laptop, "push", "-q", "origin", "main")
    git(desktop, "pull", "-q", "origin", "main")
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desktop 1"))
    store.close()
    store = open_as(laptop, LAPTOP)  # both change while apart
    store.save_reflection(Reflection(D, want="laptop 2"))
    store.close()
    for folder, name in ((desktop, "desktop"), (laptop, "laptop")):
        git(folder, "add", "-A")
        git(folder, "commit", "-qm", name)
        git(folder, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")  # no conflict
        git(folder, "push", "-q", "origin", "main")
    git(desktop, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    for folder, device in ((laptop, LAPTOP), (desktop, DESKTOP)):
        assert "<<<<<<<" not in "".join(p.read_text() for p in folder.glob("aspire*.json"))
        store = open_as(folder, device)
        assert wants(store) == ["desktop 1", "laptop 1", "laptop 2"]
        store.close()


# The command line ------------------------------------------------------------------------


def aspire(*args: str, device: str, input: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASPIRE_DEVICE_ID": device}
    return subprocess.run(
        [sys.executable, "-m", "aspire_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        input=input,
        timeout=60,
    )


def test_aspire_devices_lists_the_computers_and_forgets_one(folders: dict[str, Path]) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desk"))
    store.close()
    sync(desktop, laptop)
    listed = aspire("devices", "--data-dir", str(laptop), device=LAPTOP)
    assert listed.returncode == 0, listed.stderr
    assert LAPTOP in listed.stdout and DESKTOP in listed.stdout
    assert "this computer" in listed.stdout
    refused = aspire("devices", "forget", DESKTOP, "--data-dir", str(laptop), device=LAPTOP)
    assert refused.returncode != 0, "asks first, and a closed input is not a yes"
    forgot = aspire(
        "devices", "forget", DESKTOP, "--data-dir", str(laptop), device=LAPTOP, input="forget\n"
    )
    assert forgot.returncode == 0, forgot.stderr
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["desk"], "what came in before stays"
    store.close()
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desk 2"))
    store.close()
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["desk"], "a forgotten computer's file is no longer read"
    store.close()
    listed = aspire("devices", "--data-dir", str(laptop), device=LAPTOP)
    assert "forgotten" in listed.stdout


# Encryption: one passphrase, every computer's files ------------------------------------


def test_an_encrypted_shared_folder_encrypts_every_computers_files(
    folders: dict[str, Path],
) -> None:
    from aspire_tui.store.encryption import encrypt_folder
    from aspire_tui.store.key_file import unlock_folder
    from aspire_tui.store.sealing import AGE_MAGIC

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="Laptop secret"))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="Desktop secret"))
    store.close()
    sync(desktop, laptop)
    key = encrypt_folder(laptop, "correct horse battery staple", log_n=10)
    for name in ("aspire.json", f"aspire.{DESKTOP}.json"):
        assert (laptop / name).read_bytes().startswith(AGE_MAGIC), name
    shutil.copy(laptop / "aspire.key.age", desktop / "aspire.key.age")
    sync(laptop, desktop)
    assert unlock_folder(desktop, "correct horse battery staple") == key
    store = AspireStore.open(desktop, device=DESKTOP, key=key)
    store.save_reflection(Reflection(D, want="Desktop, encrypted"))
    store.close()
    assert (desktop / f"aspire.{DESKTOP}.json").read_bytes().startswith(AGE_MAGIC)
    sync(desktop, laptop)
    store = AspireStore.open(laptop, device=LAPTOP, key=key)
    assert wants(store) == ["Desktop secret", "Desktop, encrypted", "Laptop secret"]
    store.close()
    for folder in (laptop, desktop):
        for path in folder.iterdir():
            if path.is_file():
                assert b"secret" not in path.read_bytes(), path


def test_a_draft_is_offered_only_on_the_computer_it_was_written_on(
    folders: dict[str, Path],
) -> None:
    from datetime import datetime

    from aspire_tui.domain.drafts import Draft
    from aspire_tui.store.drafts import has_draft, load_draft, save_draft

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    draft = Draft("reflection", "New entry", datetime(2026, 11, 27, 9), {"note": "half"})
    save_draft(store.drafts_file, draft)
    store.close()
    for path in desktop.iterdir():  # a sync tool copies every file
        if path.is_file() and not (laptop / path.name).exists():
            shutil.copy(path, laptop / path.name)
    store = open_as(laptop, LAPTOP)
    assert not has_draft(store.drafts_file), "the desktop's draft is not the laptop's"
    store.close()
    store = open_as(desktop, DESKTOP)
    kept = load_draft(store.drafts_file)
    store.close()
    assert kept is not None and kept.fields == {"note": "half"}


def test_each_computer_keeps_its_own_backups_and_a_restore_reaches_every_computer(
    folders: dict[str, Path],
) -> None:
    from datetime import datetime

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    store.save_reflection(Reflection(D, want="Before the mistake"))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    backup = store.back_up(datetime(2026, 11, 27, 9), "manual")
    assert backup.parent == desktop / "backups" / DESKTOP, "the desktop's backups are its own"
    [entry] = store.reflections()
    store.save_reflection(Reflection(D, want="The mistake", id=entry.id, uid=entry.uid))
    store.close()
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)  # the laptop takes the mistake in, into its own file
    assert wants(store) == ["The mistake"]
    store.close()
    sync(laptop, desktop)
    restored = aspire("restore", backup.name, "--data-dir", str(desktop), device=DESKTOP)
    assert restored.returncode == 0, restored.stderr
    sync(desktop, laptop)
    for folder, device in ((desktop, DESKTOP), (laptop, LAPTOP)):
        store = open_as(folder, device)
        assert wants(store) == ["Before the mistake"], f"restored on the {device}"
        store.close()
    listed = aspire("backups", "--data-dir", str(desktop), device=DESKTOP)
    assert backup.name in listed.stdout


def test_a_file_taken_in_before_is_not_read_again_at_the_next_start(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.store import other_files

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    write = open_as(desktop, DESKTOP)
    write.save_reflection(Reflection(D, want="desk"))
    write.close()
    sync(desktop, laptop)
    read: list[str] = []
    real = other_files.OtherFiles._read

    def counted(self: Any, path: Path, reading: Any) -> Any:
        read.append(path.name)
        return real(self, path, reading)

    monkeypatch.setattr(other_files.OtherFiles, "_read", counted)
    open_as(laptop, LAPTOP).close()
    assert read == [f"aspire.{DESKTOP}.json"]
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["desk"]
    store.close()
    assert read == [f"aspire.{DESKTOP}.json"], "unchanged since: not read again"
    write = open_as(desktop, DESKTOP)
    write.save_reflection(Reflection(D, want="desk 2"))
    write.close()
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)
    assert wants(store) == ["desk", "desk 2"]
    store.close()
    assert len(read) == 2, "changed: read again"


@pytest.mark.parametrize(
    "entry",
    [{"t": "soon", "d": LAPTOP}, {"t": 5}, {"t": -1, "d": LAPTOP}, [], {"t": 5, "d": "x", "z": 1}],
)
def test_a_damaged_stamp_is_refused_and_the_file_left_alone(tmp_path: Path, entry: object) -> None:
    from aspire_tui.store import DataFileError

    folder = tmp_path / "data"
    store = open_as(folder, LAPTOP)
    store.save_reflection(Reflection(D, want="kept"))
    store.close()
    data = json.loads((folder / "aspire.json").read_text())
    data["_sync"]["reflections/1"] = entry
    damaged = json.dumps(data).encode()
    (folder / "aspire.json").write_bytes(damaged)
    with pytest.raises(DataFileError, match="damaged stamp"):
        open_as(folder, LAPTOP)
    assert (folder / "aspire.json").read_bytes() == damaged
    # As the app opens: glanced at first, checked after the first frame, before any write.
    store = AspireStore.open(folder, device=LAPTOP, check_later=True)
    try:
        with pytest.raises(DataFileError, match="damaged stamp"):
            store.save_reflection(Reflection(D, want="never written over it"))
    finally:
        store.close()
    assert (folder / "aspire.json").read_bytes() == damaged


def test_another_computers_damaged_file_is_skipped_and_named(folders: dict[str, Path]) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desk"))
    store.close()
    name = f"aspire.{DESKTOP}.json"
    data = json.loads((desktop / name).read_text())
    data["_sync"] = {key: {"t": "later"} for key in data["_sync"]}
    (laptop / name).write_text(json.dumps(data))
    store = open_as(laptop, LAPTOP)
    try:
        assert wants(store) == []
        assert store.taken_at_open is not None
        _, reading = store.taken_at_open
        assert "damaged stamp" in reading.problems[name]
    finally:
        store.close()


def test_two_computers_open_at_once_leave_their_files_alone_while_idle(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    write = open_as(desktop, DESKTOP)
    write.save_reflection(Reflection(D, want="desk"))
    write.close()
    sync(desktop, laptop)
    sync(laptop, desktop)
    one, two = open_as(laptop, LAPTOP), open_as(desktop, DESKTOP)
    try:
        for store in (one, two):
            store.write_in_background()
        for _ in range(3):  # each looks at the other's files, as the app does every second
            sync(laptop, desktop)
            sync(desktop, laptop)
            for store in (one, two):
                if store.others_changed():
                    store.take_in(store.read_others())
                store.flush()
        before = {n: (laptop / n).read_bytes() for n in synced_names(laptop)}
        sync(laptop, desktop)
        sync(desktop, laptop)
        for store in (one, two):
            if store.others_changed():
                store.take_in(store.read_others())
            store.flush()
        after = {n: (laptop / n).read_bytes() for n in synced_names(laptop)}
        assert after == before, "nothing new: nothing written"
    finally:
        one.close()
        two.close()


def test_a_delete_and_a_change_made_apart_show_the_delete_and_keep_the_change(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(laptop, LAPTOP)
    saved = store.save_reflection(Reflection(D, want="First"))
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert saved.id is not None
    store.delete_reflection(saved.id)
    store.close()
    store = open_as(laptop, LAPTOP)  # apart, and later
    store.save_reflection(Reflection(D, want="Changed", id=saved.id, uid=saved.uid))
    store.close()
    sync(laptop, desktop)
    sync(desktop, laptop)
    for folder, device in ((desktop, DESKTOP), (laptop, LAPTOP)):
        store = open_as(folder, device)
        assert wants(store) == [], "a deleted record does not come back"
        [conflict] = store.conflicts()
        assert conflict.shown.deleted
        [other] = conflict.others
        assert other.doc is not None and other.doc["want"] == "Changed"
        store.close()


def test_a_check_in_held_aside_comes_back_when_its_goal_is_put_back(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    goal = logged_on_a_goal_deleted_elsewhere(laptop, desktop)
    store = open_as(laptop, LAPTOP)
    assert store.checkins() == []
    store.put_back([goal], [])  # undo the delete
    assert [c.note for c in store.checkins()] == ["logged on the desktop"]
    assert not store.conflicts()
    store.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert [c.note for c in store.checkins()] == ["logged on the desktop"]
    store.close()


def test_forgetting_the_folders_first_computer_stops_reading_aspire_json(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.forget_device(LAPTOP)
    store.close()
    write = open_as(laptop, LAPTOP)
    write.save_reflection(Reflection(D, want="from a computer forgotten"))
    write.close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    assert wants(store) == []
    assert not store.others_changed(), "and it is not read again and again"
    store.close()


def test_a_read_only_look_and_an_export_show_every_computers_changes(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    write = open_as(desktop, DESKTOP)
    write.save_reflection(Reflection(D, want="Written on the desktop"))
    write.close()
    sync(desktop, laptop)
    before = (laptop / "aspire.json").read_bytes()
    look = AspireStore.open(laptop, device=LAPTOP, read_only=True)
    try:
        assert wants(look) == ["Written on the desktop"]
    finally:
        look.close()
    exported = aspire("export", "--data-dir", str(laptop), device=LAPTOP)
    assert "Written on the desktop" in exported.stdout
    assert (laptop / "aspire.json").read_bytes() == before, "a look writes nothing"


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_a_record_from_before_aspire_7_changed_on_one_computer_is_no_conflict(
    folders: dict[str, Path], change: str
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    old = {
        "_meta": {"1": {"schema": 6}},
        "reflections": {
            "1": {
                "on": "2026-03-01",
                "want": "Old",
                "passions": "",
                "note": "",
                "ratings": {},
                "prompt": "",
                "tags": [],
                "aspiration_id": None,
                "uid": "0" * 31 + "1",
            }
        },
    }
    (laptop / "aspire.json").write_text(json.dumps(old))
    open_as(laptop, LAPTOP).close()  # upgraded, and claimed
    sync(laptop, desktop)
    open_as(desktop, DESKTOP).close()  # takes the old record in, unstamped
    sync(desktop, laptop)
    store = open_as(laptop, LAPTOP)
    [entry] = store.reflections()
    if change == "edit":
        store.save_reflection(Reflection(D, want="Changed", id=entry.id, uid=entry.uid))
    else:
        assert entry.id is not None
        store.delete_reflection(entry.id)
    store.close()
    sync(laptop, desktop)
    sync(desktop, laptop)
    for folder, device in ((desktop, DESKTOP), (laptop, LAPTOP)):
        store = open_as(folder, device)
        assert wants(store) == (["Changed"] if change == "edit" else [])
        assert store.conflicts() == [], "the change replaces the record from before"
        store.close()


@pytest.mark.parametrize("key", ["reflections/01", "notes/1", "reflections/\u0663", "reflections"])
def test_a_stamp_for_no_record_aspire_writes_is_refused(tmp_path: Path, key: str) -> None:
    from aspire_tui.store import DataFileError

    folder = tmp_path / "data"
    open_as(folder, LAPTOP).close()
    data = json.loads((folder / "aspire.json").read_text())
    data["_sync"] = {key: {"t": 1, "d": LAPTOP}}
    (folder / "aspire.json").write_text(json.dumps(data))
    with pytest.raises(DataFileError, match="damaged stamp"):
        open_as(folder, LAPTOP)


def test_in_a_shared_folder_records_made_one_after_another_keep_their_order(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    try:
        assert store.shared
        made = [store.save_aspiration(Aspiration(f"Lead {n:03}", D)) for n in range(60)]
        ids = [r.id or 0 for r in made]
        assert ids == sorted(ids) and len(set(ids)) == 60, "in order, none twice"
        assert min(ids) > 10**14, "numbers no other computer's new records take"
    finally:
        store.close()


def test_an_old_plain_log_brought_back_beside_an_encrypted_file_is_set_aside(
    folders: dict[str, Path],
) -> None:
    from aspire_tui.store.encryption import encrypt_folder

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.write_in_background()
    store.save_reflection(Reflection(D, want="desk"))
    store.flush()
    log = desktop / f"aspire.{DESKTOP}.changes.jsonl"
    old_log = log.read_bytes()  # as a sync tool has it, from before
    store.close()
    key = encrypt_folder(desktop, "correct horse battery staple", log_n=10)
    log.write_bytes(old_log)  # brought back by the sync tool, plain, beside the encrypted file
    store = AspireStore.open(desktop, device=DESKTOP, key=key)
    try:
        assert wants(store) == ["desk"]
        assert store.opening_note is not None and "changes-not-applied" in store.opening_note
    finally:
        store.close()
    assert not log.exists()


def test_a_second_computers_first_start_leaves_the_first_ones_files_alone(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    (desktop / "aspire.json.owner").write_text("4242\n")  # the laptop's, synced while it runs
    before = (desktop / "aspire.json").read_bytes()
    open_as(desktop, DESKTOP).close()
    assert (desktop / "aspire.json.owner").read_text() == "4242\n"
    assert (desktop / "aspire.json").read_bytes() == before


def test_a_full_disk_at_start_opens_and_takes_other_computers_changes_in_later(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.store import storage as storage_module

    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    write = open_as(desktop, DESKTOP)
    write.save_reflection(Reflection(D, want="desk"))
    write.close()
    sync(desktop, laptop)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(storage_module, "atomic_write", full)
        store = open_as(laptop, LAPTOP)  # opens all the same
        assert store.opening_note is not None and "not taken in yet" in store.opening_note
        store.close()
    store = open_as(laptop, LAPTOP)  # room again: taken in now
    assert wants(store) == ["desk"]
    store.close()


@pytest.mark.parametrize("left", [b"", b"abc", b"\x00\x00"], ids=["empty", "short", "binary"])
def test_a_device_id_file_left_damaged_is_replaced_once_not_at_every_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, left: bytes
) -> None:
    """A write of the id cut short must not give the computer a new id (and a new file in
    the shared folder) at every start (found by a review)."""
    from aspire_tui.store.devices import DEVICE_ENV, DEVICE_FILE_NAME, this_device

    kept = tmp_path / "state"
    kept.mkdir()
    monkeypatch.setenv("ASPIRE_DEVICE_DIR", str(kept))
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    (kept / DEVICE_FILE_NAME).write_bytes(left)
    first = this_device()
    assert this_device() == first == (kept / DEVICE_FILE_NAME).read_text().strip()
    assert os.listdir(kept) == [DEVICE_FILE_NAME], "no temp file left beside it"


def test_another_computers_name_is_known_after_its_file_is_no_longer_read_at_start(
    folders: dict[str, Path],
) -> None:
    """A file taken in before is not read again; its computer's name must not go with it
    (the help line said "shared with 0 other computers"; found by a review)."""
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desk"))
    store.close()
    sync(desktop, laptop)
    for _ in range(2):  # the second start reads nothing of the desktop's file
        store = open_as(laptop, LAPTOP)
        assert DESKTOP in store.device_names()
        store.close()


def test_a_computer_name_from_another_file_cannot_drive_the_terminal(
    folders: dict[str, Path],
) -> None:
    laptop, desktop = folders[LAPTOP], folders[DESKTOP]
    open_as(laptop, LAPTOP).close()
    sync(laptop, desktop)
    store = open_as(desktop, DESKTOP)
    store.save_reflection(Reflection(D, want="desk"))
    store.close()
    theirs = desktop / f"aspire.{DESKTOP}.json"
    data = json.loads(theirs.read_text())
    data["_meta"]["1"]["name"] = "desk\x1b[2J\x1b[31mtop"
    theirs.write_text(json.dumps(data))
    sync(desktop, laptop)
    listed = aspire("devices", "--data-dir", str(laptop), device=LAPTOP)
    assert listed.returncode == 0, listed.stderr
    assert "\x1b" not in listed.stdout and "desk␛[2J␛[31mtop" in listed.stdout
