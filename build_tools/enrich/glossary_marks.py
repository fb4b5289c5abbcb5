"""Glossary terms marked in every paragraph: its text cut into segments, the first occurrence of each term marked.

Enrichment data (``Edition.glossary_marks``, block id -> BlockMarks), computed once here; the pages only
print it: they turn a marked segment into a link to the glossary entry whose title gives the other
language's rendering (a tooltip without JavaScript, online and offline). Longer terms win where
terms overlap (数控机床 over 机床), as in the translation checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from build_tools.model import BlockMarks, Marked, Term
from build_tools.translation.checks import term_hits
from build_tools.translation.term_scan import term_scan

if TYPE_CHECKING:
    from build_tools.model import Bilingual, ParsedPlan


def _segments(text: str, spans: list[tuple[int, int, Term]]) -> tuple[Marked, ...]:
    segments: list[Marked] = []
    position = 0
    for start, end, term in sorted(spans, key=lambda span: span[0]):
        if start > position:
            segments.append(Marked(text[position:start], None))
        segments.append(Marked(text[start:end], term))
        position = end
    if position < len(text) or not segments:
        segments.append(Marked(text[position:], None))
    return tuple(segments)


def _free(taken: list[bool], start: int, end: int) -> bool:
    return not any(taken[start:end])


def _take(taken: list[bool], start: int, end: int) -> None:
    for index in range(start, end):
        taken[index] = True


def mark_chinese(text: str, terms: tuple[Term, ...], form: str = "zh") -> tuple[tuple[Marked, ...], tuple[Term, ...]]:
    """Segments of a Chinese text with each term's first free occurrence marked, and the terms found.

    ``form`` is ``zh`` (Simplified) or ``zh_hant``; a term with no Traditional form is looked for as written.
    """
    taken = [False] * len(text)
    spans: list[tuple[int, int, Term]] = []
    for term, needle in term_scan(terms, form).present(text):
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if _free(taken, start, end):
                _take(taken, start, end)
                spans.append((start, end, term))
                break
            start = text.find(needle, start + 1)
    return _segments(text, spans), tuple(term for _, _, term in spans)


@cache
def _whole_words(rendering: str) -> re.Pattern[str]:
    # Compiled once: the glossary has more renderings than re's own cache of patterns holds.
    return re.compile(rf"(?<!\w){re.escape(rendering)}(?!\w)", re.IGNORECASE)


def mark_english(text: str, terms: tuple[Term, ...]) -> tuple[Marked, ...]:
    """Segments of an English text with the first occurrence of each term's rendering (whole words) marked."""
    taken = [False] * len(text)
    spans: list[tuple[int, int, Term]] = []
    for term in sorted(terms, key=lambda t: (-len(t.en), t.id)):
        for rendering in sorted({r for r in term.renderings if r}, key=lambda r: (-len(r), r)):
            found = next(
                (
                    match
                    for match in _whole_words(rendering).finditer(text)
                    if _free(taken, match.start(), match.end())
                ),
                None,
            )
            if found:
                _take(taken, found.start(), found.end())
                spans.append((found.start(), found.end(), term))
                break
    return _segments(text, spans)


def mark_blocks(plans: Iterable[ParsedPlan], bilingual: Bilingual) -> Mapping[str, BlockMarks]:
    """Block id -> its marks, for every block of the plans."""
    glossary = bilingual.glossary
    marks = {}
    for plan in plans:
        for block in plan.blocks:
            text = bilingual.blocks[block.id]
            hans, found = mark_chinese(text.zh_hans, glossary)
            hant, _ = mark_chinese(text.zh_hant, glossary, "zh_hant")
            marks[block.id] = BlockMarks(
                hans, hant, mark_english(text.en, found), tuple(term_hits(block.display, glossary))
            )
    return marks
