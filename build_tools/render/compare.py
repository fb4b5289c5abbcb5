"""Contexts for the comparison pages: two plans topic by topic, paragraphs side by side."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_tools.model import Block, Edition, ParsedPlan, PlanPair, Target, Topic
from build_tools.present import urls

EXCERPT = 36
"""Characters of a paragraph shown on a comparison page (the paragraph link gives the rest)."""
EXCERPT_EN = 72
"""Characters of its English: about as much text as the Chinese excerpt, cut at a word."""


@dataclass(frozen=True)
class SideBlock:
    block: Block
    short_id: str
    href: str
    """``@/``-prefixed link to the paragraph."""
    excerpt: str
    heading: bool
    excerpt_en: str = ""
    """The start of the block's English, ``""`` while untranslated."""


@dataclass(frozen=True)
class SideTarget:
    year: int
    metric: str
    text: str
    href: str
    metric_en: str = ""
    value_en: str = ""


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


def _excerpt_en(text: str) -> str:
    """The English cut at the last word boundary before EXCERPT_EN characters."""
    if len(text) <= EXCERPT_EN:
        return text
    return text[:EXCERPT_EN].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _side_block(edition: Edition, block: Block) -> SideBlock:
    return SideBlock(
        block,
        block.id.split("/", 1)[1],
        urls.block_site_link(edition, block.id),
        _excerpt(edition.bilingual.blocks[block.id].zh_hans),
        block.kind in ("heading", "box"),
        _excerpt_en(edition.bilingual.blocks[block.id].en),
    )


def side(edition: Edition, plan: ParsedPlan, topic: Topic, targets: tuple[Target, ...] | None = None) -> Side:
    """The plan's paragraphs on the topic; ``targets``: the plan's own (all of the edition's when not given)."""
    wanted = set(edition.topics.blocks_of(topic.id))
    rows: list[SideBlock] = []
    paragraphs = 0
    if wanted.intersection(block.id for block in plan.blocks):
        by_id = {block.id: block for block in plan.blocks}
        shown_sections: set[str] = set()
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
    shown_targets = tuple(
        _side_target(edition, target)
        for target in (edition.targets if targets is None else targets)
        if target.plan_id == plan.meta.id and target.block_id in wanted
    )
    return Side(plan, tuple(rows), paragraphs, shown_targets)


def _side_target(edition: Edition, target: Target) -> SideTarget:
    line = edition.target_lines[target]  # the briefing's English of the metric and the amount
    href = urls.block_site_link(edition, target.block_id)
    return SideTarget(target.year, target.metric, target.text, href, line.metric_en, line.value_en)


def facts(edition: Edition, plan: ParsedPlan) -> PlanFacts:
    return PlanFacts(
        plan,
        dict(sorted(Counter(block.kind for block in plan.blocks).items())),
        sum(len("".join(block.display.split())) for block in plan.blocks),
        len(edition.plan_targets[plan.meta.id]),
    )


def compare_page(edition: Edition, pair: PlanPair) -> ComparePage:
    rows = []
    left_targets, right_targets = edition.plan_targets[pair.left.meta.id], edition.plan_targets[pair.right.meta.id]
    for topic in edition.taxonomy.topics:
        left = side(edition, pair.left, topic, left_targets)
        right = side(edition, pair.right, topic, right_targets)
        if left.blocks or right.blocks:
            rows.append(TopicRow(topic, left, right))
    shared = edition.shared.pair_counts.get((pair.left.meta.id, pair.right.meta.id), 0)
    return ComparePage(pair, (facts(edition, pair.left), facts(edition, pair.right)), tuple(rows), shared)
