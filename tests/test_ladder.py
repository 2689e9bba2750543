"""Level logic as pure functions: adopt, raise, add a level at the top, step down, pause."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from aspire_tui.domain.ladder import (
    GoalPlace,
    LadderError,
    add_level,
    adopt,
    blocker,
    climb_held,
    climb_offered,
    goal_place,
    let_go,
    level_complete,
    level_count,
    level_goals,
    parse_levels,
    pause,
    raise_bar,
    ready_to_raise,
    reevaluate,
    rename_levels,
    resume,
    set_aside,
    step_down,
    stepped_down_on,
    take_up,
)
from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    Event,
    Goal,
    Ladder,
    Move,
    Target,
)
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.validation import ValidationError, check_ladder

D1, D2, D3 = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
RUNGS = ("Lead a project", "Manage a team", "Manage managers")


def test_adopt_on_a_chosen_level() -> None:
    ladder = adopt(RUNGS, 1, D1, "I like growing people")
    assert (ladder.current, ladder.position(), ladder.next_rung) == (
        "Manage a team",
        "2/3",
        "Manage managers",
    )
    assert ladder.history[0].move is Move.ADOPTED and ladder.history[0].reason


def test_adopt_refuses_a_level_off_the_ladder() -> None:
    with pytest.raises(LadderError, match="from 1 to 3"):
        adopt(RUNGS, 3, D1)
    with pytest.raises(LadderError, match="at least one"):
        adopt((), 0, D1)


def test_raise_the_bar_then_the_top_needs_a_new_level() -> None:
    ladder = raise_bar(adopt(RUNGS, 1, D1), D2)
    assert ladder.at_top and ladder.current == "Manage managers"
    with pytest.raises(LadderError, match="top of the ladder"):
        raise_bar(ladder, D3)
    higher = raise_bar(add_level(ladder, "Lead a department", D3), D3)
    assert higher.current == "Lead a department" and higher.position() == "4/4"
    assert [e.move for e in higher.history] == [
        Move.ADOPTED,
        Move.RAISED,
        Move.LEVEL_ADDED,
        Move.RAISED,
    ]


def test_step_down_needs_a_reason_and_a_level_below() -> None:
    ladder = adopt(RUNGS, 2, D1)
    with pytest.raises(LadderError, match="Say why"):
        step_down(ladder, D2, "   ")
    down = step_down(ladder, D2, "Not what I expected; I want my evenings back")
    assert down.current == "Manage a team"
    assert down.history[-1].reason.startswith("Not what I expected")
    with pytest.raises(LadderError, match="no level below"):
        step_down(adopt(RUNGS, 0, D1), D2, "why")


def test_pause_resume_let_go_and_reevaluate_keep_the_history() -> None:
    ladder = pause(adopt(RUNGS, 0, D1), D2, "New baby")
    assert ladder.paused
    with pytest.raises(LadderError, match="already paused"):
        pause(ladder, D2, "again")
    with pytest.raises(LadderError, match="Say why"):
        resume(ladder, D3, "")
    ladder = resume(ladder, D3, "Sleeping again")
    assert not ladder.paused
    with pytest.raises(LadderError, match="not paused"):
        resume(ladder, D3, "again")
    ladder = reevaluate(ladder, D3, "Still mine")
    ladder = let_go(ladder, D3, "My heart is elsewhere")
    assert [e.move for e in ladder.history][1:] == [
        Move.PAUSED,
        Move.RESUMED,
        Move.REEVALUATED,
        Move.LET_GO,
    ]
    assert ladder.level == 0


def test_a_level_is_complete_only_with_every_goal_achieved() -> None:
    done = GoalProgress(1, 1, D1)
    open_ = GoalProgress(0, 1, None)
    assert level_complete([done, done])
    assert not level_complete([done, open_])
    assert not level_complete([])


def test_archive_let_go_and_restore_each_need_a_reason() -> None:
    ladder = adopt(RUNGS, 1, D1)
    for move in (set_aside, let_go, take_up):
        with pytest.raises(LadderError, match="Say why"):
            move(ladder, D2, "")
    back = take_up(set_aside(pause(ladder, D2, "Baby"), D2, "Exams first"), D3, "Exams done")
    assert [e.move for e in back.history] == [
        Move.ADOPTED,
        Move.PAUSED,
        Move.ARCHIVED,
        Move.RESTORED,
    ]
    assert back.level == 1, "taken up again on the level it was left at"
    assert not back.paused, "archiving ended the pause"


def test_raising_before_the_level_is_done_needs_a_reason() -> None:
    ladder = adopt(RUNGS, 0, D1)
    with pytest.raises(LadderError, match="not all achieved"):
        raise_bar(ladder, D2, " ", level_done=False)
    assert raise_bar(ladder, D2, "Promoted early", level_done=False).level == 1
    assert raise_bar(ladder, D2).level == 1


def test_a_ladder_has_at_most_fifty_levels() -> None:
    ladder = adopt([f"Level {n}" for n in range(50)], 0, D1)
    with pytest.raises(LadderError, match="at most 50"):
        add_level(ladder, "One more", D2)
    with pytest.raises(LadderError, match="at most 50"):
        parse_levels("\n".join(f"L{n}" for n in range(51)))


def test_what_blocks_a_move_is_said_in_words() -> None:
    a = Aspiration("Lead", D1, ladder=adopt(RUNGS, 0, D1))
    assert blocker(a, Move.STEPPED_DOWN) == "This is the first level: there is no level below it."
    assert blocker(a, Move.RAISED) is None and blocker(a, Move.RESUMED) is not None
    paused = dataclasses.replace(a, ladder=pause(a.ladder, D2, "Baby"))
    assert "paused" in (blocker(paused, Move.RAISED) or "")
    archived = dataclasses.replace(
        a, status=AspirationStatus.ARCHIVED, ladder=set_aside(a.ladder, D2, "Later")
    )
    for move in (Move.RAISED, Move.LEVEL_ADDED, Move.STEPPED_DOWN, Move.PAUSED):
        assert "archived" in (blocker(archived, move) or ""), move
    assert blocker(archived, Move.RESTORED) is None
    assert blocker(archived, Move.LET_GO) is None, "set aside, then let go: allowed"
    gone = dataclasses.replace(archived, ladder=let_go(archived.ladder, D3, "Not mine"))
    assert blocker(gone, Move.LET_GO) == "You have let this one go already."
    assert "reason" in (blocker(archived, Move.RESTORED, needs_reason=True) or "")


def test_rename_levels_renames_and_adds_above_but_never_removes() -> None:
    ladder = adopt(RUNGS, 1, D1)
    renamed = rename_levels(ladder, ["Lead a project", "Run a team", "Manage managers", "VP"], D2)
    assert renamed.rungs == ("Lead a project", "Run a team", "Manage managers", "VP")
    assert renamed.level == 1 and renamed.history[-1] == Event(D2, Move.LEVEL_ADDED, 1, "VP")
    with pytest.raises(LadderError, match="Keep all 3 levels"):
        rename_levels(ladder, ["Lead a project"], D2)
    with pytest.raises(LadderError, match="keep their places"):
        rename_levels(ladder, ["Lead a project", "Coach", "Manage a team", "Manage managers"], D2)


def test_parse_levels_one_per_line() -> None:
    assert parse_levels("Draft\n\n  Publish  \n") == ["Draft", "Publish"]
    with pytest.raises(LadderError, match="at least one level"):
        parse_levels("\n \n")
    with pytest.raises(ValidationError, match="Level 2"):
        parse_levels("Draft\n" + "x" * 300)


def test_ready_to_raise_looks_only_at_the_current_level_of_an_active_climb() -> None:
    a = Aspiration("Lead", D1, ladder=adopt(RUNGS, 1, D1), id=1)
    old = Goal(1, "Old", Target.done(), D1, level=0, id=1)
    now = Goal(1, "Now", Target.done(), D1, level=1, id=2)
    other = Goal(2, "Elsewhere", Target.done(), D1, level=1, id=3)
    done, open_ = GoalProgress(1, 1, D1), GoalProgress(0, 1, None)
    goals = [old, now, other]
    assert level_goals(a, goals) == [now]
    assert ready_to_raise(a, goals, {1: open_, 2: done, 3: open_})
    assert not ready_to_raise(a, goals, {1: done, 2: open_, 3: done})
    paused = dataclasses.replace(a, ladder=pause(a.ladder, D2, "a break"))
    assert not ready_to_raise(paused, goals, {1: done, 2: done, 3: done})
    archived = dataclasses.replace(a, status=AspirationStatus.ARCHIVED)
    assert not ready_to_raise(archived, goals, {1: done, 2: done, 3: done})
    assert not ready_to_raise(a, [old], {1: done}), "a level with no goals is not done"


def test_check_ladder_refuses_what_the_rules_never_make() -> None:
    check_ladder(adopt(RUNGS, 2, D1))
    for bad in (
        Ladder(()),
        Ladder(RUNGS, level=3),
        Ladder((" padded ",)),
        Ladder(RUNGS, history=(Event(D1, Move.ADOPTED, 7),)),
    ):
        with pytest.raises(ValidationError):
            check_ladder(bad)


def test_each_level_has_its_own_name() -> None:
    with pytest.raises(LadderError, match="Two levels are called"):
        parse_levels("Draft\nPublish\ndraft")
    with pytest.raises(LadderError, match="Two levels are called"):
        add_level(adopt(RUNGS, 0, D1), "Manage a team", D2)


def test_after_a_step_down_the_climb_waits_for_work_on_that_level() -> None:
    a = Aspiration("Lead", D1, ladder=raise_bar(adopt(RUNGS, 0, D1), D1), id=1)
    down_on = date(2026, 6, 1)
    down = dataclasses.replace(a, ladder=step_down(a.ladder, down_on, "Too much"))
    goal = Goal(1, "Lead a project", Target.done(), D1, level=0, id=1)
    done = {1: GoalProgress(1, 1, D1)}
    assert stepped_down_on(a.ladder) is None and stepped_down_on(down.ladder) == down_on
    assert climb_held(down, [goal], {1: D1}) == down_on
    assert not climb_offered(down, [goal], done, {1: D1})
    assert not climb_offered(down, [goal], done, {1: down_on}), "the same day is not after"
    assert climb_offered(down, [goal], done, {1: date(2026, 6, 2)})
    added = Goal(1, "Mentor someone", Target.done(), date(2026, 6, 2), level=0, id=2)
    both = {**done, 2: GoalProgress(1, 1, date(2026, 6, 2))}
    assert climb_offered(down, [goal, added], both, {1: D1, 2: None})
    resumed = dataclasses.replace(
        down, ladder=resume(pause(down.ladder, down_on, "a break"), down_on, "back")
    )
    assert climb_held(resumed, [goal], {1: D1}) == down_on, "a pause does not end the wait"
    climbed = dataclasses.replace(down, ladder=raise_bar(down.ladder, down_on))
    assert stepped_down_on(climbed.ladder) is None


def test_one_count_and_one_place_for_every_goal() -> None:
    a = Aspiration("Lead", D1, ladder=adopt(RUNGS, 1, D1), id=1)
    old = Goal(1, "Old", Target.done(), D1, level=0, id=1)
    now = Goal(1, "Now", Target.done(), D1, level=1, id=2)
    later = Goal(1, "Later", Target.done(), D1, level=1, id=3)
    done, open_ = GoalProgress(1, 1, D1), GoalProgress(0, 1, None)
    progress = {1: done, 2: done, 3: open_}
    assert level_count(a, [old, now, later], progress) == (1, 2)  # this level's goals only
    assert [goal_place(a, g) for g in (old, now)] == [GoalPlace.OTHER_LEVEL, GoalPlace.LIVE]
    paused = dataclasses.replace(a, ladder=pause(a.ladder, D2, "a break"))
    assert {goal_place(paused, g) for g in (old, now)} == {GoalPlace.PAUSED}
    assert level_count(paused, [old, now, later], progress) == (1, 2)
    archived = dataclasses.replace(a, status=AspirationStatus.ARCHIVED)
    assert goal_place(archived, now) is GoalPlace.SET_ASIDE
    assert goal_place(None, now) is GoalPlace.SET_ASIDE
