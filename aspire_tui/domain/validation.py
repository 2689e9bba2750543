"""Turn what a person typed into valid values, or a message that says what to fix.

Forms call these so that nothing invalid reaches the store; the store calls `check_*` again
so that nothing invalid reaches the file even if a form forgets.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import TypeVar

from aspire_tui.domain.models import (
    RATING_MAX,
    RATING_MIN,
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Ladder,
    Reflection,
    Review,
    Target,
    TargetKind,
)
from aspire_tui.domain.progress import format_amount

TITLE_MAX = 200
TEXT_MAX = 100_000
UNIT_MAX = 40
AMOUNT_MAX = 1_000_000_000_000
"""Far beyond any real target, and still exact as a float."""


T_Dated = TypeVar("T_Dated", bound=CheckIn | Reflection | Review)


class ValidationError(ValueError):
    """A value a person typed that Aspire cannot accept; the message is for them."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")


def parse_title(text: str, what: str = "Title") -> str:
    title = " ".join(text.split())
    if not title:
        raise ValidationError(f"{what} cannot be empty.")
    if _CONTROL.search(title):
        raise ValidationError(f"{what} cannot contain control characters.")
    _encodable(title, what)
    if len(title) > TITLE_MAX:
        raise ValidationError(f"{what} is too long (at most {TITLE_MAX} characters).")
    return title


def _encodable(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"{what} holds a broken character that cannot be saved.") from None


def parse_text(text: str, what: str = "Text") -> str:
    _encodable(text, what)
    if len(text) > TEXT_MAX:
        raise ValidationError(f"{what} is too long (at most {TEXT_MAX:,} characters).")
    return text.strip()


def parse_date(text: str, what: str = "Date") -> date:
    value = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValidationError(f"{what} must look like 2026-03-31 (year-month-day).")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{what} {value} does not exist on the calendar.") from None


def check_not_after_today(day: date, today: date, what: str = "Date") -> date:
    """A check-in, an achievement, a reflection or a review is never dated after today: one
    typo in a year would otherwise record an achievement that has not happened."""
    if day > today:
        raise ValidationError(
            f"{what} {day.isoformat()} is after today ({today.isoformat()}): "
            "record only what has happened."
        )
    return day


FILE_DATE_SLACK = timedelta(days=1)
"""How far ahead of this computer's today a file or an import may be dated: a record written
where it is already tomorrow (another time zone) is true, a later one is a mistake."""


def parse_date_so_far(text: str, today: date, what: str = "Date", kept: date | None = None) -> date:
    """A date typed for something that has happened: today or before. `kept`: the date the
    record already has, which may stay as it is if a file brought it a day ahead."""
    day = parse_date(text, what)
    if day == kept and day <= today + FILE_DATE_SLACK:
        return day
    return check_not_after_today(day, today, what)


def check_dated_in_file(record: T_Dated, today: date) -> T_Dated:
    """A record read from a file or an import, refused if dated more than a day after today.
    Progress still counts a check-in only from its own day (see `domain.progress`)."""
    days = [record.started, record.finished] if isinstance(record, Review) else [record.on]
    latest = today + FILE_DATE_SLACK
    for day in days:
        if day is not None and day > latest:
            raise ValidationError(
                f"dated {day.isoformat()}, more than a day after today ({today.isoformat()} "
                "on this computer's clock)"
            )
    return record


def parse_optional_date(text: str, what: str = "Date") -> date | None:
    return parse_date(text, what) if text.strip() else None


def parse_number(text: str, what: str = "Amount") -> float:
    """Digits with an optional decimal point; commas only as thousands separators (1,000)."""
    value = text.strip()
    if not _NUMBER.fullmatch(value):
        if re.fullmatch(r"[-+]?\d+,\d+", value):
            raise ValidationError(f"{what}: use a point for decimals, such as 2.5.")
        raise ValidationError(f"{what} must be a number, such as 3 or 2.5.")
    number = float(value.replace(",", ""))
    if not math.isfinite(number):
        raise ValidationError(f"{what} is too large.")
    return number


