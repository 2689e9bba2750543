"""The `aspire` command: open the store, then hand it to the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from aspire_tui import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aspire",
        description="Aspire: a private, keyboard-driven terminal app for steering your career.",
        epilog="Data lives in aspire.json in the data folder: --data-dir, else $ASPIRE_DATA_DIR, "
        "else your platform's user data folder (~/.local/share/aspire-tui on Linux).",
    )
    parser.add_argument("--version", action="version", version=f"aspire {__version__}")
    parser.add_argument(
        "--data-dir", metavar="PATH", help="use this folder for your data instead of the default"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Imported here so that --help and --version answer without loading the UI.
    from aspire_tui.store import AspireStore, StoreError, default_data_dir, resolve_data_dir

    folder = resolve_data_dir(args.data_dir)
    try:
        store = AspireStore.open(folder, own_folder=folder == default_data_dir())
    except StoreError as error:
        print(f"aspire: cannot open your data.\n{error}", file=sys.stderr)
        return 2
    from aspire_tui.ui.app import AspireApp

    app = AspireApp(store)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
