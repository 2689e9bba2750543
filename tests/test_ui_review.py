"""The periodic review, driven by keys with a fixed today: when it is due, the walk through
goals, aspirations, drivers and the closing, what the file then holds, the journal and the
streak, and leaving and resuming with nothing typed lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Review,
    Target,
)
from aspire_tui.store import AspireStore
from aspire_tui.ui.app import AspireApp
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reevaluate_form import ReevaluateForm
from aspire_tui.ui.screens.review import ReviewScreen
from tests.conftest import TODAY, docs
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
)

LONG_AGO = date(2024, 6, 1)


def seed(store: AspireStore) -> tuple[Aspiration, Goal, Goal]:
    aspiration = store.save_aspiration(Aspiration("Become the [b]go-to[/b] expert", LONG_AGO))
    assert aspiration.id is not None
    hours = store.save_goal(
        Goal(aspiration.id, "Study 10 hours", Target.number(10, "hours"), LONG_AGO)
    )
    talk = store.save_goal(Goal(aspiration.id, "Give a talk", Target.done(), LONG_AGO))
    store.save_assessment(
        Assessment(started=LONG_AGO, answers={"a1": 5}, finished=LONG_AGO)  # over a year old
    )
    return aspiration, hours, talk


def review_text(app: object) -> str:
    return screen_text(app)  # type: ignore[arg-type]


async def test_a_whole_review_by_keys_is_saved_as_one_entry(
    store: AspireStore, data_dir: Path
) -> None:
    aspiration, hours, talk = seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        assert "review due" in app.title
        assert "Monthly review due: r starts it" in list_rows(app)[1]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "step 1 of 5 · Goal" in review_text(app) and "Study 10 hours" in review_text(app)
        # Goal 1: log progress, with a note on the step
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Logged: now 3 of 10 hours" in review_text(app)
        await pilot.press("w")
        await type_text(pilot, "[b]slow[/b] month")
        await pilot.press("enter", "right")
        await pilot.pause()
        # Goal 2: achieved
        assert "step 2 of 5" in review_text(app) and "Give a talk" in review_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Achieved" in review_text(app)
        await pilot.press("right")
        await pilot.pause()
        # The aspiration: still mine
        assert "step 3 of 5 · Aspiration" in review_text(app)
        assert "[b]go-to[/b]" in review_text(app)  # user text, shown literally
        await pilot.press("y", "right")
        await pilot.pause()
        # The drivers, over a year old: offered, passed over
        assert "step 4 of 5 · Drivers" in review_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "step 5 of 5 · Closing" in review_text(app)
        await pilot.press("w")
        await type_text(pilot, "Shipped the talk")
        await pilot.press("enter")
        await type_text(pilot, "Less email")
        await pilot.press("enter")
        await type_text(pilot, "Book study time")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        assert any("next one is due from Tue 1 Dec 2026" in n for n in notifications(app))
        assert "review due" not in app.title
        assert "Done · the next from Tue 1 Dec 2026" in list_rows(app)[1]
        assert "on-time streak: 1 month" in list_rows(app)[1]
    (saved,) = docs(data_dir, "reviews")
    assert saved["finished"] == TODAY.isoformat() and saved["started"] == TODAY.isoformat()
    assert [c["action"] for c in saved["changes"]] == ["logged", "achieved", "kept"]
    assert saved["changes"][0]["detail"] == "now 3 of 10 hours"
    assert saved["notes"] == {f"goal:{hours.uid}": "[b]slow[/b] month"}
    assert (saved["went_well"], saved["will_change"], saved["next_step"]) == (
        "Shipped the talk",
        "Less email",
        "Book study time",
    )
    amounts = sorted((c["goal_id"], c["amount"]) for c in docs(data_dir, "checkins"))
    assert amounts == [(hours.id, 3.0), (talk.id, 1.0)]


async def test_the_journal_shows_a_review_among_the_reflections(
    store: AspireStore, data_dir: Path
) -> None:
    _, hours, _ = seed(store)
    from aspire_tui.domain.models import ReviewAction, ReviewChange

    plan = (f"goal:{hours.uid}", "closing")
    store.save_review(
        Review(
            started=TODAY,
            plan=plan,
            step=1,
            notes={plan[0]: "[@click=app.quit]note[/]"},
            changes=(ReviewChange(plan[0], ReviewAction.LOGGED, hours.title, "3 of 10 hours"),),
            next_step="[b]Book[/b] study time",
            finished=TODAY,
        )
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        app = pilot.app
        rows = journal_rows(app)
        assert rows[0].startswith("2026-11-27 #review")
        assert "1 change, 1 note · next: [b]Book[/b]" in rows[0]
        await pilot.press(*["down"] * (list_rows(app).index(rows[0]) - 1))
        await pilot.pause()
        shown = detail_text(app)
        assert "Review of Fri 27 Nov 2026" in shown
        assert "Study 10 hours" in shown and "Logged: 3 of 10 hours" in shown
        assert "[@click=app.quit]note[/]" in shown  # literal, and clicking it quits nothing
        await pilot.press("slash")
        await type_text(pilot, "-#review")
        await pilot.press("enter")
        await pilot.pause()
        assert not any("#review" in row for row in journal_rows(app))


async def test_leaving_half_way_and_quitting_loses_nothing_typed(
    store: AspireStore, data_dir: Path
) -> None:
    _, hours, _ = seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r", "right")  # on to the second goal
        await pilot.pause()
        await pilot.press("w")
        await type_text(pilot, "half a thought")
        await pilot.press("ctrl+q")  # straight out, from inside the field
        await pilot.pause()
    (draft,) = docs(data_dir, "reviews")
    assert draft["finished"] is None and draft["step"] == 1
    assert list(draft["notes"].values()) == ["half a thought"]
    store.close()
    reopened = AspireStore.open(data_dir)
    try:
        async with make_app(reopened, start=None).run_test(size=SIZE) as pilot:
            app = pilot.app
            await pilot.pause()
            assert "Review under way: step 2/5" in list_rows(app)[1]
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            assert "step 2 of 5" in review_text(app)
            assert app.screen.query_one("#note").value == "half a thought"  # type: ignore[attr-defined]
            await pilot.press("escape")
            await pilot.pause()
            assert any("r carries on where you left off" in n for n in notifications(app))
    finally:
        reopened.close()


async def test_dropping_a_goal_keeps_it_marked_dropped_and_the_review_keeps_its_title(
    store: AspireStore, data_dir: Path
) -> None:
    _, hours, _ = seed(store)
    store.save_checkin(CheckIn(hours.id or 0, TODAY, 2.0))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r", "x")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "1 check-in" in screen_text(pilot.app)
        await pilot.press("y")
        await pilot.pause()
        assert "Dropped" in review_text(pilot.app)
        await pilot.press("right")
        await pilot.pause()
        await pilot.press("v")  # the aspiration step comes after the goals
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReevaluateForm)  # still on a goal step
    kept = {g["title"]: g["dropped"] for g in docs(data_dir, "goals")}
    assert kept == {"Give a talk": None, "Study 10 hours": TODAY.isoformat()}
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [2.0]  # kept with it
    (draft,) = docs(data_dir, "reviews")
    assert [(c["action"], c["title"]) for c in draft["changes"]] == [("dropped", "Study 10 hours")]


async def test_an_aspiration_step_opens_the_reevaluation(store: AspireStore) -> None:
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r", "right", "right")
        await pilot.pause()
        assert "Aspiration" in review_text(pilot.app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReevaluateForm)


async def test_the_streak_counts_reviews_done_on_time(store: AspireStore) -> None:
    seed(store)
    for day in (date(2026, 9, 30), date(2026, 10, 15), date(2026, 11, 2)):
        store.save_review(Review(started=day, plan=("closing",), finished=day))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        row = list_rows(pilot.app)[1]
        assert "Done · the next from Tue 1 Dec 2026" in row
        assert "on-time streak: 3 months · last Mon 2 Nov 2026" in row
    # A month later, with December's not yet done, the streak stands; it is due again.
    async with make_app(store, today=date(2026, 12, 20), start=None).run_test(size=SIZE) as pilot:
        assert "review due" in pilot.app.title
        row = list_rows(pilot.app)[1]
        assert "Monthly review due" in row and "on-time streak: 3 months" in row
    # After a January without one, no tally of what was missed: an invitation.
    async with make_app(store, today=date(2027, 2, 3), start=None).run_test(size=SIZE) as pilot:
        row = list_rows(pilot.app)[1]
        assert "Ready for a review? r starts it" in row and "streak" not in row


async def test_no_score_before_there_is_one_and_a_missed_period_is_an_invitation(
    store: AspireStore,
) -> None:
    """Adopted today: nothing is due and no streak is shown; a month on the first review is
    due; after one on time the streak shows; after a missed month Home invites, never counts."""
    aspiration = store.save_aspiration(Aspiration("Lead a team", TODAY))
    store.save_goal(Goal(aspiration.id or 0, "Hire two people", Target.number(2), TODAY))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "review due" not in pilot.app.title
        row = list_rows(pilot.app)[1]
        assert "streak" not in row and "due" not in row.split("from")[0], row
        assert "Sun 27 Dec 2026" in row, "it says when the first one comes"
        await pilot.press("r")  # early: asked, as an early first review, never "again"
        await pilot.pause()
        asked = screen_text(pilot.app)
        assert "An early review" in asked and "again" not in asked, asked
        assert "Your first review is due from Sun 27 Dec 2026" in asked
        await pilot.press("escape")
    month_on = date(2026, 12, 27)
    async with make_app(store, today=month_on, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "review due" in pilot.app.title
        row = list_rows(pilot.app)[1]
        assert "Monthly review due" in row and "streak" not in row
    store.save_review(Review(started=month_on, plan=("closing",), finished=month_on))
    async with make_app(store, today=date(2027, 1, 3), start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "on-time streak: 1 month" in list_rows(pilot.app)[1]
    # January and February go by without one.
    async with make_app(store, today=date(2027, 3, 2), start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = list_rows(pilot.app)[1]
        assert "Ready for a review? r starts it" in row
        for tally in ("streak", " 0 ", "broken", "missed"):
            assert tally not in row, row
    app = make_app(store, today=date(2027, 3, 2), start=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Ready for a review? r starts it" in list_rows(pilot.app)[1]


async def test_r_on_aspirations_is_the_review_and_u_raises_the_bar(
    store: AspireStore, data_dir: Path
) -> None:
    """One key, one meaning: `r` is the review on every main screen, Aspirations included;
    raising the bar has a key of its own, `u` (up), in the footer and the moves menu."""
    async with make_app(store, start="aspirations").run_test(size=SIZE) as pilot:
        assert footer_keys(pilot.app).get("Raise") == "u"
        await pilot.press("u")  # an empty list: nothing to raise, and it says so
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReviewScreen)
        assert any("Highlight an aspiration first" in n for n in notifications(pilot.app))
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReviewScreen)
        assert any("Nothing to review yet" in n for n in notifications(pilot.app))
    assert docs(data_dir, "reviews") == []
    seed(store)
    async with make_app(store, start="aspirations").run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)


async def test_a_review_can_be_discarded_and_the_changes_it_made_stay(
    store: AspireStore, data_dir: Path
) -> None:
    _, hours, _ = seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r", "l")
        await pilot.pause()
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReviewScreen)
        assert any("Review discarded" in n for n in notifications(pilot.app))
    assert docs(data_dir, "reviews") == []
    assert [c["amount"] for c in docs(data_dir, "checkins")] == [4.0]


async def test_control_characters_in_a_stored_note_never_reach_the_terminal(
    store: AspireStore,
) -> None:
    _, hours, _ = seed(store)
    plan = (f"goal:{hours.uid}", "closing")
    store.save_review(Review(TODAY, plan, notes={plan[0]: "\x1b[31mred"}))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        shown = pilot.app.screen.query_one("#note").value  # type: ignore[attr-defined]
        assert "\x1b" not in shown and "[31mred" in shown


async def test_a_second_review_in_a_period_is_asked_for_and_needs_a_next_step(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    store.save_review(Review(TODAY, ("closing",), finished=TODAY))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "This month's review is done" in screen_text(pilot.app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press(*["right"] * 4, "ctrl+s")  # at the closing, nothing written
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert any("Write the one thing you will do next" in n for n in notifications(pilot.app))


async def _drop_then_put_back(pilot: Pilot[None], steps_after: int = 0) -> None:
    """Drop the first goal in a review, go `steps_after` steps on, leave, and put the goal
    back with ctrl+z on Goals (what the person does to undo a drop)."""
    from aspire_tui.ui.screens.goals import GoalsScreen

    await pilot.press("r", "x", "y")
    await pilot.pause()
    assert "Dropped" in review_text(pilot.app)
    if steps_after:
        await pilot.press(*["right"] * steps_after)
        await pilot.pause()
        assert "Closing" in review_text(pilot.app)
    await pilot.press("escape", "3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalsScreen)
    await pilot.press("ctrl+z")


async def test_a_dropped_goal_put_back_is_no_longer_dropped_in_the_review(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await _drop_then_put_back(pilot)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "Study 10 hours" in review_text(pilot.app)
        assert "Dropped" not in review_text(pilot.app)
    (draft,) = docs(data_dir, "reviews")
    assert draft["changes"] == []


async def test_dates_in_a_review_follow_the_date_format(store: AspireStore) -> None:
    from aspire_tui.domain.dates import DateFormat
    from aspire_tui.domain.models import ReviewAction, ReviewChange
    from aspire_tui.settings import Settings
    from aspire_tui.store.settings_file import LoadedSettings

    _, hours, _ = seed(store)
    plan = (f"goal:{hours.uid}", "closing")
    change = ReviewChange(plan[0], ReviewAction.ADJUSTED, hours.title, "deadline none → 2027-01-31")
    store.save_review(Review(TODAY, plan, changes=(change,)))
    settings = LoadedSettings(
        Settings(date_format=DateFormat.DAY_MONTH), Path("x"), may_write=False
    )
    app = AspireApp(store, today=TODAY, start="home", settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "Adjusted: deadline none → 31/01/2027" in review_text(pilot.app)
    saved = store.unfinished_review()
    assert saved is not None and saved.changes[0].detail.endswith("2027-01-31")  # stored ISO


async def _finish_review(pilot: Pilot[None], steps_left: int) -> None:
    """From the step shown, on to the closing, the three answers, and ctrl+s."""
    await pilot.press(*["right"] * steps_left)
    await pilot.pause()
    assert "Closing" in review_text(pilot.app)
    await pilot.press("w")
    await type_text(pilot, "Kept at it")
    await pilot.press("enter")
    await type_text(pilot, "Less email")
    await pilot.press("enter")
    await type_text(pilot, "Book study time")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, ReviewScreen)


async def _journal_review_text(pilot: Pilot[None]) -> str:
    """The newest review as the journal (Reflect, 1) shows it."""
    await pilot.press("1")
    await pilot.pause()
    rows = journal_rows(pilot.app)
    await pilot.press(*["down"] * (list_rows(pilot.app).index(rows[0]) - 1))
    await pilot.pause()
    return detail_text(pilot.app)


async def test_a_drop_undone_while_the_review_was_left_is_not_saved_as_dropped(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await _drop_then_put_back(pilot)
        await pilot.press("0")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await _finish_review(pilot, 4)
        shown = await _journal_review_text(pilot)
        assert "Review of" in shown and "Dropped" not in shown
    (saved,) = docs(data_dir, "reviews")
    assert saved["finished"] == TODAY.isoformat()
    assert [c["action"] for c in saved["changes"]] == []
    assert "Study 10 hours" in [g["title"] for g in docs(data_dir, "goals")]


async def test_a_drop_undone_after_the_closing_is_reached_is_not_saved_as_dropped(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await _drop_then_put_back(pilot, steps_after=4)
        await pilot.press("0")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert "Closing" in review_text(pilot.app)
        assert "0 changes made" in review_text(pilot.app)
        await _finish_review(pilot, 0)
        shown = await _journal_review_text(pilot)
        assert "Review of" in shown and "Dropped" not in shown
    (saved,) = docs(data_dir, "reviews")
    assert saved["finished"] == TODAY.isoformat()
    assert [c["action"] for c in saved["changes"]] == []


async def test_a_drop_undone_after_the_review_is_saved_shows_as_put_back_in_the_journal(
    store: AspireStore, data_dir: Path
) -> None:
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.press("r", "x", "y")
        await pilot.pause()
        await _finish_review(pilot, 4)
        (saved,) = docs(data_dir, "reviews")
        assert [c["action"] for c in saved["changes"]] == ["dropped"]  # true when saved
        await pilot.press("3", "ctrl+z")
        await pilot.pause()
        shown = await _journal_review_text(pilot)
        assert "Study 10 hours" in shown
        assert "Dropped, then put back" in shown


async def test_the_review_is_launched_by_a_module_of_its_own(store: AspireStore) -> None:
    """Starting, asking before another and hearing how a review ended are not the app's job:
    `ui/review_launch.py` does them, and `r` still starts a review through it."""
    from aspire_tui.ui.review_launch import ReviewLaunch

    assert not any(
        hasattr(AspireApp, name) for name in ("_start_review", "_ask_for_another", "_reviewed")
    )
    seed(store)
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.review, ReviewLaunch) and pilot.app.review.status().due
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "Review kept: r carries on where you left off." in notifications(pilot.app)
