"""Map and file text shown as what it is, never as what it pretends to be.

A name may hold bidi controls that reorder what follows (U+202E makes `gnp.exe` read `exe.png`),
and a value printed in a one-line message may hold line breaks or terminal escapes. These functions
turn such characters into visible marks; the text itself, in the map, stays as the user wrote it.
"""

from __future__ import annotations

import re

# Embeddings, overrides and isolates: the controls that can make text display in another order.
# The marks (LRM, RLM, ALM) only give neutral characters a direction and are left alone.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible_bidi(text: str) -> str:
    """`text` with each bidi embedding, override or isolate shown as `[U+202E]` and the like."""
    return _BIDI.sub(_mark, text) if _BIDI.search(text) else text


def visible_controls(text: str) -> str:
    """`text` with every control character visible (`\\n`, `\\x1b`, `[U+202E]`): nothing in it can
    break a line, move the cursor or reorder what follows."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def one_line(text: str, limit: int = 200) -> str:
    """`text` fit for a one-line message: its control characters visible, and cut to `limit`
    characters with `…`."""
    shown = visible_controls(text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def _mark(match: re.Match) -> str:
    return f"[U+{ord(match.group()):04X}]"


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in BIDI_CONTROLS:
        return _mark(match)
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
