"""Text rules shared by everything that shows or writes out what a person typed."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def safe(text: str) -> str:
    """Newlines and tabs kept, every other control character (an ANSI escape, say) swapped for
    its visible Unicode picture, so nothing a person typed or pasted can drive a terminal."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
