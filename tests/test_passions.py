"""Passions and values: four lists and the values, with what overlaps brought forward."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import SelectionList, TextArea

from aspire_tui.domain.models import Aspiration, Passions
from aspire_tui.domain.passions import overlaps, parse_items
from aspire_tui.domain.validation import ValidationError
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import check_import, export_json, import_export, read_export
from aspire_tui.ui.dialogs.passions_form import PassionsForm
from tests.conftest import docs
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app

D = date(2026, 1, 1)


def test_items_are_one_per_line_without_blanks_or_repeats() -> None:
    assert parse_items("Teaching\n\n  tax law \nteaching\n", "x") == ("Teaching", "tax law")
    with pytest.raises(ValidationError, match="at most 50"):
        parse_items("\n".join(f"item {n}" for n in range(51)), "x")


def test_overlaps_come_forward_most_lists_first_whatever_the_case() -> None:
    passions = Passions(
        love=("Teaching", "Tax law"),
        good_at=("tax law", "Teaching", "Spreadsheets"),
        needed=("Teaching",),
        paid_for=("Spreadsheets",),
        values=("Teaching",),  # values are not one of the four lists
    )
    found = [(o.item, o.lists) for o in overlaps(passions)]
    assert found == [
        ("Teaching", ("love", "good_at", "needed")),
        ("Tax law", ("love", "good_at")),
        ("Spreadsheets", ("good_at", "paid_for")),
    ]
    assert overlaps(Passions(love=("a",), good_at=("b",))) == []


def test_the_store_keeps_one_set_and_refuses_padded_items(store: AspireStore) -> None:
    first = store.save_passions(Passions(love=("Teaching",)))
    second = store.save_passions(Passions(love=("Writing",)))
    assert second.id == first.id and store.passions() == second
    with pytest.raises(StoreError):
        store.save_passions(Passions(love=(" padded ",)))


def test_passions_travel_in_exports_and_a_merge_keeps_yours(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    source.save_passions(Passions(love=("Teaching",), values=("Honesty",)))
    text = export_json(source)
    source.close()
    target = AspireStore.open(tmp_path / "b")
    assert import_export(target, read_export(Path("x"), text.encode())).added == 1
    assert export_json(target) == text
    target.close()
    mine = AspireStore.open(tmp_path / "c")
    mine.save_passions(Passions(love=("Mine",)))
    export = read_export(Path("x"), text.encode())
    assert check_import(mine, export, Path("x")) == 0, "counted as the import will act"
    assert import_export(mine, export).added == 0
    passions = mine.passions()
    assert passions is not None and passions.love == ("Mine",)
    mine.close()


async def test_write_the_lists_and_see_the_heart_of_it(store: AspireStore, data_dir: Path) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert list_rows(pilot.app)[2] == "Passions and values\nnot written yet: press e"
        await pilot.press("down", "e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, PassionsForm)
        texts = {
            "love": "Teaching\n[b]Tax law[/b]",
            "good_at": "[b]Tax law[/b]\nSpreadsheets",
            "needed": "Teaching",
            "paid_for": "Spreadsheets",
            "values": "Evenings free",
        }
        for name, text in texts.items():
            form.query_one(f"#{name}", TextArea).text = text
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "The heart of it" in shown
        assert "★ [b]Tax law[/b]  (love, good at)" in shown, "user text stays literal"
        assert "Evenings free" in shown
        assert list_rows(pilot.app)[2].startswith("Passions and values\nheart: ")
    [doc] = docs(data_dir, "passions")
    assert doc["love"] == ["Teaching", "[b]Tax law[/b]"] and doc["values"] == ["Evenings free"]
    assert doc["updated"] == "2026-11-27"


async def test_link_passions_to_an_aspiration_or_hear_that_it_touches_none(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_passions(Passions(love=("Teaching", "[b]Tax[/b]"), good_at=("Teaching",)))
    store.save_aspiration(Aspiration("Lead a team", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "It touches none of your passions yet" in detail_text(pilot.app)
        await pilot.press("e")
        await pilot.pause()
        links = pilot.app.screen.query_one("#passions", SelectionList)
        assert [str(o.prompt) for o in links.options] == ["Teaching", "[b]Tax[/b]"]
        links.focus()
        await pilot.press("down", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "♥ [b]Tax[/b]" in shown and "touches none" not in shown
    assert docs(data_dir, "aspirations")[0]["passions"] == ["[b]Tax[/b]"]
