"""The App's lifecycle: it owns the store, switches between the main screens, starts and
stops, reports errors and failed saves, and hands every key and command through `run_action`.

Its other jobs live beside it: the palette's commands (`commands.py`), help's list of keys
(`help_keys.py`), the settings and theme (`settings_in_use.py`) and launching the review
(`review_launch.py`). Screens see the app only as `host.AspireHost`."""

from __future__ import annotations

import contextlib
import gc
import time
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.review import ReviewStatus
from aspire_tui.domain.standing import GoalState
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore, DataFileError, StoreError
from aspire_tui.store.settings_file import LoadedSettings, settings_path
from aspire_tui.ui.commands import AspireCommands
from aspire_tui.ui.idle_lock import IdleLock
from aspire_tui.ui.modes import screen_class, screen_maker
from aspire_tui.ui.navigation import MAIN_SCREENS, PassesNavigation, navigation_bindings
from aspire_tui.ui.privacy_mask import PrivacyMask, toast_text
from aspire_tui.ui.render import key_of, one_line, safe
from aspire_tui.ui.review_launch import ReviewLaunch
from aspire_tui.ui.screens.main import MainScreen
from aspire_tui.ui.settings_in_use import SettingsInUse
from aspire_tui.ui.standing_cache import GoalStanding
from aspire_tui.ui.textual_private import CrashReportWithoutLocals, keymap
from aspire_tui.ui.undo import UndoStack

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from textual.actions import ActionParseResult
    from textual.dom import DOMNode
    from textual.filter import LineFilter

    from aspire_tui.ui.host import AspireHost


# Dialogs and the help screen are imported when they open, to keep the first frame quick.


PRESENCE = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)
"""What says the person is at the keyboard, for the idle lock."""
MASKED_MARK = "masked"
"""In the title while the privacy mask is on."""
UNSAVED_MARK = "changes not saved"
"""In the title while changes are held in memory because the disk refused them."""
RETRY_EVERY = 2.0
"""Seconds between tries to write changes the disk refused."""


