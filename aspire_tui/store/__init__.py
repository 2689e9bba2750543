"""The only code that touches TinyDB or the data file."""

from aspire_tui.store.errors import DataFileError, StoreError
from aspire_tui.store.location import DATA_FILE_NAME, default_data_dir, resolve_data_dir
from aspire_tui.store.store import SCHEMA_VERSION, AspireStore

__all__ = [
    "DATA_FILE_NAME",
    "SCHEMA_VERSION",
    "AspireStore",
    "DataFileError",
    "StoreError",
    "default_data_dir",
    "resolve_data_dir",
]
