"""The layer rule: domain imports neither Textual nor TinyDB; only the store imports TinyDB."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aspire_tui"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("path", files("domain"), ids=str)
def test_domain_is_plain_python(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"textual", "tinydb", "rich"}}
    bad |= {
        m for m in imported_modules(path) if m.startswith(("aspire_tui.store", "aspire_tui.ui"))
    }
    assert not bad


@pytest.mark.parametrize("path", files("store"), ids=str)
def test_store_knows_nothing_of_the_ui(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"textual", "rich"}}
    bad |= {m for m in imported_modules(path) if m.startswith("aspire_tui.ui")}
    assert not bad


@pytest.mark.parametrize("path", files("store"), ids=str)
def test_the_store_calls_no_use_case(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.startswith("aspire_tui.use_cases")}


@pytest.mark.parametrize("path", files("use_cases"), ids=str)
def test_use_cases_know_nothing_of_the_ui_or_the_file(path: Path) -> None:
    """Use cases speak to the store and the domain; screens and the command line call them."""
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"textual", "rich", "tinydb"}}
    bad |= {m for m in imported_modules(path) if m.startswith(("aspire_tui.ui", "aspire_tui.cli"))}
    assert not bad


@pytest.mark.parametrize("path", files("ui"), ids=str)
def test_ui_never_touches_tinydb(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.split(".")[0] == "tinydb"}


def test_every_layer_has_files() -> None:
    assert files("domain") and files("store") and files("use_cases") and files("ui")
