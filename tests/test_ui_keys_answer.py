"""Keys that answer: on an empty store every key a main screen's footer shows either acts
(a form or a dialog opens, the screen changes) or says in one line why it cannot here."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from aspire_tui.store import AspireStore
from aspire_tui.ui.widgets.key_footer import KeyFooter
from tests.ui_helpers import SIZE, make_app, notifications

# Keys that are the same on every screen, and answer anywhere: screens, help, settings, quit.
EVERYWHERE = {"1", "2", "3", "0", "question_mark", "comma", "q", "ctrl+q", "ctrl+p", "escape"}


@pytest.mark.parametrize("mode", ["reflect", "aspirations", "goals"])
async def test_every_shown_key_on_an_empty_screen_acts_or_says_why(
    store: AspireStore, mode: str
) -> None:
    async with make_app(store, start=mode).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        shown = [i for i in app.screen.query_one(KeyFooter).items if i.key not in EVERYWHERE]
        assert shown, "the footer shows this screen's keys"
        silent = []
        for item in shown:
            screen, before = app.screen, len(notifications(app))
            await pilot.press(item.key.split(",")[0])
            await pilot.pause()
            said = notifications(app)[before:]
            if app.screen is screen and not said:
                silent.append(item.display)
            for message in said:
                assert "\n" not in message.strip(), f"{item.display}: one line, {message!r}"
            while isinstance(app.screen, ModalScreen):
                await pilot.press("escape")
                await pilot.pause()
            if app.screen is not screen:  # e.g. the assessment: come back
                await pilot.press({"reflect": "1", "aspirations": "2", "goals": "3"}[mode])
                await pilot.pause()
        assert silent == [], f"keys shown on {mode} that did nothing: {silent}"


async def test_empty_reflect_says_why_d_a_and_e_cannot_act(store: AspireStore) -> None:
    async with make_app(store, start="reflect").run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        for key, words in (
            ("d", "Nothing to delete yet"),
            ("e", "Nothing to edit yet"),
            ("a", "Highlight a path that fits to adopt it"),
        ):
            before = len(notifications(app))
            await pilot.press(key)
            await pilot.pause()
            said = notifications(app)[before:]
            assert any(words in m for m in said), (key, said)


async def test_after_tab_j_and_k_scroll_the_catalog_text_as_the_arrows_do(
    store: AspireStore,
) -> None:
    from textual.containers import VerticalScroll

    from aspire_tui.ui.dialogs.catalog_picker import CatalogPicker

    async with make_app(store, start="aspirations").run_test(size=(60, 20)) as pilot:
        app = pilot.app
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CatalogPicker)
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        text = app.screen.query_one("#path-detail", VerticalScroll)
        assert app.focused is text
        assert text.max_scroll_y > 2, "the text is longer than the pane at 60x20"
        await pilot.press("j", "j")
        await pilot.pause()
        assert text.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert text.scroll_y == 1
        await pilot.press("down")
        await pilot.pause()
        assert text.scroll_y == 2, "j and the arrows scroll alike"


async def _reads_then_comes_back(pilot) -> None:  # type: ignore[no-untyped-def]
    """enter opens the highlighted entry to read: the pane is focused, says so in a line,
    and j / k scroll it; escape comes back to the list and the cue goes."""
    from aspire_tui.ui.widgets.detail_pane import DetailPane
    from aspire_tui.ui.widgets.record_list import RecordList

    app = pilot.app
    pane = app.screen.query_one("#detail-pane", DetailPane)
    assert pane.max_scroll_y > 2, "longer than the pane"
    await pilot.press("enter")
    await pilot.pause()
    assert app.focused is pane
    assert "j k scroll" in str(pane.border_title) and pane.styles.border_top[0] != ""
    await pilot.press("j", "j")
    await pilot.pause()
    assert pane.scroll_y == 2
    await pilot.press("k")
    await pilot.pause()
    assert pane.scroll_y == 1
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.focused, RecordList)
    assert pane.styles.border_top[0] in ("", "none")


async def test_enter_on_a_journal_entry_opens_it_to_read(store: AspireStore) -> None:
    from datetime import date

    from aspire_tui.domain.models import Reflection

    long = "\n".join(f"Line {n} of what I want." for n in range(60))
    store.save_reflection(Reflection(on=date(2026, 11, 1), want=long))
    async with make_app(store, start="reflect").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        journal = [o.id for o in pilot.app.screen.records.options]
        pilot.app.screen.records.highlighted = next(
            i for i, k in enumerate(journal) if (k or "").isdigit()
        )
        await pilot.pause()
        await _reads_then_comes_back(pilot)


async def test_enter_on_the_drivers_profile_opens_it_to_read(store: AspireStore) -> None:
    from datetime import date

    from aspire_tui.domain.assessment import questionnaire
    from aspire_tui.domain.models import Assessment

    answers = {s.id: 1 + i % 6 for i, s in enumerate(questionnaire().statements)}
    store.save_assessment(Assessment(date(2026, 11, 1), answers, (), date(2026, 11, 1)))
    async with make_app(store, start="reflect").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = [o.id for o in pilot.app.screen.records.options]
        pilot.app.screen.records.highlighted = keys.index("profile")
        await pilot.pause()
        await _reads_then_comes_back(pilot)


@pytest.mark.parametrize("mode", ["home", "reflect", "aspirations", "goals"])
async def test_enter_on_an_empty_screen_acts_or_says_why(store: AspireStore, mode: str) -> None:
    """enter is listed in help on every main screen: with nothing to open, it says so."""
    app = make_app(store, start=None if mode == "home" else mode)
    async with app.run_test(size=SIZE) as pilot:
        if mode == "home":
            await pilot.press("0")
        await pilot.pause()
        screen, focused = app.screen, app.focused
        await pilot.press("enter")
        await pilot.pause()
        said = notifications(app)
        assert app.screen is not screen or app.focused is not focused or said, mode
        for message in said:
            assert "\n" not in message.strip(), message


async def test_empty_goals_says_the_same_first_step_whichever_key_asks(store: AspireStore) -> None:
    """With no aspiration, n cannot add a goal: e, l and d must not say "n adds one"."""
    async with make_app(store, start="goals").run_test(size=SIZE) as pilot:
        for key in ("n", "e", "l", "d"):
            before = len(notifications(pilot.app))
            await pilot.press(key)
            await pilot.pause()
            [said] = notifications(pilot.app)[before:]
            assert "choose an aspiration first (2, then n)" in said.lower(), (key, said)
