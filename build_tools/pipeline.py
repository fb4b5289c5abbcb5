"""The pipeline, one direction: load -> parse -> enrich -> render -> export -> mkdocs build.

Everything is gathered into one Edition before anything is written (as MkDocs' own build does).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from build_tools import incremental
from build_tools.config import BuildConfig
from build_tools.enrich import similarity, vocabulary
from build_tools.enrich.bilingual import collect_bilingual
from build_tools.enrich.glossary_marks import mark_blocks
from build_tools.enrich.targets import extract_targets
from build_tools.enrich.timeline import extract_timeline
from build_tools.enrich.topics import tag_edition
from build_tools.errors import InputError
from build_tools.export.data import write_exports
from build_tools.mkdocs_build import mkdocs_build
from build_tools.model import (
    Edition,
    EditionMeta,
    HantSettings,
    PairRules,
    ParsedPlan,
    SimilarityRules,
    SimplifiedView,
    StoredTranslation,
    TargetEnglish,
    TargetWords,
    Taxonomy,
    Term,
    VocabularyRules,
)
from build_tools.outputs.downloads import build_downloads, publish_offline_bundle
from build_tools.outputs.offline import build_offline_bundle, dist_dir, offline_site_dir
from build_tools.parse.parser import parse_plan
from build_tools.present import labels
from build_tools.present.downloads import no_downloads, planned_downloads
from build_tools.progress import Progress, quiet
from build_tools.render.pages import render_site_pages
from build_tools.render.stale import remove_stale_pages
from build_tools.search import write_search_index
from build_tools.site_address import read_site_url
from build_tools.sources.across import load_pair_rules, load_similarity_rules, load_vocabulary_rules
from build_tools.sources.discover import plan_folders
from build_tools.sources.edition import load_edition_meta
from build_tools.sources.glossary import load_glossary
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from build_tools.sources.target_english import load_target_english, load_target_words
from build_tools.sources.topics import load_taxonomy
from build_tools.sources.traditional import load_hant_settings
from build_tools.translation.hant import hant_converter
from build_tools.translation.store import read_translations


@dataclass(frozen=True)
class GenerateResult:
    edition: Edition
    written: tuple[str, ...]
    warnings: tuple[str, ...]


def load_and_parse(config: BuildConfig, progress: Progress = quiet) -> list[ParsedPlan]:
    """Every plan folder loaded and parsed, in one process: a plan parses in tens of milliseconds, less
    than sending its parsed blocks back from a worker would cost (measured, see README)."""
    plans = []
    seen: dict[str, Path] = {}
    folders = plan_folders(config.sources)
    progress(f"load and parse {len(folders)} plans")
    for folder in folders:
        meta = load_meta(folder / "meta.yml", folder.name)
        if meta.source_file in seen:
            raise InputError(
                folder / "meta.yml", f"source_file {meta.source_file!r} is also claimed by {seen[meta.source_file]}"
            )
        seen[meta.source_file] = folder
        plans.append(parse_plan(meta, load_source(folder / "source.txt")))
    return plans


def assemble(config: BuildConfig, progress: Progress = quiet) -> Edition:
    """Load, parse and enrich: the whole edition in memory."""
    return enrich(config, load_and_parse(config, progress), progress)


@dataclass(frozen=True)
class Inputs:
    """Every input file besides the plans, read (by build_tools.sources and the translation store) and checked."""

    edition: EditionMeta
    glossary: tuple[Term, ...]
    hant: HantSettings
    taxonomy: Taxonomy
    translations: Mapping[str, StoredTranslation]
    """Block id -> what the PO store holds, for every block of the plans."""
    translation_warnings: tuple[str, ...]
    target_english: TargetEnglish
    target_words: TargetWords
    vocabulary: VocabularyRules
    similarity: SimilarityRules
    pairs: PairRules
    site_url: str


def load_inputs(config: BuildConfig, plans: list[ParsedPlan]) -> Inputs:
    """Read every input the enrichers need: they receive data, never paths."""
    warnings: list[str] = []
    stored = {}
    for plan in plans:
        stored.update(read_translations(plan, config.translations, warnings=warnings))
    return Inputs(
        edition=load_edition_meta(config.sources),
        glossary=load_glossary(config.glossary),
        hant=load_hant_settings(config.translations / "traditional.yml"),
        taxonomy=load_taxonomy(config.topics),
        translations=MappingProxyType(stored),
        translation_warnings=tuple(warnings),
        target_english=load_target_english(config.translations / "en" / "targets.yml"),
        target_words=load_target_words(config.target_words),
        vocabulary=load_vocabulary_rules(config.across / "vocabulary.yml"),
        similarity=load_similarity_rules(config.across / "similarity.yml"),
        pairs=load_pair_rules(config.across / "compare.yml"),
        site_url=read_site_url(config.mkdocs_config),
    )


def enrich(config: BuildConfig, plans: list[ParsedPlan], progress: Progress = quiet) -> Edition:
    """Add translations, Traditional text, topics and timeline to parsed plans (put in time order)."""
    plans = sorted(plans, key=lambda plan: (plan.meta.date, plan.meta.id))
    inputs = load_inputs(config, plans)
    progress("enrich: translations and Traditional text")
    converter = hant_converter(inputs.hant, inputs.glossary)
    bilingual = collect_bilingual(plans, inputs.translations, converter, inputs.glossary, inputs.translation_warnings)
    progress("enrich: industry topics")
    hans = SimplifiedView.of(plans, bilingual)
    topics = tag_edition(plans, inputs.taxonomy, hans)
    progress("enrich: timeline and targets")
    targets = extract_targets(plans, inputs.taxonomy, inputs.target_english, hans)
    timeline = extract_timeline(plans, targets, hans)
    progress("enrich: policy vocabulary")
    found_vocabulary = vocabulary.find_vocabulary(plans, inputs.glossary, inputs.vocabulary, hans)
    progress("enrich: shared wording")
    shared = similarity.find_shared(plans, inputs.similarity, hans)
    progress("enrich: glossary terms in the text")
    glossary_marks = mark_blocks(plans, bilingual)
    return Edition(
        meta=inputs.edition,
        plans=tuple(plans),
        bilingual=bilingual,
        taxonomy=inputs.taxonomy,
        topics=topics,
        timeline=timeline,
        targets=targets,
        site_url=inputs.site_url,
        vocabulary=found_vocabulary,
        shared=shared,
        pair_rules=inputs.pairs,
        target_words=inputs.target_words,
        glossary_marks=glossary_marks,
    )


def generate(
    config: BuildConfig, progress: Progress = quiet, pdfs: bool = False, offline: bool = False
) -> GenerateResult:
    """Write the generated Markdown pages and data files into docs/ (and the PDFs, when asked)."""
    edition = assemble(config, progress)
    # Pages link to the PDFs by name, known before any is built; the PDFs come last.
    downloads = planned_downloads(edition) if pdfs else no_downloads(edition, offline)
    progress("render pages")
    written = render_site_pages(edition, config.docs, downloads)
    remove_stale_pages(config.docs, written)
    progress("export data")
    exported = write_exports(edition, config.docs)
    progress("search index")
    write_search_index(edition, config.docs)
    if pdfs:
        build_downloads(edition, config.docs, progress, config)
    warnings = tuple(warning for plan in edition.plans for warning in plan.warnings) + edition.bilingual.warnings
    warnings += load_target_english(config.translations / "en" / "targets.yml").problems(edition.targets)
    warnings += labels.ambiguous_titles(plan.meta for plan in edition.plans)
    return GenerateResult(edition, tuple(written + exported), warnings)


def build(
    config: BuildConfig, progress: Progress = quiet, pdfs: bool = False, offline: bool = False, clean: bool = False
) -> GenerateResult | None:
    """The whole pipeline: generate, then build the site with MkDocs in strict mode.

    With ``pdfs``, also the PDFs (after the pages, before MkDocs copies them) and the offline bundle;
    with ``offline``, the offline bundle without the PDFs. Returns None when nothing changed since the
    last build (see incremental.py); ``clean`` rebuilds everything all the same.
    """
    bundle = pdfs or offline
    watched = [config.docs, config.site]
    if bundle:
        watched += [offline_site_dir(config), dist_dir(config)]
    inputs = incremental.input_digest(config, [f"pdfs={pdfs}", f"offline={bundle}"])
    if not clean and incremental.pipeline_is_current(config, inputs, watched):
        progress("no input changed since the last build: site is up to date")
        return None
    result = generate(config, progress, pdfs=pdfs, offline=offline)
    if bundle:
        # The bundle first: the online site serves it from downloads/ (its size filled in by the MkDocs hook).
        archive = build_offline_bundle(config, result.edition.meta, progress, clean=clean)
        publish_offline_bundle(archive, config.docs)
    mkdocs_build(config, progress, clean=clean)
    incremental.record_pipeline(config, inputs, watched)
    return result
