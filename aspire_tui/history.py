"""Years of believable, reproducible records, written through the real store, to measure
Aspire with the file a person has after a decade of use.

Per year: 3 aspirations, 60 goals, 2,500 check-ins, 150 journal entries and one assessment,
dated across the years before `today`. The same seed gives the same records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from aspire_tui.domain import ladder as moves
from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.catalog import catalog
from aspire_tui.domain.journal import PROMPTS
from aspire_tui.domain.models import (
    REFLECTION_DRIVERS,
    Aspiration,
    AspirationStatus,
    Assessment,
    CheckIn,
    Goal,
    Reflection,
    Target,
)
from aspire_tui.store import AspireStore

PER_YEAR = {"aspirations": 3, "goals": 60, "checkins": 2500, "reflections": 150}

VERBS = ["Finish", "Ship", "Lead", "Publish", "Learn", "Mentor", "Present", "Win", "Write"]
THINGS = [
    "the quarterly roadmap",
    "a talk at the regional meetup",
    "the certification course",
    "a guide for new hires",
    "the migration to the new platform",
    "three client proposals",
    "the team's hiring plan",
    "a side project in public",
]
UNITS = ["clients", "talks", "chapters", "hours", "sessions", "articles", "interviews"]
NOTES = [
    "",
    "",
    "Good week.",
    "Slow going, but moving.",
    "Paired with a colleague on it.",
    "Blocked on review for a few days.",
    "Felt like real progress.",
]
JOURNAL = [
    "Thinking about what kind of work leaves me with energy at the end of the day.",
    "A hard conversation went better than I feared. Preparing helped.",
    "I want more room for deep work and fewer meetings.",
    "Recognition matters to me more than I admit.",
    "Security feels less important than it did a few years ago.",
    "Teaching someone else was the best part of the week.",
]


def generate(store: AspireStore, today: date, years: int, seed: int = 1) -> None:
    """Write `years` of history ending at `today`, in one write."""
    rng = random.Random(seed)
    start = today - timedelta(days=365 * years)
    with store.transaction():
        aspirations = _aspirations(store, rng, start, today, years)
        goals = _goals(store, rng, aspirations, today, years)
        _checkins(store, rng, goals, today, PER_YEAR["checkins"] * years)
        _reflections(store, rng, aspirations, start, today, years)
        _assessments(store, rng, start, years)


def _uid(rng: random.Random) -> str:
    """Seeded, so that the same seed writes the very same file."""
    return f"{rng.getrandbits(128):032x}"


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _aspirations(
    store: AspireStore, rng: random.Random, start: date, today: date, years: int
) -> list[Aspiration]:
    paths = catalog()
    made = []
    for n in range(PER_YEAR["aspirations"] * years):
        path = paths[n % len(paths)]
        created = start + timedelta(days=n * 365 // PER_YEAR["aspirations"])
        rungs = [level.name for level in path.levels]
        level = rng.randint(0, min(2, len(rungs) - 1))
        ladder = moves.adopt(rungs, level, created)
        old = (today - created).days > 3 * 365
        status = AspirationStatus.ACTIVE
        if old and rng.random() < 0.8:
            ladder = moves.set_aside(ladder, created + timedelta(days=700), "Moved on.")
            status = AspirationStatus.ARCHIVED
        why = "Worth the price: I want to choose my own work." if path.needs_reason else ""
        made.append(
            store.save_aspiration(
                Aspiration(
                    title=f"{path.name} ({created.year})",
                    created=created,
                    why=why,
                    path=path.key,
                    status=status,
                    ladder=ladder,
                    uid=_uid(rng),
                )
            )
        )
    return made


def _target(rng: random.Random, n: int) -> Target:
    kind = n % 10
    if kind == 0:
        return Target.done()
    if kind == 1:
        return Target.checklist(("Plan", "Draft", "Review", "Finish"))
    if kind == 2:
        return Target.number(5, "hours a week", start=20)
    return Target.number(rng.choice([10, 20, 40, 80]), rng.choice(UNITS))


def _goals(
    store: AspireStore, rng: random.Random, aspirations: list[Aspiration], today: date, years: int
) -> list[Goal]:
    made = []
    for n in range(PER_YEAR["goals"] * years):
        owner = aspirations[n % len(aspirations)]
        assert owner.id is not None
        created = _day_between(rng, owner.created, min(today, owner.created + timedelta(730)))
        deadline = created + timedelta(days=rng.randint(60, 360)) if n % 7 else None
        made.append(
            store.save_goal(
                Goal(
                    aspiration_id=owner.id,
                    title=f"{rng.choice(VERBS)} {rng.choice(THINGS)} #{n + 1}",
                    target=_target(rng, n),
                    created=created,
                    deadline=deadline,
                    level=owner.ladder.level,
                    stretch=n % 5 == 0,
                    how="An hour most mornings." if n % 3 == 0 else "",
                    uid=_uid(rng),
                )
            )
        )
    return made


def _checkins(
    store: AspireStore, rng: random.Random, goals: list[Goal], today: date, total: int
) -> None:
    """About `total` check-ins, each dated within its goal's life: a done / not done goal
    gets at most one, a checklist one per milestone, and numbers share the rest."""
    small = [g for g in goals if g.target.done_only or g.target.milestones]
    numbers = [g for g in goals if g not in small]
    budget = total - sum(1 if g.target.done_only else len(g.target.milestones) for g in small)
    per_goal, extra = divmod(budget, max(1, len(numbers)))
    rank = {id(g): n for n, g in enumerate(numbers)}
    for goal in goals:
        assert goal.id is not None
        if goal in small:
            count = 1 if goal.target.done_only else len(goal.target.milestones)
        else:
            count = per_goal + (1 if rank[id(goal)] < extra else 0)
        end = min(today, (goal.deadline or goal.created + timedelta(days=365)) + timedelta(30))
        days = sorted(_day_between(rng, goal.created, end) for _ in range(count))
        target = goal.target
        entries = []
        for i, day in enumerate(days):
            note = rng.choice(NOTES)
            uid = _uid(rng)
            if target.done_only:
                entries.append(CheckIn(goal.id, day, 1.0, note, uid=uid))
            elif target.milestones:
                entries.append(CheckIn(goal.id, day, 1.0, note, target.milestones[i], uid=uid))
            elif target.decreasing:
                reading = max(0.0, target.start - (i + 1) * rng.uniform(0.1, 0.6))
                entries.append(CheckIn(goal.id, day, round(reading, 1), note, uid=uid))
            else:
                amount = float(rng.randint(0, 2) or 1)
                entries.append(CheckIn(goal.id, day, amount, note, uid=uid))
        if entries:
            store.add_checkins(goal, entries)


def _reflections(
    store: AspireStore,
    rng: random.Random,
    aspirations: list[Aspiration],
    start: date,
    today: date,
    years: int,
) -> None:
    for n in range(PER_YEAR["reflections"] * years):
        on = _day_between(rng, start, today)
        about = rng.choice(aspirations) if n % 4 == 0 else None
        store.save_reflection(
            Reflection(
                on=on,
                note=rng.choice(JOURNAL),
                prompt=PROMPTS[n % len(PROMPTS)] if n % 2 else "",
                tags=("week",) if n % 3 == 0 else (),
                ratings={d: rng.randint(1, 5) for d in REFLECTION_DRIVERS},
                aspiration_id=about.id if about else None,
                uid=_uid(rng),
            )
        )


def _assessments(store: AspireStore, rng: random.Random, start: date, years: int) -> None:
    statements = questionnaire().statements
    for year in range(years):
        on = start + timedelta(days=365 * year + 100)
        answers = {s.id: rng.randint(1, 6) for s in statements}
        picks = tuple(s.id for s in rng.sample(statements, 3))
        store.save_assessment(Assessment(on, answers, picks, finished=on, uid=_uid(rng)))
