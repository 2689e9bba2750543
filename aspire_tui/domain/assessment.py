"""The career-drivers self-assessment: statements rated 1-6, three picks that earn a bonus, a
score per driver, and the catalog ranked by how well each path fits the scores.

The statements live in `assessment.json`, checked in full when first read (the tests read it),
so that their wording can change without touching code. Answers are stored by statement id,
so reordering or rewording a statement never changes what an old answer meant.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import TYPE_CHECKING

from aspire_tui.domain.models import Assessment, Driver

if TYPE_CHECKING:
    from aspire_tui.domain.catalog import CatalogPath

SCALE = range(1, 7)
PICKS = 3
BONUS = 4
"""Each of the three statements picked as most true adds this to its driver's total, which
separates drivers that would otherwise tie (as in the career-anchors method)."""
MIDPOINT = 3.5
"""The middle of the 1-6 scale: a strained driver only counts against a path above it."""
STRAIN_WEIGHT = 0.5


@dataclass(frozen=True)
class Statement:
    id: str
    driver: Driver
    text: str


@dataclass(frozen=True)
class Questionnaire:
    scale: tuple[str, ...]
    """The words for 1 to 6."""
    statements: tuple[Statement, ...]
    descriptions: Mapping[Driver, str]
    """What each driver tends to want from work: a description, never a judgement."""


class QuestionnaireError(ValueError):
    """The packaged statements are malformed: a bug in Aspire, never the person's data."""


