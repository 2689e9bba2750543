"""A goal's progress over time against the straight line from its start to its target.

Imported only when a goal with a chart is first shown: plotext costs a tenth of a second to
load, which the first frame should not pay. No user text goes into the chart (plotext would
draw it as given), only dates and numbers.
"""

from __future__ import annotations

from datetime import date

from textual_plotext import PlotextPlot

from aspire_tui.domain.models import Goal

DATE_FORM = "Y-m-d"


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
        plt.date_form(DATE_FORM)
        days = [goal.begins, *(day for day, _ in series)]
        values = [start, *(value for _, value in series)]
        if days[-1] < today:
            days.append(today)
            values.append(values[-1])
        plt.plot([day.isoformat() for day in days], values, label="progress")
        end = goal.deadline
        if end is not None and end > goal.begins:
            line = [goal.begins.isoformat(), end.isoformat()]
            plt.plot(line, [start, goal.target.amount], label="pace line")
        else:
            plt.hline(goal.target.amount)
        self.refresh()
