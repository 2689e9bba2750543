"""The year `aspire --demo` opens: one person's, as they would have written it.

A tax-software engineer who starts the year wanting to be the expert people ask, sets a
consultancy aside, climbs a level as an expert, and takes on a first bit of leading. Every goal
belongs to its aspiration's path and level, reviews come once a month (one month missed, then
back on time), and the journal is written in a person's words. The heavy, mechanical history
for the benchmarks is tests/fixtures/history.py; this one is small, so the demo opens fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from aspire_tui.domain import ladder as moves
from aspire_tui.domain.assessment import questionnaire
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.decisions import decision_entry
from aspire_tui.domain.journal import REEVALUATION_PROMPT
from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    Assessment,
    CheckIn,
    Driver,
    Goal,
    Passions,
    Reflection,
    Review,
    Target,
)
from aspire_tui.domain.review import CLOSING, GOAL, step_key
from aspire_tui.store import AspireStore

MAX_GOALS_PER_LEVEL = 4
Ago = Callable[[int], date]


@dataclass(frozen=True)
class _Goal:
    title: str
    target: Target
    created: int
    """Days before today, as every day below."""
    deadline: int | None
    checkins: tuple[tuple[int, float, str], ...]
    stretch: bool = False
    how: str = ""
    closer: str = ""


_BUGS = Target.number(12, "bugs")
_GUIDE = Target.checklist(("Outline", "First draft", "Review by a tax partner", "Publish"))
_MIGRATION = Target.checklist(("Plan agreed", "Team of three", "Cut-over", "Retrospective"))

GOALS: dict[tuple[str, int], tuple[_Goal, ...]] = {
    ("business", 0): (
        _Goal(
            "Talk to five firms that might pay for advice",
            Target.number(5, "conversations"),
            345,
            270,
            ((330, 1, "An old colleague's firm; friendly, not buying"), (310, 1, "")),
        ),
    ),
    ("expert", 0): (
        _Goal(
            "Read the e-invoicing regulation end to end",
            Target.done(),
            335,
            280,
            ((300, 1, "Dry, but I finally see why the validation rules are so odd"),),
            closer="I stopped guessing at the rules and started quoting them.",
        ),
        _Goal(
            "Fix the open VAT bugs in the billing service",
            _BUGS,
            330,
            200,
            (
                (320, 3, "The rounding ones"),
                (290, 4, "Reverse charge edge cases"),
                (250, 3, ""),
                (205, 2, "Last two, with tests from the accountant's examples"),
            ),
            how="One bug every Thursday afternoon, before anything else.",
            closer="Support now sends tax questions to me by name.",
        ),
        _Goal(
            "Sit with the finance team's accountant once a month",
            Target.number(6, "sessions"),
            320,
            170,
            (
                (310, 1, "Month-end close, start to finish"),
                (280, 1, ""),
                (250, 1, "She showed me how they reconcile VAT returns"),
                (220, 1, ""),
                (195, 1, "Year-end; brought questions from the bugs"),
                (180, 1, ""),
            ),
        ),
    ),
    ("expert", 1): (
        _Goal(
            "Pass the CPA exam sections",
            Target.number(4, "sections"),
            170,
            -150,
            ((120, 1, "FAR passed"), (60, 1, "AUD passed, 78")),
            how="Two evenings a week of study, and one review weekend before each exam.",
        ),
        _Goal(
            "Give three talks on tax rules in software",
            Target.number(3, "talks"),
            150,
            -40,
            (
                (90, 1, "Local accounting meetup"),
                (30, 1, "PyData: tax rules as code"),
                (10, 1, "Internal tech talk"),
            ),
            stretch=True,
            closer="People now ask me about tax rules in software before they ask the vendor.",
        ),
        _Goal(
            "Publish a guide to e-invoicing",
            _GUIDE,
            100,
            -90,
            ((70, 1, "Outline"), (25, 1, "First draft")),
            how="An hour on Friday mornings.",
        ),
    ),
    ("management", 0): (
        _Goal(
            "Mentor two junior engineers",
            Target.number(2, "people"),
            110,
            None,
            ((100, 1, "Started with Sam"), (45, 1, "Priya joined")),
            closer="Showed me I like growing people more than writing the code myself.",
        ),
        _Goal(
            "Run weekly one-on-ones with Sam and Priya",
            Target.habit(1, "one-on-one", "week"),
            90,
            -20,
            ((80, 3, "First three weeks"), (40, 4, ""), (7, 2, "Skipped one, holiday")),
        ),
        _Goal(
            "Lead the invoicing migration project",
            _MIGRATION,
            60,
            -100,
            ((50, 1, "Plan agreed"), (20, 1, "Team of three")),
            how="Stand-up on Mondays; I write the notes myself.",
        ),
    ),
}
GOAL_TITLES: dict[tuple[str, int], frozenset[str]] = {
    key: frozenset(g.title for g in goals) for key, goals in GOALS.items()
}
"""The curated titles on each path's level, for the tests to hold the demo to."""

