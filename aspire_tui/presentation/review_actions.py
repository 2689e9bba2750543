"""What each change a review made is called where the review and the journal show it."""

from __future__ import annotations

from aspire_tui.domain.models import ReviewAction

ACTION_WORDS = {
    ReviewAction.LOGGED: "Logged",
    ReviewAction.ADJUSTED: "Adjusted",
    ReviewAction.ACHIEVED: "Achieved",
    ReviewAction.DROPPED: "Dropped",
    ReviewAction.KEPT: "Still mine",
    ReviewAction.REEVALUATED: "Reevaluated",
    ReviewAction.RETAKEN: "Drivers retaken",
    ReviewAction.LOOKED_BACK: "Looked back",
}
