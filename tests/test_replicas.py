"""The merge of several computers' data (`store/replicas.py`): random histories of three
computers editing, deleting, deciding conflicts and syncing in any order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from aspire_tui.store.replicas import (
    Version,
    merge_replicas,
    merge_versions,
    seen_by,
    stamp_after,
)

DEVICES = ("aaaaaaaa", "bbbbbbbb", "cccccccc")
KEYS = ("goals/1", "goals/2", "checkins/3")
Replica = dict[str, tuple[Version, ...]]


@dataclass
class World:
    replicas: dict[str, Replica] = field(default_factory=lambda: {d: {} for d in DEVICES})
    clocks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DEVICES, 0))
    made: list[Version] = field(default_factory=list)
    """Every version any computer confirmed, with its key."""
    keys_of: dict[tuple[int, str, bytes], str] = field(default_factory=dict)
    past: dict[tuple[int, str, bytes], frozenset[tuple[int, str, bytes]]] = field(
        default_factory=dict
    )
    """Every version each version's maker had before them when making it, followed back
    through what those were made on: the truth the merge must honour, kept apart from the
    merge's own rule (`supersedes`)."""

    def tick(self, device: str, seen: dict[str, int]) -> int:
        # A hybrid clock: past this computer's last stamp and everything it has seen.
        self.clocks[device] = max(self.clocks[device], *seen.values(), 0) + 1
        return self.clocks[device]

    def change(self, device: str, key: str, doc: dict[str, Any] | None, decide: bool) -> None:
        replica = self.replicas[device]
        versions = replica.get(key, ())
        if doc is not None and not versions and not decide:
            pass  # a new record
        elif not versions or (versions[0].deleted and not decide):
            return  # nothing shown to change: the person cannot reach it
        base = versions if decide else versions[:1]
        seen = seen_by(base)
        beside = () if decide else versions[1:]
        version = stamp_after(seen, self.tick(device, seen.clock), device, doc, beside)
        replica[key] = (version,) if decide else (version, *versions[1:])
        replica[key] = merge_versions(replica[key])
        self.made.append(version)
        self.keys_of[version.identity] = key
        self.past[version.identity] = frozenset().union(
            *({b.identity} | self.past.get(b.identity, frozenset()) for b in base)
        )

    def sync(self, source: str, target: str) -> None:
        merged = merge_replicas(self.replicas[target], self.replicas[source])
        self.replicas[target] = merged
        for versions in merged.values():
            for version in versions:
                self.clocks[target] = max(self.clocks[target], version.t)


step = st.one_of(
    st.tuples(
        st.just("edit"),
        st.sampled_from(DEVICES),
        st.sampled_from(KEYS),
        st.integers(0, 5),
    ),
    st.tuples(st.just("delete"), st.sampled_from(DEVICES), st.sampled_from(KEYS), st.none()),
    st.tuples(
        st.just("decide"), st.sampled_from(DEVICES), st.sampled_from(KEYS), st.integers(0, 3)
    ),
    st.tuples(st.just("sync"), st.sampled_from(DEVICES), st.sampled_from(DEVICES), st.none()),
)


def run(steps: list[tuple[Any, ...]]) -> World:
    world = World()
    for kind, a, b, n in steps:
        if kind == "edit":
            world.change(a, b, {"note": f"{a} {n} {len(world.made)}"}, decide=False)
        elif kind == "delete":
            world.change(a, b, None, decide=False)
        elif kind == "decide":
            versions = world.replicas[a].get(b, ())
            if len(versions) > 1:
                world.change(a, b, versions[n % len(versions)].doc, decide=True)
        else:
            world.sync(a, b)
    return world


def full_sync(world: World) -> None:
    for _ in range(2):
        for source in DEVICES:
            for target in DEVICES:
                world.sync(source, target)


def ids(replica: Replica) -> dict[str, list[tuple[int, str, bytes]]]:
    return {key: [v.identity for v in versions] for key, versions in replica.items()}


