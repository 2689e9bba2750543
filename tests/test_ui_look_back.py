"""Decisions come back: every step down, pause, let go and raise of the bar leaves a journal
entry with a day to look back on it; when the day comes, Home and the next review ask how it
went, and the answer is kept linked to the decision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.decisions import decision_entry, look_back_entry
from aspire_tui.domain.models import Assessment, Driver, Reflection
from aspire_tui.store import AspireStore
from aspire_tui.ui.dialogs.look_back_form import LookBackForm
from aspire_tui.ui.screens.aspirations import AspirationsScreen
from aspire_tui.ui.screens.review import ReviewScreen
from tests.conftest import TODAY, docs
from tests.test_ui_ladder import history, management
from tests.ui_helpers import (
    SIZE,
    detail_text,
    footer_keys,
    journal_rows,
    list_rows,
    make_app,
    notifications,
    screen_text,
    type_text,
    wait_until,
)

THREE_MONTHS_ON = "2027-02-27"  # TODAY (27 Nov 2026) and three months


def error_text(app: object, field: str) -> str:
    return str(app.screen.query_one(f"#{field}-error", Static).visual)  # type: ignore[attr-defined]


def decisions(data_dir: Path) -> list[dict[str, object]]:
    return [d for d in docs(data_dir, "reflections") if "decision" in d["tags"]]


async def _look_back_on(pilot: Pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#look_back", Input)
    field.focus()
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


# Every decision is kept, with a day to look back ---------------------------------------------


async def test_a_step_down_keeps_a_decision_to_look_back_on_in_three_months(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management(level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "s")
        await pilot.pause()
        assert pilot.app.screen.query_one("#look_back", Input).value == THREE_MONTHS_ON
        await type_text(pilot, "Too many meetings")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
    assert history(data_dir)[1:] == [("stepped_down", 1, "Too many meetings")]
    [entry] = docs(data_dir, "reflections")
    assert entry["note"] == "Decided: step down a level. Why: Too many meetings"
    assert entry["tags"] == ["decision"] and entry["aspiration_id"] == 1
    assert (entry["on"], entry["look_back"]) == (TODAY.isoformat(), THREE_MONTHS_ON)


async def test_a_chosen_look_back_day_is_kept(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(management(level=1))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "p")
        await pilot.pause()
        await type_text(pilot, "New baby")
        await _look_back_on(pilot, "2027-06-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await type_text(pilot, "Not mine now")
        await pilot.press("ctrl+s")
        await pilot.pause()
    paused, gone = decisions(data_dir)
    assert (paused["note"], paused["look_back"]) == (
        "Decided: pause it for now. Why: New baby",
        "2027-06-01",
    )
    assert (gone["note"], gone["look_back"]) == (
        "Decided: let it go. Why: Not mine now",
        THREE_MONTHS_ON,
    )


async def test_a_look_back_day_not_after_today_is_refused_and_the_form_stays(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management(level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "Not mine")
        for day, said in ((TODAY.isoformat(), "after today"), ("2027-02-30", "does not exist")):
            await _look_back_on(pilot, day)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert pilot.app.screen is form
            assert said in error_text(pilot.app, "look_back")
        await pilot.press("escape", "y")
        await pilot.pause()
    assert len(history(data_dir)) == 1 and docs(data_dir, "reflections") == []


async def test_raising_the_bar_keeps_a_decision_too(store: AspireStore, data_dir: Path) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "u")
        await pilot.pause()
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Ready for a team")
        await _look_back_on(pilot, "2027-01-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AspirationsScreen)
    [entry] = docs(data_dir, "reflections")
    assert entry["note"] == "Decided: raise the bar. Why: Ready for a team"
    assert (entry["tags"], entry["look_back"]) == (["decision"], "2027-01-10")


async def test_a_reevaluation_decision_has_a_look_back_and_keep_going_has_none(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management(level=2))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "v")
        await pilot.pause()
        look_back = pilot.app.screen.query_one("#look_back", Input)
        assert not look_back.display, "keep going: nothing to look back on"
        pilot.app.screen.query_one("#decision", Select).value = "stepped_down"
        await pilot.pause()
        assert look_back.display and look_back.value == THREE_MONTHS_ON
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Too many meetings")
        await _look_back_on(pilot, "2026-11-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "after today" in error_text(pilot.app, "look_back")
        await _look_back_on(pilot, "2027-03-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Still right")
        await pilot.press("ctrl+s")
        await pilot.pause()
    stepped, kept = sorted(docs(data_dir, "reflections"), key=lambda d: str(d["note"]))[::-1]
    assert stepped["tags"] == ["reevaluation", "decision"]
    assert stepped["note"].endswith("Decided: step down a level. Why: Too many meetings")
    assert stepped["look_back"] == "2027-03-01"
    assert kept["tags"] == ["reevaluation"] and kept["look_back"] is None


async def test_raising_from_a_reevaluation_carries_its_look_back_day(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_aspiration(management())
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("2", "v")
        await pilot.pause()
        pilot.app.screen.query_one("#decision", Select).value = "raised"
        await pilot.pause()
        pilot.app.screen.query_one("#reason").focus()
        await type_text(pilot, "Ready")
        await _look_back_on(pilot, "2027-04-04")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen.query_one("#look_back", Input).value == "2027-04-04"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [entry] = docs(data_dir, "reflections")
    assert entry["tags"] == ["reevaluation", "decision"] and entry["look_back"] == "2027-04-04"


# When the day comes, Home asks how it went ---------------------------------------------------

DECIDED_ON = date(2026, 8, 27)


def _profile(finished: date, leading: int) -> Assessment:
    """A finished profile: every leading-people statement answered `leading`, the rest 3."""
    answers = {
        s.id: leading if s.driver is Driver.LEADING else 3 for s in questionnaire().statements
    }
    return Assessment(started=finished, answers=answers, finished=finished)


def with_a_decision(
    store: AspireStore,
    look_back: date = TODAY,
    on: date = DECIDED_ON,
    why: str = "Too many meetings",
) -> Reflection:
    """An aspiration stepped down on `on`, its decision due to be looked back on."""
    lead = store.save_aspiration(management(level=1))
    entry = decision_entry(on, lead.id, "Step down a level", why, look_back)
    return store.save_reflection(entry)


def home_text(app: object) -> str:
    return " ".join("\n".join(list_rows(app)).split())  # type: ignore[arg-type]


async def test_home_asks_how_a_decision_went_once_its_day_has_come(
    store: AspireStore, data_dir: Path
) -> None:
    decision = with_a_decision(store)
    store.save_assessment(_profile(date(2026, 8, 1), leading=5))
    store.save_assessment(_profile(date(2026, 11, 20), leading=2))
    async with make_app(store, today=date(2026, 11, 26), start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Look back" not in home_text(pilot.app), "not before its day"
        await pilot.press("b")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, LookBackForm)
        said = " ".join(notifications(pilot.app))
        assert "No decision to look back on today" in said, "the key says why, never nothing"
        assert "The next comes back on Fri 27 Nov 2026" in said
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert (
            "Look back: you decided to step down a level on 27 Aug. How did it go? (b)"
            in home_text(pilot.app)
        )
        assert footer_keys(pilot.app)["Look back"] == "b"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LookBackForm)
        shown = " ".join(screen_text(pilot.app).split())
        assert "Decided: step down a level. Why: Too many meetings" in shown
        assert "Thu 27 Aug 2026" in shown
        assert "Lead people" in shown and "now on level 2/5: Manage a team" in shown
        assert "leading people 5.0 → 2.0" in shown and "balance" not in shown
        await pilot.press("escape")  # nothing typed: nothing kept, and it is still asked
        await pilot.pause()
        assert "Look back: you decided" in home_text(pilot.app)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "How did it go" in error_text(pilot.app, "answer")
        await type_text(pilot, "Right call: evenings back")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Look back" not in home_text(pilot.app)
        await pilot.press("b")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, LookBackForm), "answered: not asked again"
    answers = [d for d in docs(data_dir, "reflections") if d["tags"] == ["look back"]]
    assert [(a["note"], a["follows"], a["aspiration_id"], a["on"]) for a in answers] == [
        ("Right call: evenings back", decision.uid, 1, TODAY.isoformat())
    ]


async def test_home_names_the_oldest_look_back_and_how_many_more(store: AspireStore) -> None:
    with_a_decision(store, look_back=date(2026, 11, 1), on=date(2026, 8, 1))
    with_a_decision(store, look_back=date(2026, 10, 1), on=date(2026, 7, 1), why="Oldest")
    with_a_decision(store, look_back=date(2026, 11, 20), on=date(2026, 8, 20))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = home_text(pilot.app)
        assert "you decided to step down a level on 1 Jul. How did it go? (b)" in text
        assert "and 2 more" in text
        await pilot.press("b")
        await pilot.pause()
        assert "Oldest" in screen_text(pilot.app)


async def test_without_a_newer_profile_the_look_back_says_so(store: AspireStore) -> None:
    with_a_decision(store)
    store.save_assessment(_profile(date(2026, 8, 1), leading=5))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert "No drivers profile taken since" in " ".join(screen_text(pilot.app).split())


async def test_the_look_back_key_is_in_help_and_the_palette(store: AspireStore) -> None:
    with_a_decision(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "How did a decision go? Look back on it" in screen_text(pilot.app)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await type_text(pilot, "look back")
        await pilot.pause(0.3)
        assert "Home: How did a decision go? Look back on it" in screen_text(pilot.app)


# The next review asks too ----------------------------------------------------------------------


def look_backs(data_dir: Path) -> list[tuple[str, str]]:
    return [
        (str(d["note"]), str(d["follows"]))
        for d in docs(data_dir, "reflections")
        if d["tags"] == ["look back"]
    ]


async def test_the_review_asks_how_a_due_decision_went_and_keeps_the_answer_linked(
    store: AspireStore, data_dir: Path
) -> None:
    decision = with_a_decision(store)
    store.save_assessment(_profile(date(2026, 8, 1), leading=5))
    store.save_assessment(_profile(date(2026, 11, 20), leading=2))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = " ".join(screen_text(app).split())
        assert "step 1 of 3 · Look back" in shown
        assert "Decided: step down a level. Why: Too many meetings" in shown
        assert "now on level 2/5: Manage a team" in shown
        assert "leading people 5.0 → 2.0" in shown
        await pilot.press("w")
        await type_text(pilot, "Good call")
        await pilot.press("enter", "right")
        await pilot.pause()
        assert "step 2 of 3 · Aspiration" in screen_text(app)
        assert look_backs(data_dir) == [("Good call", decision.uid)], "kept as the step is left"
        await pilot.press("left", "w", "end")
        await type_text(pilot, ", evenings back")
        await pilot.press("enter", "escape")  # left: kept, and the answer with it
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        assert "Look back" not in home_text(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("right", "right", "w")
        await type_text(pilot, "Well")
        await pilot.press("enter")
        await type_text(pilot, "Less")
        await pilot.press("enter")
        await type_text(pilot, "Next")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
    assert look_backs(data_dir) == [("Good call, evenings back", decision.uid)]
    [answer] = [d for d in docs(data_dir, "reflections") if d["tags"] == ["look back"]]
    assert answer["aspiration_id"] == 1 and answer["on"] == TODAY.isoformat()
    [review] = docs(data_dir, "reviews")
    step = f"lookback:{decision.uid}"
    assert review["notes"][step] == "Good call, evenings back"
    assert [(c["step"], c["action"]) for c in review["changes"]] == [(step, "looked back")]


async def test_a_look_back_answered_on_home_is_not_asked_again_in_the_review(
    store: AspireStore, data_dir: Path
) -> None:
    with_a_decision(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await type_text(pilot, "Fine")
        await pilot.press("ctrl+s", "r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert "step 1 of 2 · Aspiration" in screen_text(pilot.app)
    assert len(look_backs(data_dir)) == 1


# The journal shows what each decision and look back is ------------------------------------------


async def test_the_journal_shows_look_back_days_and_which_decision_a_look_back_answers(
    store: AspireStore,
) -> None:
    waiting = with_a_decision(store, look_back=date(2027, 3, 6), on=date(2026, 11, 20))
    done = with_a_decision(store, look_back=date(2026, 11, 1), on=date(2026, 8, 1), why="Old")
    answer = store.save_reflection(look_back_entry(done, date(2026, 11, 2), "It worked out"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = [" ".join(r.split()) for r in journal_rows(pilot.app)]
        assert any("#decision" in r and "look back on 6 Mar" in r for r in rows)
        assert any("#decision" in r and "looked back on 2 Nov" in r for r in rows)
        assert any("#look back" in r and "answers the decision of 1 Aug" in r for r in rows)
        screen = pilot.app.screen
        screen.reload(select=waiting.id)
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "Look back on Sat 6 Mar 2027" in shown
        assert "What do you want out of your career?" not in shown, "no empty reflection form"
        assert "How much each matters now" not in shown
        screen.reload(select=done.id)
        await pilot.pause()
        assert "Looked back on Mon 2 Nov 2026: It worked out" in detail_text(pilot.app)
        screen.reload(select=answer.id)
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "Answers your decision of Sat 1 Aug 2026 to step down a level" in shown
        assert "How did it go?" in shown and "It worked out" in shown


async def test_a_look_back_being_written_when_aspire_stops_opens_again(
    store: AspireStore, data_dir: Path
) -> None:
    from datetime import datetime

    from aspire_tui.store.drafts import save_draft
    from aspire_tui.ui.drafts import draft_of

    with_a_decision(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await type_text(pilot, "Half written")
        draft = draft_of(pilot.app.screen, datetime(2026, 11, 27, 21, 5))  # type: ignore[arg-type]
        assert draft is not None and draft.form == "look back"
    save_draft(data_dir, draft)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LookBackForm))
        await pilot.pause()
        assert pilot.app.screen.query_one("#answer").text == "Half written"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert look_backs(data_dir) == [("Half written", docs(data_dir, "reflections")[0]["uid"])]
