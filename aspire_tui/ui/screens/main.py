"""What the three main screens share: a list of records beside the one highlighted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import wraps
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.scalar import Unit
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static

from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.ui.host import AspireHost, host_of
from aspire_tui.ui.render import safe
from aspire_tui.ui.widgets.detail_pane import DetailPane
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.nav_bar import NavBar
from aspire_tui.ui.widgets.record_list import RecordList

R = TypeVar("R")
D = TypeVar("D")
S = TypeVar("S", bound="MainScreen")


def guarded(action: Callable[[S], None]) -> Callable[[S], None]:
    """Decorate an action so that a store failure inside it is reported, not raised."""

    @wraps(action)
    def run(screen: S) -> None:
        if screen.store.read_only:
            screen.notify(read_only_message(screen.store), severity="warning", markup=False)
            return
        screen.safely(lambda: action(screen))

    return run


READ_ONLY_MESSAGE = (
    "Aspire is open read-only here, because another Aspire has this folder open: "
    "make changes there."
)


def read_only_message(store: AspireStore) -> str:
    """Why nothing can be changed here: another Aspire has the folder, or another computer's
    file arrived over this one's (`AspireStore.own_file_taken`)."""
    return store.read_only_why or READ_ONLY_MESSAGE


class MainScreen(Screen[None]):
    """Subclasses say what the rows are (`rows`) and what a row shows (`describe`)."""

    MODE = ""
    LIST_TITLE = ""
    BINDINGS = [
        Binding("enter", "open", "Open", show=False, id="list.open"),
        Binding("escape", "back", "Back", show=False, id="list.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar(self.MODE)
        with Horizontal(classes="main-body"):
            with Vertical(classes="list-pane"):
                yield Label(self.LIST_TITLE, classes="pane-title")
                self._record_list = RecordList(id="records")
                yield self._record_list
            with DetailPane(classes="detail-pane", id="detail-pane"):
                yield from self.compose_detail()
        yield KeyFooter()

    def compose_detail(self) -> ComposeResult:
        yield Static(id="detail")

    @property
    def aspire(self) -> AspireHost:
        """The app, as far as a screen may ask of it."""
        return host_of(self)

    @property
    def store(self) -> AspireStore:
        return self.aspire.store

    def today(self) -> date:
        return self.aspire.today()

    _record_list: RecordList | None = None

    @property
    def records(self) -> RecordList:
        """The list, kept from compose: the footer asks each key's action about it on every
        refresh, and a query walks the screen each time."""
        if self._record_list is None:
            return self.query_one("#records", RecordList)  # NoMatches, as before compose
        return self._record_list

    @property
    def list_made(self) -> bool:
        """The list is there (the footer asks about keys before compose)."""
        return self._record_list is not None

    def selected_id(self) -> int | None:
        record_id = self.records.highlighted_record_id
        return int(record_id) if record_id is not None and record_id.isdigit() else None

    _drawn_width = 0

    READING = "reading · ↑ ↓ j k scroll · esc back"
    """Shown on the detail pane's top line while it has the keys (enter opened it)."""

    def on_mount(self) -> None:
        self.query_one("#detail-pane", DetailPane).border_title = self.READING
        self.watch(self.records, "highlighted", self._highlight_moved, init=False)
        self.records.focus()

    _reloading = False

    def _highlight_moved(self) -> None:
        """The record's page is drawn as the highlight moves, in the same frame as the list:
        the list's `OptionHighlighted` reaches the screen only after hops through its
        containers, by which time the frame showing the list alone, and the old page, has
        been drawn (and the new page waits for the next). A reload draws it itself."""
        if not self._reloading and self.records.highlighted_record_id is not None:
            self.show_detail()

    HOLDS_RECORDS = ("_states", "_aspirations", "_due", "_drawn_rows", "_highlighted")
    """What a main screen keeps of the data between reloads."""

    def let_go(self) -> None:
        """Drop the records this screen keeps (an encrypted Aspire locked: its modes are
        removed, but Textual keeps the screen it was composed with for the app's life)."""
        for name in self.HOLDS_RECORDS:
            self.__dict__.pop(name, None)  # back to the class's empty default

    def on_screen_resume(self) -> None:
        """Other screens may have changed the data: read it again whenever this one shows,
        on the record another screen pointed to, if it did. Nothing changed, nothing to do."""
        select = self.aspire.select_on_show.pop(self.MODE, None)
        self.aspire.bring_back_paused()  # a pause may have ended since
        self.aspire.show_review_status()  # a new period may have begun, or data come in
        if select is None and self._waiting is not None:
            (select,) = self._waiting  # asked for while the screen was being laid out
        if not self.records.scrollable_content_region.width:
            estimate = self.estimated_widths()
            if estimate is None:
                self._waiting = (select,)  # not laid out yet: on_resize loads it at its width
                return
            # Not laid out yet, but the widths follow from the terminal's: load now, so the
            # first frame drawn has the content (on_resize loads again if they differ).
            self._waiting = None
            self.reload(select=select, widths=estimate)
            return
        if select is None and self._loaded == self.safely(self._loaded_key):
            self.refresh_bindings()
            return
        self.reload(select=select)

    _waiting: tuple[int | str | None] | None = None

    def _loaded_key(self) -> object:
        # A new width is on_resize's to handle; new settings (how dates show) move the epoch.
        return self.store.version, self.today(), self.aspire.settings_epoch

    def estimated_widths(self) -> tuple[int, int] | None:
        """The list's and the detail pane's text widths once laid out, worked out from the
        terminal's width and the panes' styles (a share of the width, a minimum, borders,
        padding and a scrollbar gutter); None if a style is not of that shape."""
        screen_width = self.app.size.width
        pane = self.query_one(".list-pane")
        detail = self.query_one("#detail-pane", DetailPane)
        share, least = pane.styles.width, pane.styles.min_width
        if screen_width <= 0 or share is None or share.unit is not Unit.WIDTH:
            return None  # a share of the width ("42%" in a row), the only shape worked out
        outer = int(screen_width * share.value / 100)
        if least is not None:
            if least.unit is not Unit.CELLS:
                return None
            outer = max(outer, int(least.value))
        records = self.records
        list_width = (
            outer
            - pane.styles.gutter.width
            - records.styles.gutter.width
            - records.styles.scrollbar_size_vertical
        )
        gutter = detail.styles.gutter.width + detail.styles.scrollbar_size_vertical
        detail_width = screen_width - outer - gutter
        return max(1, list_width), max(1, detail_width)

    def on_resize(self) -> None:
        if self._waiting is not None:
            (select,) = self._waiting
            self._waiting = None
            self.reload(select=select)
        elif self.row_width() != self._drawn_width:
            self.reload()

    _row_base: int | None = None

    _detail_base: int | None = None

    def row_width(self, reserve: int = 0) -> int:
        """Characters a list row can use, so rows are cut with … instead of wrapping.

        Not Textual's `text-wrap: nowrap` / `text-overflow: ellipsis`: an `OptionList` draws
        every option with the list's own styles (the `option-list--option` component class
        gives only padding and colours), so those rules would cut every line of every row,
        and a row mixes lines cut to one (a journal entry's text) with lines a person must
        read whole (goal and aspiration titles, wrapped here)."""
        base = self._row_base
        if base is None:
            base = self.records.scrollable_content_region.width or 40
        return max(10, base - 2 - reserve)

    def detail_width(self) -> int:
        """Characters a line of the detail pane holds, for bars that fit without wrapping."""
        pane = self.query_one("#detail-pane", DetailPane)
        return pane.scrollable_content_region.width or self._detail_base or 60

    _loaded: object = None

    def reload(
        self, select: int | str | None = None, widths: tuple[int, int] | None = None
    ) -> None:
        """Read the records again and redraw; `select` highlights a record by id. `widths`:
        the list's and the detail's, when the screen is not laid out yet."""
        self._waiting = None
        if widths is not None:
            self._row_base, self._detail_base = widths
        else:
            self._row_base = self.records.scrollable_content_region.width or 40
        key = self.safely(self._loaded_key)  # before reading: a change meanwhile is seen next time
        try:
            rows = self.safely(lambda: list(self.rows()))
            drawn = self.row_width()
        finally:
            self._row_base = None
        if rows is None:
            return
        self._loaded = key
        self._drawn_width = drawn
        self._reloading = True
        try:
            self.records.show_records(rows)
            if select is not None:
                self.records.select_record(str(select))
        finally:
            self._reloading = False
        self.show_detail()
        self._detail_base = None

    _shown_key: str | None = None
    _page_drawn: tuple[object, ...] | None = None
    """What the page was last drawn for: the record, the width, the data and settings."""

    def _page_key(self) -> tuple[object, ...]:
        return (self.records.highlighted_record_id, self.detail_width(), self._loaded)

    def show_detail(self) -> None:
        self._page_drawn = self._page_key()
        self._detail_drawn = self.detail_width()
        content = self.safely(lambda: self.describe(self.selected_id()))
        if content is not None:
            self.query_one("#detail", Static).update(content)
        key = self.records.highlighted_record_id
        if key != self._shown_key:  # another entry is read from its top
            self._shown_key = key
            self.query_one("#detail-pane", DetailPane).scroll_home(animate=False)
        self._refresh_keys()

    _keys_shown: tuple[object, ...] = ()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when a key's state changed: redrawing it on every move in a
        list costs more than the move itself."""
        states = tuple(
            self.check_action(b.action, ()) for b in self.BINDINGS if isinstance(b, Binding)
        )
        if states != self._keys_shown:
            self._keys_shown = states
            self.refresh_bindings()

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        raise NotImplementedError

    def describe(self, record_id: int | None) -> Content:
        raise NotImplementedError

    def safely(self, work: Callable[[], R]) -> R | None:
        """Run store work; a failure becomes a message on screen, never a traceback."""
        try:
            return work()
        except (StoreError, ValidationError) as error:
            self.report(error)
            return None

    def report(self, error: StoreError | ValidationError) -> None:
        self.aspire.report_error(safe(str(error)))

    def ask(self, dialog: Screen[D], then: Callable[[D | None], None]) -> None:
        """Show a dialog; what is done with its answer is guarded like an action."""

        def answered(result: D | None) -> None:
            self.safely(lambda: then(result))
            if self.app.screen is self:
                self.records.focus()  # the list is where the next action starts

        self.app.clear_notifications()  # old toasts would cover the dialog
        self.app.push_screen(dialog, answered)

    _detail_drawn = 0

    @on(DetailPane.Resized)
    def _detail_resized(self) -> None:
        if self.detail_width() != self._detail_drawn and self._loaded is not None:
            self.show_detail()

    @on(OptionList.OptionHighlighted, "#records")
    def _record_highlighted(self) -> None:
        """Drawn already as the highlight moved (`_highlight_moved`), unless since then."""
        if self._page_drawn != self._page_key():
            self.show_detail()

    @on(OptionList.OptionSelected, "#records")
    def _record_chosen(self) -> None:
        self.safely(self.action_open)  # a message handler: a traceback here would end the app

    def action_open(self) -> None:
        """Move into the detail pane to read (and scroll) all of it."""
        if self.selected_id() is not None:
            self.query_one("#detail-pane").focus()

    def action_back(self) -> None:
        self.records.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what cannot act now. Read-only, the keys stay live so they can say why not."""
        if action in self.NEEDS_SELECTION and self.selected_id() is None:
            return None
        return True

    NEEDS_SELECTION: frozenset[str] = frozenset()

    RECORD_NOUN = "an entry"
    """What one row is, in a sentence ("an aspiration"), for saying why a key cannot act."""
    FIRST_STEP = ""
    """How to make the first record, said when a key finds none ("n adds one")."""
    VERBS: dict[str, str] = {"edit": "edit", "delete": "delete", "open": "open"}

    def has_records(self) -> bool:
        return any((o.id or "").isdigit() for o in self.records.options)

    def first_step(self) -> str:
        """How to make the first record here, said when a key finds none."""
        return self.FIRST_STEP

    def why_not(self, action: str) -> str | None:
        """One line saying why a dimmed key cannot act here, said when it is pressed anyway:
        a key that is shown either acts or says why not."""
        if action not in self.NEEDS_SELECTION:
            return None
        verb = self.VERBS.get(action, action.replace("_", " "))
        if not self.has_records():
            first = f": {self.first_step()}" if self.first_step() else ""
            return f"Nothing to {verb} yet{first}."
        return f"Highlight {self.RECORD_NOUN} first to {verb} it."
