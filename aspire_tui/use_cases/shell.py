"""What a person does from the shell without opening the app: log a check-in, write a
journal entry, see where they stand. Shared by `aspire log`, `aspire note`, `aspire status`
and the app, which takes in what the shell left while it had the folder (`store.inbox`).

With the folder free, the command writes the data itself (after taking in anything left
waiting); with the app open, it checks against the data as the app last saved it and leaves
the record in the inbox, durable before the command says it is done."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aspire_tui.domain.check_ins import start_moved_back, why_not_log
from aspire_tui.domain.glance import Glance, glance
from aspire_tui.domain.goal_names import GoalMatch, match_goal
from aspire_tui.domain.journal import parse_tags
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection, TargetKind
from aspire_tui.domain.progress import checkins_by_goal, goal_progress
from aspire_tui.domain.standing import GoalState, goal_state
from aspire_tui.domain.validation import (
    ValidationError,
    check_not_after_today,
    check_reflection,
    parse_checkin_amount,
    parse_reading,
    parse_text,
)
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore, StoreError, inbox
from aspire_tui.use_cases.goals import Logged
from aspire_tui.use_cases.pauses import bring_back_paused

DONE_WORDS = frozenset({"done", "yes", "y", "achieved", "x"})
NEXT_MILESTONE = frozenset({"done", "next"})


class ShellRefusal(ValueError):
    """Bad input from the shell: the command says why and exits non-zero."""


@dataclass(frozen=True)
class Kept:
    """What a shell command recorded, and where: written to the data, or left for the app."""

    waiting_in: Path | None = None
    """The inbox entry, if the app had the folder; None if written to the data."""


@dataclass(frozen=True)
class TakenFromInbox:
    added: list[CheckIn | Reflection] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)
    """Why each entry that could not be taken in was moved aside."""


# Goals ---------------------------------------------------------------------------------


def find_goal(store: AspireStore, typed: str) -> GoalMatch:
    """The goal `typed` names: among the goals being worked on (an active aspiration's, not
    dropped, not achieved) first, so last year's goal of the same name is not the one
    logged on; then among all of them."""
    active = {a.id for a in store.aspirations() if a.active}
    by_goal = checkins_by_goal(store.checkins(ordered=False))
    goals = store.goals()
    working = [
        g
        for g in goals
        if g.aspiration_id in active
        and g.dropped is None
        and not goal_progress(g, by_goal.get(g.id or -1, [])).achieved
    ]
    match = match_goal(typed, working)
    if match.found is None and not match.candidates:
        match = match_goal(typed, goals)
    return match


def checkins_now(store: AspireStore, goal: Goal) -> list[CheckIn]:
    """The goal's check-ins, with those this computer's shell left waiting for the open app
    (so a second `aspire log GOAL next` ticks the next milestone, not the same one)."""
    kept = store.checkins(goal.id)
    if not store.read_only:
        return kept
    known = {c.uid for c in kept}
    for _, found in inbox.entries(store.named_path.parent, store.device, store.sealer):
        if isinstance(found, inbox.InboxEntry) and isinstance(found.record, CheckIn):
            if found.link_uid == goal.uid and found.record.uid not in known:
                kept.append(dataclasses.replace(found.record, goal_id=goal.id or 0))
    return sorted(kept, key=lambda c: (c.on, c.id or 0))


def checkin_from_shell(
    store: AspireStore, goal: Goal, amount: str, on: date, note: str, today: date
) -> CheckIn:
    """The check-in `aspire log` asks for, checked as the Goals screen checks one: a number
    to add (or where a number to bring down stands), `done`, or a milestone by name."""
    assert goal.id is not None
    try:
        check_not_after_today(on, today, "--on")
        note = parse_text(note, "--note")
        checkins = checkins_now(store, goal)
        refused = why_not_log(goal, checkins, today)
        if refused:
            raise ShellRefusal(f"{refused} Nothing was logged on {goal.title!r}.")
        kind = goal.target.kind
        milestone = ""
        word = amount.strip().casefold()
        if kind is TargetKind.DONE:
            if word not in DONE_WORDS:
                raise ShellRefusal(
                    f"{goal.title!r} is done or not done: aspire log GOAL done marks it done."
                )
            value = 1.0
        elif kind is TargetKind.MILESTONES:
            milestone = _milestone(goal, checkins, amount)
            value = 1.0
        elif kind is TargetKind.DOWN:
            value = parse_reading(amount)
        else:
            if word in DONE_WORDS:
                raise ShellRefusal(
                    f"{goal.title!r} counts {goal.target.unit or 'a number'}: give the "
                    "amount to add, such as 1 or 2.5."
                )
            value = parse_checkin_amount(amount)
    except ValidationError as error:
        raise ShellRefusal(str(error)) from None
    checkin = CheckIn(goal_id=goal.id, on=on, amount=value, note=note, milestone=milestone)
    try:
        store.check_checkin(checkin)
    except StoreError as error:
        raise ShellRefusal(str(error)) from None
    return checkin


def _milestone(goal: Goal, checkins: list[CheckIn], typed: str) -> str:
    done = {c.milestone for c in checkins if c.milestone}
    left = [m for m in goal.target.milestones if m not in done]
    if typed.strip().casefold() in NEXT_MILESTONE:
        return left[0]
    wanted = " ".join(typed.casefold().split())
    fits = [m for m in left if wanted in " ".join(m.casefold().split())]
    if len(fits) == 1:
        return fits[0]
    listed = "; ".join(left)
    if not fits:
        raise ShellRefusal(f"No milestone left on {goal.title!r} is called that. Left: {listed}.")
    raise ShellRefusal(f"More than one milestone left fits; say which: {'; '.join(fits)}.")


@dataclass(frozen=True)
class LoggedFromShell:
    logged: Logged
    standing: GoalState
    """Where the goal stands after it, with its pace, as the command says it."""
    waiting: bool
    """Left in the inbox for the open app, rather than written to the data."""


def log_from_shell(
    store: AspireStore, goal: Goal, checkin: CheckIn, today: date
) -> LoggedFromShell:
    """Keep the check-in: in the data, or in the inbox while the app has the folder (after
    `catch_up` has kept what waited there). Either way the answer is the goal's progress
    before and after, and its pace."""
    if not store.read_only:
        from aspire_tui.use_cases.goals import log_checkin

        logged = log_checkin(store, goal, checkin, today)
        state = goal_state(logged.goal, store.checkins(goal.id), today)
        return LoggedFromShell(logged, state, waiting=False)
    waiting = checkins_now(store, goal)
    before = goal_progress(goal, waiting, today)
    inbox.put(store.named_path.parent, store.device, checkin, store.sealer, goal.uid)
    moved = start_moved_back(goal, checkin.on) or goal
    after = goal_progress(moved, [*waiting, checkin], today)
    state = goal_state(moved, [*waiting, checkin], today)
    return LoggedFromShell(Logged(moved, checkin, before, after), state, waiting=True)


# Journal -------------------------------------------------------------------------------


def find_aspiration(store: AspireStore, typed: str) -> Aspiration:
    """An aspiration by (part of) its title, any case."""
    wanted = " ".join(typed.casefold().split())
    aspirations = store.aspirations()
    whole = [a for a in aspirations if " ".join(a.title.casefold().split()) == wanted]
    fits = whole or [a for a in aspirations if wanted and wanted in a.title.casefold()]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise ShellRefusal(f"No aspiration is called {typed!r}.")
    names = "; ".join(a.title for a in fits)
    raise ShellRefusal(f"More than one aspiration fits {typed!r}; say which: {names}.")


def entry_from_shell(
    text: str, tags: list[str], about: Aspiration | None, on: date, prompt: str = ""
) -> Reflection:
    try:
        entry = Reflection(
            on=on,
            note=parse_text(text.strip(), "The entry"),
            prompt=prompt,
            tags=parse_tags(",".join(tags)),
            aspiration_id=about.id if about is not None else None,
        )
        return check_reflection(entry)
    except ValidationError as error:
        raise ShellRefusal(str(error)) from None


def write_from_shell(store: AspireStore, entry: Reflection) -> Kept:
    """Keep the entry: in the data, or in the inbox while the app has the folder."""
    if not store.read_only:
        store.save_reflection(entry)
        return Kept()
    about = store.aspiration(entry.aspiration_id) if entry.aspiration_id is not None else None
    where = store.named_path.parent
    return Kept(inbox.put(where, store.device, entry, store.sealer, about.uid if about else ""))


# The inbox -----------------------------------------------------------------------------


def catch_up(store: AspireStore, today: date) -> TakenFromInbox:
    """What a command does first when it has the folder: keep what an earlier command left
    for an app that closed before taking it in, and end the pauses due to end."""
    taken = take_in_inbox(store, today)
    bring_back_paused(store, today)
    return taken


def inbox_waiting(store: AspireStore) -> bool:
    return bool(inbox.waiting(store.named_path.parent, store.device))


def take_in_inbox(store: AspireStore, today: date) -> TakenFromInbox:
    """Keep what the shell left while the app had the folder, each entry once; one that no
    longer fits (its goal deleted meanwhile) is moved aside with the reason."""
    taken = TakenFromInbox()
    if store.read_only:
        return taken
    folder = store.named_path.parent
    for path, found in inbox.entries(folder, store.device, store.sealer):
        if isinstance(found, StoreError):
            if path.exists():
                kept = inbox.set_aside(path)
                taken.set_aside.append(f"{found} It was moved to {kept}.")
            continue
        try:
            added = _keep(store, found, today)
        except (StoreError, ValidationError) as error:
            kept = inbox.set_aside(found.path)
            taken.set_aside.append(f"{error} It was moved to {kept}.")
            continue
        if added is not None:
            taken.added.append(added)
        inbox.taken(found.path)
    return taken


def _keep(store: AspireStore, entry: inbox.InboxEntry, today: date) -> CheckIn | Reflection | None:
    record = entry.record
    if isinstance(record, Reflection):
        if any(r.uid == record.uid for r in store.reflections()):
            return None  # kept already, before a crash could remove the entry
        about = next((a for a in store.aspirations() if a.uid == entry.link_uid), None)
        # by uid: the number it was written with may be another's now; gone, the entry stays
        record = dataclasses.replace(record, aspiration_id=about.id if about else None)
        return store.save_reflection(record)
    goal = next((g for g in store.goals() if g.uid == entry.link_uid), None)
    if goal is None or goal.id is None:
        raise StoreError("A check-in logged from the shell is for a goal no longer here.")
    if any(c.uid == record.uid for c in store.checkins(goal.id)):
        return None
    record = dataclasses.replace(record, goal_id=goal.id)
    refused = why_not_log(goal, store.checkins(goal.id), today)
    if refused:
        raise StoreError(f"A check-in logged from the shell on {goal.title!r}: {refused}")
    return store.log_checkin(record)


# Where one stands ------------------------------------------------------------------------


def glance_now(store: AspireStore, settings: Settings, today: date) -> Glance:
    """What `aspire status` prints from, worked out from the data."""
    return glance(
        store.aspirations(),
        store.goals(),
        checkins_by_goal(store.checkins(ordered=False)),
        [r.finished for r in store.reviews() if r.finished is not None],
        today,
        settings.review_cadence,
        settings.first_weekday,
    )
