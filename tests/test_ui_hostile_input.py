"""Whatever is typed or pasted into any field is shown literally, never crashes or runs, and is
stored as shown (or refused with a message beside the field)."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
from textual import events

from aspire_tui.domain.models import Aspiration, Goal, Target
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.form import FormDialog
from tests.conftest import docs
from tests.ui_helpers import (
    SIZE,
    detail_text,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
)

MARKUP = "[b]x[/] [@click=app.quit]q[/]"
ANSI = "\x1b[31mred\x1b[0m\x07"
ANSI_PASTED = "[31mred[0m"  # the escape and bell characters are left out, with a warning
D = date(2026, 1, 1)


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.post_message(events.Paste(text))  # as the terminal driver delivers it
    await pilot.pause()


async def test_every_reflection_field_takes_markup_escapes_and_pasted_lines(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, MARKUP)
        await pilot.press("tab", "tab")  # past the prompt's list
        await paste(pilot, f"line one\r\n{ANSI}\nline three")
        await pilot.pause()
        assert any("Left out control characters" in m for m in notifications(pilot.app))
        await pilot.press("tab")
        await paste(pilot, "long " * 5000)
        await pilot.press("tab")
        await type_text(pilot, MARKUP)  # a tag
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.is_running
        assert MARKUP in detail_text(pilot.app)
        assert f"#{MARKUP}" in detail_text(pilot.app)
        assert f"line one\n{ANSI_PASTED}\nline three" in detail_text(pilot.app)
        assert "\x1b" not in screen_text(pilot.app)
    [saved] = docs(data_dir, "reflections")
    assert saved["note"] == MARKUP
    assert saved["want"] == f"line one\n{ANSI_PASTED}\nline three"
    assert saved["passions"] == ("long " * 5000).strip()
    assert saved["tags"] == [MARKUP]


async def test_aspiration_title_takes_markup_and_a_pasted_paragraph_as_one_line(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        await paste(pilot, f"{MARKUP}\nsecond line {ANSI}")
        await pilot.press("tab", "tab")  # past why it matters, to the levels
        await paste(pilot, MARKUP)
        await pilot.press("ctrl+s")
        await pilot.pause()
        expected = f"{MARKUP} second line {ANSI_PASTED}"
        assert f"Level 1/1: {MARKUP}" in detail_text(pilot.app), "level names too"
        assert list_rows(pilot.app)[0].startswith(expected[:30])
        assert expected in detail_text(pilot.app)
    assert docs(data_dir, "aspirations")[0]["title"] == expected


async def test_too_long_a_title_is_refused_beside_the_field(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(Aspiration("Lead", D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await paste(pilot, "x" * 500)
        await pilot.press("tab")
        await paste(pilot, f"3 {MARKUP}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormDialog)
        assert "too long" in str(form.query_one("#title-error").visual)
        assert not form.query_one("#target-error").display, "a markup unit is fine"
    assert docs(data_dir, "goals") == []


async def test_checkin_note_and_amount_take_hostile_text(
    store: AspireStore, data_dir: Path
) -> None:
    a = store.save_aspiration(Aspiration("Lead", D))
    store.save_goal(Goal(a.id or 0, "Hire", Target.number(3, "people"), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        await paste(pilot, f"{ANSI}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormDialog)
        assert "must be a number" in str(form.query_one("#amount-error").visual)
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "1")
        await pilot.press("tab")
        await paste(pilot, f"{MARKUP}\n{ANSI}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"{MARKUP} {ANSI_PASTED}" in screen_text(pilot.app)
    assert docs(data_dir, "checkins")[0]["note"] == f"{MARKUP} {ANSI_PASTED}"


async def test_aspire_never_opens_a_network_connection(
    store: AspireStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Private means offline: any attempt to connect anywhere fails this test."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    async with make_app(store).run_test(size=SIZE) as pilot:
        for keys in (
            ("n",),
            ("escape", "2", "n", "enter"),
            ("escape",),
            ("3",),
            ("question_mark",),
        ):
            await pilot.press(*keys)
            await pilot.pause()
        await pilot.press("escape", "ctrl+p")
        await type_text(pilot, "theme")
        await pilot.press("escape")
        await pilot.pause()
    assert attempts == []


async def test_a_crash_report_never_shows_what_was_in_memory(
    store: AspireStore, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real crash, as the terminal then shows it: where it failed, never a local's value."""
    from aspire_tui.ui import app

    class Crashes(app.AspireApp):
        CSS_PATH = Path(app.__file__).parent / "app.tcss"  # not beside this test

        def on_mount(self) -> None:  # Textual calls this before AspireApp's own
            secret_note = "".join(["sal", "ary"])  # noqa: F841 - a local the report must not show
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        async with Crashes(store, today=D).run_test(size=SIZE):
            pass
    shown = capsys.readouterr().err
    assert "boom" in shown
    assert "salary" not in shown
