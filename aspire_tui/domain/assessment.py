"""The career-drivers self-assessment: statements rated 1-6, three picks of the statements most
true, a score per driver on the same 1-6 scale, and the catalog ranked by how close each path
comes to the scores.

The statements live in `assessment.json`, checked in full when first read (the tests read it),
so that their wording can change without touching code. Answers are stored by statement id,
so reordering or rewording a statement never changes what an old answer meant.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from aspire_tui.domain.models import Assessment, Driver

if TYPE_CHECKING:
    from aspire_tui.domain.catalog import CatalogPath

SCALE = range(1, 7)
PICKS = 3
"""Statements picked as most true. A pick never adds points: it settles what the answers leave
level, as in the career-anchors method, and is shown as a pick."""
MIDPOINT = 3.5
"""The middle of the 1-6 scale: above it a driver matters to the person; a strained driver
only counts against a path above it."""
LEAD_WEIGHT = 2.0
"""A path's leading driver counts twice its other served drivers: it is what the path is for."""
STRAIN_WEIGHT = 0.5
"""How much a strained driver's rise above the middle costs a path, averaged over every driver
the path strains (a fixed count, so a second, barely felt or unanswered strain never shrinks the
first)."""
SERVED_MAX = 2
"""A path serves its leading driver and at most one more, so every fit weighs alike."""
FITS_FROM = 4.0
"""A path fits from a fit of 4, "often true for me": just above the middle is only close."""
NOT_AGAINST = MIDPOINT - 1.0
"""A path fits only if no driver it serves scores below this: mostly "rarely true for me"."""
CLOSE = 0.1
"""A path whose fit is less than this below the first of a group is equally close to it: a
single answer moves a fit by 0.05 to 0.13, so less is within one answer's reach."""
FLAT_SPAN = 1.0
"""Driver scores all within this of each other make a flat profile: no clear leaning."""
MIN_ANSWERS = 3
"""A driver is scored from three answers of its five: one or two say too little to guide."""


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
    """The answers' sum."""
    picks: int = 0
    """How many of the three picks are this driver's statements."""

    @property
    def score(self) -> float | None:
        """The answers' average, on the 1-6 scale they were given on; None with fewer than
        `MIN_ANSWERS` answers (unanswered, or asked since the profile was taken)."""
        return self.total / self.answered if self.answered >= MIN_ANSWERS else None

    @property
    def matters(self) -> bool:
        """Above the middle of the scale: a driver this person wants from work."""
        return self.score is not None and self.score > MIDPOINT


def score(assessment: Assessment, statements: Iterable[Statement]) -> dict[Driver, DriverScore]:
    """Every driver's score; statements left unanswered, or no longer asked, do not count."""
    answered = {d: 0 for d in Driver}
    totals = {d: 0 for d in Driver}
    picks = {d: 0 for d in Driver}
    by_id = {s.id: s for s in statements}
    for statement_id, value in assessment.answers.items():
        statement = by_id.get(statement_id)
        if statement is not None:
            answered[statement.driver] += 1
            totals[statement.driver] += value
    for statement_id in assessment.picks:
        statement = by_id.get(statement_id)
        if statement is not None and statement_id in assessment.answers:
            picks[statement.driver] += 1
    return {d: DriverScore(d, answered[d], totals[d], picks[d]) for d in Driver}


def missing(assessment: Assessment, statements: Sequence[Statement]) -> tuple[Statement, ...]:
    """Today's statements this profile has no answer for: those added or reworded since it
    was taken (or skipped). Never guessed: a retake adds them."""
    return tuple(s for s in statements if s.id not in assessment.answers)


def ranked_places(ranked_scores: Sequence[DriverScore]) -> list[int]:
    """The place of each ranked driver, shared by drivers with the same score and picks: code
    order never makes one driver look ahead of an equal one."""
    places: list[int] = []
    for n, s in enumerate(ranked_scores):
        before = ranked_scores[n - 1] if n else None
        same = before is not None and (before.score, before.picks) == (s.score, s.picks)
        places.append(places[-1] if same else n + 1)
    return places


