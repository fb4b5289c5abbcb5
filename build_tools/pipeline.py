"""The pipeline, one direction: load -> parse -> enrich -> render -> export -> mkdocs build.

Everything is gathered into one Edition before anything is written (as MkDocs' own build does).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from build_tools.core import cache, incremental
from build_tools.core.cache import Reuse, edition_key, enrich_cache, inputs_key, output_cache, plan_key, text_key
from build_tools.core.config import BuildConfig
from build_tools.core.errors import InputError
from build_tools.core.parallel import shared_with_workers
from build_tools.core.progress import Progress, quiet
from build_tools.core.write import remove_unwritten
from build_tools.enrich import similarity, vocabulary
from build_tools.enrich.finish import finish
from build_tools.enrich.glossary_marks import expand_marks
from build_tools.enrich.per_plan import PlanContext, PlanEnrichment, enrich_plan, load_plan
from build_tools.enrich.shared_rows import pack_shared, unpack_shared
from build_tools.enrich.topics import index_topics
from build_tools.export.data import write_exports
from build_tools.model import (
    Bilingual,
    Edition,
    EditionMeta,
    HantSettings,
    PairRules,
    ParsedPlan,
    SimilarityRules,
    SimplifiedView,
    TargetEnglish,
    TargetSeries,
    TargetWords,
    Taxonomy,
    Term,
    VocabularyRules,
)
from build_tools.model.key_points import KeyPoints
from build_tools.pdf.downloads import build_downloads
from build_tools.present import labels
from build_tools.present.downloads import no_downloads, planned_downloads
from build_tools.render.pages import render_site_pages
from build_tools.search import write_search_index
from build_tools.site.mkdocs_build import mkdocs_build
from build_tools.site.offline import build_offline_bundle, dist_dir
from build_tools.sources.across import (
    load_pair_rules,
    load_similarity_rules,
    load_target_series,
    load_vocabulary_rules,
)
from build_tools.sources.discover import plan_folders
from build_tools.sources.edition import check_edition_date, load_edition_meta
from build_tools.sources.glossary import load_glossary
from build_tools.sources.key_points import KeyPointsFile, checked_key_points, read_key_points
from build_tools.sources.search_words import load_stopwords
from build_tools.sources.site_address import read_site_url
from build_tools.sources.target_english import load_target_english, load_target_words
from build_tools.sources.topics import load_taxonomy
from build_tools.sources.traditional import load_hant_settings
from build_tools.translation.hant import HantConverter, hant_converter
from build_tools.translation.store import po_path

Result = TypeVar("Result")


@dataclass(frozen=True)
class GenerateResult:
    edition: Edition
    written: tuple[str, ...]
    warnings: tuple[str, ...]
    rendered: tuple[str, ...] = ()
    """The docs/ files made afresh by this run (the rest of ``written`` was reused: build_tools.core.cache.Reuse)."""


def load_and_parse(config: BuildConfig, progress: Progress = quiet) -> list[ParsedPlan]:
    """Every plan folder loaded and parsed, in one process (the build parses in workers, with each plan's
    own enrichment: see ``assemble``)."""
    plans = []
    seen: dict[str, Path] = {}
    folders = plan_folders(config.sources)
    progress(f"load and parse {len(folders)} plans")
    for folder in folders:
        plan = load_plan(folder)
        _claim_source(seen, plan.meta.source_file, folder)
        plans.append(plan)
    return plans


def _claim_source(seen: dict[str, Path], source_file: str, folder: Path) -> None:
    if source_file in seen:
        raise InputError(folder / "meta.yml", f"source_file {source_file!r} is also claimed by {seen[source_file]}")
    seen[source_file] = folder


@dataclass(frozen=True)
class Inputs:
    """Every input file besides the plans and their translations, read (by build_tools.sources) and checked."""

    edition: EditionMeta
    glossary: tuple[Term, ...]
    hant: HantSettings
    taxonomy: Taxonomy
    target_english: TargetEnglish
    target_words: TargetWords
    vocabulary: VocabularyRules
    similarity: SimilarityRules
    pairs: PairRules
    target_series: tuple[TargetSeries, ...]
    site_url: str
    converter: HantConverter
    """The Traditional converter the settings name (OpenCC reads its configuration here)."""
    key_points: Mapping[str, KeyPointsFile]
    """Plan id -> its key points file as read; the paragraphs they cite are checked once the plans are parsed."""
    stopwords: frozenset[str]


def load_inputs(config: BuildConfig, plan_ids: Iterable[str] = ()) -> Inputs:
    """Read every input the later stages need: they receive data, never paths (and open no file)."""
    glossary = load_glossary(config.glossary)
    hant = load_hant_settings(config.translations / "traditional.yml")
    return Inputs(
        edition=load_edition_meta(config.sources),
        glossary=glossary,
        hant=hant,
        taxonomy=load_taxonomy(config.topics),
        target_english=load_target_english(config.translations / "en" / "targets.yml"),
        target_words=load_target_words(config.target_words),
        vocabulary=load_vocabulary_rules(config.across / "vocabulary.yml"),
        similarity=load_similarity_rules(config.across / "similarity.yml"),
        pairs=load_pair_rules(config.across / "compare.yml"),
        target_series=load_target_series(config.across / "target_series.yml"),
        site_url=read_site_url(config.mkdocs_config),
        converter=hant_converter(hant, glossary),
        key_points=MappingProxyType(read_key_points(config.translations / "key_points", plan_ids)),
        stopwords=load_stopwords(config.stopwords),
    )


def assemble(config: BuildConfig, progress: Progress = quiet) -> Edition:
    """Load, parse and enrich: the whole edition in memory."""
    return _assemble(config, progress)[0]


def _pickled_plan(folder: Path, context: PlanContext) -> bytes:
    """Worker: one plan's own work, pickled once here (the bytes go to the cache and to the pipeline)."""
    return pickle.dumps(enrich_plan(folder, context), protocol=pickle.HIGHEST_PROTOCOL)


