"""One count everywhere: an aspiration's "n of m" is the goals of the level the person stands
on, on Goals, Aspirations and Home alike; goals of other levels and of paused aspirations are
set apart on Goals, not shown as live work."""

from __future__ import annotations

import re
from datetime import date

from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.ladder import adopt, pause
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.store import AspireStore
from tests.test_ui_goals_depth import pick
from tests.ui_helpers import SIZE, detail_text, list_rows, make_app

D = date(2026, 1, 1)


def seed(store: AspireStore) -> None:
    """Lead people on level 2 with goals on levels 1 and 2; Write a novel paused."""
    path = find_path("management")
    assert path is not None
    rungs = [lvl.name for lvl in path.levels]
    lead = store.save_aspiration(Aspiration("Lead people", D, ladder=adopt(rungs, 1, D)))
    novel = store.save_aspiration(
        Aspiration(
            "Write a novel",
            D,
            ladder=pause(adopt(["Finish a draft"], 0, D), D, "A new baby"),
        )
    )
    assert lead.id is not None and novel.id is not None
    goals = [
        Goal(lead.id, "Old win", Target.done(), D, level=0),
        Goal(lead.id, "Old loose end", Target.done(), D, level=0, deadline=date(2026, 3, 1)),
        Goal(lead.id, "Hire two people", Target.done(), D, level=1),
        Goal(lead.id, "Run a team offsite", Target.done(), D, level=1),
        Goal(novel.id, "Outline the plot", Target.done(), D),
        Goal(novel.id, "Write the draft", Target.done(), D, deadline=date(2026, 6, 1)),
    ]
    saved = {g.title: store.save_goal(g) for g in goals}
    for title in ("Old win", "Hire two people", "Outline the plot"):
        store.save_checkin(CheckIn(saved[title].id or 0, D, 1))


def counts(rows: list[str], titles: tuple[str, ...]) -> dict[str, str]:
    """Each aspiration's "n/m" as a list shows it, from the row that names it."""
    found = {}
    for title in titles:
        row = next(r for r in rows if r.startswith(title))
        match = re.search(r"(\d+)/(\d+) (?:done|goals|to next|at the top)", row)
        assert match, row
        found[title] = match.group(1) + "/" + match.group(2)
    return found


TITLES = ("Lead people", "Write a novel")


async def test_goals_aspirations_and_home_count_the_same_goals(store: AspireStore) -> None:
    seed(store)
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = [r.strip() for r in list_rows(pilot.app)]
        home = ["\n".join(part.strip() for part in r.split("\n")) for r in home]
        await pilot.press("2")
        await pilot.pause()
        aspirations = list_rows(pilot.app)
        await pilot.press("3")
        await pilot.pause()
        goals = list_rows(pilot.app)
    expected = {"Lead people": "1/2", "Write a novel": "1/2"}
    assert counts(goals, TITLES) == expected
    assert counts(aspirations, TITLES) == expected
    assert counts(home, TITLES) == expected
    assert any("paused" in r for r in aspirations if r.startswith("Write a novel"))
    assert not any("Old loose end" in r for r in home), "another level's goal is not live work"


async def test_goals_of_other_levels_and_paused_aspirations_are_set_apart(
    store: AspireStore,
) -> None:
    seed(store)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rows = [r.strip() for r in list_rows(pilot.app)]
        at_loose = next(i for i, r in enumerate(rows) if r.startswith("Old loose end"))
        pilot.app.screen.query_one("#records").highlighted = at_loose  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Set apart: not the level you stand on (2/5)." in detail_text(pilot.app)
        await pilot.press("o")  # by deadline: no headings, each row still marked
        await pilot.pause()
        by_deadline = [r.strip() for r in list_rows(pilot.app)]
    flat = next(r for r in by_deadline if r.startswith("Old loose end"))
    assert "level 1" in flat and "overdue" not in flat
    names = [*TITLES, "Other levels", "Paused", "Old win", "Old loose end", "Hire two people"]
    names += ["Run a team offsite", "Outline the plot", "Write the draft"]
    firsts = [r.split("\n")[0].lstrip(" ✓!·↕‖") for r in rows]
    at = {name: next(i for i, f in enumerate(firsts) if f.startswith(name)) for name in names}
    # Lead people: this level's goals first, then the other levels under their heading.
    assert at["Lead people"] < at["Hire two people"] < at["Run a team offsite"]
    assert at["Run a team offsite"] < at["Other levels"] < at["Old win"]
    assert at["Other levels"] < at["Old loose end"] < at["Write a novel"]
    loose = rows[at["Old loose end"]]
    assert "level 1" in loose and "overdue" not in loose and not loose.startswith("!")
    # Write a novel: paused, so its goals are under "Paused", none of them overdue.
    assert at["Write a novel"] < at["Paused"] < at["Outline the plot"] < at["Write the draft"]
    draft = rows[at["Write the draft"]]
    assert "paused" in draft and "overdue" not in draft and not draft.startswith("!")
    assert "paused" in rows[at["Write a novel"]]


async def test_finding_behind_on_track_or_due_soon_lists_only_live_work(
    store: AspireStore,
) -> None:
    """The finder's live-work filters use the rule of the list and Home: a goal of another
    level, or of a paused aspiration, is not behind, on track or due soon."""
    seed(store)
    lead, novel = store.aspirations()
    soon, late = date(2026, 12, 7), date(2026, 10, 1)
    for goal in (
        Goal(lead.id or 0, "Ship the roadmap", Target.done(), D, level=1, deadline=late),
        Goal(lead.id or 0, "Give the talk", Target.done(), D, level=1, deadline=soon),
        Goal(lead.id or 0, "Old talk", Target.done(), D, level=0, deadline=soon),
        Goal(novel.id or 0, "Send to agents", Target.done(), D, deadline=soon),
    ):
        store.save_goal(goal)
    found: dict[str, list[str]] = {}
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for label in ("Behind", "On track", "Due soon"):
            await pilot.press("slash")
            await pilot.pause()
            await pick(pilot, "#show", label)
            await pilot.press("ctrl+s")
            await pilot.pause()
            rows = [r for r in list_rows(pilot.app) if "\n" in r]  # goals, not headings
            found[label] = [r.split("\n")[0].strip(" ✓!") for r in rows]
    assert found == {
        "Behind": ["Ship the roadmap"],
        "On track": ["Give the talk"],
        "Due soon": ["Give the talk"],
    }