class SaveFailed(Message):
    """The store's writer could not put a change on disk (posted from its thread)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class AspireApp(CrashReportWithoutLocals[None]):
    TITLE = "Aspire"
    CSS_PATH = "app.tcss"
    MODES = {entry.mode: screen_maker(entry.mode) for entry in MAIN_SCREENS}  # type: ignore[assignment]
    COMMANDS = {AspireCommands}
    """Textual's own commands and Aspire's, in one list (see `ui/commands.py`)."""
    DEFAULT_MODE = "reflect"
    """Where a first run starts; once there is data, the app opens on Home."""
    NOTIFICATION_TIMEOUT = 3  # confirmations should not pile up over the next dialog
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("comma", "settings", "Settings", id="settings"),
        Binding(
            "asterisk",
            "toggle_mask",
            "Mask",
            show=False,  # shown in Home's footer; help and the palette list it everywhere
            id="mask",
            tooltip="Privacy mask: hide or show personal text",
        ),
        # Shown in the footer on Home, where the due notice is: the other screens' footers
        # have no room left at 80 columns. Help and the palette list it everywhere.
        Binding(
            "r",
            "review",
            "Review",
            show=False,
            id="review",
            tooltip="Start or resume the review",
        ),
        *navigation_bindings(),
        Binding("ctrl+z", "undo_elsewhere", "", show=False, id="undo.elsewhere"),
    ]

    def __init__(
        self,
        store: AspireStore,
        today: date | None = None,
        start: str | None = None,
        tune_gc: bool = False,
        demo: bool = False,
        settings: LoadedSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`start` names the screen to open on; by default Home once there is data.
        `tune_gc`: the process is Aspire's own (`aspire`), so once the first frame is drawn the
        loaded records may be left out of garbage collection. `clock` times the idle lock (a
        test's own clock moves it on without waiting)."""
        self.tune_gc = tune_gc
        if start is not None or not store.is_empty():
            self.DEFAULT_MODE = start or "home"  # type: ignore[misc]
        super().__init__()
        from aspire_tui.ui import paste_guard

        paste_guard.install()  # before the driver starts reading the terminal
        self.store = store
        self.preferences = SettingsInUse(
            self, settings or LoadedSettings(Settings(), settings_path(), may_write=False)
        )
        self.theme = self.settings.settings.theme
        self.set_keymap(dict(self.settings.settings.keys))
        self._today = today
        self.undo = UndoStack()
        self.review = ReviewLaunch(self)
        self.standing = GoalStanding(store)
        self.select_on_show: dict[str, int | str] = {}
        """A record a screen should highlight next time it shows, by the screen's mode."""
        self._last_error, self._last_error_at = "", 0.0
        self.base_title = self.title
        if store.read_only:
            self.base_title = "Aspire (read-only)"
        elif demo:
            self.base_title = "Aspire demo (made up; nothing is kept)"
        self.mask = PrivacyMask(self.settings.settings.start_masked)
        """The privacy mask: personal text drawn as bars (see `privacy_mask.py`)."""
        self.idle_lock = IdleLock(self, lambda: self.settings.settings.lock_after_minutes, clock)
        from aspire_tui.ui.shared_folder import SharedFolderWatch

        self.shared_folder = SharedFolderWatch(self)
        """Other computers' changes, taken in as they arrive (`shared_folder.py`)."""
        self.title = self.base_title

    def use_store(self, store: AspireStore) -> None:
        """The data opened again (an encrypted Aspire unlocked): saved from its writer's
        thread as at start, the title and Home worked out from it, a form's text offered back."""
        self.store = store
        self.standing = GoalStanding(store)
        store.write_in_background(self._save_failed_elsewhere)
        self.show_review_status()
        from aspire_tui.store.drafts import has_draft

        if has_draft(store.drafts_file):
            self._back_from_lock = True
            self._offer_draft_later()

    _back_from_lock = False
    """The draft offered next was kept by the lock of encrypted data, not by a closed app."""

    def goal_states(self) -> dict[int, GoalState]:
        """Where every goal stands today (kept until the data changes)."""
        return self.standing.all(self.today())

    def goal_progress(self) -> dict[int, GoalProgress]:
        return {goal_id: state.progress for goal_id, state in self.goal_states().items()}

    def today(self) -> date:
        """A fixed day in tests and screenshots; the real one otherwise."""
        return self._today or date.today()

    async def action_go(self, mode: str) -> None:
        screen = self.screen
        if isinstance(screen, ModalScreen) and isinstance(screen, PassesNavigation):
            await screen.dismiss(None)
        if self.current_mode != mode:
            await self.switch_mode(mode)

    WARM_UP_AFTER = 0.1
    """Seconds after mounting to start warming up: the imports in a thread, the launch
    backup and working out every goal would compete with the first frame for the interpreter
    and the disk, so they wait until it has been drawn."""

    def on_mount(self) -> None:
        """Saves go to disk from the store's own thread, so the screen never waits for the
        disk. Once the first screen is on the terminal, the rest is imported in the background,
        so that opening another screen the first time does not wait for it."""
        self.store.write_in_background(self._save_failed_elsewhere)
        self.idle_lock.start()
        self.shared_folder.start()
        self.call_after_refresh(self.bring_back_paused)
        self.set_timer(self.WARM_UP_AFTER, self._warm_up)
        self.show_review_status()
        if self.tune_gc:  # the process is Aspire's own: a closed terminal must lose nothing
            from aspire_tui.ui.hang_up import HangUp

            HangUp(self._hung_up, lambda status: self.exit(return_code=status)).install()
        if self.settings.problems:
            self.report_error(safe(self.settings.report()))

    def _hung_up(self) -> None:
        """The terminal closed, or the process was asked to stop: what is being typed goes to
        disk, a review's into the review, a form's as a draft offered back at the next start
        (`HangUp` then stops the app, and makes sure it ends)."""
        from aspire_tui.ui.screens.review import ReviewScreen

        try:
            for screen in self.screen_stack:
                if isinstance(screen, ReviewScreen):
                    screen.save_draft()
        finally:
            try:
                self.keep_draft()
            finally:
                self.store.flush()

    def keep_draft(self) -> None:
        from aspire_tui.store.drafts import save_draft
        from aspire_tui.ui.dialogs.form import FormDialog
        from aspire_tui.ui.drafts import draft_of

        if self.store.read_only and not self.store.taken_over:
            return  # the folder is another Aspire's
        from aspire_tui.ui.screens.review import ReviewScreen

        forms = [s for s in self.screen_stack if isinstance(s, FormDialog)]
        in_review = any(isinstance(s, ReviewScreen) for s in self.screen_stack)
        draft = draft_of(forms[-1], datetime.now(), in_review) if forms else None
        if draft is not None:
            save_draft(self.store.drafts_file, draft, self.store.sealer)

    def _offer_draft_later(self) -> None:
        self.run_worker(self._offer_draft(), exit_on_error=False, group="draft")

    async def _offer_draft(self) -> None:
        """A form being written when Aspire last stopped opens again with its text."""
        from aspire_tui.store.drafts import discard_draft, load_draft, set_aside_draft
        from aspire_tui.ui.dialogs.form import FormDialog
        from aspire_tui.ui.drafts import reopen, when

        if self.store.read_only:
            return
        if not isinstance(self.screen, MainScreen):  # the person has opened something already
            self.set_timer(1.0, self._offer_draft_later)
            return
        folder = self.store.drafts_file
        try:
            draft = load_draft(folder, self.store.sealer)
            if draft is None:
                return
            if await reopen(self, draft):
                discard_draft(folder)  # the text is in the form again
                save, cancel = (
                    key_of(self, FormDialog.BINDINGS, f"form.{name}") for name in ("save", "cancel")
                )
                how = "locked" if self._back_from_lock else "closed"
                self.notify(
                    f"What you were writing on {when(draft, self.date_format)} was kept when "
                    f"Aspire {how}. {save} saves it; {cancel} lets it go.",
                    title="Draft restored",
                    markup=False,
                    timeout=10,
                )
                return
            kept = set_aside_draft(folder, draft)
        except StoreError as error:
            self.report_error(safe(str(error)))
            return
        said = (
            f'Aspire closed while you were writing "{draft.heading}" on '
            f"{when(draft, self.date_format)}, and "
            f"that form cannot open again. What you typed:\n{draft.text()}\n\nIt is kept "
            f"in {kept}."
        )
        self.notify(
            toast_text(self, said, draft.heading, *draft.text().splitlines()),
            title="A draft was kept",
            severity="warning",
            markup=False,
            timeout=60,
        )

    # The review (launched by `ui/review_launch.py`) ------------------------------------

    def review_status(self) -> ReviewStatus:
        return self.review.status()

    def action_review(self, again: bool = False) -> None:
        self.review.start(again)

    def data_line(self) -> str:
        """The help screen's "Your data": the file, and the computers it is shared with."""
        line = str(self.store.path)
        if self.store.shared:
            from aspire_tui.use_cases.devices import labels

            names = labels(self.store.device_names())
            others = sorted(name for device, name in names.items() if device != self.store.device)
            line += (
                f"\n  shared with {len(others)} other computer{'s' if len(others) != 1 else ''}"
                f" through this folder ({', '.join(others)}): each writes files of its own"
            )
        return line

    def bring_back_paused(self) -> None:
        """Aspirations whose pause ends today (or ended while Aspire was closed) are taken up
        again, with a notice."""
        from aspire_tui.use_cases.pauses import bring_back_paused

        try:
            back = bring_back_paused(self.store, self.today())
        except StoreError as error:
            self.report_error(str(error))
            return
        for aspiration in back:
            self.notify(
                f"Back from its pause: {one_line(aspiration.title, 60)}.",
                title="Aspirations",
                markup=False,
            )
        if back:
            self.data_came_in()

    def data_came_in(self) -> None:
        """Another computer's changes were taken in: the screen on top shows them now (one
        under a dialog reads them again when the dialog closes)."""
        self.show_review_status()
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.reload(select=screen.records.highlighted_record_id)

    def show_review_status(self) -> None:
        """The title bar says when a review is due, and that the mask is on."""
        due = False
        if not self.store.read_only:
            with contextlib.suppress(StoreError):  # the screen reports it
                due = self.review.due()
        key = self.key_for_id("review")
        title = f"{self.base_title} · review due ({key})" if due else self.base_title
        if self.masked:
            title += f" · {MASKED_MARK} ({self.key_for_id('mask')})"
        self.title = f"{title} · {UNSAVED_MARK}" if self.store.unsaved else title

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key and command runs through here: a data file that another program damaged
        or deleted meanwhile is reported, never a traceback that ends the app."""
        try:
            if await super().run_action(action, default_namespace, namespaces):
                return True
            return self._say_why_not(action, default_namespace)
        except StoreError as error:
            self.report_error(safe(str(error)))
            return True

    def _say_why_not(self, action: str | ActionParseResult, namespace: DOMNode | None) -> bool:
        """A main screen's key that cannot act now (dimmed in the footer) says why, in one
        line, rather than doing nothing."""
        if not isinstance(action, str) or not isinstance(namespace, MainScreen):
            return False
        screen: MainScreen = namespace
        if self.screen is not screen:
            return False
        name = action.partition("(")[0]
        if screen.check_action(name, ()) is not None:
            return False  # False hides a key that has a twin (archive/restore): try the twin
        why = screen.why_not(name)
        if why is None:
            return False
        self.notify(why, markup=False)
        return True

    def _save_failed_elsewhere(self, reason: str) -> None:
        self.post_message(SaveFailed(reason))  # thread-safe; never waits for the screen

    def on_save_failed(self, message: SaveFailed) -> None:
        """A change shown as made did not reach the disk: say so, and show what the store
        holds now (the file again, or the change held in memory, marked in the title). The
        toasts before it go: one of them said "saved" as the form closed."""
        self.clear_notifications()
        self._last_error = ""
        self.report_error(safe(message.reason))
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.on_screen_resume()
        self.show_review_status()
        if self.store.unsaved and self._unsaved_timer is None:
            self._unsaved_timer = self.set_interval(RETRY_EVERY, self._retry_saving)

    _unsaved_timer: Timer | None = None

    def _retry_saving(self) -> None:
        """While changes are held unsaved (a full disk), try again every few seconds; once
        they are on disk, say so and take the mark off the title."""
        if self.store.unsaved:
            self.store.retry_saving()
            return
        if self._unsaved_timer is not None:
            self._unsaved_timer.stop()
            self._unsaved_timer = None
        self.show_review_status()
        self.notify("Your changes are saved now.", markup=False)

    def _warm_up(self) -> None:
        if self.tune_gc:
            # Years of records are long-lived objects: leaving them out of garbage collection
            # spares the pauses of 100 ms and more that full collections over them cause.
            gc.collect(1)
            gc.freeze()
            gc.enable()  # `aspire` starts with it off, to draw the first frame sooner
        self.run_worker(_import_charts, thread=True, exit_on_error=False, group="warm-up")
        self.call_after_refresh(self._finish_checking)
        self.call_after_refresh(self._work_out_standing)
        from aspire_tui.store.drafts import has_draft

        if has_draft(self.store.drafts_file):  # the forms' code is imported only then
            self._offer_draft_later()
        if keymap(self):
            self.set_timer(0.5, self._check_keymap)  # once the first screens are imported

    def _check_keymap(self) -> None:
        """Report keys in the settings file that name no binding or clash, once, at start."""
        from aspire_tui.ui.keymap_check import binding_classes, keymap_problems

        try:
            classes = binding_classes()
        except ImportError:  # never expected; a check must not stop the app
            return
        problems = keymap_problems(
            keymap(self), type(self).BINDINGS, classes, self.COMMAND_PALETTE_BINDING
        )
        if problems:
            message = f"Keys in {self.settings.path}: " + "; ".join(problems) + "."
            self.report_error(safe(message))

    def key_for_id(self, binding_id: str) -> str:
        """The key of the app's own binding with this id, as shown (remapped or not)."""
        from aspire_tui.ui.navigation import navigation_bindings

        for binding in [*self.BINDINGS, *navigation_bindings()]:
            if isinstance(binding, Binding) and binding.id == binding_id:
                return self.key_for(binding)
        return ""

    def key_for(self, binding: Binding) -> str:
        """How a binding's key is shown, as the settings file's [keys] may have changed it."""
        keys = keymap(self).get(binding.id or "")
        if keys:
            first = keys.split(",")[0].strip()
            binding = binding.with_key(first)
        return self.get_key_display(binding)

    stopped_by: DataFileError | None = None
    """A damaged record found once the first frame was drawn: `aspire` says so and stops,
    as it does when opening finds one."""

    def _finish_checking(self) -> None:
        """The check-ins opening only glanced at, checked whole before anything is changed."""
        try:
            self.store.finish_checking()
        except DataFileError as error:
            self.stopped_by = error  # and no launch backup of it, which would push out one
            self.exit(return_code=2)  # of the good copies a restore may need
            return
        self.store.start_launch_backup()  # held back until the first frame was drawn
        self.run_worker(self._check_launch_backup, thread=True, group="warm-up")

    def _work_out_standing(self) -> None:
        """Home worked out only the goals it shows; the rest now, before another screen
        needs them. A store that cannot be read is the screens' to report."""
        with contextlib.suppress(StoreError):
            self.goal_states()

    def _check_launch_backup(self) -> None:
        problem = self.store.launch_backup_problem()  # written in a thread of the store's
        for said in (self.store.opening_note, problem):
            if said is not None:
                with contextlib.suppress(RuntimeError):  # the app may have closed meanwhile
                    self.call_from_thread(self.report_error, safe(said))

    def action_undo_elsewhere(self) -> None:
        """The Goals screen's ctrl+z, pressed on another screen: say where it works."""
        self.notify(
            "ctrl+z works on the Goals screen (3): it puts back a deleted or corrected goal "
            "or check-in. Other deletes ask first."
        )

    def action_leave(self) -> None:
        self.quit_when_saved()

    def quit_when_saved(self) -> None:
        """Quit once every change is on disk; if the last save failed, say so and ask."""
        try:
            self.store.flush()
        except StoreError as error:
            from aspire_tui.ui.dialogs.confirm import ConfirmDialog

            self.show_review_status()
            unsaved = self.store.unsaved
            if unsaved:  # the dialog says why: toasts would cover it
                self.clear_notifications()
                question = Content(
                    f"{unsaved} Your latest changes are not on disk: quitting now loses them. "
                    "Quit anyway?"
                )
            else:
                self.report_error(safe(str(error)))
                question = Content(
                    "Your latest changes could not be saved (the message says why). Quit anyway?"
                )

            def answered(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.exit()

            self.push_screen(ConfirmDialog("Quit Aspire?", question, "Quit", "Stay"), answered)
            return
        self.exit()

    def report_error(self, message: str) -> None:
        """Show a failure once, not a stack of the same toast for every screen that noticed."""
        now = time.monotonic()
        if message == self._last_error and now - self._last_error_at < 10:
            return
        self._last_error, self._last_error_at = message, now
        self.notify(message, title="Aspire", severity="error", markup=False, timeout=10)

    async def action_quit(self) -> None:
        """ctrl+q quits from anywhere, but asks first if a form holds unsaved writing."""
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog
        from aspire_tui.ui.dialogs.form import FormDialog

        form = self.screen
        if not (isinstance(form, FormDialog) and form.has_changes):
            self.quit_when_saved()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.quit_when_saved()

        question = Content("This form has unsaved changes. Quit and lose them?")
        self.push_screen(ConfirmDialog("Quit Aspire?", question, "Quit", "Keep editing"), answered)

    async def on_event(self, event: events.Event) -> None:
        """A key, a click, a scroll or a paste: the person is here (the idle lock waits
        again). A pointer passing over the window is not."""
        if isinstance(event, PRESENCE):
            self.idle_lock.touched()
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While locked, the app's own keys (ctrl+q, ctrl+p, which Textual gives to the app
        before any screen) do nothing: the key goes on to the lock screen, and only unlocks."""
        if self.idle_lock.locked:
            return False
        return super().check_action(action, parameters)

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters, and the privacy mask's while it is on."""
        filters = list(super().get_line_filters())
        if self.mask.on:
            filters.append(self.mask.filter)
        return filters

    @property
    def masked(self) -> bool:
        return self.mask.on

    def action_toggle_mask(self) -> None:
        self.set_mask(not self.masked)

    def set_mask(self, on: bool) -> None:
        """Turn the privacy mask on or off, and draw everything again at once. Toasts go when
        it comes on: one may be quoting a title."""
        if on == self.mask.on:
            return
        if on:
            self.clear_notifications()
        self.mask.turn(self, on)
        self.show_review_status()
        self.notify(
            "Privacy mask on: personal text is hidden." if on else "Privacy mask off.",
            markup=False,
        )

    def action_settings(self) -> None:
        self.preferences.open_dialog()

    @property
    def settings(self) -> LoadedSettings:
        """The settings in use, and the file they came from (see `store/settings_file.py`)."""
        return self.preferences.loaded

    @property
    def date_format(self) -> DateFormat:
        return self.preferences.date_format

    @property
    def settings_epoch(self) -> int:
        return self.preferences.epoch

    def watch_theme(self, theme: str) -> None:
        """A theme chosen another way (the palette's "Change theme") is kept too."""
        self.preferences.theme_changed(theme)

    def action_help(self) -> None:
        from aspire_tui.ui.help_keys import key_sections
        from aspire_tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(key_sections(self), self.data_line()))


def _import_charts() -> None:
    """The other screens and the chart library, imported while the person reads the first."""
    for mode in ("reflect", "aspirations", "goals", "home"):
        screen_class(mode)
    import aspire_tui.ui.widgets.progress_chart  # noqa: F401


if TYPE_CHECKING:

    def _serves_its_screens(app: AspireApp) -> AspireHost:
        """Where mypy checks that the app offers all that screens may ask of it."""
        return app
