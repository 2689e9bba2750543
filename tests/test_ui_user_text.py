"""User text is data, never markup or terminal control, wherever it is shown."""

from __future__ import annotations

from datetime import date

from textual.widgets import Select

from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Reflection, Target
from aspire_tui.store import AspireStore
from tests.ui_helpers import (
    SIZE,
    detail_text,
    journal_rows,
    list_rows,
    make_app,
    notifications,
    screen_text,
)

D = date(2026, 1, 1)
HOSTILE = "[b]x[/b][@click=app.quit]q[/]"
ESCAPE = "\x1b[31mred\x1b[0m"


def seed(store: AspireStore) -> None:
    store.save_reflection(Reflection(on=D, want=HOSTILE, note=ESCAPE))
    a = store.save_aspiration(Aspiration(HOSTILE, D, why=HOSTILE))
    g = store.save_goal(Goal(a.id or 0, HOSTILE, Target.number(2, "[i]units[/i]"), D))
    store.save_checkin(CheckIn(g.id or 0, D, 1, note=HOSTILE))


async def test_markup_in_user_text_shows_literally_on_every_screen(store: AspireStore) -> None:
    seed(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        assert "␛[31mred␛[0m" in journal_rows(app)[0], "the entry's writing, made visible"
        assert HOSTILE in detail_text(app)
        assert "\x1b" not in detail_text(app) and "␛[31mred␛[0m" in detail_text(app)
        await pilot.click("#detail", offset=(5, 3))
        await pilot.press("2")
        await pilot.pause()
        assert HOSTILE in list_rows(app)[0]
        assert detail_text(app).count(HOSTILE) == 3
        await pilot.click("#detail", offset=(2, 0))
        await pilot.press("3")
        await pilot.pause()
        assert list_rows(app)[0].startswith(HOSTILE[:24]) and HOSTILE in list_rows(app)[1]
        assert "[i]units[/i]" in detail_text(app)
        await pilot.click("#records", offset=(4, 2))
        assert app.is_running


async def test_markup_in_dialogs_and_notifications_is_literal(store: AspireStore) -> None:
    seed(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("3", "e")
        await pilot.pause()
        select = app.screen.query_one("#aspiration", Select)
        assert HOSTILE in str(select.query_one("SelectCurrent Static").visual)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert HOSTILE in screen_text(app)
        await pilot.press("n", "l")
        await pilot.pause()
        assert HOSTILE in screen_text(app)
        assert "Progress to add ([i]units[/i])" in screen_text(app)
        await pilot.press("1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(HOSTILE in m for m in notifications(app))
        assert app.is_running


async def test_control_characters_never_reach_the_terminal_from_a_form(store: AspireStore) -> None:
    store.save_reflection(Reflection(on=D, want="ok", note=ESCAPE))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        note = pilot.app.screen.query_one("#note")
        rendered = "".join(note.render_line(y).text for y in range(2))
        assert "\x1b" not in rendered and "␛[31mred" in rendered
