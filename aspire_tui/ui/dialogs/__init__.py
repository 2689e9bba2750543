"""Dialogs: modal screens that ask for something and give it back."""

from pathlib import Path

DIALOG_CSS = Path(__file__).with_name("dialogs.tcss")
"""Every modal screen's styles, read when the first one opens rather than at start."""
