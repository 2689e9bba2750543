"""Nothing is dated after today: a typo in a year must not invent an achievement.

Forms refuse a check-in or a reflection dated after today, beside the date, keeping what was
typed; files and imports may hold a date one day ahead (another time zone) and nothing
further; progress counts a check-in only from its day on; a check-in before its goal's start
asks to move the start back. One rule in the domain, called from every path.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from aspire_tui.domain.check_ins import start_moved_back, why_not_log
from aspire_tui.domain.models import (
    Aspiration,
    CheckIn,
    Goal,
    Reflection,
    Review,
    Target,
)
from aspire_tui.domain.progress import goal_progress
from aspire_tui.domain.validation import (
    ValidationError,
    check_dated_in_file,
    check_not_after_today,
    parse_date_so_far,
)
from aspire_tui.store import AspireStore
from aspire_tui.store.exchange import ImportFileError, export_json, read_export
from aspire_tui.store.file_check import check_file
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.reflection_form import ReflectionForm
from aspire_tui.ui.screens.goals import GoalsScreen
from aspire_tui.ui.screens.review import ReviewScreen
from tests.conftest import TODAY, docs, read_data
from tests.ui_helpers import (
    SIZE,
    clear_field,
    detail_text,
    list_rows,
    make_app,
    screen_text,
    type_text,
)

D = date(2026, 1, 1)
TOMORROW = TODAY + timedelta(days=1)


def recent_achievements(app: object) -> list[str]:
    """Home's rows under "Recent achievements"."""
    rows = list_rows(app)  # type: ignore[arg-type]
    start = rows.index("Recent achievements") + 1
    return rows[start : rows.index("Drivers", start)]


@pytest.fixture
def aspiration(store: AspireStore) -> Aspiration:
    return store.save_aspiration(Aspiration("Become a tax expert", D))


# The rules, in the domain ----------------------------------------------------------------


def test_a_day_after_today_is_refused_and_today_is_not() -> None:
    assert check_not_after_today(TODAY, TODAY) == TODAY
    with pytest.raises(ValidationError, match="2027-05-01 is after today"):
        check_not_after_today(date(2027, 5, 1), TODAY)


def test_a_date_a_file_brought_a_day_ahead_may_stay_when_the_record_is_edited() -> None:
    assert parse_date_so_far(TOMORROW.isoformat(), TODAY, kept=TOMORROW) == TOMORROW
    with pytest.raises(ValidationError, match="is after today"):
        parse_date_so_far(TOMORROW.isoformat(), TODAY)  # typed anew: refused
    far = TODAY + timedelta(days=2)
    with pytest.raises(ValidationError, match="is after today"):
        parse_date_so_far(far.isoformat(), TODAY, kept=far)


def test_a_file_may_hold_a_day_ahead_and_no_more() -> None:
    ahead = CheckIn(1, TOMORROW, 1.0)
    assert check_dated_in_file(ahead, TODAY) is ahead
    assert check_dated_in_file(Reflection(on=TOMORROW, note="x"), TODAY)
    for record in (
        CheckIn(1, TODAY + timedelta(days=2), 1.0),
        Reflection(on=TODAY + timedelta(days=2), note="x"),
        Review(started=TODAY + timedelta(days=2), plan=("closing",)),
        Review(started=TODAY, plan=("closing",), finished=TODAY + timedelta(days=2)),
    ):
        with pytest.raises(ValidationError, match="more than a day after today"):
            check_dated_in_file(record, TODAY)


def test_nothing_counts_as_achieved_before_its_date() -> None:
    goal = Goal(1, "Win clients", Target.number(3, "clients"), D, id=7)
    checkins = [CheckIn(7, D, 2.0), CheckIn(7, TOMORROW, 1.0)]
    today = goal_progress(goal, checkins, TODAY)
    assert not today.achieved and today.done == 2.0
    then = goal_progress(goal, checkins, TOMORROW)
    assert then.achieved_on == TOMORROW


def test_may_i_log_is_one_rule() -> None:
    done = Goal(1, "Talk", Target.done(), D, id=1)
    assert why_not_log(done, [], TODAY) is None
    assert why_not_log(done, [CheckIn(1, D, 1.0)], TODAY) == "Already done."
    checklist = Goal(1, "Ship", Target.checklist(("a", "b")), D, id=2)
    assert why_not_log(checklist, [CheckIn(2, D, 1.0, milestone="a")], TODAY) is None
    ticked = [CheckIn(2, D, 1.0, milestone="a"), CheckIn(2, D, 1.0, milestone="b")]
    assert why_not_log(checklist, ticked, TODAY) == "Every milestone is done."
    number = Goal(1, "Clients", Target.number(2, "clients"), D, id=3)
    assert why_not_log(number, [CheckIn(3, D, 2.0)], TODAY) is None  # more is still true


