"""One snapshot per main screen, over the demo data, at 100x30, 80x24 and 60x20."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from tests.conftest import TODAY
from tests.fixtures.career import populate


class StillCursorApp(AspireApp):
    """The app with text cursors that do not blink: a picture taken half a second after a
    field took focus (on a busy machine) must show the same cursor as one taken at once."""

    CSS_PATH = str(Path(inspect.getfile(AspireApp)).with_name("app.tcss"))  # not beside tests

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, (Input, TextArea)):
            event.widget.cursor_blink = False


def demo_app(folder: Path) -> AspireApp:
    store = AspireStore.open(folder)
    populate(store, TODAY)
    return StillCursorApp(store, today=TODAY)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
class TestMainScreens:
    def test_home(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), terminal_size=size)

    def test_reflect(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["1"], terminal_size=size)

    def test_aspirations(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["2"], terminal_size=size)

    def test_goals(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["3"], terminal_size=size)


def test_first_run(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        AspireApp(AspireStore.open(tmp_path / "data"), today=TODAY), terminal_size=(80, 24)
    )


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
class TestLadderDialogs:
    def test_catalog(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["2", "n", "down", "down"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_adopt_a_priced_path(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["2", "n", "down", "down", "enter"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_moves(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["2", "m"], terminal_size=size)

    def test_raise_the_bar(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["2", "down", "u"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
class TestDrivers:
    def test_profile(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "k", "k", "k", "k", "k"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_profile_opened_to_read(
        self, snap_compare, tmp_path: Path, size: tuple[int, int]
    ) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "k", "k", "k", "k", "k", "enter", "j"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_passions(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "k", "k", "k", "k"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_recommendation(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "k", "k", "k"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_assessment(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "t", "5", "4", "6"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
class TestGoalsInDepth:
    def test_goal_page_with_chart(
        self, snap_compare, tmp_path: Path, size: tuple[int, int]
    ) -> None:  # type: ignore[no-untyped-def]
        keys = ["3", "down", "down", "down", "down"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_goal_form(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["3", "e"], terminal_size=size)

    def test_find_goals(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["3", "slash"], terminal_size=size)


def test_goal_chart_whole(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The whole chart, tall enough for both axes: whole ticks for whole weeks, dates on the
    firsts of months."""
    keys = ["3", "down", "down", "down", "down"]
    assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=(100, 40))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
class TestCompare:
    def test_chooser(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["2", "c", "down", "space"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_three_directions(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["2", "c", "down", "space", "down", "down", "down", "space", "enter"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)


def look_back_app(folder: Path) -> AspireApp:
    """The demo data and a step down decided three months ago, due to be looked back on."""
    from datetime import date

    from aspire_tui.domain.decisions import decision_entry

    store = AspireStore.open(folder)
    populate(store, TODAY)
    expert = next(a for a in store.aspirations() if a.active)
    why = "Too many meetings, and I missed the hands-on work"
    decided = decision_entry(date(2026, 8, 27), expert.id, "Step down a level", why, TODAY)
    store.save_reflection(decided)
    return AspireApp(store, today=TODAY)


class TestLookBack:
    def test_home_with_a_look_back(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(look_back_app(tmp_path / "data"), terminal_size=(80, 24))

    def test_look_back_dialog(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        app = look_back_app(tmp_path / "data")
        assert snap_compare(app, press=["b"], terminal_size=(80, 24))


class TestWhole:
    """Issue 17: what a person must read is whole at 80x24, and a light theme hides nothing."""

    def test_assessment_pick_step(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "t", "y", *["5", "6", "4"] * 15, "down", "down", "down"]
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=(80, 24))

    def test_goals_by_deadline(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app(tmp_path / "data"), press=["3", "o"], terminal_size=(80, 24))

    def test_home_in_a_light_theme(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        async def light(pilot) -> None:  # type: ignore[no-untyped-def]
            pilot.app.theme = "textual-light"
            await pilot.pause()

        app = demo_app(tmp_path / "data")
        assert snap_compare(app, run_before=light, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
class TestPrivacyMask:
    """Issue 19: each main screen with the mask on (`*`): the person's words as bars, the
    structure readable, the title saying so; and the lock screen."""

    def test_home(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        app = demo_app(tmp_path / "data")
        assert snap_compare(app, press=["asterisk"], terminal_size=size)

    def test_reflect(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["1", "asterisk", "down", "down", "down", "down", "down", "down"]  # an entry
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_aspirations(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        app = demo_app(tmp_path / "data")
        assert snap_compare(app, press=["2", "asterisk"], terminal_size=size)

    def test_goals(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        keys = ["3", "asterisk", "down", "down", "down", "down"]  # a goal's page
        assert snap_compare(demo_app(tmp_path / "data"), press=keys, terminal_size=size)

    def test_the_lock_screen(self, snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        async def locked(pilot) -> None:  # type: ignore[no-untyped-def]
            await pilot.press("3")
            pilot.app.idle_lock.lock(10)
            await pilot.pause()

        assert snap_compare(demo_app(tmp_path / "data"), run_before=locked, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_the_passphrase_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: asked at start when the data is encrypted; the field shows dots."""
    from aspire_tui.ui.passphrase_screen import PassphraseApp

    class StillPassphraseApp(PassphraseApp):
        def on_descendant_focus(self, event: events.DescendantFocus) -> None:
            if isinstance(event.widget, Input):
                event.widget.cursor_blink = False

    assert snap_compare(
        StillPassphraseApp(tmp_path), press=[*"my secret words"], terminal_size=size
    )


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_changed_on_two_computers(  # type: ignore[no-untyped-def]
    snap_compare, tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20: an aspiration retitled on the laptop and on the desktop while apart; the
    palette's "Sync: changed on two computers" shows both."""
    from aspire_tui.ui.data_actions import DataActions
    from tests.sync_scenes import LAPTOP, changed_on_two

    laptop = changed_on_two(tmp_path, TODAY, monkeypatch)
    app = StillCursorApp(AspireStore.open(laptop, device=LAPTOP), today=TODAY)

    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        from tests.ui_helpers import notifications, wait_until

        await wait_until(pilot, lambda: bool(notifications(app)), "the notice at start")
        app.clear_notifications()
        DataActions(app).conflicts()
        await pilot.pause()

    assert snap_compare(app, run_before=opened, terminal_size=size)
