"""A small, believable career written through the real store, for screenshots and snapshots."""

from __future__ import annotations

from datetime import date, timedelta

from aspire_tui.demo_year import believable_answers, rung_names
from aspire_tui.domain import ladder
from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    Assessment,
    CheckIn,
    Driver,
    Goal,
    Passions,
    Reflection,
    Target,
)
from aspire_tui.store import AspireStore


def _assess(
    store: AspireStore, on: date, leaning: dict[Driver, int], picks: tuple[str, ...]
) -> None:
    store.save_assessment(Assessment(on, believable_answers(leaning), picks, finished=on))


def populate(store: AspireStore, today: date) -> None:
    """Write a year of one person's reflections, aspirations, goals and check-ins."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    store.save_reflection(
        Reflection(
            on=ago(200),
            want="A steady team lead role, and to stop working weekends.",
            passions="Untangling messy systems; pairing with juniors.",
            note="Burnt out after the launch. Need to decide what I actually want.",
            ratings={Driver.ACHIEVEMENT: 3, Driver.BALANCE: 5, Driver.SECURITY: 4},
        )
    )
    store.save_reflection(
        Reflection(
            on=ago(60),
            want="To be the person people ask about tax software, and maybe consult one day.",
            passions="Explaining hard things simply. Tax law, oddly.",
            note="Passed the first CPA section. Felt great.",
            ratings={Driver.ACHIEVEMENT: 4, Driver.BALANCE: 4, Driver.SECURITY: 3},
        )
    )
    store.save_reflection(
        Reflection(
            on=ago(3),
            want="Recognition for deep expertise, with room for a life outside work.",
            passions="Teaching, writing, tax and accounting systems.",
            note="Manager asked if I want to lead the platform team. Not sure it is me.",
            ratings={Driver.ACHIEVEMENT: 4, Driver.BALANCE: 4, Driver.SECURITY: 2},
        )
    )
    expert_ladder = ladder.adopt(rung_names("expert"), 0, ago(180))
    expert_ladder = ladder.raise_bar(expert_ladder, ago(175), "Five years in; colleagues ask me.")
    expert_ladder = ladder.reevaluate(
        expert_ladder,
        ago(3),
        "Offered the platform team lead role. Depth still matters more to me than a title.",
    )
    expert = store.save_aspiration(
        Aspiration(
            title="Become the go-to expert on tax software",
            created=ago(180),
            why="I love the craft, and being trusted for it matters more to me than a title.",
            path="expert",
            passions=("Tax law", "Explaining hard things simply"),
            ladder=expert_ladder,
        )
    )
    manage = store.save_aspiration(
        Aspiration(
            title="Lead a small platform team",
            created=ago(120),
            why="Helping others grow is the part of my job I enjoy most.",
            path="management",
            ladder=ladder.adopt(rung_names("management"), 0, ago(120)),
        )
    )
    business_ladder = ladder.adopt(rung_names("business"), 0, ago(300))
    business_ladder = ladder.set_aside(
        business_ladder, ago(250), "Security matters more this year; the mortgage comes first."
    )
    store.save_aspiration(
        Aspiration(
            title="Run my own consultancy",
            created=ago(300),
            why="Choosing my clients and my hours, and building something that carries my name.",
            path="business",
            status=AspirationStatus.ARCHIVED,
            ladder=business_ladder,
        )
    )
    assert expert.id is not None and manage.id is not None
    cpa = store.save_goal(
        Goal(
            expert.id,
            "Pass the CPA exam sections",
            Target.number(4, "sections"),
            ago(170),
            ago(-150),
            level=1,
            description="All four sections, each on the first attempt.",
            how="Two evenings a week of study, and one review weekend before each exam.",
        )
    )
    talks = store.save_goal(
        Goal(
            expert.id,
            "Give talks at meetups",
            Target.number(3, "talks"),
            ago(150),
            ago(-40),
            level=1,
            stretch=True,
            closer="People now ask me about tax rules in software before they ask the vendor.",
        )
    )
    guide = store.save_goal(
        Goal(
            expert.id,
            "Publish a guide to e-invoicing",
            Target.checklist(("Outline", "First draft", "Review by a tax partner", "Publish")),
            ago(100),
            ago(-90),
            level=1,
            how="An hour on Friday mornings.",
        )
    )
    mentor = store.save_goal(
        Goal(
            manage.id,
            "Mentor two junior engineers",
            Target.number(2, "people"),
            ago(110),
            closer="Showed me I like growing people more than writing the code myself.",
        )
    )
    one_on_ones = store.save_goal(
        Goal(manage.id, "Run weekly one-on-ones", Target.number(12, "weeks"), ago(90), ago(-20))
    )
    overtime = store.save_goal(
        Goal(
            manage.id,
            "Cut my overtime to 5 hours a week",
            Target.number(5, "hours a week", start=15),
            ago(60),
            ago(-60),
            description="Leave by six on four days of the week, and keep Fridays for deep work.",
            how="Delegate the release checklist; say no to meetings without an agenda.",
        )
    )
    for goal, entries in (
        (cpa, [(160, 1, "FAR passed"), (60, 1, "AUD passed, 78")]),
        (
            talks,
            [
                (90, 1, "Local accounting meetup"),
                (30, 1, "PyData: tax rules as code"),
                (10, 1, "Internal tech talk"),
            ],
        ),
        (mentor, [(100, 1, "Started with Sam"), (45, 1, "Priya joined")]),
        (one_on_ones, [(80, 3, "First three weeks"), (40, 4, ""), (7, 2, "Skipped one, holiday")]),
        (overtime, [(50, 14, ""), (35, 12, "Delegated the release checklist"), (12, 9, "")]),
    ):
        assert goal.id is not None
        for days, amount, note in entries:
            store.save_checkin(CheckIn(goal.id, ago(days), float(amount), note))
    assert guide.id is not None
    store.save_checkin(CheckIn(guide.id, ago(70), 1.0, "Six chapters", milestone="Outline"))
    d = Driver
    _assess(
        store,
        ago(400),
        {
            d.ACHIEVEMENT: 4,
            d.BALANCE: 3,
            d.SECURITY: 5,
            d.MASTERY: 5,
            d.LEADING: 3,
            d.AUTONOMY: 3,
            d.BUILDING: 2,
            d.SERVICE: 3,
        },
        ("sec-2", "mas-5", "ach-1"),
    )
    _assess(
        store,
        ago(10),
        {
            d.ACHIEVEMENT: 4,
            d.BALANCE: 5,
            d.SECURITY: 3,
            d.MASTERY: 6,
            d.LEADING: 3,
            d.AUTONOMY: 4,
            d.BUILDING: 2,
            d.SERVICE: 4,
            d.CHALLENGE: 3,
        },
        ("mas-6", "mas-5", "bal-2"),
    )
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


def main(argv: list[str] | None = None) -> int:
    """`python -m aspire_tui.demo --years 10 --data-dir DIR`: a folder of generated history."""
    import argparse
    from pathlib import Path

    from aspire_tui.history import generate

    parser = argparse.ArgumentParser(
        prog="python -m aspire_tui.demo",
        description="Write years of generated, reproducible history into an empty folder.",
    )
    parser.add_argument("--years", type=int, default=1, help="how many years (default 1)")
    parser.add_argument("--data-dir", required=True, metavar="DIR", help="an empty folder")
    parser.add_argument("--seed", type=int, default=1, help="the same seed, the same data")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=None, help="the last day (YYYY-MM-DD)"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.years <= 50:
        parser.error("--years must be from 1 to 50")
    folder = Path(args.data_dir)
    if folder.exists() and any(folder.iterdir()):
        parser.error(f"{folder} is not empty; give a new or empty folder")
    store = AspireStore.open(folder, backup=False)
    try:
        generate(store, args.today or date.today(), args.years, args.seed)
        print(f"Wrote {args.years} year(s) of history to {store.path}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
