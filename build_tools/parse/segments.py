"""Cut normalized text into segments: the units a line holds once jammed headings are split.

A segment is a maximal stretch of a line between runs of two or more spaces (ASCII, U+3000 or
no-break), with its source span. Word-processor debris is cut out and recorded as dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.model import Dropped, Span
from build_tools.parse.vocabulary import Vocabulary

SPACE = " \t\u3000\u00a0"
SEPARATOR = re.compile(f"[{SPACE}]{{2,}}")


@dataclass(frozen=True)
class Segment:
    text: str
    """The segment's text, spaces at both ends stripped."""
    span: Span
    line: int
    blank_before: bool
    """A blank line stands between this segment and the previous one."""
    first_on_line: bool


def _strip_span(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in SPACE:
        start += 1
    while end > start and line[end - 1] in SPACE:
        end -= 1
    return start, end


def segment(text: str, vocab: Vocabulary) -> tuple[list[Segment], list[Dropped]]:
    """Segments in reading order, and the debris cut out of them."""
    segments: list[Segment] = []
    dropped: list[Dropped] = []
    offset = 0
    blank_before = False
    for number, line in enumerate(text.split("\n"), 1):
        line_start = offset
        offset += len(line) + 1
        cuts = [(found.start(), found.end()) for found in SEPARATOR.finditer(line)]
        for debris in vocab.debris:
            for found in debris.pattern.finditer(line):
                cuts.append((found.start(), found.end()))
                dropped.append(
                    Dropped(
                        found.group(0),
                        number,
                        debris.reason,
                        Span(line_start + found.start(), line_start + found.end()),
                    )
                )
        cuts.sort()
        position, first = 0, True
        for cut_start, cut_end in [*cuts, (len(line), len(line))]:
            start, end = _strip_span(line, position, max(position, cut_start))
            if end > start:
                segments.append(
                    Segment(line[start:end], Span(line_start + start, line_start + end), number, blank_before, first)
                )
                blank_before, first = False, False
            position = max(position, cut_end)
        if first:
            blank_before = True
    return segments, dropped
