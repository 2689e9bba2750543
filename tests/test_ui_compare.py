"""Deciding between directions, driven by keys: `c` on Aspirations or in the catalog, the
chooser, the columns side by side, and a decision written to the journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from aspire_tui.domain.assessment import questionnaire, score
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.decisions import DECISION_TAG, months_later
from aspire_tui.domain.ladder import adopt
from aspire_tui.domain.models import Aspiration, Assessment, Driver
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker
from aspire_tui.ui.dialogs.choose_direction_form import ChooseDirectionForm
from aspire_tui.ui.dialogs.direction_chooser import DirectionChooser
from aspire_tui.ui.help_keys import key_sections
from aspire_tui.ui.screens.comparison import ComparisonScreen
from tests.conftest import TODAY, docs
from tests.ui_helpers import (
    SIZE,
    clear_field,
    footer_keys,
    make_app,
    notifications,
    palette_commands,
    screen_text,
    type_text,
)

D = date(2026, 10, 1)


def two_aspirations(store: AspireStore) -> tuple[Aspiration, Aspiration]:
    management = find_path("management")
    expert = find_path("expert")
    assert management is not None and expert is not None
    lead = store.save_aspiration(
        Aspiration(
            "Lead the platform team",
            D,
            why="People over code",
            path="management",
            ladder=adopt([lvl.name for lvl in management.levels], 0, D),
        )
    )
    deep = store.save_aspiration(
        Aspiration(
            "Become the go-to expert",
            D,
            path="expert",
            ladder=adopt([lvl.name for lvl in expert.levels], 0, D),
        )
    )
    return lead, deep


def take_assessment(store: AspireStore) -> dict[Driver, float | None]:
    statements = questionnaire().statements
    answers = {s.id: 6 if s.driver is Driver.LEADING else 2 for s in statements}
    taken = store.save_assessment(Assessment(D, answers, finished=D))
    return {d: s.score for d, s in score(taken, statements).items()}


def column_texts(screen: ComparisonScreen) -> list[str]:
    return [str(w.visual) for w in screen.query(".compare-text").results(Static)]


async def open_comparison(pilot: Pilot[None]) -> None:
    """Aspirations, `c`, and the second direction chosen beside the highlighted one."""
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DirectionChooser)
    await pilot.press("down", "space", "enter")
    await pilot.pause()


async def test_c_compares_two_aspirations_side_by_side_with_the_persons_scores(
    store: AspireStore,
) -> None:
    lead, deep = two_aspirations(store)
    scores = take_assessment(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        chooser = pilot.app.screen
        assert isinstance(chooser, DirectionChooser)
        shown = screen_text(pilot.app)
        assert "Lead the platform team" in shown and "aspiration" in shown
        assert "Own a business" in shown and "catalog path" in shown
        assert chooser.chosen() == [f"aspiration:{lead.id}"]  # the highlighted one
        await pilot.press("down", "space", "enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ComparisonScreen)
        first, second = column_texts(screen)
        assert first.startswith("Lead the platform team")
        assert second.startswith("Become the go-to expert")
        leading = scores[Driver.LEADING]
        assert leading is not None
        assert f"Leading people {leading:.1f}" in first  # its leading driver, scored
        assert f"Leading people {leading:.1f}" in second  # what the expert path strains
        assert "People over code" in first
        columns = list(screen.query(".compare-column"))
        assert columns[0].region.y == columns[1].region.y
        assert columns[0].region.right <= columns[1].region.x  # side by side
        await pilot.press("escape")  # back one step, to the choice
        await pilot.pause()
        chooser = pilot.app.screen
        assert isinstance(chooser, DirectionChooser)
        assert chooser.chosen() == [f"aspiration:{lead.id}", f"aspiration:{deep.id}"]
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen.__class__.__name__ == "AspirationsScreen"


async def test_without_an_assessment_the_comparison_says_how_to_see_the_fit(
    store: AspireStore,
) -> None:
    two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        assert isinstance(pilot.app.screen, ComparisonScreen)
        assert "take the drivers assessment to see how each fits you" in screen_text(pilot.app)


async def test_fewer_than_two_or_more_than_three_are_refused_with_a_message(
    store: AspireStore,
) -> None:
    two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "1 chosen: Lead the platform team" in screen_text(pilot.app), "said from the start"
        await pilot.press("enter")  # only the highlighted one is chosen
        await pilot.pause()
        assert isinstance(pilot.app.screen, DirectionChooser)
        assert "Choose 2 or 3 directions to compare (1 chosen)." in screen_text(pilot.app)
        await pilot.press("down", "space", "down", "space", "down", "space", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DirectionChooser)
        assert "(4 chosen)" in screen_text(pilot.app)


async def test_deciding_writes_one_decision_that_looks_back_in_three_months(
    store: AspireStore, data_dir: Path
) -> None:
    lead, _ = two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("d")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ChooseDirectionForm)
        look_back = form.query_one("#look_back", Input)
        assert look_back.value == months_later(TODAY).isoformat()
        assert isinstance(form.focused, Select)
        await pilot.press("enter", "down", "enter")  # the first direction compared
        await pilot.pause()
        assert form.query_one("#chosen", Select).value == f"aspiration:{lead.id}"
        await type_text(pilot, "I want to grow people")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen.__class__.__name__ == "AspirationsScreen"  # decided: done
        assert any("Decision kept in your journal" in n for n in notifications(pilot.app))
    entries = docs(data_dir, "reflections")
    assert len(entries) == 1
    (entry,) = entries
    assert DECISION_TAG in entry["tags"]
    assert entry["look_back"] == months_later(TODAY).isoformat() == "2027-02-27"
    assert entry["aspiration_id"] == lead.id
    assert "Lead the platform team" in entry["note"]
    assert "Become the go-to expert" in entry["note"]
    assert "I want to grow people" in entry["note"]


async def test_a_look_back_day_chosen_is_kept_and_one_not_after_today_refused(
    store: AspireStore, data_dir: Path
) -> None:
    two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("d")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ChooseDirectionForm)
        await pilot.press("enter", "down", "down", "down", "enter")  # none yet
        await pilot.pause()
        assert form.query_one("#chosen", Select).value == "none"
        await type_text(pilot, "Need to talk to my manager")
        form.query_one("#look_back", Input).focus()
        await clear_field(pilot)
        await type_text(pilot, TODAY.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChooseDirectionForm)
        error = str(form.query_one("#look_back-error", Static).visual)
        assert "after today" in error
        await clear_field(pilot)
        await type_text(pilot, "2027-01-15")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ChooseDirectionForm | ComparisonScreen)
    (entry,) = docs(data_dir, "reflections")
    assert entry["look_back"] == "2027-01-15"
    assert entry["aspiration_id"] is None
    assert "keep weighing them: none chosen yet" in entry["note"]


async def test_c_in_the_catalog_chooses_the_highlighted_path(store: AspireStore) -> None:
    two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogPicker)
        await pilot.press("down", "down")  # Own a business
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        chooser = pilot.app.screen
        assert isinstance(chooser, DirectionChooser)
        assert chooser.chosen() == ["path:business"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CatalogPicker)  # back where it started


async def test_the_compare_key_is_in_the_footer_help_and_palette(store: AspireStore) -> None:
    two_aspirations(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert footer_keys(pilot.app).get("Compare") == "c"
        sections = dict(key_sections(pilot.app))
        assert ("c", "Compare directions side by side") in sections["Aspirations screen"]
        commands = [c.text for c in await palette_commands(pilot.app, pilot.app.screen)]
        assert "Aspirations: Compare directions side by side" in commands


async def test_what_a_person_wrote_is_shown_as_written_never_as_markup(
    store: AspireStore,
) -> None:
    store.save_aspiration(Aspiration("[bold]Mine[/bold] [red", D, why="[link=x]why[/link]"))
    store.save_aspiration(Aspiration("Other $text-accent", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ComparisonScreen)
        first, second = column_texts(screen)
        assert first.startswith("[bold]Mine[/bold] [red")
        assert "[link=x]why[/link]" in first
        assert "a direction of your own" in first and "no catalog price" in first
        assert second.startswith("Other $text-accent")


async def test_read_only_a_comparison_can_be_read_but_not_decided(
    store: AspireStore, data_dir: Path
) -> None:
    two_aspirations(store)
    store.close()
    reader = AspireStore.open(data_dir, read_only=True)
    try:
        async with make_app(reader).run_test(size=SIZE) as pilot:
            await open_comparison(pilot)
            assert isinstance(pilot.app.screen, ComparisonScreen)
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ComparisonScreen)
            assert any("read-only" in n for n in notifications(pilot.app))
    finally:
        reader.close()
    assert docs(data_dir, "reflections") == []
