"""Where the command line gets a passphrase: the file named in ASPIRE_PASSPHRASE_FILE (for
scripts and tests), else the terminal, typed without echo. The app asks on a screen of its own
(`ui/passphrase_screen.py`) but reads the same file first."""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

PASSPHRASE_FILE_VARIABLE = "ASPIRE_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE_VARIABLE = "ASPIRE_NEW_PASSPHRASE_FILE"
"""For `aspire passphrase` in a script: the file holding the new passphrase."""
TRIES = 3
MIN_LENGTH = 8
"""A passphrase shorter than this is refused when it is chosen (never when it is typed)."""


class PassphraseError(Exception):
    """Said to the person; the command changes nothing and exits with status 2."""


def from_file(variable: str = PASSPHRASE_FILE_VARIABLE) -> str | None:
    """The passphrase in the file the variable names (its first line), or None if unset."""
    named = os.environ.get(variable)
    if not named:
        return None
    path = Path(named).expanduser()
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe or a device would never end
            raise PassphraseError(f"The passphrase file {named} is not an ordinary file.")
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PassphraseError(f"Cannot read the passphrase file {named} ({error}).") from None
    passphrase = text.splitlines()[0] if text.strip() else ""
    if not passphrase:
        raise PassphraseError(f"The passphrase file {named} is empty.")
    return passphrase


def typed(
    prompt: str,
    ask: Callable[[str], str] = getpass.getpass,
    variable: str = PASSPHRASE_FILE_VARIABLE,
) -> str:
    """A passphrase typed at the terminal, without echo; refused without a terminal (saying
    which variable names a file to give it in instead)."""
    if not sys.stdin.isatty():
        raise PassphraseError(
            f"This needs a passphrase: run it in a terminal, or name a file holding it in "
            f"{variable}."
        )
    try:
        return ask(prompt)
    except EOFError:
        raise PassphraseError("No passphrase was typed; nothing was changed.") from None


def chosen(
    ask: Callable[[str], str] = getpass.getpass, variable: str = PASSPHRASE_FILE_VARIABLE
) -> str:
    """A new passphrase: from the file `variable` names, or typed twice alike; at least
    MIN_LENGTH long."""
    short = f"A passphrase needs at least {MIN_LENGTH} characters (a few words make a good one)."
    written = from_file(variable)
    if written is not None:
        if len(written) < MIN_LENGTH:
            raise PassphraseError(short)
        return written
    for tries_left in range(TRIES - 1, -1, -1):
        passphrase = typed("New passphrase: ", ask, variable)
        if len(passphrase) < MIN_LENGTH:
            problem = short  # said at once, before it is typed again
        elif typed("The same again: ", ask, variable) != passphrase:
            problem = "The two passphrases differ."
        else:
            return passphrase
        if not tries_left:
            raise PassphraseError(f"{problem} Nothing was changed.")
        print(f"{problem} Try again.", file=sys.stderr)
    raise AssertionError("unreachable")
