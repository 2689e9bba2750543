"""Home: where do I stand? The dashboard of aspirations, deadlines, pace and achievements."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content

from aspire_tui.domain.assessment import SHORT_NAMES, questionnaire, ranked, score
from aspire_tui.domain.dates import DateFormat
from aspire_tui.domain.decisions import decided_what, due_look_backs, look_back_entry
from aspire_tui.domain.ladder import GoalPlace, goal_place, level_count, level_goals
from aspire_tui.domain.models import Aspiration, Reflection, Review
from aspire_tui.domain.on_this_day import Remembered, on_this_day
from aspire_tui.domain.standing import (
    DUE_SOON_DAYS,
    QUIET_DAYS,
    GoalState,
    behind,
    due_soon,
    in_play,
    quiet,
)
from aspire_tui.ui.goal_page import describe_goal, status_text
from aspire_tui.ui.look_back_view import describe_look_back, invitation
from aspire_tui.ui.render import (
    HEADING,
    dates_of,
    heading,
    key_of,
    one_line,
    plain,
    progress_bar,
    with_personal,
    wrapped,
)
from aspire_tui.ui.screens.main import MainScreen, guarded

PROFILE = "profile"
REVIEW = "review"
LOOK_BACK = "lookback"
ON_THIS_DAY = "onthisday"
WELCOME = Content.assemble(
    heading("Where you stand"),
    "\n\nNothing here yet. Start on ",
    ("1 Reflect", "bold $text-accent"),
    " with what you want from a career, choose a direction on ",
    ("2 Aspirations", "bold $text-accent"),
    ", and set measurable goals on ",
    ("3 Goals", "bold $text-accent"),
    ". This page then shows how it is all going.",
)


class HomeScreen(MainScreen):
    MODE = "home"
    SUB_TITLE = "Home"
    LIST_TITLE = "Where you stand"
    BINDINGS = [
        Binding("enter", "open", "Open where it lives", id="home.open"),
        Binding(
            "r",
            "app.review",
            "Review",
            id="review",
            tooltip="Start or resume the review",
        ),
        Binding(
            "asterisk",
            "app.toggle_mask",
            "Mask",
            id="mask",
            tooltip="Privacy mask: hide or show personal text",
        ),
        Binding(
            "b",
            "look_back",
            "Look back",
            id="home.look_back",
            tooltip="How did a decision go? Look back on it",
        ),
    ]

    _states: dict[int, GoalState] = {}
    _aspirations: dict[int, Aspiration] = {}
    _due: list[Reflection] = []
    """The decisions whose day to look back on them has come, oldest first."""
    _remembered: Remembered | None = None

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        if self.store.is_empty():
            return  # the welcome says where to start
        today = self.today()
        self._aspirations = {a.id: a for a in self.store.aspirations() if a.id is not None}
        active = {a.id for a in self._aspirations.values() if a.active}
        # Only the goals Home shows: a decade's archived goals would slow the first frame.
        self._states = self.aspire.standing.of(
            (g for g in self.store.goals() if g.aspiration_id in active), today
        )
        won = self.aspire.standing.latest_achievements(today)
        self._states.update((s.goal.id, s) for s in won if s.goal.id is not None)
        live = in_play(self._aspirations.values())
        # What asks for attention is live work: other levels' goals are set apart, as on Goals.
        working = {
            goal_id: s
            for goal_id, s in self._states.items()
            if goal_place(self._aspirations.get(s.goal.aspiration_id), s.goal) is GoalPlace.LIVE
        }
        journal = self.store.reflections()
        self._due = due_look_backs(journal, today)
        if self._due:
            yield LOOK_BACK, self._look_back_row()
        self._remembered = None
        if self.aspire.settings.settings.on_this_day:
            self._remembered = on_this_day(journal, self.store.reviews(), today)
        if self._remembered is not None:
            yield ON_THIS_DAY, self._on_this_day_row(self._remembered)
        yield from self._section("Review", [(REVIEW, self._review_row())])
        yield from self._section("Aspirations", self._aspiration_rows())
        soon = due_soon(working, live, today)
        yield from self._section(
            f"Due in the next {DUE_SOON_DAYS} days",
            ((f"due:{s.goal.id}", self._goal_row(s, f"due {self._days(s)}")) for s in soon),
        )
        yield from self._section(
            "Behind pace",
            ((f"behind:{s.goal.id}", self._goal_row(s, "")) for s in behind(working, live)),
        )
        yield from self._section(
            f"No check-in for {QUIET_DAYS} days",
            (
                (f"quiet:{s.goal.id}", self._goal_row(s, self._last(s)))
                for s in quiet(working, live, today)
            ),
        )
        yield from self._section(
            "Recent achievements",
            ((f"won:{s.goal.id}", self._achievement_row(s)) for s in won),
        )
        yield from self._section("Drivers", [(PROFILE, self._profile_line())])

    def _section(
        self, title: str, rows: Iterable[tuple[str, Content]]
    ) -> Iterable[tuple[str | None, Content]]:
        items = list(rows)
        yield None, Content.styled(title, "bold $text-accent")
        if not items:
            yield None, Content.styled("  nothing here", "dim italic")
        yield from items

    def _aspiration_rows(self) -> Iterable[tuple[str, Content]]:
        goals = [s.goal for s in self._states.values()]
        progress = {goal_id: s.progress for goal_id, s in self._states.items()}
        for aspiration in self._aspirations.values():
            if not aspiration.active:
                continue
            ladder = aspiration.ladder
            done, total = level_count(aspiration, goals, progress)
            fraction = done / total if total else 0.0
            nxt = "to next" if ladder.next_rung else "at the top"
            state = "paused · " if ladder.paused else ""
            if ladder.paused and ladder.paused_until is not None:
                state = f"paused until {dates_of(self).short(ladder.paused_until)} · "
            detail = f"{state}level {ladder.position()} · {done}/{total} {nxt}"
            yield (
                f"asp:{aspiration.id}",
                Content.assemble(
                    plain(wrapped(aspiration.title, self.row_width(), indent="  "), "bold"),
                    "\n  ",
                    progress_bar(fraction, 8),
                    " ",
                    (one_line(detail, self.row_width(14)), "dim"),
                ),
            )

    def _goal_row(self, state: GoalState, note: str) -> Content:
        word, style = status_text(state.status)
        mark = ("! ", "bold $text-error") if state.status.flagged else ("  ", "")
        room = self.row_width(22 + len(word))
        # the note after the bar when it fits, else whole on the lines under it
        tail = note if len(note) <= room else "\n" + wrapped(note, self.row_width(), indent="  ")
        return Content.assemble(
            mark,
            plain(wrapped(state.goal.title, self.row_width(), indent="  ").removeprefix("  ")),
            "\n  ",
            progress_bar(state.progress.fraction, 8),
            (f" {state.progress.percent:>3}% ", "bold"),
            (word, style),
            ("  ", ""),
            (tail, "dim"),
        )

    def _achievement_row(self, state: GoalState) -> Content:
        on = state.progress.achieved_on
        owner = self._aspirations.get(state.goal.aspiration_id)
        day = dates_of(self).short(on) if on else ""
        where = wrapped(f"{day}{f' · {owner.title}' if owner else ''}", self.row_width(), "  ")
        day = f"  {day} · " if owner else f"  {day}"  # as wrapped, indent and all
        return Content.assemble(
            ("✓ ", "$text-success"),
            plain(wrapped(state.goal.title, self.row_width(), indent="  ").removeprefix("  ")),
            "\n",
            (where[: len(day)], "dim"),
            plain(where[len(day) :], "dim"),  # the aspiration's title, after the day
        )

    def _days(self, state: GoalState) -> str:
        deadline = state.goal.deadline
        assert deadline is not None
        days = (deadline - self.today()).days
        return "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"

    def _last(self, state: GoalState) -> str:
        if state.last_checkin is None:
            return "nothing logged yet"
        return f"last {dates_of(self).short(state.last_checkin)}"

    def _review_row(self, width: int | None = None) -> Content:
        status = self.aspire.review_status()
        cadence = self.aspire.settings.settings.review_cadence
        key = self.aspire.key_for_id("review")
        under_way = self.store.unfinished_review()
        if under_way is not None:
            step = f"step {under_way.step + 1}/{len(under_way.plan)}"
            head, style = f"Review under way: {step}", "bold $text-warning"
        elif not any(a.active for a in self._aspirations.values()):
            head, style = "Nothing to review until an aspiration is chosen", "dim"
        elif status.due and status.streak == 0 and status.last is not None:
            # A period went by without one: an invitation, never a tally of what was missed.
            head, style = f"Ready for a review? {key} starts it", "bold"
        elif status.due:
            head, style = (
                f"{cadence.value.capitalize()} review due: {key} starts it",
                "bold $text-warning",
            )
        elif status.last is None:
            head, style = (
                f"Your first review comes from {dates_of(self).long(status.next_from)}",
                "dim",
            )
        else:
            head, style = (
                f"Done · the next from {dates_of(self).long(status.next_from)}",
                "$text-success",
            )
        # A streak is shown once there is one; the last review, once there was one.
        said = []
        if status.streak >= 1:
            period = cadence.period + ("s" if status.streak != 1 else "")
            said.append(f"on-time streak: {status.streak} {period}")
        if status.last is not None:
            said.append(f"last {dates_of(self).long(status.last)}")
        tail = " · ".join(said)
        room = (width or self.row_width(2)) + 2  # read whole: wrapped, never cut
        if not tail:
            return Content.assemble((wrapped(head, room, "  "), style))
        return Content.assemble(
            (wrapped(head, room, "  "), style), "\n", (wrapped(tail, room, "  "), "dim")
        )

    def _look_back_row(self) -> Content:
        """An invitation, not a tally: the oldest decision due, and how many more."""
        key = key_of(self.app, self.BINDINGS, "home.look_back")
        text = invitation(self._due, self.today(), key, dates_of(self)).removeprefix("Look back:")
        lines = textwrap.wrap("Look back:" + text, max(10, self.row_width()))[:4]
        first = lines[0].removeprefix("Look back:")
        what = decided_what(self._due[0])  # read from the person's note: theirs to mask
        return Content.assemble(
            ("Look back:", "bold $text-accent"), with_personal("\n".join([first, *lines[1:]]), what)
        )

    def _on_this_day_row(self, found: Remembered) -> Content:
        """One line: "A year ago you wrote: …", the words cut to fit (enter reads them)."""
        lead = f"{found.said}: "
        first = next((line for line in found.text.splitlines() if line.strip()), "")
        room = max(10, self.row_width() - len(lead))
        return Content.assemble((lead, "bold $text-accent"), plain(one_line(first, room), "italic"))

    def _profile_line(self) -> Content:
        finished = [a for a in self.store.assessments() if a.finished]
        if not finished:
            hint = "No profile yet: take the self-assessment, t on Reflect"
            return Content.assemble("  ", (one_line(hint, self.row_width(2)), "dim"))
        latest = max(finished, key=lambda a: (a.finished, a.id or 0))
        top = [s for s in ranked(score(latest, questionnaire().statements))[:2] if s.matters]
        if not top:
            words = "No driver stands out in your profile yet"
        else:
            words = "Most: " + " · ".join(f"{SHORT_NAMES[s.driver]} {s.score:.1f}" for s in top)
        return Content(wrapped(words, self.row_width(), indent="  "))

    def selected_key(self) -> str | None:
        return self.records.highlighted_record_id

    def describe(self, record_id: int | None) -> Content:
        key = self.selected_key()
        if key is None:
            return WELCOME if self.store.is_empty() else _overview()
        kind, _, raw = key.partition(":")
        if kind == "asp":
            aspiration = self._aspirations.get(int(raw))
            if aspiration is not None:
                return _aspiration_summary(aspiration, self._states, dates_of(self))
        elif kind in ("due", "behind", "quiet", "won"):
            state = self._states.get(int(raw))
            if state is not None:
                owner = self._aspirations.get(state.goal.aspiration_id)
                bar = max(8, min(30, self.detail_width() - 6))
                return Content.assemble(
                    describe_goal(
                        state, owner, self.today(), bar, hints=False, dates=dates_of(self)
                    ),
                    ("\nenter opens it on the Goals screen", "dim italic"),
                )
        elif key == REVIEW:
            cadence = self.aspire.settings.settings.review_cadence
            return Content.assemble(
                heading("The review"),
                "\n\n",
                self._review_row(200),  # the detail pane wraps: no need to cut
                "\n\nA walk through each open goal and each active aspiration, then three "
                f"questions to close it, once a {cadence.period}. ",
                ("enter", "bold"),
                " (or ",
                (self.aspire.key_for_id("review"), "bold"),
                ") starts it, or carries on with the one under way. The cadence is in Settings (",
                (self.aspire.key_for_id("settings"), "bold"),
                ").",
            )
        elif key == LOOK_BACK and self._due:
            decision = self._due[0]
            about = self._aspirations.get(decision.aspiration_id or -1)
            key_name = key_of(self.app, self.BINDINGS, "home.look_back")
            return Content.assemble(
                describe_look_back(decision, about, self.store.assessments(), dates=dates_of(self)),
                ("\n\nenter (or ", "dim italic"),
                (key_name, "bold"),
                (") asks how it went: kept in the journal with the decision.", "dim italic"),
            )
        elif key == ON_THIS_DAY and self._remembered is not None:
            found = self._remembered
            return Content.assemble(
                heading(f"{found.said}, on {dates_of(self).long(found.on)}"),
                "\n\n",
                plain(found.text),
                ("\n\nenter opens it in your journal on Reflect", "dim italic"),
            )
        elif key == PROFILE:
            return Content.assemble(
                heading("Your drivers"),
                "\n\n",
                self._profile_line(),
                ("\n\nenter opens the full profile on Reflect", "dim italic"),
            )
        return Content("")

    def action_open(self) -> None:
        """Open the highlighted item where it lives."""
        key = self.selected_key()
        if key is None:
            return
        kind, _, raw = key.partition(":")
        if kind == "asp":
            self.aspire.select_on_show["aspirations"] = int(raw)
            self.run_worker(self.aspire.action_go("aspirations"))
        elif kind in ("due", "behind", "quiet", "won"):
            self.aspire.select_on_show["goals"] = int(raw)
            self.run_worker(self.aspire.action_go("goals"))
        elif key == REVIEW:
            self.aspire.action_review()
        elif key == LOOK_BACK:
            self.action_look_back()
        elif key == PROFILE:
            self.aspire.select_on_show["reflect"] = PROFILE
            self.run_worker(self.aspire.action_go("reflect"))
        elif key == ON_THIS_DAY and self._remembered is not None:
            entry = self._remembered.entry
            shown = f"review:{entry.id}" if isinstance(entry, Review) else str(entry.id)
            self.aspire.select_on_show["reflect"] = shown
            self.run_worker(self.aspire.action_go("reflect"))

    @guarded
    def action_look_back(self) -> None:
        """How did it go? The oldest decision due; the answer goes in the journal, linked."""
        from aspire_tui.ui.dialogs.look_back_form import LookBackForm

        today = self.today()
        due = due_look_backs(self.store.reflections(), today)
        if not due:
            coming = [r.look_back for r in self.store.reflections() if r.look_back]
            later = [day for day in coming if day > today]
            when = f" The next comes back on {dates_of(self).long(min(later))}." if later else ""
            self.notify(
                "No decision to look back on today: a step down, a pause, letting go, raising "
                f"the bar or a choice between directions comes back here on its day.{when}"
            )
            return
        decision = due[0]
        about = self.store.aspiration(decision.aspiration_id) if decision.aspiration_id else None
        shown = describe_look_back(
            decision, about, self.store.assessments(), columns=2, dates=dates_of(self)
        )
        form = LookBackForm(shown)

        def answered(answer: str | None) -> None:
            if answer is not None:
                self.store.save_reflection(look_back_entry(decision, today, answer))
                self.notify("Kept in your journal, with the decision it answers.")
                self.reload()

        self.ask(form, answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and self.selected_key() is None:
            return None
        return True  # b always answers: a look back when one is due, else when the next is

    def why_not(self, action: str) -> str | None:
        if action != "open":
            return super().why_not(action)
        if self.store.is_empty():
            reflect = self.aspire.key_for_id("go.reflect")
            return f"Nothing to open yet: {reflect} goes to Reflect, where you begin."
        return "Highlight an item first to open it."


def _overview() -> Content:
    return Content.assemble(
        heading("Where you stand"),
        "\n\n↑ ↓ picks an item; enter opens it where it lives.",
    )


def _aspiration_summary(
    aspiration: Aspiration, states: dict[int, GoalState], dates: DateFormat
) -> Content:
    ladder = aspiration.ladder
    goals = [s.goal for s in states.values() if s.goal.aspiration_id == aspiration.id]
    current = level_goals(aspiration, goals)
    parts: list[Content | str | tuple[str, str]] = [
        plain(one_line(aspiration.title, 200), HEADING),
        "\n",
        (f"Level {ladder.position()}: ", "bold"),
        plain(one_line(ladder.current, 120)),
        "\n",
    ]
    if ladder.next_rung:
        parts += [("Next: ", "dim"), plain(one_line(ladder.next_rung, 120)), "\n"]
    parts.append("\n")
    for goal in current:
        state = states[goal.id]  # type: ignore[index]
        word, style = status_text(state.status)
        parts += [
            (
                "✓ " if state.progress.achieved else "· ",
                "$text-success" if state.progress.achieved else "dim",
            ),
            plain(one_line(goal.title, 60)),
            "\n  ",
            progress_bar(state.progress.fraction, 8),
            (f" {state.progress.percent:>3}% ", "bold"),
            (word, style),
            "\n",
        ]
    if not current:
        parts += [("No goals on this level yet.", "dim italic"), "\n"]
    parts += [
        "\n",
        ("Adopted ", "dim"),
        dates.long(aspiration.created),
        ("\nenter opens it on the Aspirations screen", "dim italic"),
    ]
    return Content.assemble(*parts)
