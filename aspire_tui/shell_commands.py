"""`aspire log`, `aspire note`, `aspire status` and `aspire goals`: Aspire from the shell,
without the full-screen app. None of them imports Textual; `status` reads a kept glance
(`store.glance_cache`) when the data has not changed, so it can run at every prompt."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aspire_tui.domain.glance import Glance, GlanceGoal
    from aspire_tui.settings import Settings
    from aspire_tui.store import AspireStore
    from aspire_tui.use_cases.shell import LoggedFromShell

LONGEST_TITLE = 60


def add_shell_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    log = commands.add_parser(
        "log",
        parents=[common],
        help="log progress on a goal: aspire log GOAL AMOUNT (or done, or a milestone)",
        description="Log a check-in on a goal without opening the app. GOAL is found "
        "forgivingly from part of its title; AMOUNT is the number to add, where a number to "
        "bring down stands now, `done` for a done / not done goal, or a milestone's name "
        "(`next` for the next one).",
    )
    log.add_argument("goal", metavar="GOAL", help="the goal, by (part of) its title")
    log.add_argument("amount", metavar="AMOUNT", help="how much, done, or a milestone")
    log.add_argument("--on", metavar="DATE", help="the day it happened (YYYY-MM-DD; not ahead)")
    log.add_argument("--note", metavar="TEXT", default="", help="what happened")
    note = commands.add_parser(
        "note",
        parents=[common],
        help="write a journal entry (TEXT, piped text, or $VISUAL / $EDITOR)",
        description="Write a journal entry. With no TEXT, piped text is taken, or your "
        "editor ($VISUAL, else $EDITOR) opens on a file showing the prompt of the day; an "
        "entry left empty saves nothing.",
    )
    note.add_argument("text", nargs="*", metavar="TEXT", help="the entry")
    note.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag (repeat for more)"
    )
    note.add_argument("--about", metavar="ASPIRATION", help="the aspiration it is about")
    note.add_argument("--on", metavar="DATE", help="the day it is about (YYYY-MM-DD; not ahead)")
    status = commands.add_parser(
        "status",
        parents=[common],
        help="one line for a shell prompt: review due, goals behind, due this week",
        description="Print where you stand in one line, for a shell prompt or a tmux status "
        "line: `review due · 2 behind · 1 due this week`, or `on track`. Nothing is printed "
        "before there is any data.",
    )
    status.add_argument("--format", choices=["line", "json"], default="line")
    goals = commands.add_parser(
        "goals",
        parents=[common],
        help="list goals with progress and pace (filters as on the Goals screen)",
    )
    goals.add_argument("--aspiration", metavar="ASPIRATION", help="only this aspiration's")
    goals.add_argument(
        "--show",
        choices=["all", "behind", "on-track", "due-soon", "no-deadline", "achieved", "dropped"],
        default="all",
    )
    goals.add_argument("--open", action="store_true", help="leave out achieved goals")
    goals.add_argument("--search", metavar="TEXT", default="", help="only goals mentioning TEXT")
    goals.add_argument(
        "--sort", choices=["aspiration", "deadline", "status", "progress"], default="aspiration"
    )


# Opening the data ------------------------------------------------------------------------


def settings_for_commands() -> Settings:
    """Cadence, first day of the week and date format: the rest is the app's business (its
    problems are reported when the app starts)."""
    from aspire_tui.store.settings_file import load_settings, settings_path

    return load_settings(settings_path(), set()).settings


def _open_to_write(folder: Path) -> AspireStore:
    """The data to write in: this command's own while the folder is free; read-only while
    the app has it (what is written then waits in the inbox for the app)."""
    from aspire_tui.cli import folder_key, open_store
    from aspire_tui.store.lock import AlreadyOpenError

    key = folder_key(folder)
    try:
        store = open_store(folder, backup=False, key=key)
    except AlreadyOpenError:
        return open_store(folder, read_only=True, key=key)
    from aspire_tui.use_cases.shell import catch_up

    try:  # what an earlier command left for an app that closed first, before anything new
        for why in catch_up(store, date.today()).set_aside:
            print(f"aspire: {why}", file=sys.stderr)
    except BaseException:
        store.close()
        raise
    return store


def _day(text: str | None, today: date, what: str) -> date:
    from aspire_tui.cli import CommandError
    from aspire_tui.domain.validation import ValidationError, parse_date_so_far

    if text is None:
        return today
    try:
        return parse_date_so_far(text, today, what)
    except ValidationError as error:
        raise CommandError(str(error)) from None


def _title(text: str) -> str:
    from aspire_tui.presentation.text import one_line

    return one_line(text, LONGEST_TITLE)


def _close_keeping_glance(store: AspireStore, settings: Settings, today: date) -> None:
    """Close the data and keep the glance for the next prompt. The files' key is taken
    once they are final (closing may fold the change log in) and while the folder is still
    held, so no other Aspire can change them between the two."""
    if store.read_only:
        store.close()
        return
    from aspire_tui.store import glance_cache
    from aspire_tui.store.settings_file import settings_path
    from aspire_tui.use_cases.shell import glance_now

    seen = glance_now(store, settings, today)
    folder = store.named_path.parent
    lock = store.close_keeping_lock()
    try:
        glance_cache.keep(folder, glance_cache.files_key(folder, settings_path()), seen)
    finally:
        if lock is not None:
            lock.release()


# aspire log ------------------------------------------------------------------------------


def log_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.cli import CommandError
    from aspire_tui.use_cases.shell import (
        ShellRefusal,
        checkin_from_shell,
        find_goal,
        log_from_shell,
    )

    today = date.today()
    settings = settings_for_commands()
    on = _day(args.on, today, "--on")
    store = _open_to_write(folder)
    try:
        match = find_goal(store, args.goal)
        goal = match.found
        if goal is None:
            goal = _choose(args.goal, list(match.candidates))
        try:
            checkin = checkin_from_shell(store, goal, args.amount, on, args.note, today)
        except ShellRefusal as refused:
            raise CommandError(str(refused)) from None
        logged = log_from_shell(store, goal, checkin, today)
        _say_logged(store, logged, settings)
    except BaseException:
        store.close()
        raise
    _close_keeping_glance(store, settings, today)
    return 0


def _choose(typed: str, candidates: list[Any]) -> Any:
    """Two goals fit about equally: ask which, at a terminal; refuse, listing them, without."""
    from aspire_tui.cli import CommandError

    if not candidates:
        raise CommandError(f"No goal is called anything like {typed!r}. aspire goals lists them.")
    listed = "\n".join(f"  {n}. {_title(g.title)}" for n, g in enumerate(candidates, 1))
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise CommandError(f"More than one goal fits {typed!r}; say which:\n{listed}")
    print(f"More than one goal fits {typed!r}:\n{listed}", file=sys.stderr)
    try:
        answer = input(f"Which one [1-{len(candidates)}]? ").strip()
    except EOFError:
        answer = ""
    if answer.isdigit() and 1 <= int(answer) <= len(candidates):
        return candidates[int(answer) - 1]
    raise CommandError("Nothing was logged.")


def _say_logged(store: AspireStore, done: LoggedFromShell, settings: Settings) -> None:
    from aspire_tui.domain.ladder import GoalPlace, goal_place
    from aspire_tui.domain.progress import format_amount
    from aspire_tui.presentation.measure import buffer_text, progress_text

    logged, state = done.logged, done.standing
    goal, checkin = logged.goal, logged.checkin
    what = "done" if goal.target.done_only else checkin.milestone or format_amount(checkin.amount)
    dates = settings.date_format
    print(f"Logged {_title(what)} on {_title(goal.title)} ({dates.short(checkin.on)}).")
    if logged.newly_achieved:
        aspiration = store.aspiration(goal.aspiration_id)
        toward = _title(aspiration.title) if aspiration else "your aspiration"
        print(f"Achieved! Each achievement brings you closer to {toward}.")
    else:
        line = f"{progress_text(goal, logged.after)} ({logged.after.percent}%) · {state.status}"
        if goal.target.every:
            line += f" ({buffer_text(goal, state.progress)})"
        if goal_place(store.aspiration(goal.aspiration_id), goal) is GoalPlace.PAUSED:
            line += " · its aspiration is paused"
        if state.pace.projected is not None:
            line += f" · done about {dates.short(state.pace.projected)} at the recent rate"
        print(_title(line) if len(line) > 200 else line)
    if done.waiting:
        print(
            "Aspire is open on this folder: it takes this in within a second or two.",
            file=sys.stderr,
        )


# aspire note -----------------------------------------------------------------------------


def note_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.cli import CommandError
    from aspire_tui.use_cases.shell import (
        ShellRefusal,
        entry_from_shell,
        find_aspiration,
        write_from_shell,
    )

    today = date.today()
    on = _day(args.on, today, "--on")
    text = " ".join(args.text)
    if not text:
        text = sys.stdin.read() if not sys.stdin.isatty() else _from_editor(today)
    if not text.strip():
        print("The entry was empty: nothing was saved.", file=sys.stderr)
        return 1
    settings = settings_for_commands()
    store = _open_to_write(folder)
    try:
        try:
            about = find_aspiration(store, args.about) if args.about else None
            entry = entry_from_shell(text, args.tag, about, on)
        except ShellRefusal as refused:
            raise CommandError(str(refused)) from None
        kept = write_from_shell(store, entry)
        words = len(entry.note.split())
        print(f"Saved a journal entry of {words} word{'s' if words != 1 else ''}.")
        if kept.waiting_in is not None:
            print(
                "Aspire is open on this folder: it takes this in within a second or two.",
                file=sys.stderr,
            )
    except BaseException:
        store.close()
        raise
    _close_keeping_glance(store, settings, today)
    return 0


EDITOR_HELP = (
    "# Write your journal entry above these lines. Lines starting with '#' are left out;\n"
    "# an entry left empty saves nothing.\n"
)


def _from_editor(today: date) -> str:
    """Like `git commit`: the editor on a private temp file; its '#' lines left out."""
    import shlex
    import shutil
    import subprocess
    import tempfile

    from aspire_tui.cli import CommandError
    from aspire_tui.domain.journal import prompt_of_the_day

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    where = Path(tempfile.mkdtemp(prefix="aspire-note-"))  # private: 0700
    path = where / "ENTRY.md"
    try:
        path.write_text(
            f"\n\n# Prompt of the day: {prompt_of_the_day(today)}\n{EDITOR_HELP}", "utf-8"
        )
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not start the editor {editor!r}: {error}") from None
        if done.returncode != 0:
            raise CommandError(
                f"The editor exited with status {done.returncode}: nothing was saved."
            )
        lines = path.read_text("utf-8", errors="replace").splitlines()
    finally:
        shutil.rmtree(where, ignore_errors=True)
    return "\n".join(line for line in lines if not line.startswith("#")).strip()


# aspire status ---------------------------------------------------------------------------


def status_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.domain.glance import still_good
    from aspire_tui.store import glance_cache
    from aspire_tui.store.settings_file import settings_path

    today = date.today()
    key = glance_cache.files_key(folder, settings_path())
    seen = glance_cache.load(folder, key)
    if seen is None or not still_good(seen, today):
        seen = _glance_from_data(folder, today)
        if seen is not None:
            glance_cache.keep(folder, key, seen)
    _print_status(seen, today, args.format)
    return 0


def _glance_from_data(folder: Path, today: date) -> Glance | None:
    from aspire_tui.store.devices import own_data_file

    if not own_data_file(folder).exists():
        return None  # nothing written yet: nothing to say, and nothing created
    from aspire_tui.cli import CommandError
    from aspire_tui.passphrase_input import from_file
    from aspire_tui.store.glance_cache import encrypted
    from aspire_tui.use_cases.shell import glance_now

    if encrypted(folder) and from_file() is None:
        from aspire_tui.store.glance_cache import forget

        forget(folder)  # one kept before the folder was encrypted
        raise CommandError(
            "Your data is encrypted: aspire status reads it with the passphrase in the file "
            "named by ASPIRE_PASSPHRASE_FILE."
        )
    from aspire_tui.cli import open_store

    store = open_store(folder, read_only=True)
    try:
        return glance_now(store, settings_for_commands(), today)
    finally:
        store.close()


def _print_status(seen: Glance | None, today: date, form: str) -> None:
    from aspire_tui.domain.glance import standing

    if seen is None:
        if form == "json":
            print('{"line": "", "review_due": false, "behind": [], "due_this_week": []}')
        return
    now = standing(seen, today)
    if form == "line":
        print(now.line)
        return
    import json

    def goal(item: GlanceGoal) -> dict[str, Any]:
        deadline = item.deadline.isoformat() if item.deadline else None
        return {"id": item.id, "title": item.title, "deadline": deadline}

    print(
        json.dumps(
            {
                "line": now.line,
                "review_due": now.review_due,
                "next_review": now.next_review.isoformat(),
                "behind": [goal(g) for g in now.behind],
                "due_this_week": [goal(g) for g in now.due_this_week],
            },
            ensure_ascii=False,
        )
    )


# aspire goals ----------------------------------------------------------------------------


def goals_command(args: argparse.Namespace, folder: Path) -> int:
    from aspire_tui.cli import open_store
    from aspire_tui.domain.goal_finder import GoalView, Show, Sort, find_goals
    from aspire_tui.domain.progress import checkins_by_goal
    from aspire_tui.domain.standing import goal_states
    from aspire_tui.use_cases.shell import ShellRefusal, find_aspiration

    today = date.today()
    settings = settings_for_commands()
    store = open_store(folder, read_only=True)
    try:
        aspiration_id = None
        if args.aspiration:
            try:
                aspiration_id = find_aspiration(store, args.aspiration).id
            except ShellRefusal as refused:
                from aspire_tui.cli import CommandError

                raise CommandError(str(refused)) from None
        aspirations = {a.id: a for a in store.aspirations() if a.id is not None}
        states = goal_states(store.goals(), checkins_by_goal(store.checkins(ordered=False)), today)
        view = GoalView(
            query=args.search,
            aspiration_id=aspiration_id,
            show=Show(args.show.replace("-", " ")),
            sort=Sort(args.sort),
            hide_done=args.open,
        )
        found = find_goals(states.values(), aspirations, view, today)
        _print_goals(found, aspirations, settings)
    finally:
        store.close()
    return 0


def _print_goals(found: list[Any], aspirations: dict[int, Any], settings: Settings) -> None:
    from aspire_tui.domain.ladder import GoalPlace, goal_place
    from aspire_tui.presentation.measure import apart_word, progress_text

    if not found:
        print("No goals to list.", file=sys.stderr)
        return
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    owner_now = None
    for state in found:
        owner = aspirations.get(state.goal.aspiration_id)
        if owner is not None and owner.id != owner_now:
            owner_now = owner.id
            heading = _title(owner.title)
            print(f"\x1b[1m{heading}\x1b[0m" if colour else heading)
        status = str(state.status)
        place = goal_place(owner, state.goal)
        if state.goal.dropped is not None:
            status = f"dropped {settings.date_format.short(state.goal.dropped)}"
        elif place is not GoalPlace.LIVE and not state.progress.achieved:
            status = apart_word(state.goal, place)
        elif colour and state.status.flagged:
            status = f"\x1b[31m{status}\x1b[0m"
        deadline = state.goal.deadline
        due = f" · due {settings.date_format.short(deadline)}" if deadline else ""
        measure = progress_text(state.goal, state.progress)
        print(f"  {_title(state.goal.title)}")
        print(f"      {state.progress.percent:>3}% · {_title(measure)} · {status}{due}")
