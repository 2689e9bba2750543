"""What is wrong with a keymap from the settings file: ids no binding has, and keys it gives
to two things in one place. Textual finds a clash only when it meets it; this finds them all
once, after the app has started, so the person hears of them at once."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def keys_named(text: str) -> str | None:
    """A key string from the settings file as Textual names keys ("Ctrl+N" -> "ctrl+N",
    "?" -> "question_mark", "F1" -> "f1"), or None if a part of it names no key."""
    from textual.keys import Keys

    from aspire_tui.ui.textual_private import key_name

    names = {k.value for k in Keys} | {key_name(chr(c)) for c in range(33, 127)}
    found = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            return None
        *modifiers, name = part.split("+") if part != "+" else ["+"]
        if any(m.strip().lower() not in MODIFIERS for m in modifiers):
            return None
        if len(name) == 1 and name.isprintable():
            key = key_name(name)
        elif name.lower() in names:
            key = name.lower()
        else:
            return None
        found.append("+".join([*(m.strip().lower() for m in modifiers), key]))
    return ",".join(found)


def binding_classes() -> list[type[DOMNode]]:
    """Every screen and widget of Aspire's that has keys of its own (imports them all)."""
    import aspire_tui.ui as ui

    for module in pkgutil.walk_packages(ui.__path__, "aspire_tui.ui."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("aspire_tui.") and "BINDINGS" in cls.__dict__:
            found.append(cls)
    return sorted(found, key=lambda c: c.__qualname__)


def _bindings(cls: type[DOMNode]) -> list[Binding]:
    seen: list[Binding] = []
    for klass in reversed(cls.__mro__):
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                seen.append(binding)
    return seen


def _place(cls: type[DOMNode]) -> str:
    sub_title = getattr(cls, "SUB_TITLE", "")
    if sub_title and issubclass(cls, Screen) and not issubclass(cls, ModalScreen):
        return f"the {sub_title} screen"
    return cls.__name__


LIST_WIDGETS = {"RecordList", "DetailPane"}


def keymap_problems(
    keymap: Mapping[str, str],
    everywhere: Iterable[object],
    classes: Iterable[type[DOMNode]],
    palette_key: str = "ctrl+p",
) -> list[str]:
    """`keymap` as Textual normalises it (long key names); `everywhere`: the app's own
    bindings, which the main screens share."""
    classes = list(classes)
    shared = [b for b in everywhere if isinstance(b, Binding)]
    known = {b.id for cls in classes for b in _bindings(cls) if b.id}
    known |= {b.id for b in shared if b.id}
    problems = [f"keys.{name}: no key has that id" for name in keymap if name not in known]
    lists = [b for cls in classes if cls.__name__ in LIST_WIDGETS for b in _bindings(cls)]
    palette = [Binding(palette_key, "command_palette", "Command palette", id="palette")]
    places: dict[tuple[str, str, str], list[str]] = {}
    for cls in classes:
        main = issubclass(cls, Screen) and not issubclass(cls, ModalScreen)
        if main and not getattr(cls, "SUB_TITLE", ""):
            continue  # the shape the main screens share: each is checked itself
        # What a key does is looked for in the focused list first, then the screen, then the
        # app; a key two of them share does only the first one's thing.
        layers = (lists + _bindings(cls) + shared + palette) if main else _bindings(cls)
        owner: dict[str, Binding] = {}
        for binding in layers:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            for key in (k.strip() for k in keys.split(",")):
                other = owner.get(key)
                if other is None:
                    owner[key] = binding
                    continue
                remapped = binding.id in keymap or other.id in keymap
                if other.action == binding.action or other.id == binding.id or not remapped:
                    continue
                what = (key, other.description or other.action, binding.description)
                places.setdefault(what, [])
                if _place(cls) not in places[what]:
                    places[what].append(_place(cls))
    for (key, first, second), where in places.items():
        problems.append(f"{key} would be both {first} and {second} on {', '.join(where)}")
    return problems
