"""Drafts: a form's text kept when Aspire is stopped, given back at the next start. The tmux
tests in test_terminal_closed.py close a real terminal; these cover what is kept, and the
drafts that cannot be given back as they were."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from aspire_tui.domain.drafts import Draft
from aspire_tui.domain.models import Aspiration, Goal, Reflection, Target
from aspire_tui.store import AspireStore
from aspire_tui.store.drafts import drafts_path, load_draft, save_draft
from aspire_tui.ui.dialogs.form import FormDialog
from aspire_tui.ui.drafts import draft_of
from tests.conftest import TODAY, docs
from tests.ui_helpers import SIZE, make_app, notifications, type_text, wait_until

NOW = datetime(2026, 11, 27, 21, 5)


async def test_a_form_keeps_a_draft_only_once_something_is_typed(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormDialog)
        assert draft_of(form, NOW) is None
        await type_text(pilot, "a thought")
        draft = draft_of(form, NOW)
        assert draft is not None and draft.form == "reflection" and draft.record is None
        assert draft.fields["note"] == "a thought"
        assert draft.heading == "New reflection"


async def test_a_draft_of_an_entry_being_edited_reopens_on_that_entry(
    store: AspireStore, data_dir: Path
) -> None:
    store.save_reflection(Reflection(TODAY, note="first"))
    kept = store.save_reflection(Reflection(TODAY, note="second"))
    save_draft(
        data_dir, Draft("reflection", "Edit reflection", NOW, {"note": "second, more"}, kept.id)
    )
    async with make_app(store).run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FormDialog))
        await pilot.pause()
        assert pilot.app.screen.query_one("#note").text == "second, more"  # type: ignore[attr-defined]
        assert any("Fri 27 Nov 2026 at 21:05" in m for m in notifications(pilot.app))
        assert not drafts_path(data_dir).exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert sorted(r["note"] for r in docs(data_dir, "reflections")) == ["first", "second, more"]


async def test_a_draft_whose_goal_is_gone_is_shown_and_kept(
    store: AspireStore, data_dir: Path
) -> None:
    mine = store.save_aspiration(Aspiration("Lead a team", TODAY))
    store.save_goal(Goal(mine.id or 0, "Hire two people", Target.number(2), TODAY))
    draft = Draft(
        "checkin", "Log progress: Gone", NOW, {"on": "2026-11-27", "note": "two calls"}, 99
    )
    save_draft(data_dir, draft)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: any("two calls" in m for m in notifications(pilot.app)))
        assert not isinstance(pilot.app.screen, FormDialog)
        assert pilot.app.is_running
    assert load_draft(data_dir) is None  # said once, not at every start
    kept = data_dir / "drafts-2026-11-27-210500.json"
    assert any(str(kept) in m for m in notifications(pilot.app))
    kept.rename(drafts_path(data_dir))
    assert load_draft(data_dir) == draft  # kept whole


async def test_a_draft_file_aspire_did_not_write_is_reported_and_left_alone(
    store: AspireStore, data_dir: Path
) -> None:
    drafts_path(data_dir).write_text("[1, 2", "utf-8")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: any("not a draft Aspire kept" in m for m in notifications(pilot.app))
        )
        assert pilot.app.is_running
    assert drafts_path(data_dir).read_text("utf-8") == "[1, 2"


async def test_passions_being_written_open_again_on_their_row(
    store: AspireStore, data_dir: Path
) -> None:
    save_draft(data_dir, Draft("passions", "Passions and values", NOW, {"love": "teaching"}))
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FormDialog))
        await pilot.pause()
        assert pilot.app.screen.query_one("#love").text == "teaching"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert docs(data_dir, "passions")[0]["love"] == ["teaching"]


async def test_a_search_or_the_settings_keep_no_draft(store: AspireStore) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await type_text(pilot, "burnout")
        form = pilot.app.screen
        assert isinstance(form, FormDialog) and form.has_changes
        assert draft_of(form, NOW) is None


async def test_a_check_in_being_written_in_a_review_is_not_reopened_outside_it(
    store: AspireStore, data_dir: Path
) -> None:
    """A check-in form opened from a review, kept as a draft: reopened on Goals, saving it
    would log progress the review never records, so it is set aside with its text."""
    adopted = TODAY - timedelta(days=60)  # a review is due
    mine = store.save_aspiration(Aspiration("Lead a team", adopted))
    store.save_goal(Goal(mine.id or 0, "Hire two people", Target.number(2), adopted))
    async with make_app(store).run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormDialog)
        await type_text(pilot, "1")
        pilot.app.keep_draft()  # what a closed terminal does  # type: ignore[attr-defined]
    kept = load_draft(data_dir)
    assert kept is not None and kept.form == "review checkin"
    async with make_app(store).run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: any("cannot open again" in m for m in notifications(pilot.app))
        )
        assert not isinstance(pilot.app.screen, FormDialog)
    assert list(data_dir.glob("drafts-*.json"))
    assert docs(data_dir, "checkins") == []
