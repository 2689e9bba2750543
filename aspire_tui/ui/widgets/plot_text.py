"""A plotext chart as Rich Text, read from the grid of cells plotext builds.

textual-plotext's `PlotextPlot.render` has plotext write the whole chart out as one string of
ANSI escape codes and Rich parse it back (`Text.from_ansi(plot.build())`); at a goal chart's
size that round trip is about two thirds of the time the chart takes to draw. `chart_text`
returns the same Text (tests/test_plot_text.py checks it is equal, span for span) made from the
grid: each run of cells in the same colours, with the style Rich reads from that run's codes.

Every private name of plotext and textual-plotext Aspire uses is here, and only here:
`Figure._set_size` (as `PlotextPlot.render` calls it), `Figure._set_sizes`,
`Figure._build_matrix`, `Figure.monitor.matrix` (its `marker`, `fullground`, `style` and
`background` rows), and `PlotextPlot._get_plotext_theme_name`. If plotext changes its grid,
the chart is drawn the round-trip way instead.
"""

from __future__ import annotations

from typing import Any

from plotext._utility import colors_to_ansi
from rich.ansi import AnsiDecoder
from rich.style import Style
from rich.text import Text
from textual_plotext import PlotextPlot

_STYLES: dict[tuple[Any, Any, Any], Style | None] = {}
"""Rich's style for each (colour, style, background) triple plotext gives a cell."""


def chart_text(chart: PlotextPlot) -> Text:
    """What `PlotextPlot.render` returns for `chart`, made without the escape codes."""
    plot = chart.plt
    width, height = chart.size
    plot.plotsize(width, height)
    plot._set_size(width, height)  # as PlotextPlot.render does, "belt and braces"
    plot.theme(chart._get_plotext_theme_name(chart.app.theme))
    if getattr(plot, "monitor", None) is None or plot.monitor.fast_plot:
        return Text.from_ansi(plot.build())
    try:
        return grid_text(plot)
    except (AttributeError, IndexError, TypeError):  # plotext's grid is not what it was
        return Text.from_ansi(plot.build())


def grid_text(plot: Any) -> Text:
    """The chart's Text, built from plotext's grid of cells, bottom row last."""
    plot._set_sizes()
    plot._build_matrix()
    grid = plot.monitor.matrix
    lines = []
    for row in reversed(range(grid.rows)):
        markers, colours = grid.marker[row], grid.fullground[row]
        styles, backgrounds = grid.style[row], grid.background[row]
        line = Text()
        start = 0
        for col in range(1, grid.cols + 1):
            if (
                col == grid.cols
                or colours[col] != colours[start]
                or styles[col] != styles[start]
                or backgrounds[col] != backgrounds[start]
            ):
                cells = "".join(markers[start:col])
                line.append(cells, _style(colours[start], styles[start], backgrounds[start]))
                start = col
        lines.append(line)
    lines.append(Text())  # the round trip's text ends with a newline, so with an empty line
    return Text("\n", end="\n", tab_size=8).join(lines)


def _style(colour: Any, style: Any, background: Any) -> Style | None:
    """The style Rich reads from the escape codes plotext writes for these colours."""
    key = (colour, style, background)
    try:
        return _STYLES[key]
    except KeyError:
        pass
    decoder = AnsiDecoder()
    decoder.decode_line(colors_to_ansi(colour, style, background))
    found = _STYLES[key] = decoder.style or None
    return found
