"""What the Aspirations screen shows of one aspiration: its ladder, this level's goals, what
the next level takes, why it matters, and the history of how the person got here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from textual.content import Content

from aspire_tui.domain.catalog import CatalogPath
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.ladder import climb_held, last_set_aside, level_count, level_goals
from aspire_tui.domain.models import Aspiration, Event, Goal, Ladder, Move
from aspire_tui.domain.pace import PaceStatus
from aspire_tui.domain.progress import GoalProgress
from aspire_tui.ui.render import (
    HEADING,
    measured,
    one_line,
    paragraph,
    plain,
    progress_bar,
    progress_text,
    wrapped,
)

Part = Content | str | tuple[str, str]


_RUNG_INDENT = " " * 10
"""Under the rung's number: where a long rung name carries on."""


def _rung_name(rung: str, width: int) -> str:
    """The rung whole, wrapped under its own start: a person chooses and climbs by it."""
    return wrapped(rung, max(18, width), indent=_RUNG_INDENT).removeprefix(_RUNG_INDENT)


def ladder_picture(ladder: Ladder, width: int) -> list[Part]:
    """The rungs from the top down, the one the person stands on marked."""
    parts: list[Part] = []
    for index in reversed(range(len(ladder.rungs))):
        number = f"{index + 1:>2} "
        if index == ladder.level:
            name = _rung_name(ladder.rungs[index], width)
            parts += [
                ("▶ ", "bold $text-accent"),
                ("╟━━╢", "bold $text-accent"),
                (f" {number}", "bold"),
            ]
            parts.append(plain(name, "bold $text-accent"))
        else:
            name = _rung_name(ladder.rungs[index], width)
            style = "$text-success" if index < ladder.level else "dim"
            parts += ["  ", ("╟──╢", style), (f" {number}", "dim"), plain(name)]
        parts.append("\n")
    return parts


def goal_lines(
    goals: Sequence[Goal],
    progress: Mapping[int, GoalProgress],
    paces: Mapping[int, PaceStatus] | None = None,
) -> list[Part]:
    parts: list[Part] = []
    for goal in goals:
        p = progress[goal.id]  # type: ignore[index]
        status = (paces or {}).get(goal.id or 0)
        if p.achieved:
            mark = ("✓ ", "$text-success")
        elif status is not None and status.flagged:
            mark = ("! ", "bold $text-error")
        else:
            mark = ("· ", "dim")
        flag: list[Part] = []
        if status is not None and status.flagged and not p.achieved:
            flag = [(f"  {status.value}", "bold $text-warning")]
        parts += [
            mark,
            plain(one_line(goal.title, 60)),
            "\n  ",
            progress_bar(p.fraction, 12),
            f" {p.percent:>3}%  ",
            measured(progress_text(goal, p), goal),
            *flag,
            "\n",
        ]
    return parts


def timeline_lines(
    goals: Sequence[Goal], progress: Mapping[int, GoalProgress], dates: DateFormat
) -> list[Part]:
    """What brought the aspiration closer: its achievements in order, each with its line."""
    won = [
        (p.achieved_on, g)
        for g in goals
        if g.id is not None and (p := progress[g.id]).achieved_on is not None
    ]
    if not won:
        return [("Nothing achieved yet: each goal reached shows here.", "dim italic"), "\n"]
    parts: list[Part] = []
    for on, goal in sorted(won, key=lambda pair: (pair[0], pair[1].id or 0)):
        assert on is not None
        parts += [
            (f"{dates.short(on)}  ", "bold"),
            ("✓ ", "$text-success"),
            plain(one_line(goal.title, 60)),
        ]
        if goal.closer.strip():
            parts += ["\n", ("            ", ""), plain(one_line(goal.closer, 200), "italic")]
        parts.append("\n")
    return parts


