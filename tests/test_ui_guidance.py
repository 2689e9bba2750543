"""What Reflect says about a profile, by keys on a real file: scores on the answered scale,
a flat profile called closest, equally close paths shown as equal, and an old profile that
says what a retake adds."""

from __future__ import annotations

import re
from datetime import date

from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.models import Assessment, Driver
from aspire_tui.store import AspireStore
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app

STATEMENTS = questionnaire().statements
ON = date(2026, 11, 1)
RETIRED = {"aut-1": 6, "aut-2": 6, "sec-3": 5, "mas-1": 6, "ser-4": 4, "bui-3": 2, "ach-3": 5}
RETIRED |= {"bal-4": 5, "mas-3": 6, "aut-3": 6, "lea-1": 6}
NEW = {"ach-6", "sec-6", "mas-6", "aut-6", "aut-7", "bui-6", "ser-6"}
NEW |= {"bal-6", "mas-7", "aut-8", "lea-6"}


def _taken(answers: dict[str, int], picks: tuple[str, ...] = ()) -> Assessment:
    return Assessment(ON, answers, picks, finished=ON)


async def test_a_flat_profile_says_so_and_its_paths_are_only_the_closest(
    store: AspireStore,
) -> None:
    store.save_assessment(_taken({s.id: 5 + n % 2 for n, s in enumerate(STATEMENTS)}))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list_rows(pilot.app)
        paths = rows[3:6]
        assert all("\n   closest " in row for row in paths), paths
        assert not any("fits" in row for row in paths)
        shown = detail_text(pilot.app)
        assert "Your scores sit close together" in shown
        numbers = re.findall(r"(\d\.\d) of 6", shown)
        assert len(numbers) == 9 and all(1.0 <= float(n) <= 6.0 for n in numbers), numbers
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Closest, not a clear fit" in detail_text(pilot.app)


async def test_two_paths_equally_close_are_shown_as_equal_never_in_file_order(
    store: AspireStore,
) -> None:
    wanted = (Driver.SERVICE, Driver.CHALLENGE)
    store.save_assessment(_taken({s.id: 6 if s.driver in wanted else 2 for s in STATEMENTS}))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list_rows(pilot.app)
        assert sorted(row.split("\n")[0] for row in rows[3:5]) == [
            "1= Pure challenge",
            "1= Service to a cause",
        ]
        await pilot.press("down", "down")
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "equally close: " in shown
        assert "Pure challenge" in shown and "Service to a cause" in shown


async def test_a_profile_taken_under_the_old_statements_shows_what_it_can_and_what_a_retake_adds(
    store: AspireStore,
) -> None:
    kept = {s.id: 3 for s in STATEMENTS if s.driver is not Driver.CHALLENGE and s.id not in NEW}
    kept |= {s.id: 6 for s in STATEMENTS if s.driver is Driver.LEADING}
    store.save_assessment(_taken(kept | RETIRED, picks=("lea-2", "aut-1", "mas-1")))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = detail_text(pilot.app)
        lacking = len(STATEMENTS) - len(kept)
        assert f"no answer to {lacking} of today's statements" in shown
        assert "A retake (t) asks them all" in shown
        assert "Hard problems to beat  not answered" in shown, "never invented"
        assert "1. Leading people" in shown and "6.0 of 6  ★ picked" in shown
        autonomy = shown.split("Freedom to work your own way")[1].split("\n")[0]
        assert autonomy == "  too few answers (2 of 5)", "retired answers never count"
        mastery = shown.split("Depth in one field\n")[1].split("\n")[0]
        assert mastery.strip().startswith("█") and "3.0 of 6" in mastery, mastery
        rows = list_rows(pilot.app)
        assert rows[3].startswith("1. Join management\n   fits ")
        assert not any("Pure challenge" in row for row in rows)


async def test_a_profile_that_leans_yet_fits_no_path_says_so_on_the_profile(
    store: AspireStore,
) -> None:
    answers = {s.id: 3 for s in STATEMENTS} | {
        s.id: 2 for s in STATEMENTS if s.driver in (Driver.BUILDING, Driver.ACHIEVEMENT)
    }
    answers |= {s.id: 5 for s in STATEMENTS if s.driver in (Driver.MASTERY, Driver.LEADING)}
    store.save_assessment(_taken(answers))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = detail_text(pilot.app)
        assert "No path reaches a fit of 4 for you" in shown
        rows = list_rows(pilot.app)[3:6]
        assert all("\n   closest " in row for row in rows), rows
        assert not any("Creative craft" in row for row in rows)
