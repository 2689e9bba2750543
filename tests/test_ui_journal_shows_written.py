"""The journal shows what was written, asks each question once, and keeps newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select

from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.journal import PROMPTS, REEVALUATION_PROMPT, prompt_of_the_day
from aspire_tui.domain.models import Driver, Reflection, Review
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from tests.conftest import TODAY, docs
from tests.ui_helpers import SIZE, detail_text, journal_rows, make_app, type_text

UNASKED = (
    "What do you want out of your career?",
    "What are you passionate about?",
    "not rated",
    "not answered",
    "—",
)


async def test_an_entry_shows_only_what_was_written(store: AspireStore) -> None:
    store.save_reflection(
        Reflection(
            on=date(2026, 6, 1),
            note="Still mine, for now",
            prompt=REEVALUATION_PROMPT,
            tags=("reevaluation",),
        )
    )
    store.save_reflection(Reflection(on=date(2026, 6, 2), note="Free writing only"))
    store.save_reflection(
        Reflection(on=date(2026, 6, 3), passions="Teaching", ratings={Driver.BALANCE: 4})
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "What are you passionate about?\nTeaching" in shown
        assert "●●●●○" in shown
        assert "What do you want out of your career?" not in shown
        assert "not rated" not in shown
        for _ in range(2):
            await pilot.press("j")
            await pilot.pause()
            shown = detail_text(pilot.app)
            assert "Still mine, for now" in shown or "Free writing only" in shown
            assert "How much each matters now" not in shown
            for words in UNASKED:
                assert words not in shown, words
        assert REEVALUATION_PROMPT in shown


WANT_PROMPT = "What do I want out of my career?"
WANT_FIELD = "What do you want out of your career?"


def shown_labels(form: ReflectionForm) -> list[str]:
    """The questions the form shows now (a hidden one is not asked)."""
    from textual.widgets import Label

    return [
        str(label.visual)
        for label in form.query(Label)
        if label.has_class("field-label") and label.display and label.parent.display
    ]


async def test_choosing_the_want_prompt_does_not_ask_it_twice(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        assert WANT_FIELD in shown_labels(form)
        daily = prompt_of_the_day(TODAY)
        offered = [daily, *(p for p in PROMPTS if p != daily)]
        await pilot.press("tab", "enter")  # open the prompt's list
        await pilot.press(*["down"] * offered.index(WANT_PROMPT), "enter")
        await pilot.pause()
        assert form.query_one("#prompt", Select).value == WANT_PROMPT
        await pilot.pause()
        labels = shown_labels(form)
        assert WANT_PROMPT in labels and WANT_FIELD not in labels
        await type_text(pilot, "Room to grow")
        await pilot.press("tab", "tab")  # past the prompt: straight to what I am passionate about
        await type_text(pilot, "Teaching")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert shown.count("want out of") == 1
    [entry] = docs(data_dir, "reflections")
    assert (entry["prompt"], entry["note"], entry["want"], entry["passions"]) == (
        WANT_PROMPT,
        "Room to grow",
        "",
        "Teaching",
    )


async def test_an_answer_already_written_to_the_field_stays_shown(store: AspireStore) -> None:
    store.save_reflection(
        Reflection(on=date(2026, 6, 1), want="Lead", note="Grow", prompt=WANT_PROMPT)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        assert WANT_FIELD in shown_labels(form), "nothing written is hidden"


async def test_newest_first_holds_within_a_day(store: AspireStore, data_dir: Path) -> None:
    """An entry written after the day's review stands above it, one written before below."""
    store.save_reflection(Reflection(on=TODAY, note="Before the review"))
    store.save_review(Review(started=TODAY, plan=("closing",), finished=TODAY, went_well="Much"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "After the review")
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = [row.split("\n") for row in journal_rows(pilot.app)]
        assert [row[0] for row in rows] == [
            DateFormat.ISO.short(TODAY),
            f"{DateFormat.ISO.short(TODAY)} #review",
            DateFormat.ISO.short(TODAY),
        ]
        assert rows[0][1] == "After the review" and rows[2][1] == "Before the review"
    made = {d["note"] for d in docs(data_dir, "reflections")}
    assert made == {"Before the review", "After the review"}