def ranked(scores: Mapping[Driver, DriverScore]) -> list[DriverScore]:
    """Highest first; picks settle equal scores; unscored drivers last."""
    order = {d: i for i, d in enumerate(Driver)}
    return sorted(
        scores.values(),
        key=lambda s: (s.score is None, -(s.score or 0.0), -s.picks, order[s.driver]),
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


class Shape(StrEnum):
    """How much a profile leans: only a clear leaning supports saying a path fits."""

    CLEAR = "clear"
    FLAT = "flat"
    """Every score within `FLAT_SPAN` of the others."""
    LOW = "low"
    """Nothing above the middle of the scale."""


def profile_shape(scores: Mapping[Driver, DriverScore]) -> Shape:
    values = [s.score for s in scores.values() if s.score is not None]
    if not values or max(values) <= MIDPOINT:
        return Shape.LOW
    if max(values) - min(values) <= FLAT_SPAN + 1e-9:
        return Shape.FLAT
    return Shape.CLEAR


SHORT_NAMES = {d: d.label[:1].lower() + d.label[1:] for d in Driver}
"""How a driver is named in a sentence: its label, as a person would say what they want."""


def _names(pairs: Sequence[tuple[Driver, float]]) -> str:
    words = [f"{SHORT_NAMES[d]} ({value:.1f})" for d, value in pairs]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class Recommendation:
    path: CatalogPath
    fit: float
    """On the 1-6 scale: the served drivers' weighted average less the strain."""
    serves: tuple[tuple[Driver, float], ...]
    """The served drivers with a score, the leading driver first."""
    strains: tuple[tuple[Driver, float], ...]
    """The strained drivers with a score, highest first."""
    picks: float = 0.0
    """Picks among the served drivers' statements, weighed as the drivers are: they settle
    equally close fits."""
    place: int = 1
    """1 for the closest; paths equally close share a place."""
    equal: tuple[str, ...] = ()
    """The names of the other paths equally close, that picks did not settle."""
    clear: bool = True
    """Whether the profile leans clearly (`Shape.CLEAR`): a flat or low one fits nothing."""

    @property
    def fits(self) -> bool:
        """Judged from answers alone: a profile that leans, a fit of at least `FITS_FROM`, a
        leading driver above the middle, and nothing it serves mostly "rarely true" for the
        person."""
        served = [value for _, value in self.serves]
        return (
            self.clear
            and round(self.fit, 1) >= FITS_FROM  # as shown: "4.0" never reads as close
            and served[0] > MIDPOINT
            and min(served) >= NOT_AGAINST
        )

    @property
    def felt_strains(self) -> tuple[tuple[Driver, float], ...]:
        return tuple((d, v) for d, v in self.strains if v > MIDPOINT)

    def explanation(self) -> str:
        """ "serves building something of your own (5.7) and freedom to work your own way
        (5.0), which you want; costs a steady, secure income (5.3), which matters to you" in
        plain words: a driver at or below the middle is never called wanted."""
        wanted = [(d, v) for d, v in self.serves if v > MIDPOINT]
        less = [(d, v) for d, v in self.serves if v <= MIDPOINT]
        parts = []
        if wanted:
            parts.append(f"serves {_names(wanted)}, which you want")
        if less:
            verb = "matters" if len(less) == 1 else "matter"
            lead = "also serves" if wanted else "serves"
            parts.append(f"{lead} {_names(less)}, which {verb} less to you now")
        text = "; ".join(parts)
        felt = self.felt_strains
        if felt:
            verb = "matters" if len(felt) == 1 else "matter"
            text += f"; costs {_names(felt)}, which {verb} to you"
        return text


def fit(path: CatalogPath, scores: Mapping[Driver, DriverScore]) -> float | None:
    """How close a path comes to the answers, on their 1-6 scale: its leading driver counted
    `LEAD_WEIGHT` times beside its other served driver, less `STRAIN_WEIGHT` times the average
    rise above the middle of every driver it strains, never below 1. A path that serves one
    driver counts the middle of the scale for the second, or the leading driver's own score
    when that is lower: serving fewer is neither a plus nor a lift. Raising a served driver
    never lowers it; raising a strained one never raises it. None if the leading driver has
    no score (too few answers, or a profile taken before its statements)."""
    lead = scores[path.serves[0]].score
    if lead is None:
        return None
    others = [MIDPOINT if (v := scores[d].score) is None else v for d in path.serves[1:]]
    others += [min(lead, MIDPOINT)] * (SERVED_MAX - 1 - len(others))
    served = (LEAD_WEIGHT * lead + sum(others)) / (LEAD_WEIGHT + len(others))
    felt = [max(0.0, v - MIDPOINT) for d in path.strains if (v := scores[d].score) is not None]
    strain = sum(felt) / len(path.strains) if path.strains else 0.0
    return max(float(SCALE.start), served - STRAIN_WEIGHT * strain)


def recommend(
    scores: Mapping[Driver, DriverScore], paths: Iterable[CatalogPath]
) -> list[Recommendation]:
    """The paths closest first. A path less than `CLOSE` below the first of a group is equally
    close to it: picks among their served drivers settle them, and those still level share a
    place and name each other. File order never decides."""
    found: list[Recommendation] = []
    clear = profile_shape(scores) is Shape.CLEAR
    for path in paths:
        value = fit(path, scores)
        if value is None:
            continue
        serves = tuple((d, v) for d in path.serves if (v := scores[d].score) is not None)
        strains = [(d, v) for d in path.strains if (v := scores[d].score) is not None]
        strains.sort(key=lambda pair: -pair[1])
        picks = sum(
            (LEAD_WEIGHT if n == 0 else 1.0) * scores[d].picks for n, d in enumerate(path.serves)
        )
        found.append(Recommendation(path, value, serves, tuple(strains), picks, clear=clear))
    found.sort(key=lambda r: (-r.fit, r.path.name))
    bands: list[list[Recommendation]] = []
    for rec in found:
        if bands and round(bands[-1][0].fit - rec.fit, 6) < CLOSE:
            bands[-1].append(rec)
        else:
            bands.append([rec])
    result: list[Recommendation] = []
    for band in bands:
        band.sort(key=lambda r: (-r.picks, -r.fit, r.path.name))
        for _, same in groupby(band, key=lambda r: r.picks):
            level = list(same)
            place = len(result) + 1
            for rec in level:
                others = tuple(o.path.name for o in level if o is not rec)
                result.append(dataclasses.replace(rec, place=place, equal=others))
    return result


SHOWN_PATHS = 3
SHOWN_MAX = 5
"""Paths equally close to the third are listed too, up to this many."""


def shown_paths(recommendations: Sequence[Recommendation]) -> list[Recommendation]:
    """What Reflect lists: the paths that fit (three, or up to `SHOWN_MAX` when the third is
    equally close to the next); when none does (a flat or low profile, or no path led by what
    the person wants), the closest in the same way, called closest, leaving out paths that
    serve a driver the person mostly rejects while others remain. Places count among the
    paths listed; "equally close" names only paths of the same kind (fitting, or closest),
    even one left off the end of a long tie."""
    fitting = [r for r in recommendations if r.fits]
    unrejected = [r for r in recommendations if min(v for _, v in r.serves) >= NOT_AGAINST]
    pool = fitting or unrejected or list(recommendations)
    shown = pool[:SHOWN_PATHS]
    for rec in pool[SHOWN_PATHS:SHOWN_MAX]:
        if rec.place != shown[-1].place:
            break
        shown.append(rec)
    listed = {r.path.name for r in pool}
    result: list[Recommendation] = []
    for n, rec in enumerate(shown):
        same = n and rec.place == shown[n - 1].place
        place = result[-1].place if same else n + 1
        equal = tuple(name for name in rec.equal if name in listed)
        result.append(dataclasses.replace(rec, place=place, equal=equal))
    return result


def unled_strongest(
    scores: Mapping[Driver, DriverScore], paths: Iterable[CatalogPath]
) -> tuple[Driver, tuple[CatalogPath, ...]] | None:
    """The person's strongest driver, if it matters and no path leads with it, with the paths
    that serve it: so a list without it says why."""
    top = ranked(scores)[0]
    if not top.matters:
        return None
    paths = tuple(paths)
    if any(p.serves[0] is top.driver for p in paths):
        return None
    return top.driver, tuple(p for p in paths if top.driver in p.serves)
