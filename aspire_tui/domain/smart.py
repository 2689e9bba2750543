"""Which of the five SMART letters a goal still lacks, as hints rather than rules."""

from __future__ import annotations

SPECIFIC_WORDS = 4
"""A title of this many words, or any description, usually says what exactly."""


def smart_check(
    *, title: str, description: str, measurable: bool, how: str, deadline: bool
) -> dict[str, str | None]:
    """Letter → None when covered, or a hint on what would cover it. Relevant is always
    covered: a goal cannot be saved without the aspiration and level it serves."""
    specific = bool(description.strip()) or len(title.split()) >= SPECIFIC_WORDS
    return {
        "S": None if specific else "S: say exactly what, in the title or a description.",
        "M": None if measurable else "M: give a target or milestones.",
        "A": None if how.strip() else "A: note what it will take.",
        "R": None,
        "T": None if deadline else "T: set a deadline.",
    }


def missing_letters(check: dict[str, str | None]) -> str:
    return "".join(letter for letter, hint in check.items() if hint is not None)
