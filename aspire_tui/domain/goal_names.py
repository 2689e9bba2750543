"""Finding a goal by a name typed in a shell, forgivingly: "cert" finds "Get the AWS
certification", a slip of a letter ("cleints") still finds "Land ten clients", and two goals
that fit about as well are both offered rather than one guessed.

Forgiving, never loose: every word typed must be in the title, or be a near spelling
(rapidfuzz) of one of its words. A name that only resembles a title as a whole ("azure
certification" and "Get the AWS certification") finds nothing, so a check-in is never
logged on a goal the person did not name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aspire_tui.domain.models import Goal

NEAR_SPELLING = 80.0
"""How alike (0..100) a typed word and a title's word must be to count as a slip."""
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


def _words(text: str) -> list[str]:
    from rapidfuzz import utils

    return utils.default_process(text).split()


def _named_by(typed: list[str], title: str) -> bool:
    """Each typed word is in the title (a part of a word: "cert"), or spelt nearly as one of
    its words."""
    from rapidfuzz import fuzz

    folded = _fold(title)
    words = _words(title)
    for word in typed:
        if word in folded:
            continue
        if len(word) < 4 or not any(fuzz.ratio(word, w) >= NEAR_SPELLING for w in words):
            return False
    return True


def match_goal(typed: str, goals: Sequence[Goal]) -> GoalMatch:
    """The goal `typed` names: its whole title (any case), the only title naming every typed
    word, else the clearly best of those nearly naming them."""
    from rapidfuzz import fuzz, process, utils

    wanted = _fold(typed)
    if not wanted:
        return GoalMatch(None)
    whole = [g for g in goals if _fold(g.title) == wanted]
    if len(whole) == 1:
        return GoalMatch(whole[0])
    if whole:
        return GoalMatch(None, tuple(whole))
    exact = [g for g in goals if all(w in _fold(g.title) for w in wanted.split())]
    if len(exact) == 1:
        return GoalMatch(exact[0])
    words = _words(typed) or wanted.split()
    pool = exact or [g for g in goals if _named_by(words, g.title)]
    if len(pool) <= 1:
        return GoalMatch(pool[0] if pool else None)
    scored = process.extract(
        typed,
        [g.title for g in pool],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=None,
    )
    best = scored[0][1]
    close = [pool[index] for _, score, index in scored if score >= best - ABOUT_EQUAL]
    if len(close) == 1:
        return GoalMatch(close[0])
    return GoalMatch(None, tuple(close))
