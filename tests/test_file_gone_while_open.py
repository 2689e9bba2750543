"""Another program truncates or deletes aspire.json while Aspire is open on Home: every key
reports the problem, the app keeps running, and the file is neither written over nor
recreated."""

from __future__ import annotations

from pathlib import Path

import pytest

from aspire_tui.domain.models import Aspiration, Goal, Reflection, Target
from aspire_tui.store import AspireStore
from tests.conftest import TODAY
from tests.ui_helpers import SIZE, make_app, notifications


def damage(path: Path, how: str) -> bytes | None:
    """Truncate or delete the file; what it then holds (None: nothing, it is gone)."""
    if how == "deleted":
        path.unlink()
        return None
    with path.open("r+b") as handle:
        handle.truncate(40)
    return path.read_bytes()


@pytest.mark.parametrize("how", ["truncated", "deleted"])
@pytest.mark.parametrize("key", ["r", "enter", "n", "0"])
async def test_a_key_after_the_file_is_damaged_reports_it_and_the_app_goes_on(
    store: AspireStore, data_dir: Path, key: str, how: str
) -> None:
    aspiration = store.save_aspiration(Aspiration("Become a tax expert", TODAY))
    assert aspiration.id is not None
    store.save_goal(Goal(aspiration.id, "Earn certifications", Target.number(3, "certs"), TODAY))
    store.save_reflection(Reflection(on=TODAY, want="Lead a team"))
    store.flush()
    path = data_dir / "aspire.json"
    async with make_app(store, start="home").run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = damage(path, how)
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.is_running and pilot.app.return_code is None
        shown = notifications(pilot.app)
        assert any(("disappeared" in m or "not valid JSON" in m) for m in shown), shown
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.is_running
        if left is None:
            assert not path.exists()
        else:
            assert path.read_bytes() == left
    if left is None:
        assert not path.exists()
    else:
        assert path.read_bytes() == left
