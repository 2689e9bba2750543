"""The journal: prompts, tags, links to aspirations, and finding entries again."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Label, Select

from aspire_tui.domain.journal import PROMPTS, parse_tags, prompt_of_the_day, search
from aspire_tui.domain.models import Aspiration, Reflection
from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import AspireStore
from aspire_tui.store.exchange import export_json, import_export, read_export
from aspire_tui.ui.dialogs.reason_form import ReasonForm
from tests.conftest import TODAY, docs
from tests.ui_helpers import SIZE, detail_text, journal_rows, list_rows, make_app, type_text

D = date(2026, 1, 1)


def test_the_prompt_of_the_day_holds_all_day_and_moves_on() -> None:
    assert len(PROMPTS) >= 12 and "What would I do if money were no object?" in PROMPTS
    days = [prompt_of_the_day(D + timedelta(days=n)) for n in range(len(PROMPTS))]
    assert sorted(days) == sorted(PROMPTS), "every prompt comes round"
    assert prompt_of_the_day(D) == prompt_of_the_day(D)


def test_tags_are_comma_separated_without_hashes_or_repeats() -> None:
    assert parse_tags("#burnout, promotion ,, Burnout") == ("burnout", "promotion")
    with pytest.raises(ValidationError, match="At most 10"):
        parse_tags(",".join(f"t{n}" for n in range(11)))


def test_search_finds_words_anywhere_and_hash_words_in_tags() -> None:
    a = Reflection(D, note="Drained by meetings", tags=("burnout",), aspiration_id=1)
    b = Reflection(D, want="Teach more", prompt="What gave me energy this month?")
    c = Reflection(D, note="about burnout, untagged")
    titles = {1: "Lead a team"}
    assert search([a, b, c], "burnout", titles) == [a, c]
    assert search([a, b, c], "#burnout", titles) == [a]
    assert search([a, b, c], "lead meetings", titles) == [a], "the linked title counts"
    assert search([a, b, c], "ENERGY", titles) == [b], "the prompt counts, in any case"
    assert search([a, b, c], "", titles) == [a, b, c]
    assert search([a, b, c], "-#burnout", titles) == [b, c], "a tag left out"


def test_deleting_an_aspiration_keeps_its_journal_entries_unlinked(
    store: AspireStore, data_dir: Path
) -> None:
    lead = store.save_aspiration(Aspiration("Lead", D))
    store.save_reflection(Reflection(D, note="About leading", aspiration_id=lead.id))
    assert lead.id is not None
    store.delete_aspiration(lead.id)
    [entry] = docs(data_dir, "reflections")
    assert entry["note"] == "About leading" and entry["aspiration_id"] is None


def test_links_travel_in_exports(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    lead = source.save_aspiration(Aspiration("Lead", D))
    source.save_reflection(Reflection(D, note="About leading", tags=("x",), aspiration_id=lead.id))
    text = export_json(source)
    source.close()
    target = AspireStore.open(tmp_path / "b")
    target.save_aspiration(Aspiration("Already here", D))
    import_export(target, read_export(Path("x"), text.encode()))
    [entry] = target.reflections()
    linked = target.aspiration(entry.aspiration_id or 0)
    assert linked is not None and linked.title == "Lead", "re-linked to the new id"
    target.close()


async def test_search_the_journal_with_slash_and_clear_it_with_escape(
    store: AspireStore,
) -> None:
    store.save_reflection(Reflection(D, note="Drained by meetings", tags=("burnout",)))
    store.save_reflection(Reflection(D + timedelta(1), note="Loved the workshop"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReasonForm)
        await type_text(pilot, "#burnout")
        await pilot.press("enter")
        await pilot.pause()
        assert [r.split("\n")[0] for r in journal_rows(pilot.app)] == ["2026-01-01 #burnout"]
        assert "Journal: 1 matching “#burnout”" in list_rows(pilot.app)
        title = pilot.app.screen.query_one(".pane-title", Label)
        assert str(title.visual) == "Searching · esc shows all"
        assert "Drained by meetings" in detail_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Journal" in list_rows(pilot.app) and len(journal_rows(pilot.app)) == 2
        assert str(title.visual) == "Reflect"


async def test_the_chosen_prompt_stands_above_the_writing(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        label = pilot.app.screen.query_one("#note-label", Label)
        assert str(label.visual) == prompt_of_the_day(TODAY)
        select = pilot.app.screen.query_one("#prompt", Select)
        select.value = "What would I do if money were no object?"
        await pilot.pause()
        assert str(label.visual) == "What would I do if money were no object?"
        await type_text(pilot, "Teach")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "What would I do if money were no object?\nTeach" in detail_text(pilot.app)
    [entry] = docs(data_dir, "reflections")
    assert entry["prompt"] == "What would I do if money were no object?"


async def test_a_prompt_with_markup_is_shown_literally_when_editing(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_reflection(Reflection(D, note="Hm", prompt="Why [/] now? [red]x[/red]"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert pilot.app.is_running
        select = pilot.app.screen.query_one("#prompt", Select)
        assert select.value == "Why [/] now? [red]x[/red]"
        assert "Why [/] now? [red]x[/red]" in str(select.query_one("SelectCurrent Static").visual)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert docs(data_dir, "reflections")[0]["prompt"] == "Why [/] now? [red]x[/red]"


async def test_a_long_journal_shows_its_newest_entries_and_more_on_enter(
    store: AspireStore,
) -> None:
    for n in range(105):
        store.save_reflection(Reflection(D + timedelta(n), note=f"Entry {n}"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = journal_rows(pilot.app)
        assert len(rows) == 101, "100 entries and a row for the rest"
        assert rows[0].endswith("Entry 104") and "5 older: enter shows 5 more" in rows[-1]
        await pilot.press("end", "enter")
        await pilot.pause()
        rows = journal_rows(pilot.app)
        assert len(rows) == 105 and rows[-1].endswith("Entry 0")