def test_a_checkin_before_the_start_moves_it_back() -> None:
    goal = Goal(1, "Clients", Target.number(2), D, starts=date(2026, 6, 1))
    assert start_moved_back(goal, date(2026, 6, 1)) is None
    moved = start_moved_back(goal, date(2026, 5, 1))
    assert moved is not None and moved.starts == date(2026, 5, 1) and moved.begins == moved.starts


# The forms ---------------------------------------------------------------------------------


async def test_a_future_check_in_is_refused_beside_the_date_and_invents_nothing(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    store.save_goal(Goal(aspiration.id or 0, "Give a talk", Target.done(), D))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm)
        await pilot.press("shift+tab")  # from the note to the date
        await clear_field(pilot)
        await type_text(pilot, "2027-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form, "the form stays open"
        error = form.query_one("#on-error", Static)
        assert error.display and "2027-05-01 is after today" in str(error.visual)
        assert form.query_one("#on", Input).value == "2027-05-01"
        assert pilot.app.focused is form.query_one("#on")
        # What else was typed stays too, and a second try is refused the same way.
        form.query_one("#note", Input).focus()
        await type_text(pilot, "PyCon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.query_one("#note", Input).value == "PyCon"
        assert "2027-05-01 is after today" in str(form.query_one("#on-error", Static).visual)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert "Achieved" not in detail_text(pilot.app)
        await pilot.press("0")
        await pilot.pause()
        assert recent_achievements(pilot.app) == ["  nothing here"]
    assert docs(data_dir, "checkins") == []


async def test_a_future_reflection_is_refused_beside_the_date(
    store: AspireStore, data_dir: Path
) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ReflectionForm)
        await type_text(pilot, "a good week")
        form.query_one("#on", Input).focus()
        await clear_field(pilot)
        await type_text(pilot, "2027-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        error = form.query_one("#on-error", Static)
        assert error.display and "2027-05-01 is after today" in str(error.visual)
        assert form.query_one("#on", Input).value == "2027-05-01"
        assert "a good week" in form.query_one("#note").text  # type: ignore[attr-defined]
    assert docs(data_dir, "reflections") == []


async def test_a_check_in_before_the_start_moves_the_start_back_when_asked(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    store.save_goal(
        Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D, starts=TODAY)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await type_text(pilot, "2")
        await pilot.press("shift+tab")
        await clear_field(pilot)
        await type_text(pilot, "2026-11-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Move the goal's start back to 2026-11-01?" in screen_text(pilot.app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert "2 of 10 clients" in detail_text(pilot.app)
    [goal] = docs(data_dir, "goals")
    assert goal["starts"] == "2026-11-01"
    assert [(c["on"], c["amount"]) for c in docs(data_dir, "checkins")] == [("2026-11-01", 2.0)]


async def test_no_keeps_the_form_open_to_fix_the_date(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    store.save_goal(
        Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D, starts=TODAY)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        form = pilot.app.screen
        await type_text(pilot, "2")
        await pilot.press("shift+tab")
        await clear_field(pilot)
        await type_text(pilot, "2026-11-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen is form
        assert isinstance(form, CheckInForm)
        assert form.query_one("#on", Input).value == "2026-11-01"
        assert form.query_one("#amount", Input).value == "2"
        assert "before the goal starts" in str(form.query_one("#on-error", Static).visual)
        await clear_field(pilot)
        await type_text(pilot, TODAY.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
    [goal] = docs(data_dir, "goals")
    assert goal["starts"] == TODAY.isoformat()
    assert [c["on"] for c in docs(data_dir, "checkins")] == [TODAY.isoformat()]


async def test_a_correction_before_the_start_moves_it_and_undo_puts_both_back(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    goal = store.save_goal(
        Goal(aspiration.id or 0, "Win clients", Target.number(10, "clients"), D, starts=TODAY)
    )
    store.save_checkin(CheckIn(goal.id or 0, TODAY, 2.0))
    before = (docs(data_dir, "goals"), docs(data_dir, "checkins"))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", "e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CheckInForm)
        await pilot.press("shift+tab")
        await clear_field(pilot)
        await type_text(pilot, "2026-10-01")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)
        assert docs(data_dir, "goals")[0]["starts"] == "2026-10-01"
        assert docs(data_dir, "checkins")[0]["on"] == "2026-10-01"
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert (docs(data_dir, "goals"), docs(data_dir, "checkins")) == before


async def test_the_review_logs_by_the_same_rules(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    """The review and Goals agree on "may I log?": a number past its target takes more (the
    review used to refuse once achieved), and a future date is refused beside the field."""
    goal = store.save_goal(Goal(aspiration.id or 0, "Win clients", Target.number(2, "clients"), D))
    store.save_checkin(CheckIn(goal.id or 0, D, 1.0))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("l")
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "achieved" in screen_text(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CheckInForm), screen_text(pilot.app)
        await type_text(pilot, "1")
        await pilot.press("shift+tab")
        await clear_field(pilot)
        await type_text(pilot, "2027-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "is after today" in str(form.query_one("#on-error", Static).visual)
        await clear_field(pilot)
        await type_text(pilot, TODAY.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
    assert [c["on"] for c in docs(data_dir, "checkins")] == [D.isoformat()] + [
        TODAY.isoformat()
    ] * 2
    [review] = docs(data_dir, "reviews")
    # Achieved once: what is logged after that is logged, not achieved again.
    assert [c["action"] for c in review["changes"]] == ["achieved", "logged"]


# Files and imports -------------------------------------------------------------------------


def _export_with_checkin_on(tmp_path: Path, day: date) -> bytes:
    source = AspireStore.open(tmp_path / day.isoformat())
    a = source.save_aspiration(Aspiration("Clients", D))
    g = source.save_goal(Goal(a.id or 0, "Win clients", Target.number(3, "clients"), D))
    source.save_checkin(CheckIn(g.id or 0, D, 2.0))
    source.save_checkin(CheckIn(g.id or 0, day, 1.0, "from Tokyo"))
    text = export_json(source)
    source.close()
    return text.encode()


def test_an_import_takes_a_day_ahead_and_refuses_two(tmp_path: Path) -> None:
    export = read_export(Path("x.json"), _export_with_checkin_on(tmp_path, TOMORROW), today=TODAY)
    assert [c.on for c, _ in export.checkins] == [D, TOMORROW]
    later = _export_with_checkin_on(tmp_path, TODAY + timedelta(days=2))
    with pytest.raises(ImportFileError) as refused:
        read_export(Path("x.json"), later, today=TODAY)
    message = str(refused.value)
    assert "checkins entry 2" in message and "2026-11-29" in message
    assert "more than a day after today" in message and "Nothing was changed" in message


def _data_file_with_checkin_on(data_dir: Path, day: date) -> dict[str, object]:
    store = AspireStore.open(data_dir)
    a = store.save_aspiration(Aspiration("Clients", D))
    g = store.save_goal(Goal(a.id or 0, "Win clients", Target.number(3, "clients"), D))
    store.save_checkin(CheckIn(g.id or 0, D, 2.0))
    store.save_checkin(CheckIn(g.id or 0, day, 1.0, "from Tokyo"))
    store.close()
    return read_data(data_dir)


def test_the_data_file_is_read_whatever_its_dates(tmp_path: Path) -> None:
    """Aspire's own file opens even with dates far ahead: a clock set back, a trip across the
    date line, or a record from before the rule must never lock a person out of their data
    (what is ahead counts toward nothing until its day; imports and forms refuse it)."""
    data = _data_file_with_checkin_on(tmp_path / "a", TODAY + timedelta(days=2))
    decoded = check_file(tmp_path / "a" / "aspire.json", data)
    assert [c.on for c in decoded["checkins"].values()][-1] == TODAY + timedelta(days=2)
    store = AspireStore.open(tmp_path / "data")
    store.save_reflection(Reflection(on=date(2027, 5, 1), note="typo"))
    store.close()
    check_file(tmp_path / "data" / "aspire.json", read_data(tmp_path / "data"))


async def test_a_check_in_a_day_ahead_reaches_the_target_only_on_its_day(
    store: AspireStore, aspiration: Aspiration
) -> None:
    goal = store.save_goal(Goal(aspiration.id or 0, "Win clients", Target.number(3, "clients"), D))
    store.save_checkin(CheckIn(goal.id or 0, D, 2.0))
    store.save_checkin(CheckIn(goal.id or 0, TOMORROW, 1.0, "from Tokyo"))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert recent_achievements(pilot.app) == ["  nothing here"]
        await pilot.press("3")
        await pilot.pause()
        assert "Achieved" not in detail_text(pilot.app)
        assert not list_rows(pilot.app)[1].startswith("✓")
    async with make_app(store, today=TOMORROW, start="goals").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Achieved on Sat 28 Nov 2026" in detail_text(pilot.app)


def test_a_clock_two_days_behind_still_opens_the_data_and_leaves_it(tmp_path: Path) -> None:
    """The real path: the store opens with this computer's today, which may run behind."""
    ahead = date.today() + timedelta(days=2)
    _data_file_with_checkin_on(tmp_path / "data", ahead)
    path = tmp_path / "data" / "aspire.json"
    before = path.read_bytes()
    store = AspireStore.open(tmp_path / "data")
    assert ahead in [c.on for c in store.checkins()]
    store.close()
    assert path.read_bytes() == before


async def test_achieved_in_the_review_before_the_start_moves_the_start_too(
    store: AspireStore, aspiration: Aspiration, data_dir: Path
) -> None:
    later = TODAY + timedelta(days=10)
    store.save_goal(Goal(aspiration.id or 0, "Give a talk", Target.done(), D, starts=later))
    async with make_app(store, start=None).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "Its start moves back to today" in screen_text(pilot.app)
        await pilot.press("y")
        await pilot.pause()
    [goal] = docs(data_dir, "goals")
    assert goal["starts"] == TODAY.isoformat()
    assert [c["on"] for c in docs(data_dir, "checkins")] == [TODAY.isoformat()]
