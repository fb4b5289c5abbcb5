"""Contexts for the topic index, one page per topic, and the plan × topic matrix."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import (
    Block,
    BlockText,
    BriefPlan,
    Edition,
    Group,
    Offsets,
    ParsedPlan,
    PlanMeta,
    TargetLine,
    Topic,
    TopicBrief,
    TopicHighlight,
)
from build_tools.present import urls
from build_tools.present.paging import (
    EXCERPTS_PER_PAGE,
    PLANS_PER_PAGE,
    VIEW_PLANS_UP_TO,
    PlanBatch,
    PlanGroup,
    plan_batches,
    plan_groups,
)
from build_tools.render.timeline import TargetRow, TimelineSvg, YearSection, target_rows, topic_timeline

NOT_TAGGED = TopicHighlight((), ())


@dataclass(frozen=True)
class Highlight:
    """A stretch of a block's text, ``mark`` when it is the matched term."""

    text: str
    mark: bool


@dataclass(frozen=True)
class Excerpt:
    block: Block
    text: BlockText
    segments: tuple[Highlight, ...]
    """The block's Chinese (label and text, in the source's script) cut at the matched terms, for highlighting."""
    segments_hans: tuple[Highlight, ...]
    segments_hant: tuple[Highlight, ...]
    """The same in Simplified and in Traditional characters (one of them is ``segments``), for the 简/繁 switch."""
    segments_en: tuple[Highlight, ...]
    """The English cut at the glossary renderings of the matched terms (nothing marked when none is found)."""
    page: str
    """Link from a topic page to the paragraph: ``../plans/<plan>/<part>.md#<anchor>``."""


@dataclass(frozen=True)
class PlanExcerpts:
    plan: ParsedPlan
    excerpts: tuple[Excerpt, ...]
    paragraphs: int
    """Of the excerpts, the paragraphs and list items, as the brief counts them (``BriefPlan.paragraphs``, the
    summary table's ¶); the rest are headings shown with them."""

    @property
    def headings(self) -> int:
        return len(self.excerpts) - self.paragraphs


@dataclass(frozen=True)
class TopicBatch:
    """A share of a large topic's plans on a page of its own, ``topics/<topic>/plans-<n>.md`` (present/paging.py)."""

    batch: PlanBatch
    plans: tuple[PlanExcerpts, ...]
    """The batch's plans that mention the topic, with their paragraphs."""
    brief_plans: tuple[BriefPlan, ...]
    """Their rows of the summary's plans table."""
    targets: tuple[TargetLine, ...]
    """The summary's targets stated in their paragraphs."""

    @property
    def path(self) -> str:
        return f"{self.batch.slug}.md"


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    group: Group
    plans: tuple[PlanExcerpts, ...]
    """Plans in time order that mention the topic."""
    block_count: int
    timeline: TimelineSvg | None
    """The topic's own small timeline (None when no tagged paragraph states a year)."""
    years: tuple[YearSection, ...]
    targets: tuple[TargetRow, ...]
    """Quantitative targets stated in the topic's paragraphs: listed first."""
    brief: TopicBrief
    """The summary shown first (the same as the briefing PDF's first page)."""
    brief_links: dict[str, str]
    """Block id -> link from the topic page, for the summary's targets."""
    hant_config: str
    """The OpenCC configuration of the Traditional view (named on the 繁體 button)."""
    batches: tuple[TopicBatch, ...] = ()
    """When the topic's plans do not fit one page: the pages that hold them (the topic page then lists one
    line per plan, with its anchor, and the batch pages hold the paragraphs, summary rows and targets)."""
    every_plan: tuple[BriefPlan, ...] = ()
    """Every plan of the edition in time order, a silent one with 0 paragraphs: a negative finding is read here."""
    metas: dict[str, PlanMeta] | None = None
    """Plan id -> its metadata, to name the plan of each target."""

    @property
    def silent(self) -> tuple[BriefPlan, ...]:
        """The plans with no paragraph on the topic."""
        speaking = {row.plan.meta.id for row in self.brief.plans}
        return tuple(row for row in self.every_plan if row.plan.meta.id not in speaking)

    def batch_of(self, plan_id: str) -> TopicBatch:
        return next(batch for batch in self.batches if any(p.plan.meta.id == plan_id for p in batch.plans))


