"""Every kind of record Aspire keeps, declared once.

The file check, the store's tables, export, import, migrations and the counts all iterate
`KINDS`, so a new kind of record is one declaration here (with its domain type and codec),
and nothing can list six kinds where there are seven. Kinds are declared after the kinds they
link to: that is the order the file check, export and import read them in, so what a record
points to is always read before it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from aspire_tui.domain.models import (
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Passions,
    Reflection,
    Review,
)
from aspire_tui.domain.passions import check_passions
from aspire_tui.domain.review import check_review
from aspire_tui.domain.validation import (
    check_aspiration,
    check_assessment,
    check_checkin,
    check_goal,
    check_reflection,
)
from aspire_tui.store import codec


class Current(Enum):
    """Which of a kind's stored records are the person's data now: what is exported, counted
    and matched on import."""

    ALL = "all"
    NEWEST = "newest"
    """One set, kept up to date: the newest. An import merging into data that has one
    keeps the one here."""
    ONE_DRAFT = "one draft"
    """The finished ones and at most one left half-way (the newest). An import merging
    into data with one under way keeps the one here."""


@dataclass(frozen=True)
class Link:
    """A record's reference to a record of another kind: by id in the data file, by uid in
    an export."""

    field: str
    """The domain field holding the other record's id ("goal_id")."""
    to: str
    """The table of the kind it points to."""
    ref: str
    """The key an export names the other record's uid under ("goal")."""
    missing: str
    """What an import says when the other record is in neither the file nor the data: a
    `str.format` template with the record as `r`."""
    optional: bool = False
    """The link may be empty (a journal entry about no aspiration in particular)."""


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: its domain type, its table, its codec, its checks and links."""

    table: str
    """Its table in the data file, and its key in an export."""
    type: type
    encode: Callable[[Any], dict[str, Any]]
    decode: Callable[[dict[str, Any], int], Any]
    check: Callable[[Any], Any]
    """The domain's check, which raises ValidationError for a record that may not be kept."""
    one: str
    many: str
    """Its name in words, for counts ("1 check-in", "2 check-ins")."""
    sorted_by: str
    """The field an export orders its records by (then by uid), so exports compare."""
    links: tuple[Link, ...] = ()
    current: Current = Current.ALL
    dated: bool = False
    """An import refuses one dated more than a day ahead (`check_dated_in_file`)."""
    journal: bool = False
    """Draws its ids from the journal's one count, so that ids order the journal."""
    index_by: str | None = None
    """A field the store keeps an index of records by (check-ins by goal)."""
    only_one: str = ""
    """For a kind with one current record: what an import file may not hold two of."""
    unfit: str = ""
    """What an import says when a record does not fit what it belongs to, if it can happen
    (a `str.format` template with the record as `r`)."""
    older_exports_lack: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """Fields an older export may lack, and what they are then."""
    save: Callable[[Any, Any], Any] | None = None
    """The store's own save for it, `save(store, record)`, where the store keeps rules for it
    beyond the domain's check and the links; without one, `AspireStore.save_record` runs the
    check, makes sure each link leads to a record, and saves."""


KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        table="aspirations",
        type=Aspiration,
        encode=codec.encode_aspiration,
        decode=codec.decode_aspiration,
        check=check_aspiration,
        one="aspiration",
        many="aspirations",
        sorted_by="created",
    ),
    RecordKind(
        table="goals",
        type=Goal,
        encode=codec.encode_goal,
        decode=codec.decode_goal,
        check=check_goal,
        one="goal",
        many="goals",
        sorted_by="created",
        links=(
            Link(
                "aspiration_id",
                "aspirations",
                "aspiration",
                missing="goal “{r.title}” has no aspiration to belong to",
            ),
        ),
        save=lambda store, goal: store.save_goal(goal),
    ),
    RecordKind(
        table="checkins",
        type=CheckIn,
        encode=codec.encode_checkin,
        decode=codec.decode_checkin,
        check=check_checkin,
        one="check-in",
        many="check-ins",
        sorted_by="on",
        links=(
            Link(
                "goal_id", "goals", "goal", missing="a check-in of {r.on} has no goal to belong to"
            ),
        ),
        dated=True,
        index_by="goal_id",
        unfit="the check-in of {r.on} does not fit its goal",
        save=lambda store, checkin: store.save_checkin(checkin),
    ),
    RecordKind(
        table="reflections",
        type=Reflection,
        encode=codec.encode_reflection,
        decode=codec.decode_reflection,
        check=check_reflection,
        one="journal entry",
        many="journal entries",
        sorted_by="on",
        links=(
            Link(
                "aspiration_id",
                "aspirations",
                "aspiration",
                missing="a journal entry of {r.on} is about nothing",
                optional=True,
            ),
        ),
        dated=True,
        journal=True,
        older_exports_lack={"prompt": "", "tags": []},
    ),
    RecordKind(
        table="assessments",
        type=Assessment,
        encode=codec.encode_assessment,
        decode=codec.decode_assessment,
        check=check_assessment,
        one="self-assessment",
        many="self-assessments",
        sorted_by="started",
        current=Current.ONE_DRAFT,
    ),
    RecordKind(
        table="passions",
        type=Passions,
        encode=codec.encode_passions,
        decode=codec.decode_passions,
        check=check_passions,
        one="list of passions and values",
        many="lists of passions and values",
        sorted_by="updated",
        current=Current.NEWEST,
        only_one="set of passions and values",
        save=lambda store, passions: store.save_passions(passions),
    ),
    RecordKind(
        table="reviews",
        type=Review,
        encode=codec.encode_review,
        decode=codec.decode_review,
        check=check_review,
        one="review",
        many="reviews",
        sorted_by="started",
        current=Current.ONE_DRAFT,
        dated=True,
        journal=True,
        save=lambda store, review: store.save_review(review),
    ),
)


def kind_named(table: str, kinds: Sequence[RecordKind] = KINDS) -> RecordKind:
    for kind in kinds:
        if kind.table == table:
            return kind
    raise KeyError(table)


def kind_of(record: object, kinds: Sequence[RecordKind] = KINDS) -> RecordKind:
    for kind in kinds:
        if type(record) is kind.type:
            return kind
    raise KeyError(type(record).__name__)


def newest(records: Sequence[Any]) -> Any | None:
    return max(records, key=lambda r: r.id or 0) if records else None


def draft(records: Sequence[Any]) -> Any | None:
    """The record left half-way, for a kind with drafts."""
    return newest([r for r in records if r.finished is None])


def current(kind: RecordKind, records: Sequence[Any]) -> list[Any]:
    """Of all a kind's stored records, those that are the person's data now (`Current`)."""
    if kind.current is Current.NEWEST:
        latest = newest(records)
        return [] if latest is None else [latest]
    if kind.current is Current.ONE_DRAFT:
        left = draft(records)
        return [r for r in records if r.finished is not None] + ([] if left is None else [left])
    return list(records)
