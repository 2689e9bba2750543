"""Goal charts read like the thing measured: whole ticks for whole things, dates on week or
month boundaries, labelled in the chosen date format."""

from __future__ import annotations

from datetime import date

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import Goal, Target
from aspire_tui.presentation.chart_ticks import date_ticks, value_ticks
from aspire_tui.ui.widgets.progress_chart import axis_ticks


def test_whole_things_get_whole_ticks() -> None:
    for high in (3.0, 7.0, 10.0, 12.0, 137.0):
        ticks = value_ticks(0, high, whole=True)
        assert all(t == int(t) for t in ticks)
        assert 0 <= ticks[0] and ticks[-1] <= high and 2 <= len(ticks) <= 6
    assert value_ticks(0, 10, whole=True) == [0, 2, 4, 6, 8, 10]
    assert value_ticks(0, 3, whole=True) == [0, 1, 2, 3]
    assert value_ticks(0, 1, whole=True) == [0, 1]


def test_amounts_that_are_not_whole_may_have_fractions() -> None:
    assert value_ticks(0, 2.5, whole=False) == [0, 0.5, 1, 1.5, 2, 2.5]
    assert value_ticks(0, 0.3, whole=False) == [0, 0.1, 0.2, 0.3]


def test_dates_fall_on_weeks_for_a_short_span_and_months_for_a_long_one() -> None:
    weeks = date_ticks(date(2026, 11, 3), date(2026, 12, 20))
    assert weeks and all(d.weekday() == 0 for d in weeks)
    months = date_ticks(date(2026, 1, 10), date(2026, 11, 27))
    assert months and all(d.day == 1 for d in months)
    assert 2 <= len(months) <= 6
    assert all(date(2026, 1, 10) <= d <= date(2026, 11, 27) for d in months)


def test_the_chart_is_given_those_ticks_in_the_chosen_date_format() -> None:
    goal = Goal(
        1,
        "Talks",
        Target.number(10, "talks"),
        created=date(2026, 1, 1),
        deadline=date(2026, 12, 31),
    )
    series = [(date(2026, 3, 5), 1.0), (date(2026, 6, 9), 3.0), (date(2026, 9, 1), 4.0)]
    (x_ticks, x_labels), (y_ticks, y_labels) = axis_ticks(
        goal, series, 0.0, date(2026, 11, 27), dates=DateFormat.DAY_MONTH
    )
    assert all(float(t) == int(t) for t in y_ticks)
    assert y_labels == [str(int(t)) for t in y_ticks]
    days = [date.fromisoformat(t) for t in x_ticks]
    assert all(d.day == 1 for d in days)
    assert x_labels == [f"01/{d.month:02}/{d.year}" for d in days]


def test_a_flat_line_still_gets_ticks() -> None:
    goal = Goal(1, "Talks", Target.number(5, "talks"), created=date(2026, 11, 1))
    (x_ticks, _), (y_ticks, y_labels) = axis_ticks(goal, [], 0.0, date(2026, 11, 27))
    assert x_ticks and y_ticks == [0] and y_labels == ["0"]
