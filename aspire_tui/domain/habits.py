"""Goals kept up rather than reached once: "4 times a month", "a one-on-one every week".

Progress is counted per period (calendar weeks from Monday, calendar months), and pace is
read as a buffer, as Beeminder does: everything logged since the habit began, less what the
periods already over asked for. A buffer of a whole period or more is ahead; below zero is
behind, with what it takes to catch up; a missed period is never a failure in itself, only
less buffer. With a deadline, the habit is achieved on the day its total reaches what every
period up to the deadline asks for; without one it is kept up for as long as it is wanted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
WEEK = "week"
MONTH = "month"
PERIOD_WORDS = {WEEK: "week", MONTH: "month"}


def period_start(day: date, every: str) -> date:
    if every == WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, every: str) -> date:
    if every == WEEK:
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def periods_through(begins: date, day: date, every: str) -> int:
    """The periods from the one `begins` falls in to the one `day` falls in, both counted."""
    if day < begins:
        return 0
    first, last = period_start(begins, every), period_start(day, every)
    if every == WEEK:
        return (last - first).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def first_counted(begins: date, every: str) -> date:
    """The first whole period: a habit begun mid-week is not asked for that week's times
    (what is logged in it still counts)."""
    start = period_start(begins, every)
    return start if start == begins else next_period(start, every)


def periods_over(begins: date, today: date, every: str) -> int:
    """The whole periods asked for that ended before the one `today` falls in."""
    last_over = period_start(today, every) - ONE_DAY
    return periods_through(first_counted(begins, every), last_over, every)


def periods_asked(begins: date, deadline: date, every: str) -> int:
    """The periods a habit with a deadline asks for: from its first whole period to the one
    the deadline falls in (one at least)."""
    return max(1, periods_through(first_counted(begins, every), deadline, every))


@dataclass(frozen=True)
class HabitStanding:
    this_period: float
    """Logged in the period today falls in."""
    per_period: float
    buffer: float
    """Logged since the habit began, less what the periods already over asked for."""
    total: float
    achieved_on: date | None = None

    @property
    def periods_ahead(self) -> int:
        """Whole periods covered beyond the one today falls in."""
        return periods_ahead(self.buffer, self.per_period)

    @property
    def to_catch_up(self) -> float:
        """What the periods over still ask for (0 when none is short)."""
        return max(0.0, -self.buffer)


def periods_ahead(buffer: float, per_period: float) -> int:
    """Whole periods a buffer covers beyond the one today falls in (0 until this one and
    the next are covered)."""
    return max(0, int(buffer // per_period) - 1)


def habit_pace(buffer: float, per_period: float) -> str:
    """ "behind", "on track" or "ahead", from the buffer: behind only while periods already
    over are short, never for the period still under way."""
    if buffer < 0:
        return "behind"
    return "ahead" if periods_ahead(buffer, per_period) >= 1 else "on track"


def habit_standing(
    per_period: float,
    every: str,
    begins: date,
    deadline: date | None,
    series: list[tuple[date, float]],
    today: date,
) -> HabitStanding:
    """`series`: the running total after each check-in, oldest first (`value_series`)."""
    total = before = 0.0
    this_start = period_start(today, every)
    achieved_on = None
    required = None
    if deadline is not None:
        required = per_period * periods_asked(begins, deadline, every)
    for day, running in series:
        if day > today:
            break
        total = running
        if day < this_start:
            before = running
        if required is not None:
            if running >= required:
                achieved_on = achieved_on or day
            else:
                achieved_on = None
    buffer = total - per_period * periods_over(begins, today, every)
    return HabitStanding(total - before, per_period, buffer, total, achieved_on)
