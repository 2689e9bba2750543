"""Drafts: a form's unsaved text kept when Aspire is stopped, and given back at the next start
by opening the same form again with the text in it (the person then saves it with ctrl+s, or
lets it go with escape, which asks first, as for anything typed).

A form opens again the way the person opened it: the same screen, the same record, the same
action, so what saving it does is what it would have done. A draft whose form cannot open
again (its record is gone, or the form is one this cannot open) is said once in a message,
with the text, and set aside in a file of its own in the data folder.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.drafts import Draft
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.host import host_of

if TYPE_CHECKING:
    from textual.app import App

REOPEN: dict[str, tuple[str, str, str]] = {
    # form: (screen, the action for a new record, the action on the highlighted record)
    "reflection": ("reflect", "new", "edit"),
    "goal": ("goals", "new", "edit"),
    "checkin": ("goals", "", "log"),
    "aspiration": ("aspirations", "", "edit"),
    "passions": ("reflect", "", "edit"),
    "look back": ("home", "look_back", ""),  # the oldest decision due, as when it was opened
}
ROWS = {"passions": "passions"}
"""Forms about a row that is not a record: the row's key in its screen's list."""
NOT_WRITING = {"SettingsForm", "GoalFinderForm", "PathForm"}
"""Forms that choose or search rather than hold writing: nothing in them to keep."""


def draft_of(form: FormDialog[object], now: datetime, in_review: bool = False) -> Draft | None:
    """What to keep of `form`: None if nothing was typed in it. A form opened from a review
    is never reopened outside it (saving there would change what the review does not
    record): it is kept as a "review …" draft, set aside with its text."""
    heading = form.heading if isinstance(form.heading, str) else form.heading.plain
    kind, record = type(form).__name__, None
    if not form.has_changes or kind in NOT_WRITING or heading.startswith("Search"):
        return None
    from aspire_tui.ui.dialogs.aspiration_form import AspirationForm
    from aspire_tui.ui.dialogs.checkin_form import CheckInForm
    from aspire_tui.ui.dialogs.goal_form import GoalForm
    from aspire_tui.ui.dialogs.look_back_form import LookBackForm
    from aspire_tui.ui.dialogs.passions_form import PassionsForm
    from aspire_tui.ui.dialogs.reflection_form import ReflectionForm

    if isinstance(form, PassionsForm):
        kind = "passions"
    elif isinstance(form, LookBackForm):
        kind = "look back"
    elif isinstance(form, ReflectionForm | GoalForm | AspirationForm):
        kind = {ReflectionForm: "reflection", GoalForm: "goal", AspirationForm: "aspiration"}[
            type(form)
        ]
        record = form.original.id
    elif isinstance(form, CheckInForm):
        kind = "checkin" if form.original.id is None else "checkin correction"
        record = form.goal.id
    if in_review:
        kind = f"review {kind}"
    return Draft(kind, heading, now, form.draft_fields(), record)


def when(draft: Draft, dates: DateFormat) -> str:
    return f"{dates.long(draft.saved.date())} at {draft.saved:%H:%M}"


async def reopen(app: App[Any], draft: Draft) -> bool:
    """Open the draft's form again with its text; False if it cannot open."""
    if draft.form not in REOPEN:
        return False
    mode, new, on_record = REOPEN[draft.form]
    row = ROWS.get(draft.form, draft.record)
    if row is None and not new:
        return False
    await host_of(app).action_go(mode)
    screen = app.screen
    action = new
    if row is not None:
        from aspire_tui.ui.screens.main import MainScreen

        if not isinstance(screen, MainScreen):
            return False
        screen.reload(select=row)
        if screen.records.highlighted_record_id != str(row):
            return False  # gone since
        action = on_record
    await screen.run_action(action)
    form = app.screen
    if not isinstance(form, FormDialog) or form is screen:
        return False  # the action said why not (a goal achieved since, say)
    form.call_after_refresh(form.restore_draft, draft.fields)
    return True
