"""Contexts for the comparison pages: two plans topic by topic, paragraphs side by side."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_tools.model import Block, Edition, ParsedPlan, PlanPair, Topic
from build_tools.present import urls

EXCERPT = 90
"""Characters of a paragraph shown on a comparison page (the paragraph link gives the rest)."""


@dataclass(frozen=True)
class SideBlock:
    block: Block
    short_id: str
    href: str
    """``@/``-prefixed link to the paragraph."""
    excerpt: str
    heading: bool


@dataclass(frozen=True)
class SideTarget:
    year: int
    metric: str
    text: str
    href: str


@dataclass(frozen=True)
class Side:
    plan: ParsedPlan
    blocks: tuple[SideBlock, ...]
    """Headings that frame the topic's paragraphs, then the paragraphs, in reading order."""
    paragraphs: int
    targets: tuple[SideTarget, ...]


@dataclass(frozen=True)
class TopicRow:
    topic: Topic
    left: Side
    right: Side


@dataclass(frozen=True)
class PlanFacts:
    plan: ParsedPlan
    counts: dict[str, int]
    characters: int
    targets: int


@dataclass(frozen=True)
class ComparePage:
    pair: PlanPair
    facts: tuple[PlanFacts, PlanFacts]
    rows: tuple[TopicRow, ...]
    shared: int
    """Shared clauses between the two plans (listed on the shared-wording page)."""


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _side_block(edition: Edition, block: Block) -> SideBlock:
    return SideBlock(
        block,
        block.id.split("/", 1)[1],
        urls.block_site_link(edition, block.id),
        _excerpt(edition.bilingual.blocks[block.id].zh_hans),
        block.kind in ("heading", "box"),
    )


def side(edition: Edition, plan: ParsedPlan, topic: Topic) -> Side:
    wanted = set(edition.topics.blocks_of(topic.id))
    by_id = {block.id: block for block in plan.blocks}
    rows: list[SideBlock] = []
    shown_sections: set[str] = set()
    paragraphs = 0
    for block in plan.blocks:
        if block.id not in wanted:
            continue
        section = by_id.get(block.section)
        if block.kind not in ("heading", "box") and section and section.id not in shown_sections:
            shown_sections.add(section.id)
            rows.append(_side_block(edition, section))
        if block.kind in ("heading", "box"):
            shown_sections.add(block.id)
        else:
            paragraphs += 1
        rows.append(_side_block(edition, block))
    targets = tuple(
        SideTarget(
            target.year,
            target.metric,
            target.text,
            urls.block_site_link(edition, target.block_id),
        )
        for target in edition.targets
        if target.plan_id == plan.meta.id and target.block_id in wanted
    )
    return Side(plan, tuple(rows), paragraphs, targets)


def facts(edition: Edition, plan: ParsedPlan) -> PlanFacts:
    return PlanFacts(
        plan,
        dict(sorted(Counter(block.kind for block in plan.blocks).items())),
        sum(len("".join(block.display.split())) for block in plan.blocks),
        sum(1 for target in edition.targets if target.plan_id == plan.meta.id),
    )


def compare_page(edition: Edition, pair: PlanPair) -> ComparePage:
    rows = []
    for topic in edition.taxonomy.topics:
        left, right = side(edition, pair.left, topic), side(edition, pair.right, topic)
        if left.blocks or right.blocks:
            rows.append(TopicRow(topic, left, right))
    shared = sum(
        1
        for shared_pair in edition.shared.pairs
        if (shared_pair.left.plan_id, shared_pair.right.plan_id) == (pair.left.meta.id, pair.right.meta.id)
    )
    return ComparePage(pair, (facts(edition, pair.left), facts(edition, pair.right)), tuple(rows), shared)
