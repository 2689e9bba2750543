"""`aspire log`, `note`, `status` and `goals`, run as a person runs them: a real process on a
real data folder, then the file read back."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, AspirationStatus, CheckIn, Goal, Target
from aspire_tui.store import AspireStore

TODAY = date.today()  # the commands run on the real date


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aspire_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        env={**os.environ, "NO_COLOR": "", **(env or {})},
    )


def career(folder: Path, device: str | None = None) -> dict[str, Goal]:
    """One aspiration being climbed, with goals in each state `status` reports on;
    `device`: written by another computer (the commands then run as a second one)."""
    store = AspireStore.open(folder, backup=False, device=device)
    try:
        lead = store.save_aspiration(
            Aspiration("Lead a platform team", created=TODAY - timedelta(days=200))
        )
        assert lead.id is not None

        def goal(title: str, target: Target, days_ago: int, days_left: int | None) -> Goal:
            deadline = TODAY + timedelta(days=days_left) if days_left is not None else None
            return store.save_goal(
                Goal(
                    lead.id,  # type: ignore[arg-type]
                    title,
                    target,
                    created=TODAY - timedelta(days=days_ago),
                    deadline=deadline,
                )
            )

        goals = {
            "clients": goal("Land ten clients", Target.number(10, "clients"), 100, 100),
            "talk": goal("Give a talk at the meetup", Target.done(), 10, 3),
            "oneonones": goal("Weekly one-on-ones with Sam", Target.number(12, "weeks"), 60, 30),
            "oneonones2": goal("Weekly one-on-ones with Priya", Target.number(12, "weeks"), 60, 30),
            "guide": goal(
                "Publish a guide", Target.checklist(("Outline", "Draft", "Publish")), 10, None
            ),
        }
        store.log_checkin(CheckIn(goals["clients"].id, TODAY - timedelta(days=50), 5))  # type: ignore[arg-type]
        store.log_checkin(CheckIn(goals["oneonones"].id, TODAY - timedelta(days=3), 6))  # type: ignore[arg-type]
        store.log_checkin(CheckIn(goals["oneonones2"].id, TODAY - timedelta(days=3), 6))  # type: ignore[arg-type]
        return goals
    finally:
        store.close()


def checkins_in(folder: Path, goal: Goal) -> list[CheckIn]:
    store = AspireStore.open(folder, read_only=True)
    try:
        return store.checkins(goal.id)
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


# aspire log ------------------------------------------------------------------------------


def test_log_finds_the_goal_by_part_of_its_title_and_says_where_it_stands(folder: Path) -> None:
    goals = career(folder)
    done = run("log", "clients", "2", "--note", "Acme signed", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert "Logged 2 on Land ten clients" in done.stdout
    assert "7 of 10 clients (70%)" in done.stdout
    kept = checkins_in(folder, goals["clients"])
    assert [(c.amount, c.note, c.on) for c in kept][-1] == (2.0, "Acme signed", TODAY)


def test_log_forgives_a_slip_of_a_letter(folder: Path) -> None:
    goals = career(folder)
    done = run("log", "cleints", "1", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert len(checkins_in(folder, goals["clients"])) == 2


def test_two_goals_that_fit_about_equally_are_listed_not_guessed(folder: Path) -> None:
    goals = career(folder)
    refused = run("log", "one-on-ones", "1", "--data-dir", str(folder))
    assert refused.returncode == 2
    assert "Weekly one-on-ones with Sam" in refused.stderr
    assert "Weekly one-on-ones with Priya" in refused.stderr
    assert len(checkins_in(folder, goals["oneonones"])) == 1
    assert len(checkins_in(folder, goals["oneonones2"])) == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("nothing like it", "1"), "No goal is called anything like"),
        (("clients", "lots"), "must be a number"),
        (("clients", "1", "--on", (TODAY + timedelta(days=2)).isoformat()), "after today"),
        (("clients", "1", "--on", "yesterday"), "year-month-day"),
        (("clients", "0"), "cannot be zero"),
        (("talk", "3"), "done or not done"),
        (("guide", "Review"), "No milestone left"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_nothing_written(
    folder: Path, args: tuple[str, ...], said: str
) -> None:
    career(folder)
    before = (folder / "aspire.json").read_bytes()
    refused = run("log", *args, "--data-dir", str(folder))
    assert refused.returncode == 2
    assert said in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (folder / "aspire.json").read_bytes() == before


def test_marking_a_goal_done_is_celebrated_once(folder: Path) -> None:
    goals = career(folder)
    done = run("log", "talk", "done", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert "Achieved! Each achievement brings you closer to Lead a platform team." in done.stdout
    again = run("log", "Give a talk at the meetup", "done", "--data-dir", str(folder))
    assert again.returncode == 2 and "Already done" in again.stderr
    assert len(checkins_in(folder, goals["talk"])) == 1


def test_a_checklist_goal_takes_the_next_milestone_or_one_by_name(folder: Path) -> None:
    goals = career(folder)
    assert run("log", "guide", "next", "--data-dir", str(folder)).returncode == 0
    assert run("log", "guide", "publish", "--data-dir", str(folder)).returncode == 0
    kept = checkins_in(folder, goals["guide"])
    assert [c.milestone for c in kept] == ["Outline", "Publish"]


# aspire note -----------------------------------------------------------------------------


def journal(folder: Path) -> list:  # type: ignore[type-arg]
    store = AspireStore.open(folder, read_only=True)
    try:
        return store.reflections()
    finally:
        store.close()


def test_note_keeps_the_text_tags_and_aspiration(folder: Path) -> None:
    career(folder)
    done = run(
        "note", "Good", "one-on-one", "--tag", "people", "--about", "platform",
        "--data-dir", str(folder),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [entry] = journal(folder)
    assert (entry.note, entry.tags, entry.on) == ("Good one-on-one", ("people",), TODAY)
    assert entry.aspiration_id is not None


def test_note_takes_piped_text_and_saves_nothing_when_it_is_empty(folder: Path) -> None:
    career(folder)
    piped = run("note", "--data-dir", str(folder), stdin="From a pipe\nsecond line\n")
    assert piped.returncode == 0
    empty = run("note", "--data-dir", str(folder), stdin="  \n")
    assert empty.returncode == 1 and "nothing was saved" in empty.stderr
    assert [e.note for e in journal(folder)] == ["From a pipe\nsecond line"]


def test_note_opens_the_editor_with_the_prompt_of_the_day(folder: Path, tmp_path: Path) -> None:
    """At a terminal, with no text: $VISUAL on a file showing the prompt as a comment, the
    comments left out of the entry (a pty stands in for the terminal)."""
    import pty

    career(folder)
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, shutil\n"
        f"shutil.copy(sys.argv[1], {str(seen)!r})\n"
        "open(sys.argv[1], 'a').write('Wrote this in my editor\\n# and a comment\\n')\n"
    )
    main, child = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "aspire_tui", "note", "--data-dir", str(folder)],
            stdin=child,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "VISUAL": f"{sys.executable} {editor}"},
        )
    finally:
        os.close(main)
        os.close(child)
    assert done.returncode == 0, done.stderr
    assert "# Prompt of the day:" in seen.read_text()
    assert [e.note for e in journal(folder)] == ["Wrote this in my editor"]


def test_an_editor_that_fails_saves_nothing(folder: Path) -> None:
    import pty

    career(folder)
    main, child = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "aspire_tui", "note", "--data-dir", str(folder)],
            stdin=child,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "VISUAL": "false"},
        )
    finally:
        os.close(main)
        os.close(child)
    assert done.returncode == 2 and "nothing was saved" in done.stderr
    assert journal(folder) == []


# aspire status ---------------------------------------------------------------------------


def test_status_says_what_home_would_in_one_line(folder: Path) -> None:
    career(folder)
    line = run("status", "--data-dir", str(folder))
    assert line.returncode == 0, line.stderr
    # clients: 5 of 10 half way through its time (on track); talk: due in 3 days, not done;
    # one-on-ones: 6 of 12 at 2/3 of the time, behind; the review: first due 1 month after
    # the aspiration was adopted, none done.
    assert line.stdout == "review due · 2 behind · 1 due this week\n"
    data = json.loads(run("status", "--format", "json", "--data-dir", str(folder)).stdout)
    assert data["review_due"] is True
    assert sorted(g["title"] for g in data["behind"]) == [
        "Weekly one-on-ones with Priya",
        "Weekly one-on-ones with Sam",
    ]
    assert [g["title"] for g in data["due_this_week"]] == ["Give a talk at the meetup"]


def test_status_follows_a_change_to_the_data(folder: Path) -> None:
    """The kept glance is only used while the files are as they were."""
    career(folder)
    assert "2 behind" in run("status", "--data-dir", str(folder)).stdout
    store = AspireStore.open(folder, backup=False)
    for goal in store.goals():
        if goal.title.startswith("Weekly"):
            store.log_checkin(CheckIn(goal.id, TODAY, 4))  # type: ignore[arg-type]
    store.close()
    assert run("status", "--data-dir", str(folder)).stdout == "review due · 1 due this week\n"
    assert run("log", "talk", "done", "--data-dir", str(folder)).returncode == 0
    assert run("status", "--data-dir", str(folder)).stdout == "review due\n"


def test_status_prints_nothing_and_creates_nothing_before_there_is_data(folder: Path) -> None:
    quiet = run("status", "--data-dir", str(folder))
    assert quiet.returncode == 0 and quiet.stdout == ""
    assert not folder.exists()


def test_status_never_imports_textual(folder: Path) -> None:
    career(folder)
    for _ in range(2):  # worked out from the data, then from the kept glance
        traced = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "aspire_tui", "status"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "ASPIRE_DATA_DIR": str(folder)},
        )
        assert traced.returncode == 0
        assert " textual" not in traced.stderr and "rich" not in traced.stderr


def test_nothing_of_an_encrypted_folder_is_kept_in_plain_text(folder: Path, tmp_path: Path) -> None:
    career(folder)
    secret = tmp_path / "passphrase"
    secret.write_text("correct horse battery staple")
    env = {"ASPIRE_PASSPHRASE_FILE": str(secret)}
    assert "2 behind" in run("status", "--data-dir", str(folder)).stdout  # kept in plain text
    assert run("encrypt", "--yes", "--data-dir", str(folder), env=env).returncode == 0
    shown = run("status", "--data-dir", str(folder), env=env)
    assert shown.returncode == 0, shown.stderr
    assert "2 behind" in shown.stdout
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert not [p for p in cache.rglob("*") if p.is_file()]
    refused = run("status", "--data-dir", str(folder))
    assert refused.returncode == 2 and "ASPIRE_PASSPHRASE_FILE" in refused.stderr


# aspire goals ----------------------------------------------------------------------------


def test_goals_lists_progress_and_pace_plainly_when_piped(folder: Path) -> None:
    career(folder)
    listed = run("goals", "--data-dir", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert "\x1b" not in listed.stdout
    assert "Lead a platform team" in listed.stdout
    assert "50% · 6 of 12 weeks · behind" in listed.stdout
    behind = run("goals", "--show", "behind", "--data-dir", str(folder)).stdout
    assert "clients" not in behind and "Sam" in behind and "Priya" in behind
    searched = run("goals", "--search", "priya", "--data-dir", str(folder)).stdout
    assert "Priya" in searched and "Sam" not in searched


@pytest.mark.parametrize("command", ["log", "note", "status", "goals"])
def test_every_command_has_help(command: str) -> None:
    shown = run(command, "--help")
    assert shown.returncode == 0 and "--data-dir" in shown.stdout


# While the app has the folder ---------------------------------------------------------------


async def test_the_open_app_shows_what_the_shell_logged_within_two_seconds(folder: Path) -> None:
    import asyncio

    from tests.ui_helpers import make_app, notifications, wait_until

    goals = career(folder)
    store = AspireStore.open(folder)
    async with make_app(store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        logged, noted = await asyncio.gather(
            asyncio.to_thread(run, "log", "clients", "3", "--data-dir", str(folder)),
            asyncio.to_thread(run, "note", "Acme signed!", "--data-dir", str(folder)),
        )
        assert logged.returncode == 0, logged.stderr
        assert noted.returncode == 0, noted.stderr
        assert "Aspire is open on this folder" in logged.stderr
        assert "8 of 10 clients (80%)" in logged.stdout  # worked out before the app took it
        await wait_until(
            pilot,
            lambda: len(store.checkins(goals["clients"].id)) == 2 and len(store.reflections()),
            "the check-in and the entry in the open app's data",
            timeout=2,
        )
        said = notifications
        await wait_until(pilot, lambda: any("From the shell" in n for n in said(pilot.app)))
        assert not list((folder / "inbox").rglob("*.json"))
    kept = checkins_in(folder, goals["clients"])
    assert [c.amount for c in kept] == [5.0, 3.0]  # once: not lost, not written twice
    assert [e.note for e in journal(folder)] == ["Acme signed!"]


def test_what_waits_when_the_app_closed_first_is_taken_in_by_the_next_aspire(
    folder: Path,
) -> None:
    from aspire_tui.store import inbox
    from aspire_tui.use_cases.shell import take_in_inbox

    goals = career(folder)
    held = AspireStore.open(folder)  # the app, holding the folder
    done = run("log", "clients", "1", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    [waiting] = inbox.waiting(folder, held.device)
    copy = waiting.read_bytes()
    held.close()  # ... and quitting before it looked
    assert run("log", "clients", "2", "--data-dir", str(folder)).returncode == 0
    assert [c.amount for c in checkins_in(folder, goals["clients"])] == [5.0, 1.0, 2.0]
    waiting.write_bytes(copy)  # a crash after keeping it, before removing it
    store = AspireStore.open(folder)
    assert take_in_inbox(store, TODAY).added == []
    store.close()
    assert [c.amount for c in checkins_in(folder, goals["clients"])] == [5.0, 1.0, 2.0]
    assert not inbox.waiting(folder, store.device)


def test_a_check_in_for_a_goal_deleted_meanwhile_is_set_aside_with_a_reason(
    folder: Path,
) -> None:
    from aspire_tui.use_cases.shell import take_in_inbox

    goals = career(folder)
    held = AspireStore.open(folder)
    assert run("log", "clients", "1", "--data-dir", str(folder)).returncode == 0
    held.delete_goal(goals["clients"].id)  # type: ignore[arg-type]
    taken = take_in_inbox(held, TODAY)
    held.close()
    assert taken.added == []
    assert "no longer here" in taken.set_aside[0]
    assert list((folder / "inbox").rglob("set-aside/*.json"))


# aspire export --format ics ------------------------------------------------------------------


def calendar_events(data: bytes) -> dict[str, dict[str, object]]:
    from icalendar import Calendar

    return {
        str(e["uid"]): {
            "summary": str(e["summary"]),
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "description": str(e.get("description", "")),
        }
        for e in Calendar.from_ical(data).walk("VEVENT")
    }


def test_the_calendar_holds_deadlines_and_the_next_review_under_stable_uids(
    folder: Path, tmp_path: Path
) -> None:
    goals = career(folder)
    store = AspireStore.open(folder, backup=False)
    store.save_goal(
        dataclasses.replace(goals["clients"], description="Ask Acme's CFO for an intro")
    )
    store.close()
    target = tmp_path / "aspire.ics"
    written = run("export", "--format", "ics", "-o", str(target), "--data-dir", str(folder))
    assert written.returncode == 0, written.stderr
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    events = calendar_events(target.read_bytes())
    talk = events[f"goal-{goals['talk'].uid}@aspire-tui"]
    assert talk["summary"] == "Due: Give a talk at the meetup"
    assert talk["start"] == TODAY + timedelta(days=3)  # an all-day event on the deadline
    assert talk["end"] == TODAY + timedelta(days=4)
    assert events["next-review@aspire-tui"]["start"] == TODAY  # due now
    assert f"goal-{goals['guide'].uid}@aspire-tui" not in events  # no deadline
    assert not any(e["description"] for e in events.values())  # no notes unless asked
    again = run("export", "--format", "ics", "--with-notes", "--data-dir", str(folder))
    assert again.returncode == 0, again.stderr
    newer = calendar_events(again.stdout.encode())
    assert newer.keys() == events.keys()  # the same events, updated in a calendar
    clients = newer[f"goal-{goals['clients'].uid}@aspire-tui"]["description"]
    assert "Ask Acme's CFO for an intro" in str(clients)


def test_with_notes_goes_with_the_calendar_only(folder: Path) -> None:
    career(folder)
    refused = run("export", "--with-notes", "--data-dir", str(folder))
    assert refused.returncode == 2 and "--format ics" in refused.stderr


@pytest.mark.parametrize("first", [True, False], ids=["first computer", "second computer"])
def test_after_a_log_the_next_status_reads_the_kept_glance_not_the_data(
    folder: Path, first: bool
) -> None:
    """The prompt after `aspire log` is as quick as any: the log kept the glance for the
    files as it left them, so status never opens the store."""
    career(folder, None if first else "otherpc2")
    assert run("log", "clients", "1", "--data-dir", str(folder)).returncode == 0
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "aspire_tui", "status"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "ASPIRE_DATA_DIR": str(folder)},
    )
    assert traced.stdout == "review due · 2 behind · 1 due this week\n"
    assert "aspire_tui.store.store" not in traced.stderr


def test_milestone_due_dates_are_in_the_calendar_and_dropped_goals_are_not(
    folder: Path,
) -> None:
    goals = career(folder)
    store = AspireStore.open(folder, backup=False)
    guide = goals["guide"]
    dues = (None, TODAY + timedelta(days=20), TODAY + timedelta(days=40))
    store.save_goal(
        dataclasses.replace(guide, target=dataclasses.replace(guide.target, milestone_due=dues))
    )
    store.save_goal(dataclasses.replace(goals["talk"], dropped=TODAY, dropped_why="Cancelled"))
    store.close()
    events = calendar_events(
        run("export", "--format", "ics", "--data-dir", str(folder)).stdout.encode()
    )
    draft = events[f"milestone-{guide.uid}-1@aspire-tui"]
    assert draft["summary"] == "Milestone: Draft (Publish a guide)"
    assert draft["start"] == TODAY + timedelta(days=20)
    assert f"milestone-{guide.uid}-0@aspire-tui" not in events  # no due date
    assert f"goal-{goals['talk'].uid}@aspire-tui" not in events
    assert "due this week" not in run("status", "--data-dir", str(folder)).stdout
    assert run("log", "talk", "done", "--data-dir", str(folder)).returncode == 2  # dropped


def test_while_the_app_is_open_a_second_log_sees_the_first_still_waiting(folder: Path) -> None:
    """`aspire log guide next` twice with the app open ticks two milestones, not the same one
    twice (found by a review: the second was set aside, the milestone meant never kept)."""
    from aspire_tui.use_cases.shell import take_in_inbox

    goals = career(folder)
    held = AspireStore.open(folder)  # the app
    first = run("log", "guide", "next", "--data-dir", str(folder))
    second = run("log", "guide", "next", "--data-dir", str(folder))
    assert "Logged Outline" in first.stdout and "1 of 3 milestones" in first.stdout
    assert "Logged Draft" in second.stdout and "2 of 3 milestones" in second.stdout
    taken = take_in_inbox(held, TODAY)
    held.close()
    assert taken.set_aside == []
    assert [c.milestone for c in checkins_in(folder, goals["guide"])] == ["Outline", "Draft"]


def test_a_goal_being_worked_on_is_found_before_an_old_one_of_the_same_name(
    folder: Path,
) -> None:
    goals = career(folder)
    store = AspireStore.open(folder, backup=False)
    old = store.save_aspiration(Aspiration("Last year's plan", created=TODAY - timedelta(days=400)))
    store.save_aspiration(dataclasses.replace(old, status=AspirationStatus.ARCHIVED))
    store.save_goal(
        Goal(old.id, "Land ten clients", Target.number(10), TODAY - timedelta(days=400))  # type: ignore[arg-type]
    )
    store.close()
    assert run("log", "Land ten clients", "1", "--data-dir", str(folder)).returncode == 0
    assert [c.amount for c in checkins_in(folder, goals["clients"])] == [5.0, 1.0]


def test_goals_of_a_paused_aspiration_say_so_instead_of_a_pace(folder: Path) -> None:
    from aspire_tui.domain.ladder import pause

    career(folder)
    store = AspireStore.open(folder, backup=False)
    [lead] = store.aspirations()
    store.save_aspiration(dataclasses.replace(lead, ladder=pause(lead.ladder, TODAY, "A break")))
    store.close()
    listed = run("goals", "--data-dir", str(folder)).stdout
    assert "behind" not in listed and listed.count("· paused") == 5
    logged = run("log", "clients", "1", "--data-dir", str(folder))
    assert "its aspiration is paused" in logged.stdout


# What the inbox promises (README "While the app is open") ------------------------------------


async def test_the_app_takes_in_at_start_what_waited_when_it_closed_first(folder: Path) -> None:
    from tests.ui_helpers import make_app, notifications, wait_until

    goals = career(folder)
    held = AspireStore.open(folder)  # the app, which quits before it looks
    assert run("log", "clients", "2", "--data-dir", str(folder)).returncode == 0
    held.close()
    store = AspireStore.open(folder)
    async with make_app(store, today=TODAY).run_test(size=(100, 30)) as pilot:
        said = notifications
        await wait_until(pilot, lambda: any("From the shell" in n for n in said(pilot.app)))
        assert [c.amount for c in store.checkins(goals["clients"].id)] == [5.0, 2.0]
    assert not list((folder / "inbox").rglob("*.json"))


def test_an_entry_waiting_for_an_encrypted_folder_is_encrypted(
    folder: Path, tmp_path: Path
) -> None:
    from aspire_tui.store import inbox
    from aspire_tui.use_cases.encryption import unlock
    from aspire_tui.use_cases.shell import take_in_inbox

    goals = career(folder)
    secret = tmp_path / "passphrase"
    secret.write_text("correct horse battery staple")
    env = {"ASPIRE_PASSPHRASE_FILE": str(secret)}
    assert run("encrypt", "--yes", "--data-dir", str(folder), env=env).returncode == 0
    key = unlock(folder, "correct horse battery staple")
    held = AspireStore.open(folder, key=key)
    note = "Acme signed the contract"
    assert (
        run("log", "clients", "1", "--note", note, "--data-dir", str(folder), env=env).returncode
        == 0
    )
    [entry] = inbox.waiting(folder, held.device)
    assert note.encode() not in entry.read_bytes() and b"Acme" not in entry.read_bytes()
    taken = take_in_inbox(held, TODAY)
    assert [c.note for c in taken.added] == [note]  # type: ignore[union-attr]
    assert [c.note for c in held.checkins(goals["clients"].id)][-1] == note
    held.close()


async def test_a_damaged_entry_is_set_aside_with_a_notice_never_a_traceback(folder: Path) -> None:
    from aspire_tui.store import inbox
    from tests.ui_helpers import make_app, notifications, wait_until

    career(folder)
    store = AspireStore.open(folder)
    waiting = inbox.inbox_folder(folder, store.device)
    waiting.mkdir(parents=True)
    (waiting / ".00001-half-written.json.tmp").write_bytes(b'{"kind": "chec')  # a write cut short
    async with make_app(store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        (waiting / "00002-damaged.json").write_bytes(b"\x00not json")
        said = notifications
        await wait_until(
            pilot, lambda: any("not an entry Aspire wrote" in n for n in said(pilot.app))
        )
        assert pilot.app.is_running
    assert (waiting / "set-aside" / "00002-damaged.json").read_bytes() == b"\x00not json"
    assert (waiting / ".00001-half-written.json.tmp").exists(), "a temp file is never read"


def test_a_journal_entry_waiting_keeps_its_aspiration_or_stays_unlinked_without_it(
    folder: Path,
) -> None:
    """Linked by uid when taken in; the aspiration deleted meanwhile, the entry stays."""
    from aspire_tui.use_cases.shell import take_in_inbox

    career(folder)
    held = AspireStore.open(folder)
    second = held.save_aspiration(Aspiration("Run a consultancy", created=TODAY))
    for text in ("Talked to a lawyer", "Found a first client"):
        wrote = run("note", text, "--about", "consultancy", "--data-dir", str(folder))
        assert wrote.returncode == 0, wrote.stderr
    [first, _] = take_in_inbox(held, TODAY).added
    assert first.aspiration_id == second.id  # type: ignore[union-attr]
    assert (
        run(
            "note", "Dropped the idea", "--about", "consultancy", "--data-dir", str(folder)
        ).returncode
        == 0
    )
    held.delete_aspiration(second.id)  # type: ignore[arg-type]
    [last] = take_in_inbox(held, TODAY).added
    held.close()
    assert last.note == "Dropped the idea" and last.aspiration_id is None  # type: ignore[union-attr]


def test_the_status_cache_knows_the_key_file_by_the_name_sealing_gives_it() -> None:
    from aspire_tui.store import glance_cache, sealing

    assert glance_cache.KEY_FILE_NAME == sealing.KEY_FILE_NAME
