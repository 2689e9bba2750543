"""The layer rule: domain imports neither Textual nor TinyDB; only the store imports TinyDB;
the presentation (how things read) sits on the domain alone, and neither the domain nor the
store reaches up to it."""

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
    assert files("presentation")


def aspire_modules(path: Path) -> set[str]:
    return {m for m in imported_modules(path) if m.split(".")[0] == "aspire_tui"}


@pytest.mark.parametrize("path", files("domain"), ids=str)
def test_the_domain_never_imports_the_presentation(path: Path) -> None:
    """How a goal reads on screen or in the plan is built on the rules, never under them."""
    assert not {m for m in imported_modules(path) if m.startswith("aspire_tui.presentation")}


@pytest.mark.parametrize("path", files("domain"), ids=str)
def test_the_domain_imports_only_the_domain(path: Path) -> None:
    assert {m for m in aspire_modules(path) if not m.startswith("aspire_tui.domain")} == set()


@pytest.mark.parametrize("path", files("domain"), ids=str)
def test_the_domain_names_no_ui_setting(path: Path) -> None:
    """A theme or a key map is the screens' business: the settings file's record holds them
    (`aspire_tui/settings.py`), not the rules."""
    source = path.read_text("utf-8").casefold()
    assert not [word for word in ("theme", "keymap", "binding") if word in source]


@pytest.mark.parametrize("path", files("presentation"), ids=str)
def test_the_presentation_stands_on_the_domain_alone(path: Path) -> None:
    """Words, Markdown and display rules from plain records: no Textual, Rich or TinyDB, and
    nothing from the store, the use cases, the settings, the screens or the command line."""
    bad = {m for m in imported_modules(path) if m.split(".")[0] in {"textual", "rich", "tinydb"}}
    bad |= {
        m
        for m in aspire_modules(path)
        if not m.startswith(("aspire_tui.domain", "aspire_tui.presentation"))
    }
    assert not bad


@pytest.mark.parametrize("path", files("store"), ids=str)
def test_the_store_never_imports_the_presentation(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.startswith("aspire_tui.presentation")}


def test_the_settings_record_stands_on_the_domain_alone() -> None:
    """`settings.py` is read by the store (the file), the use cases (the review's cadence) and
    the screens (theme, keys): it may import only the domain."""
    path = PACKAGE / "settings.py"
    assert {m for m in aspire_modules(path) if not m.startswith("aspire_tui.domain")} == set()
    assert not {m for m in imported_modules(path) if m.split(".")[0] in OUTSIDE}


# The modules at the top of the package: each is named here with what it may not import, so a
# new one fails this test until it is given its place.
OUTSIDE = {"textual", "tinydb", "rich"}
TOP_LEVEL_MAY_NOT_IMPORT = {
    "__init__": ("the version, imported by everything: nothing at all", {"*"}),
    "__main__": ("`python -m aspire_tui`: the command line", {"tinydb"}),
    "cli": ("the command line: the store, the domain and the app", {"tinydb"}),
    "shell_commands": (
        "aspire log, note, status and goals: the command line without the app",
        {"textual", "rich", "tinydb", "aspire_tui.ui"},
    ),
    "passphrase_input": ("where the command line gets a passphrase: nothing of Aspire's", {"*"}),
    "settings": (
        "the settings record and how settings.toml's values are checked: the domain only",
        {
            "textual",
            "rich",
            "tinydb",
            "aspire_tui.store",
            "aspire_tui.use_cases",
            "aspire_tui.presentation",
            "aspire_tui.ui",
            "aspire_tui.cli",
            "aspire_tui.demo_year",
        },
    ),
    "demo_year": (
        "`aspire --demo`'s made-up year, written through the store",
        {"textual", "rich", "tinydb", "aspire_tui.ui", "aspire_tui.cli"},
    ),
}
ENTRY_POINTS = {"aspire_tui", "aspire_tui.__main__", "aspire_tui.cli"}
"""Where the installed Aspire starts: `import aspire_tui`, `python -m aspire_tui`, `aspire`."""


def top_level() -> list[Path]:
    return sorted(PACKAGE.glob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_top_level_module_has_its_place() -> None:
    assert {p.stem for p in top_level()} == set(TOP_LEVEL_MAY_NOT_IMPORT)


@pytest.mark.parametrize("path", top_level(), ids=lambda p: p.name)
def test_top_level_modules_keep_to_their_place(path: Path) -> None:
    _, forbidden = TOP_LEVEL_MAY_NOT_IMPORT.get(path.stem, ("", set()))
    imported = imported_modules(path) - {"__future__"}
    if "*" in forbidden:
        bad = {m for m in imported if m.split(".")[0] in OUTSIDE or m.startswith("aspire_tui")}
    else:
        bad = {
            m
            for m in imported
            if m.split(".")[0] in forbidden or m.startswith(tuple(f for f in forbidden if "." in f))
        }
    assert not bad


def test_only_the_store_imports_tinydb_anywhere() -> None:
    bad = [
        str(p.relative_to(PACKAGE))
        for p in sorted(PACKAGE.rglob("*.py"))
        if "store" not in p.relative_to(PACKAGE).parts
        and any(m.split(".")[0] == "tinydb" for m in imported_modules(p))
    ]
    assert bad == []


def test_every_top_level_module_is_used_by_the_installed_app() -> None:
    """What only the tests, the benchmark or the screenshot script use lives with them
    (tests/fixtures/), not in the wheel: each top-level module is reached from an entry point
    through the package's own imports (lazy ones inside functions too)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    reached: set[str] = set()
    pending = list(ENTRY_POINTS)
    while pending:
        name = pending.pop()
        if name in reached or name not in modules:
            continue
        reached.add(name)
        pending += imported_or_named(modules[name])
    unused = sorted(module_name(p) for p in top_level() if module_name(p) not in reached)
    assert unused == []


def imported_or_named(path: Path) -> set[str]:
    """What `path` imports; `from a import b` counts as both `a` and `a.b` (b may be a module)."""
    found = imported_modules(path)
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize(
    "path", [p for p in files("ui") if p.name != "app.py" or p.parent.name != "ui"], ids=str
)
def test_nothing_in_the_ui_imports_the_app(path: Path) -> None:
    """Screens, dialogs and the app's helpers reach the app through `ui/host.py`'s
    `AspireHost` (not even under TYPE_CHECKING): the app imports them, never the reverse."""
    assert "aspire_tui.ui.app" not in imported_or_named(path)
