"""On this day: Home brings back what the person wrote one, two or five years ago today, in
one line that enter opens in the journal; a setting turns it off."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from aspire_tui.domain.models import Reflection, Review
from aspire_tui.domain.on_this_day import on_this_day, years_before
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore
from aspire_tui.store.settings_file import LoadedSettings, settings_path
from aspire_tui.ui.screens.reflect import ReflectScreen
from tests.conftest import TODAY
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app, screen_text

A_YEAR_AGO = years_before(TODAY, 1)


def test_the_nearest_year_with_something_written_comes_first() -> None:
    entries = [
        Reflection(years_before(TODAY, 5), note="Five years back", id=1),
        Reflection(years_before(TODAY, 2), note="Two years back", id=2),
        Reflection(A_YEAR_AGO + timedelta(days=1), note="Not today's date", id=3),
    ]
    found = on_this_day(entries, [], TODAY)
    assert found is not None and (found.years, found.text) == (2, "Two years back")
    assert found.said == "Two years ago you wrote"
    assert on_this_day(entries[2:], [], TODAY) is None


def test_a_review_s_one_next_thing_is_remembered_too() -> None:
    review = Review(
        A_YEAR_AGO, plan=("closing",), next_step="Ask for the team lead role", finished=A_YEAR_AGO
    )
    found = on_this_day([], [dataclasses.replace(review, id=4)], TODAY)
    assert found is not None and found.text == "Next: Ask for the team lead role"


def test_the_29th_of_february_is_remembered_on_the_28th() -> None:
    assert years_before(date(2029, 2, 28), 1) == date(2028, 2, 28)
    assert years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)
    leap = Reflection(date(2028, 2, 29), note="A leap day", id=1)
    found = on_this_day([leap], [], date(2029, 2, 28))
    assert found is not None and found.text == "A leap day"


async def test_home_shows_it_in_a_line_and_enter_opens_it_in_the_journal(
    store: AspireStore,
) -> None:
    old = store.save_reflection(
        Reflection(A_YEAR_AGO, note="I want to lead people, not projects.\nSecond line.")
    )
    for day in range(150):  # entries since: the old one is past the first page of the journal
        store.save_reflection(Reflection(TODAY - timedelta(days=day), note=f"Entry {day}"))
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = next(r for r in list_rows(pilot.app) if r.startswith("A year ago you wrote"))
        assert "I want to lead people" in row and "Second line" not in row  # one line
        index = list_rows(pilot.app).index(row)
        pilot.app.screen.query_one("#records").highlighted = index
        await pilot.pause()
        assert "Second line." in detail_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReflectScreen)
        assert pilot.app.screen.records.highlighted_record_id == str(old.id)
        assert "I want to lead people" in detail_text(pilot.app)


async def test_the_setting_turns_it_off(store: AspireStore) -> None:
    store.save_reflection(Reflection(A_YEAR_AGO, note="A thought from last year"))
    from aspire_tui.ui.app import AspireApp

    loaded = LoadedSettings(Settings(on_this_day=False), settings_path())
    app = AspireApp(store, today=TODAY, start="home", settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "A year ago" not in screen_text(pilot.app)


def test_the_settings_file_says_on_or_off() -> None:
    from aspire_tui.settings import parse_settings

    off, problems = parse_settings({"on_this_day": False}, {"textual-dark"})
    assert off.on_this_day is False and problems == []
    kept, problems = parse_settings({"on_this_day": "no"}, {"textual-dark"})
    assert kept.on_this_day is True and problems == ["on_this_day must be true or false"]
