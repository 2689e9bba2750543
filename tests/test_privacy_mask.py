"""The privacy mask: with it on, no personal text is drawn anywhere a person can go, while
the structure (keys, headings, progress) stays; with it off, the same places show that text
(so the walk below can fail). The data's every personal field starts with a marker word."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input

from aspire_tui.domain.drafts import Draft
from aspire_tui.store import AspireStore
from aspire_tui.store.drafts import save_draft
from aspire_tui.store.settings_file import load_settings
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.privacy_mask import BAR
from tests.conftest import TODAY, read_data, terminal_env
from tests.fixtures.career import populate
from tests.terminal import own_tmux, wait_for
from tests.terminal import wait_until as terminal_wait
from tests.ui_helpers import SIZE, make_app, screen_lines, type_text, wait_until

MARK = "Quokka"
TAIL = "Wombat"
"""At the end of every personal text: a text marked at its start only still shows."""
TEXT_FIELDS = {
    "want", "passions", "note", "why", "title", "description", "how", "closer", "unit",
    "milestone", "reason", "detail", "went_well", "will_change", "next_step",
}  # fmt: skip
"""Every field of a record that holds what the person wrote."""
TEXT_LISTS = {"rungs", "love", "good_at", "needed", "paid_for", "values", "milestones", "tags"}
TABLES = ("reflections", "aspirations", "goals", "checkins", "passions", "reviews")


def marked(value: Any, name: str = "") -> Any:
    """`value` with the marker before every piece of personal text it holds."""
    if isinstance(value, str):
        return f"{MARK}{value} {TAIL}" if name in TEXT_FIELDS and value else value
    if isinstance(value, tuple) and name in TEXT_LISTS | {"passions"}:
        return tuple(f"{MARK}{item} {TAIL}" if isinstance(item, str) else item for item in value)
    if isinstance(value, tuple):
        return tuple(marked(item) for item in value)
    if isinstance(value, dict) and name == "notes":
        return {step: f"{MARK}{text} {TAIL}" for step, text in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: marked(getattr(value, f.name), f.name) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def populate_marked(store: AspireStore) -> None:
    populate(store, TODAY)
    for table in TABLES:
        for record in store.records(table):
            store.save_record(marked(record))


@pytest.fixture
def marked_store(data_dir: Path) -> Iterator[AspireStore]:
    store = AspireStore.open(data_dir)
    populate_marked(store)
    yield store
    store.close()


def drawn(app: AspireApp) -> str:
    return "\n".join(screen_lines(app))


def shows_personal(screen: str) -> bool:
    return MARK.casefold() in screen.casefold() or TAIL in screen


REVIEW = ["r", *["left"] * 8]
"""The review at its first step: it is kept where a walk before left it."""
COMPARING = ["2", "c", "j", "space", "enter"]
"""The first two aspirations side by side."""

PLACES: list[tuple[str, list[str]]] = [
    ("Home", ["0"]),
    ("Reflect", ["1"]),
    ("Aspirations", ["2"]),
    ("Goals", ["3"]),
    ("a goal's check-ins", ["3", "c"]),
    ("logging progress", ["3", "l"]),
    ("choosing directions to compare", ["2", "c"]),
    ("directions compared", COMPARING),
    ("deciding between directions", [*COMPARING, "d"]),
    ("raising the bar", ["2", "u"]),
    ("the moves on a ladder", ["2", "m"]),
    ("reevaluating an aspiration", ["2", "v"]),
    ("the review", REVIEW),
    ("the review's steps", REVIEW),
    ("the review: logging progress", [*REVIEW, "l"]),
    ("the review: achieved?", [*REVIEW, "a"]),
    ("the review: drop the goal?", [*REVIEW, "x"]),
    ("the review: reevaluating", [*REVIEW, *["right"] * 4, "v"]),  # after the four goals
]
FORMS = (
    "logging progress",
    "raising the bar",
    "reevaluating an aspiration",
    "the review: logging progress",
    "the review: reevaluating",
)
MOVING_ON = {"the review's steps": "right", **dict.fromkeys(FORMS, "f24")}
"""The key that moves on where the rows are not a list (`j` elsewhere); a form is seen as it
opens (f24 is bound to nothing, where `j` would only be typed into a field 30 times)."""


async def rows_walked(pilot: Pilot, keys: list[str], step: str = "j") -> Iterator[str]:
    """What is drawn at `keys`, then at each row below as the list moves down (the page on
    the right follows), up to 30 rows; `step` is the key that moves on."""
    await pilot.press(*keys)
    await pilot.pause()
    seen: list[str] = [drawn(pilot.app)]  # type: ignore[arg-type]
    for _ in range(30):
        before = seen[-1]
        await pilot.press(step)
        await pilot.pause()
        now = drawn(pilot.app)  # type: ignore[arg-type]
        seen.append(now)
        if now == before:
            break  # the end of the list
    return iter(seen)


async def walk(store: AspireStore, masked: bool) -> dict[str, list[str]]:
    """Each place, with the mask on or off: the drawn screens."""
    found: dict[str, list[str]] = {}
    for name, keys in PLACES:
        app = make_app(store, start="home")
        async with app.run_test(size=SIZE) as pilot:
            if masked:
                await pilot.press("asterisk")
            found[name] = list(await rows_walked(pilot, keys, MOVING_ON.get(name, "j")))
    return found


async def test_no_personal_text_is_drawn_with_the_mask_on(marked_store: AspireStore) -> None:
    shown = await walk(marked_store, masked=False)
    for place, screens in shown.items():
        assert any(MARK in screen for screen in screens), f"{place} shows no personal text"
    hidden = await walk(marked_store, masked=True)
    for place, screens in hidden.items():
        for screen in screens:
            leaks = [line for line in screen.splitlines() if MARK in line or TAIL in line]
            assert not leaks, f"{place} draws personal text with the mask on:\n" + "\n".join(leaks)
            assert BAR in screen, f"{place} shows no masked text"


async def test_the_mask_keeps_the_structure_and_the_title_says_it_is_on(
    marked_store: AspireStore,
) -> None:
    app = make_app(marked_store, start="goals")
    async with app.run_test(size=SIZE) as pilot:
        before = drawn(app)
        await pilot.press("asterisk")
        await pilot.pause()
        after = drawn(app)
        assert "masked (*)" in after.splitlines()[0]
        for kept in ("Goals", "█", "Log", "Help"):
            assert kept in before and kept in after
        assert MARK in before and MARK not in after
        await pilot.press("asterisk")
        await pilot.pause()
        assert MARK in drawn(app)
        assert "masked" not in drawn(app).splitlines()[0]


async def test_a_screen_left_before_the_mask_came_on_is_masked_when_it_shows_again(
    marked_store: AspireStore,
) -> None:
    app = make_app(marked_store, start="home")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # Aspirations drawn unmasked, then left
        await pilot.pause()
        assert MARK in drawn(app)
        await pilot.press("0", "asterisk", "2")
        await pilot.pause()
        assert not shows_personal(drawn(app))


async def test_the_setting_starts_aspire_masked_and_nothing_is_changed_by_the_mask(
    marked_store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("start_masked = true\n")
    before = read_data(data_dir)
    app = AspireApp(
        marked_store, today=TODAY, settings=load_settings(settings, set(BUILTIN_THEMES))
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: BAR in drawn(app), "the first screen masked")
        assert not shows_personal(drawn(app))
        await pilot.press("3", "j", "j", "2", "1")
        await pilot.pause()
        assert not shows_personal(drawn(app))
    assert read_data(data_dir) == before  # what is drawn is masked, never what is kept


def test_masked_text_keeps_its_width_and_colour_and_tells_nothing_of_its_words() -> None:
    from rich.segment import Segment
    from rich.style import Style as RichStyle
    from textual.color import Color

    from aspire_tui.ui.privacy_mask import PERSONAL, MaskFilter

    mine = PERSONAL.rich_style + RichStyle(color="red", bold=True)
    texts = ["  Lead the platform team  ", "  Zzzz zzz zzzzzzzz zzzz  ", "日本語のチーム 🚀", "x"]
    shown = [
        MaskFilter().apply([Segment("Level 2: ", None), Segment(t, mine)], Color(0, 0, 0))
        for t in texts
    ]
    for text, (label, masked) in zip(texts, shown, strict=True):
        assert label.text == "Level 2: "  # Aspire's own words stay
        assert masked.cell_length == Segment(text).cell_length
        assert masked.style == mine
        assert set(masked.text) <= {BAR, " "} and BAR in masked.text
    assert shown[0][1].text == shown[1][1].text  # same width, same bars: words do not show
    assert shown[0][1].text.startswith("  ") and shown[0][1].text.endswith("  ")


@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
async def test_words_searched_for_are_masked_even_when_cut_to_fit(
    marked_store: AspireStore, size: tuple[int, int]
) -> None:
    app = make_app(marked_store, start="goals")
    async with app.run_test(size=size) as pilot:
        await pilot.press("asterisk", "slash")
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the finder")
        await type_text(pilot, "quokka tax software")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "“" in drawn(app) or BAR in drawn(app), "found")
        await pilot.pause()
        assert "Goals" in drawn(app) and not shows_personal(drawn(app))
        assert "tax" not in drawn(app)
        await pilot.press("1", "slash")
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the journal search")
        await type_text(pilot, "quokkaburnt")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "matching" in drawn(app), "the journal found")
        assert not shows_personal(drawn(app))


async def test_a_draft_that_cannot_open_again_is_masked_in_its_toast(
    marked_store: AspireStore, data_dir: Path, tmp_path: Path
) -> None:
    draft = Draft("ReasonForm", "Move: QuokkaTitle", datetime(2026, 1, 1, 9), {})
    save_draft(data_dir, dataclasses.replace(draft, fields={"reason": "QuokkaSecret reason"}))
    settings = tmp_path / "settings.toml"
    settings.write_text("start_masked = true\n")
    loaded = load_settings(settings, set(BUILTIN_THEMES))
    app = AspireApp(marked_store, today=TODAY, settings=loaded)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: "cannot open again" in drawn(app), "the draft's toast")
        assert not shows_personal(drawn(app)) and "Secret" not in drawn(app)


async def test_read_only_the_title_still_says_the_mask_is_on(
    marked_store: AspireStore, data_dir: Path
) -> None:
    reader = AspireStore.open(data_dir, read_only=True)
    try:
        app = make_app(reader, start="goals")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("asterisk")
            await pilot.pause()
            assert "masked (*)" in drawn(app).splitlines()[0]
            assert not shows_personal(drawn(app))
    finally:
        reader.close()


@pytest.mark.slow
def test_in_a_real_terminal_a_screen_left_unmasked_is_masked_when_it_shows_again(
    tmp_path: Path,
) -> None:
    """What the terminal shows, not what a fresh render would: a screen of another mode
    keeps the lines it last drew until it is drawn again, so the mask coming on meanwhile
    must draw it again as it shows (and the mask going off, again)."""
    data = tmp_path / "data"
    store = AspireStore.open(data)
    populate_marked(store)
    store.close()
    tmux = own_tmux("mask")
    command = f"exec '{sys.executable}' -m aspire_tui --data-dir '{data}'"

    def send(*args: str) -> None:
        subprocess.run(
            [*tmux, *args], capture_output=True, check=True, timeout=10, env=terminal_env()
        )

    send("new-session", "-d", "-x", "100", "-y", "30", command)
    try:
        wait_for(tmux, "? help")
        send("send-keys", "2")
        terminal_wait(tmux, lambda shown: TAIL in shown, "Aspirations, unmasked")
        send("send-keys", "0")
        terminal_wait(tmux, lambda shown: "Where you stand" in shown, "Home")
        send("send-keys", "*")
        terminal_wait(tmux, lambda shown: "masked (*)" in shown, "the mask")
        send("send-keys", "2")
        shown = terminal_wait(tmux, lambda shown: "Aspirations" in shown.splitlines()[0], "back")
        shown = terminal_wait(tmux, lambda shown: BAR in shown, "Aspirations, masked")
        assert MARK not in shown and TAIL not in shown, shown
        send("send-keys", "3", "*", "2")  # off on another screen: back here, shown again
        terminal_wait(tmux, lambda shown: "masked" not in shown and TAIL in shown, "unmasked")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)


def test_only_the_words_searched_for_are_masked_in_a_heading() -> None:
    from aspire_tui.ui.privacy_mask import PERSONAL_MARK, quoted_personal

    def marked_text(text: str) -> str:
        content = quoted_personal(text)
        return "".join(
            content.plain[span.start : span.end]
            for span in content.spans
            if getattr(span.style, "meta", {}).get(PERSONAL_MARK)
        )

    assert marked_text("Goals · “Falcon” · esc shows all") == "“Falcon”"
    assert marked_text("Goals · by deadline · “quokka tax softw…") == "“quokka tax softw…"
    assert marked_text("Goals · by deadline") == ""


async def test_the_reviews_notes_show_as_dots_until_the_person_writes_in_them(
    marked_store: AspireStore,
) -> None:
    app = make_app(marked_store, start="goals")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "w")
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the note field")
        await type_text(pilot, "Quokka about Priya")
        await pilot.press("enter", "asterisk")  # back to the review's keys; the mask, there
        await pilot.pause()
        assert app.masked  # the mask key works inside the review too
        assert "Priya" not in drawn(app) and "•" in drawn(app)
        await pilot.press("right", "left")  # away from the step and back
        await pilot.pause()
        assert "Priya" not in drawn(app)
        await pilot.press("w")  # writing: the text shows, to the one writing it
        await wait_until(pilot, lambda: "Priya" in drawn(app), "the note shown to write")
