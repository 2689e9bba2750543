"""One direction's column in a comparison: the same sections in the same order for every
direction, so that the columns read across. Lines wrap to the column; nothing a person must
read is cut."""

from __future__ import annotations

from textual.content import Content

from aspire_tui.domain.assessment import MIDPOINT
from aspire_tui.domain.comparison import Fit, Side
from aspire_tui.ui.render import literal, plain

Part = Content | str | tuple[str, str]


def _fit_lines(fit: Fit, side: Side, empty: str) -> list[Part]:
    if side.own:
        return [("a direction of your own: no catalog drivers", "dim italic"), "\n"]
    if not fit:
        return [(empty, "dim italic"), "\n"]
    parts: list[Part] = []
    for driver, value in fit:
        parts.append("• ")
        if value is None:
            parts.append(driver.label)
        else:
            style = "bold" if value > MIDPOINT else ""
            parts += [(driver.label, style), " ", (f"{value:.1f}", f"{style} $text-accent")]
        parts.append("\n")
    return parts


NOT_ADOPTED = "not adopted"


def side_text(side: Side, text: str, style: str = "") -> Content:
    """A side's name or levels: the person's own (masked) for an aspiration, Aspire's
    catalog text for a path not adopted."""
    return literal(text, style) if side.state == NOT_ADOPTED else plain(text, style)


def _heading(title: str, aside: str = "") -> list[Part]:
    parts: list[Part] = ["\n", (title, "bold $text-accent")]
    if aside:
        parts.append((f" ({aside})", "dim"))
    return [*parts, "\n"]


def describe_side(side: Side) -> Content:
    what = side.kind if side.state == NOT_ADOPTED else f"{side.kind} · {side.state}"
    parts: list[Part] = [side_text(side, side.name, "bold"), "\n", (what, "dim"), "\n"]
    parts += _heading("Serves", "lead first") + _fit_lines(side.serves, side, "none named")
    parts += _heading("Costs") + _fit_lines(side.strains, side, "none in particular")
    parts += _heading("Passions and values")
    if side.passions or side.values:
        for item in side.passions:
            parts += ["♥ ", plain(item), "\n"]
        for item in side.values:
            parts += ["◆ ", plain(item), ("  (a value)", "dim"), "\n"]
    elif side.state == NOT_ADOPTED:
        parts += [("none linked: not adopted", "dim italic"), "\n"]
    else:
        parts += [("none linked yet", "dim italic"), "\n"]
    parts += _heading("The price")
    parts += [literal(side.price, "italic" if side.own else ""), "\n"]  # the catalog's
    parts += _heading("The reason")
    if side.reason:
        parts += [plain(side.reason), "\n"]
    elif side.state == NOT_ADOPTED:
        parts += [("none yet: written when you adopt it", "dim italic"), "\n"]
    else:
        parts += [("not written yet", "dim italic"), "\n"]
    parts += _heading("Where you stand")
    if side.position is None:
        parts += [("not adopted", "dim italic"), "\n"]
    else:
        parts += [f"Level {side.position}: ", plain(side.level_name, "bold"), "\n"]
        counted = f"{side.done} of {side.total} goals achieved" if side.total else "no goals yet"
        parts += [(counted, "dim"), "\n"]
    parts += _heading("The next level takes")
    if side.next_name is None:
        parts += [("the top: there is room to name a higher level", "dim italic"), "\n"]
    else:
        where = "Level 1" if side.position is None else "Next"
        parts += [f"{where}: ", side_text(side, side.next_name, "bold"), "\n"]
        if side.next_goals and side.next_usual:
            parts += [("usually:", "dim"), "\n"]
        for title in side.next_goals:
            parts += ["· ", literal(title) if side.next_usual else plain(title), "\n"]
        if not side.next_goals:
            parts += [("no goals named yet", "dim italic"), "\n"]
    parts += _heading("Journal")
    if side.state == NOT_ADOPTED:
        parts += [("no entries: not adopted", "dim italic"), "\n"]
    else:
        count = f"{side.entries} entr{'y' if side.entries == 1 else 'ies'} linked"
        parts += [(count if side.entries else "no entries linked", "dim"), "\n"]
        for line in side.latest:
            parts += ["“", plain(line, "italic"), "”\n"]
    return Content.assemble(*parts)
