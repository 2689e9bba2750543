"""What the Reflect screen shows of the drivers: the latest profile, how it moved, and the
paths that fit it. It describes and never judges: no driver is better than another."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content

from aspire_tui.domain.assessment import (
    CLOSE,
    FITS_FROM,
    LEAD_WEIGHT,
    MIDPOINT,
    MIN_ANSWERS,
    NOT_AGAINST,
    PICKS,
    SHORT_NAMES,
    STRAIN_WEIGHT,
    DriverScore,
    Questionnaire,
    Recommendation,
    Shape,
    changes,
    missing,
    profile_shape,
    ranked,
    ranked_places,
    recommend,
    score,
    unled_strongest,
)
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.models import PASSION_LISTS, Assessment, Driver, Passions
from aspire_tui.domain.passions import LIST_LABELS, SHORT_LABELS, overlaps
from aspire_tui.ui.render import heading, one_line, plain, progress_bar

Part = Content | str | tuple[str, str]
TICKS = "▁▂▃▄▅▆▇█"
TOP = 6.0


def sparkline(values: Sequence[float | None]) -> str:
    """One character per assessment, oldest first, on the 1-6 scale; a gap where a driver
    was not scored.

    Drawn here rather than with Textual's `Sparkline` widget, which cannot serve: these marks
    sit inside the profile's text (one `Content` in the detail pane, between a driver's bar and
    its description), where a widget cannot go without splitting the pane into a widget per
    line; and the widget scales each line to its own lowest and highest value and stretches it
    to its width, so 4.0 then 4.1 would read as a leap from bottom to top, the drivers' lines
    could not be compared with each other, and an unscored assessment could not be a gap. The
    Goals screen's sparkline, a widget of its own, is Textual's."""
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
    "\n\nForty-five short statements, each rated from 'never true for me' to 'always true "
    "for me', show which of nine drivers matter most to you at work: recognition, time for "
    "a life outside work, security, depth in one field, leading people, freedom to work your "
    "own way, building something of your own, work that helps others, and hard problems to "
    "beat. There is no right or wrong profile.\n\nIt takes about twelve minutes, one "
    "statement at a time, and you can stop and come back.\n\nPress ",
    ("t", "bold $text-accent"),
    " to take it.",
)


def describe_profile(
    assessments: Sequence[Assessment],
    questionnaire: Questionnaire,
    width: int,
    dates: DateFormat,
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
        (f"Taken {dates.long(when)}", "dim"),
        (f" · {len(assessments)} assessments so far" if len(assessments) > 1 else "", "dim"),
        "\n",
    ]
    parts += _shape_note(latest)
    parts += _unled_note(latest)
    parts += _no_fit_note(latest)
    lacking = missing(assessments[-1], questionnaire.statements)
    if lacking:
        parts += [("\n" + lacking_note(len(lacking)), "italic"), "\n"]
    parts.append("\n")
    bar = max(6, min(20, width - 30))
    order = ranked(latest)
    for place, driver_score in zip(ranked_places(order), order, strict=True):
        parts += _driver_lines(place, driver_score, moved[driver_score.driver], bar)
        trend = sparkline([h[driver_score.driver].score for h in history])
        if len(history) > 1:
            parts += [("    over time ", "dim"), (trend, "$text-accent"), "\n"]
        parts += [("    " + questionnaire.descriptions[driver_score.driver], "dim"), "\n\n"]
    parts += [
        ("How the scores work", "bold"),
        "\n",
        "A driver's score is the average of your answers to its statements, on the same 1 to "
        f"6 scale. Your {PICKS} picks of the statements most true of you are shown as ★ and "
        "only settle drivers or paths your answers leave level; they never add points. Above "
        f"{MIDPOINT:g}, the middle of the scale, a driver is one you want from work. A change "
        "is against your assessment before this one. The profile describes what you want "
        "from work now; it can change, and no profile is better than another.\n\n",
        ("How a path's fit is worked out", "bold"),
        "\n",
        "Each path leads with one driver, may serve one more, and costs others. Its fit is "
        f"the average of your scores for what it serves, its leading driver counted "
        f"{LEAD_WEIGHT:g} times (a path that serves one driver counts the middle of the scale, "
        f"or your lead score if lower, for the second), less {STRAIN_WEIGHT:g} times how far, "
        "on average, the drivers it costs rise above the middle for you; never below 1. A "
        f"path fits from {FITS_FROM:g} (often true for you) when its leading driver is above "
        f"the middle and nothing it serves is below {NOT_AGAINST:g}. A path less than "
        f"{CLOSE:g} below the first of a group is equally close to it; picks among their "
        "drivers (the leading one's counted twice) settle them, and those still level are "
        "shown as equal.",
    ]
    return Content.assemble(*parts)


def lacking_note(count: int) -> str:
    """A profile taken under older statements: what it lacks, and what a retake adds."""
    statements = "statement" if count == 1 else "statements"
    return (
        f"This profile has no answer to {count} of today's {statements} (added, reworded or "
        f"skipped since you took it): drivers they measure count only what you answered, and "
        f"a driver with fewer than {MIN_ANSWERS} answers is not scored. A retake (t) asks "
        "them all."
    )


def _unled_note(latest: dict[Driver, DriverScore]) -> list[Part]:
    """A strongest driver no path leads with: say so, so the list below is not a puzzle."""
    from aspire_tui.domain.catalog import catalog

    found = unled_strongest(latest, catalog())
    if found is None:
        return []
    driver, serving = found
    names = ", ".join(p.name for p in serving)
    also = f": {names} serves it too" if serving else ""
    text = f"{driver.label}, your strongest driver, leads no path of its own{also}."
    return [("\n" + text, "italic"), "\n"]


def _no_fit_note(latest: dict[Driver, DriverScore]) -> list[Part]:
    """A profile that leans, yet no path fits: say so here, not only on each path."""
    from aspire_tui.domain.catalog import catalog

    if profile_shape(latest) is not Shape.CLEAR:
        return []
    if any(r.fits for r in recommend(latest, catalog())):
        return []
    text = (
        f"No path reaches a fit of {FITS_FROM:g} for you: the paths below are only the "
        "closest, and a direction of your own (n on Aspirations) may suit you better."
    )
    return [("\n" + text, "italic"), "\n"]


def _shape_note(latest: dict[Driver, DriverScore]) -> list[Part]:
    if not any(s.score is not None for s in latest.values()):
        text = (
            f"No driver has the {MIN_ANSWERS} answers it needs to be scored: a retake (t) "
            "asks every statement."
        )
        return [("\n" + text, "italic"), "\n"]
    shape = profile_shape(latest)
    if shape is Shape.FLAT:
        text = (
            "Your scores sit close together: no driver stands out yet, so the paths below "
            "are the closest, not clear fits."
        )
    elif shape is Shape.LOW:
        text = (
            "None of your scores is above the middle of the scale: nothing stands out as "
            "wanted right now, so the paths below are only the closest."
        )
    else:
        return []
    return [("\n" + text, "italic"), "\n"]


def _driver_lines(place: int, s: DriverScore, moved: float | None, bar: int) -> list[Part]:
    label = f"{place}. {s.driver.label}"
    if s.score is None:
        why = f"  too few answers ({s.answered} of 5)" if s.answered else "  not answered"
        return [(label, "bold"), (why, "dim italic"), "\n"]
    change, style = _change(moved)
    return [
        (f"{label}", "bold"),
        "\n    ",
        progress_bar((s.score - 1.0) / (TOP - 1.0), bar),
        (f" {s.score:.1f}", "bold"),
        (" of 6", "dim"),
        (change, style),
        ("  " + "★" * s.picks + " picked" if s.picks else "", "$text-accent"),
        "\n",
    ]


def profile_summary(
    assessments: Sequence[Assessment], questionnaire: Callable[[], Questionnaire]
) -> str:
    """For the list, read whole: the two top drivers of the latest profile, as Home names
    them. The questionnaire is read only when there is a profile to summarise."""
    if not assessments:
        return "not taken yet: press t"
    top = [s for s in ranked(score(assessments[-1], questionnaire().statements))[:2] if s.matters]
    if not top:
        return "no driver stands out yet"
    return "top: " + ", ".join(SHORT_NAMES[s.driver] for s in top)


def lead_reason(recommendation: Recommendation) -> str:
    """The short reason in a list row: the driver the path is for, as the person scored it."""
    if not recommendation.serves:
        return ""
    return "for " + SHORT_NAMES[recommendation.serves[0][0]]


def standing(recommendation: Recommendation) -> str:
    """ "fits" or "closest", with any paths equally close named: never a rank by file order."""
    word = "Fits" if recommendation.fits else "Closest, not a clear fit"
    text = f"{word} · {recommendation.fit:.1f} of 6"
    if recommendation.equal:
        text += " · equally close: " + ", ".join(recommendation.equal)
    return text


def describe_recommendation(recommendation: Recommendation, place: int) -> Content:
    path = recommendation.path
    reason = recommendation.explanation()
    return Content.assemble(
        heading(path.name),
        "\n",
        (standing(recommendation), "dim"),
        "\n\n",
        reason[:1].upper() + reason[1:],
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


def describe_passions(passions: Passions | None, dates: DateFormat) -> Content:
    if passions is None or not any(getattr(passions, n) for n in (*PASSION_LISTS, "values")):
        return NO_PASSIONS
    parts: list[Part] = [heading("Passions and values")]
    if passions.updated:
        parts += ["\n", (f"Updated {dates.long(passions.updated)}", "dim")]
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
        return "heart: " + ", ".join(one_line(o.item, 40) for o in shared[:3])
    total = sum(len(getattr(passions, n)) for n in (*PASSION_LISTS, "values"))
    return f"{total} items, no overlaps yet"
