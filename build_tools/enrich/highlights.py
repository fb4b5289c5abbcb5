"""The one highlighting rule: which words of a tagged block the topic page and the topic briefing mark.

Chinese: the topic's matched terms (build_tools.enrich.topics), in reading order, an overlapping match
dropped. English: the renderings of the glossary terms found inside those matches, and the topic's own
English name (singular too: a topic ``Robots`` marks "robot"), each from the start of a word to the end of
the word it opens (``robot`` marks "robotics": the briefing finds the English clause of a passing mention
by it), case-insensitive, longest first; needles of two characters or fewer are left out (they would mark
parts of unrelated phrases).
Computed once per (topic, tagged block) before anything is written; pages and PDFs only read the spans.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from build_tools.enrich.glossary_marks import mark_chinese
from build_tools.model import Block, Edition, Offsets, Topic, TopicHighlight, TopicMatch

SHORTEST_WORD = 3
"""English needles shorter than this are not highlighted."""


def chinese_spans(matches: tuple[TopicMatch, ...], topic_id: str) -> tuple[Offsets, ...]:
    """The topic's matches in reading order, one that overlaps the previous left out."""
    spans: list[Offsets] = []
    position = 0
    for match in sorted(matches, key=lambda found: (found.start, found.end)):
        if match.topic_id == topic_id and match.start >= position:
            spans.append((match.start, match.end))
            position = match.end
    return tuple(spans)


def english_needles(edition: Edition, topic: Topic, block: Block, spans: tuple[Offsets, ...]) -> tuple[str, ...]:
    """The English words to mark in the block's translation, longest first."""
    text = edition.hans.display(block)  # the glossary is Simplified; the offsets hold in either view
    needles = {topic.en.lower(), topic.en.lower().removesuffix("s")}
    for start, end in spans:
        for term in mark_chinese(text[start:end], edition.bilingual.glossary)[1]:
            needles.update(rendering for rendering in term.renderings if rendering)
    return tuple(sorted((n for n in needles if len(n) >= SHORTEST_WORD), key=lambda n: (-len(n), n.lower(), n)))


def english_spans(text: str, needles: tuple[str, ...]) -> tuple[Offsets, ...]:
    """Where the needles occur in ``text`` at the start of a word, through the end of that word
    (case-insensitive, the longest at a place wins)."""
    if not text or not needles:
        return ()
    alternatives = "|".join(re.escape(needle) for needle in needles)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)
    return tuple(found.span() for found in pattern.finditer(text))


def topic_highlight(edition: Edition, topic: Topic, block: Block) -> TopicHighlight:
    zh = chinese_spans(edition.topics.matches_of(block.id), topic.id)
    english = edition.bilingual.blocks[block.id].en
    return TopicHighlight(zh, english_spans(english, english_needles(edition, topic, block, zh)))


def find_highlights(edition: Edition) -> Mapping[tuple[str, str], TopicHighlight]:
    """(topic id, block id) -> the topic's words in the block, for every block each topic tags."""
    found = {}
    for topic in edition.taxonomy.topics:
        for block_id in edition.topics.blocks_of(topic.id):
            found[(topic.id, block_id)] = topic_highlight(edition, topic, edition.block(block_id))
    return MappingProxyType(found)