def _plan_results(
    config: BuildConfig, folders: list[Path], context: PlanContext, inputs_key: str, progress: Progress
) -> list[PlanEnrichment]:
    """Each plan folder's own work, from the cache or made on every core (results in folder order)."""
    stored = enrich_cache(config)
    keys = [
        plan_key(inputs_key, text_key(folder), po_path(config.translations, "en", folder.name)) for folder in folders
    ]
    progress(f"load and parse {len(folders)} plans, each with its own enrichment, on every core or from the cache")
    found: list[PlanEnrichment | None] = [stored.load(key) for key in keys]
    todo = [index for index, result in enumerate(found) if result is None]
    made = shared_with_workers(_pickled_plan, [folders[index] for index in todo], (context,))
    for index, data in zip(todo, made, strict=True):
        stored.write(keys[index], data)
        found[index] = pickle.loads(data)
    return [result for result in found if result is not None]


def _across_plans(config: BuildConfig, key: str, make: Callable[[], Result]) -> Result:
    """A step over every plan's text, from the cache when no plan's text changed."""
    stored = enrich_cache(config)
    found = stored.load(key)
    if found is None:
        # Read back as a later build will read it: the objects shared inside it, which the hash of a page made
        # from it sees (build_tools.core.cache.Reuse), are then the same in this build and the next.
        found = pickle.loads(stored.store(key, make()))
    return found


def _assemble(config: BuildConfig, progress: Progress, reuse: Reuse | None = None) -> tuple[Edition, Inputs]:
    folders = plan_folders(config.sources)
    inputs = load_inputs(config, [folder.name for folder in folders])
    converter = inputs.converter
    context = PlanContext(config.translations, inputs.glossary, converter, inputs.taxonomy, inputs.target_english)
    key = inputs_key(config, inputs.hant.path)
    results = _plan_results(config, folders, context, key, progress)
    seen: dict[str, Path] = {}
    for folder, result in zip(folders, results, strict=True):
        _claim_source(seen, result.plan.meta.source_file, folder)
    check_edition_date(config.sources, inputs.edition, (result.plan.meta for result in results))
    # In time order: issue date, then id.
    order = sorted(range(len(results)), key=lambda index: (results[index].plan.meta.date, results[index].plan.meta.id))
    results = [results[index] for index in order]
    texts = [text_key(folders[index]) for index in order]
    plans = [result.plan for result in results]
    progress("enrich: each plan's own translations, topics, targets, timeline, glossary terms joined")
    glossary = inputs.glossary
    blocks = {
        block.id: text for result in results for block, text in zip(result.plan.blocks, result.texts, strict=True)
    }
    warnings = tuple(warning for result in results for warning in result.translation_warnings)
    bilingual = Bilingual(MappingProxyType(blocks), converter.config, glossary, warnings)
    hits = (
        (block.id, found)
        for result in results
        for block, found in zip(result.plan.blocks, result.topic_hits, strict=True)
    )
    topics = index_topics(hits, inputs.taxonomy)
    glossary_marks = {
        block.id: expand_marks(spans, blocks[block.id], glossary)
        for result in results
        for block, spans in zip(result.plan.blocks, result.marks, strict=True)
    }
    hans = SimplifiedView.of(plans, bilingual)
    progress("enrich: policy vocabulary")
    found_vocabulary = _across_plans(
        config,
        edition_key(key, texts, "vocabulary"),
        lambda: vocabulary.find_vocabulary(plans, glossary, inputs.vocabulary, hans),
    )
    progress("enrich: shared wording")
    shared = _across_plans(
        config,
        edition_key(key, texts, "shared wording"),
        lambda: pack_shared(similarity.find_shared(plans, inputs.similarity, hans)),
    )
    edition = Edition(
        meta=inputs.edition,
        plans=tuple(plans),
        bilingual=bilingual,
        taxonomy=inputs.taxonomy,
        topics=topics,
        timeline=tuple(entry for result in results for entry in result.timeline),
        targets=tuple(target for result in results for target in result.targets),
        site_url=inputs.site_url,
        vocabulary=found_vocabulary,
        shared=unpack_shared(shared),
        pair_rules=inputs.pairs,
        target_words=inputs.target_words,
        target_series=inputs.target_series,
        glossary_marks=glossary_marks,
        key_points=MappingProxyType(_key_points(inputs, plans)),
        search_stopwords=inputs.stopwords,
    )
    if reuse is not None:
        # What these two were found from is known already: hashing them again would cost what exporting does.
        reuse.code = key
        reuse.know(found_vocabulary, edition_key(key, texts, "vocabulary"))
        reuse.know(edition.shared, edition_key(key, texts, "shared wording"))
    progress("enrich: finish the edition (standings, compared pairs, topic briefs, highlights)")
    return finish(edition), inputs