def parse_target(text: str, allow_zero: bool = False) -> Target:
    """ "3 certifications" → 3 of unit "certifications"; empty → done / not done. A number to
    bring down may aim at zero ("0 open bugs"); `allow_zero` says so."""
    value = " ".join(text.split())
    if not value:
        return Target.done()
    number, _, unit = value.partition(" ")
    if re.fullmatch(r"[-+]?[\d.,]+", number):
        parse_number(number, "Target")  # explains a decimal comma or a stray point
    if not _NUMBER.fullmatch(number):
        raise ValidationError(
            "Target must start with a number and a space, such as '3 certifications' or "
            "'10 clients'; leave it empty for done / not done."
        )
    amount = parse_number(number, "Target")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError("Target must be a positive number.")
    if amount > AMOUNT_MAX:
        raise ValidationError(f"Target is too large (at most {AMOUNT_MAX:,}).")
    if _CONTROL.search(unit):
        raise ValidationError("Unit cannot contain control characters.")
    _encodable(unit, "Unit")
    if len(unit) > UNIT_MAX:
        raise ValidationError(f"Unit is too long (at most {UNIT_MAX} characters).")
    return Target.number(amount, unit)


def parse_start_value(text: str) -> float:
    """Where a number to bring down stands when the goal begins."""
    value = parse_number(text, "Starting from") if text.strip() else None
    if value is None:
        raise ValidationError("Say where it stands now, such as 20.")
    if value < 0 or value > AMOUNT_MAX:
        raise ValidationError(f"Starting from must be between 0 and {AMOUNT_MAX:,}.")
    return value


_HABIT = re.compile(
    r"^\s*(?P<n>\d+|an?|once|twice)?\s*(?P<unit>.*?)\s*"
    r"(?:a|per|each|every|/)\s*(?P<every>week|month)\s*$",
    re.IGNORECASE,
)
_TIMES_WORDS = {"a": 1, "an": 1, "once": 1, "twice": 2, None: 1}


def parse_habit(text: str) -> tuple[float, str, str]:
    """ "4 one-on-ones a month", "a one-on-one every week", "twice a week", "3 per week":
    (times per period, the unit, "week" or "month")."""
    found = _HABIT.match(text)
    if not found:
        raise ValidationError("Say how often, such as '1 one-on-one a week' or '4 posts a month'.")
    raw = found.group("n")
    word = raw.lower() if raw else None
    times = float(raw) if raw and raw.isdigit() else float(_TIMES_WORDS[word])
    unit = " ".join(found.group("unit").split())
    if unit.lower() in ("times", "time"):
        unit = ""
    if not 1 <= times <= AMOUNT_MAX:
        raise ValidationError("A habit asks for at least once a period.")
    if len(unit) > UNIT_MAX:
        raise ValidationError(f"Unit is too long (at most {UNIT_MAX} characters).")
    return times, unit, found.group("every").lower()


MILESTONES_MAX = 50


_DUE = re.compile(
    r"^(?P<name>.*?)[\s,;:@—–-]*(?:\b(?:by|due)\s+)?(?P<day>\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE
)


def parse_milestones_due(text: str) -> tuple[tuple[str, ...], tuple[date | None, ...]]:
    """Milestones typed one per line, each may end with its own due date ("Draft, by
    2027-03-01"): the names, and the dates in the same order (empty if none has one)."""
    names: list[str] = []
    dues: list[date | None] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        found = _DUE.match(line.strip())
        if found and found.group("name").strip():
            names.append(found.group("name"))
            dues.append(parse_date(found.group("day"), "A milestone's due date"))
        else:
            names.append(line)
            dues.append(None)
    kept = parse_milestones("\n".join(names))
    return kept, (tuple(dues) if any(dues) else ())


def milestones_text(names: tuple[str, ...], dues: tuple[date | None, ...]) -> str:
    """What `parse_milestones_due` reads back: a line each, with its due date if any."""
    lines = []
    for number, name in enumerate(names):
        due = dues[number] if number < len(dues) else None
        lines.append(f"{name}, by {due.isoformat()}" if due else name)
    return "\n".join(lines)


def parse_milestones(text: str) -> tuple[str, ...]:
    """Milestones typed one per line, in the order they are expected."""
    names = tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if not names:
        raise ValidationError("Name at least one milestone, one per line.")
    if len(names) > MILESTONES_MAX:
        raise ValidationError(f"A goal has at most {MILESTONES_MAX} milestones.")
    for name in names:
        parse_title(name, "A milestone")
    if len(set(names)) != len(names):
        raise ValidationError("Each milestone needs its own name; two are the same.")
    return names


