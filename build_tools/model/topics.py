"""The industry taxonomy (topics/topics.yml) and which blocks speak of which topic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


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
