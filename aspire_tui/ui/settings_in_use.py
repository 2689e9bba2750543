"""The settings in use and the theme: kept for this session, written to the settings file
when it may be, tried out by the settings dialog without being kept."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.app import App

from aspire_tui.domain.dates import DateFormat
from aspire_tui.settings import Settings
from aspire_tui.store import StoreError
from aspire_tui.store.settings_file import LoadedSettings, save_settings
from aspire_tui.ui.host import host_of
from aspire_tui.ui.render import safe


class SettingsInUse:
    """What the app holds of the settings: the settings and the file they came from (see
    `store/settings_file.py`), and an epoch that moves on when they change."""

    def __init__(self, app: App[Any], loaded: LoadedSettings) -> None:
        self.app = app
        self.loaded = loaded
        self.epoch = 0
        """Moves on when the settings change, so that screens draw their dates again."""
        self._keeping = False
        self._previewing = False

    @property
    def date_format(self) -> DateFormat:
        """How screens show dates, as the settings say (files and exports keep ISO)."""
        return self.loaded.settings.date_format

    def open_dialog(self) -> None:
        """The settings dialog; the theme it shows is the app's own while it is open."""
        from textual.screen import ModalScreen
        from textual.theme import BUILTIN_THEMES

        from aspire_tui.ui.dialogs.settings_form import SettingsForm

        if isinstance(self.app.screen, ModalScreen):
            return
        form = SettingsForm(self.loaded, BUILTIN_THEMES, host_of(self.app).store.path.parent)

        def chosen(settings: Settings | None) -> None:
            if settings is not None:
                self.keep(settings)

        self.app.push_screen(form, chosen)

    def preview(self, theme: str) -> None:
        """Show `theme` (the settings dialog trying one out): not a choice to keep."""
        self._previewing = True
        try:
            self.app.theme = theme
        finally:
            self._previewing = False

    def keep(self, settings: Settings, quiet: bool = False) -> None:
        """Use `settings` from now on, and write them to the settings file if it may be."""
        app = self.app
        self._keeping = True
        try:
            app.theme = settings.theme
        finally:
            self._keeping = False
        if not self.loaded.writable:
            self.loaded = dataclasses.replace(self.loaded, settings=settings)
            self._changed()
            if not quiet:
                app.notify("Settings changed until you quit (the settings file was left alone).")
            return
        try:
            self.loaded = save_settings(self.loaded, settings)
        except StoreError as error:
            host_of(app).report_error(safe(str(error)))
            return
        finally:
            self._changed()
        if not quiet:
            app.notify(f"Settings saved to {self.loaded.path}.", markup=False)

    def theme_changed(self, theme: str) -> None:
        """A theme chosen another way (the command palette's "Change theme") is kept too; the
        settings dialog tries themes out, and saves its choice itself."""
        if self._keeping or self._previewing or not self.app.is_running:
            return
        current = self.loaded.settings
        if theme != current.theme:
            self.keep(dataclasses.replace(current, theme=theme), quiet=True)

    def _changed(self) -> None:
        """The review's due date and the way dates are shown follow the settings at once."""
        from aspire_tui.ui.screens.main import MainScreen

        self.epoch += 1
        host_of(self.app).show_review_status()
        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                screen.on_screen_resume()
