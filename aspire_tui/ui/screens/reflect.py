"""Reflect: what do I want, what drives me, what am I passionate about."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain.models import REFLECTION_DRIVERS, Reflection
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reflection_form import PROMPTS, ReflectionForm
from aspire_tui.ui.render import heading, long_date, one_line, paragraph
from aspire_tui.ui.screens.main import MainScreen, guarded

WELCOME = Content.assemble(
    ("Welcome to Aspire", "bold $text-accent"),
    "\n\n",
    "A private place to think about where your career is going, and to steer it.\n\n",
    "Everything stays on this computer, in one file that only you can read.\n\n",
    ("Begin by reflecting. ", "bold"),
    "Press ",
    ("n", "bold $text-accent"),
    " to write your first reflection: what you want out of your career, what you are "
    "passionate about, and how much achievement, balance and security matter to you now. "
    "There are no right or wrong answers.\n\n",
    "Then choose an aspiration (",
    ("2", "bold $text-accent"),
    ") and set goals that move you along it (",
    ("3", "bold $text-accent"),
    ").\n\nPress ",
    ("?", "bold $text-accent"),
    " for every key.",
)


class ReflectScreen(MainScreen):
    MODE = "reflect"
    SUB_TITLE = "Reflect"
    LIST_TITLE = "Reflections"
    BINDINGS = [
        Binding("n", "new", "New reflection", id="reflection.new"),
        Binding("e", "edit", "Edit", id="reflection.edit"),
        Binding("d", "delete", "Delete", id="reflection.delete"),
    ]
    NEEDS_SELECTION = frozenset({"edit", "delete", "open"})

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        for r in self.store.reflections():
            summary = one_line(r.want or r.passions or r.note or "Ratings only", self.row_width())
            yield str(r.id), Content.assemble((r.on.isoformat(), "bold"), "\n", (summary, "dim"))

    def describe(self, record_id: int | None) -> Content:
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is None:
            return WELCOME
        return describe_reflection(reflection)

    @guarded
    def action_new(self) -> None:
        self.ask(ReflectionForm(self.today()), self._saved)

    @guarded
    def action_edit(self) -> None:
        record_id = self.selected_id()
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is not None:
            self.ask(ReflectionForm(self.today(), reflection), self._saved)

    def _saved(self, reflection: Reflection | None) -> None:
        if reflection is not None:
            saved = self.store.save_reflection(reflection)
            self.notify(f"Reflection for {long_date(saved.on)} saved.")
            self.reload(select=saved.id)

    @guarded
    def action_delete(self) -> None:
        record_id = self.selected_id()
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is None or record_id is None:
            return
        message = Content(
            f"Delete the reflection of {long_date(reflection.on)}? This cannot be undone."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_reflection(record_id)
                self.reload()

        self.ask(ConfirmDialog("Delete reflection", message), confirmed)


def describe_reflection(r: Reflection) -> Content:
    parts: list[Content] = [heading(long_date(r.on)), Content("\n\n")]
    for name, prompt, _ in PROMPTS:
        parts.append(paragraph(prompt, getattr(r, name)))
        parts.append(Content("\n"))
    parts.append(Content.styled("How much each matters now", "bold"))
    for driver in REFLECTION_DRIVERS:
        value = r.ratings.get(driver)
        dots = ("●" * value + "○" * (5 - value)) if value else "not rated"
        parts.append(Content.assemble("\n", f"{driver.label:<30}", (dots, "$accent")))
    return Content.assemble(*parts)
