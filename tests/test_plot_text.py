"""A goal's chart is drawn from plotext's grid of cells (`ui/widgets/plot_text.py`), not through
plotext's string of escape codes parsed back by Rich: the Text, and the Content Textual makes
of it, must be the same, span for span, for every kind of chart the Goals screen draws, in a
dark and a light theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.content import Content

from aspire_tui.store import AspireStore
from aspire_tui.ui.widgets import plot_text
from aspire_tui.ui.widgets.progress_chart import ProgressChart
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, make_app


def _same(made: Text, parsed: Text) -> None:
    assert made.plain == parsed.plain
    assert made.spans == parsed.spans
    assert (made.end, made.tab_size, made.style) == (parsed.end, parsed.tab_size, parsed.style)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_every_goal_chart_is_the_text_plotext_would_write(
    data_dir: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AspireStore.open(data_dir)
    populate(store, TODAY)
    round_trips = 0
    real_from_ansi = Text.from_ansi

    def counted(*args: object, **kwargs: object) -> Text:
        nonlocal round_trips
        round_trips += 1
        return real_from_ansi(*args, **kwargs)  # type: ignore[arg-type]

    app = make_app(store)
    charts = 0
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("3")
        await pilot.pause()
        monkeypatch.setattr(Text, "from_ansi", counted)
        for _ in range(app.screen.query_one("#records").option_count):
            found = app.screen.query(ProgressChart)
            if found and found.first().display and found.first()._drawn is not None:
                chart = found.first()
                made = plot_text.chart_text(chart)
                content = plot_text.chart_content(chart)
                assert round_trips == 0  # drawn from the grid, not the round trip
                monkeypatch.setattr(Text, "from_ansi", real_from_ansi)
                parsed = Text.from_ansi(chart.plt.build())
                _same(made, parsed)
                as_textual = Content.from_rich_text(parsed)  # what Textual makes of it
                assert (content.plain, content.spans) == (as_textual.plain, as_textual.spans)
                drawn = chart.render()  # what the screen draws
                assert isinstance(drawn, Content)
                assert (drawn.plain, drawn.spans) == (content.plain, content.spans)
                monkeypatch.setattr(Text, "from_ansi", counted)
                charts += 1
            await pilot.press("j")
            await pilot.pause()
    store.close()
    assert charts >= 3
