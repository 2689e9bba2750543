"""Deciding between directions: two or three aspirations or catalog paths side by side, each
with the same sections in the same order, and the decision that may end the comparison.

Plain data, so that the screen only lays it out: what each direction serves and strains with
the person's own scores, the passions and values it touches, its price and the reason written
for it, where the person stands on it, what the next level takes, and the journal about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from aspire_tui.domain.assessment import questionnaire, score
from aspire_tui.domain.catalog import CatalogPath, catalog, find_path
from aspire_tui.domain.decisions import check_look_back, decision_entry
from aspire_tui.domain.journal import DECISION_PROMPT
from aspire_tui.domain.ladder import level_count
from aspire_tui.domain.models import Aspiration, Assessment, Driver, Goal, Passions, Reflection
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.validation import ValidationError, parse_text

MIN_CHOSEN, MAX_CHOSEN = 2, 3
NO_SCORES = "take the drivers assessment to see how each fits you"
NO_PRICE = "no catalog price: a direction of your own"
LATEST_SHOWN = 2
"""How many of the newest linked journal entries a direction shows the first line of."""

Scores = Mapping[Driver, float | None]
Fit = tuple[tuple[Driver, float | None], ...]


@dataclass(frozen=True)
class Candidate:
    """A direction that can be compared: an aspiration, or a catalog path not adopted."""

    key: str
    """ "aspiration:<id>" or "path:<catalog key>"."""
    name: str
    aspiration: Aspiration | None = None
    path: CatalogPath | None = None
    """The catalog path: the one compared, or the one the aspiration was adopted from."""

    @property
    def kind(self) -> str:
        return "aspiration" if self.aspiration is not None else "catalog path"


def aspiration_key(aspiration_id: int | None) -> str:
    return f"aspiration:{aspiration_id}"


def path_key(key: str) -> str:
    return f"path:{key}"


def candidate(direction: Aspiration | CatalogPath) -> Candidate:
    if isinstance(direction, Aspiration):
        return Candidate(
            aspiration_key(direction.id), direction.title, direction, find_path(direction.path)
        )
    return Candidate(path_key(direction.key), direction.name, None, direction)


def candidates(aspirations: Iterable[Aspiration]) -> list[Candidate]:
    """What can be compared: the aspirations being climbed or paused (archived ones are out
    of the way), then the catalog paths no aspiration was adopted from."""
    aspirations = list(aspirations)
    adopted = {a.path for a in aspirations if a.path}
    found = [candidate(a) for a in aspirations if a.active]
    found += [candidate(p) for p in catalog() if p.key not in adopted]
    return found


@dataclass(frozen=True)
class Side:
    """One direction's column: every field is there for every direction, so that the columns
    line up in meaning."""

    key: str
    name: str
    kind: str
    """ "aspiration" or "catalog path"."""
    state: str
    """ "active", "paused", or "not adopted" for a catalog path."""
    own: bool
    """A direction of the person's own, with no catalog path behind it."""
    serves: Fit
    """The drivers it serves, its leading driver first, with the person's score of each."""
    strains: Fit
    passions: tuple[str, ...]
    """Items of the passions lists the person linked to it."""
    values: tuple[str, ...]
    """Values the person will not trade away that they linked to it."""
    price: str
    reason: str
    """Why it matters, as the person wrote it ("" if not written, or not adopted)."""
    position: str | None
    """ "2/5": the level the person stands on; None for a catalog path not adopted."""
    level_name: str
    done: int
    total: int
    """This level's goals achieved, and how many it has."""
    next_name: str | None
    """The level it climbs to next (a catalog path's first level); None at the top."""
    next_goals: tuple[str, ...]
    next_usual: bool
    """The next goals are the catalog's usual ones, not goals the person wrote."""
    entries: int
    """Journal entries linked to it."""
    latest: tuple[str, ...]
    """The first lines of the newest of them, newest first."""


@dataclass(frozen=True)
class Comparison:
    sides: tuple[Side, ...]
    scored: bool
    """A finished drivers assessment gives the scores; without one, the scores are None."""

    @property
    def scores_note(self) -> str:
        return "" if self.scored else NO_SCORES

    def side(self, key: str) -> Side | None:
        return next((s for s in self.sides if s.key == key), None)


def latest_scores(assessments: Iterable[Assessment]) -> dict[Driver, float | None] | None:
    """Each driver's score in the newest finished assessment; None before the first."""
    done = [a for a in assessments if a.finished is not None]
    if not done:
        return None
    newest = max(done, key=lambda a: (a.finished or a.started, a.id or 0))
    return {d: s.score for d, s in score(newest, questionnaire().statements).items()}


