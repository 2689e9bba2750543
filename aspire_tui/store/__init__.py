"""The only code that touches TinyDB or the data file.

Names are loaded when first used (PEP 562), so that a light module here (where the data
lives, the status cache) can be imported by `aspire status` without the whole store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aspire_tui.store.errors import DataFileError, StoreError
    from aspire_tui.store.location import DATA_FILE_NAME, default_data_dir, resolve_data_dir
    from aspire_tui.store.store import SCHEMA_VERSION, AspireStore

_WHERE = {
    "DataFileError": "aspire_tui.store.errors",
    "StoreError": "aspire_tui.store.errors",
    "DATA_FILE_NAME": "aspire_tui.store.location",
    "default_data_dir": "aspire_tui.store.location",
    "resolve_data_dir": "aspire_tui.store.location",
    "SCHEMA_VERSION": "aspire_tui.store.store",
    "AspireStore": "aspire_tui.store.store",
}

__all__ = [
    "DATA_FILE_NAME",
    "SCHEMA_VERSION",
    "AspireStore",
    "DataFileError",
    "StoreError",
    "default_data_dir",
    "resolve_data_dir",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'aspire_tui.store' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
