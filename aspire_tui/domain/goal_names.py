"""Finding a goal by a name typed in a shell, forgivingly: "cert" finds "Get the AWS
certification", a slip of a letter still finds it, and two goals that fit about as well are
both offered rather than one guessed (rapidfuzz scores the fit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aspire_tui.domain.models import Goal

GOOD_ENOUGH = 60.0
"""A fit (0..100) below this is no match at all."""
ABOUT_EQUAL = 8.0
"""Goals within this many points of the best fit are offered beside it."""


@dataclass(frozen=True)
class GoalMatch:
    found: Goal | None
    """The one goal meant, when one fits clearly best."""
    candidates: tuple[Goal, ...] = ()
    """Goals that fit about equally well (found is None), best first."""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def match_goal(typed: str, goals: Sequence[Goal]) -> GoalMatch:
    """The goal `typed` names: its whole title (any case), the only title holding the typed
    words, else the clearly best fuzzy fit."""
    from rapidfuzz import fuzz, process, utils

    wanted = _fold(typed)
    if not wanted:
        return GoalMatch(None)
    whole = [g for g in goals if _fold(g.title) == wanted]
    if len(whole) == 1:
        return GoalMatch(whole[0])
    if whole:
        return GoalMatch(None, tuple(whole))
    words = wanted.split()
    holding = [g for g in goals if all(w in _fold(g.title) for w in words)]
    if len(holding) == 1:
        return GoalMatch(holding[0])
    pool = holding or list(goals)
    scored = process.extract(
        typed,
        [g.title for g in pool],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
        score_cutoff=GOOD_ENOUGH,
    )
    if not scored:
        return GoalMatch(None, tuple(holding))
    best = scored[0][1]
    close = [pool[index] for _, score, index in scored if score >= best - ABOUT_EQUAL]
    if len(close) == 1:
        return GoalMatch(close[0])
    return GoalMatch(None, tuple(close))
