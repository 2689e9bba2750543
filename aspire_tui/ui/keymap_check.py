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


def keymap_problems(
    keymap: Mapping[str, str],
    everywhere: Iterable[object],
    classes: Iterable[type[DOMNode]],
) -> list[str]:
    """`keymap` as Textual normalises it (long key names); `everywhere`: the app's own
    bindings, which the main screens share."""
    classes = list(classes)
    shared = [b for b in everywhere if isinstance(b, Binding)]
    known = {b.id for cls in classes for b in _bindings(cls) if b.id}
    known |= {b.id for b in shared if b.id}
    problems = [f"keys.{name}: no key has that id" for name in keymap if name not in known]
    for cls in classes:
        layers = _bindings(cls)
        if issubclass(cls, Screen) and not issubclass(cls, ModalScreen):
            layers = layers + shared
        owner: dict[str, Binding] = {}
        for binding in layers:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            for key in (k.strip() for k in keys.split(",")):
                other = owner.get(key)
                remapped = binding.id in keymap or (other is not None and other.id in keymap)
                if other is not None and other.action != binding.action and remapped:
                    problems.append(
                        f"{key} would be both {other.description or other.action} and "
                        f"{binding.description or binding.action} on {_place(cls)}"
                    )
                owner.setdefault(key, binding)
    return list(dict.fromkeys(problems))
