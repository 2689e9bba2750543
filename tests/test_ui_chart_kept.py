"""A goal's chart is kept as drawn (`ProgressChart.KEPT_DRAWN` of them), so that moving back
to a goal shown a moment ago does not draw it again; but a kept chart is never shown once
what it was drawn from has changed: a check-in logged, another theme."""

from __future__ import annotations

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList

from aspire_tui.domain.models import TargetKind
from aspire_tui.store import AspireStore
from aspire_tui.ui.widgets.progress_chart import ProgressChart
from tests.conftest import TODAY
from tests.fixtures.career import populate
from tests.ui_helpers import SIZE, make_app


def _drawn(chart: ProgressChart) -> Content:
    drawn = chart.render()
    assert isinstance(drawn, Content)
    return drawn


def _fresh(chart: ProgressChart) -> Content:
    """The chart drawn from nothing kept."""
    chart._kept.clear()
    return _drawn(chart)


def _same(a: Content, b: Content) -> bool:
    return (a.plain, a.spans) == (b.plain, b.spans)


async def _open_goal_with_chart(pilot: Pilot, store: AspireStore) -> ProgressChart:
    """Down the Goals list to a goal that counts up, is not achieved and has a chart."""
    await pilot.press("3")
    await pilot.pause()
    for _ in range(40):
        charts = pilot.app.screen.query(ProgressChart)
        if charts and charts.first().display and charts.first()._drawn is not None:
            goal = charts.first()._drawn[0]
            states = pilot.app.goal_states()  # type: ignore[attr-defined]
            if goal.target.kind is TargetKind.UP and not states[goal.id].progress.achieved:
                return charts.first()
        await pilot.press("j")
        await pilot.pause()
    raise AssertionError("no open goal with a chart")


async def test_moving_back_shows_the_kept_chart_and_a_check_in_draws_it_again(
    store: AspireStore,
) -> None:
    populate(store, TODAY)
    async with make_app(store).run_test(size=SIZE) as pilot:
        chart = await _open_goal_with_chart(pilot, store)
        goal = chart._drawn[0]  # type: ignore[index]
        before = _drawn(chart)
        await pilot.press("j", "k")
        await pilot.pause()
        assert chart._drawn[0].id == goal.id  # type: ignore[index]
        assert _drawn(chart) is before  # kept, not drawn again
        checkins = len(store.checkins(goal.id))
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        assert len(store.checkins(goal.id)) == checkins + 1
        series = chart._drawn[1]  # type: ignore[index]
        assert len(series) == len([c for c in store.checkins(goal.id) if c.on <= TODAY])
        after = _drawn(chart)
        assert after is not before
        assert _same(after, _fresh(chart))  # what a chart drawn from nothing shows


async def test_another_theme_draws_the_chart_in_its_colours(store: AspireStore) -> None:
    populate(store, TODAY)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-dark"
        chart = await _open_goal_with_chart(pilot, store)
        dark = _drawn(chart)
        app.theme = "textual-light"
        await pilot.pause()
        light = _drawn(chart)
        assert light.spans != dark.spans  # other colours
        assert _same(light, _fresh(chart))
        app.theme = "textual-dark"
        await pilot.pause()
        assert _same(_drawn(chart), dark)


async def test_the_next_goal_s_chart_is_drawn_ahead_after_the_frame_in_the_way_the_list_moves(
    store: AspireStore,
) -> None:
    """Once a goal's page is on screen, the chart of the goal the list moves to next (the
    way it last moved) is drawn ahead, so that the next j or k onto a goal not shown before
    shows its chart without drawing it then; what is drawn ahead is what the chart drawn
    from nothing shows."""
    populate(store, TODAY)
    async with make_app(store).run_test(size=SIZE) as pilot:
        chart = await _open_goal_with_chart(pilot, store)
        screen = pilot.app.screen
        rows = screen.query_one("#records", OptionList)
        for key, place in (("j", 0), ("k", rows.option_count - 1)):
            rows.highlighted = place  # from one end, onto goals not shown yet
            await pilot.pause()
            await pilot.press(key)  # the way the list moves now
            await pilot.pause()
            seen = {screen.selected_id()} | {known[0].id for known, _ in chart._kept}  # type: ignore[attr-defined,index]
            for _ in range(rows.option_count):
                kept_before = {id(drawn) for _, drawn in chart._kept}
                await pilot.press(key)
                await pilot.pause()
                shown = screen.selected_id()  # type: ignore[attr-defined]
                new = shown not in seen
                seen.add(shown)
                if new and chart.display and chart._drawn and chart._drawn[0].id == shown:
                    drawn = _drawn(chart)
                    assert id(drawn) in kept_before, f"{key} onto {shown}: drawn then"
                    assert _same(drawn, _fresh(chart))
                    break
            else:
                raise AssertionError(f"{key} found no goal with a chart")
