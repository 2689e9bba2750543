"""Records changed on two computers while they were apart: the later change is shown, and
here the person sees the other and takes it with one key (or keeps what is shown)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from aspire_tui.store import StoreError
from aspire_tui.store.kinds import KINDS
from aspire_tui.store.replicas import Version, split_key
from aspire_tui.store.store import Conflict
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.render import one_line, plain
from aspire_tui.ui.widgets.key_footer import KeyFooter
from aspire_tui.ui.widgets.record_list import RecordList
from aspire_tui.use_cases.devices import labels, when

_SHOWN_BY = {
    "aspirations": "title",
    "goals": "title",
    "reflections": "want",
    "assessments": "started",
    "passions": "passions",
    "reviews": "started",
}
"""The field that names a record of each kind in the list (a check-in: its day and note)."""


def _what(table: str) -> str:
    kind = next((k for k in KINDS if k.table == table), None)
    return kind.one.capitalize() if kind is not None else "Record"


def _summary(table: str, doc: dict[str, Any] | None) -> str:
    if doc is None:
        return "deleted"
    text = doc.get(_SHOWN_BY.get(table, "title"))
    if table == "checkins":
        text = f"{doc.get('on', '')} {doc.get('amount', '')} {doc.get('note') or ''}".strip()
    elif table == "reflections" and not text:
        text = doc.get("note") or ""
    text = str(text or "").splitlines()[0] if text else "(untitled)"
    return one_line(text, 60)


class ConflictsDialog(ModalScreen[None]):
    CSS_PATH = DIALOG_CSS
    DEFAULT_CSS = """
    ConflictsDialog #conflicts { height: auto; max-height: 14; border: none; }
    """

    BINDINGS = [
        Binding("t", "take", "Take the other", id="conflicts.take"),
        Binding("s", "keep", "Keep shown", id="conflicts.keep"),
        Binding("d", "let_go", "Let it go", id="conflicts.let_go"),
        Binding("escape", "close", "Close", id="conflicts.close"),
    ]

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__()
        self.names = labels(names)
        """Computer names by id, for "the desktop's"."""
        self.conflicts: list[Conflict] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Changed on two computers", classes="dialog-title")
            yield RecordList(id="conflicts")
            yield Static(
                "The later change is shown everywhere; the other is kept here. "
                "t takes the kept one instead · s keeps the one shown · d lets a record "
                "held aside go · escape goes back",
                classes="field-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refill()

    def _computer(self, version: Version) -> str:
        return self.names.get(version.d) or version.d or "before Aspire 7"

    def _who(self, version: Version) -> str:
        name = self._computer(version)
        at = when(version.t)
        return f"{name}, {at:%Y-%m-%d %H:%M}" if isinstance(at, datetime) else name

    def refill(self) -> None:
        self.conflicts = self.app.store.conflicts()  # type: ignore[attr-defined]
        options = []
        for conflict in self.conflicts:
            table, _ = split_key(conflict.key)
            what = _what(table)
            shown = conflict.shown
            if conflict.aside:
                text = Content.assemble(
                    (f"{what} ", "bold"),
                    plain(_summary(table, shown.doc)),
                    ("\n  held aside: what it belongs to was deleted on another computer", "dim"),
                )
            else:
                count = len(conflict.others)
                for number, other in enumerate(conflict.others):  # a row each: t takes it
                    lines: list[Content | str | tuple[str, str]] = [
                        (f"{what} ", "bold"),
                        "\n  shown: ",
                        plain(_summary(table, shown.doc)),
                        (f"\n         {self._who(shown)}", "dim"),
                    ]
                    uids = (shown.doc or {}).get("uid"), (other.doc or {}).get("uid")
                    if None not in uids and uids[0] != uids[1]:
                        # Two computers that each began the folder gave two entries one number.
                        lines.append(("\n  a different entry under the same number:", "dim"))
                    lines += [
                        "\n  kept:  ",
                        plain(_summary(table, other.doc)),
                        (f"\n         {self._who(other)}", "dim"),
                    ]
                    if count > 1:
                        lines.append((f"  ({number + 1} of {count} kept)", "dim"))
                    options.append(Option(Content.assemble(*lines), id=f"{conflict.key}#{number}"))
                continue
            options.append(Option(text, id=f"{conflict.key}#aside"))
        listing = self.query_one("#conflicts", RecordList)
        listing.clear_options()
        if options:
            listing.add_options(options)
            listing.highlighted = 0
        else:
            nothing = "Nothing is waiting: every computer shows the same."
            listing.add_option(Option(nothing, disabled=True))
        listing.focus()
        self.refresh_bindings()

    def _current(self) -> Conflict | None:
        return self._highlighted()[0]

    def _highlighted(self) -> tuple[Conflict | None, Version | None]:
        """The record of the highlighted row, and the kept version that row shows."""
        listing = self.query_one("#conflicts", RecordList)
        key, _, which = (listing.highlighted_record_id or "").rpartition("#")
        conflict = next((c for c in self.conflicts if c.key == key), None)
        if conflict is None or not which.isdigit() or int(which) >= len(conflict.others):
            return conflict, None
        return conflict, conflict.others[int(which)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take", "keep", "let_go"):
            conflict = self._current()
            if conflict is None:
                return False
            if action == "let_go":
                return conflict.aside
            return not conflict.aside and (action == "keep" or bool(conflict.others))
        return True

    def _decide(self, version: Version, said: str) -> None:
        conflict = self._current()
        if conflict is None:
            return
        try:
            self.app.store.decide(conflict.key, version)  # type: ignore[attr-defined]
        except StoreError as error:
            self.app.report_error(str(error))  # type: ignore[attr-defined]
            return
        self.app.notify(said, markup=False)
        self.refill()

    def action_take(self) -> None:
        conflict, other = self._highlighted()
        if conflict is not None and other is not None and not conflict.aside:
            rest = len(conflict.others) - 1
            also = f"; the {rest + 1} other versions kept go" if rest else ""
            said = f"Took the version from {self._computer(other)}, on every computer{also}."
            self._decide(other, said)

    def action_keep(self) -> None:
        conflict = self._current()
        if conflict is not None:
            self._decide(conflict.shown, "Kept the version shown, on every computer.")

    def action_let_go(self) -> None:
        """A record held aside goes for good (on every computer), after asking."""
        conflict = self._current()
        if conflict is None or not conflict.aside:
            return
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        table, _ = split_key(conflict.key)
        what = _what(table).lower()
        text = Content.assemble(
            f"The {what} held aside goes, on every computer: ",
            plain(_summary(table, conflict.shown.doc)),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._decide(Version(0, "", (), None), f"Let the {what} go.")

        self.app.push_screen(ConfirmDialog(f"Let this {what} go?", text, "Let it go"), answered)

    def action_close(self) -> None:
        self.dismiss(None)
