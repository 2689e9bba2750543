"""Records to JSON documents and back; decoding is strict so a foreign file is caught at open.

msgspec was tried here and not adopted (issue 18; `tests/benchmarks/codec_bench.py`, 11
interleaved rounds, medians). A Struct per stored shape, with the same checks and messages,
made this module 280 lines instead of 501, but start-up did not improve: check-ins decoded
only about 15% faster (making 25,000 CheckIns costs more than checking them, and the fast path
below already checks them cheaply), so the file check stayed 121 ms against 124 at ten years
and grew from 12 to 14 ms at one, while importing msgspec costs about 5 ms in the app (14 ms
where the store loads it) and each Struct a little on first use. Only forty years gained
(464 ms against 559)."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from datetime import date
from typing import Any

from aspire_tui.domain.models import (
    PASSION_LISTS,
    Aspiration,
    AspirationStatus,
    Assessment,
    CheckIn,
    Driver,
    Event,
    Goal,
    Ladder,
    Move,
    Passions,
    Reflection,
    Review,
    ReviewAction,
    ReviewChange,
    Target,
)
from aspire_tui.domain.passions import check_passions
from aspire_tui.domain.review import check_review
from aspire_tui.domain.validation import (
    TEXT_MAX,
    ValidationError,
    check_assessment,
    check_journal_fields,
    check_ladder,
    check_linked_passions,
    check_rating,
    check_target,
)

Document = dict[str, Any]


class CodecError(ValueError):
    """A stored document is not the shape Aspire writes."""


_UID = re.compile(r"[0-9a-f]{32}")
_HEX = "0123456789abcdef"


def _checkin_maker() -> Any:
    """CheckIn(...) for decoding, at half the cost: a frozen dataclass's __init__ sets each
    field through object.__setattr__, and a ten-year file has 25,000 check-ins to make before
    the first frame. This sets the same slots directly; the record is the same."""
    new = object.__new__
    names = ("goal_id", "on", "amount", "note", "milestone", "uid", "id")
    if names != tuple(f.name for f in dataclasses.fields(CheckIn)):
        raise RuntimeError("CheckIn's fields changed: update _checkin_maker")  # caught by tests
    g, o, a, n, m, u, i = (getattr(CheckIn, name).__set__ for name in names)

    def make(
        goal_id: int, on: date, amount: float, note: str, milestone: str, uid: str, id_: int
    ) -> CheckIn:
        c = new(CheckIn)
        g(c, goal_id), o(c, on), a(c, amount), n(c, note), m(c, milestone), u(c, uid), i(c, id_)
        return c  # type: ignore[no-any-return]

    return make


_make_checkin = _checkin_maker()


@functools.lru_cache(maxsize=40_000)  # about a century of days, 4 MB at most
def _day(text: str) -> date:
    """Each day read once and shared: forty years of check-ins name about 14,000 days 100,000
    times, and a date is 32 bytes. A day that is not one raises ValueError, never kept."""
    return date.fromisoformat(text)


def _str(doc: Document, key: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str):
        raise CodecError(f"'{key}' should be text")
    if len(value) > TEXT_MAX:  # as import and the forms refuse it; it could freeze the app
        raise CodecError(f"'{key}' is longer than Aspire keeps (at most {TEXT_MAX:,} characters)")
    if not value.isascii():  # only then can it hold a lone surrogate
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise CodecError(f"'{key}' holds a broken character (a lone surrogate)") from None
    return value


def _date(doc: Document, key: str) -> date:
    try:
        return date.fromisoformat(_str(doc, key))
    except ValueError:
        raise CodecError(f"'{key}' should be a date") from None


def _optional_date(doc: Document, key: str) -> date | None:
    return None if doc.get(key) is None else _date(doc, key)


def _number(doc: Document, key: str) -> float:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CodecError(f"'{key}' should be a number")
    try:
        number = float(value)
    except OverflowError:
        raise CodecError(f"'{key}' is too large") from None
    if not math.isfinite(number):
        raise CodecError(f"'{key}' should be a finite number")
    return number


def _int(doc: Document, key: str) -> int:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(f"'{key}' should be a whole number")
    return value


def _uid(doc: Document) -> str:
    value = _str(doc, "uid")
    if not _UID.fullmatch(value):
        raise CodecError("'uid' should be 32 hexadecimal digits")
    return value


def _follows(doc: Document) -> str:
    """The decision a look back answers: a uid, or empty (and absent in files before it)."""
    if doc.get("follows") in (None, ""):
        return ""
    return _uid({"uid": doc["follows"]})


def encode_reflection(r: Reflection) -> Document:
    return {
        "uid": r.uid,
        "on": r.on.isoformat(),
        "want": r.want,
        "passions": r.passions,
        "note": r.note,
        "ratings": {driver.value: value for driver, value in r.ratings.items()},
        "prompt": r.prompt,
        "tags": list(r.tags),
        "aspiration_id": r.aspiration_id,
        "look_back": r.look_back.isoformat() if r.look_back else None,
        "follows": r.follows,
    }


def decode_reflection(doc: Document, doc_id: int) -> Reflection:
    raw = doc.get("ratings")
    if not isinstance(raw, dict):
        raise CodecError("'ratings' should be an object")
    ratings: dict[Driver, int] = {}
    for key, value in raw.items():
        try:
            ratings[Driver(key)] = check_rating(value)
        except (ValueError, ValidationError):
            raise CodecError(f"rating {key!r} is not a driver rated 1-5") from None
    tags = doc.get("tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise CodecError("'tags' should be a list of text")
    linked = doc.get("aspiration_id")
    if linked is not None:
        linked = _int(doc, "aspiration_id")
    try:
        check_journal_fields(_str(doc, "prompt"), tuple(tags))
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None
    return Reflection(
        on=_date(doc, "on"),
        want=_str(doc, "want"),
        passions=_str(doc, "passions"),
        note=_str(doc, "note"),
        ratings=ratings,
        prompt=_str(doc, "prompt"),
        tags=tuple(tags),
        aspiration_id=linked,
        look_back=_optional_date(doc, "look_back"),
        follows=_follows(doc),
        uid=_uid(doc),
        id=doc_id,
    )


def encode_aspiration(a: Aspiration) -> Document:
    return {
        "uid": a.uid,
        "title": a.title,
        "created": a.created.isoformat(),
        "why": a.why,
        "path": a.path,
        "status": a.status.value,
        "ladder": encode_ladder(a.ladder),
        "passions": list(a.passions),
    }


def _texts(doc: Document, key: str) -> tuple[str, ...]:
    items = doc.get(key)
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise CodecError(f"'{key}' should be a list of text")
    return tuple(items)


def _linked_passions(doc: Document) -> tuple[str, ...]:
    items = _texts(doc, "passions")
    try:
        check_linked_passions(items)
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None
    return items


def encode_ladder(ladder: Ladder) -> Document:
    return {
        "rungs": list(ladder.rungs),
        "level": ladder.level,
        "paused": ladder.paused,
        "paused_until": ladder.paused_until.isoformat() if ladder.paused_until else None,
        "history": [
            {"on": e.on.isoformat(), "move": e.move.value, "level": e.level, "reason": e.reason}
            for e in ladder.history
        ],
    }


def _event(doc: Any) -> Event:
    if not isinstance(doc, dict):
        raise CodecError("a history entry should be an object")
    try:
        move = Move(_str(doc, "move"))
    except ValueError:
        raise CodecError(f"history entry has an unknown move {doc.get('move')!r}") from None
    return Event(_date(doc, "on"), move, _int(doc, "level"), _str(doc, "reason"))


def decode_ladder(doc: Any) -> Ladder:
    if not isinstance(doc, dict):
        raise CodecError("'ladder' should be an object")
    rungs, history = doc.get("rungs"), doc.get("history")
    if not isinstance(rungs, list) or not rungs or not all(isinstance(r, str) for r in rungs):
        raise CodecError("'rungs' should be a list of level names")
    if not isinstance(history, list):
        raise CodecError("'history' should be a list")
    if not isinstance(doc.get("paused"), bool):
        raise CodecError("'paused' should be true or false")
    level = _int(doc, "level")
    if not 0 <= level < len(rungs):
        raise CodecError("'level' is not on the ladder")
    for rung in rungs:
        _str({"rung": rung}, "rung")
    until = _optional_date(doc, "paused_until")
    history_kept = tuple(_event(e) for e in history)
    ladder = Ladder(tuple(rungs), level, doc["paused"], history_kept, until)
    try:
        return check_ladder(ladder)  # what opens is what Aspire can save again
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None


def decode_aspiration(doc: Document, doc_id: int) -> Aspiration:
    path = doc.get("path")
    if path is not None and not isinstance(path, str):
        raise CodecError("'path' should be text or null")
    try:
        status = AspirationStatus(_str(doc, "status"))
    except ValueError:
        raise CodecError("'status' should be active or archived") from None
    return Aspiration(
        title=_str(doc, "title"),
        created=_date(doc, "created"),
        why=_str(doc, "why"),
        path=path,
        status=status,
        ladder=decode_ladder(doc.get("ladder")),
        passions=_linked_passions(doc),
        uid=_uid(doc),
        id=doc_id,
    )


def encode_goal(g: Goal) -> Document:
    return {
        "uid": g.uid,
        "aspiration_id": g.aspiration_id,
        "title": g.title,
        "description": g.description,
        "how": g.how,
        "target": {
            "amount": g.target.amount,
            "unit": g.target.unit,
            "done_only": g.target.done_only,
            "start": g.target.start,
            "milestones": list(g.target.milestones),
            "due": [d.isoformat() if d else None for d in g.target.milestone_due],
            "every": g.target.every,
        },
        "created": g.created.isoformat(),
        "starts": g.starts.isoformat() if g.starts else None,
        "deadline": g.deadline.isoformat() if g.deadline else None,
        "stretch": g.stretch,
        "level": g.level,
        "closer": g.closer,
        "tags": list(g.tags),
        "dropped": g.dropped.isoformat() if g.dropped else None,
        "dropped_why": g.dropped_why,
    }


def decode_goal(doc: Document, doc_id: int) -> Goal:
    raw = doc.get("target")
    if not isinstance(raw, dict) or not isinstance(raw.get("done_only"), bool):
        raise CodecError("'target' should be an object with amount, unit and done_only")
    milestones = raw.get("milestones")
    if not isinstance(milestones, list) or not all(isinstance(m, str) for m in milestones):
        raise CodecError("'target.milestones' should be a list of text")
    due = raw.get("due")
    if not isinstance(due, list) or not all(d is None or isinstance(d, str) for d in due):
        raise CodecError("'target.due' should be a list of dates or nulls")
    target = Target(
        amount=_number(raw, "amount"),
        unit=_str(raw, "unit"),
        done_only=raw["done_only"],
        start=_number(raw, "start"),
        milestones=tuple(milestones),
        milestone_due=tuple(_optional_date({"due": d}, "due") for d in due),
        every=_str(raw, "every"),
    )
    stretch = doc.get("stretch")
    if not isinstance(stretch, bool):
        raise CodecError("'stretch' should be true or false")
    goal = Goal(
        aspiration_id=_int(doc, "aspiration_id"),
        title=_str(doc, "title"),
        description=_str(doc, "description"),
        how=_str(doc, "how"),
        target=target,
        created=_date(doc, "created"),
        starts=_optional_date(doc, "starts"),
        deadline=_optional_date(doc, "deadline"),
        stretch=stretch,
        level=_level(doc),
        closer=_str(doc, "closer"),
        tags=_texts(doc, "tags"),
        dropped=_optional_date(doc, "dropped"),
        dropped_why=_str(doc, "dropped_why"),
        uid=_uid(doc),
        id=doc_id,
    )
    try:
        check_target(goal.target)
    except ValidationError as error:
        raise CodecError(str(error)) from None
    return goal


def _level(doc: Document) -> int:
    level = _int(doc, "level")
    if level < 0:
        raise CodecError("'level' cannot be negative")
    return level


def encode_checkin(c: CheckIn) -> Document:
    return {
        "uid": c.uid,
        "goal_id": c.goal_id,
        "on": c.on.isoformat(),
        "amount": c.amount,
        "note": c.note,
        "milestone": c.milestone,
    }


def decode_checkin(doc: Document, doc_id: int) -> CheckIn:
    """The most numerous record, so its checks are written out rather than called."""
    goal_id, on, amount = doc.get("goal_id"), doc.get("on"), doc.get("amount")
    note, milestone, uid = doc.get("note"), doc.get("milestone"), doc.get("uid")
    if (
        type(goal_id) is int
        and type(on) is str
        and type(amount) in (int, float)
        and type(note) is str
        and type(milestone) is str
        and type(uid) is str
        and note.isascii()
        and milestone.isascii()
        and len(note) <= TEXT_MAX
        and len(milestone) <= TEXT_MAX
        and len(uid) == 32
        and not uid.strip(_HEX)  # all hex digits: _UID, without a regex per check-in
        and -1e300 < amount < 1e300  # type: ignore[operator]
    ):
        try:
            day = _day(on)
        except ValueError:
            raise CodecError("'on' should be a date") from None
        return _make_checkin(goal_id, day, float(amount), note, milestone, uid, doc_id)  # type: ignore[arg-type]
    return CheckIn(  # the slow way, which says what is wrong
        goal_id=_int(doc, "goal_id"),
        on=_date(doc, "on"),
        amount=_number(doc, "amount"),
        note=_str(doc, "note"),
        milestone=_str(doc, "milestone"),
        uid=_uid(doc),
        id=doc_id,
    )


def encode_assessment(a: Assessment) -> Document:
    return {
        "uid": a.uid,
        "started": a.started.isoformat(),
        "answers": dict(a.answers),
        "picks": list(a.picks),
        "finished": a.finished.isoformat() if a.finished else None,
    }


def decode_assessment(doc: Document, doc_id: int) -> Assessment:
    answers, picks = doc.get("answers"), doc.get("picks")
    if not isinstance(answers, dict):
        raise CodecError("'answers' should be an object")
    if not isinstance(picks, list) or not all(isinstance(p, str) for p in picks):
        raise CodecError("'picks' should be a list of statement ids")
    assessment = Assessment(
        started=_date(doc, "started"),
        answers=dict(answers),
        picks=tuple(picks),
        finished=_optional_date(doc, "finished"),
        uid=_uid(doc),
        id=doc_id,
    )
    try:
        return check_assessment(assessment)
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None


_LISTS = (*PASSION_LISTS, "values")


def encode_passions(p: Passions) -> Document:
    doc: Document = {"uid": p.uid, "updated": p.updated.isoformat() if p.updated else None}
    doc |= {name: list(getattr(p, name)) for name in _LISTS}
    return doc


def decode_passions(doc: Document, doc_id: int) -> Passions:
    lists: dict[str, tuple[str, ...]] = {}
    for name in _LISTS:
        items = doc.get(name)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise CodecError(f"'{name}' should be a list of text")
        lists[name] = tuple(items)
    passions = Passions(**lists, updated=_optional_date(doc, "updated"), uid=_uid(doc), id=doc_id)
    try:
        return check_passions(passions)
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None


def encode_review(r: Review) -> Document:
    return {
        "uid": r.uid,
        "started": r.started.isoformat(),
        "plan": list(r.plan),
        "step": r.step,
        "notes": dict(r.notes),
        "changes": [
            {"step": c.step, "action": c.action.value, "title": c.title, "detail": c.detail}
            for c in r.changes
        ],
        "went_well": r.went_well,
        "will_change": r.will_change,
        "next_step": r.next_step,
        "finished": r.finished.isoformat() if r.finished else None,
    }


def _review_change(doc: Any) -> ReviewChange:
    if not isinstance(doc, dict):
        raise CodecError("a change should be an object")
    try:
        action = ReviewAction(_str(doc, "action"))
    except ValueError:
        raise CodecError("a change has an unknown action") from None
    return ReviewChange(_str(doc, "step"), action, _str(doc, "title"), _str(doc, "detail"))


def decode_review(doc: Document, doc_id: int) -> Review:
    plan, notes, changes = doc.get("plan"), doc.get("notes"), doc.get("changes")
    if not isinstance(plan, list) or not all(isinstance(p, str) for p in plan):
        raise CodecError("'plan' should be a list of steps")
    if not isinstance(notes, dict) or not all(isinstance(n, str) for n in notes.values()):
        raise CodecError("'notes' should be an object of text")
    if not isinstance(changes, list):
        raise CodecError("'changes' should be a list")
    review = Review(
        started=_date(doc, "started"),
        plan=tuple(plan),
        step=_int(doc, "step"),
        notes={key: _str(notes, key) for key in notes},
        changes=tuple(_review_change(c) for c in changes),
        went_well=_str(doc, "went_well"),
        will_change=_str(doc, "will_change"),
        next_step=_str(doc, "next_step"),
        finished=_optional_date(doc, "finished"),
        uid=_uid(doc),
        id=doc_id,
    )
    try:
        return check_review(review)
    except ValidationError as error:
        raise CodecError(str(error).rstrip(".")) from None
