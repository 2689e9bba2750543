"""The journal: prompts to write from, a prompt for each day, tags, and finding entries again."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from aspire_tui.domain.models import Reflection
from aspire_tui.domain.validation import ValidationError, parse_title

PROMPTS = (
    "What do I want out of my career?",
    "What would I do if money were no object?",
    "What drained me this month?",
    "What gave me energy this month?",
    "Which achievement am I proudest of this quarter?",
    "Is my current aspiration still mine?",
    "What would I like people to come to me for in five years?",
    "Which part of my work would I keep if I could keep only one?",
    "What am I putting up with that I could change?",
    "Who is doing work I envy, and what exactly do I envy?",
    "What did I learn this week that I want to remember?",
    "Where do I need more balance, and what would it take?",
    "What would make next year feel like a good year at work?",
    "What am I afraid to try, and what is the smallest version of it?",
    "What do I want to be known for?",
    "Which value did my work honour this month, and which did it strain?",
)
"""Written in Aspire's own words; any of them can start an entry."""

QUESTIONS = (
    (
        "want",
        "What do you want out of your career?",
        "Recognition, balance, security, something else: no answer is wrong.",
    ),
    ("passions", "What are you passionate about?", "The work that makes you lose track of time."),
    (
        "note",
        "Free writing",
        "Answer the prompt, or write anything on your mind: a worry, a hope, a decision you "
        "are weighing. Write as much as you like.",
    ),
)
"""What a reflection answers: the field, the question and a hint."""
SAME_QUESTION = {"What do I want out of my career?": "want"}
"""A prompt that asks what one of a reflection's own questions asks -> that question's field:
a form with this prompt chosen does not ask it a second time."""
REEVALUATION_PROMPT = "Is my current aspiration still mine?"
DECISION_PROMPT = "Which direction do I choose?"
"""The prompt of a decision made by comparing directions (see `domain.comparison`); not one
of the daily prompts."""
MAX_TAGS = 10


def prompt_of_the_day(day: date) -> str:
    """The same prompt all day, a different one the next."""
    return PROMPTS[day.toordinal() % len(PROMPTS)]


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated, kept as written without a leading #, repeats dropped."""
    tags: list[str] = []
    for raw in text.split(","):
        tag = raw.strip().lstrip("#").strip()
        if not tag:
            continue
        tag = parse_title(tag, "Tag")
        if tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(f"At most {MAX_TAGS} tags.")
    return tuple(tags)


def matches(reflection: Reflection, query: str, aspiration_titles: Mapping[int, str]) -> bool:
    """Every word of the query is found: `#word` in the tags, any other word in the text,
    the prompt, the tags or the linked aspiration's title (case does not matter); `-#word`
    leaves out the entries with that tag, such as `-#reevaluation`."""
    linked = aspiration_titles.get(reflection.aspiration_id or -1, "")
    haystack = " ".join(
        (reflection.want, reflection.passions, reflection.note, reflection.prompt, linked)
    ).casefold()
    tags = [t.casefold() for t in reflection.tags]
    for word in query.casefold().split():
        if word.startswith("-#"):
            if word[2:] and word[2:] in tags:
                return False
        elif word.startswith("#"):
            if word[1:] and word[1:] not in tags:
                return False
        elif word not in haystack and not any(word in t for t in tags):
            return False
    return True


def search(
    reflections: Iterable[Reflection], query: str, aspiration_titles: Mapping[int, str]
) -> list[Reflection]:
    return [r for r in reflections if matches(r, query, aspiration_titles)]