MOVE_WORDS = {
    Move.ADOPTED: "Adopted, on level {n}",
    Move.RAISED: "Raised the bar to level {n}",
    Move.LEVEL_ADDED: "Added a level above the top",
    Move.STEPPED_DOWN: "Stepped down to level {n}",
    Move.PAUSED: "Paused on level {n}",
    Move.RESUMED: "Resumed on level {n}",
    Move.REEVALUATED: "Reevaluated, on level {n}",
    Move.ARCHIVED: "Archived",
    Move.RESTORED: "Restored, on level {n}",
    Move.LET_GO: "Let go",
}


def history_lines(history: Sequence[Event], dates: DateFormat) -> list[Part]:
    """Newest first: the latest turn is what a person looks for."""
    parts: list[Part] = []
    for event in reversed(history):
        words = MOVE_WORDS[event.move].format(n=event.level + 1)
        parts += [(f"{dates.short(event.on)}  ", "bold"), words, "\n"]
        if event.reason:
            parts += ["            ", plain(event.reason, "italic"), "\n"]
    return parts


def next_step(
    aspiration: Aspiration,
    path: CatalogPath | None,
    done: int,
    total: int,
    held: date | None = None,
    *,
    dates: DateFormat,
) -> list[Part]:
    """`held`: the day of the step down to this level, while the climb waits (`climb_held`):
    then it is said, not pushed."""
    ladder = aspiration.ladder
    if not aspiration.active:
        return [("Set aside: press a to take it up again on this level.", "dim italic"), "\n"]
    if ladder.paused and ladder.paused_until is not None:
        back = dates.long(ladder.paused_until)
        return [
            (f"Paused until {back}: it comes back then, or press p to resume now.", "dim italic"),
            "\n",
        ]
    if ladder.paused:
        return [("Paused: press p to resume.", "dim italic"), "\n"]
    if total and done == total and held is not None:
        return [
            f"You stepped down to this level on {dates.long(held)}, and its goals are "
            "achieved: u raises the bar again when you are ready.\n"
        ]
    if total and done == total:
        word = "name a higher level" if ladder.at_top else "climb to the next level"
        return [
            (f"Every goal of this level is achieved. Press u to raise the bar: {word}.", "bold"),
            "\n",
        ]
    if ladder.at_top:
        return [
            "This is the top of the ladder, and there is still room higher: "
            "press u to name a higher level when you are ready.\n"
        ]
    parts: list[Part] = [
        "Achieve this level's goals, then press u to climb to ",
        (f"level {ladder.level + 2}, ", "bold"),
        plain(ladder.next_rung or "", "bold"),
        ".\n",
    ]
    if path is not None and ladder.level + 1 < len(path.levels):
        titles = [g.title for g in path.levels[ladder.level + 1].goals]
        parts += [("It usually takes: ", "dim"), "; ".join(titles), ".\n"]
    return parts


def passion_lines(aspiration: Aspiration, passion_items: Sequence[str]) -> list[Part]:
    """Linked passions, or a gentle word when there are none: a question, not a verdict."""
    if aspiration.passions:
        parts: list[Part] = []
        for item in aspiration.passions:
            parts += ["  ♥ ", plain(one_line(item, 80))]
            if item not in passion_items:
                parts.append(("  (no longer on your lists)", "dim"))
            parts.append("\n")
        return parts
    if not passion_items:
        return [("Write your passions on Reflect (1), then link them here with e.", "dim"), "\n"]
    return [
        (
            "It touches none of your passions yet. That can be fine; if it stays so, it may "
            "be worth asking whether it is still yours. Link some with e.",
            "dim italic",
        ),
        "\n",
    ]


