"""The shape every form dialog shares: fields with their own error line, save and cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

from aspire_tui.domain.validation import ValidationError

T = TypeVar("T")
V = TypeVar("V")


class FieldError(ValidationError):
    """A message that belongs beside one field of the form."""

    def __init__(self, field_id: str, message: str) -> None:
        super().__init__(message)
        self.field_id = field_id


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Subclasses compose their fields and turn them into a record in `build()`."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, heading: str | Content) -> None:
        super().__init__()
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield from self.compose_fields()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Editing usually continues a text, so start at its end."""
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)

    def compose_fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    def build(self) -> T:
        """Read the fields into a record, or raise FieldError naming the field to fix."""
        raise NotImplementedError

    def _parse(self, field_id: str, parse: Callable[[str], V]) -> V:
        """Parse one field's text, turning a ValidationError into a message beside it."""
        widget = self.query_one(f"#{field_id}")
        text = (
            widget.text
            if isinstance(widget, TextArea)
            else self.query_one(f"#{field_id}", Input).value
        )
        try:
            return parse(text)
        except ValidationError as error:
            raise FieldError(field_id, str(error)) from None

    @staticmethod
    def field(label: str, widget: Widget, hint: str = "") -> Iterable[Widget]:
        yield Label(label, classes="field-label")
        if hint:
            yield Static(hint, classes="field-hint", markup=False)
        yield widget
        yield Static("", id=f"{widget.id}-error", classes="field-error", markup=False)

    def action_save(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        try:
            value = self.build()
        except FieldError as error:
            self.show_error(error.field_id, str(error))
            return
        self.dismiss(value)

    def show_error(self, field_id: str, message: str) -> None:
        line = self.query_one(f"#{field_id}-error", Static)
        line.update(message)
        line.display = True
        self.query_one(f"#{field_id}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _input_submitted(self) -> None:
        self.action_save()
