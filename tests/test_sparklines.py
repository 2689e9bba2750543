"""The two sparklines: a goal's progress on the Goals screen when there is no room for a chart
(Textual's `Sparkline`), and each driver's history on Reflect (marks inside the profile's
text). Both read oldest first, and both stay visible in light themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Sparkline

from aspire_tui.store import AspireStore
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import _luminance, make_app, screen_lines

BARS = "▁▂▃▄▅▆▇█"


def demo_store(folder: Path) -> AspireStore:
    store = AspireStore.open(folder)
    populate(store, TODAY)
    return store


def bar_contrasts(app: App, region: Region, on_rows_with: str = "") -> set[float]:
    """The contrast ratio of every sparkline bar drawn inside `region` (on rows that show
    `on_rows_with`, when given) against its background."""
    found = set()
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if on_rows_with not in strip.text:
            continue
        x = 0
        for segment in strip:
            at, x = x, x + segment.cell_length
            style = segment.style
            if not region.contains(at, y) or not any(ch in BARS for ch in segment.text):
                continue
            if style is None or style.color is None or style.bgcolor is None:
                continue
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            a, b = _luminance(tuple(fg)), _luminance(tuple(bg))
            found.add(round((max(a, b) + 0.05) / (min(a, b) + 0.05), 2))
    return found


async def _goal_with_a_sparkline(pilot: Pilot) -> Sparkline:
    """Down the Goals list (j) to the first goal whose progress is drawn as a sparkline."""
    for _ in range(30):
        sparks = pilot.app.screen.query(Sparkline)
        if sparks and sparks.first().display:
            return sparks.first()
        await pilot.press("j")
        await pilot.pause()
    raise AssertionError("no goal drew a sparkline")


@pytest.mark.parametrize("theme", ["textual-light", "solarized-light", "textual-dark"])
async def test_the_goal_sparkline_stands_out_in_every_theme(tmp_path: Path, theme: str) -> None:
    """Too narrow for a chart, a goal's progress is a sparkline: each bar at least 3:1 against
    the pane (WCAG's bar for shapes), the smallest values too, in light themes as well."""
    app = make_app(demo_store(tmp_path / "data"), start="goals")
    async with app.run_test(size=(70, 30)) as pilot:
        app.theme = theme
        await pilot.pause()
        spark = await _goal_with_a_sparkline(pilot)
        await pilot.pause()
        contrasts = bar_contrasts(app, spark.region)
        assert contrasts, "the sparkline drew its bars"
        assert min(contrasts) >= 3.0, sorted(contrasts)


async def test_the_goal_sparkline_shows_the_goal_s_progress_oldest_first(tmp_path: Path) -> None:
    from aspire_tui.domain.progress import value_series
    from aspire_tui.ui.screens.main import MainScreen

    store = demo_store(tmp_path / "data")
    app = make_app(store, start="goals")
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        spark = await _goal_with_a_sparkline(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        goal_id = screen.selected_id()
        assert goal_id is not None
        goal = store.goal(goal_id)
        assert goal is not None
        series = value_series(goal, store.checkins(goal_id))
        assert len(series) > 1
        assert list(spark.data or []) == [value for _, value in series]


async def test_each_driver_s_history_is_one_mark_per_assessment_on_the_1_to_6_scale(
    tmp_path: Path,
) -> None:
    from aspire_tui.domain.assessment import questionnaire, score
    from aspire_tui.ui.profile_view import sparkline

    assert sparkline([1.0, 3.4, 6.0, None, 2.0]) == "▁▄█ ▂", "oldest first, on 1 to 6"
    assert sparkline([4.0, 4.1]) == "▅▅", "a small change is a small step, not the full range"
    store = demo_store(tmp_path / "data")
    finished = [a for a in store.assessments() if a.finished]
    assert len(finished) > 1
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*["k"] * 12)  # up to the drivers profile
        await pilot.pause()
        lines = [line for line in screen_lines(app) if "over time" in line]
        assert lines, screen_lines(app)
        history = [score(a, questionnaire().statements) for a in finished]
        marks = lines[0].split("over time", 1)[1].strip(" │▐▌▊▎▏")
        assert len(marks) == len(finished), (marks, lines[0])
        assert all(ch in BARS or ch == " " for ch in marks), marks
        assert any(sparkline([h[d].score for h in history]) == marks for d in history[0])


@pytest.mark.parametrize("theme", ["textual-light", "solarized-light"])
async def test_the_driver_histories_stand_out_in_light_themes(tmp_path: Path, theme: str) -> None:
    app = make_app(demo_store(tmp_path / "data"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.theme = theme
        await pilot.press(*["k"] * 12)  # up to the drivers profile
        await pilot.pause()
        detail = app.screen.query_one("#detail-pane")
        contrasts = bar_contrasts(app, detail.region, "over time")
        assert contrasts, "the profile drew its histories"
        assert min(contrasts) >= 3.0, sorted(contrasts)
