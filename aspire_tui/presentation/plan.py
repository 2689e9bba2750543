"""A career plan in Markdown that a person could hand to a mentor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aspire_tui.domain.assessment import MIDPOINT, changes, questionnaire, ranked, score
from aspire_tui.domain.catalog import find_path
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import (
    PASSION_LISTS,
    REFLECTION_DRIVERS,
    Aspiration,
    Assessment,
    CheckIn,
    Goal,
    Passions,
    Reflection,
)
from aspire_tui.domain.pace import PaceStatus, pace
from aspire_tui.domain.passions import LIST_LABELS, SHORT_LABELS, overlaps
from aspire_tui.domain.progress import goal_progress, progress_of, value_series
from aspire_tui.presentation.measure import buffer_text, due_text, progress_text
from aspire_tui.presentation.text import one_line, safe

RECENT_REFLECTIONS = 3


def _block(text: str) -> str:
    """User text as a Markdown block quote, so its own line breaks survive."""
    lines = safe(text).strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _goal_line(goal: Goal, checkins: Sequence[CheckIn], today: date, where: str = "") -> str:
    """`where`: said after the title, before the measure ("level 1" for another level's)."""
    series = value_series(goal, checkins)
    p = progress_of(goal, series, today)
    measure = progress_text(goal, p)
    status = (
        f"achieved {p.achieved_on.isoformat()}"
        if p.achieved_on
        else due_text(goal.deadline, today, False, DateFormat.ISO)
    )
    found = pace(goal, p, series, today)
    if found.status in (PaceStatus.AHEAD, PaceStatus.ON_TRACK, PaceStatus.BEHIND):
        status += f", {found.status.value}"
        if goal.target.every:
            status += f" ({buffer_text(goal, p)})"
    elif found.status is PaceStatus.STRETCH_MET:
        status += ", a good result for a stretch"
    if found.projected is not None:
        status += f", finishing about {found.projected.isoformat()} at the recent rate"
    box = "x" if p.achieved else " "
    stretch = (" (stretch)" if goal.stretch else "") + (f" ({where})" if where else "")
    line = f"- [{box}] **{one_line(goal.title, 200)}**{stretch}: {measure} ({p.percent}%), {status}"
    if p.achieved and goal.closer.strip():
        line += f"\n  - How it moved me forward: {one_line(goal.closer, 400)}"
    return line


def _moved(change: float | None, since: date, scored_before: bool) -> str:
    if not scored_before:
        return f", not scored on {since.isoformat()}"
    if change is None:
        return ""
    if round(change, 1) == 0:
        return f", unchanged since {since.isoformat()}"
    return f", {'up' if change > 0 else 'down'} {abs(change):.1f} since {since.isoformat()}"


def _drivers(assessments: Sequence[Assessment]) -> list[str]:
    """The latest profile, highest first, each score with how far it moved since the sitting
    before: what drives a person, and whether that is shifting."""
    done = sorted((a for a in assessments if a.finished), key=lambda a: a.finished or a.started)
    if not done:
        return []
    statements = questionnaire().statements
    latest = score(done[-1], statements)
    before = done[-2] if len(done) > 1 else None
    earlier = score(before, statements) if before else {}
    moved = changes(latest, earlier) if earlier else {}
    since = (before.finished or before.started) if before else None
    taken = (done[-1].finished or done[-1].started).isoformat()
    lines = [
        f"## What drives me (self-assessment of {taken})",
        "",
        f"Scores run from 1 (never true for me) to 6 (always true for me); above {MIDPOINT} "
        "a driver matters to me.",
        "",
    ]
    for found in ranked(latest):
        if found.score is None:
            continue
        was = earlier[found.driver].score is not None if earlier else False
        change = _moved(moved.get(found.driver), since, was) if since else ""
        lines.append(f"- {found.driver.label}: {found.score:.1f}{change}")
    return [*lines, ""]


def _passions(passions: Passions | None) -> list[str]:
    """The four lists and the values, and what sits on more than one list: the heart of it."""
    if passions is None:
        return []
    lines: list[str] = []
    for name in (*PASSION_LISTS, "values"):
        items = getattr(passions, name)
        if items:
            lines.append(f"- {LIST_LABELS[name]}: {', '.join(one_line(i, 80) for i in items)}.")
    if not lines:
        return []
    shared = overlaps(passions)
    heart = [
        f"{one_line(o.item, 80)} ({', '.join(SHORT_LABELS[n] for n in o.lists)})" for o in shared
    ]
    said = [f"The heart of it, on more than one list: {'; '.join(heart)}.", ""] if heart else []
    return ["## What I love and what I value", "", *lines, "", *said]


def career_plan(
    aspirations: Sequence[Aspiration],
    goals: Sequence[Goal],
    checkins: Sequence[CheckIn],
    reflections: Sequence[Reflection],
    today: date,
    assessments: Sequence[Assessment] = (),
    passions: Passions | None = None,
) -> str:
    """The plan in Markdown. Dates are always ISO, whatever the screens show: a file outlives
    the display setting and may be read anywhere."""
    lines = [f"# My career plan ({today.isoformat()})", ""]
    active = [a for a in aspirations if a.active]
    archived = [a for a in aspirations if not a.active]
    if not active:
        lines += ["No active aspirations yet.", ""]
    for aspiration in active:
        path = find_path(aspiration.path)
        everything = [g for g in goals if g.aspiration_id == aspiration.id]
        theirs = [g for g in everything if g.dropped is None]
        dropped = [g for g in everything if g.dropped is not None]
        mine = [g for g in theirs if g.level == aspiration.ladder.level]
        others = sorted((g for g in theirs if g not in mine), key=lambda g: g.level)
        achieved = sum(1 for g in mine if goal_progress(g, checkins, today).achieved)
        lines += [f"## {one_line(aspiration.title, 200)}", ""]
        kind = path.name if path else "A direction of my own"
        lines += [f"*{kind}, adopted {aspiration.created.isoformat()}.*", ""]
        ladder = aspiration.ladder
        paused = " (paused)" if ladder.paused else ""
        level = f"Level {ladder.position()}: {one_line(ladder.current, 200)}{paused}."
        higher = f" Next: {one_line(ladder.next_rung, 200)}." if ladder.next_rung else ""
        lines += [level + higher, ""]
        if aspiration.why.strip():
            lines += ["Why it matters to me:", "", _block(aspiration.why), ""]
        lines += [f"Goals on this level: {achieved} of {len(mine)} achieved.", ""]
        lines += [_goal_line(g, checkins, today) for g in mine]
        lines += [""]
        if others:
            lines += ["Goals on other levels:", ""]
            lines += [_goal_line(g, checkins, today, f"level {g.level + 1}") for g in others]
            lines += [""]
        if dropped:
            lines += ["Goals dropped:", ""]
            for goal in sorted(dropped, key=lambda g: (g.dropped, g.id or 0)):
                assert goal.dropped is not None
                why = f": {one_line(goal.dropped_why, 400)}" if goal.dropped_why else ""
                lines.append(
                    f"- ~~{one_line(goal.title, 200)}~~ dropped {goal.dropped.isoformat()}{why}"
                )
            lines += [""]
    if archived:
        lines += ["## Set aside for now", ""]
        lines += [f"- {one_line(a.title, 200)}" for a in archived]
        lines += [""]
    lines += _drivers(assessments)
    lines += _passions(passions)
    recent = sorted(reflections, key=lambda r: r.on, reverse=True)[:RECENT_REFLECTIONS]
    if recent:
        lines += ["## Recent reflections", ""]
    for reflection in recent:
        lines += [f"### {reflection.on.isoformat()}", ""]
        if reflection.prompt.strip():
            lines += [f"*{one_line(reflection.prompt, 200)}*", ""]
        for label, text in (
            ("What I want from my career", reflection.want),
            ("What I am passionate about", reflection.passions),
            ("Notes", reflection.note),
        ):
            if text.strip():
                lines += [f"{label}:", "", _block(text), ""]
        if reflection.ratings:
            rated = ", ".join(
                f"{driver.label} {reflection.ratings[driver]}/5"
                for driver in REFLECTION_DRIVERS
                if driver in reflection.ratings
            )
            lines += [f"What matters now: {rated}.", ""]
        if reflection.tags:
            lines += [f"Tags: {', '.join(one_line(t, 60) for t in reflection.tags)}.", ""]
    return "\n".join(lines).rstrip() + "\n"
