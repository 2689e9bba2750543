"""A list to choose several from: j and k move, as in every list of Aspire's."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import SelectionList


class PickList(SelectionList[str]):
    """space chooses or leaves out the highlighted item; j and k move like the arrows."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]
