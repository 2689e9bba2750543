"""A goal's progress over time against the straight line from its start to its target.

Imported only when a goal with a chart is first shown: plotext costs a tenth of a second to
load, which the first frame should not pay. No user text goes into the chart (plotext would
draw it as given), only dates and numbers.
"""

from __future__ import annotations

from datetime import date

from textual.app import RenderResult
from textual.color import Color
from textual.content import Content
from textual_plotext import PlotextPlot

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import Goal, TargetKind
from aspire_tui.domain.pace import STRETCH_BAR
from aspire_tui.presentation.chart_ticks import MOST_TICKS, date_ticks, value_ticks
from aspire_tui.ui.render import dates_of
from aspire_tui.ui.widgets.plot_text import chart_content, theme_colours

DATE_FORM = "Y-m-d"
"""How dates go in; they come out on the axis as the settings' date format says."""
DATE_LABEL = 10
"""Columns a date takes on the axis, in every format."""
KEPT_DRAWN = 32
"""Charts kept as drawn, for moving back to a goal shown a moment ago."""
AXIS_FORMS = {DateFormat.ISO: "Y-m-d", DateFormat.DAY_MONTH: "d/m/Y", DateFormat.MONTH_DAY: "m/d/Y"}


class ProgressChart(PlotextPlot):
    DEFAULT_CSS = """
    ProgressChart {
        height: 12;
        width: 1fr;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._kept: list[tuple[tuple[object, ...], Content]] = []
        """Charts drawn, newest first, with what each was drawn from."""

    def on_unmount(self) -> None:
        """The charts kept, and what they were drawn from, let go with the widget (Textual's
        caches may hold a removed widget a while)."""
        self._kept.clear()
        self._drawn = None
        self._figure_key = None

    def show(self, goal: Goal, series: list[tuple[date, float]], start: float, today: date) -> None:
        self._drawn = (goal, series, start, today)
        self.refresh()

    _figure_key: tuple[object, ...] | None = None
    """What plotext's figure was last set to draw."""

    def _set_figure(
        self, goal: Goal, series: list[tuple[date, float]], start: float, today: date
    ) -> None:
        """plotext's figure set to draw this goal's chart at this size: lines and ticks."""
        self._set_lines(goal, series, start, today)
        room = max(2, (self.size.width - 4) // (DATE_LABEL + 4))
        (x_ticks, x_labels), _ = axis_ticks(
            goal, series, start, today, most_dates=room, dates=dates_of(self)
        )
        self.plt.xticks(x_ticks, x_labels)  # type: ignore[arg-type]  # dates, as plotext's date mode takes them

    def _set_lines(
        self, goal: Goal, series: list[tuple[date, float]], start: float, today: date
    ) -> None:
        """Give plotext the lines, the value ticks and the dates' form, in the theme's colours."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORM, AXIS_FORMS[dates_of(self)])
        progress_colour, pace_colour = self._line_colours()
        days, values = _progress(goal, series, start, today)
        plt.plot([day.isoformat() for day in days], values, label="progress", color=progress_colour)
        aim = _aim(goal, start)
        if aim is not None and goal.deadline is not None:
            label = "stretch line (70%)" if goal.stretch else "pace line"
            line = [goal.begins.isoformat(), goal.deadline.isoformat()]
            plt.plot(line, [start, aim], label=label, color=pace_colour)
        _, (y_ticks, y_labels) = axis_ticks(goal, series, start, today)
        plt.yticks(y_ticks, y_labels)
        ends = [*values, start if aim is None else aim, *y_ticks]
        low, high = min(ends), max(ends)
        high = high if high > low else low + 1  # plotext divides by the range
        plt.ylim(low, high)  # the data, and every tick (one whole tick may lie just outside)

    _drawn: tuple[Goal, list[tuple[date, float]], float, date] | None = None

    def _line_colours(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """The theme's colours for text, which it keeps readable on its background: plotext's
        own green and blue all but vanish on a light one."""
        variables = self.app.theme_variables
        return (
            Color.parse(variables["text-primary"]).rgb,
            Color.parse(variables["text-accent"]).rgb,
        )

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self._drawn is not None:
            self.show(*self._drawn)

    def render(self) -> RenderResult:
        """The chart as drawn before for the same goal, check-ins, day, size, theme and date
        format, if it was among the last `KEPT_DRAWN`; else drawn now, with dates as many as
        the width has room for, side by side (its width is known only now)."""
        if self._drawn is None:
            return chart_content(self)
        return self._kept_or_drawn(*self._drawn)

    def draw_ahead(
        self, goal: Goal, series: list[tuple[date, float]], start: float, today: date
    ) -> None:
        """Draw the chart of a goal about to be shown (the next in the list) and keep it, at
        this chart's size, without showing it: done after a frame, so that moving on to that
        goal only shows it. Kept behind the chart shown, which stays the newest."""
        self._kept_or_drawn(goal, series, start, today, ahead=True)
        if self._drawn is not None:  # plotext's figure holds the chart shown, as before
            self._kept_or_drawn(*self._drawn)

    def _kept_or_drawn(
        self,
        goal: Goal,
        series: list[tuple[date, float]],
        start: float,
        today: date,
        *,
        ahead: bool = False,
    ) -> Content:
        key = self._key(goal, series, start, today)
        kept = self._kept
        for index, (known, drawn) in enumerate(kept):
            if known == key:
                if not ahead:
                    kept.insert(0, kept.pop(index))
                    if self._figure_key != key:  # plotext's figure holds the chart shown
                        self._set_figure(goal, series, start, today)
                        self._figure_key = key
                return drawn
        self._set_figure(goal, series, start, today)
        self._figure_key = key
        drawn = chart_content(self)  # what `super().render()` draws, made sooner
        kept.insert(min(1, len(kept)) if ahead else 0, (key, drawn))
        del kept[KEPT_DRAWN:]
        return drawn

    def _key(
        self, goal: Goal, series: list[tuple[date, float]], start: float, today: date
    ) -> tuple[object, ...]:
        # The colours as they are now, not only the theme's name: in the instant a new theme is
        # set, before its colours are, a chart would be kept in the old ones under the new name.
        colours = (theme_colours(self), self._line_colours())
        return (goal, tuple(series), start, today, self.size, colours, dates_of(self))


def _progress(
    goal: Goal, series: list[tuple[date, float]], start: float, today: date
) -> tuple[list[date], list[float]]:
    """The progress line: from the start, through each check-in, on to today."""
    days = [goal.begins, *(day for day, _ in series)]
    values = [start, *(value for _, value in series)]
    if days[-1] < today:
        days.append(today)
        values.append(values[-1])
    return days, values


def _aim(goal: Goal, start: float) -> float | None:
    """Where the pace (or stretch) line ends, if the goal has a deadline to run to."""
    if goal.deadline is None or goal.deadline <= goal.begins:
        return None
    if goal.target.every:  # a habit's road: what every period to the deadline asks for
        from aspire_tui.domain.habits import periods_asked

        return goal.target.amount * periods_asked(goal.begins, goal.deadline, goal.target.every)
    share = STRETCH_BAR if goal.stretch else 1.0
    return start + (goal.target.amount - start) * share


def axis_ticks(
    goal: Goal,
    series: list[tuple[date, float]],
    start: float,
    today: date,
    most_dates: int = MOST_TICKS - 1,
    dates: DateFormat = DateFormat.ISO,
) -> tuple[tuple[list[str], list[str]], tuple[list[float], list[str]]]:
    """The chart's (x ticks, labels) and (y ticks, labels): dates on Mondays or firsts of
    months, shown in the settings' format; whole numbers when the goal counts whole things."""
    days, values = _progress(goal, series, start, today)
    aim = _aim(goal, start)
    if aim is not None and goal.deadline is not None:
        days.append(goal.deadline)
        values.append(aim)
    counted = [start, goal.target.amount, *(value for _, value in series)]
    whole = goal.target.kind is TargetKind.MILESTONES or all(v == int(v) for v in counted)
    y_ticks = value_ticks(min(values), max(values), whole)
    x_days = date_ticks(min(days), max(days), most_dates) or [min(days), max(days)]
    x_ticks = [day.isoformat() for day in x_days]
    return (x_ticks, [dates.short(day) for day in x_days]), (y_ticks, [_number(v) for v in y_ticks])


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def chartable(goal: Goal, series: list[tuple[date, float]], today: date) -> bool:
    """A line needs two different days to run between."""
    days = {goal.begins, today, *(day for day, _ in series)}
    if goal.deadline is not None:
        days.add(goal.deadline)
    return len(days) > 1
