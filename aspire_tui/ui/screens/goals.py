"""Goals: measurable steps under each aspiration, and the progress logged on them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Sparkline, Static

from aspire_tui.domain.goal_finder import GoalView, Sort, find_goals
from aspire_tui.domain.ladder import GoalPlace, climb_offered, goal_place, level_count
from aspire_tui.domain.models import Aspiration, CheckIn, Goal, TargetKind
from aspire_tui.domain.progress import goal_progress, value_series
from aspire_tui.domain.standing import GoalState
from aspire_tui.domain.validation import ValidationError
from aspire_tui.presentation.measure import amount_text, apart_word, progress_text
from aspire_tui.store import StoreError
from aspire_tui.ui.dialogs.checkin_form import CheckInForm
from aspire_tui.ui.dialogs.checkins_dialog import CheckInChoice, CheckInsDialog
from aspire_tui.ui.dialogs.confirm import ConfirmDialog
from aspire_tui.ui.dialogs.goal_finder_form import GoalFinderForm
from aspire_tui.ui.dialogs.goal_form import GoalForm
from aspire_tui.ui.dialogs.reason_form import ReasonForm, optional_reason
from aspire_tui.ui.goal_page import describe_goal, history_lines, status_text
from aspire_tui.ui.privacy_mask import quoted_personal, toast_text
from aspire_tui.ui.render import dates_of, one_line, plain, progress_bar, wrapped
from aspire_tui.ui.screens.main import MainScreen, guarded
from aspire_tui.ui.undo import UndoEntry
from aspire_tui.use_cases import goals as goal_work

CHART_MIN_WIDTH = 40
"""Narrower than this, a goal's progress is a sparkline instead of a chart."""
NO_ASPIRATIONS = Content.assemble(
    ("No goals yet", "bold $text-accent"),
    "\n\nGoals live under an aspiration. Press ",
    ("2", "bold $text-accent"),
    " to choose an aspiration first, then come back here.",
)
NO_GOALS = Content.assemble(
    ("No goals yet", "bold $text-accent"),
    "\n\nA goal is measurable: you will know when you have achieved it. "
    "'Earn 3 certifications', 'win 10 clients', 'give a talk at a conference'.\n\nPress ",
    ("n", "bold $text-accent"),
    " to add one.",
)
NOTHING_FOUND = Content.assemble(
    ("No goal matches", "bold $text-accent"),
    "\n\nPress ",
    ("/", "bold $text-accent"),
    " to change what is shown, or ",
    ("escape", "bold $text-accent"),
    " to show every goal again.",
)

SET_APART = (
    (GoalPlace.PAUSED, "  ‖ Paused"),
    (GoalPlace.OTHER_LEVEL, "  ↕ Other levels"),
    (GoalPlace.DROPPED, "  ✗ Dropped"),
)
"""The headings that set goals apart from the live ones, in the order they come."""


DrawnRow = tuple[GoalState, Aspiration | None, GoalPlace, int, Content]
"""A goal's row as drawn, with what it was drawn from."""


def _group_state(aspiration: Aspiration) -> str:
    """What an aspiration's heading adds after its count."""
    if not aspiration.active:
        return ", archived"
    return ", paused" if aspiration.ladder.paused else ""


