"""What the help screen (`?`) lists: the app's and each screen's keys, read from their
bindings so that the list never drifts from the keys, and the keys of Textual's own widgets
(lists, fields), described in words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding

from aspire_tui.ui.host import host_of
from aspire_tui.ui.modes import screen_class
from aspire_tui.ui.navigation import MAIN_SCREENS
from aspire_tui.ui.render import key_of
from aspire_tui.ui.screens.help import Row


def key_sections(app: App[Any]) -> list[tuple[str, list[Row]]]:
    """Every section of the help screen, keys shown as the settings file's [keys] set them."""
    aspire = host_of(app)

    def rows(bindings: Iterable[Binding | tuple[str, ...]]) -> list[Row]:
        return [
            (aspire.key_for(b), b.tooltip or b.description)
            for b in bindings
            if isinstance(b, Binding) and b.description
        ]

    everywhere = rows(app.BINDINGS) + [
        ("ctrl+p", "Command palette: every action by name"),
        ("ctrl+q", "Quit, even from inside a text field"),
    ]
    lists = [
        ("↑ ↓  or  j k", "Move in a list"),
        ("enter", "Open: read the whole entry on the right (↑ ↓ j k scroll)"),
        ("escape", "Back to the list; on Reflect and Goals, also clears a search"),
    ]
    sections = [("Everywhere", everywhere), ("Lists", lists)]
    for screen in (screen_class(entry.mode) for entry in MAIN_SCREENS):
        sections.append((f"{screen.SUB_TITLE} screen", rows(screen.BINDINGS)))
    dialogs = [
        ("tab / shift+tab", "Next / previous field"),
        ("enter", "Next field; in a form of one line, or Find goals: save"),
        ("enter / space", "Open a list field; enter chooses and moves on"),
        ("ctrl+s", "Save the form (or its Save button)"),
        ("escape", "Cancel and close (asks first if you typed something)"),
        ("1-5, ← →, 0", "Set a rating, or clear it"),
        ("y / n", "Answer a confirmation"),
        ("space", "Keep or leave out a goal in a starter-goal checklist"),
        ("e / d", "In a goal's check-ins (c): correct or delete the highlighted one"),
    ]
    sections.append(("Dialogs and forms", dialogs))
    assessment = [
        ("1-6", "Answer, and go on to the next unanswered statement"),
        ("← / backspace / k", "Back to the statement before, to change its answer"),
        ("→ / j", "Skip to the next unanswered statement"),
        ("space", "At the end: pick one of the three most true statements"),
        ("ctrl+s", "At the end: finish"),
        ("escape", "Leave; every answer is kept, and t carries on"),
    ]
    sections.append(("The drivers self-assessment (t on Reflect)", assessment))
    from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
    from aspire_tui.ui.dialogs.direction_chooser import DirectionChooser, DirectionList
    from aspire_tui.ui.screens.aspirations import AspirationsScreen
    from aspire_tui.ui.screens.comparison import ComparisonScreen

    compare_key = key_of(app, AspirationsScreen.BINDINGS, "aspiration.compare")
    comparing = [
        (
            key_of(app, CatalogPicker.BINDINGS, "catalog.compare"),
            "In the catalog: compare the highlighted path with other directions",
        ),
        *rows(
            b for b in DirectionList.BINDINGS if isinstance(b, Binding) and b.id == "compare.toggle"
        ),
        *rows(
            b
            for b in DirectionChooser.BINDINGS
            if isinstance(b, Binding) and b.id != "compare.cancel"
        ),
        *rows(ComparisonScreen.BINDINGS),
        ("↑ ↓  or  j k", "Comparing: scroll the column that has the focus"),
    ]
    sections.append((f"Comparing directions ({compare_key} on Aspirations)", comparing))
    from aspire_tui.ui.screens.review import ReviewScreen

    review = rows(ReviewScreen.BINDINGS) + [
        ("enter", "In a note: back to the keys; in a closing answer: the next one"),
    ]
    sections.append((f"The review ({aspire.key_for_id('review')})", review))
    return sections
