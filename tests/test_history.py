"""The generated history used to measure Aspire: the right size, reproducible, and valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from aspire_tui.store import AspireStore
from aspire_tui.store.exchange import export_json
from tests.conftest import TODAY
from tests.fixtures.history import generate
from tests.fixtures.history import main as demo


def test_one_year_has_the_promised_size_and_opens_again(tmp_path: Path) -> None:
    store = AspireStore.open(tmp_path / "data")
    generate(store, TODAY, years=1)
    counts = (
        len(store.aspirations()),
        len(store.goals()),
        len(store.checkins()),
        len(store.reflections()),
        len(store.assessments()),
    )
    assert counts == (3, 60, 2500, 150, 1)
    assert min(c.on for c in store.checkins()).year >= TODAY.year - 2
    store.close()
    AspireStore.open(tmp_path / "data").close()  # the full file check passes


def test_the_same_seed_writes_the_same_data(tmp_path: Path) -> None:
    exports = []
    for name in ("a", "b"):
        store = AspireStore.open(tmp_path / name)
        generate(store, TODAY, years=1, seed=7)
        exports.append(export_json(store))
        store.close()
    assert exports[0] == exports[1]


def test_the_command_line_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "data")
    args = ["--years", "1", "--data-dir", folder, "--today", TODAY.isoformat()]
    assert demo(args) == 0
    with pytest.raises(SystemExit):
        demo(args)
    assert "is not empty" in capsys.readouterr().err
