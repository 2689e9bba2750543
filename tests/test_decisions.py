"""Decisions that come back: the look-back day, when one is due, and what it shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from aspire_tui.domain.assessment import DriverScore
from aspire_tui.domain.decisions import (
    DECISION_TAG,
    LOOK_BACK_TAG,
    decided_what,
    decision_entry,
    drivers_moved,
    due_look_backs,
    look_back_entry,
    look_back_of,
    months_later,
    parse_look_back,
    profiles_around,
)
from aspire_tui.domain.models import Aspiration, Assessment, Driver, Reflection
from aspire_tui.domain.validation import ValidationError, check_reflection
from aspire_tui.store import AspireStore
from aspire_tui.store.exchange import export_json, import_export, read_export


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 9, 6), 3, date(2026, 12, 6)),
        (date(2026, 11, 27), 3, date(2027, 2, 27)),  # into the next year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # a shorter month: its last day
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # a leap year
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 12, 31), 3, date(2027, 3, 31)),
    ],
)
def test_months_later(day: date, months: int, expected: date) -> None:
    assert months_later(day, months) == expected


def test_a_look_back_must_be_a_real_day_after_today() -> None:
    today = date(2026, 11, 27)
    assert parse_look_back(" 2027-02-27 ", today) == date(2027, 2, 27)
    for text, said in (
        ("2026-11-27", "after today"),
        ("2026-01-01", "after today"),
        ("2027-02-30", "does not exist"),
        ("next spring", "2026-03-31"),
    ):
        with pytest.raises(ValidationError, match=said):
            parse_look_back(text, today)


def _decision(on: date, look_back: date, uid: str) -> Reflection:
    return Reflection(on=on, note="n", tags=(DECISION_TAG,), look_back=look_back, uid=uid)


def test_due_look_backs_are_those_whose_day_has_come_and_not_answered_oldest_first() -> None:
    today = date(2026, 11, 27)
    later = _decision(date(2026, 9, 1), date(2026, 12, 1), "a" * 32)
    today_one = _decision(date(2026, 8, 27), date(2026, 11, 27), "b" * 32)
    oldest = _decision(date(2026, 5, 1), date(2026, 8, 1), "c" * 32)
    answered = _decision(date(2026, 4, 1), date(2026, 7, 1), "d" * 32)
    plain = Reflection(on=date(2026, 3, 1), note="just writing")
    answer = look_back_entry(answered, date(2026, 7, 2), "Fine")
    entries = [later, today_one, plain, answer, oldest, answered]
    assert due_look_backs(entries, today) == [oldest, today_one]
    assert due_look_backs(entries, date(2026, 7, 31)) == []
    assert look_back_of(answered, entries) == answer and look_back_of(oldest, entries) is None


def test_a_decision_entry_says_what_was_decided_and_why_in_plain_words() -> None:
    why = "I miss my team, because meetings"
    entry = decision_entry(date(2026, 9, 6), 3, "Step down a level", why, date(2026, 12, 6))
    assert entry.note == "Decided: step down a level. Why: I miss my team, because meetings"
    assert entry.tags == (DECISION_TAG,) and entry.aspiration_id == 3
    assert entry.look_back == date(2026, 12, 6)
    assert decided_what(entry) == "step down a level"
    check_reflection(entry)
    raised = decision_entry(date(2026, 9, 6), 3, "Raise the bar", "", date(2026, 12, 6))
    assert raised.note == "Decided: raise the bar." and decided_what(raised) == "raise the bar"
    thought = decision_entry(
        date(2026, 9, 6),
        3,
        "Pause it for now",
        "Baby",
        date(2026, 12, 6),
        thoughts=["Still what I want? Yes", ""],
        tags=("reevaluation",),
    )
    assert thought.note == "Still what I want? Yes\n\nDecided: pause it for now. Why: Baby"
    assert thought.tags == ("reevaluation", DECISION_TAG)
    assert decided_what(Reflection(on=date(2026, 9, 6), note="edited away")) == ""


def test_a_look_back_entry_answers_its_decision() -> None:
    decision = decision_entry(date(2026, 9, 6), 3, "Let it go", "No", date(2026, 12, 6))
    answer = look_back_entry(decision, date(2026, 12, 7), "Best thing I did")
    assert answer.follows == decision.uid and answer.aspiration_id == 3
    assert answer.tags == (LOOK_BACK_TAG,) and answer.look_back is None
    check_reflection(answer)


def _profile(finished: date | None, n: int) -> Assessment:
    return Assessment(started=date(2020, 1, 1), finished=finished, id=n)


def test_the_profiles_around_a_decision() -> None:
    a = _profile(date(2026, 1, 1), 1)
    b = _profile(date(2026, 9, 6), 2)
    c = _profile(date(2026, 11, 1), 3)
    unfinished = _profile(None, 4)
    assert profiles_around([a, b, c, unfinished], date(2026, 9, 6)) == (b, c)
    assert profiles_around([a, b], date(2026, 9, 6)) == (b, None), "none newer"
    assert profiles_around([c], date(2026, 9, 6)) == (None, c), "none from before"
    assert profiles_around([], date(2026, 9, 6)) == (None, None)


def test_drivers_that_moved_by_half_a_point_or_more() -> None:
    def scores(**values: float) -> dict[Driver, DriverScore]:
        # Only `.score` is relied on: the scoring itself may change.
        named = {d: values.get(d.name.lower()) for d in Driver}
        return {d: cast(DriverScore, SimpleNamespace(score=v)) for d, v in named.items()}

    then = scores(leading=4.2, balance=3.0, mastery=5.0, service=2.0)
    now = scores(leading=3.1, balance=3.5, mastery=5.4, autonomy=4.0)
    moved = drivers_moved(then, now)
    assert [(d, round(b, 1), round(a, 1)) for d, b, a in moved] == [
        (Driver.LEADING, 4.2, 3.1),
        (Driver.BALANCE, 3.0, 3.5),
    ]


def test_a_review_plan_asks_each_due_look_back_before_the_aspirations() -> None:
    from aspire_tui.domain.ladder import adopt
    from aspire_tui.domain.models import Aspiration, Review
    from aspire_tui.domain.review import check_review, review_plan

    day = date(2026, 11, 27)
    lead = Aspiration("Lead", day, ladder=adopt(["One", "Two"], 0, day), id=1)
    due = [_decision(day, day, "a" * 32), _decision(day, day, "b" * 32)]
    plan = review_plan([lead], [], set(), None, day, due)
    looks = ("lookback:" + "a" * 32, "lookback:" + "b" * 32)
    assert plan == (*looks, f"aspiration:{lead.uid}", "closing")
    check_review(Review(started=day, plan=plan))
    assert review_plan([lead], [], set(), None, day) == (f"aspiration:{lead.uid}", "closing")


def test_a_decision_and_its_look_back_travel_in_exports_still_linked(tmp_path: Path) -> None:
    source = AspireStore.open(tmp_path / "a")
    lead = source.save_aspiration(Aspiration("Lead a team", date(2026, 1, 1)))
    decided = source.save_reflection(
        decision_entry(
            date(2026, 6, 1), lead.id, "Step down a level", "Too many meetings", date(2026, 9, 1)
        )
    )
    source.save_reflection(look_back_entry(decided, date(2026, 9, 2), "It was right"))
    text = export_json(source)
    source.close()
    target = AspireStore.open(tmp_path / "b")
    import_export(target, read_export(Path("x"), text.encode()))
    by_note = {r.note.splitlines()[0]: r for r in target.reflections()}
    again, answer = (
        by_note["Decided: step down a level. Why: Too many meetings"],
        by_note["It was right"],
    )
    assert again.look_back == date(2026, 9, 1) and again.uid == decided.uid
    assert answer.follows == decided.uid and answer.aspiration_id == again.aspiration_id
    assert due_look_backs(target.reflections(), date(2026, 12, 1)) == []
    target.close()