class GoalsScreen(MainScreen):
    MODE = "goals"
    SUB_TITLE = "Goals"
    LIST_TITLE = "Goals"
    BINDINGS = [
        Binding("n", "new", "New", id="goal.new", tooltip="New goal"),
        Binding("l", "log", "Log", id="goal.log", tooltip="Log progress"),
        Binding(
            "c", "checkins", "Check-ins", id="goal.checkins", tooltip="Correct or delete a check-in"
        ),
        Binding("e", "edit", "Edit", id="goal.edit"),
        Binding(
            "x",
            "drop",
            "Drop",
            id="goal.drop",
            tooltip="Drop a goal (kept, with its check-ins, out of the way) or take it back up",
        ),
        # Drop and take up share a key, as pause and resume do on Aspirations (only one
        # applies to a goal), and one id: remapping one moves both.
        Binding("x", "take_up", "Take up", id="goal.drop", tooltip="Take a dropped goal back up"),
        Binding("d", "delete", "Delete", id="goal.delete", tooltip="Delete a goal made by mistake"),
        Binding("slash", "find", "Find", id="goal.find", tooltip="Search, filter and sort goals"),
        Binding(
            "ctrl+z", "undo", "Undo", id="goal.undo", tooltip="Undo the last delete or correction"
        ),
        Binding("o", "sort", "Sort", id="goal.sort", show=False, tooltip="Sort goals another way"),
        Binding(
            "a",
            "hide_done",
            "Hide done",
            id="goal.hide_done",
            show=False,
            tooltip="Show or hide achieved goals and archived aspirations",
        ),
        Binding(
            "w",
            "closer",
            "How it helped",
            id="goal.closer",
            show=False,
            tooltip="Write how an achieved goal moved its aspiration forward",
        ),
    ]
    NEEDS_SELECTION = frozenset(
        {"edit", "log", "checkins", "delete", "drop", "take_up", "open", "closer"}
    )
    RECORD_NOUN = "a goal"
    FIRST_STEP = "n adds one"
    VERBS = MainScreen.VERBS | {
        "log": "log progress on",
        "checkins": "correct",
        "closer": "write about",
        "drop": "drop",
        "take_up": "take back up",
    }

    view = GoalView()
    _states: dict[int, GoalState] = {}

    def compose_detail(self) -> ComposeResult:
        yield Static(id="detail")
        yield Vertical(id="chart-box")
        yield Static(id="history")

    # What the list shows -------------------------------------------------------------

    def rows(self) -> Iterable[tuple[str | None, Content]]:
        today = self.today()
        aspirations = {a.id: a for a in self.store.aspirations() if a.id is not None}
        self._states = self.aspire.goal_states()
        found = find_goals(self._states.values(), aspirations, self.view, today)
        self._title()
        if self.view.sort is not Sort.ASPIRATION:
            for state in found:
                owner = aspirations.get(state.goal.aspiration_id)
                yield str(state.goal.id), self._row(state, owner, goal_place(owner, state.goal))
            return
        shown: dict[int, list[GoalState]] = {}
        for state in found:
            shown.setdefault(state.goal.aspiration_id, []).append(state)
        every: dict[int, list[Goal]] = {}
        for state in self._states.values():
            every.setdefault(state.goal.aspiration_id, []).append(state.goal)
        progress = {goal_id: state.progress for goal_id, state in self._states.items()}
        for aspiration_id, aspiration in aspirations.items():
            mine = shown.get(aspiration_id, [])
            quiet = not aspiration.active or self.view.narrowed
            if not mine and quiet:
                continue
            done, total = level_count(aspiration, every.get(aspiration_id, []), progress)
            count = f"{done}/{total} done{_group_state(aspiration)}"
            title = self._heading(aspiration.title, count)
            yield None, Content.assemble(plain(title, "bold $text-accent"), (count, "dim"))
            yield from self._group(aspiration, mine)

    def _heading(self, title: str, count: str) -> str:
        """The aspiration's title, wrapped whole, with its count at the end of the last line
        (or under it, when the last line has no room)."""
        lines = wrapped(title, self.row_width()).split("\n")
        width = self.row_width(len(count) + 1)
        if len(lines[-1]) <= width:
            lines[-1] = f"{lines[-1]:<{width}} "
        else:
            lines.append(" " * (width + 1))
        return "\n".join(lines)

    def _group(
        self, aspiration: Aspiration, states: list[GoalState]
    ) -> Iterable[tuple[str | None, Content]]:
        """An aspiration's goals: the live ones first, then those set apart under a dim
        heading (its other levels; all of a paused one's)."""
        placed = [(goal_place(aspiration, s.goal), s) for s in states]
        for place, state in placed:
            if place is GoalPlace.LIVE:
                yield str(state.goal.id), self._row(state, None, place)
        for place, heading in SET_APART:
            apart = [s for p, s in placed if p is place]
            if not apart:
                continue
            yield None, Content.styled(heading, "dim italic")
            for state in sorted(apart, key=lambda s: s.goal.level):  # stable: then as added
                yield str(state.goal.id), self._row(state, None, place)
        for place, state in placed:
            if place is GoalPlace.SET_ASIDE:  # an archived aspiration's: its heading says so
                yield str(state.goal.id), self._row(state, None, place)

    _drawn_rows: dict[int, DrawnRow] | None = None
    _rows_epoch = 0

    def _row(self, state: GoalState, owner: Aspiration | None, place: GoalPlace) -> Content:
        """A goal's row, drawn again only when its standing, aspiration, place or width
        changed."""
        if self._drawn_rows is None or self._rows_epoch != self.aspire.settings_epoch:
            self._drawn_rows, self._rows_epoch = {}, self.aspire.settings_epoch
        width = self.row_width()
        known = self._drawn_rows.get(state.goal.id or 0)
        if (
            known is not None
            and known[0] is state
            and known[1] is owner
            and known[2] is place
            and known[3] == width
        ):
            return known[4]
        row = self._draw_row(state, owner, place)
        self._drawn_rows[state.goal.id or 0] = (state, owner, place, width, row)
        return row

    def _draw_row(self, state: GoalState, owner: Aspiration | None, place: GoalPlace) -> Content:
        """A live goal shows its pace; one set apart is dimmed and says where it stands
        instead ("level 1", "paused"), never "behind": it is not being worked on now."""
        p = state.progress
        live = place is GoalPlace.LIVE
        if p.achieved:
            mark = ("✓ ", "$text-success")
        elif state.status.flagged and live:
            mark = ("! ", "bold $text-error")
        else:
            mark = ("  ", "")
        word, style = status_text(state.status)
        if not live:
            word, style = apart_word(state.goal, place), "dim italic"
        bar = max(3, min(12, self.row_width() - 9 - len(word)))  # narrow panes shrink the bar
        tail: list[Content | tuple[str, str] | str] = [(f"  {word}", style)]
        if owner is not None:  # under the bar, whole: which aspiration it serves
            tail += [
                "\n",
                plain(wrapped(owner.title, self.row_width(), indent="  "), "dim italic"),
            ]
        # whole, wrapped under the mark: a person must read which goal this is
        title = wrapped(state.goal.title, self.row_width(), indent="  ").removeprefix("  ")
        row = Content.assemble(
            mark,
            plain(title),
            "\n  ",
            progress_bar(p.fraction, bar),
            (f" {p.percent:>3}%", "bold"),
            *tail,
        )
        return row if live else row.stylize("dim")

    def _title(self) -> None:
        view = self.view
        summary = view.summary()
        text = f"Goals · {summary}" if summary else "Goals"
        if view.narrowed:
            text += " · esc shows all"
        shown = quoted_personal(one_line(text, self.row_width(-2)))  # the words searched for
        self.query_one(".pane-title", Label).update(shown)

    def on_screen_resume(self) -> None:
        """A goal another screen points to is shown even if the current search hides it."""
        wanted = self.aspire.select_on_show.get(self.MODE)
        super().on_screen_resume()
        if wanted is not None and self.records.highlighted_record_id != str(wanted):
            self.view = GoalView(sort=self.view.sort)
            self.reload(select=wanted)

    def describe(self, record_id: int | None) -> Content:
        state = self._states.get(record_id) if record_id is not None else None
        if state is None:
            if self.view.narrowed:
                return NOTHING_FOUND
            return NO_GOALS if self.store.aspirations() else NO_ASPIRATIONS
        aspiration = self.store.aspiration(state.goal.aspiration_id)
        bar = max(8, min(30, self.detail_width() - 6))
        return describe_goal(
            state, aspiration, self.today(), bar, set_apart=True, dates=dates_of(self)
        )

    def show_detail(self) -> None:
        super().show_detail()
        record_id = self.selected_id()
        state = self._states.get(record_id) if record_id is not None else None
        checkins = (self.safely(lambda: self.store.checkins(state.goal.id)) or []) if state else []
        self._show_chart(state, checkins)
        index = self.records.highlighted
        if index is not None and self._shown_index is not None and index != self._shown_index:
            self._moving = 1 if index > self._shown_index else -1
        self._shown_index = index
        if state is not None:
            self.call_after_refresh(self._chart_ahead)
        history = Content("")
        if state is not None:
            history = Content.assemble(*history_lines(state.goal, checkins, dates_of(self)))
        self.query_one("#history", Static).update(history)

    _shown_index: int | None = None
    _moving = 1
    """The way the list last moved: 1 down, -1 up."""

    def _chart_ahead(self) -> None:
        """After the frame that shows a goal's page, draw the chart of the next goal the way
        the list last moved, so that moving on to it shows it without drawing it then."""
        records = self.records
        index = records.highlighted
        if index is None or not self.is_current:
            return
        index += self._moving
        while 0 <= index < records.option_count and records.get_option_at_index(index).disabled:
            index += self._moving
        if not 0 <= index < records.option_count:
            return
        record_id = records.get_option_at_index(index).id
        state = self._states.get(int(record_id)) if record_id and record_id.isdigit() else None
        if state is None or state.goal.target.kind is TargetKind.DONE:
            return
        from aspire_tui.ui.widgets.progress_chart import ProgressChart, chartable

        charts = self.query_one("#chart-box", Vertical).query(ProgressChart)
        if not charts or not charts.first().size.width or self.detail_width() < CHART_MIN_WIDTH:
            return
        checkins = self.safely(lambda: self.store.checkins(state.goal.id, ordered=False))
        series = value_series(state.goal, checkins or [])
        if not chartable(state.goal, series, self.today()):
            return
        charts.first().draw_ahead(state.goal, series, state.progress.start, self.today())

    def _show_chart(self, state: GoalState | None, checkins: list[CheckIn]) -> None:
        """A chart where there is room for one, a sparkline where there is not. Its points
        are worked out from `checkins` (the goal's) only now: kept for every goal, they would
        be the largest thing in memory after the records."""
        box = self.query_one("#chart-box", Vertical)
        wanted = state is not None and state.goal.target.kind is not TargetKind.DONE
        box.display = wanted
        if state is None or not wanted:
            return
        from aspire_tui.ui.widgets.progress_chart import ProgressChart, chartable

        series = value_series(state.goal, checkins)
        roomy = self.detail_width() >= CHART_MIN_WIDTH
        charts = box.query(ProgressChart)
        sparks = box.query(Sparkline)
        if roomy and chartable(state.goal, series, self.today()):
            chart = charts.first() if charts else ProgressChart()
            if not charts:
                box.mount(chart)
            chart.display = True
            chart.show(state.goal, series, state.progress.start, self.today())
            sparks.set(display=False)
            return
        charts.set(display=False)
        if len(series) < 2:
            sparks.set(display=False)
            return
        spark = sparks.first() if sparks else Sparkline(id="spark")
        if not sparks:
            box.mount(spark)
        spark.display = True
        spark.data = [value for _, value in series]

    def _selected(self) -> Goal | None:
        record_id = self.selected_id()
        return self.store.goal(record_id) if record_id is not None else None

    def first_step(self) -> str:
        """A goal serves an aspiration: with none chosen, that comes first, whichever key asks."""
        if any(a.active for a in self.store.aspirations()):
            return self.FIRST_STEP
        return f"choose an aspiration first ({self.aspire.key_for_id('go.aspirations')}, then n)"

    # Adding and editing --------------------------------------------------------------

    @guarded
    def action_new(self) -> None:
        aspirations = [a for a in self.store.aspirations() if a.active]
        if not aspirations:
            self.notify(f"{self.first_step().capitalize()}.", title="No aspiration yet")
            return
        current = self._selected()
        owner = (
            current.aspiration_id
            if current and any(a.id == current.aspiration_id for a in aspirations)
            else None
        )
        self.ask(GoalForm(self.today(), aspirations, aspiration_id=owner), self._saved)

    @guarded
    def action_edit(self) -> None:
        goal = self._selected()
        if goal is None:
            return
        form = GoalForm.editing(self.store, goal, self.today())

        def saved(edited: Goal | None) -> None:
            self._saved(edited)
            if edited is not None and edited != goal:
                self.aspire.undo.push(UndoEntry("the edit of a goal", [goal], [], goal.id))

        self.ask(form, saved)

    def _saved(self, goal: Goal | None) -> None:
        if goal is not None:
            saved = self.store.save_goal(goal)
            title = one_line(saved.title, 50)
            self.notify(toast_text(self.app, f"Goal saved: {title}", title), markup=False)
            self.reload(select=saved.id)

    # Progress ------------------------------------------------------------------------

    @guarded
    def action_log(self) -> None:
        goal = self._selected()
        if goal is None:
            return
        refused = goal_work.why_not_log_now(self.store, goal, self.today())
        if refused:
            self.notify(f"{refused} Press c to correct or delete a check-in.")
            return
        done = frozenset(c.milestone for c in self.store.checkins(goal.id) if c.milestone)

        def logged(checkin: CheckIn | None) -> None:
            if checkin is None:
                return
            result = goal_work.log_checkin(self.store, goal, checkin, self.today())
            if result.newly_achieved:
                self._celebrate(result.goal)
            else:
                after = result.after
                said = f"Logged: {progress_text(goal, after)} ({after.percent}%)"
                unit = one_line(goal.target.unit, 40)
                self.notify(toast_text(self.app, said, unit), markup=False)
            self.reload(select=goal.id)

        form = CheckInForm(self.today(), goal, done_milestones=done, check=self.store.check_checkin)
        self.ask(form, logged)

    def _celebrate(self, goal: Goal) -> None:
        """A moment of celebration that does not stand in the way."""
        aspiration = self.store.aspiration(goal.aspiration_id)
        toward = one_line(aspiration.title, 40) if aspiration else "your aspiration"
        ask = "" if goal.closer.strip() else " Press w to note how it moved you forward."
        title = one_line(goal.title, 60)
        said = f"{title}. Each achievement brings you closer to {toward}.{ask}"
        self.notify(
            toast_text(self.app, said, title, toward if aspiration else ""),
            title="★ Goal achieved ★",
            markup=False,
            timeout=10,
        )
        self._offer_to_raise(goal)

    def _offer_to_raise(self, goal: Goal) -> None:
        """The last goal of a level achieved: congratulate, and say how to raise the bar."""
        aspiration = self.store.aspiration(goal.aspiration_id)
        if aspiration is None or goal.level != aspiration.ladder.level:
            return
        goals = self.store.goals(aspiration.id)
        states = self.aspire.goal_states()
        progress = {goal_id: state.progress for goal_id, state in states.items()}
        last = {goal_id: state.last_checkin for goal_id, state in states.items()}
        if climb_offered(aspiration, goals, progress, last):
            if aspiration.id is not None:
                self.aspire.select_on_show["aspirations"] = aspiration.id
            level, title = one_line(aspiration.ladder.current, 40), one_line(aspiration.title, 40)
            self.notify(
                toast_text(
                    self.app,
                    f"Every goal of level {aspiration.ladder.position()}, {level}, is achieved. "
                    "Ready for more? Press 2, then u to raise the bar.",
                    level,
                ),
                title=toast_text(self.app, f"Level done: {title}", title),
                markup=False,
                timeout=12,
            )

    @guarded
    def action_checkins(self) -> None:
        goal = self._selected()
        checkins = self.store.checkins(goal.id) if goal is not None else []
        if goal is None or not checkins:
            self.notify("This goal has no check-ins yet. Press l to log progress.")
            return

        def chosen(choice: CheckInChoice | None) -> None:
            if choice is None:
                return
            checkin = next((c for c in checkins if c.id == choice.checkin_id), None)
            if checkin is None:
                return
            if choice.action == "delete":
                self._delete_checkin(goal, checkin)
            else:
                self._correct_checkin(goal, checkin, checkins)

        self.ask(CheckInsDialog(goal, checkins), chosen)

    def _delete_checkin(self, goal: Goal, checkin: CheckIn) -> None:
        assert checkin.id is not None
        self.store.delete_checkin(checkin.id)
        self.aspire.undo.push(UndoEntry("the deleted check-in", [], [checkin], goal.id))
        what = amount_text(goal, checkin.amount, checkin.milestone)
        said = f"Check-in of {dates_of(self).short(checkin.on)} ({what}) deleted. "
        milestone = one_line(checkin.milestone, 60)
        self.notify(toast_text(self.app, said + "ctrl+z brings it back.", milestone), markup=False)
        self.reload(select=goal.id)

    def _correct_checkin(self, goal: Goal, checkin: CheckIn, checkins: list[CheckIn]) -> None:
        done = frozenset(c.milestone for c in checkins if c.milestone)

        def corrected(edited: CheckIn | None) -> None:
            if edited is None or edited == checkin:
                return
            moved = edited.on < goal.begins  # the form asked: the start moves back with it
            self.store.log_checkin(edited)
            self.aspire.undo.push(
                UndoEntry("the correction", [goal] if moved else [], [checkin], goal.id)
            )
            self.notify("Check-in corrected. ctrl+z undoes it.")
            self.reload(select=goal.id)

        form = CheckInForm(self.today(), goal, checkin, done, check=self.store.check_checkin)
        self.ask(form, corrected)

    @guarded
    def action_closer(self) -> None:
        goal = self._selected()
        if goal is None:
            return
        if not goal_progress(goal, self.store.checkins(goal.id), self.today()).achieved:
            self.notify("Once this goal is achieved, w notes how it moved you forward.")
            return
        aspiration = self.store.aspiration(goal.aspiration_id)
        toward = one_line(aspiration.title, 60) if aspiration else "your aspiration"
        form = ReasonForm(
            "How it moved you forward",
            Content.assemble(
                "What did achieving “",
                plain(one_line(goal.title, 60)),
                "” change for ",
                plain(toward) if aspiration else toward,
                "? It shows on the aspiration's timeline.",
            ),
            "In a line or two (optional)",
            "Save",
            parse=optional_reason,
            initial=goal.closer,
        )

        def written(text: str | None) -> None:
            if text is not None and text != goal.closer:
                self.store.save_goal(dataclasses.replace(goal, closer=text))
                self.notify("Noted on the aspiration's timeline.")
                self.reload(select=goal.id)

        self.ask(form, written)

    # Dropping, deleting and undoing -------------------------------------------------

    @guarded
    def action_drop(self) -> None:
        goal = self._selected()
        if goal is None or goal.id is None:
            return
        if goal.dropped is not None:
            self._take_back_up(goal)
            return
        from aspire_tui.ui.dialogs.reason_form import ReasonForm, optional_reason

        count = len(self.store.checkins(goal.id))
        message = Content.assemble(
            "Drop “",
            plain(one_line(goal.title, 80), "bold"),
            f"”? It is kept with its {count} check-in{'s' if count != 1 else ''}, marked "
            "dropped today: out of Home, the review and its level's count, still found with "
            "/ (show: dropped) and in its aspiration. x takes it back up; d deletes.",
        )
        form = ReasonForm(
            "Drop goal", message, "Why (optional)", "Drop", parse=optional_reason, one_line=True
        )

        def written(why: str | None) -> None:
            if why is None:
                return
            goal_work.drop(self.store, goal, why, self.today())
            self.aspire.undo.push(UndoEntry("the dropped goal", [goal], [], goal.id))
            self.notify("Goal dropped and kept. ctrl+z or x takes it back up.")
            self.reload()

        self.ask(form, written)

    @guarded
    def action_take_up(self) -> None:
        goal = self._selected()
        if goal is not None and goal.dropped is not None:
            self._take_back_up(goal)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`x` drops or takes back up: the footer shows the word that applies."""
        if action in ("drop", "take_up"):
            record_id = self.selected_id()
            state = self._states.get(record_id) if record_id is not None else None
            if state is None:
                return None if action == "drop" else False
            return (state.goal.dropped is not None) == (action == "take_up")
        return super().check_action(action, parameters)

    def _take_back_up(self, goal: Goal) -> None:
        message = Content.assemble(
            "Take “",
            plain(one_line(goal.title, 80), "bold"),
            "” back up? It is live work again, with every check-in it had.",
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                taken = goal_work.take_back_up(self.store, goal)
                self.aspire.undo.push(UndoEntry("taking the goal back up", [goal], [], goal.id))
                self.notify("Goal taken back up.")
                self.reload(select=taken.id)

        self.ask(
            ConfirmDialog("Take back up", message, "Take it up", "Leave it dropped"), confirmed
        )

    @guarded
    def action_delete(self) -> None:
        goal = self._selected()
        if goal is None or goal.id is None:
            return
        count = len(self.store.checkins(goal.id))
        extra = f" and its {count} check-in{'s' if count != 1 else ''}" if count else ""
        message = Content.assemble(
            "Delete the goal “",
            plain(one_line(goal.title, 80), "bold"),
            f"”{extra}? ctrl+z on this screen brings it back.",
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                deleted = goal_work.delete(self.store, goal)
                self.aspire.undo.push(
                    UndoEntry("the deleted goal", [goal], deleted.checkins, goal.id)
                )
                self.notify("Goal deleted. ctrl+z brings it back.")
                self.reload()

        self.ask(ConfirmDialog("Delete goal", message), confirmed)

    @guarded
    def action_undo(self) -> None:
        entry = self.aspire.undo.pop()
        if entry is None:
            self.notify("Nothing to undo.")
            return
        try:
            self.store.put_back(entry.goals, entry.checkins)
        except (StoreError, ValidationError) as error:
            self.notify(
                f"Cannot undo {entry.label}: {error}",
                title="Not undone",
                severity="warning",
                markup=False,
            )
            return  # dropped, so that older changes can still be undone
        self.notify(f"Undone: {entry.label}.")
        self.reload(select=entry.select)

    # Finding -------------------------------------------------------------------------

    def action_find(self) -> None:
        aspirations = self.safely(self.store.aspirations) or []

        def chosen(view: GoalView | None) -> None:
            if view is not None:
                self.view = view
                self.reload()

        self.ask(GoalFinderForm(self.view, aspirations), chosen)

    def action_sort(self) -> None:
        self.view = dataclasses.replace(self.view, sort=self.view.sort.next())
        self.notify(f"Goals sorted by {self.view.sort.value}.")
        self.reload()

    def action_hide_done(self) -> None:
        self.view = dataclasses.replace(self.view, hide_done=not self.view.hide_done)
        self.notify(
            "Achieved goals and archived aspirations hidden (a shows them)."
            if self.view.hide_done
            else "Showing achieved goals and archived aspirations."
        )
        self.reload()

    def action_back(self) -> None:
        """Escape in the list clears a search or filter before anything else."""
        if self.view.narrowed and self.records.has_focus:
            self.view = GoalView(sort=self.view.sort)
            self.reload()
            return
        self.records.focus()
