"""Reflect: what do I want, what drives me, what am I passionate about."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label

from aspire_tui.domain.assessment import (
    Recommendation,
    questionnaire,
    recommend,
    score,
    shown_paths,
)
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.journal import QUESTIONS, search
from aspire_tui.domain.models import REFLECTION_DRIVERS, Assessment, Passions, Reflection, Review
from aspire_tui.domain.review import review_matches
from aspire_tui.domain.validation import parse_text
from aspire_tui.ui.privacy_mask import quoted_personal
from aspire_tui.ui.profile_view import (
    describe_passions,
    describe_profile,
    describe_recommendation,
    lead_reason,
    passions_summary,
    profile_summary,
)
from aspire_tui.ui.render import (
    dates_of,
    heading,
    one_line,
    paragraph,
    plain,
    wrapped,
)
from aspire_tui.ui.review_view import describe_review, review_summary
from aspire_tui.ui.screens.main import MainScreen, guarded

if TYPE_CHECKING:
    from aspire_tui.domain.catalog import CatalogPath
    from aspire_tui.ui.dialogs.adopt_form import Adoption

# Dialogs are imported where they open, and the catalog of paths where it is shown: importing
# them all up front would slow the first frame.

WELCOME = Content.assemble(
    ("Welcome to Aspire", "bold $text-accent"),
    "\n\n",
    "A private place to think about where your career is going, and to steer it.\n\n",
    "Everything stays on this computer, in one file that only you can read.\n\n",
    ("Begin by reflecting. ", "bold"),
    "Press ",
    ("n", "bold $text-accent"),
    " to write your first reflection: what you want out of your career, what you are "
    "passionate about, and how much achievement, balance and security matter to you now. "
    "There are no right or wrong answers.\n\n",
    "To see what drives you at work, press ",
    ("t", "bold $text-accent"),
    " for a twelve-minute self-assessment: it ranks nine drivers and the paths that fit them.\n\n",
    "Then choose an aspiration (",
    ("2", "bold $text-accent"),
    ") and set goals that move you along it (",
    ("3", "bold $text-accent"),
    ").\n\nPress ",
    ("?", "bold $text-accent"),
    " for every key.",
)


PROFILE = "profile"
MORE = "more"
PAGE = 100
"""Journal entries shown at a time: a decade of them would take long to draw at once."""
PASSIONS = "passions"
PATH_PREFIX = "path:"
REVIEW_PREFIX = "review:"


class ReflectScreen(MainScreen):
    MODE = "reflect"
    SUB_TITLE = "Reflect"
    LIST_TITLE = "Reflect"
    BINDINGS = [
        Binding("n", "new", "New", id="reflection.new", tooltip="New reflection"),
        Binding("e", "edit", "Edit", id="reflection.edit"),
        Binding("d", "delete", "Delete", id="reflection.delete"),
        Binding(
            "t",
            "assess",
            "Assessment",
            id="reflection.assess",
            tooltip="Take the drivers self-assessment (or carry on with it)",
        ),
        Binding("a", "adopt", "Adopt", id="reflection.adopt", tooltip="Adopt the highlighted path"),
        Binding("slash", "search", "Search", id="reflection.search", tooltip="Search the journal"),
    ]
    NEEDS_SELECTION = frozenset({"edit", "delete", "open"})
    RECORD_NOUN = "a journal entry"
    FIRST_STEP = "n writes your first reflection"

    def has_records(self) -> bool:
        return any(
            (o.id or "").isdigit() or (o.id or "").startswith(REVIEW_PREFIX)
            for o in self.records.options
        )

    def why_not(self, action: str) -> str | None:
        if action == "adopt":
            if not self.store.assessments():
                return "Highlight a path that fits to adopt it: t takes the assessment first."
            return "Highlight a path that fits to adopt it."
        if action == "edit" and (self._key() or "").startswith(REVIEW_PREFIX):
            return "A review is kept as it was written; d deletes it."
        return super().why_not(action)

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        assessments = self.store.assessments()
        yield None, Content.styled("What drives you", "bold dim")
        unfinished = self.store.unfinished_assessment()
        summary = profile_summary(assessments, questionnaire)
        if unfinished is not None:
            done = len(unfinished.answers)
            summary = f"{done} of {len(questionnaire().statements)} answered: t carries on"
        yield (
            PROFILE,
            Content.assemble(
                ("Drivers profile", "bold"), "\n", (wrapped(summary, self.row_width()), "dim")
            ),
        )
        passions = wrapped(passions_summary(self.store.passions()), self.row_width())
        label = "heart: " if passions.startswith("heart: ") else ""
        yield (
            PASSIONS,
            Content.assemble(
                ("Passions and values", "bold"),
                "\n",
                (label, "dim"),
                plain(passions[len(label) :], "dim") if label else (passions, "dim"),
            ),
        )
        if assessments:
            from aspire_tui.domain.catalog import catalog

            latest = score(assessments[-1], questionnaire().statements)
            for rec in shown_paths(recommend(latest, catalog())):
                mark = f"{rec.place}=" if rec.equal else f"{rec.place}."
                word = "fits" if rec.fits else "closest"
                yield (
                    PATH_PREFIX + rec.path.key,
                    Content.assemble(
                        (f"{mark} {one_line(rec.path.name, self.row_width(3))}", "bold"),
                        "\n",
                        (
                            wrapped(
                                f"{word} {rec.fit:.1f} · {lead_reason(rec)}",
                                self.row_width(),
                                indent="   ",
                            ),
                            "dim",
                        ),
                    ),
                )
        entries: list[Reflection | Review] = []
        reflections, reviews = self.store.reflections(), self.store.reviews()
        from aspire_tui.ui.look_back_view import answers_by_decision, journal_line

        decisions = {r.uid: r for r in reflections if r.look_back is not None}
        answers = answers_by_decision(reflections)
        today = self.today()
        heading_text = "Journal"
        if self.query_text:
            titles = {a.id: a.title for a in self.store.aspirations() if a.id is not None}
            reflections = search(reflections, self.query_text, titles)
            reviews = [r for r in reviews if review_matches(r, self.query_text)]
        entries = sorted([*reflections, *reviews], key=_entry_order, reverse=True)
        if self.query_text:
            found = f"Journal: {len(entries)} matching “{one_line(self.query_text, 30)}”"
            heading_text = one_line(found, self.row_width())
        yield None, quoted_personal(heading_text, style="bold dim")  # the words searched for
        for r in entries[: self.shown]:
            if isinstance(r, Review):
                day = dates_of(self).short(r.finished or r.started)
                yield (
                    f"{REVIEW_PREFIX}{r.id}",
                    Content.assemble(
                        (one_line(f"{day} #review", self.row_width()), "bold"),
                        "\n",
                        _review_line(one_line(review_summary(r), self.row_width())),
                    ),
                )
                continue
            text = r.note or r.want or r.passions or r.prompt or "Ratings only"
            tags = " ".join(f"#{t}" for t in r.tags)
            day = dates_of(self).short(r.on)
            head = one_line(f"{day} {tags}" if tags else day, self.row_width())
            link = journal_line(r, decisions, answers, today, dates_of(self))
            yield (
                str(r.id),
                Content.assemble(
                    (head[: len(day)], "bold"),
                    plain(head[len(day) :], "bold"),  # the tags
                    "\n",
                    plain(one_line(text, self.row_width()), "dim"),
                    (
                        f"\n{one_line(link, self.row_width())}" if link else "",
                        "italic $text-accent",
                    ),
                ),
            )
        hidden = len(entries) - self.shown
        if hidden > 0:
            more = f"{hidden:,} older: enter shows {min(PAGE, hidden)} more"
            yield MORE, Content.styled(one_line(more, self.row_width()), "italic $text-accent")

    shown = PAGE

    def reload(
        self, select: int | str | None = None, widths: tuple[int, int] | None = None
    ) -> None:
        """An entry asked for from elsewhere (Home's "on this day") is listed, however old."""
        if select is not None and not self.query_text:
            self._list_far_enough(str(select))
        super().reload(select, widths)

    def _list_far_enough(self, key: str) -> None:
        entries = sorted(
            [*self.store.reflections(), *self.store.reviews()], key=_entry_order, reverse=True
        )
        keys = [f"{REVIEW_PREFIX}{e.id}" if isinstance(e, Review) else str(e.id) for e in entries]
        if key in keys and keys.index(key) >= self.shown:
            self.shown = (keys.index(key) // PAGE + 1) * PAGE

    def action_open(self) -> None:
        if self._key() == MORE:
            first_new = self.records.highlighted
            self.shown += PAGE
            self.reload()
            self.records.highlighted = first_new
            return
        key = self._key() or ""
        if key in (PROFILE, PASSIONS) or key.startswith(REVIEW_PREFIX):
            self.query_one("#detail-pane").focus()  # to read all of it, as an entry opens
            return
        super().action_open()

    def _key(self) -> str | None:
        """The highlighted row's key; None before the list is there (the footer asks early)."""
        return self.records.highlighted_record_id if self.list_made else None

    def describe(self, record_id: int | None) -> Content:
        key = self._key()
        if key == PROFILE:
            assessments = self.store.assessments()
            if not assessments and not self.store.reflections():
                return WELCOME
            return describe_profile(
                assessments, questionnaire(), self.detail_width(), dates_of(self)
            )
        if key == PASSIONS:
            return describe_passions(self.store.passions(), dates_of(self))
        if key == MORE:
            return Content.assemble(
                ("Older entries", "bold $text-accent"),
                "\n\nThe journal shows its newest entries first. ",
                ("enter", "bold"),
                " shows more of the older ones, and ",
                ("/", "bold"),
                " searches all of them.",
            )
        if key is not None and key.startswith(REVIEW_PREFIX):
            review = self.store.review(int(key.removeprefix(REVIEW_PREFIX)))
            if review is not None:
                titles = {g.uid: g.title for g in self.store.goals()}
                titles |= {a.uid: a.title for a in self.store.aspirations()}
                titles |= {
                    r.uid: f"Decision of {dates_of(self).short(r.on)}"
                    for r in self.store.reflections()
                    if r.look_back is not None
                }
                working = {g.uid for g in self.store.goals() if g.dropped is None}
                return describe_review(review, titles, dates_of(self), working)
        if key is not None and key.startswith(PATH_PREFIX):
            found = self._recommendation(key)
            if found is not None:
                return describe_recommendation(*found)
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is None:
            return WELCOME
        linked = reflection.aspiration_id
        about = self.store.aspiration(linked) if linked is not None else None
        link = None
        if reflection.look_back is not None or reflection.follows:
            from aspire_tui.domain.decisions import look_back_of
            from aspire_tui.ui.look_back_view import journal_link

            every = self.store.reflections()
            decision = next((r for r in every if r.uid == reflection.follows), None)
            answer = look_back_of(reflection, every) if reflection.look_back else None
            link = journal_link(reflection, decision, answer, dates_of(self))
        return describe_reflection(reflection, about.title if about else None, link, dates_of(self))

    def _recommendation(self, key: str) -> tuple[Recommendation, int] | None:
        assessments = self.store.assessments()
        if not assessments:
            return None
        from aspire_tui.domain.catalog import catalog

        latest = score(assessments[-1], questionnaire().statements)
        for rec in recommend(latest, catalog()):
            if PATH_PREFIX + rec.path.key == key:
                return rec, rec.place
        return None

    def on_mount(self) -> None:
        """Open on the newest reflection, as a journal does, once there is one."""
        newest = self.safely(lambda: self.store.reflections()[:1])
        if newest and newest[0].id is not None:
            self.aspire.select_on_show.setdefault(self.MODE, newest[0].id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit" and self._key() == PASSIONS:
            return True
        if (self._key() or "").startswith(REVIEW_PREFIX) and action in self.NEEDS_SELECTION:
            return None if action == "edit" else True  # a review is kept as it was written
        if action == "adopt":
            key = self._key()
            return True if key and key.startswith(PATH_PREFIX) else None
        return super().check_action(action, parameters)

    @guarded
    def action_assess(self) -> None:
        draft = self.store.unfinished_assessment()
        if draft is not None or not self.store.assessments():
            self._assess(draft or Assessment(started=self.today()))
            return
        message = Content(
            "Take the assessment again? Your earlier results are kept, and the profile will "
            "show how each driver has moved."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._assess(Assessment(started=self.today()))

        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        self.ask(ConfirmDialog("Take it again", message, "Start", "Not now"), confirmed)

    def _assess(self, draft: Assessment) -> None:
        def done(finished: Assessment | None) -> None:
            self.reload()
            if finished is not None:
                self.notify("Your drivers profile is ready.", title="Assessment done")
                self.records.select_record(PROFILE)
                self.show_detail()

        from aspire_tui.ui.screens.assessment import AssessmentScreen

        self.ask(AssessmentScreen(questionnaire(), draft, self.today()), done)

    @guarded
    def action_adopt(self) -> None:
        key = self._key()
        from aspire_tui.domain.catalog import find_path

        path = find_path(key.removeprefix(PATH_PREFIX)) if key else None
        if path is None:
            self.notify("Highlight one of the paths that fit you first.")
            return
        same = [a for a in self.store.aspirations() if a.path == path.key]
        if same:
            message = Content.assemble(
                f"You have adopted {path.name} already, as “",
                plain(one_line(same[0].title, 60), "bold"),
                "”. Adopt it again, as another aspiration?",
            )

            def again(yes: bool | None) -> None:
                if yes:
                    self._adopt(path)

            from aspire_tui.ui.dialogs.confirm import ConfirmDialog

            self.ask(ConfirmDialog("Adopt again?", message, "Adopt again", "No"), again)
            return
        self._adopt(path)

    def _adopt(self, path: CatalogPath) -> None:
        from aspire_tui.ui.adoption import adopted_message, save_with_goals
        from aspire_tui.ui.dialogs.adopt_form import AdoptForm

        def answered(adoption: Adoption | None) -> None:
            if adoption is not None:
                saved = save_with_goals(
                    self.store, adoption.aspiration, adoption.goals, self.today()
                )
                if saved.id is not None:
                    self.aspire.select_on_show["aspirations"] = saved.id
                message = adopted_message(saved, len(adoption.goals), app=self.app)
                self.notify(f"{message} Press 2 to see it.", markup=False)
                self.reload()

        self.ask(AdoptForm(self.today(), path), answered)

    @guarded
    def action_new(self) -> None:
        from aspire_tui.ui.dialogs.reflection_form import ReflectionForm

        self.ask(ReflectionForm(self.today(), None, self.store.aspirations()), self._saved)

    @guarded
    def action_edit(self) -> None:
        if self._key() == PASSIONS:
            self._edit_passions()
            return
        record_id = self.selected_id()
        if (self._key() or "").startswith(REVIEW_PREFIX):
            self.notify("A review is kept as it was written; d deletes it.")
            return
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is not None:
            from aspire_tui.ui.dialogs.reflection_form import ReflectionForm

            form = ReflectionForm(self.today(), reflection, self.store.aspirations())
            self.ask(form, self._saved)

    query_text = ""

    def action_search(self) -> None:
        from aspire_tui.ui.dialogs.reason_form import ReasonForm

        form = ReasonForm(
            "Search the journal",
            Content.assemble(
                "Words are found anywhere in an entry: its writing, prompt, tags or the "
                "aspiration it is about. ",
                ("#word", "bold"),
                " finds a tag and ",
                ("-#word", "bold"),
                " leaves it out (",
                ("-#reevaluation", "bold"),
                " hides reevaluations). Leave it empty to show every entry.",
            ),
            "Find",
            "Search",
            parse=parse_query,
            one_line=True,
        )

        def answered(query: str | None) -> None:
            if query is not None:
                self._searching(query)

        self.ask(form, answered)

    def action_back(self) -> None:
        """Escape in the list clears a search before anything else."""
        if self.query_text and self.records.has_focus:
            self._searching("")
            return
        self.records.focus()

    def _searching(self, query: str) -> None:
        self.query_text = query
        self.shown = PAGE
        title = "Searching · esc shows all" if query else self.LIST_TITLE
        self.query_one(".pane-title", Label).update(title)
        self.reload()

    def _saved(self, reflection: Reflection | None) -> None:
        if reflection is not None:
            saved = self.store.save_reflection(reflection)
            self.notify(f"Reflection for {dates_of(self).long(saved.on)} saved.")
            self.reload(select=saved.id)

    def _edit_passions(self) -> None:
        def saved(passions: Passions | None) -> None:
            if passions is not None:
                self.store.save_passions(passions)
                self.notify("Passions and values saved.")
                self.reload()

        from aspire_tui.ui.dialogs.passions_form import PassionsForm

        self.ask(PassionsForm(self.today(), self.store.passions()), saved)

    @guarded
    def action_delete(self) -> None:
        key = self._key()
        if key is not None and key.startswith(REVIEW_PREFIX):
            self._delete_review(int(key.removeprefix(REVIEW_PREFIX)))
            return
        record_id = self.selected_id()
        reflection = self.store.reflection(record_id) if record_id is not None else None
        if reflection is None or record_id is None:
            return
        message = Content(
            f"Delete the reflection of {dates_of(self).long(reflection.on)}? This cannot be undone."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_reflection(record_id)
                self.reload()

        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        self.ask(ConfirmDialog("Delete reflection", message), confirmed)

    def _delete_review(self, review_id: int) -> None:
        review = self.store.review(review_id)
        if review is None:
            return
        day = dates_of(self).long(review.finished or review.started)
        message = Content(
            f"Delete the review of {day}? The changes it made stay; its notes and answers go. "
            "This cannot be undone."
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete_review(review_id)
                self.aspire.show_review_status()
                self.reload()

        from aspire_tui.ui.dialogs.confirm import ConfirmDialog

        self.ask(ConfirmDialog("Delete review", message), confirmed)


NEXT = " · next: "


def _review_line(summary: str) -> Content:
    """A review's line in the journal: its counts, and the next step in the person's words."""
    at = summary.find(NEXT)
    if at < 0:
        return Content.styled(summary, "dim")
    cut = at + len(NEXT)
    return Content.assemble((summary[:cut], "dim"), plain(summary[cut:], "dim"))


def _entry_order(entry: Reflection | Review) -> tuple[object, ...]:
    """Newest first, reviews and reflections of a day together, in the order they were made:
    the two share one count of ids (see `AspireStore`)."""
    if isinstance(entry, Review):
        return (entry.finished or entry.started, entry.id or 0)
    return (entry.on, entry.id or 0)


def describe_reflection(
    r: Reflection, about: str | None, link: Content | None, dates: DateFormat
) -> Content:
    """`link`: for a decision, when to look back (or the look back); for a look back, the
    decision it answers."""
    parts: list[Content | str | tuple[str, str]] = [heading(dates.long(r.on))]
    if r.tags:
        parts += ["  ", plain(" ".join(f"#{t}" for t in r.tags), "$accent")]
    if about:
        parts += ["\n", ("About: ", "dim"), plain(one_line(about, 80))]
    if link is not None and link.plain:
        parts += ["\n", link]
    parts.append("\n\n")
    if r.prompt and r.note.strip():
        parts += [plain(r.prompt, "italic $text-accent"), "\n", plain(r.note), "\n\n"]
    for name, label, _ in QUESTIONS:
        text = getattr(r, name)
        if not text.strip() or (name == "note" and r.prompt):
            continue  # only what was written; a prompt's answer stands under it above
        parts += [paragraph(label if name != "note" else "Note", text), "\n"]
    rated = [(d, r.ratings[d]) for d in REFLECTION_DRIVERS if r.ratings.get(d)]
    if not rated:
        return Content.assemble(*parts)
    parts.append(Content.styled("How much each matters now", "bold"))
    for driver, value in rated:
        dots = "●" * value + "○" * (5 - value)
        parts += ["\n", f"{driver.label:<30}", (dots, "$accent")]
    return Content.assemble(*parts)


def parse_query(text: str) -> str:
    return " ".join(parse_text(text, "Search").split())
