"""The typed document model: one immutable dataclass per stage, no field left to fill later.

Stages: SourceText (loaded) -> ParsedPlan (parsed) -> the enrichment results
(see build_tools.enrich) -> Edition (everything the renderers need).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_tools.enrich.bilingual import Bilingual
    from build_tools.enrich.compare import PairRules
    from build_tools.enrich.glossary_marks import BlockMarks
    from build_tools.enrich.similarity import SharedIndex
    from build_tools.enrich.timeline import Target, TimelineEntry
    from build_tools.enrich.topics import Taxonomy, TopicIndex
    from build_tools.enrich.vocabulary import VocabularyEntry


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the normalized source text."""

    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """A received text as read from disk, decoded and normalized (visible text untouched)."""

    path: Path
    """Where the text was read from."""
    encoding: str
    """The detected encoding, e.g. ``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``."""
    sha256: str
    """Hash of the raw bytes, so an export can prove which file it came from."""
    text: str
    """The decoded text with line ends unified to LF and invisible characters removed."""
    removed_invisible: int
    """How many invisible characters (zero-width, BOM, stray controls) normalization removed."""
    script: str = "hans"
    """``hans`` or ``hant``: the script the text is written in (kept; the other is derived by OpenCC)."""


@dataclass(frozen=True)
class PlanMeta:
    """What cannot be inferred from a plan's text: read from ``meta.yml``."""

    id: str
    """Permanent, readable plan id: the folder name, e.g. ``guangdong-machinery-2005``."""
    title_zh: str
    """The plan's title as printed in the source (Simplified Chinese)."""
    title_en: str
    """English title."""
    issuer_zh: str
    """Issuing body, Chinese."""
    issuer_en: str
    """Issuing body, English."""
    date: str
    """Issue date as ISO text, to the known precision: ``2017-09-29``, ``2021-04`` or ``2005``."""
    date_precision: str
    """``day``, ``month`` or ``year``: derived from ``date``."""
    period: tuple[int, int]
    """First and last year the plan covers."""
    status: str
    """``issued``, ``draft`` or ``internal``."""
    doc_type: str
    """``plan``, ``action-plan`` or ``outline``."""
    region_zh: str
    """Province or 全国, Chinese."""
    region_en: str
    """Province or ``National``, English."""
    summary_en: str
    """A short English summary written by the editors."""
    summary_zh: str
    """A short Chinese summary written by the editors."""
    source_file: str
    """The file name the text was received as (from shared/source_texts)."""
    notes_en: tuple[str, ...] = ()
    """Editorial notes on the source (typos kept, missing title line, …)."""
    horizon: int = 0
    """A long-range target year beyond the period (e.g. 2035), 0 when none."""


BLOCK_KINDS = ("title", "heading", "paragraph", "list_item", "box")
ZONES = ("front", "title", "notice", "body", "back")


@dataclass(frozen=True)
class Block:
    """One citable unit of a plan: a heading, paragraph, list item, box header or title line."""

    id: str
    """Permanent id, ``<plan-id>/<section>/p<n>`` for text, ``<plan-id>/<section>`` for headings."""
    kind: str
    """One of BLOCK_KINDS."""
    level: int
    """Heading depth (1 = top level) for headings and boxes; depth of the enclosing section otherwise."""
    label: str
    """Numbering exactly as in the source (``第一章``, ``一、``, ``（一）``, ``(三)``, ``1.``, ``--``), or ``""``."""
    zh: str
    """The source text of the block without its label, exactly as received (line breaks joined)."""
    hash: str
    """First 16 hex digits of the SHA-256 of label + text: changes exactly when the text changes."""
    zone: str
    """Where the block stands: one of ZONES."""
    section: str
    """Id of the nearest heading (or zone) the block belongs to."""
    part: int
    """Index of the page ("part") the block is rendered on: 0 is the opening part."""
    box: str
    """Id of the 专栏 box the block is in, ``""`` outside boxes."""
    line: int
    """1-based line of the source where the block starts."""
    spans: tuple[Span, ...]
    """Source ranges that make up label and text, in order: the fidelity proof."""

    @property
    def anchor(self) -> str:
        """HTML anchor: the id without the plan id, dots and slashes made dashes."""
        return self.id.split("/", 1)[1].replace("/", "-").replace(".", "-")

    @property
    def display(self) -> str:
        """Label and text as a reader sees them."""
        return f"{self.label}{self.zh}" if self.label else self.zh


@dataclass(frozen=True)
class Dropped:
    """Source text deliberately left out of the blocks, with the reason."""

    text: str
    line: int
    reason: str
    span: Span


@dataclass(frozen=True)
class Part:
    """One page of a plan's text: the opening part or one top-level section."""

    index: int
    slug: str
    """File name stem of the page, e.g. ``part-02``."""
    title_zh: str
    block_ids: tuple[str, ...]


@dataclass(frozen=True)
class ParsedPlan:
    """A plan after parsing: metadata, blocks in reading order, what was dropped and why."""

    meta: PlanMeta
    source: SourceText
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    parts: tuple[Part, ...]
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class EditionMeta:
    """The edition as a whole, from ``source_texts/edition.yml``."""

    title_zh: str
    title_en: str
    edition_date: str


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
    """Which pairs of plans get a comparison page (build_tools.enrich.compare)."""
    glossary_marks: Mapping[str, BlockMarks]
    """Block id -> its texts cut at glossary terms, for links to the glossary (build_tools.enrich.glossary_marks)."""
    site_url: str = ""
    """The published address (``site_url`` of mkdocs.yml, ending in ``/``), for citations; ``""`` when unset."""

    def plan(self, plan_id: str) -> ParsedPlan:
        return next(plan for plan in self.plans if plan.meta.id == plan_id)

    @cached_property
    def _blocks_by_id(self) -> dict[str, Block]:
        return {block.id: block for plan in self.plans for block in plan.blocks}

    def block(self, block_id: str) -> Block:
        return self._blocks_by_id[block_id]

    @cached_property
    def block_pages(self) -> dict[str, str]:
        """Block id -> the docs/-relative path of the page it is on (``plans/<plan>/<part>.md``)."""
        return {
            block_id: f"plans/{plan.meta.id}/{part.slug}.md"
            for plan in self.plans
            for part in plan.parts
            for block_id in part.block_ids
        }

    @cached_property
    def block_years(self) -> dict[str, tuple[int, ...]]:
        """Block id -> the years its dated statements cover (one pass over the timeline)."""
        years: dict[str, set[int]] = {}
        for entry in self.timeline:
            if entry.block_id:
                years.setdefault(entry.block_id, set()).update(range(entry.year, entry.end_year + 1))
        return {block_id: tuple(sorted(found)) for block_id, found in years.items()}
