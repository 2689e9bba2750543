"""What the Reflect screen shows of the drivers: the latest profile, how it moved, and the
paths that fit it. It describes and never judges: no driver is better than another."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content

from aspire_tui.domain.assessment import (
    BONUS,
    PICKS,
    SHORT_NAMES,
    DriverScore,
    Questionnaire,
    Recommendation,
    changes,
    ranked,
    score,
)
from aspire_tui.domain.models import PASSION_LISTS, Assessment, Driver, Passions
from aspire_tui.domain.passions import LIST_LABELS, SHORT_LABELS, overlaps
from aspire_tui.ui.render import heading, long_date, plain, progress_bar

Part = Content | str | tuple[str, str]
TICKS = "▁▂▃▄▅▆▇█"
TOP = 6.0


def sparkline(values: Sequence[float | None]) -> str:
    """One character per assessment, oldest first, on the 1-6 scale (picks can go above)."""
    marks = []
    for value in values:
        if value is None:
            marks.append(" ")
            continue
        level = (min(max(value, 1.0), TOP) - 1.0) / (TOP - 1.0)
        marks.append(TICKS[round(level * (len(TICKS) - 1))])
    return "".join(marks)


def _change(moved: float | None) -> tuple[str, str]:
    if moved is None:
        return "", ""
    if abs(moved) < 0.05:
        return "  ±0.0", "dim"
    return (f"  {'▲' if moved > 0 else '▼'}{abs(moved):.1f}", "$accent")


NOT_TAKEN = Content.assemble(
    ("What drives you?", "bold $text-accent"),
    "\n\nForty short statements, each rated from 'never true for me' to 'always true for "
    "me', show which of eight drivers matter most to you at work: achievement, balance, "
    "security, mastery of a craft, leading people, autonomy, building something of your "
    "own, and service to a cause. There is no right or wrong profile.\n\nIt takes about ten "
    "minutes, one statement at a time, and you can stop and come back.\n\nPress ",
    ("t", "bold $text-accent"),
    " to take it.",
)


def describe_profile(
    assessments: Sequence[Assessment], questionnaire: Questionnaire, width: int
) -> Content:
    """The latest assessment ranked, each driver with its bar, change and history."""
    if not assessments:
        return NOT_TAKEN
    history = [score(a, questionnaire.statements) for a in assessments]
    latest = history[-1]
    moved = changes(latest, history[-2]) if len(history) > 1 else dict.fromkeys(Driver)
    when = assessments[-1].finished or assessments[-1].started
    parts: list[Part] = [
        heading("What drives you"),
        "\n",
        (f"Taken {long_date(when)}", "dim"),
        (f" · {len(assessments)} assessments so far" if len(assessments) > 1 else "", "dim"),
        "\n\n",
    ]
    bar = max(6, min(20, width - 30))
    top = max([TOP, *(s.score for s in latest.values() if s.score is not None)])
    for place, driver_score in enumerate(ranked(latest), 1):
        parts += _driver_lines(place, driver_score, moved[driver_score.driver], bar, top)
        trend = sparkline([h[driver_score.driver].score for h in history])
        if len(history) > 1:
            parts += [("    over time ", "dim"), (trend, "$accent"), "\n"]
        parts += [("    " + questionnaire.descriptions[driver_score.driver], "dim"), "\n\n"]
    parts += [
        ("How the scores work", "bold"),
        "\n",
        f"A driver's score is the average of your answers to its statements (1 to 6), plus "
        f"{BONUS} points for each of your {PICKS} picks among them, spread over those answers. "
        "A change is against your assessment before this one. The profile describes what "
        "you want from work now; it can change, and no profile is better than another.",
    ]
    return Content.assemble(*parts)


def _driver_lines(
    place: int, s: DriverScore, moved: float | None, bar: int, top: float
) -> list[Part]:
    """Bars share one scale, up to the highest score, so picks above 6 stay told apart."""
    label = f"{place}. {s.driver.label}"
    if s.score is None:
        return [(label, "bold"), ("  not answered", "dim italic"), "\n"]
    change, style = _change(moved)
    return [
        (f"{label}", "bold"),
        "\n    ",
        progress_bar(min(1.0, s.score / top), bar),
        (f" {s.score:.1f}", "bold"),
        (change, style),
        (f"  (+{s.bonus} picked)" if s.bonus else "", "dim"),
        "\n",
    ]


def profile_summary(
    assessments: Sequence[Assessment], questionnaire: Callable[[], Questionnaire]
) -> str:
    """One line for the list: the top drivers of the latest profile. The questionnaire is
    read only when there is a profile to summarise."""
    if not assessments:
        return "not taken yet: press t"
    top = ranked(score(assessments[-1], questionnaire().statements))[:3]
    return "top: " + ", ".join(SHORT_NAMES[s.driver] for s in top if s.score is not None)


def describe_recommendation(recommendation: Recommendation, place: int) -> Content:
    path = recommendation.path
    return Content.assemble(
        heading(path.name),
        "\n",
        (f"Fit {recommendation.fit:.1f}, number {place} for your latest profile", "dim"),
        "\n\n",
        recommendation.explanation().capitalize(),
        ".\n\n",
        path.summary,
        "\n\n",
        ("Who it tends to suit: ", "bold"),
        path.suits,
        "\n\n",
        ("Offers: ", "bold"),
        path.offers,
        "\n\n",
        ("Costs: ", "bold"),
        path.costs,
        "\n\n",
        ("Press a to adopt it: you choose the level to start on and its first goals.", "dim"),
    )


NO_PASSIONS = Content.assemble(
    ("Passions and values", "bold $text-accent"),
    "\n\nFour short lists: what you love doing, what you are good at, what the world (or "
    "your field) needs, and what you can be paid for; and the values you will not trade "
    "away. What turns up on several lists is the heart of what you might aim for.\n\n"
    "Press ",
    ("e", "bold $text-accent"),
    " to write them.",
)


def describe_passions(passions: Passions | None) -> Content:
    if passions is None or not any(getattr(passions, n) for n in (*PASSION_LISTS, "values")):
        return NO_PASSIONS
    parts: list[Part] = [heading("Passions and values")]
    if passions.updated:
        parts += ["\n", (f"Updated {long_date(passions.updated)}", "dim")]
    parts.append("\n\n")
    shared = overlaps(passions)
    if shared:
        parts += [("The heart of it", "bold"), ("  on several lists", "dim"), "\n"]
        for overlap in shared:
            where = ", ".join(SHORT_LABELS[name] for name in overlap.lists)
            parts += ["  ★ ", plain(overlap.item, "bold $text-accent"), (f"  ({where})", "dim")]
            parts.append("\n")
        parts.append("\n")
    for name in (*PASSION_LISTS, "values"):
        items = getattr(passions, name)
        parts += [(LIST_LABELS[name], "bold"), "\n"]
        if not items:
            parts += [("  nothing yet", "dim italic"), "\n"]
        for item in items:
            parts += ["  · ", plain(item), "\n"]
        parts.append("\n")
    parts.append(("Press e to change them.", "dim"))
    return Content.assemble(*parts)


def passions_summary(passions: Passions | None) -> str:
    if passions is None:
        return "not written yet: press e"
    shared = overlaps(passions)
    if shared:
        return "heart: " + ", ".join(o.item for o in shared[:3])
    total = sum(len(getattr(passions, n)) for n in (*PASSION_LISTS, "values"))
    return f"{total} items, no overlaps yet"
