"""A topic briefing: the plans that speak of a topic, their targets, and their paragraphs ranked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from build_tools.model.document import Block, ParsedPlan
from build_tools.model.topics import Topic

DENSE = 1.5
"""Hits per 100 characters from which a paragraph counts as about the topic."""


@dataclass(frozen=True)
class PlanStatus:
    key: Literal["in-force", "expired", "not-yet", "draft", "internal"]
    """``in-force``, ``expired``, ``not-yet``, ``draft`` or ``internal``."""
    zh: str
    """Short Chinese label, e.g. ``已到期``."""
    en: str
    """Short English label, e.g. ``Expired``."""
    note_zh: str
    """What the label rests on, e.g. ``规划期至2020年``."""
    note_en: str
    """How a page words it: build_tools/present/labels.py (status_line)."""


Offsets = tuple[int, int]
"""Start and end offsets in a text."""


@dataclass(frozen=True)
class TopicHighlight:
    """Where one topic's words stand in one block: the one highlighting rule (build_tools/enrich/highlights.py),
    read by the topic page and the topic briefing alike, so the two cannot disagree."""

    zh: tuple[Offsets, ...]
    """The topic's matched terms in the block's text as printed; the same offsets hold in the other script
    (the conversion keeps one character for one; a page shows the other script unmarked if it does not)."""
    en: tuple[Offsets, ...]
    """The English words of those terms (glossary renderings, the topic's name) in the block's English."""


@dataclass(frozen=True)
class BriefPlan:
    plan: ParsedPlan
    status: PlanStatus
    paragraphs: int
    """The plan's paragraphs (headings not counted) tagged with the topic."""


@dataclass(frozen=True)
class TargetLine:
    """One row of a briefing's targets table, in Chinese and English."""

    plan_id: str
    block_id: str
    year: int
    metric_zh: str
    metric_en: str
    """The English clause that states the target (from the paragraph's translation), ``""`` if not found."""
    value_zh: str
    """The quantity as printed, without its qualifier: ``2万台``."""
    value_en: str
    """The same in English words and figures: ``20,000 units``."""
    qualifier_zh: str
    qualifier_en: str


@dataclass(frozen=True)
class Relevance:
    """How much a tagged paragraph is about the topic (see the module docstring)."""

    block: Block
    hits: int
    density: float
    """Hits per 100 characters."""
    heading: bool
    """A heading above the paragraph names the topic."""
    lead: bool
    """The paragraph opens with the topic."""

    @property
    def score(self) -> float:
        return 3 * self.heading + 2 * self.lead + self.density

    @property
    def substantive(self) -> bool:
        return self.heading or self.lead or self.density >= DENSE


@dataclass(frozen=True)
class TopicBrief:
    topic: Topic
    plans: tuple[BriefPlan, ...]
    """Plans (edition order) with at least one tagged block."""
    paragraphs: int
    targets: tuple[TargetLine, ...]
    years: tuple[int, ...]
    """Years the topic's paragraphs speak of (timeline entries of their blocks), ascending."""
    excerpts: tuple[Relevance, ...]
    """Substantive paragraphs, best score first (ties in edition order)."""
    mentions: tuple[Relevance, ...]
    """Passing mentions and headings not shown above an excerpt, in edition order."""

    @property
    def scope_zh(self) -> str:
        """The scope's first sentence: what the topic is (the rest are the tagger's inclusion rules)."""
        return first_sentence(self.topic.scope_zh)

    @property
    def scope_en(self) -> str:
        return first_sentence(self.topic.scope_en)


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?(?:。|\.(?=\s|$)))", text)
    return match.group(1) if match else text