@dataclass(frozen=True)
class TopicSummary:
    topic: Topic
    blocks: int
    plans: int


@dataclass(frozen=True)
class GroupSummary:
    group: Group
    topics: tuple[TopicSummary, ...]


@dataclass(frozen=True)
class MatrixRow:
    topic: Topic
    cells: tuple[tuple[int, str], ...]
    """Mentions (blocks) per column, and the anchor of the topic page's line they link to (the column's first
    plan that has any)."""


@dataclass(frozen=True)
class MatrixPage:
    plans: tuple[ParsedPlan, ...]
    columns: tuple[PlanGroup, ...]
    """One per plan, or beyond VIEW_PLANS_UP_TO plans one per plan period (present/paging.py)."""
    grouped: bool
    groups: tuple[tuple[Group, tuple[MatrixRow, ...]], ...]


def topic_page(edition: Edition, topic: Topic) -> TopicPage:
    wanted = set(edition.topics.blocks_of(topic.id))
    page = urls.topic_page(topic.id)
    brief = edition.briefs[topic.id]
    plans = _plan_excerpts(edition, brief, wanted, page)
    svg, years = topic_timeline(edition, topic.id)
    targets = target_rows(edition, tuple(t for t in edition.targets if topic.id in t.topics), page=page)
    links = {line.block_id: urls.block_link(edition, line.block_id, page) for line in brief.targets}
    group = edition.taxonomy.group(topic.group)
    hant_config = edition.bilingual.hant_config
    return TopicPage(
        topic,
        group,
        plans,
        len(wanted),
        svg,
        years,
        targets,
        brief,
        links,
        hant_config,
        _topic_batches(plans, brief),
        every_plan(edition, brief),
        {plan.meta.id: plan.meta for plan in edition.plans},
    )


def _plan_excerpts(edition: Edition, brief: TopicBrief, wanted: set[str], page: str) -> tuple[PlanExcerpts, ...]:
    """Per plan (in edition order), its paragraphs tagged with the topic; plans without any left out."""
    topic_id = brief.topic.id
    paragraphs = {row.plan.meta.id: row.paragraphs for row in brief.plans}
    plans = []
    for plan in edition.plans:
        excerpts = tuple(
            _excerpt(edition, block, topic_id, urls.block_link(edition, block.id, page))
            for block in plan.blocks
            if block.id in wanted
        )
        if excerpts:
            plans.append(PlanExcerpts(plan, excerpts, paragraphs.get(plan.meta.id, 0)))
    return tuple(plans)


def _topic_batches(plans: tuple[PlanExcerpts, ...], brief: TopicBrief) -> tuple[TopicBatch, ...]:
    """Beyond PLANS_PER_PAGE plans, the page's share pages: each batch's excerpts, brief rows and targets."""
    if len(plans) <= PLANS_PER_PAGE:
        return ()
    counts = {group.plan.meta.id: len(group.excerpts) for group in plans}
    return tuple(
        TopicBatch(
            batch,
            tuple(group for group in plans if group.plan.meta.id in ids),
            tuple(row for row in brief.plans if row.plan.meta.id in ids),
            tuple(line for line in brief.targets if line.plan_id in ids),
        )
        for batch in plan_batches([group.plan for group in plans], lambda p: counts[p.meta.id], EXCERPTS_PER_PAGE)
        for ids in [{plan.meta.id for plan in batch.plans}]
    )


def every_plan(edition: Edition, brief: TopicBrief) -> tuple[BriefPlan, ...]:
    """The brief's rows, and a row with 0 paragraphs for each plan it leaves out (silent on the topic)."""
    rows = {row.plan.meta.id: row for row in brief.plans}
    return tuple(
        rows.get(plan.meta.id) or BriefPlan(plan, edition.statuses[plan.meta.id], 0) for plan in edition.plans
    )


