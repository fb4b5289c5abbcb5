"""Industry topics: load the taxonomy (``topics/topics.yml``) and tag blocks with it.

Matching rule: a block gets a topic when one of the topic's ``terms`` occurs in its text
(label + text, i.e. ``Block.display``) as a plain substring, unless that hit lies inside a hit of
one of the topic's ``exclude`` strings. Hits are reported with their offsets so a page can
highlight the matched words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from build_tools.errors import InputError
from build_tools.model import ParsedPlan
from build_tools.sources.schema import Entry, Field, Id, ListOf, Record, Text, read_yaml

# ---------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Group:
    """A group of topics, e.g. "Transport equipment"."""

    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class Topic:
    """One industry topic with its Chinese signal terms and the phrases that cancel a term hit."""

    id: str
    group: str
    """Id of the Group the topic belongs to."""
    zh: str
    en: str
    scope_zh: str
    scope_en: str
    terms: tuple[str, ...]
    """Substrings that signal the topic."""
    exclude: tuple[str, ...] = ()
    """Substrings inside which a term hit does not count (e.g. 卫星城 for 卫星)."""


@dataclass(frozen=True)
class Taxonomy:
    """Groups and topics in file order (the order pages list them in)."""

    groups: tuple[Group, ...]
    topics: tuple[Topic, ...]

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.topics if topic.id == topic_id)

    def group(self, group_id: str) -> Group:
        return next(group for group in self.groups if group.id == group_id)

    def topics_in(self, group_id: str) -> tuple[Topic, ...]:
        return tuple(topic for topic in self.topics if topic.group == group_id)


@dataclass(frozen=True)
class TopicMatch:
    """One term occurrence that gave a block a topic: ``display[start:end] == term``."""

    topic_id: str
    term: str
    start: int
    """Offset into ``Block.display`` (label + text)."""
    end: int


@dataclass(frozen=True)
class TopicIndex:
    """The topics of a whole edition; every mapping is read-only and in a deterministic order."""

    topic_ids: tuple[str, ...]
    """All topic ids in taxonomy order."""
    block_topics: Mapping[str, tuple[str, ...]]
    """Block id -> its topic ids in taxonomy order; only blocks with a topic, in reading order."""
    matches: Mapping[str, tuple[TopicMatch, ...]]
    """Block id -> its term hits, by offset; same keys as ``block_topics``."""
    block_counts: Mapping[str, int]
    """Topic id -> number of blocks tagged with it (every topic, 0 included)."""
    plan_counts: Mapping[str, int]
    """Topic id -> number of plans with at least one such block (every topic, 0 included)."""
    plan_block_counts: Mapping[tuple[str, str], int]
    """(topic id, plan id) -> number of blocks; only non-zero pairs, taxonomy then edition order."""
    topic_blocks: Mapping[str, tuple[str, ...]]
    """Topic id -> ids of its blocks in reading order (every topic, empty included)."""

    def topics_of(self, block_id: str) -> tuple[str, ...]:
        return self.block_topics.get(block_id, ())

    def matches_of(self, block_id: str) -> tuple[TopicMatch, ...]:
        return self.matches.get(block_id, ())

    def blocks_of(self, topic_id: str) -> tuple[str, ...]:
        return self.topic_blocks.get(topic_id, ())


# ---------------------------------------------------------------------------------------- schema

# Topic pages live beside these generated pages (docs/topics/<id>.md): a topic may not take their names.
RESERVED_TOPIC_IDS = ("index", "matrix")
GROUP = Record((Field("id", Id()), Field("zh", Text()), Field("en", Text())), what="group")
# Terms are kept verbatim: spaces inside a term matter.
TERMS = ListOf(Text(strip=False), unique=True)
TOPIC = Record(
    (
        Field("id", Id(RESERVED_TOPIC_IDS)),
        Field("group", Id()),
        Field("zh", Text()),
        Field("en", Text()),
        Field("scope_zh", Text()),
        Field("scope_en", Text()),
        Field("terms", TERMS),
        Field("exclude", TERMS, required=False),
    ),
    what="topic",
)
SCHEMA = Record((Field("groups", ListOf(GROUP, min=1)), Field("topics", ListOf(TOPIC, min=1))), what="the taxonomy")


def _topic(path: Path, entry: Entry, group_ids: set[str]) -> Topic:
    topic = Topic(**entry)
    if topic.group not in group_ids:
        raise InputError(path, f"topic {topic.id!r} names unknown group {topic.group!r}", entry.lines["group"])
    if not topic.terms:
        raise InputError(path, f"topic {topic.id!r} has no terms", entry.lines["terms"])
    for index, phrase in enumerate(topic.exclude):
        # An exclusion that contains no term can never cancel a hit: almost surely a typo.
        if not any(term in phrase for term in topic.terms):
            line = entry.nodes["exclude"].value[index].start_mark.line + 1
            raise InputError(path, f"exclude {phrase!r} of topic {topic.id!r} contains none of its terms", line)
    return topic


def load_taxonomy(path: Path | str) -> Taxonomy:
    """Read and validate topics.yml; any problem is an InputError naming the file and line."""
    path = Path(path)
    data = read_yaml(path, SCHEMA, "the taxonomy")
    groups: dict[str, Group] = {}
    for entry in data["groups"]:
        if entry["id"] in groups:
            raise InputError(path, f"duplicate group id {entry['id']!r}", entry.line)
        groups[entry["id"]] = Group(**entry)
    topics: dict[str, Topic] = {}
    for entry in data["topics"]:
        topic = _topic(path, entry, set(groups))
        if topic.id in topics:
            raise InputError(path, f"duplicate topic id {topic.id!r}", entry.line)
        topics[topic.id] = topic
    return Taxonomy(groups=tuple(groups.values()), topics=tuple(topics.values()))


# ---------------------------------------------------------------------------------------- tagging


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


def tag_edition(plans: Iterable[ParsedPlan], taxonomy: Taxonomy) -> TopicIndex:
    """Tag every block of every plan (headings, titles and box headers included: each is a block).

    The terms are Simplified: pass Traditional plans through their Simplified view
    (build_tools.enrich.bilingual.simplified_plans).
    """
    topic_ids = tuple(topic.id for topic in taxonomy.topics)
    block_topics: dict[str, tuple[str, ...]] = {}
    matches: dict[str, tuple[TopicMatch, ...]] = {}
    topic_blocks: dict[str, list[str]] = {topic_id: [] for topic_id in topic_ids}
    for block in (block for plan in plans for block in plan.blocks):
        found = tag_block(block.display, taxonomy)
        if found:
            matches[block.id] = found
            block_topics[block.id] = topics_of(found, taxonomy)
            for topic_id in block_topics[block.id]:
                topic_blocks[topic_id].append(block.id)
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
