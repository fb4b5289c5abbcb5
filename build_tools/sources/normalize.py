"""Unify line ends and drop invisible characters, never touching visible text."""

from __future__ import annotations

import re

# Zero-width characters, BOMs inside the text, soft hyphens and C0/C1 controls other than
# tab and line feed: none of them is visible, all of them break matching and search.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize(text: str) -> tuple[str, int]:
    """Return the text with CRLF/CR made LF and invisible characters removed, and how many were removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = INVISIBLE.subn("", text)
    return cleaned, removed
