"""Where a person stands, at a glance: what `aspire status` prints for a shell prompt.

A `Glance` holds what does not change from one day to the next unless the data does (the
open goals' progress, the reviews finished), so that it can be kept between prompts; `today`
turns it into a `Standing` with the same rules Home uses (`domain.standing`), so the prompt
and Home never disagree on what is behind or due."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from aspire_tui.domain.habits import periods_over
from aspire_tui.domain.ladder import GoalPlace, back_from_pause, goal_place
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, Target
from aspire_tui.domain.pace import Pace, expected_fraction, status
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.domain.review import Cadence, review_status, reviewed_since
from aspire_tui.domain.standing import GoalState, behind, due_within, goal_state, in_play

WEEK_DAYS = 7
""""Due this week": a deadline from today to six days ahead."""


@dataclass(frozen=True)
class GlanceGoal:
    """An open goal being worked on, as far as its pace needs."""

    title: str
    begins: date
    deadline: date | None
    fraction: float
    done_only: bool = False
    stretch: bool = False
    id: int | None = None
    every: str = ""
    """A habit's period ("week", "month"): its pace is then read from `total`."""
    per_period: float = 0.0
    total: float = 0.0
    """A habit's count since it began, as of the day the glance was worked out."""


@dataclass(frozen=True)
class Glance:
    goals: tuple[GlanceGoal, ...]
    finished_reviews: tuple[date, ...]
    first_adopted: date | None
    anything_to_review: bool
    cadence: Cadence
    first_weekday: int = 0
    worked_out: date | None = None
    """The day it was worked out on."""
    good_until: date | None = None
    """A check-in dated after `worked_out` (from a time zone ahead) counts from its day, and
    a pause set to end comes back on its day: from then, the glance is worked out again.
    None: good for any later day."""


@dataclass(frozen=True)
class Standing:
    review_due: bool
    next_review: date
    behind: tuple[GlanceGoal, ...] = ()
    due_this_week: tuple[GlanceGoal, ...] = field(default=())

    @property
    def line(self) -> str:
        """One line for a prompt: "review due · 2 behind · 1 due this week", else "on track"."""
        parts = ["review due"] if self.review_due else []
        if self.behind:
            parts.append(f"{len(self.behind)} behind")
        if self.due_this_week:
            parts.append(f"{len(self.due_this_week)} due this week")
        return " · ".join(parts) or "on track"


def glance(
    aspirations: Iterable[Aspiration],
    goals: Iterable[Goal],
    checkins: Mapping[int, Sequence[CheckIn]],
    finished_reviews: Iterable[date],
    today: date,
    cadence: Cadence,
    first_weekday: int = 0,
) -> Glance:
    """The open goals that are live work (an active, unpaused aspiration's current level,
    as on Home), with their progress as of `today`."""
    adopted = []  # a pause that ends by today counts as ended, whoever writes it down
    for aspiration in aspirations:
        back = back_from_pause(aspiration, today)
        adopted.append(aspiration if back is None else replace(aspiration, ladder=back))
    by_id = {a.id: a for a in adopted}
    live = in_play(adopted)
    found: list[GlanceGoal] = []
    later = [a.ladder.paused_until for a in adopted if a.ladder.paused and a.ladder.paused_until]
    for goal in goals:
        if goal.aspiration_id not in live:
            continue
        if goal_place(by_id.get(goal.aspiration_id), goal) is not GoalPlace.LIVE:
            continue
        mine = checkins.get(goal.id or -1, ())
        later.extend(c.on for c in mine if c.on > today)
        state = goal_state(goal, mine, today)
        if state.progress.achieved:
            continue
        found.append(
            GlanceGoal(
                title=goal.title,
                begins=goal.begins,
                deadline=goal.deadline,
                fraction=state.progress.fraction,
                done_only=goal.target.done_only,
                stretch=goal.stretch,
                id=goal.id,
                every=goal.target.every,
                per_period=goal.target.amount if goal.target.every else 0.0,
                total=sum(c.amount for c in mine if c.on <= today) if goal.target.every else 0.0,
            )
        )
    since, anything = reviewed_since(adopted)
    return Glance(
        goals=tuple(found),
        finished_reviews=tuple(sorted(set(finished_reviews))),
        first_adopted=since,
        anything_to_review=anything,
        cadence=cadence,
        first_weekday=first_weekday,
        worked_out=today,
        good_until=min(later, default=None),
    )


def still_good(seen: Glance, today: date) -> bool:
    """Whether `seen` still tells the truth `today` (nothing logged ahead has come due)."""
    if seen.worked_out is None or today < seen.worked_out:
        return False
    return seen.good_until is None or today < seen.good_until


def standing(seen: Glance, today: date) -> Standing:
    """Review due, goals behind and goals due this week, by Home's own rules."""
    review = review_status(
        seen.finished_reviews,
        today,
        seen.cadence,
        seen.first_weekday,
        since=seen.first_adopted,
        anything_to_review=seen.anything_to_review,
    )
    states: dict[int, GoalState] = {}
    of: dict[int, GlanceGoal] = {}
    for number, item in enumerate(seen.goals):
        target = Target(done_only=item.done_only)
        buffer = None
        if item.every:  # a habit: its buffer as of today, from its count so far
            target = Target.habit(item.per_period, "", item.every)
            over = periods_over(item.begins, today, item.every)
            buffer = item.total - item.per_period * over
        goal = Goal(
            aspiration_id=0,
            title=item.title,
            target=target,
            created=item.begins,
            deadline=item.deadline,
            stretch=item.stretch,
            id=number,
        )
        progress = GoalProgress(done=item.fraction, target=1.0, achieved_on=None, buffer=buffer)
        pace = Pace(status(goal, progress, today), expected_fraction(goal, today), None)
        states[number] = GoalState(goal, progress, pace, None)
        of[number] = item
    live = {0}
    late = behind(states, live)
    soon = due_within(states, live, today, WEEK_DAYS - 1)
    return Standing(
        review_due=review.due,
        next_review=review.next_from,
        behind=tuple(of[s.goal.id or 0] for s in late),
        due_this_week=tuple(of[s.goal.id or 0] for s in soon),
    )