def parse_checkin_amount(text: str) -> float:
    amount = parse_number(text)
    if abs(amount) > AMOUNT_MAX:
        raise ValidationError(f"Amount is too large (at most {AMOUNT_MAX:,}).")
    if amount == 0:
        raise ValidationError("Amount cannot be zero; use a negative number to correct.")
    return amount


def parse_reading(text: str) -> float:
    """Where a number to bring down stands on the day of a check-in."""
    amount = parse_number(text, "Now at")
    if amount < 0 or amount > AMOUNT_MAX:
        raise ValidationError(f"Now at must be between 0 and {AMOUNT_MAX:,}.")
    return amount


def check_rating(value: int) -> int:
    if not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise ValidationError(f"Ratings go from {RATING_MIN} to {RATING_MAX}.")
    return value


def check_reflection(reflection: Reflection) -> Reflection:
    for text, what in (
        (reflection.want, "Answer"),
        (reflection.passions, "Answer"),
        (reflection.note, "Note"),
    ):
        parse_text(text, what)
    for value in reflection.ratings.values():
        check_rating(value)
    check_journal_fields(reflection.prompt, reflection.tags)
    if not (reflection.want or reflection.passions or reflection.note or reflection.ratings):
        raise ValidationError("Write at least one answer or rate a driver.")
    return reflection


def check_journal_fields(prompt: str, tags: tuple[str, ...]) -> None:
    if prompt and parse_title(prompt, "Prompt") != prompt:
        raise ValidationError("Prompt has stray white space.")
    for tag in tags:
        if parse_title(tag, "Tag") != tag or "," in tag:
            raise ValidationError("A tag is empty, padded or holds a comma.")


def check_linked_passions(items: tuple[str, ...]) -> None:
    for item in items:
        if parse_title(item, "Passion") != item:
            raise ValidationError("A linked passion is empty or padded.")


def check_aspiration(aspiration: Aspiration) -> Aspiration:
    if parse_title(aspiration.title) != aspiration.title:
        raise ValidationError("Title has stray white space.")
    parse_text(aspiration.why, "Why it matters")
    check_ladder(aspiration.ladder)
    check_linked_passions(aspiration.passions)
    return aspiration


MAX_RUNGS = 50


def check_ladder(ladder: Ladder) -> Ladder:
    if not 1 <= len(ladder.rungs) <= MAX_RUNGS:
        raise ValidationError(f"A ladder has from 1 to {MAX_RUNGS} levels.")
    for rung in ladder.rungs:
        if parse_title(rung, "Level name") != rung:
            raise ValidationError("Level name has stray white space.")
    levels = range(len(ladder.rungs))
    if ladder.level not in levels:
        raise ValidationError("The current level is not on the ladder.")
    for event in ladder.history:
        if event.level not in levels:
            raise ValidationError("A history entry names a level that is not on the ladder.")
        parse_text(event.reason, "Reason")
    if ladder.paused_until is not None and not ladder.paused:
        raise ValidationError("Only a paused aspiration comes back on a day.")
    return ladder


def check_target(target: Target) -> Target:
    numbers = (target.amount, target.start)
    if not all(math.isfinite(n) and 0 <= n <= AMOUNT_MAX for n in numbers):
        raise ValidationError("Target and start must be numbers from 0 up.")
    extras = target.unit or target.start or target.milestones
    if target.done_only and (target.amount != 1 or extras):
        raise ValidationError("A done / not done goal has no amount, unit or milestones.")
    if target.milestones:
        if parse_milestones("\n".join(target.milestones)) != target.milestones:
            raise ValidationError("Milestones have stray white space.")
        if target.amount != len(target.milestones) or target.start or target.unit:
            raise ValidationError("A checklist goal counts its milestones.")
    elif target.amount == target.start:
        raise ValidationError("The target must differ from where it starts.")
    if len(target.unit) > UNIT_MAX:
        raise ValidationError(f"Unit is too long (at most {UNIT_MAX} characters).")
    _encodable(target.unit, "Unit")
    if target.milestone_due and len(target.milestone_due) != len(target.milestones):
        raise ValidationError("Each milestone has one due date, or none has.")
    if target.every not in HABIT_PERIODS:
        raise ValidationError("A habit counts per week or per month.")
    if target.every and (
        target.done_only or target.milestones or target.start or target.amount != int(target.amount)
    ):
        raise ValidationError("A habit counts whole times per week or per month, from none.")
    return target


