"""Regenerate screenshots/ from the real app over the demo data, and a few over a year of
generated history (the benchmark's one-year case, heavy and mechanical; `aspire --demo` opens
the smaller, hand-written year of `aspire_tui.demo_year` instead). Both sets of made-up data
live in tests/fixtures/.

Run: python scripts/screenshots.py   (writes SVGs; add --png to also write PNGs with cairosvg)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

from aspire_tui.domain.decisions import decision_entry
from aspire_tui.settings import Settings
from aspire_tui.store import AspireStore
from aspire_tui.store.settings_file import LoadedSettings
from aspire_tui.ui.app import AspireApp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's folder
from tests.fixtures.career import populate  # noqa: E402 - made-up data, not in the package
from tests.fixtures.history import generate  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"
TODAY = date(2026, 11, 27)
SIZE = (100, 30)
SHOTS = (
    ("home", ()),
    ("reflect", ("1",)),
    ("aspirations", ("2",)),
    ("goals", ("3",)),
    ("goal-page", ("3", "down", "down", "down", "down")),
    ("goal-form", ("3", "e")),
    ("find-goals", ("3", "slash")),
    ("check-ins", ("3", "c")),
    ("help", ("question_mark",)),
    ("new-aspiration", ("2", "n", "down", "down")),
    ("adopt", ("2", "n", "down", "down", "enter")),
    ("adopt-level", ("2", "n", "down", "enter", "tab", "tab", "enter", "down", "enter")),
    ("aspiration-moves", ("2", "m")),
    ("raise-the-bar", ("2", "down", "u")),
    ("drivers-profile", ("1", "k", "k", "k", "k", "k")),
    ("passions", ("1", "k", "k", "k", "k")),
    ("recommendation", ("1", "k", "k", "k")),
    ("assessment", ("1", "t", "5", "4", "6")),
    ("reevaluate", ("2", "v")),
    ("compare", ("2", "c", "down", "space", "down", "down", "down", "space", "enter")),
    ("journal-entry", ("1", "n")),
    ("settings", ("comma",)),
    ("home-masked", ("asterisk",)),
    ("goals-masked", ("3", "asterisk", "down", "down", "down", "down")),
    ("reflect-masked", ("1", "asterisk")),
    ("aspirations-masked", ("2", "asterisk")),
    ("locked", ("3",)),  # then locked, as after ten idle minutes
)


def typed(text: str) -> tuple[str, ...]:
    return tuple({" ": "space", ",": "comma", ".": "full_stop"}.get(ch, ch) for ch in text)


REVIEW_SHOTS = (  # one after another, in a folder of their own: each carries on from the last
    ("review", ("r", "w", *typed("Two sessions lost to travel"), "enter")),
    (
        "review-closing",
        (
            "r",
            *["right"] * 40,  # to the closing: → does nothing there
            "w",
            *typed("Kept the Friday study block"),
            "enter",
            *typed("Say no to a second committee"),
            "enter",
            *typed("Book the exam date"),
        ),
    ),
    ("review-journal", ("r", "ctrl+s", "1", "home", *["down"] * 5)),
)
DECISION_SHOTS = (  # the demo data and a step down decided three months ago, due today
    ("look-back-home", ()),
    ("look-back", ("b",)),
)
YEAR_SHOTS = (
    ("year-home", ()),
    ("year-goals", ("3",)),
    ("year-journal", ("1",)),
)


async def shoot(name: str, keys: tuple[str, ...], folder: Path, data: str = "demo") -> Path:
    store = AspireStore.open(folder)
    if data == "demo" and store.is_empty():
        populate(store, TODAY)
    elif data == "year" and store.is_empty():
        generate(store, TODAY, years=1)
    elif data == "decided" and store.is_empty():
        populate(store, TODAY)
        expert = next(a for a in store.aspirations() if a.active)
        why = "Too many meetings, and I missed the hands-on work"
        back = decision_entry(date(2026, 8, 27), expert.id, "Step down a level", why, TODAY)
        store.save_reflection(back)
    settings = LoadedSettings(Settings(), folder.parent / "settings.toml")  # never the real one
    app = AspireApp(store, today=TODAY, settings=settings)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            if name == "locked":
                app.idle_lock.lock(10)
                await pilot.pause()
            await pilot.pause()
            path = OUT / f"{name}.svg"
            app.save_screenshot(filename=path.name, path=str(OUT))
    finally:
        store.close()
    return path


async def shoot_passphrase(folder: Path) -> Path:
    """The screen `aspire` shows first when the data is encrypted, a passphrase typed."""
    from aspire_tui.ui.passphrase_screen import PassphraseApp

    app = PassphraseApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*typed("my secret words"))
        await pilot.pause()
        path = OUT / "passphrase.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def shoot_conflict(folder: Path) -> Path:
    """Issue 20: "Changed on two computers", an aspiration retitled on both while apart."""
    import pytest

    from aspire_tui.ui.data_actions import DataActions
    from tests.sync_scenes import LAPTOP, changed_on_two

    with pytest.MonkeyPatch.context() as patch:
        laptop = changed_on_two(folder, TODAY, patch)
        store = AspireStore.open(laptop, device=LAPTOP)
        settings = LoadedSettings(Settings(), folder / "settings.toml")  # never the real one
        app = AspireApp(store, today=TODAY, settings=settings)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                app.clear_notifications()
                DataActions(app).conflicts()  # type: ignore[arg-type]
                await pilot.pause()
                path = OUT / "changed-on-two-computers.svg"
                app.save_screenshot(filename=path.name, path=str(OUT))
        finally:
            store.close()
    return path


async def main(png: bool) -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [await shoot(name, keys, Path(tmp) / "data") for name, keys in SHOTS]
        paths.append(await shoot("first-run", (), Path(tmp) / "empty", data="none"))
        for name, keys in REVIEW_SHOTS:
            paths.append(await shoot(name, keys, Path(tmp) / "review"))
        for name, keys in DECISION_SHOTS:
            paths.append(await shoot(name, keys, Path(tmp) / "decided", data="decided"))
        for name, keys in YEAR_SHOTS:
            paths.append(await shoot(name, keys, Path(tmp) / "year", data="year"))
        paths.append(await shoot_passphrase(Path(tmp)))
        paths.append(await shoot_conflict(Path(tmp) / "shared"))
    for path in paths:
        print(path.relative_to(OUT.parent))
        if png:
            import cairosvg

            cairosvg.svg2png(url=str(path), write_to=str(path.with_suffix(".png")))


if __name__ == "__main__":
    asyncio.run(main("--png" in sys.argv))
