"""The shape every form dialog shares: fields with their own error line, save and cancel."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Generic, TypeVar, cast

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea

from aspire_tui.domain.validation import ValidationError
from aspire_tui.ui.dialogs import DIALOG_CSS
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.render import key_of
from aspire_tui.ui.widgets.key_footer import KeyFooter

T = TypeVar("T")


class FieldError(ValidationError):
    """A message that belongs beside one field of the form; `focus` is the widget to put the
    cursor in, when the field has several (a checklist row, say)."""

    def __init__(self, field_id: str, message: str, focus: Widget | None = None) -> None:
        super().__init__(message)
        self.field_id = field_id
        self.focus = focus


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Subclasses compose their fields with `field(..., parse=...)` and make the record in
    `build()` from the parsed values; every field's problem is shown beside it at once."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save"),
        # Acted on by the App before it hands on the next key, so that keys typed right behind
        # a move land in the field moved to (see `action_move_focus`).
        Binding("tab", "move_focus(1)", show=False, priority=True, id="form.next"),
        Binding("shift+tab", "move_focus(-1)", show=False, priority=True, id="form.previous"),
        Binding("enter", "enter", show=False, priority=True, id="form.enter"),
    ]

    def __init__(self, heading: str | Content, save_label: str = "Save") -> None:
        super().__init__()
        self.heading = heading
        self.save_label = save_label
        self._parsers: dict[str, Callable[[str], Any]] = {}
        self._initial: tuple[object, ...] = ()
        self._choosing: Select[Any] | None = None

    def compose(self) -> ComposeResult:
        header = list(self.compose_header())
        with Vertical(classes="dialog has-header" if header else "dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield from header
            with VerticalScroll(classes="dialog-body"):
                yield from self.compose_fields()
            with Horizontal(classes="dialog-buttons"):
                save, cancel = (
                    key_of(self.app, self.BINDINGS, f"form.{n}") for n in ("save", "cancel")
                )
                yield Button(Content(f"{self.save_label} ({save})"), variant="primary", id="save")
                yield Button(Content(f"Cancel ({cancel})"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)  # editing usually continues a text
        for select in self.query(Select):
            self.watch(select, "expanded", partial(self._select_closed, select), init=False)
        self._initial = self._snapshot()

    def compose_header(self) -> Iterable[Widget]:
        """What stays in view above the fields while they scroll."""
        return ()

    def compose_fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> T:
        """Make the record from the parsed field values, or raise FieldError."""
        raise NotImplementedError

    def other_errors(self) -> list[FieldError]:
        """Problems in fields that are not one line of text (a checklist, say), found at the
        same time as the others so that every problem shows at once."""
        return []

    def field(
        self,
        label: str | Content,
        widget: Widget,
        hint: str = "",
        parse: Callable[[str], Any] | None = None,
    ) -> Iterable[Widget]:
        assert widget.id is not None
        if parse is not None:
            self._parsers[widget.id] = parse
        yield Label(label, classes="field-label", markup=False, id=f"{widget.id}-label")
        if hint:
            yield Static(hint, classes="field-hint", markup=False)
        yield widget
        yield Static("", id=f"{widget.id}-error", classes="field-error", markup=False)

    def _text(self, field_id: str) -> str:
        widget = self.query_one(f"#{field_id}")
        return widget.text if isinstance(widget, TextArea) else cast(Input, widget).value

    def _snapshot(self) -> tuple[object, ...]:
        """What the person has entered, to tell whether cancelling would lose anything."""
        values: list[object] = []
        for widget in self.query("Input, TextArea, Select, Rating, Checkbox"):
            values.append(getattr(widget, "text", None) or getattr(widget, "value", None))
        return tuple(values)

    @property
    def has_changes(self) -> bool:
        return self.is_mounted and self._snapshot() != self._initial

    DRAFT_FIELDS = "Input, TextArea, Select, Rating, Checkbox"

    def draft_fields(self) -> dict[str, str | int | float | bool | None]:
        """Every field's value by its id, to keep as a draft when Aspire is stopped."""
        values: dict[str, str | int | float | bool | None] = {}
        for widget in self.query(self.DRAFT_FIELDS):
            value = widget.text if isinstance(widget, TextArea) else getattr(widget, "value", None)
            if widget.id and (value is None or isinstance(value, str | int | float | bool)):
                values[widget.id] = value
        return values

    def restore_draft(self, values: dict[str, str | int | float | bool | None]) -> None:
        """Put a kept draft's values back in the fields that still take them."""
        for widget in self.query(self.DRAFT_FIELDS):
            if widget.id not in values or widget.disabled:
                continue
            value = values[widget.id]
            with contextlib.suppress(Exception):  # a choice no longer offered stays as it is
                if isinstance(widget, TextArea) and isinstance(value, str):
                    widget.text = value
                    widget.move_cursor(widget.document.end)
                else:
                    cast(Any, widget).value = value

    def action_save(self) -> None:
        for line in self.query(".field-error"):
            line.display = False
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for field_id, parse in self._parsers.items():
            try:
                values[field_id] = parse(self._text(field_id))
            except ValidationError as error:
                errors.append(FieldError(field_id, str(error)))
        errors += self.other_errors()
        if not errors:
            try:
                self.dismiss(self.build(values))
                return
            except FieldError as error:
                errors.append(error)
        for problem in errors:
            self.show_error(problem.field_id, str(problem))
        first = self.query_one(f"#{errors[0].field_id}")
        focusable = [w for w in (errors[0].focus, first, *first.query("*")) if w and w.focusable]
        if focusable:
            focusable[0].focus()
        line = self.query_one(f"#{errors[0].field_id}-error")
        self.call_after_refresh(line.scroll_visible)  # below the fold in a short terminal

    def show_error(self, field_id: str, message: str) -> None:
        line = self.query_one(f"#{field_id}-error", Static)
        line.update(message)
        line.display = True

    def action_cancel(self) -> None:
        if not self.has_changes:
            self.dismiss(None)
            return
        question = Content("Close this form and lose what you have typed?")

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard changes?", question, "Discard", "Keep editing"), answered
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        """A message about a field goes as soon as the field is edited."""
        widget: Widget | None = event.control
        while widget is not None and widget is not self:
            if widget.id and (lines := self.query(f"#{widget.id}-error")):
                lines.first().display = False
                return
            widget = widget.parent if isinstance(widget.parent, Widget) else None

    # Keys that move on --------------------------------------------------------------------

    def after_choice(self, select: Select[Any]) -> Widget | None:
        """Where the cursor goes once a dropdown's value is chosen by keys, so that the next
        thing typed lands in a field rather than on the dropdown: the next field by default."""
        return None

    def on_key(self, event: events.Key) -> None:
        """`enter` on an open dropdown's list chooses: remember which, to move on once it
        closes (escape closes it without a choice and stays)."""
        focused = self.focused  # an open dropdown's list is an OptionList inside the Select
        parent = focused.parent if isinstance(focused, OptionList) else None
        self._choosing = parent if event.key == "enter" and isinstance(parent, Select) else None

    def _select_closed(self, select: Select[Any], expanded: bool) -> None:
        if expanded or self._choosing is not select:
            return
        self._choosing = None
        # After the dropdown's own focus() puts the cursor back on it.
        self.app.call_later(self._move_on_from, select)

    def _move_on_from(self, select: Select[Any]) -> None:
        if self.focused is not select:
            return
        target = self.after_choice(select)
        if target is not None:
            target.focus()
        else:
            self.focus_next()

    @property
    def enter_saves(self) -> bool:
        """Whether `enter` in a one-line field saves: only where nothing can be half-filled,
        a form whose only field is one line of text (a name, a reason), as in any one-question
        prompt. Every other form moves on with `enter`."""
        fields = [
            w
            for w in self.query_one(".dialog-body").query(
                "Input, TextArea, Select, Rating, Checkbox, SelectionList, RadioSet"
            )
            if w.focusable
        ]
        return len(fields) == 1 and isinstance(fields[0], Input)

    # Keys typed ahead ----------------------------------------------------------------------
    # The App hands each key to the focused widget's queue as it arrives; a widget acts on a
    # key only when it gets to it. A tab or enter handled by the field would move the focus
    # after the keys typed behind it were already queued to that same field. Priority
    # bindings are checked by the App itself before it hands on the next key.

    def _in_dropdown(self) -> bool:
        focused = self.focused
        return isinstance(focused, OptionList) and isinstance(focused.parent, Select)

    def action_move_focus(self, step: int) -> None:
        """tab / shift+tab: the next or previous field, as the screen's own binding does; an
        open dropdown's list keeps its own handling."""
        if self.focused is None or self._in_dropdown():
            raise SkipAction()
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_enter(self) -> None:
        """`enter` in a one-line field goes to the next field (in the last, to Save): a form
        is saved with ctrl+s or its Save button, never half-filled by a stray enter. Anywhere
        else (a dropdown, a button, a text area) enter does what it does there."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        if self.enter_saves:
            self.action_save()
        else:
            self.focus_next()
