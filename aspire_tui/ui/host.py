"""What screens, dialogs and the app's helpers may ask of the app: a narrow interface, so
that none of them imports the app (which imports them) and each says what it relies on.

`AspireApp` provides it; `host_of` gives it to any widget of the app."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.app import App

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.dom import DOMNode

    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.domain.progress import GoalProgress
    from aspire_tui.domain.review import ReviewStatus
    from aspire_tui.domain.standing import GoalState
    from aspire_tui.store import AspireStore
    from aspire_tui.store.settings_file import LoadedSettings
    from aspire_tui.ui.idle_lock import IdleLock
    from aspire_tui.ui.settings_in_use import SettingsInUse
    from aspire_tui.ui.standing_cache import GoalStanding
    from aspire_tui.ui.undo import UndoStack


class AspireHost(Protocol):
    """The app as the screens see it."""

    store: AspireStore
    undo: UndoStack
    """What ctrl+z on the Goals screen puts back."""
    standing: GoalStanding
    select_on_show: dict[str, int | str]
    """A record a screen should highlight next time it shows, by the screen's mode."""

    preferences: SettingsInUse
    """The settings in use; the settings dialog tries themes out through it."""

    @property
    def settings(self) -> LoadedSettings: ...

    @property
    def date_format(self) -> DateFormat: ...

    @property
    def settings_epoch(self) -> int:
        """Moves on when the settings change, so that screens draw their dates again."""
        ...

    def today(self) -> date: ...

    def goal_states(self) -> dict[int, GoalState]: ...

    def goal_progress(self) -> dict[int, GoalProgress]: ...

    def review_status(self) -> ReviewStatus: ...

    def show_review_status(self) -> None: ...

    def action_review(self, again: bool = False) -> None: ...

    async def action_go(self, mode: str) -> None: ...

    def key_for_id(self, binding_id: str) -> str: ...

    def key_for(self, binding: Binding) -> str: ...

    def report_error(self, message: str) -> None: ...

    idle_lock: IdleLock
    """The lock when idle (`idle_lock.py`; for encrypted data, `sealed_lock.py`)."""

    def bring_back_paused(self) -> None: ...

    def data_came_in(self) -> None:
        """Another computer's changes were taken in (`shared_folder.py`)."""

    def keep_draft(self) -> None:
        """What the top form holds, kept as a draft offered back at the next start."""
        ...

    def use_store(self, store: AspireStore) -> None:
        """The data opened again, after an encrypted Aspire's lock."""
        ...


if TYPE_CHECKING:

    class HostApp(App[Any], AspireHost):
        """For type checking only: a Textual app that is Aspire's (`AspireApp`), for helpers
        that use both (`data_actions.DataActions`)."""


def host_of(node: DOMNode) -> AspireHost:
    """The Aspire app that `node` belongs to (or is)."""
    return cast("AspireHost", node if isinstance(node, App) else node.app)
