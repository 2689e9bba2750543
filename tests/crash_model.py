"""A writer whose every step can be replayed without the store, for the SIGKILL test.

The model keys records by unique titles (ids can differ between a process that ran on and one
that restarted), so the parent can recompute what the file must hold after any number of steps.
"""

from __future__ import annotations

import copy
import random
from dataclasses import replace
from datetime import date
from typing import Any

from aspire_tui.domain.models import Aspiration, AspirationStatus, CheckIn, Goal, Reflection, Target
from aspire_tui.store import AspireStore

Model = dict[str, dict[str, dict[str, Any]]]
Op = tuple[Any, ...]
DAY = date(2026, 1, 1)


def empty_model() -> Model:
    return {"aspirations": {}, "goals": {}, "checkins": {}, "reflections": {}}


def model_from_store(store: AspireStore) -> Model:
    model = empty_model()
    aspirations = {a.id: a for a in store.aspirations()}
    goals = {g.id: g for g in store.goals()}
    for a in aspirations.values():
        model["aspirations"][a.title] = {"why": a.why, "status": a.status.value}
    for g in goals.values():
        model["goals"][g.title] = {
            "aspiration": aspirations[g.aspiration_id].title,
            "amount": g.target.amount,
        }
    for c in store.checkins():
        model["checkins"][c.note] = {"goal": goals[c.goal_id].title, "amount": c.amount}
    for r in store.reflections():
        model["reflections"][r.want] = {"note": r.note}
    return model


OTHER_COMPUTER = "desktop "
"""Reflections another computer writes, in the test with a sync underneath."""


def without_other_computers(model: Model) -> Model:
    model["reflections"] = {
        want: r for want, r in model["reflections"].items() if not want.startswith(OTHER_COMPUTER)
    }
    return model


def next_op(rng: random.Random, model: Model, tag: str) -> Op:
    asp, goals, cis, refs = (sorted(model[k]) for k in model)
    choices: list[Op] = [
        ("add_asp", f"asp {tag}"),
        ("add_ref", f"ref {tag}", f"note {rng.random():.6f}"),
    ]
    if asp:
        a = rng.choice(asp)
        choices += [
            ("edit_asp", a, f"why {tag}"),
            ("add_goal", f"goal {tag}", a, float(rng.randint(1, 9))),
            ("archive_asp", a),
        ]
        if len(asp) > 3:
            choices.append(("del_asp", a))
    if goals:
        g = rng.choice(goals)
        choices += [("edit_goal", g, float(rng.randint(1, 9))), ("add_ci", f"ci {tag}", g, 1.0)]
        if len(goals) > 4:
            choices.append(("del_goal", g))
    if cis and len(cis) > 5:
        choices.append(("del_ci", rng.choice(cis)))
    if refs:
        r = rng.choice(refs)
        choices.append(("edit_ref", r, f"edited {tag}"))
        if len(refs) > 3:
            choices.append(("del_ref", r))
    return rng.choice(choices)


def apply_to_model(model: Model, op: Op) -> Model:
    m = copy.deepcopy(model)
    kind = op[0]
    if kind == "add_asp":
        m["aspirations"][op[1]] = {"why": "", "status": "active"}
    elif kind == "edit_asp":
        m["aspirations"][op[1]]["why"] = op[2]
    elif kind == "archive_asp":
        m["aspirations"][op[1]]["status"] = "archived"
    elif kind == "del_asp":
        del m["aspirations"][op[1]]
        gone = {g for g, v in m["goals"].items() if v["aspiration"] == op[1]}
        m["goals"] = {g: v for g, v in m["goals"].items() if g not in gone}
        m["checkins"] = {c: v for c, v in m["checkins"].items() if v["goal"] not in gone}
    elif kind == "add_goal":
        m["goals"][op[1]] = {"aspiration": op[2], "amount": op[3]}
    elif kind == "edit_goal":
        m["goals"][op[1]]["amount"] = op[2]
    elif kind == "del_goal":
        del m["goals"][op[1]]
        m["checkins"] = {c: v for c, v in m["checkins"].items() if v["goal"] != op[1]}
    elif kind == "add_ci":
        m["checkins"][op[1]] = {"goal": op[2], "amount": op[3]}
    elif kind == "del_ci":
        del m["checkins"][op[1]]
    elif kind == "add_ref":
        m["reflections"][op[1]] = {"note": op[2]}
    elif kind == "edit_ref":
        m["reflections"][op[1]]["note"] = op[2]
    elif kind == "del_ref":
        del m["reflections"][op[1]]
    return m


def apply_to_store(store: AspireStore, op: Op) -> None:
    kind = op[0]
    by_title = {a.title: a for a in store.aspirations()}
    goals = {g.title: g for g in store.goals()}
    if kind == "add_asp":
        store.save_aspiration(Aspiration(op[1], DAY))
    elif kind == "edit_asp":
        store.save_aspiration(replace(by_title[op[1]], why=op[2]))
    elif kind == "archive_asp":
        store.save_aspiration(replace(by_title[op[1]], status=AspirationStatus.ARCHIVED))
    elif kind == "del_asp":
        store.delete_aspiration(by_title[op[1]].id or 0)
    elif kind == "add_goal":
        store.save_goal(Goal(by_title[op[2]].id or 0, op[1], Target.number(op[3]), DAY))
    elif kind == "edit_goal":
        store.save_goal(replace(goals[op[1]], target=Target.number(op[2])))
    elif kind == "del_goal":
        store.delete_goal(goals[op[1]].id or 0)
    elif kind == "add_ci":
        store.save_checkin(CheckIn(goals[op[2]].id or 0, DAY, op[3], note=op[1]))
    elif kind == "del_ci":
        [c] = [c for c in store.checkins() if c.note == op[1]]
        store.delete_checkin(c.id or 0)
    elif kind == "add_ref":
        store.save_reflection(Reflection(on=DAY, want=op[1], note=op[2]))
    elif kind in ("edit_ref", "del_ref"):
        [r] = [r for r in store.reflections() if r.want == op[1]]
        if kind == "edit_ref":
            store.save_reflection(replace(r, note=op[2]))
        else:
            store.delete_reflection(r.id or 0)


def ops_from(model: Model, seed: int, count: int) -> list[Model]:
    """The models after 0, 1, ... `count` steps of the writer with this seed."""
    rng = random.Random(seed)
    states = [model]
    for step in range(count):
        states.append(apply_to_model(states[-1], next_op(rng, states[-1], f"{seed}-{step}")))
    return states