_JOURNAL: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (
        362,
        "What do I want out of my career?",
        "Burnt out after the launch. I want to stop working weekends, and I want to be good at "
        "one thing rather than OK at everything.",
        (),
    ),
    (
        340,
        "",
        "Decided to take tax seriously instead of treating it as the boring part of billing.",
        ("expert",),
    ),
    (
        318,
        "What drained me this month?",
        "Three evenings on a consultancy pitch deck. The mortgage renewal is in spring; this "
        "is not the year to go without a salary.",
        ("money",),
    ),
    (
        296,
        "What gave me energy this month?",
        "Explaining reverse charge to the new support hire. She got it in ten minutes.",
        (),
    ),
    (
        268,
        "",
        "Month-end with the accountant again. I understand their spreadsheets now, which is "
        "slightly alarming.",
        ("expert",),
    ),
    (
        241,
        "What am I putting up with that I could change?",
        "Meetings without an agenda. Started declining them politely; nobody has complained.",
        ("balance",),
    ),
    (
        213,
        "",
        "Shipped the last VAT fix. Support sent me a thank-you gif.",
        (),
    ),
    (
        176,
        "Which achievement am I proudest of this quarter?",
        "Finishing the accountant sessions. Moving up to specialist: time to get the CPA.",
        ("expert",),
    ),
    (
        148,
        "",
        "First CPA study weekend. Harder than I remembered exams being.",
        ("study",),
    ),
    (
        121,
        "What would I like people to come to me for in five years?",
        "Tax rules in software, and how to explain them. Maybe also how to grow people.",
        (),
    ),
    (
        97,
        "",
        "Gave my first talk at the accounting meetup. Shaking beforehand, fine once I started.",
        ("talks",),
    ),
    (
        74,
        "What gave me energy this month?",
        "Sam's first solo release. I said almost nothing in the review and it went well.",
        ("mentoring",),
    ),
    (
        52,
        "Where do I need more balance, and what would it take?",
        "Study plus the migration plus mentoring is too much. Moving the guide to Friday "
        "mornings only.",
        ("balance",),
    ),
    (
        33,
        "",
        "PyData talk done. Someone from the tax authority came up afterwards. Did not expect that.",
        ("talks",),
    ),
    (
        14,
        "What did I learn this week that I want to remember?",
        "Delegating the release checklist did not break anything. I should let go sooner.",
        ("mentoring",),
    ),
    (
        3,
        "",
        "Manager asked if I want to lead the platform team. Not sure it is me: I like the "
        "people part, less so the budget part.",
        (),
    ),
)

_RATINGS = {
    362: (3, 5, 4),
    296: (4, 4, 4),
    176: (5, 3, 3),
    74: (4, 4, 3),
    3: (4, 4, 2),
}
"""Achievement, balance, security (1-5) on the entries where the person rated them."""

_REVIEWS = (
    ("Read the regulation; it was less awful than feared.", "Start the bug list.", "Rounding"),
    ("Four bugs closed.", "Stop taking pitch calls in the evening.", "Reverse charge cases"),
    ("Set the consultancy aside; felt lighter.", "Protect Thursday afternoons.", "VAT returns"),
    ("Support asks me first now.", "Fewer meetings without an agenda.", "Next accountant day"),
    ("Bugs nearly done.", "Nothing; keep going.", "Last two bugs"),
    ("Accountant sessions done.", "Plan the CPA study.", "Book FAR"),
    ("Study routine holds.", "Sleep before exams, not revision.", "FAR exam"),
    ("FAR passed!", "Say yes to mentoring Sam.", "First talk"),
    ("Talk went fine.", "Write less, delegate more.", "Guide outline"),
    ("Priya joined; one-on-ones weekly.", "Too much on: move the guide to Fridays.", "AUD"),
    ("AUD passed, PyData talk done.", "Keep Friday mornings for the guide.", "Migration team"),
    ("Sam shipped alone.", "Think about the platform team offer.", "Talk to my manager"),
)


def believable_answers(leaning: dict[Driver, int]) -> dict[str, int]:
    """Each driver's leaning, give or take one, as a person's answers wander; a driver with
    no leaning is left unanswered, as in a profile taken before its statements existed."""
    return {
        s.id: max(1, min(6, leaning[s.driver] + (0, 1, -1, 0, 1)[n % 5]))
        for n, s in enumerate(questionnaire().statements)
        if s.driver in leaning
    }


def rung_names(key: str) -> list[str]:
    """The level names of a catalog path, lowest first."""
    path = find_path(key)
    assert path is not None
    return [level.name for level in path.levels]


