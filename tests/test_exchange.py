"""Export and import: complete, versioned, validated before anything changes, no duplicates."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection, Target
from aspire_tui.presentation.plan import career_plan
from aspire_tui.store import AspireStore, StoreError
from aspire_tui.store.exchange import (
    ImportFileError,
    check_import,
    export_json,
    import_export,
    read_export,
)
from tests.conftest import TODAY, docs
from tests.fixtures.career import populate


def exported(store: AspireStore) -> str:
    return export_json(store)


def test_export_import_export_gives_the_same_json(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    populate(source, TODAY)
    first = exported(source)
    source.close()
    target = AspireStore.open(tmp_path / "b")
    result = import_export(target, read_export(Path("x"), first.encode()))
    assert result.added == 3 + 6 + 14 + 3 + 2 + 1 and result.already_there == 0
    assert exported(target) == first
    target.close()


def test_importing_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    populate(source, TODAY)
    text = exported(source)
    result = import_export(source, read_export(Path("x"), text.encode()))
    assert result.added == 0 and result.already_there == 29
    assert exported(source) == text
    source.close()


def test_merge_keeps_what_is_there_and_links_new_records(tmp_path: Path) -> None:
    mine = AspireStore.open(tmp_path / "mine")
    kept = mine.save_aspiration(Aspiration("Already mine", date(2026, 1, 1)))
    other = AspireStore.open(tmp_path / "other")
    a = other.save_aspiration(Aspiration("From the laptop", date(2026, 2, 1)))
    g = other.save_goal(
        Goal(a.id or 0, "Win a client", Target.number(2, "clients"), date(2026, 2, 1))
    )
    other.save_checkin(CheckIn(g.id or 0, date(2026, 3, 1), 1, "Acme"))
    import_export(mine, read_export(Path("x"), exported(other).encode()))
    titles = {x.title: x for x in mine.aspirations()}
    assert set(titles) == {"Already mine", "From the laptop"} and titles["Already mine"] == kept
    [goal] = mine.goals(titles["From the laptop"].id)
    assert mine.checkins(goal.id)[0].note == "Acme"
    mine.close()
    other.close()


def test_replace_swaps_everything_in_one_write(tmp_path: Path) -> None:
    mine = AspireStore.open(tmp_path / "mine")
    mine.save_aspiration(Aspiration("Old", date(2026, 1, 1)))
    other = AspireStore.open(tmp_path / "other")
    other.save_reflection(Reflection(on=date(2026, 5, 1), want="New me"))
    import_export(mine, read_export(Path("x"), exported(other).encode()), replace=True)
    assert docs(tmp_path / "mine", "aspirations") == []
    assert [d["want"] for d in docs(tmp_path / "mine", "reflections")] == ["New me"]
    mine.close()
    other.close()


def valid_export() -> dict:  # type: ignore[type-arg]
    return {
        "format": "aspire-export",
        "schema": 2,
        "aspirations": [
            {
                "uid": "a" * 32,
                "title": "Lead",
                "created": "2026-01-01",
                "why": "",
                "path": None,
                "status": "active",
            }
        ],
        "goals": [
            {
                "uid": "b" * 32,
                "aspiration": "a" * 32,
                "title": "Hire",
                "target": {"amount": 2.0, "unit": "people", "done_only": False},
                "created": "2026-01-01",
                "deadline": None,
            }
        ],
        "checkins": [],
        "reflections": [],
    }


BROKEN = {
    "not json": b"{nope",
    "not an export": json.dumps({"_meta": {}}).encode(),
    "newer export": json.dumps({**valid_export(), "schema": 99}).encode(),
    "goal of no aspiration": json.dumps(
        {**valid_export(), "goals": [{**valid_export()["goals"][0], "aspiration": "c" * 32}]}
    ).encode(),
    "empty title": json.dumps(
        {**valid_export(), "aspirations": [{**valid_export()["aspirations"][0], "title": " "}]}
    ).encode(),
    "repeated uid": json.dumps(
        {**valid_export(), "aspirations": valid_export()["aspirations"] * 2}
    ).encode(),
    "bad date": json.dumps(
        {**valid_export(), "aspirations": [{**valid_export()["aspirations"][0], "created": "x"}]}
    ).encode(),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_changes_nothing(tmp_path: Path, content: bytes) -> None:
    store = AspireStore.open(tmp_path / "data")
    store.save_aspiration(Aspiration("Mine", date(2026, 1, 1)))
    before = (tmp_path / "data" / "aspire.json").read_bytes()
    source = Path("broken.json")
    with pytest.raises(StoreError) as raised:
        export = read_export(source, content)
        check_import(store, export, source)
        import_export(store, export)
    assert "broken.json" in str(raised.value) and "Nothing was changed" in str(raised.value)
    assert (tmp_path / "data" / "aspire.json").read_bytes() == before
    assert [a.title for a in store.aspirations()] == ["Mine"]
    store.close()


def test_a_valid_file_reads(tmp_path: Path) -> None:
    export = read_export(Path("ok.json"), json.dumps(valid_export()).encode())
    assert export.count == 2
    with pytest.raises(ImportFileError):
        read_export(Path("x"), b"[]")


unicode_text = st.text(
    st.characters(codec=None, categories=None, exclude_categories=["Cs"]), max_size=200
)


@settings(max_examples=40, deadline=None)
@given(text=st.text(st.characters(codec=None, categories=["Cs"]), min_size=1, max_size=3))
def test_broken_characters_are_refused_not_stored(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = AspireStore.open(Path(tmp) / "a")
        with pytest.raises(StoreError, match="broken character"):
            store.save_reflection(Reflection(on=date(2026, 1, 1), want=text))
        store.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(want=unicode_text, note=unicode_text, why=unicode_text)
def test_any_unicode_survives_export_and_import(want: str, note: str, why: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = AspireStore.open(Path(tmp) / "a")
        source.save_reflection(Reflection(on=date(2026, 1, 1), want=want, note=note + "x"))
        source.save_aspiration(Aspiration("A title ✓ مرحبا", date(2026, 1, 1), why=why))
        text = exported(source)
        source.close()
        target = AspireStore.open(Path(tmp) / "b")
        import_export(target, read_export(Path("x"), text.encode("utf-8")))
        [r] = target.reflections()
        assert (r.want, r.note) == (want, note + "x")
        assert target.aspirations()[0].why == why
        assert exported(target) == text
        plan = career_plan(
            target.aspirations(), target.goals(), target.checkins(), target.reflections(), TODAY
        )
        assert "\x1b" not in plan and plan.encode("utf-8")
        target.close()


def test_a_100_kb_note_round_trips(tmp_path: Path) -> None:
    note = ("Ωμέγα 🚀 e\u0301 \u202eRTL\u202c " * 4000)[:100_000]
    source = AspireStore.open(tmp_path / "a")
    source.save_reflection(Reflection(on=date(2026, 1, 1), note=note))
    text = exported(source)
    target = AspireStore.open(tmp_path / "b")
    import_export(target, read_export(Path("x"), text.encode()))
    assert target.reflections()[0].note == note
    source.close()
    target.close()


def test_the_markdown_plan_reads_like_a_plan(tmp_path: Path) -> None:
    store = AspireStore.open(tmp_path / "a")
    populate(store, TODAY)
    plan = career_plan(
        store.aspirations(), store.goals(), store.checkins(), store.reflections(), TODAY
    )
    store.close()
    assert plan.startswith("# My career plan (2026-11-27)")
    assert "## Become the go-to expert on tax software" in plan
    assert "> I love the craft" in plan
    assert "Level 2/5: Specialist. Next: The go-to person." in plan
    assert (
        "- [ ] **Pass the CPA exam sections**: 2 of 4 sections (50%), "
        "due 2027-04-26 (in 150 days), on track"
    ) in plan
    assert "- [x] **Give talks at meetups** (stretch): 3 of 3 talks (100%), achieved" in plan
    assert "  - How it moved me forward: People now ask me" in plan
    assert (
        "**Run weekly one-on-ones**: 9 of 12 weeks (75%), due 2026-12-17 (in 20 days), behind"
        in plan
    )
    assert "at 9 hours a week, aiming for 5 (60%)" in plan
    assert "ahead, finishing about 2027-01-04 at the recent rate" in plan
    assert "## Set aside for now\n\n- Run my own consultancy" in plan
    assert "What matters now: Recognition and getting ahead 4/5" in plan


def test_an_export_from_before_ladders_imports_with_them(tmp_path: Path) -> None:
    raw = (Path(__file__).parent / "fixtures" / "export-schema-2.json").read_bytes()
    store = AspireStore.open(tmp_path / "data")
    result = import_export(store, read_export(Path("old.json"), raw))
    assert result.added == 1 + 3 + 2 + 2
    management, novel, _ = store.aspirations()
    assert management.ladder.rungs[0] == "Lead a project or a few people"
    assert novel.ladder.rungs == ("First steps",) and novel.ladder.history[0].move == "adopted"
    assert {g.level for g in store.goals()} == {0}
    store.close()


def test_a_goal_on_a_level_its_ladder_lacks_is_refused_before_import(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    a = source.save_aspiration(Aspiration("Lead", date(2026, 1, 1)))
    source.save_goal(Goal(a.id or 0, "Hire", Target.done(), date(2026, 1, 1)))
    data = json.loads(export_json(source))
    source.close()
    data["goals"][0]["level"] = 4
    target = AspireStore.open(tmp_path / "b")
    export = read_export(Path("x.json"), json.dumps(data).encode())
    with pytest.raises(ImportFileError, match="on a level its ladder lacks"):
        check_import(target, export, Path("x.json"))
    assert target.aspirations() == []
    target.close()
