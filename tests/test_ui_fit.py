"""Nothing a person must read is cut off: small terminals keep help and quit in reach, and the
text a person chooses by is shown whole at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from aspire_tui.store import AspireStore
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import (
    faint_text,
    list_rows,
    make_app,
    screen_lines,
    shows_whole,
)


def demo_store(folder: Path) -> AspireStore:
    store = AspireStore.open(folder)
    populate(store, TODAY)
    return store


@pytest.mark.parametrize("key", ["0", "1", "2", "3"])
async def test_help_and_quit_stay_in_the_footer_at_60x20(tmp_path: Path, key: str) -> None:
    app = make_app(demo_store(tmp_path / "data"), start=None)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "? Help" in footer and "q Quit" in footer, footer
        assert ", Settings" in footer, footer


async def test_every_statement_to_pick_can_be_read_whole_at_80x24(tmp_path: Path) -> None:
    from textual.widgets import SelectionList

    from aspire_tui.domain.assessment import questionnaire

    statements = {s.id: s.text for s in questionnaire().statements}
    app = make_app(AspireStore.open(tmp_path / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press(*["5", "6", "4"] * (len(statements) // 3))
        await pilot.pause()
        picks = app.screen.query_one("#picks", SelectionList)
        assert picks.option_count == len(statements)
        for index in range(picks.option_count):
            picks.highlighted = index
            await pilot.pause()
            shown = statements[str(picks.get_option_at_index(index).value)]
            assert shows_whole(app, shown), shown


def _latest_scores(store: AspireStore):  # type: ignore[no-untyped-def]
    from aspire_tui.domain.assessment import questionnaire, score

    finished = [a for a in store.assessments() if a.finished]
    return score(finished[-1], questionnaire().statements)


def _whole_in_rows(rows: list[str], text: str, width: int) -> bool:
    """The text is in one row, maybe wrapped, and no line of that row is wider than the list."""
    for row in rows:
        if " ".join(text.split()) in " ".join(row.split()):
            return all(len(line) <= width for line in row.splitlines())
    return False


async def test_path_reasons_are_whole_on_reflect_at_80x24(tmp_path: Path) -> None:
    from aspire_tui.domain.assessment import recommend, shown_paths
    from aspire_tui.domain.catalog import catalog
    from aspire_tui.ui.profile_view import lead_reason

    store = demo_store(tmp_path / "data")
    paths = shown_paths(recommend(_latest_scores(store), catalog()))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = list_rows(app)
        width = app.screen.query_one("#records").scrollable_content_region.width
        assert paths
        for rec in paths:
            word = "fits" if rec.fits else "closest"
            reason = f"{word} {rec.fit:.1f} · {lead_reason(rec)}"
            assert _whole_in_rows(rows, reason, width), (reason, rows)
            assert shows_whole(app, reason, "#records"), reason


async def test_the_profile_and_passions_summaries_are_whole_on_reflect_at_80x24(
    tmp_path: Path,
) -> None:
    from aspire_tui.domain.assessment import questionnaire
    from aspire_tui.ui.profile_view import passions_summary, profile_summary

    store = demo_store(tmp_path / "data")
    summaries = [
        profile_summary(store.assessments(), questionnaire),
        passions_summary(store.passions()),
    ]
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        width = app.screen.query_one("#records").scrollable_content_region.width
        for summary in summaries:
            assert len(summary) > width, "a summary the list must wrap"
            assert _whole_in_rows(list_rows(app), summary, width), (summary, list_rows(app))


async def test_the_drivers_line_is_whole_on_home_at_80x24(tmp_path: Path) -> None:
    from aspire_tui.domain.assessment import SHORT_NAMES, ranked

    store = demo_store(tmp_path / "data")
    top = [s for s in ranked(_latest_scores(store))[:2] if s.matters]
    words = "Most: " + " · ".join(f"{SHORT_NAMES[s.driver]} {s.score:.1f}" for s in top)
    app = make_app(store, start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        width = app.screen.query_one("#records").scrollable_content_region.width
        assert _whole_in_rows(list_rows(app), words, width), list_rows(app)


async def test_goal_titles_and_their_aspirations_are_whole_in_the_goals_list(
    tmp_path: Path,
) -> None:
    store = demo_store(tmp_path / "data")
    titles = {a.id: a.title for a in store.aspirations()}
    goals = [g for g in store.goals() if titles.get(g.aspiration_id)]
    app = make_app(store, start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        width = app.screen.query_one("#records").scrollable_content_region.width
        rows = list_rows(app)
        for goal in goals:
            assert _whole_in_rows(rows, goal.title, width), (goal.title, rows)
        await pilot.press("o")  # by deadline: each goal names its aspiration
        await pilot.pause()
        assert "by deadline" in screen_lines(app)[2]
        rows = list_rows(app)
        for goal in goals:
            row = next(r for r in rows if " ".join(goal.title.split()) in " ".join(r.split()))
            owner = titles[goal.aspiration_id]
            assert _whole_in_rows([row], owner, width), (owner, row)


async def test_ladder_rungs_are_whole_in_the_aspiration_view(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    first = next(a for a in store.aspirations() if a.active)
    app = make_app(store, start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert first.title in screen_lines(app)[3]
        for rung in first.ladder.rungs:
            assert shows_whole(app, rung, "#detail-pane"), rung


async def test_starter_goal_titles_are_whole_on_the_adopt_form(tmp_path: Path) -> None:
    from textual.widgets import Input, Select

    from aspire_tui.ui.widgets.goal_checklist import GoalRow

    app = make_app(AspireStore.open(tmp_path / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n", "down", "enter")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#title", Input).value == "Subject-matter expert"
        form.query_one("#start", Select).focus()
        await pilot.pause()
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # the top level
        await pilot.pause()
        await pilot.pause()
        starters = [row.goal.title for row in form.query(GoalRow) if row.goal is not None]
        assert max(len(t) for t in starters) > 60, "a title longer than its field"
        for row in form.query(GoalRow):
            if row.goal is None:
                continue
            row.query_one(".goal-title", Input).focus()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()  # the form scrolls to the field
            assert shows_whole(app, row.goal.title), row.goal.title


async def test_an_adopted_path_keeps_its_mark_on_one_line_in_the_catalog(tmp_path: Path) -> None:
    app = make_app(demo_store(tmp_path / "data"), start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        lines = screen_lines(app)
        assert any("Subject-matter expert  ✓ adopted" in line for line in lines), lines


@pytest.mark.parametrize("key", ["0", "1", "2", "3"])
async def test_nothing_vanishes_in_a_light_theme(tmp_path: Path, key: str) -> None:
    app = make_app(demo_store(tmp_path / "data"), start=None)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await pilot.press(key)
        await pilot.pause()
        assert faint_text(app) == []


@pytest.mark.parametrize(
    "keys",
    [["question_mark"], ["comma"], ["3", "n"], ["2", "n"], ["r"], ["1", "t", "y"]],
    ids=["help", "settings", "goal-form", "catalog", "review", "assessment"],
)
async def test_nothing_vanishes_in_dialogs_in_a_light_theme(
    tmp_path: Path, keys: list[str]
) -> None:
    app = make_app(demo_store(tmp_path / "data"), start=None)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.query(".dialog"), "a dialog is open"
        assert faint_text(app, selector=".dialog") == []


async def test_aspiration_titles_and_states_are_whole_in_lists_at_80x24(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    active = [a.title for a in store.aspirations() if a.active]
    app = make_app(store, start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("0", "2"):
            await pilot.press(key)
            await pilot.pause()
            width = app.screen.query_one("#records").scrollable_content_region.width
            rows = list_rows(app)
            for title in active:
                assert _whole_in_rows(rows, title, width), (key, title, rows)
            assert not any("…" in row for row in rows), rows


async def test_the_first_review_line_is_whole_on_home_at_80x24(store: AspireStore) -> None:
    from aspire_tui.domain.models import Aspiration

    store.save_aspiration(Aspiration("Join management", TODAY))
    async with make_app(store, start=None).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = " ".join(" ".join(list_rows(pilot.app)).split())
        assert "Your first review comes from Sun 27 Dec 2026" in rows, "whole in the list"


@pytest.mark.parametrize("theme", ["textual-light", "solarized-light", "textual-dark"])
async def test_the_chart_lines_stand_out_in_every_theme(tmp_path: Path, theme: str) -> None:
    """The progress and pace lines are drawn in the theme's text colours: at least 3:1 against
    the chart (WCAG's bar for lines and shapes), in light themes too."""
    from aspire_tui.ui.widgets.progress_chart import ProgressChart
    from tests.ui_helpers import _luminance

    app = make_app(demo_store(tmp_path / "data"), start="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        charts = app.screen.query(ProgressChart)
        for _ in range(30):  # the first goal with a chart
            if charts and charts.first().display:
                break
            await pilot.press("j")
            await pilot.pause()
            charts = app.screen.query(ProgressChart)
        assert charts, "a goal with a chart"
        region = charts.first().region
        lines = set()
        for y, strip in enumerate(app.screen._compositor.render_strips()):
            x = 0
            for segment in strip:
                at, x = x, x + segment.cell_length
                style = segment.style
                inside = region.contains(at, y)
                if not inside or style is None or style.color is None or style.bgcolor is None:
                    continue
                if not any(0x2800 <= ord(ch) <= 0x28FF or ch in "•▄▀█" for ch in segment.text):
                    continue
                fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
                a, b = _luminance(tuple(fg)), _luminance(tuple(bg))
                lines.add(round((max(a, b) + 0.05) / (min(a, b) + 0.05), 2))
        assert lines, "the chart drew its lines"
        assert min(lines) >= 3.0, sorted(lines)
