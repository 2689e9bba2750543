"""A keyboard list of records that keeps its place when its contents are rebuilt."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist


class RecordList(OptionList):
    """Options carry the record id as their option id; headings are disabled options."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With no record highlighted, enter is left to the screen, which says why nothing
        opens (a key listed in help acts or says why not)."""
        if action == "select" and self.highlighted_record_id is None:
            return False
        return True

    def show_records(self, rows: Iterable[tuple[str | None, Content]]) -> None:
        """Replace the rows, keeping the highlighted record highlighted if it is still there."""
        rows = list(rows)
        if self._update_in_place(rows):
            return
        current = self.highlighted_record_id
        current_index = self.highlighted
        options = [Option(prompt, id=row_id, disabled=row_id is None) for row_id, prompt in rows]
        self.set_options(options)
        ids = [o.id for o in options]
        if current is not None and current in ids:
            self.highlighted = ids.index(current)
        elif options:
            selectable = [i for i, o in enumerate(options) if not o.disabled]
            if selectable:
                near = min(current_index or 0, len(options) - 1)
                self.highlighted = next((i for i in selectable if i >= near), selectable[-1])

    def _update_in_place(self, rows: list[tuple[str | None, Content]]) -> bool:
        """The same records in the same order: redraw only the rows whose text changed (after
        a check-in, one row of hundreds), instead of rebuilding the whole list."""
        options = self.options
        if len(options) != len(rows) or any(
            option.id != row_id for option, (row_id, _) in zip(options, rows, strict=True)
        ):
            return False
        changed = []
        for index, (option, (_, prompt)) in enumerate(zip(options, rows, strict=True)):
            old = option.prompt
            if old is prompt:
                continue
            if not isinstance(old, Content) or old.plain.count("\n") != prompt.plain.count("\n"):
                return False  # a row of another height: the lines must be laid out again
            if old.plain != prompt.plain or old.spans != prompt.spans:
                changed.append((index, prompt))
        for index, prompt in changed:
            self.replace_option_prompt_at_index(index, prompt)
        return True

    def select_record(self, record_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(record_id)
        except OptionDoesNotExist:  # the record has gone; keep the current place
            pass

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """Move to the next enabled row, stopping at the ends instead of wrapping round."""
        if self.highlighted is None:
            super().action_cursor_down() if direction > 0 else super().action_cursor_up()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    @property
    def highlighted_record_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None
