"""The passphrase screen at start: dots, never the passphrase; a wrong one says so and how
many tries are left; the third wrong one opens nothing; the right one gives the data key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from aspire_tui.store.key_file import write_key_file
from aspire_tui.store.sealing import DataKey
from aspire_tui.ui.passphrase_screen import PassphraseApp
from tests.ui_helpers import screen_lines, type_text, wait_until

PASSPHRASE = "correct horse battery staple"


def encrypted(folder: Path) -> DataKey:
    folder.mkdir(mode=0o700)
    key = DataKey.generate()
    write_key_file(folder, key, PASSPHRASE, log_n=10)
    return key


def drawn(app: PassphraseApp) -> str:
    return "\n".join(screen_lines(app))


async def test_a_wrong_passphrase_says_so_then_the_right_one_opens(tmp_path: Path) -> None:
    key = encrypted(tmp_path / "data")
    app = PassphraseApp(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the field")
        await type_text(pilot, "not it at all")
        assert "not it at all" not in drawn(app) and "•" in drawn(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "2 tries left" in drawn(app), "the wrong one said")
        field = app.query_one(Input)
        assert field.value == "" and not field.disabled
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.return_value is not None, "the key")
    assert app.return_value == key


async def test_three_wrong_passphrases_open_nothing(tmp_path: Path) -> None:
    encrypted(tmp_path / "data")
    app = PassphraseApp(tmp_path / "data")
    async with app.run_test(size=(60, 20)) as pilot:
        for attempt in ("one", "two", "three"):
            await wait_until(pilot, lambda: not app.query_one(Input).disabled, "the field")
            app.query_one(Input).focus()
            await type_text(pilot, attempt)
            await pilot.press("enter")
        await wait_until(pilot, lambda: bool(app.said), "the end")
    assert app.return_value is None and "nothing was opened" in app.said


async def test_ctrl_q_quits_without_opening(tmp_path: Path) -> None:
    encrypted(tmp_path / "data")
    app = PassphraseApp(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is None and app.said == "Nothing was opened."
