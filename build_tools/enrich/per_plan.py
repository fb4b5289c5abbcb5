"""One plan's own share of the work, apart from every other plan: load, parse and the enrich steps that
read one plan at a time (its English and Traditional text, topic hits, targets, timeline, glossary marks).

Computed in a worker process or read from the cache (build_tools/core/cache.py), so the result is
compact: the parsed plan and, per block in block order, what the steps found; glossary marks as
indexes into the glossary (``glossary_marks.MarkSpans``), not as copies of its terms. The pipeline
joins the plans' results in edition order (build_tools/pipeline.py); the steps that compare plans
(vocabulary, shared wording) run there, on the whole edition.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.enrich.bilingual import collect_bilingual
from build_tools.enrich.glossary_marks import MarkSpans, block_spans
from build_tools.enrich.targets import extract_targets
from build_tools.enrich.timeline import extract_timeline
from build_tools.enrich.topics import tag_block
from build_tools.model import (
    BlockText,
    ParsedPlan,
    SimplifiedView,
    Target,
    TargetEnglish,
    Taxonomy,
    Term,
    TimelineEntry,
    TopicMatch,
)
from build_tools.parse.parser import parse_plan
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from build_tools.translation.hant import HantConverter
from build_tools.translation.store import read_translations


@dataclass(frozen=True)
class PlanContext:
    """What every plan's work reads besides its own folder and PO file (read once, before the workers fork)."""

    translations: Path
    glossary: tuple[Term, ...]
    converter: HantConverter
    taxonomy: Taxonomy
    target_english: TargetEnglish


@dataclass(frozen=True)
class PlanEnrichment:
    plan: ParsedPlan
    translation_warnings: tuple[str, ...]
    """Problems of the plan's PO file that do not stop the build."""
    texts: tuple[BlockText, ...]
    """Per block, in block order: its English and Traditional text."""
    topic_hits: tuple[tuple[TopicMatch, ...], ...]
    """Per block: its topic hits (``topics.tag_block``)."""
    marks: tuple[MarkSpans, ...]
    """Per block: its glossary marks as glossary indexes."""
    targets: tuple[Target, ...]
    timeline: tuple[TimelineEntry, ...]


def load_plan(folder: Path) -> ParsedPlan:
    """One plan folder read (meta.yml, source.txt) and parsed."""
    return parse_plan(load_meta(folder / "meta.yml", folder.name), load_source(folder / "source.txt"))


def enrich_plan(folder: Path, context: PlanContext) -> PlanEnrichment:
    """Everything of one plan folder that depends on that plan alone."""
    plan = load_plan(folder)
    warnings: list[str] = []
    stored = read_translations(plan, context.translations, warnings=warnings)
    bilingual = collect_bilingual([plan], stored, context.converter, context.glossary)
    texts = tuple(bilingual.blocks[block.id] for block in plan.blocks)
    hans = SimplifiedView.of([plan], bilingual)
    targets = extract_targets([plan], context.taxonomy, context.target_english, hans)
    return PlanEnrichment(
        plan=plan,
        translation_warnings=tuple(warnings),
        texts=texts,
        topic_hits=tuple(tag_block(hans.display(block), context.taxonomy) for block in plan.blocks),
        marks=tuple(block_spans(block, text, context.glossary) for block, text in zip(plan.blocks, texts, strict=True)),
        targets=targets,
        timeline=extract_timeline([plan], targets, hans),
    )
