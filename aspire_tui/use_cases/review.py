"""Where the person stands with their reviews: asked by the title bar, Home and the review's
own start, and soon by `aspire status`, so it is worked out in one place."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.review import ReviewStatus, review_status, reviewed_since
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore


def review_standing(store: AspireStore, today: date, settings: Settings) -> ReviewStatus:
    """Due or not, since when, and the streak: from the reviews finished and the aspirations
    adopted (none being worked on: nothing is due)."""
    since, anything = reviewed_since(store.aspirations())
    finished = [r.finished for r in store.reviews() if r.finished is not None]
    return review_status(
        finished,
        today,
        settings.review_cadence,
        settings.first_weekday,
        since=since,
        anything_to_review=anything,
    )
