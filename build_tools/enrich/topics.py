"""Industry topics: tag blocks with the taxonomy (``topics/topics.yml``, read by ``build_tools.sources.topics``).

Matching rule: a block gets a topic when one of the topic's ``terms`` occurs in its text
(label + text, i.e. ``Block.display``) as a plain substring, unless that hit lies inside a hit of
one of the topic's ``exclude`` strings. Hits are reported with their offsets so a page can
highlight the matched words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from build_tools.model import AS_PRINTED, ParsedPlan, SimplifiedView, Taxonomy, Topic, TopicIndex, TopicMatch


def _occurrences(text: str, needle: str) -> Iterable[int]:
    """Start offsets of every (possibly overlapping) occurrence of needle in text."""
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


def _topic_matches(text: str, topic: Topic) -> list[TopicMatch]:
    """Leftmost-longest, non-overlapping term hits that no exclusion hit covers."""
    excluded = [(start, start + len(phrase)) for phrase in topic.exclude for start in _occurrences(text, phrase)]
    candidates = sorted(
        (start, -len(term), term)
        for term in topic.terms
        for start in _occurrences(text, term)
        if not any(low <= start and start + len(term) <= high for low, high in excluded)
    )
    matches: list[TopicMatch] = []
    covered = 0
    for start, _, term in candidates:
        if start >= covered:
            matches.append(TopicMatch(topic.id, term, start, start + len(term)))
            covered = start + len(term)
    return matches


def tag_block(text: str, taxonomy: Taxonomy) -> tuple[TopicMatch, ...]:
    """All topic hits in one block's text (label + text), ordered by offset, then taxonomy order."""
    order = {topic.id: index for index, topic in enumerate(taxonomy.topics)}
    found = [match for topic in taxonomy.topics for match in _topic_matches(text, topic)]
    return tuple(sorted(found, key=lambda match: (match.start, order[match.topic_id], match.end)))


def topics_of(matches: Iterable[TopicMatch], taxonomy: Taxonomy) -> tuple[str, ...]:
    """The distinct topics of some matches, in taxonomy order."""
    hit = {match.topic_id for match in matches}
    return tuple(topic.id for topic in taxonomy.topics if topic.id in hit)


def _count_plans(topic_blocks: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], int]:
    """(topic, plan) -> blocks; topics in the given order, plans in the order their blocks come."""
    counts: dict[tuple[str, str], int] = {}
    for topic_id, block_ids in topic_blocks.items():
        for block_id in block_ids:
            key = (topic_id, block_id.split("/", 1)[0])
            counts[key] = counts.get(key, 0) + 1
    return counts


def tag_edition(plans: Iterable[ParsedPlan], taxonomy: Taxonomy, hans: SimplifiedView = AS_PRINTED) -> TopicIndex:
    """Tag every block of every plan (headings, titles and box headers included: each is a block).

    The terms are Simplified: a block printed in Traditional is read through its Simplified view
    (``hans``, from build_tools.enrich.bilingual.SimplifiedView.of); the offsets hold in the print.
    """
    found = ((block.id, tag_block(hans.display(block), taxonomy)) for plan in plans for block in plan.blocks)
    return index_topics(found, taxonomy)


def index_topics(found: Iterable[tuple[str, tuple[TopicMatch, ...]]], taxonomy: Taxonomy) -> TopicIndex:
    """The edition's index from each block's hits (block id, its ``tag_block``), blocks in edition order:
    the hits may be found plan by plan, apart (build_tools.enrich.per_plan)."""
    topic_ids = tuple(topic.id for topic in taxonomy.topics)
    block_topics: dict[str, tuple[str, ...]] = {}
    matches: dict[str, tuple[TopicMatch, ...]] = {}
    topic_blocks: dict[str, list[str]] = {topic_id: [] for topic_id in topic_ids}
    for block_id, hits in found:
        if hits:
            matches[block_id] = hits
            block_topics[block_id] = topics_of(hits, taxonomy)
            for topic_id in block_topics[block_id]:
                topic_blocks[topic_id].append(block_id)
    per_plan = _count_plans(topic_blocks)
    return TopicIndex(
        topic_ids=topic_ids,
        block_topics=MappingProxyType(block_topics),
        matches=MappingProxyType(matches),
        block_counts=MappingProxyType({topic_id: len(topic_blocks[topic_id]) for topic_id in topic_ids}),
        plan_counts=MappingProxyType({topic_id: sum(key[0] == topic_id for key in per_plan) for topic_id in topic_ids}),
        plan_block_counts=MappingProxyType(per_plan),
        topic_blocks=MappingProxyType({topic_id: tuple(ids) for topic_id, ids in topic_blocks.items()}),
    )
