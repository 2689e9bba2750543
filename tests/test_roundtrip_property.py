"""Arbitrary Unicode survives validation, the store and a reopened file unchanged."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aspire_tui.domain.ladder import adopt, reevaluate
from aspire_tui.domain.models import Aspiration, Driver, Reflection
from aspire_tui.domain.validation import TITLE_MAX, ValidationError, parse_title
from aspire_tui.store import AspireStore

texts = st.text(st.characters(codec=None, exclude_categories=["Cs"]), max_size=300)
titles = st.text(
    st.characters(codec=None, exclude_categories=["Cs", "Cc"], include_characters=" \t\n"),
    min_size=1,
    max_size=TITLE_MAX,
).filter(lambda text: not text.isspace())
"""Only text that parse_title accepts: any character but control ones (whitespace, which it
collapses, included), never blank, never longer than a title may be."""
reasons = texts.filter(lambda text: text.strip() != "")
"""A reason a move that needs one accepts: anything but blank."""
dates = st.dates(min_value=date(1970, 1, 1), max_value=date.today())
"""A file never holds a journal entry dated later than tomorrow (see test_future_dates)."""
T = TypeVar("T")


def reread(folder: Path, read: Callable[[AspireStore], T]) -> T:
    """What a fresh open of the folder reads (closed again, as every store must be)."""
    store = AspireStore.open(folder)
    try:
        return read(store)
    finally:
        store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(want=texts, note=texts, day=dates, rating=st.integers(1, 5))
def test_reflection_text_round_trips(want: str, note: str, day: date, rating: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = AspireStore.open(Path(tmp) / "data")
        saved = store.save_reflection(
            Reflection(on=day, want=want, note=note, ratings={Driver.SECURITY: rating})
        )
        store.close()
        assert reread(Path(tmp) / "data", AspireStore.reflections) == [saved]


@settings(max_examples=60, deadline=None)
@given(raw=texts, why=texts)
def test_aspiration_titles_round_trip_after_validation(raw: str, why: str) -> None:
    try:
        title = parse_title(raw)
    except ValidationError:
        title = None
    assume(title is not None)  # only a title that passed validation is saved
    assert title is not None
    with tempfile.TemporaryDirectory() as tmp:
        store = AspireStore.open(Path(tmp) / "data")
        saved = store.save_aspiration(Aspiration(title, date(2026, 1, 1), why=why))
        store.close()
        assert reread(Path(tmp) / "data", AspireStore.aspirations) == [saved]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rungs=st.lists(titles, min_size=1, max_size=6),
    reason=reasons,
    start=st.integers(0, 5),
)
def test_ladders_round_trip_with_any_level_names_and_reasons(
    rungs: list[str], reason: str, start: int
) -> None:
    names = [parse_title(r, "Level") for r in rungs]
    ladder = adopt(names, min(start, len(names) - 1), date(2026, 1, 1))
    ladder = reevaluate(ladder, date(2026, 2, 1), reason)
    with tempfile.TemporaryDirectory() as tmp:
        store = AspireStore.open(Path(tmp) / "data")
        saved = store.save_aspiration(Aspiration("Climb", date(2026, 1, 1), ladder=ladder))
        store.close()
        assert reread(Path(tmp) / "data", AspireStore.aspirations) == [saved]
