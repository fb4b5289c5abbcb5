"""Where English runs begin and end in a bilingual label (``第一章 总则 · Chapter 1 General Provisions``).

Pages default to Chinese (``<html lang="zh">``); an English run needs its own ``lang="en"`` so a screen reader
speaks it in an English voice and the browser picks the Latin font stack. The edition writes its labels as
Chinese beside English in one string (navigation titles, headings, plan names), and the templates, Material's
navigation and its table of contents (build_tools/site/theme/partials) print each English run of such a string in a
span of its own. A helper any layer may use: MkDocs' hooks (site/hooks.py) and the page templates (render/) both
split titles, and the hooks may not import a stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

# An English run: from a Latin letter to the last Latin letter or digit before Chinese begins (or the text ends),
# so "2017–2020 · Henan Province …" leaves the period and the separator in the surrounding language, and
# "Chapter 1 Current Situation" stays one run. Han characters and CJK / full-width punctuation end a run.
ENGLISH_RUN = re.compile(r"[A-Za-z](?:[^\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]*[A-Za-z0-9])?")


@lru_cache(maxsize=1 << 12)
def english_runs(text: str) -> tuple[tuple[str, bool], ...]:
    """The text cut where English begins and ends: ``(piece, is_english)`` in order, the pieces joined giving the
    text back. A Latin abbreviation between Chinese (CNC inside a heading) is a run of its own, English too."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for found in ENGLISH_RUN.finditer(text):
        if found.start() > at:
            pieces.append((text[at : found.start()], False))
        pieces.append((found.group(), True))
        at = found.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return tuple(pieces)