HABIT_PERIODS = ("", "week", "month")


def check_goal(goal: Goal) -> Goal:
    if parse_title(goal.title) != goal.title:
        raise ValidationError("Title has stray white space.")
    check_target(goal.target)
    if goal.level < 0:
        raise ValidationError("A goal's level cannot be below the first.")
    for text, what in ((goal.description, "Description"), (goal.how, "What it takes")):
        parse_text(text, what)
    parse_text(goal.closer, "How it moved you forward")
    parse_text(goal.dropped_why, "Why it was dropped")
    if goal.dropped is not None and goal.dropped < goal.created:
        raise ValidationError("A goal cannot be dropped before it was made.")
    if goal.tags:
        from aspire_tui.domain.journal import parse_tags

        if parse_tags(", ".join(goal.tags)) != goal.tags:
            raise ValidationError("Tags have stray white space or repeat.")
    if goal.deadline is not None and goal.deadline < goal.begins:
        raise ValidationError("The deadline comes before the goal starts.")
    return goal


def on_its_ladder(level: int, rungs: int) -> bool:
    """A goal stands on a level its aspiration's ladder has (`rungs` levels, from 0)."""
    return 0 <= level < rungs


def check_goal_on_ladder(goal: Goal, ladder: Ladder) -> Goal:
    """Saving, the file check and an import all hold goals to this."""
    if not on_its_ladder(goal.level, len(ladder.rungs)):
        raise ValidationError("That level is not on the aspiration's ladder.")
    return goal


def check_checkins_fit(goal: Goal, checkins: list[CheckIn]) -> None:
    """What is logged on a goal, taken together, must make sense for the way the goal is
    measured: each check-in on its own, a milestone done once, a total never below zero."""
    for checkin in checkins:
        check_checkin(checkin, goal)
    kind = goal.target.kind
    if kind is TargetKind.MILESTONES:
        ticked = [c.milestone for c in checkins]
        if len(set(ticked)) != len(ticked):
            raise ValidationError("That milestone is already done.")
    if kind in (TargetKind.UP, TargetKind.DONE, TargetKind.HABIT):
        total = goal.target.start + sum(c.amount for c in checkins)
        if total < 0:
            raise ValidationError(
                f"That would take the progress below zero (to {format_amount(total)})."
            )


def check_checkin(checkin: CheckIn, goal: Goal | None = None) -> CheckIn:
    """`goal` tells what the amount means: a reading of a number to bring down may be zero.
    Without it (an import, before goals are matched), only what any check-in needs is checked;
    the store checks again against the goal when it saves."""
    if not math.isfinite(checkin.amount) or abs(checkin.amount) > AMOUNT_MAX:
        raise ValidationError("Amount must be a number.")
    reading = goal is not None and goal.target.decreasing
    if checkin.amount == 0 and goal is not None and not reading:
        raise ValidationError("Amount must be a non-zero number.")
    if reading and checkin.amount < 0:
        raise ValidationError("A reading cannot be below zero.")
    if goal is not None and goal.target.milestones:
        if checkin.milestone not in goal.target.milestones:
            raise ValidationError("That milestone is not on the goal's checklist.")
    elif checkin.milestone and goal is not None:
        raise ValidationError("Only a checklist goal has milestones.")
    parse_text(checkin.note, "Note")
    return checkin


ANSWER_MIN, ANSWER_MAX = 1, 6
MAX_PICKS = 3


def check_assessment(assessment: Assessment) -> Assessment:
    for key, value in assessment.answers.items():
        if not isinstance(key, str) or not key:
            raise ValidationError("An answer names no statement.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("Answers are whole numbers from 1 to 6.")
        if not ANSWER_MIN <= value <= ANSWER_MAX:
            raise ValidationError("Answers go from 1 to 6.")
    if len(assessment.picks) > MAX_PICKS or len(set(assessment.picks)) != len(assessment.picks):
        raise ValidationError(f"Pick at most {MAX_PICKS} different statements.")
    if not set(assessment.picks) <= set(assessment.answers):
        raise ValidationError("A picked statement has no answer.")
    if assessment.finished is not None and assessment.finished < assessment.started:
        raise ValidationError("An assessment cannot finish before it starts.")
    return assessment
