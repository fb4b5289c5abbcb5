"""Glossary terms marked in a paragraph: its text cut into segments, the first occurrence of each term marked.

The pages turn a marked segment into a link to the glossary entry whose title gives the other
language's rendering (a tooltip without JavaScript, online and offline). Longer terms win where
terms overlap (数控机床 over 机床), as in the translation checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.translation.glossary import Term, term_scan


@dataclass(frozen=True)
class Marked:
    text: str
    term: Term | None
    """The glossary term this stretch of text is, ``None`` for plain text."""


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


def mark_english(text: str, terms: tuple[Term, ...]) -> tuple[Marked, ...]:
    """Segments of an English text with the first occurrence of each term's rendering (whole words) marked."""
    taken = [False] * len(text)
    spans: list[tuple[int, int, Term]] = []
    for term in sorted(terms, key=lambda t: (-len(t.en), t.id)):
        for rendering in sorted({r for r in term.renderings if r}, key=lambda r: (-len(r), r)):
            found = next(
                (
                    match
                    for match in re.finditer(rf"(?<!\w){re.escape(rendering)}(?!\w)", text, re.IGNORECASE)
                    if _free(taken, match.start(), match.end())
                ),
                None,
            )
            if found:
                _take(taken, found.start(), found.end())
                spans.append((found.start(), found.end(), term))
                break
    return _segments(text, spans)