def describe_aspiration(
    aspiration: Aspiration,
    path: CatalogPath | None,
    goals: Sequence[Goal],
    progress: Mapping[int, GoalProgress],
    width: int,
    passion_items: Sequence[str] = (),
    paces: Mapping[int, PaceStatus] | None = None,
    last_checkin: Mapping[int, date | None] | None = None,
    *,
    dates: DateFormat,
) -> Content:
    """`last_checkin`: goal id -> the day of its latest check-in (none known: none)."""
    ladder = aspiration.ladder
    set_aside = last_set_aside(ladder)
    if not aspiration.active:
        status = "let go" if set_aside and set_aside.move is Move.LET_GO else "archived"
    else:
        status = "paused" if ladder.paused else "active"
        if ladder.paused and ladder.paused_until is not None:
            status = f"paused until {dates.short(ladder.paused_until)}"
    kind = path.name if path else "Your own direction"
    mine = [g for g in goals if g.aspiration_id == aspiration.id]
    current = level_goals(aspiration, mine)
    others = [g for g in mine if g.level != ladder.level and g.dropped is None]
    dropped = sorted(
        (g for g in mine if g.dropped is not None), key=lambda g: (g.dropped, g.id or 0)
    )
    done, total = level_count(aspiration, mine, progress)
    parts: list[Part] = [
        plain(one_line(aspiration.title, 200), HEADING),
        "\n",
        (f"{kind} · {status} · adopted {dates.long(aspiration.created)}", "dim"),
        "\n\n",
        ("The ladder", "bold"),
        "\n",
        *ladder_picture(ladder, width),
        "\n",
        (f"Level {ladder.position()}: ", "bold"),
        plain(one_line(ladder.current, 120), "bold"),
        (f" · {done} of {total} goals achieved" if total else "", "dim"),
        "\n",
    ]
    if current:
        parts += goal_lines(current, progress, paces)
    else:
        add = " Press g to add one." if aspiration.active else ""
        parts += [(f"No goals on this level yet.{add}", "dim italic"), "\n"]
    parts += ["\n", ("Reaching the next level", "bold"), "\n"]
    held = climb_held(aspiration, mine, last_checkin or {})
    parts += next_step(aspiration, path, done, total, held, dates=dates)
    priced = bool(path and path.needs_reason)
    missing = (
        "Not written yet. This path has a real price: press e and write why it is worth it to you."
        if priced
        else "Not written yet: press e to add it."
    )
    label = "My reason (this path has a price)" if priced else "Why it matters to me"
    parts += ["\n", paragraph(label, aspiration.why, missing)]
    if path is not None:
        serves = path.serves[0].label + " (what it is for)"
        serves += "".join(", " + d.label for d in path.serves[1:])
        strains = ", ".join(d.label for d in path.strains)
        parts += ["\n", ("Drivers", "bold"), "\n", ("Serves: ", "dim"), serves, "\n"]
        parts += [("Strains: ", "dim"), strains or "none in particular", "\n"]
    parts += [
        "\n",
        ("Passions it touches", "bold"),
        "\n",
        *passion_lines(aspiration, passion_items),
    ]
    if others:
        parts += ["\n", ("Goals on other levels", "bold"), "\n"]
        for goal in sorted(others, key=lambda g: (g.level, g.id or 0)):
            p = progress[goal.id]  # type: ignore[index]
            mark = ("✓ ", "$text-success") if p.achieved else ("· ", "dim")
            parts += [mark, (f"level {goal.level + 1}  ", "dim"), plain(one_line(goal.title, 60))]
            parts.append("\n")
    parts += [
        "\n",
        ("What brought it closer", "bold"),
        "\n",
        *timeline_lines(mine, progress, dates),
    ]
    parts += ["\n", ("History", "bold"), "\n", *history_lines(ladder.history, dates)]
    if dropped:
        parts += ["\n", ("Goals dropped", "bold"), "\n"]
        for goal in reversed(dropped):
            assert goal.dropped is not None
            parts += [("✗ ", "dim"), (f"{dates.short(goal.dropped)}  ", "dim")]
            parts += [plain(one_line(goal.title, 60))]
            if goal.dropped_why:
                parts += [("  ", ""), plain(one_line(goal.dropped_why, 80), "dim italic")]
            parts.append("\n")
    if path is not None:
        parts += [
            "\n",
            ("About this path", "bold"),
            "\n",
            path.summary,
            "\n\n",
            ("Offers: ", "bold"),
            path.offers,
            "\n\n",
            ("Costs: ", "bold"),
            path.costs,
        ]
    return Content.assemble(*parts)
