"""Settings: the theme (tried out live as you move through them), how often to review, how
many backups to keep, and where the data and the settings file are."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Select, Static

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.review import WEEKDAYS, Cadence
from aspire_tui.domain.validation import ValidationError
from aspire_tui.settings import MAX_KEEP_BACKUPS, Settings
from aspire_tui.store.settings_file import LoadedSettings
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.host import host_of
from aspire_tui.ui.render import literal
from aspire_tui.ui.widgets.plain_fields import PlainInput


def parse_keep(text: str) -> int:
    try:
        keep = int(text.strip())
    except ValueError:
        raise ValidationError(f"A whole number from 1 to {MAX_KEEP_BACKUPS}.") from None
    if not 1 <= keep <= MAX_KEEP_BACKUPS:
        raise ValidationError(f"A whole number from 1 to {MAX_KEEP_BACKUPS}.")
    return keep


LOCK_CHOICES = (0, 5, 10, 15, 30, 60)
"""Minutes offered for the idle lock (a settings file may name any other)."""


def minutes_text(minutes: int) -> str:
    if minutes == 0:
        return "Never"
    return "After 1 minute" if minutes == 1 else f"After {minutes} minutes"


class SettingsForm(FormDialog[Settings]):
    def __init__(self, loaded: LoadedSettings, themes: Iterable[str], data_folder: Path) -> None:
        super().__init__("Settings")
        self.loaded = loaded
        self.themes = sorted(themes)
        self.data_folder = data_folder
        self.started_with = ""

    def compose_header(self) -> Iterable[Widget]:
        if self.loaded.problems:
            why = Content.assemble(
                ("Your settings file has problems, so Aspire will not write over it: ", "bold"),
                literal("; ".join(self.loaded.problems)),
                ".",
            )
        elif not self.loaded.may_write:
            said = (
                "Your settings file is read here but left alone."
                if self.loaded.text is not None
                else "These settings were not read from your settings file."
            )
            why = Content.styled(said, "bold")
        else:
            return
        yield Static(
            Content.assemble(why, " What you choose here lasts until you quit."),
            classes="smart-check",
        )

    def compose_fields(self) -> Iterable[Widget]:
        settings = self.loaded.settings
        self.started_with = self.app.theme  # what is in use, which a failed save may have left
        theme = self.started_with if self.started_with in self.themes else settings.theme
        review_key = getattr(self.app, "key_for_id", lambda _: "r")("review") or "r"
        choices = (
            ("Theme", "theme", [(name, name) for name in self.themes], theme,
             "It changes as soon as you choose one; save to keep it."),
            ("Review", "cadence", [(c.value.capitalize(), c.value) for c in Cadence],
             settings.review_cadence.value,
             f"How often a review falls due ({review_key} starts one, any time)."),
            ("First day of the week", "first-day", [(d.capitalize(), d) for d in WEEKDAYS],
             settings.first_day_of_week, "Where a week of reviews begins."),
            ("Dates", "date-format", [(f.example, f.value) for f in DateFormat],
             settings.date_format.value,
             "How the screens show them; you always type them as 2026-11-27."),
        )  # fmt: skip
        mask_key = getattr(self.app, "key_for_id", lambda _: "*")("mask") or "*"
        lock_minutes = sorted({*LOCK_CHOICES, settings.lock_after_minutes})
        privacy = (
            ("Privacy mask", "start-masked", [("Off at start", "off"), ("On at start", "on")],
             "on" if settings.start_masked else "off",
             f"Personal text drawn as bars, for a shared screen ({mask_key} turns it on and off)."),
            ("Lock when idle", "lock-after", [(minutes_text(m), str(m)) for m in lock_minutes],
             str(settings.lock_after_minutes),
             "Hide everything behind a lock screen after this long without a key or a click."),
        )  # fmt: skip
        for label, field_id, options, value, hint in choices:
            yield from self._choice(label, field_id, options, value, hint)
        keep = PlainInput(str(settings.keep_backups), id="keep")
        yield from self.field(
            "Backups to keep",
            keep,
            "Dated copies of your data taken at each start (and, apart from them, as many "
            "taken before a restore or an import). Older ones go at the next start.",
            parse=parse_keep,
        )
        for label, field_id, options, value, hint in privacy:
            yield from self._choice(label, field_id, options, value, hint)
        yield from self._choice(
            "On this day",
            "on-this-day",
            [("Shown on Home", "on"), ("Off", "off")],
            "on" if settings.on_this_day else "off",
            "What you wrote one, two or five years ago today, in a line on Home.",
        )
        remapped = ", ".join(f"{name} = {keys}" for name, keys in sorted(settings.keys.items()))
        yield Static(
            Content.assemble(
                ("\nData folder  ", "bold"),
                literal(str(self.data_folder)),
                ("\nTo use another: aspire --data-dir PATH, or set ASPIRE_DATA_DIR.", "dim"),
                ("\n\nSettings file  ", "bold"),
                literal(str(self.loaded.path)),
                ("\nKeys are changed in its [keys] table (the README shows how)", "dim"),
                ("; now: ", "dim") if remapped else "",
                literal(remapped, "dim") if remapped else "",
            ),
            classes="reason-message",
        )

    def _choice(
        self, label: str, field_id: str, options: list[tuple[str, str]], value: str, hint: str
    ) -> Iterable[Widget]:
        select = Select(options, value=value, allow_blank=False, id=field_id, compact=True)
        yield from self.field(label, select, hint)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#theme", Select).focus()

    @on(Select.Changed, "#theme")
    def _preview(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._try(event.value)

    def _try(self, theme: str) -> None:
        host_of(self).preferences.preview(theme)

    def build(self, values: dict[str, Any]) -> Settings:
        theme = self.query_one("#theme", Select).value
        return Settings(
            theme=str(theme),
            keep_backups=int(values["keep"]),
            keys=dict(self.loaded.settings.keys),
            review_cadence=Cadence(str(self.query_one("#cadence", Select).value)),
            first_day_of_week=str(self.query_one("#first-day", Select).value),
            date_format=DateFormat(str(self.query_one("#date-format", Select).value)),
            start_masked=self.query_one("#start-masked", Select).value == "on",
            lock_after_minutes=int(str(self.query_one("#lock-after", Select).value)),
            on_this_day=self.query_one("#on-this-day", Select).value == "on",
        )

    def dismiss(self, result: Settings | None = None) -> Any:
        if result is None:
            self._try(self.started_with)  # cancelled: back to the theme in use
        return super().dismiss(result)