def _key_points(inputs: Inputs, plans: list[ParsedPlan]) -> dict[str, KeyPoints]:
    """Each plan's key points (translations/key_points/, read at load), checked against its parsed paragraphs."""
    return {
        plan.meta.id: checked_key_points(inputs.key_points[plan.meta.id], plan)
        for plan in plans
        if plan.meta.id in inputs.key_points
    }


def generate(
    config: BuildConfig, progress: Progress = quiet, pdfs: bool = False, offline: bool = False
) -> GenerateResult:
    """Write the generated Markdown pages and data files into docs/ (and the PDFs, when asked)."""
    reuse = Reuse(output_cache(config), once=(ParsedPlan,))
    edition, inputs = _assemble(config, progress, reuse)
    # Pages link to the PDFs by name, known before any is built; the PDFs come last.
    downloads = planned_downloads(edition) if pdfs else no_downloads(edition, offline)
    progress("render pages")
    for plan in edition.plans:  # hashed once here, before the workers fork: most pages show a plan or several
        reuse.remembered(plan)
    written = render_site_pages(edition, config.docs, downloads, progress, reuse)
    progress(f"render: {len(reuse.fresh)} of {len(written)} files rendered, the others reused")
    progress("export data")
    exported = write_exports(edition, config.docs, reuse)
    remove_unwritten(config.docs, written + exported)
    progress("search index")
    write_search_index(edition, config.docs, reuse)
    if pdfs:
        build_downloads(edition, config.docs, progress, config)
    cache.prune(config.cache, config.cache_limit)
    warnings = tuple(warning for plan in edition.plans for warning in plan.warnings) + edition.bilingual.warnings
    warnings += inputs.target_english.problems(edition.targets)
    warnings += labels.ambiguous_titles(plan.meta for plan in edition.plans)
    return GenerateResult(edition, tuple(written + exported), warnings, tuple(reuse.fresh))


def build(
    config: BuildConfig, progress: Progress = quiet, pdfs: bool = False, offline: bool = False, clean: bool = False
) -> GenerateResult | None:
    """The whole pipeline: generate, then build the site with MkDocs in strict mode.

    With ``pdfs``, also the PDFs (after the pages, before MkDocs copies them) and the offline bundle
    (the built site zipped: one MkDocs build serves both); with ``offline``, the offline bundle without
    the PDFs. Returns None when nothing changed since the last build (see incremental.py); ``clean``
    rebuilds everything all the same.
    """
    bundle = pdfs or offline
    watched = [config.docs, config.site]
    if bundle:
        watched += [dist_dir(config)]
    inputs = incremental.input_digest(config, [f"pdfs={pdfs}", f"offline={bundle}"])
    if not clean and incremental.pipeline_is_current(config, inputs, watched):
        progress("no input changed since the last build: site is up to date")
        return None
    result = generate(config, progress, pdfs=pdfs, offline=offline)
    mkdocs_build(config, progress, clean=clean)
    if bundle:
        # Zipped from the site just built, then served from its downloads/ (build_tools/site/offline.py).
        build_offline_bundle(config, result.edition.meta, progress)
    incremental.record_pipeline(config, inputs, watched)
    return result
