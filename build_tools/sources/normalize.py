"""Unify line ends and drop invisible characters, never touching visible text."""

from __future__ import annotations

import re

# Characters that are never visible but break matching and search, or reorder what a reader sees:
# C0/C1 controls other than tab and line feed, soft hyphen, zero-width characters and BOMs inside
# the text, bidi controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069), line/paragraph separators
# (U+2028/2029), invisible operators, interlinear annotation marks and tag characters.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)


def normalize(text: str) -> tuple[str, int]:
    """Return the text with CRLF/CR made LF and invisible characters removed, and how many were removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = INVISIBLE.subn("", text)
    return cleaned, removed