def parse_questionnaire(raw: str) -> Questionnaire:
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise QuestionnaireError(f"statements are not valid JSON: {error}") from None
    if not isinstance(data, dict) or set(data) != {"scale", "drivers", "statements"}:
        raise QuestionnaireError("expected scale, drivers and statements")
    scale = data["scale"]
    if not isinstance(scale, list) or len(scale) != len(SCALE):
        raise QuestionnaireError(f"the scale needs {len(SCALE)} labels")
    try:
        descriptions = {Driver(k): str(v) for k, v in data["drivers"].items()}
        statements = tuple(
            Statement(str(s["id"]), Driver(s["driver"]), str(s["text"])) for s in data["statements"]
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise QuestionnaireError(f"a driver or statement is malformed: {error}") from None
    if set(descriptions) != set(Driver):
        raise QuestionnaireError("every driver needs a description")
    ids = [s.id for s in statements]
    if len(set(ids)) != len(ids):
        raise QuestionnaireError("statement ids repeat")
    for driver in Driver:
        count = sum(1 for s in statements if s.driver is driver)
        if not 4 <= count <= 5:
            raise QuestionnaireError(f"{driver.value} has {count} statements; it needs 4 or 5")
    if not all(s.text.strip() for s in statements):
        raise QuestionnaireError("a statement is empty")
    return Questionnaire(tuple(str(label) for label in scale), statements, descriptions)


@cache
def questionnaire() -> Questionnaire:
    raw = (Path(__file__).parent / "assessment.json").read_text("utf-8")
    return parse_questionnaire(raw)


def next_unanswered(
    statements: Sequence[Statement], answers: Mapping[str, int], after: int = -1
) -> int:
    """The index of the first statement after `after` still without an answer, or
    `len(statements)` (the last step) when none is left: answering or skipping goes from one
    gap to the next, so a given answer is only replaced when the person goes back to it."""
    for index in range(max(after + 1, 0), len(statements)):
        if statements[index].id not in answers:
            return index
    return len(statements)


@dataclass(frozen=True)
class DriverScore:
    driver: Driver
    answered: int
    total: int
    """The answers' sum plus the bonus."""
    bonus: int

    @property
    def score(self) -> float | None:
        """The total per answered statement: the answers' average, lifted by any picks."""
        return self.total / self.answered if self.answered else None


def score(assessment: Assessment, statements: Iterable[Statement]) -> dict[Driver, DriverScore]:
    """Every driver's score; statements left unanswered do not count either way."""
    answered = {d: 0 for d in Driver}
    totals = {d: 0 for d in Driver}
    bonus = {d: 0 for d in Driver}
    by_id = {s.id: s for s in statements}
    for statement_id, value in assessment.answers.items():
        statement = by_id.get(statement_id)
        if statement is not None:
            answered[statement.driver] += 1
            totals[statement.driver] += value
    for statement_id in assessment.picks:
        statement = by_id.get(statement_id)
        if statement is not None and statement_id in assessment.answers:
            bonus[statement.driver] += BONUS
    return {d: DriverScore(d, answered[d], totals[d] + bonus[d], bonus[d]) for d in Driver}


def ranked(scores: Mapping[Driver, DriverScore]) -> list[DriverScore]:
    """Highest first; equal scores keep the drivers' usual order; unscored drivers last."""
    order = {d: i for i, d in enumerate(Driver)}
    return sorted(
        scores.values(),
        key=lambda s: (s.score is None, -(s.score or 0.0), order[s.driver]),
    )


def changes(
    latest: Mapping[Driver, DriverScore], previous: Mapping[Driver, DriverScore]
) -> dict[Driver, float | None]:
    """How much each driver's score moved since the assessment before; None if either is
    missing."""
    moved: dict[Driver, float | None] = {}
    for driver in Driver:
        now, before = latest[driver].score, previous[driver].score
        moved[driver] = None if now is None or before is None else now - before
    return moved


SHORT_NAMES = {
    Driver.ACHIEVEMENT: "achievement",
    Driver.BALANCE: "balance",
    Driver.SECURITY: "security",
    Driver.MASTERY: "mastery",
    Driver.LEADING: "leading people",
    Driver.AUTONOMY: "autonomy",
    Driver.BUILDING: "building",
    Driver.SERVICE: "service",
    Driver.CHALLENGE: "challenge",
}


@dataclass(frozen=True)
class Recommendation:
    path: CatalogPath
    fit: float
    serves: tuple[tuple[Driver, float], ...]
    strains: tuple[tuple[Driver, float], ...]
    """Only the strained drivers that matter to the person (above the scale's middle)."""

    def explanation(self) -> str:
        """ "fits your autonomy (5.7) and building (5.0); strains your security (5.3)" """

        def names(pairs: Sequence[tuple[Driver, float]]) -> str:
            words = [f"{SHORT_NAMES[d]} ({value:.1f})" for d, value in pairs]
            return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

        fits = [(d, v) for d, v in self.serves if v > MIDPOINT]
        less = [(d, v) for d, v in self.serves if v <= MIDPOINT]
        parts = []
        if fits:
            parts.append(f"fits your {names(fits)}")
        if less:
            verb = "matters" if len(less) == 1 else "matter"
            lead = "also serves" if fits else "serves"
            parts.append(f"{lead} your {names(less)}, which {verb} less to you now")
        text = "; ".join(parts)
        if self.strains:
            text += f"; strains your {names(self.strains)}"
        return text


def recommend(
    scores: Mapping[Driver, DriverScore], paths: Iterable[CatalogPath]
) -> list[Recommendation]:
    """The paths ranked by fit: the average score of the drivers a path serves, less half of
    how far the drivers it strains rise above the scale's middle. Ties keep catalog order."""
    found: list[Recommendation] = []
    for path in paths:
        serves = [(d, s) for d in path.serves if (s := scores[d].score) is not None]
        strained = [(d, s) for d in path.strains if (s := scores[d].score) is not None]
        if not serves:
            continue
        felt = [(d, s) for d, s in strained if s > MIDPOINT]
        penalty = fmean(s - MIDPOINT for _, s in felt) if felt else 0.0
        fit = fmean(s for _, s in serves) - STRAIN_WEIGHT * penalty
        order = {d: i for i, d in enumerate(Driver)}
        serves.sort(key=lambda pair: (-pair[1], order[pair[0]]))
        felt.sort(key=lambda pair: (-pair[1], order[pair[0]]))
        found.append(Recommendation(path, fit, tuple(serves), tuple(felt)))
    place = {id(r): i for i, r in enumerate(found)}
    return sorted(found, key=lambda r: (-round(r.fit, 9), place[id(r)]))