def _months(today: date, count: int) -> list[date]:
    """The first days of the `count` months up to and including today's, oldest first."""
    firsts = []
    year, month = today.year, today.month
    for _ in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def a_year(store: AspireStore, today: date) -> None:
    """Write the year ending `today`, in one write."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    with store.transaction():
        goals = _aspirations_and_goals(store, ago)
        _journal(store, ago)
        _reviews(store, today, goals)
        d = Driver
        before = {d.ACHIEVEMENT: 4, d.BALANCE: 3, d.SECURITY: 5, d.MASTERY: 5, d.LEADING: 3}
        before |= {d.AUTONOMY: 3, d.BUILDING: 2, d.SERVICE: 3}
        after = {d.ACHIEVEMENT: 4, d.BALANCE: 5, d.SECURITY: 3, d.MASTERY: 6, d.LEADING: 4}
        after |= {d.AUTONOMY: 4, d.BUILDING: 2, d.SERVICE: 4, d.CHALLENGE: 3}
        for on, leaning, picks in (
            (ago(360), before, ("sec-2", "mas-5", "ach-1")),
            (ago(10), after, ("mas-6", "mas-5", "bal-2")),
        ):
            store.save_assessment(Assessment(on, believable_answers(leaning), picks, finished=on))
        store.save_passions(
            Passions(
                love=("Explaining hard things simply", "Tax law", "Pairing with juniors"),
                good_at=("Tax law", "Untangling messy systems", "Explaining hard things simply"),
                needed=("Tax software people can trust", "Explaining hard things simply"),
                paid_for=("Tax law", "Untangling messy systems"),
                values=("Evenings with my family", "Honest work"),
                updated=ago(3),
            )
        )


def _aspirations_and_goals(store: AspireStore, ago: Ago) -> list[tuple[Goal, date | None]]:
    business = moves.adopt(rung_names("business"), 0, ago(350))
    business = moves.set_aside(
        business, ago(290), "Security matters more this year; the mortgage comes first."
    )
    expert = moves.adopt(rung_names("expert"), 0, ago(340))
    expert = moves.raise_bar(expert, ago(175), "The level's goals are done; colleagues ask me.")
    expert = moves.reevaluate(
        expert, ago(3), "Offered the platform team lead role. Depth still matters more to me."
    )
    owners = {
        "business": Aspiration(
            title="Run my own consultancy",
            created=ago(350),
            why="Choosing my clients and my hours, and building something with my name on it.",
            path="business",
            status=AspirationStatus.ARCHIVED,
            ladder=business,
        ),
        "expert": Aspiration(
            title="Become the go-to expert on tax software",
            created=ago(340),
            why="I love the craft, and being trusted for it matters more to me than a title.",
            path="expert",
            passions=("Tax law", "Explaining hard things simply"),
            ladder=expert,
        ),
        "management": Aspiration(
            title="Lead a small platform team",
            created=ago(120),
            why="Helping others grow is the part of my job I enjoy most.",
            path="management",
            ladder=moves.adopt(rung_names("management"), 0, ago(120)),
        ),
    }
    saved = {key: store.save_aspiration(a) for key, a in owners.items()}
    made: list[tuple[Goal, date | None]] = []
    for (path, level), specs in GOALS.items():
        owner = saved[path].id
        assert owner is not None
        for spec in specs:
            goal = store.save_goal(
                Goal(
                    owner,
                    spec.title,
                    spec.target,
                    ago(spec.created),
                    ago(spec.deadline) if spec.deadline is not None else None,
                    level=level,
                    stretch=spec.stretch,
                    how=spec.how,
                    closer=spec.closer,
                )
            )
            assert goal.id is not None
            ticks = bool(spec.target.milestones)  # a checklist's note is the milestone it ticks
            entries = [
                CheckIn(goal.id, ago(days), amount, "" if ticks else note, note if ticks else "")
                for days, amount, note in spec.checkins
            ]
            store.add_checkins(goal, entries)
            reached = sum(amount for _, amount, _ in spec.checkins) >= spec.target.amount
            made.append((goal, ago(spec.checkins[-1][0]) if reached else None))
    return made


def _journal(store: AspireStore, ago: Ago) -> None:
    for days, prompt, note, tags in _JOURNAL:
        rated = _RATINGS.get(days)
        ratings = (
            dict(zip((Driver.ACHIEVEMENT, Driver.BALANCE, Driver.SECURITY), rated, strict=True))
            if rated
            else {}
        )
        store.save_reflection(
            Reflection(on=ago(days), note=note, prompt=prompt, tags=tags, ratings=ratings)
        )
    management = next(a for a in store.aspirations() if a.path == "management")
    store.save_reflection(
        decision_entry(
            ago(20),
            management.id,
            "Keep going, as it is",
            "Give it until the migration is done before deciding about the team lead role.",
            ago(-70),
            ["Still what I want? Yes, the people part more than I expected."],
            tags=("reevaluation",),
            prompt=REEVALUATION_PROMPT,
        )
    )


def _reviews(store: AspireStore, today: date, goals: list[tuple[Goal, date | None]]) -> None:
    """One review a month, late in the month, from the first full month of use; one month
    missed six months ago (the exam), then back on time. This month's only if its day has come."""
    months = _months(today, 12)
    missed = months[-7]
    for first, (went_well, will_change, next_step) in zip(months, _REVIEWS, strict=True):
        if first == missed:
            continue
        day = first.replace(day=26)
        if day > today:
            continue
        open_goals = [g for g, done in goals if g.created <= day and (done is None or done > day)]
        plan = (*(step_key(GOAL, g.uid) for g in open_goals), CLOSING)
        store.save_review(
            Review(
                day,
                plan,
                step=len(plan) - 1,
                went_well=went_well,
                will_change=will_change,
                next_step=next_step,
                finished=day,
            )
        )
