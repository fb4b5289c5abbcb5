"""Glossary terms marked in every paragraph: its text cut into segments, the first occurrence of each term marked.

Enrichment data (``Edition.glossary_marks``, block id -> BlockMarks), computed once here; the pages only
print it: they turn a marked segment into a link to the glossary entry whose title gives the other
language's rendering (a tooltip without JavaScript, online and offline). Longer terms win where
terms overlap (数控机床 over 机床), as in the translation checks.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from build_tools.model import BlockMarks, Marked, Term
from build_tools.translation.checks import term_hits
from build_tools.translation.term_scan import term_scan

if TYPE_CHECKING:
    from build_tools.model import Block, BlockText


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


_Span = tuple[int, int, Term]


def _chinese_spans(text: str, terms: tuple[Term, ...], form: str) -> list[_Span]:
    taken = [False] * len(text)
    spans: list[_Span] = []
    for term, needle in term_scan(terms, form).present(text):
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if _free(taken, start, end):
                _take(taken, start, end)
                spans.append((start, end, term))
                break
            start = text.find(needle, start + 1)
    return spans


def mark_chinese(text: str, terms: tuple[Term, ...], form: str = "zh") -> tuple[tuple[Marked, ...], tuple[Term, ...]]:
    """Segments of a Chinese text with each term's first free occurrence marked, and the terms found.

    ``form`` is ``zh`` (Simplified) or ``zh_hant``; a term with no Traditional form is looked for as written.
    """
    spans = _chinese_spans(text, terms, form)
    return _segments(text, spans), tuple(term for _, _, term in spans)


@cache
def _whole_words(rendering: str) -> re.Pattern[str]:
    # Compiled once: the glossary has more renderings than re's own cache of patterns holds.
    return re.compile(rf"(?<!\w){re.escape(rendering)}(?!\w)", re.IGNORECASE)


def _english_spans(text: str, terms: tuple[Term, ...]) -> list[_Span]:
    taken = [False] * len(text)
    spans: list[_Span] = []
    for term in sorted(terms, key=lambda t: (-len(t.en), t.id)):
        for rendering in sorted({r for r in term.renderings if r}, key=lambda r: (-len(r), r)):
            found = next(
                (match for match in _whole_words(rendering).finditer(text) if _free(taken, match.start(), match.end())),
                None,
            )
            if found:
                _take(taken, found.start(), found.end())
                spans.append((found.start(), found.end(), term))
                break
    return spans


_Indexed = tuple[tuple[int, int, int], ...]
MarkSpans = tuple[_Indexed, _Indexed, _Indexed, tuple[int, ...]]
"""One block's marks without their text: (start, end, glossary index) in the Simplified text, the
Traditional, the English, and the glossary indexes of its hits. A few integers where the BlockMarks
hold the text twice and a Term per segment: what a worker sends back and the cache keeps."""


def block_spans(block: Block, text: BlockText, glossary: tuple[Term, ...]) -> MarkSpans:
    """The marks of one block (its texts and English in ``text``), as glossary indexes."""
    number = _numbering(glossary)
    hans = _chinese_spans(text.zh_hans, glossary, "zh")
    hant = _chinese_spans(text.zh_hant, glossary, "zh_hant")
    english = _english_spans(text.en, tuple(term for _, _, term in hans))

    def indexed(spans: list[_Span]) -> _Indexed:
        return tuple((start, end, number[term]) for start, end, term in spans)

    hits = tuple(number[term] for term in term_hits(block.display, glossary))
    return indexed(hans), indexed(hant), indexed(english), hits


_NUMBERS: dict[int, tuple[tuple[Term, ...], dict[Term, int]]] = {}


def _numbering(glossary: tuple[Term, ...]) -> dict[Term, int]:
    """Term -> its index in the glossary, made once per glossary (as term_scan does)."""
    cached = _NUMBERS.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        cached = _NUMBERS[id(glossary)] = (glossary, {term: index for index, term in enumerate(glossary)})
    return cached[1]


def expand_marks(spans: MarkSpans, text: BlockText, glossary: tuple[Term, ...]) -> BlockMarks:
    """The BlockMarks of ``block_spans``' result."""
    hans, hant, english, hits = spans

    def termed(found: _Indexed) -> list[_Span]:
        return [(start, end, glossary[index]) for start, end, index in found]

    return BlockMarks(
        _segments(text.zh_hans, termed(hans)),
        _segments(text.zh_hant, termed(hant)),
        _segments(text.en, termed(english)),
        tuple(glossary[index] for index in hits),
    )
