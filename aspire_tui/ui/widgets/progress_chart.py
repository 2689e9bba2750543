"""A goal's progress over time against the straight line from its start to its target.

Imported only when a goal with a chart is first shown: plotext costs a tenth of a second to
load, which the first frame should not pay. No user text goes into the chart (plotext would
draw it as given), only dates and numbers.
"""

from __future__ import annotations

from datetime import date

from textual_plotext import PlotextPlot

from aspire_tui.domain.dates import DateFormat, dates_shown_as
from aspire_tui.domain.models import Goal
from aspire_tui.domain.pace import STRETCH_BAR

DATE_FORM = "Y-m-d"
"""How dates go in; they come out on the axis as the settings' date format says."""
AXIS_FORMS = {DateFormat.ISO: "Y-m-d", DateFormat.DAY_MONTH: "d/m/Y", DateFormat.MONTH_DAY: "m/d/Y"}


class ProgressChart(PlotextPlot):
    DEFAULT_CSS = """
    ProgressChart {
        height: 12;
        width: 1fr;
    }
    """

    def show(self, goal: Goal, series: list[tuple[date, float]], start: float, today: date) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORM, AXIS_FORMS[dates_shown_as()])
        days = [goal.begins, *(day for day, _ in series)]
        values = [start, *(value for _, value in series)]
        if days[-1] < today:
            days.append(today)
            values.append(values[-1])
        plt.plot([day.isoformat() for day in days], values, label="progress")
        end = goal.deadline
        if end is not None and end > goal.begins:
            share = STRETCH_BAR if goal.stretch else 1.0
            aim = start + (goal.target.amount - start) * share
            label = "stretch line (70%)" if goal.stretch else "pace line"
            plt.plot([goal.begins.isoformat(), end.isoformat()], [start, aim], label=label)
        self.refresh()


def chartable(goal: Goal, series: list[tuple[date, float]], today: date) -> bool:
    """A line needs two different days to run between."""
    days = {goal.begins, today, *(day for day, _ in series)}
    if goal.deadline is not None:
        days.add(goal.deadline)
    return len(days) > 1
