"""The drivers self-assessment as pure functions, with hand-computed cases."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from aspire_tui.domain.assessment import (
    QuestionnaireError,
    Statement,
    changes,
    next_unanswered,
    parse_questionnaire,
    questionnaire,
    ranked,
    ranked_places,
    recommend,
    score,
)
from aspire_tui.domain.catalog import catalog, find_path
from aspire_tui.domain.models import Aspiration, Assessment, Driver, Reflection
from aspire_tui.store import SCHEMA_VERSION, AspireStore, StoreError
from aspire_tui.store.exchange import export_json, import_export, read_export
from tests.conftest import docs, read_data

D = date(2026, 1, 1)
A, B = Driver.AUTONOMY, Driver.BUILDING
STATEMENTS = [
    Statement("a1", A, "x"),
    Statement("a2", A, "x"),
    Statement("b1", B, "x"),
    Statement("b2", B, "x"),
]
SCORED = [
    Statement(f"{d}{n}", driver, "x") for d, driver in (("a", A), ("b", B)) for n in (1, 2, 3, 4)
]
"""Enough statements per driver to be scored (`MIN_ANSWERS`)."""


def test_the_next_statement_is_the_next_unanswered_one() -> None:
    answered = {"a1": 3, "b1": 4}
    assert next_unanswered(STATEMENTS, answered) == 1, "resuming starts at the first gap"
    assert next_unanswered(STATEMENTS, answered, after=1) == 3, "answered b1 is passed over"
    assert next_unanswered(STATEMENTS, answered, after=3) == 4, "none left: the last step"
    assert next_unanswered(STATEMENTS, {s.id: 1 for s in STATEMENTS}) == 4


def test_the_packaged_statements_cover_every_driver_in_own_words() -> None:
    q = questionnaire()
    assert len(q.statements) == 5 * len(Driver)
    assert len(q.scale) == 6 and q.scale[0] == "Never true for me"
    assert q.scale[-1] == "Always true for me"
    for driver in Driver:
        assert sum(1 for s in q.statements if s.driver is driver) == 5
        assert q.descriptions[driver]
    drivers = [s.driver for s in q.statements[: len(Driver)]]
    assert set(drivers) == set(Driver), "the first statements touch every driver once"


def _raw(**changes: object) -> str:
    good = json.loads(
        resources.files("aspire_tui.domain").joinpath("assessment.json").read_text("utf-8")
    )
    return json.dumps({**good, **changes})


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{", "not valid JSON"),
        (_raw(scale=["a"]), "6 labels"),
        (_raw(statements=[{"id": "x", "driver": "fame", "text": "t"}]), "malformed"),
        (_raw(drivers={"autonomy": "x"}), "every driver"),
    ],
)
def test_a_broken_statements_file_fails_with_a_clear_message(raw: str, message: str) -> None:
    with pytest.raises(QuestionnaireError, match=message):
        parse_questionnaire(raw)


def test_scores_are_averages_on_the_scale_and_picks_are_counted_apart() -> None:
    taken = Assessment(
        D, {"a1": 6, "a2": 5, "a3": 6, "a4": 5, "b1": 4, "b2": 2, "b3": 3}, picks=("a1",)
    )
    scores = score(taken, SCORED)
    assert scores[A].total == 22 and scores[A].score == pytest.approx(5.5)
    assert scores[A].picks == 1, "a pick is kept as a pick, never as points"
    assert scores[B].score == pytest.approx(3.0) and scores[B].picks == 0
    assert scores[Driver.SECURITY].score is None, "no statements answered"


def test_missing_answers_count_neither_way_and_too_few_score_nothing() -> None:
    taken = Assessment(D, {"a1": 5, "a2": 5, "b1": 5, "b2": 3, "b3": 4})
    scores = score(taken, SCORED)
    assert scores[A].score is None and scores[A].answered == 2, "two answers say too little"
    assert scores[B].score == 4.0 and scores[B].answered == 3


def test_a_pick_of_an_unanswered_statement_earns_nothing() -> None:
    scores = score(Assessment(D, {"a1": 4}, picks=("b1",)), STATEMENTS)
    assert scores[B].total == 0 and scores[B].score is None and scores[B].picks == 0


def test_picks_separate_a_tie_and_equal_drivers_share_a_place() -> None:
    flat = Assessment(D, {s.id: 5 for s in SCORED})
    level = ranked(score(flat, SCORED))
    assert [s.driver for s in level][:2] == [A, B] and ranked_places(level)[:2] == [1, 1]
    picked = Assessment(D, flat.answers, picks=("b2",))
    top = ranked(score(picked, SCORED))
    assert top[0].driver is B and top[0].score == pytest.approx(5.0), "it stays on the scale"
    assert ranked_places(top)[:2] == [1, 2]


def test_an_all_equal_profile_ranks_in_the_usual_order_with_unscored_last() -> None:
    q = questionnaire()
    equal = Assessment(D, {s.id: 4 for s in q.statements if s.driver is not Driver.SERVICE})
    order = [s.driver for s in ranked(score(equal, q.statements))]
    assert order == [d for d in Driver if d is not Driver.SERVICE] + [Driver.SERVICE]


def test_changes_since_last_time() -> None:
    before = score(Assessment(D, {"a1": 3, "a2": 3, "a3": 3, "b1": 5, "b2": 5, "b3": 5}), SCORED)
    after = score(Assessment(D, {"a1": 5, "a2": 5, "a3": 5}), SCORED)
    moved = changes(after, before)
    assert moved[A] == pytest.approx(2.0) and moved[B] is None


def _profile(values: dict[Driver, int], rest: int = 3) -> Assessment:
    q = questionnaire()
    return Assessment(D, {s.id: values.get(s.driver, rest) for s in q.statements})


def test_a_builder_who_needs_no_security_is_pointed_at_owning_a_business() -> None:
    taken = _profile({Driver.AUTONOMY: 6, Driver.BUILDING: 6, Driver.SECURITY: 1}, rest=1)
    best = recommend(score(taken, questionnaire().statements), catalog())[0]
    assert best.path.key == "business" and best.fits
    assert best.explanation().startswith("serves building something of your own (6.0)")


def test_security_that_matters_pushes_business_down_and_says_so() -> None:
    scores = score(
        _profile({Driver.AUTONOMY: 6, Driver.BUILDING: 6, Driver.SECURITY: 6}),
        questionnaire().statements,
    )
    recommendations = recommend(scores, catalog())
    business = next(r for r in recommendations if r.path.key == "business")
    assert business.explanation() == (
        "serves building something of your own (6.0) and freedom to work your own way (6.0),"
        " which you want; costs a steady, secure income (6.0), which matters to you"
    )
    assert business.fit == pytest.approx(6.0 - 0.5 * (2.5 + 0.0) / 2)


def test_recommendations_follow_a_crafted_profile() -> None:
    leader = _profile({Driver.LEADING: 6, Driver.ACHIEVEMENT: 5})
    order = [r.path.key for r in recommend(score(leader, questionnaire().statements), catalog())]
    assert order[0] == "management"
    carer = _profile({Driver.SERVICE: 6, Driver.ACHIEVEMENT: 4})
    order = [r.path.key for r in recommend(score(carer, questionnaire().statements), catalog())]
    assert order[0] == "cause"
    path = find_path("cause")
    assert path is not None and path.serves[0] is Driver.SERVICE


def test_assessments_are_kept_and_a_half_done_one_can_be_resumed(
    store: AspireStore, data_dir: Path
) -> None:
    draft = store.save_assessment(Assessment(D, {"ach-1": 5}))
    assert store.unfinished_assessment() == draft and store.assessments() == []
    done = store.save_assessment(
        dataclasses.replace(draft, answers={"ach-1": 5, "bal-1": 2}, picks=("ach-1",), finished=D)
    )
    assert store.unfinished_assessment() is None and store.assessments() == [done]
    [doc] = docs(data_dir, "assessments")
    assert doc["answers"] == {"ach-1": 5, "bal-1": 2} and doc["picks"] == ["ach-1"]
    assert doc["finished"] == "2026-01-01"


@pytest.mark.parametrize(
    "bad",
    [
        Assessment(D, {"x": 7}),
        Assessment(D, {"x": 0}),
        Assessment(D, {"x": 3}, picks=("y",)),
        Assessment(D, {"a": 3, "b": 3, "c": 3, "d": 3}, picks=("a", "b", "c", "d")),
        Assessment(D, {"x": 3}, finished=date(2025, 1, 1)),
    ],
)
def test_the_store_refuses_an_assessment_the_rules_never_make(
    store: AspireStore, bad: Assessment
) -> None:
    with pytest.raises(StoreError):
        store.save_assessment(bad)


def test_assessments_travel_in_exports(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    source.save_assessment(Assessment(D, {"ach-1": 5}, picks=("ach-1",), finished=D))
    source.save_assessment(Assessment(D, {"bal-1": 3}))
    text = export_json(source)
    source.close()
    target = AspireStore.open(tmp_path / "b")
    assert import_export(target, read_export(Path("x"), text.encode())).added == 2
    assert export_json(target) == text
    target.close()


def test_a_schema_3_file_opens_and_is_upgraded(data_dir: Path) -> None:
    store = AspireStore.open(data_dir)
    store.save_aspiration(Aspiration("Lead", D))
    store.close()
    store = AspireStore.open(data_dir)
    store.save_reflection(Reflection(D, note="Before schema 4"))
    store.close()
    data = read_data(data_dir)
    data["_meta"]["1"]["schema"] = 3
    for doc in data["aspirations"].values():
        del doc["passions"]  # what schema 3 wrote
    for doc in data["reflections"].values():
        del doc["prompt"], doc["tags"], doc["aspiration_id"]
    (data_dir / "aspire.json").write_text(json.dumps(data))
    store = AspireStore.open(data_dir)
    assert [a.title for a in store.aspirations()] == ["Lead"]
    store.close()
    assert read_data(data_dir)["_meta"]["1"]["schema"] == SCHEMA_VERSION == 8


def test_a_served_driver_that_matters_little_is_not_called_a_fit() -> None:
    scores = score(
        _profile({Driver.BUILDING: 6, Driver.AUTONOMY: 2}, rest=3), questionnaire().statements
    )
    business = next(r for r in recommend(scores, catalog()) if r.path.key == "business")
    assert business.explanation() == (
        "serves building something of your own (6.0), which you want; also serves freedom to"
        " work your own way (2.0), which matters less to you now"
    )
