"""Level logic as pure functions: adopt, raise, add a level at the top, step down, pause."""

from __future__ import annotations

from datetime import date

import pytest

from aspire_tui.domain.ladder import (
    LadderError,
    Move,
    add_level,
    adopt,
    let_go,
    level_complete,
    pause,
    raise_bar,
    reevaluate,
    resume,
    step_down,
)
from aspire_tui.domain.progress import GoalProgress

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
    ladder = resume(ladder, D3)
    assert not ladder.paused
    with pytest.raises(LadderError, match="not paused"):
        resume(ladder, D3)
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