def first_line(entry: Reflection) -> str:
    for text in (entry.note, entry.want, entry.passions, entry.prompt):
        for line in text.splitlines():
            if line.strip():
                return line.strip()
    return "Ratings only"


def _fit(drivers: Sequence[Driver], scores: Scores | None) -> Fit:
    return tuple((d, None if scores is None else scores.get(d)) for d in drivers)


def _side(
    found: Candidate,
    scores: Scores | None,
    passions: Passions | None,
    entries: Sequence[Reflection],
    goals: Sequence[Goal],
    progress: Mapping[int, GoalProgress],
) -> Side:
    path, a = found.path, found.aspiration
    serves = _fit(path.serves, scores) if path else ()
    strains = _fit(path.strains, scores) if path else ()
    price = path.costs if path else NO_PRICE
    if a is None:
        assert path is not None
        first = path.levels[0]
        return Side(
            key=found.key,
            name=found.name,
            kind=found.kind,
            state="not adopted",
            own=False,
            serves=serves,
            strains=strains,
            passions=(),
            values=(),
            price=price,
            reason="",
            position=None,
            level_name="",
            done=0,
            total=0,
            next_name=first.name,
            next_goals=tuple(g.title for g in first.goals),
            next_usual=True,
            entries=0,
            latest=(),
        )
    values = {v.casefold() for v in passions.values} if passions else set()
    ladder = a.ladder
    done, total = level_count(a, goals, progress)
    next_name, usual = ladder.next_rung, False
    next_goals: tuple[str, ...] = ()
    if next_name is not None:
        mine = [g for g in goals if g.aspiration_id == a.id and g.level == ladder.level + 1]
        next_goals = tuple(g.title for g in sorted(mine, key=lambda g: g.id or 0))
        if not next_goals and path is not None and ladder.level + 1 < len(path.levels):
            next_goals = tuple(g.title for g in path.levels[ladder.level + 1].goals)
            usual = True
    linked = [e for e in entries if a.id is not None and e.aspiration_id == a.id]
    linked.sort(key=lambda e: (e.on, e.id or 0), reverse=True)
    return Side(
        key=found.key,
        name=found.name,
        kind=found.kind,
        state="paused" if ladder.paused else "active" if a.active else "archived",
        own=path is None,
        serves=serves,
        strains=strains,
        passions=tuple(p for p in a.passions if p.casefold() not in values),
        values=tuple(p for p in a.passions if p.casefold() in values),
        price=price,
        reason=a.why.strip(),
        position=ladder.position(),
        level_name=ladder.current,
        done=done,
        total=total,
        next_name=next_name,
        next_goals=next_goals,
        next_usual=usual,
        entries=len(linked),
        latest=tuple(first_line(e) for e in linked[:LATEST_SHOWN]),
    )


def compare(
    directions: Iterable[Aspiration | CatalogPath | Candidate],
    scores: Scores | None,
    passions: Passions | None,
    entries: Iterable[Reflection],
    goals: Iterable[Goal],
    progress: Mapping[int, GoalProgress],
) -> Comparison:
    """`scores`: each driver's score on the 1-6 scale (`latest_scores`), None before the first
    finished assessment; `progress`: goal id -> where it stands."""
    entries, goals = list(entries), list(goals)
    found = [d if isinstance(d, Candidate) else candidate(d) for d in directions]
    sides = tuple(_side(c, scores, passions, entries, goals, progress) for c in found)
    return Comparison(sides, scores is not None)


def check_chosen(count: int) -> None:
    if not MIN_CHOSEN <= count <= MAX_CHOSEN:
        raise ValidationError(
            f"Choose {MIN_CHOSEN} or {MAX_CHOSEN} directions to compare ({count} chosen)."
        )


def choice_entry(
    comparison: Comparison, chosen: str | None, reason: str, look_back: date, today: date
) -> Reflection:
    """The one journal entry a comparison's decision makes: the directions compared, the one
    chosen (or none yet) and why, with a day to look back on it; linked to the aspiration
    chosen, if an aspiration was. It is a decision like a reevaluation's, so Home and the
    review ask how it went."""
    check_look_back(look_back, today)
    why = parse_text(reason, "Why")
    side = comparison.side(chosen) if chosen is not None else None
    if chosen is not None and side is None:
        raise ValidationError("Choose one of the directions compared, or none yet.")
    names = "; ".join(s.name for s in comparison.sides)
    aspiration_id = None
    if side is not None and side.key.startswith("aspiration:"):
        aspiration_id = int(side.key.split(":", 1)[1])
    return decision_entry(
        today,
        aspiration_id,
        f"go for {side.name}" if side else "keep weighing them: none chosen yet",
        why,
        look_back,
        thoughts=[f"Compared: {names}."],
        prompt=DECISION_PROMPT,
    )