@settings(max_examples=1000, deadline=None)
@given(st.lists(step, max_size=40))
def test_after_a_full_sync_every_computer_shows_the_same_and_no_confirmed_edit_is_lost(
    steps: list[tuple[Any, ...]],
) -> None:
    world = run(steps)
    full_sync(world)
    first, *rest = (ids(world.replicas[d]) for d in DEVICES)
    assert all(other == first for other in rest), "every computer shows the same"
    final = world.replicas[DEVICES[0]]
    for version in world.made:
        key = world.keys_of[version.identity]
        kept = {x.identity for x in final.get(key, ())}
        present = version.identity in kept
        # Otherwise a change was made knowing this version: the person's choice.
        known = any(version.identity in world.past[x] for x in kept)
        assert present or known, f"{version} was lost"
        # Nothing a later change was made knowing is shown or kept again (a delete stays a
        # delete); a change made without knowing it (apart) is kept beside it.
        assert not (world.past[version.identity] & kept), "a version replaced came back"


replica_strategy = st.builds(
    lambda steps, device: run(steps).replicas[device],
    st.lists(step, max_size=25),
    st.sampled_from(DEVICES),
)


@settings(max_examples=300, deadline=None)
@given(replica_strategy, replica_strategy, replica_strategy)
def test_merging_is_commutative_associative_and_idempotent(
    a: Replica, b: Replica, c: Replica
) -> None:
    assert ids(merge_replicas(a, b)) == ids(merge_replicas(b, a))
    assert ids(merge_replicas(merge_replicas(a, b), c)) == ids(
        merge_replicas(a, merge_replicas(b, c))
    )
    assert ids(merge_replicas(a, a)) == ids(a)
    assert ids(merge_replicas(merge_replicas(a, b), b)) == ids(merge_replicas(a, b))


def test_a_change_made_apart_is_kept_beside_the_later_one() -> None:
    world = World()
    world.change("aaaaaaaa", "goals/1", {"note": "first"}, decide=False)
    world.sync("aaaaaaaa", "bbbbbbbb")
    world.change("aaaaaaaa", "goals/1", {"note": "laptop"}, decide=False)
    world.change("bbbbbbbb", "goals/1", {"note": "desktop"}, decide=False)
    world.sync("aaaaaaaa", "bbbbbbbb")
    shown, kept = world.replicas["bbbbbbbb"]["goals/1"]
    assert {shown.doc["note"], kept.doc["note"]} == {"laptop", "desktop"}  # type: ignore[index]
    assert shown.t > kept.t or (shown.t == kept.t and shown.d > kept.d), "the later one shown"


def test_a_record_never_stamped_gives_way_to_any_stamped_change() -> None:
    old = Version(0, "", (), {"note": "from before Aspire 7"})
    new = stamp_after({}, 5, "aaaaaaaa", {"note": "changed"})  # as the store stamps an edit
    assert merge_versions([old], [new]) == (new,)
    other_old = Version(0, "", (), {"note": "another copy from before"})
    assert len(merge_versions([old], [other_old])) == 2, "two old copies that differ: both kept"


def test_a_change_keeps_a_version_kept_beside_the_one_it_was_made_on() -> None:
    """The desktop keeps its own version beside the laptop's (changed apart), then changes
    the laptop's: its own earlier version is still kept, on every computer."""
    mine = stamp_after({}, 1, "bbbbbbbb", {"note": "desktop"})
    theirs = stamp_after({}, 2, "aaaaaaaa", {"note": "laptop"})
    shown, kept = merge_versions([mine], [theirs])
    assert shown is theirs and kept is mine
    edited = stamp_after(seen_by([shown]), 3, "bbbbbbbb", {"note": "laptop, edited"})
    assert merge_versions([edited, kept], [theirs]) == (edited, kept)


def test_a_change_to_one_old_record_keeps_another_that_only_shares_its_number() -> None:
    """Two computers each began with data from before stamps; their goal 1 are two goals."""
    mine = Version(0, "", (), {"uid": "a" * 32, "title": "Mine"})
    theirs = Version(0, "", (), {"uid": "b" * 32, "title": "Theirs"})
    shown, kept = merge_versions([mine], [theirs])
    edited = stamp_after(
        seen_by([shown]), 5, "aaaaaaaa", {**(shown.doc or {}), "title": "Edited"}, [kept]
    )
    merged = merge_versions([edited, kept], [mine], [theirs])
    assert [x.doc["title"] for x in merged] == ["Edited", kept.doc["title"]]  # type: ignore[index]
