"""A small, believable career written through the real store, for screenshots and snapshots."""

from __future__ import annotations

from datetime import date, timedelta

from aspire_tui.domain.models import (
    Aspiration,
    AspirationStatus,
    CheckIn,
    Driver,
    Goal,
    Reflection,
    Target,
)
from aspire_tui.store import AspireStore


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
    expert = store.save_aspiration(
        Aspiration(
            title="Become the go-to expert on tax software",
            created=ago(180),
            why="I love the craft, and being trusted for it matters more to me than a title.",
            path="expert",
        )
    )
    manage = store.save_aspiration(
        Aspiration(
            title="Lead a small platform team",
            created=ago(120),
            why="Helping others grow is the part of my job I enjoy most.",
            path="management",
        )
    )
    store.save_aspiration(
        Aspiration(
            title="Run my own consultancy",
            created=ago(300),
            why="Freedom. Parked for now: security matters more this year.",
            path="business",
            status=AspirationStatus.ARCHIVED,
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
        )
    )
    talks = store.save_goal(
        Goal(expert.id, "Give talks at meetups", Target.number(3, "talks"), ago(150), ago(-40))
    )
    store.save_goal(
        Goal(expert.id, "Publish a guide to e-invoicing", Target.done(), ago(100), ago(-90))
    )
    mentor = store.save_goal(
        Goal(manage.id, "Mentor two junior engineers", Target.number(2, "people"), ago(110))
    )
    one_on_ones = store.save_goal(
        Goal(manage.id, "Run weekly one-on-ones", Target.number(12, "weeks"), ago(90), ago(-20))
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
    ):
        assert goal.id is not None
        for days, amount, note in entries:
            store.save_checkin(CheckIn(goal.id, ago(days), float(amount), note))