def _excerpt(edition: Edition, block: Block, topic_id: str, page: str) -> Excerpt:
    text = edition.bilingual.blocks[block.id]
    segments = highlighted(edition, block, topic_id)
    hans = recut(segments, f"{text.label_hans}{text.zh_hans}")
    hant = recut(segments, f"{text.label_hant}{text.zh_hant}")
    return Excerpt(block, text, segments, hans, hant, highlighted_en(edition, block, topic_id), page)


def recut(segments: tuple[Highlight, ...], other: str) -> tuple[Highlight, ...]:
    """``other`` (the text in the other script) cut where ``segments`` are cut.

    OpenCC's conversion keeps one character for one, so the same offsets mark the same terms; should
    a conversion ever change the length, the other script shows its text unmarked rather than marked wrong.
    """
    if sum(len(segment.text) for segment in segments) != len(other):
        return (Highlight(other, False),) if other else ()
    cut: list[Highlight] = []
    position = 0
    for segment in segments:
        cut.append(Highlight(other[position : position + len(segment.text)], segment.mark))
        position += len(segment.text)
    return tuple(cut)


def _cut(text: str, spans: tuple[Offsets, ...]) -> tuple[Highlight, ...]:
    """Text cut at ``spans`` (ascending, not overlapping), the spans marked."""
    segments: list[Highlight] = []
    position = 0
    for start, end in spans:
        if start > position:
            segments.append(Highlight(text[position:start], False))
        segments.append(Highlight(text[start:end], True))
        position = end
    if position < len(text):
        segments.append(Highlight(text[position:], False))
    return tuple(segments)


def _spans(edition: Edition, block: Block, topic_id: str) -> TopicHighlight:
    return edition.highlights.get((topic_id, block.id), NOT_TAGGED)


def highlighted(edition: Edition, block: Block, topic_id: str) -> tuple[Highlight, ...]:
    """The block's text cut so that this topic's matched terms are highlighted (build_tools/enrich/highlights.py)."""
    return _cut(block.display, _spans(edition, block, topic_id).zh)


def highlighted_en(edition: Edition, block: Block, topic_id: str) -> tuple[Highlight, ...]:
    """The English cut at the same rule's English words (the topic briefing marks the same ones)."""
    return _cut(edition.bilingual.blocks[block.id].en, _spans(edition, block, topic_id).en)


def topic_index(edition: Edition) -> tuple[GroupSummary, ...]:
    index = edition.topics
    return tuple(
        GroupSummary(
            group,
            tuple(
                TopicSummary(topic, index.block_counts[topic.id], index.plan_counts[topic.id])
                for topic in edition.taxonomy.topics_in(group.id)
            ),
        )
        for group in edition.taxonomy.groups
    )


def matrix(edition: Edition) -> MatrixPage:
    counts = edition.topics.plan_block_counts
    grouped = len(edition.plans) > VIEW_PLANS_UP_TO
    columns = (
        plan_groups(edition.plans)
        if grouped
        else tuple(PlanGroup(tuple(plan.meta.period), (plan,)) for plan in edition.plans)
    )

    def cell(topic: Topic, column: PlanGroup) -> tuple[int, str]:
        found = [(counts.get((topic.id, plan.meta.id), 0), plan.meta.id) for plan in column.plans]
        return sum(n for n, _ in found), next((plan_id for n, plan_id in found if n), "")

    return MatrixPage(
        plans=edition.plans,
        columns=columns,
        grouped=grouped,
        groups=tuple(
            (
                group,
                tuple(
                    MatrixRow(topic, tuple(cell(topic, column) for column in columns))
                    for topic in edition.taxonomy.topics_in(group.id)
                ),
            )
            for group in edition.taxonomy.groups
        ),
    )
