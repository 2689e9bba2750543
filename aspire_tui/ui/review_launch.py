"""Launching the review: whether one is due, starting or resuming it (asking first when this
period's is done), and saying how it ended."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.content import Content
from textual.screen import ModalScreen

from aspire_tui.domain.models import Review
from aspire_tui.domain.review import ReviewStatus
from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import StoreError
from aspire_tui.ui.host import host_of
from aspire_tui.ui.render import safe
from aspire_tui.use_cases.review import review_standing


class ReviewLaunch:
    """The review as the app starts it; the review itself is `screens/review.py`."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app

    def status(self) -> ReviewStatus:
        aspire = host_of(self.app)
        return review_standing(aspire.store, aspire.today(), aspire.settings.settings)

    def due(self) -> bool:
        return self.status().due

    def start(self, again: bool = False) -> None:
        """Resume the review under way, or start one with today's goals and aspirations
        (asking first when this period's review is already done); a file that cannot be read
        is reported."""
        try:
            self._start(again)
        except StoreError as error:
            host_of(self.app).report_error(safe(str(error)))

    def _start(self, again: bool) -> None:
        from aspire_tui.domain.review import review_plan
        from aspire_tui.ui.screens.review import ReviewScreen

        app, aspire = self.app, host_of(self.app)
        store = aspire.store
        if isinstance(app.screen, ModalScreen):
            return
        if store.read_only:
            app.notify("Read-only: a review would change your data.", markup=False)
            return
        review = store.unfinished_review()
        if review is None and not any(a.active for a in store.aspirations()):
            key = aspire.key_for_id("go.aspirations")
            app.notify(f"Nothing to review yet: choose an aspiration first ({key}, then n).")
            return
        if review is None and not again and not self.status().due:
            self._ask_for_another()
            return
        if review is None:
            today = aspire.today()
            achieved = {gid for gid, p in aspire.goal_progress().items() if p.achieved}
            profiles = store.assessments()
            last = profiles[-1].finished if profiles else None
            from aspire_tui.domain.decisions import due_look_backs

            due = due_look_backs(store.reflections(), today)
            aspirations, goals = store.aspirations(), store.goals()
            plan = review_plan(aspirations, goals, achieved, last, today, due)
            try:
                review = store.save_review(Review(started=today, plan=plan))
            except (StoreError, ValidationError) as error:
                aspire.report_error(safe(str(error)))
                return
        app.push_screen(ReviewScreen(review), self._reviewed)

    def _ask_for_another(self) -> None:
        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        aspire = host_of(self.app)
        status = self.status()
        period = aspire.settings.settings.review_cadence.period
        if status.last is None:  # the first falls due a full period after the first adoption
            first = aspire.date_format.long(status.next_from)
            said = f"Your first review is due from {first}. Start one now?"
        else:
            said = (
                f"This {period}'s review is done; the next is due from "
                f"{aspire.date_format.long(status.next_from)}. Start another one now?"
            )
        message = Content(said)

        def answered(yes: bool | None) -> None:
            if yes:
                aspire.action_review(again=True)

        heading = "An early review" if status.last is None else "Review again"
        self.app.push_screen(ConfirmDialog(heading, message, "Start", "Not now"), answered)

    def _reviewed(self, review: Review | None) -> None:
        from aspire_tui.ui.screens.main import MainScreen

        app, aspire = self.app, host_of(self.app)
        aspire.show_review_status()
        screen = app.screen
        if isinstance(screen, MainScreen):
            screen.on_screen_resume()
        if review is None and aspire.store.unfinished_review() is None:
            app.notify("Review discarded; the changes it made stay.")
            return
        if review is None:
            key = aspire.key_for_id("review")
            app.notify(f"Review kept: {key} carries on where you left off.", markup=False)
            return
        status = self.status()
        streak = f"On-time streak: {status.streak}. " if status.streak > 1 else ""
        app.notify(
            f"{streak}The next one is due from {aspire.date_format.long(status.next_from)}.",
            title="Review saved in your journal",
            markup=False,
        )
