"""The whole edition, gathered and finished before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from build_tools.model.across import PairRules, PlanPair, SharedIndex, VocabularyEntry
from build_tools.model.brief import PlanStatus, TargetLine, TopicBrief, TopicHighlight
from build_tools.model.document import Block, ParsedPlan
from build_tools.model.key_points import KeyPoints
from build_tools.model.source import EditionMeta
from build_tools.model.timeline import Target, TargetSeries, TargetWords, TimelineEntry
from build_tools.model.topics import Taxonomy, TopicIndex
from build_tools.model.translation import Bilingual, BlockMarks, SimplifiedView


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Edition:
    """Everything the renderers and exporters need, gathered before anything is written."""

    meta: EditionMeta
    plans: tuple[ParsedPlan, ...]
    """In time order (issue date, then id)."""
    bilingual: Bilingual
    """English and Traditional text of every block (build_tools.enrich.bilingual)."""
    taxonomy: Taxonomy
    """The industry topics (topics/topics.yml)."""
    topics: TopicIndex
    """Which blocks speak of which topic, with the matched terms (build_tools.enrich.topics)."""
    timeline: tuple[TimelineEntry, ...]
    """Dated statements of every plan (build_tools.enrich.timeline)."""
    targets: tuple[Target, ...]
    """Quantitative targets of every plan."""
    vocabulary: tuple[VocabularyEntry, ...]
    """Policy slogans, periods, documents and policy terms, with where they occur (build_tools.enrich.vocabulary)."""
    shared: SharedIndex
    """Clauses that reappear nearly verbatim in another plan (build_tools.enrich.similarity)."""
    pair_rules: PairRules
    """Which pairs of plans get a comparison page (across/compare.yml, read by build_tools.sources.across)."""
    target_words: TargetWords
    """English words for target units and qualifiers in briefings."""
    glossary_marks: Mapping[str, BlockMarks]
    """Block id -> its texts cut at glossary terms, for links to the glossary (build_tools.enrich.glossary_marks)."""
    site_url: str = ""
    """The published address (``site_url`` of mkdocs.yml, ending in ``/``), for citations; ``""`` when unset."""
    target_series: tuple[TargetSeries, ...] = ()
    """The comparable target series the targets page charts (across/target_series.yml)."""
    search_stopwords: frozenset[str] = frozenset()
    """English words the site's search leaves out (build_tools/search/stopwords.yml, read at load)."""
    # What every page, PDF, export and the search show, computed once by build_tools/enrich/finish.py before
    # anything is written; render, export, search and outputs only read it (empty until finished).
    statuses: Mapping[str, PlanStatus] = field(default_factory=_empty)
    """Plan id -> its standing on the edition date (build_tools.enrich.plan_status)."""
    pairs: tuple[PlanPair, ...] = ()
    """The pairs of plans that get a comparison page, in edition order (build_tools.enrich.compare)."""
    briefs: Mapping[str, TopicBrief] = field(default_factory=_empty)
    """Topic id -> its brief: plans, targets, years, ranked paragraphs (build_tools.enrich.topic_brief)."""
    highlights: Mapping[tuple[str, str], TopicHighlight] = field(default_factory=_empty)
    """(topic id, block id) -> the topic's words in that tagged block (build_tools.enrich.highlights)."""
    target_lines: Mapping[Target, TargetLine] = field(default_factory=_empty)
    """Each target -> its row in English and Chinese (metric, amount, qualifier), as briefings and comparison
    pages print it (build_tools.enrich.topic_brief.target_line)."""
    key_points: Mapping[str, KeyPoints] = field(default_factory=lambda: MappingProxyType({}))
    """Plan id -> its key points (translations/key_points/), for the plans that have them."""

    def plan(self, plan_id: str) -> ParsedPlan:
        return self._plans_by_id[plan_id]

    @cached_property
    def _plans_by_id(self) -> dict[str, ParsedPlan]:
        return {plan.meta.id: plan for plan in self.plans}

    @cached_property
    def _blocks_by_id(self) -> dict[str, Block]:
        return {block.id: block for plan in self.plans for block in plan.blocks}

    def block(self, block_id: str) -> Block:
        return self._blocks_by_id[block_id]

    def snippet(self, entry: TimelineEntry | Target) -> str:
        """The sentence a timeline entry or target quotes, as printed: a slice of its block's ``zh``. Entries
        hold offsets, not copies, so what enrich holds grows with the text, not with entries × sentence."""
        if not entry.block_id:
            return ""
        return self.block(entry.block_id).zh[entry.snippet_start : entry.snippet_end]

    def plans_of_period(self, years: tuple[int, int]) -> tuple[ParsedPlan, ...]:
        """Plans whose own period overlaps ``years`` (a five-year-plan period) by at least two years."""
        return tuple(
            plan
            for plan in self.plans
            if min(plan.meta.period[1], years[1]) - max(plan.meta.period[0], years[0]) + 1 >= 2
        )

    @cached_property
    def hans(self) -> SimplifiedView:
        """The Simplified view of the blocks printed in Traditional: what topics, timeline and targets read."""
        return SimplifiedView.of(self.plans, self.bilingual)

    @cached_property
    def block_parts(self) -> Mapping[str, str]:
        """Block id -> the slug of the part of its plan it stands in (its page: build_tools/present/urls.py)."""
        return MappingProxyType(
            {block_id: part.slug for plan in self.plans for part in plan.parts for block_id in part.block_ids}
        )

    @cached_property
    def part_positions(self) -> Mapping[str, tuple[int, int]]:
        """Block id -> (its 0-based position in its part, the blocks of that part): what decides its page
        (present/urls.py ``block_page_slug``)."""
        return MappingProxyType(
            {
                block_id: (position, len(part.block_ids))
                for plan in self.plans
                for part in plan.parts
                for position, block_id in enumerate(part.block_ids)
            }
        )

    @cached_property
    def plan_targets(self) -> Mapping[str, tuple[Target, ...]]:
        """Plan id -> its targets, in edition order (every plan has an entry)."""
        found: dict[str, list[Target]] = {plan.meta.id: [] for plan in self.plans}
        for target in self.targets:
            found[target.plan_id].append(target)
        return MappingProxyType({plan_id: tuple(targets) for plan_id, targets in found.items()})

    @cached_property
    def block_years(self) -> Mapping[str, tuple[int, ...]]:
        """Block id -> the years its dated statements cover (one pass over the timeline)."""
        years: dict[str, set[int]] = {}
        for entry in self.timeline:
            if entry.block_id:
                years.setdefault(entry.block_id, set()).update(range(entry.year, entry.end_year + 1))
        return MappingProxyType({block_id: tuple(sorted(found)) for block_id, found in years.items()})
