"""Changes from other computers arrive while Aspire is open: the folder is looked at twice a
second (a `stat` per file, off the screen's thread), what changed is read and merged there
too, and only the merge itself, record by record, runs on the screen's thread.

The screen under a dialog is redrawn when the dialog closes (it reads again on resume), so a
form being typed in is never touched; a list keeps the record highlighted."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from aspire_tui.domain.models import CheckIn
from aspire_tui.store import DataFileError, StoreError
from aspire_tui.store.kinds import KINDS
from aspire_tui.store.other_files import Reading
from aspire_tui.store.sharing import TakenIn
from aspire_tui.use_cases.shell import inbox_waiting, take_in_inbox

if TYPE_CHECKING:
    from aspire_tui.ui.host import HostApp

LOOK_EVERY = 0.5
"""Seconds between looks at the folder (a stat per file): a change shows within two, with
room to spare on a busy machine."""


def what_came(taken: TakenIn) -> str:
    """ "2 check-ins and a goal" for the notice."""
    parts = []
    for table, count in sorted(taken.changed.items(), key=lambda item: -item[1]):
        kind = next((k for k in KINDS if k.table == table), None)
        one, many = (kind.one, kind.many) if kind is not None else ("record", "records")
        parts.append(f"{count} {many}" if count > 1 else f"1 {one}")
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class SharedFolderWatch:
    """Looks for other computers' changes, and takes them in."""

    def __init__(self, app: HostApp) -> None:
        self.app = app
        self._busy = False
        self._problems: dict[str, str] = {}

    def start(self) -> None:
        store = self.app.store
        if store.read_only:
            return  # the Aspire that has the folder takes them in, and writes them
        self.app.set_interval(LOOK_EVERY, self.look, name="shared folder")
        self.app.call_after_refresh(self.take_in_from_shell)  # left while no Aspire was open
        if store.taken_at_open is not None:  # what came in since this computer last ran
            taken, reading = store.taken_at_open
            store.taken_at_open = None
            self.app.call_after_refresh(self._say, taken, reading, True)

    looks = 0
    """Looks at the folder started so far (a test counts them instead of timing a busy
    machine)."""

    def look(self) -> None:
        if self._busy or self.app.idle_lock.locked:
            return
        if self.app.store.own_file_taken():
            with contextlib.suppress(StoreError, OSError):
                self.app.keep_draft()  # a form being typed: offered again at the next start
            self.app.notify(
                f"Another computer's {self.app.store.path.name} has arrived over this "
                "computer's: two computers began this folder. Aspire saves nothing more "
                "here; quit and start it again, and this computer writes a file of its own "
                "(what it had is kept in backups/ and in the sync tool's copy, and a form "
                "being typed as a draft).",
                title="Quit and start again",
                severity="error",
                markup=False,
                timeout=60,
            )
            self.app.show_review_status()
            return
        self.take_in_from_shell()
        self._busy = True
        self.looks += 1
        self.app.run_worker(self._look_and_take_in(), exit_on_error=False, group="shared")

    async def _look_and_take_in(self) -> None:
        """The look and the reading on a thread of their own; the merge back on the app's
        loop. Never a thread waiting on the app: one that waits when the app has closed
        would keep the process from ending."""
        try:
            reading = await asyncio.to_thread(self._read)
        except BaseException:
            self._busy = False
            raise
        if reading is None:
            self._busy = False
            return
        self._take_in(reading)

    def take_in_from_shell(self) -> None:
        """What `aspire log` and `aspire note` left while this app had the folder: one look
        at the inbox folder (a `scandir`), and the entries kept, if there are any."""
        store = self.app.store
        if store.read_only or self.app.idle_lock.locked or store.taken_over:
            return
        try:
            if not inbox_waiting(store):
                return
            taken = take_in_inbox(store, self.app.today())
        except (StoreError, OSError) as error:
            self.app.report_error(f"What the shell left could not be taken in: {error}")
            return
        if taken.added:
            self.app.data_came_in()
            checkins = sum(1 for r in taken.added if isinstance(r, CheckIn))
            entries = len(taken.added) - checkins
            parts = [f"{checkins} check-in{'s' if checkins > 1 else ''}"] if checkins else []
            parts += [f"{entries} journal entr{'ies' if entries > 1 else 'y'}"] if entries else []
            self.app.notify(f"From the shell: {' and '.join(parts)}.", markup=False)
        for why in taken.set_aside:
            self.app.notify(why, title="From the shell", severity="warning", markup=False)

    def _read(self) -> Reading | None:
        store = self.app.store
        try:
            if not store.others_changed():
                return None
            return store.read_others()
        except Exception:  # noqa: BLE001 - the data closed meanwhile (locked): next time
            with contextlib.suppress(Exception):
                store.read_others_again()  # what was marked seen before it failed is read again
            return None

    def _take_in(self, reading: Reading) -> None:
        try:
            store = self.app.store
            if store.read_only or self.app.idle_lock.locked:
                return
            try:
                taken = store.take_in(reading)
            except (StoreError, DataFileError) as error:
                store.read_others_again()
                self.app.report_error(str(error))
                return
            except Exception as error:  # noqa: BLE001 - never a traceback for another's file
                store.read_others_again()
                self.app.report_error(f"Another computer's changes could not be taken in: {error}")
                return
            self._say(taken, reading)
        finally:
            self._busy = False

    def _say(self, taken: TakenIn, reading: Reading, at_start: bool = False) -> None:
        """The notices; `at_start`: what opening took in (the screen shows it already)."""
        app = self.app
        new_problems = {k: v for k, v in reading.problems.items() if self._problems.get(k) != v}
        self._problems = dict(reading.problems)
        if (taken.changed or taken.conflicts) and not at_start:
            app.data_came_in()
        came = what_came(taken)
        names = sorted(set(reading.names.values()))
        source = f" from {', '.join(names)}" if names else ""
        if came:
            app.notify(f"Came in{source}: {came}.", title="Another computer", markup=False)
        if taken.conflicts:
            count = len(taken.conflicts)
            app.notify(
                f"{count} record{'s were' if count > 1 else ' was'} changed on two computers "
                "while they were apart: the later change is shown, the other kept. Palette "
                "(ctrl+p): Sync: changed on two computers.",
                title="Changed on two computers",
                severity="warning",
                markup=False,
                timeout=15,
            )
        for name, problem in new_problems.items():
            app.notify(
                f"{name} was not read this time: {problem}",
                title="Another computer's file",
                severity="warning",
                markup=False,
                timeout=10,
            )
