"""A plotext chart as Textual Content, read from the grid of cells plotext builds.

textual-plotext's `PlotextPlot.render` has plotext write the whole chart out as one string of
ANSI escape codes and Rich parse it back (`Text.from_ansi(plot.build())`), which Textual then
draws as a Rich renderable; at a goal chart's size that round trip is about two thirds of the
time the chart takes to draw. `chart_text` returns the same Text (tests/test_plot_text.py
checks it is equal, span for span) made from the grid: each run of cells in the same colours,
with the style Rich reads from that run's codes; `chart_content` the same again as the
Content Textual would make of that Text (`Content.from_rich_text`), which it draws sooner.

Every private name of plotext and textual-plotext Aspire uses is here, and only here:
`plotext._utility.colors_to_ansi` (the codes plotext writes for a cell's colours),
`Figure._set_size` (as `PlotextPlot.render` calls it), `Figure._set_sizes`,
`Figure._build_matrix`, `Figure.monitor.matrix` (its `marker`, `fullground`, `style` and
`background` rows), and `PlotextPlot._get_plotext_theme_name`. If plotext changes its grid,
the chart is drawn the round-trip way instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plotext._dict import themes as plotext_themes
from plotext._utility import colors_to_ansi
from rich.ansi import AnsiDecoder
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.color import Color
from textual.content import Content, Span
from textual.style import Style as ContentStyle
from textual_plotext import PlotextPlot

from aspire_tui.ui.textual_private import plotext_rgb_theme

Colours = tuple[Any, Any, Any]
"""plotext's (colour, style, background) of a cell."""

_STYLES: dict[Colours, Style | None] = {}
"""Rich's style for each (colour, style, background) triple plotext gives a cell."""
_CONTENT_STYLES: dict[int, tuple[TerminalTheme, dict[Colours, ContentStyle | None]]] = {}
"""Textual's style for each triple, by the ANSI theme the app maps standard colours with."""


def _built(chart: PlotextPlot) -> Any | None:
    """The chart's plotext figure, sized and themed as `PlotextPlot.render` does, with its
    grid built; None if plotext's grid is not what it was (then use `plot.build()`)."""
    plot: Any = chart.plt  # plotext's figure: its private parts are named below
    width, height = chart.size
    plot.plotsize(width, height)
    plot._set_size(width, height)  # as PlotextPlot.render does, "belt and braces"
    plot.theme(plotext_theme(chart))
    try:
        if plot.monitor.fast_plot:
            return None
        plot._set_sizes()
        plot._build_matrix()
        grid = plot.monitor.matrix
        _ = (grid.rows, grid.cols, grid.marker, grid.fullground, grid.style, grid.background)
    except AttributeError:
        return None
    return grid


def plotext_theme(chart: PlotextPlot) -> str:
    """The plotext theme of the app's colours as they are now, registered under a name made
    of those colours. textual-plotext registers one per app theme name, from the colours at
    that moment: in the instant a new theme is set, before its colours are, a light theme
    would be kept in the dark one's colours for the rest of the process."""
    surface, foreground = theme_colours(chart)
    name = f"aspire-{surface}-{foreground}"
    if name not in plotext_themes:
        plotext_themes[name] = plotext_rgb_theme(surface, foreground)
    return name


def theme_colours(chart: PlotextPlot) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    variables = chart.app.theme_variables
    return (
        Color.parse(variables.get("surface", "black")).rgb,
        Color.parse(variables.get("foreground", "white")).rgb,
    )


def _runs(grid: Any) -> Iterator[list[tuple[str, Colours]]]:
    """Each row, top first, as runs of cells in the same colours."""
    for row in reversed(range(grid.rows)):
        markers, colours = grid.marker[row], grid.fullground[row]
        styles, backgrounds = grid.style[row], grid.background[row]
        runs = []
        start = 0
        for col in range(1, grid.cols + 1):
            if (
                col == grid.cols
                or colours[col] != colours[start]
                or styles[col] != styles[start]
                or backgrounds[col] != backgrounds[start]
            ):
                run = (colours[start], styles[start], backgrounds[start])
                runs.append(("".join(markers[start:col]), run))
                start = col
        yield runs


def chart_text(chart: PlotextPlot) -> Text:
    """What `PlotextPlot.render` returns for `chart`, made without the escape codes."""
    grid = _built(chart)
    if grid is None:
        return Text.from_ansi(chart.plt.build())
    lines = []
    for runs in _runs(grid):
        line = Text()
        for cells, colours in runs:
            line.append(cells, _style(colours))
        lines.append(line)
    lines.append(Text())  # the round trip's text ends with a newline, so with an empty line
    return Text("\n", end="\n", tab_size=8).join(lines)


def chart_content(chart: PlotextPlot) -> Content:
    """`Content.from_rich_text(chart_text(chart))`, made straight from the grid."""
    grid = _built(chart)
    if grid is None:
        return Content.from_rich_text(Text.from_ansi(chart.plt.build()))
    ansi_theme = chart.app.ansi_theme
    known = _CONTENT_STYLES.get(id(ansi_theme))
    if known is None or known[0] is not ansi_theme:
        known = _CONTENT_STYLES[id(ansi_theme)] = (ansi_theme, {})
    styles = known[1]
    pieces: list[str] = []
    spans: list[Span] = []
    at = 0
    for runs in _runs(grid):
        for cells, colours in runs:
            try:
                style = styles[colours]
            except KeyError:
                rich = _style(colours)
                style = styles[colours] = (
                    None if rich is None else ContentStyle.from_rich_style(rich, ansi_theme)
                )
            end = at + len(cells)
            if style is not None:
                spans.append(Span(at, end, style))
            pieces.append(cells)
            at = end
        pieces.append("\n")
        at += 1
    return Content("".join(pieces), spans)


def _style(colours: Colours) -> Style | None:
    """The style Rich reads from the escape codes plotext writes for these colours."""
    try:
        return _STYLES[colours]
    except KeyError:
        pass
    decoder = AnsiDecoder()
    decoder.decode_line(colors_to_ansi(*colours))
    found = _STYLES[colours] = decoder.style or None
    return found
