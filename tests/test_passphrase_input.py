"""Choosing a passphrase at the terminal: too short is said at once, before it is typed
again; two that differ, or too short, are asked again, three times in all."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from aspire_tui import passphrase_input
from aspire_tui.passphrase_input import PassphraseError, chosen


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrase_input.sys, "stdin", Terminal())
    monkeypatch.delenv("ASPIRE_PASSPHRASE_FILE", raising=False)


def typing(*answers: str) -> tuple[list[str], object]:
    asked: list[str] = []
    given = iter(answers)

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(given)

    return asked, ask


def test_too_short_is_said_at_once_and_asked_again(capsys: pytest.CaptureFixture[str]) -> None:
    asked, ask = typing("short", "long enough words", "long enough words")
    assert chosen(ask) == "long enough words"  # type: ignore[arg-type]
    assert asked == ["New passphrase: ", "New passphrase: ", "The same again: "]
    assert (
        "at least 8 characters (a few words make a good one). Try again." in capsys.readouterr().err
    )


def test_two_that_differ_are_asked_again_then_three_times_change_nothing() -> None:
    _, ask = typing("first long one", "second long one", "x", "y", "z")
    with pytest.raises(PassphraseError, match="Nothing was changed"):
        chosen(ask)  # type: ignore[arg-type]


def test_a_passphrase_file_that_is_not_an_ordinary_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASPIRE_PASSPHRASE_FILE", str(tmp_path))
    with pytest.raises(PassphraseError, match="not an ordinary file"):
        chosen()
