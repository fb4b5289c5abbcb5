"""The pipeline, one direction: load -> parse -> enrich -> render -> export -> mkdocs build.

Everything is gathered into one Edition before anything is written (as MkDocs' own build does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from build_tools import incremental
from build_tools.config import BuildConfig
from build_tools.enrich import compare, similarity, vocabulary
from build_tools.enrich.bilingual import collect_bilingual, simplified_plans
from build_tools.enrich.targets import extract_targets
from build_tools.enrich.targets_en import load_target_english
from build_tools.enrich.timeline import extract_timeline
from build_tools.enrich.topics import load_taxonomy, tag_edition
from build_tools.errors import InputError
from build_tools.export.across import vocabulary_csv
from build_tools.export.data import blocks_csv, edition_json, targets_csv
from build_tools.mkdocs_build import mkdocs_build
from build_tools.model import Edition, ParsedPlan
from build_tools.outputs.downloads import build_downloads, no_downloads
from build_tools.outputs.offline import build_offline_bundle, dist_dir, offline_site_dir
from build_tools.parse.parser import parse_plan
from build_tools.render.pages import PageWriter, render_site_pages
from build_tools.render.stale import remove_stale_pages
from build_tools.search import write_search_index
from build_tools.site_address import read_site_url
from build_tools.sources.discover import plan_folders
from build_tools.sources.edition import load_edition_meta
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from build_tools.translation.glossary import load_glossary
from build_tools.translation.hant import load_converter

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class GenerateResult:
    edition: Edition
    written: tuple[str, ...]
    warnings: tuple[str, ...]


def load_and_parse(config: BuildConfig, progress: Progress = _quiet) -> list[ParsedPlan]:
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


def assemble(config: BuildConfig, progress: Progress = _quiet) -> Edition:
    """Load, parse and enrich: the whole edition in memory."""
    return enrich(config, load_and_parse(config, progress), progress)


def enrich(config: BuildConfig, plans: list[ParsedPlan], progress: Progress = _quiet) -> Edition:
    """Add translations, Traditional text, topics and timeline to parsed plans (put in time order)."""
    plans = sorted(plans, key=lambda plan: (plan.meta.date, plan.meta.id))
    progress("enrich: translations and Traditional text")
    glossary = load_glossary(config.glossary)
    converter = load_converter(config.translations / "traditional.yml", glossary)
    bilingual = collect_bilingual(plans, config.translations, converter, glossary)
    progress("enrich: industry topics")
    taxonomy = load_taxonomy(config.topics)
    simplified = simplified_plans(plans, bilingual)
    topics = tag_edition(simplified, taxonomy)
    progress("enrich: timeline and targets")
    english = load_target_english(config.translations / "en" / "targets.yml")
    targets = extract_targets(simplified, taxonomy, english)
    timeline = extract_timeline(simplified, targets)
    progress("enrich: policy vocabulary")
    found_vocabulary = vocabulary.find_vocabulary(
        simplified, glossary, vocabulary.load_rules(config.across / "vocabulary.yml")
    )
    progress("enrich: shared wording")
    shared = similarity.find_shared(simplified, similarity.load_rules(config.across / "similarity.yml"))
    return Edition(
        meta=load_edition_meta(config.sources),
        plans=tuple(plans),
        bilingual=bilingual,
        taxonomy=taxonomy,
        topics=topics,
        timeline=timeline,
        targets=targets,
        site_url=read_site_url(config.mkdocs_config),
        vocabulary=found_vocabulary,
        shared=shared,
        pair_rules=compare.load_rules(config.across / "compare.yml"),
    )


def generate(config: BuildConfig, progress: Progress = _quiet, pdfs: bool = False) -> GenerateResult:
    """Write the generated Markdown pages and data files into docs/ (and the PDFs, when asked)."""
    edition = assemble(config, progress)
    downloads = build_downloads(edition, config.docs, progress, config) if pdfs else no_downloads(edition)
    progress("render pages")
    written = render_site_pages(edition, config.docs, downloads)
    remove_stale_pages(config.docs, written)
    progress("export data")
    writer = PageWriter(config.docs, [])
    writer.write("data/edition.json", edition_json(edition))
    writer.write("data/blocks.csv", blocks_csv(edition))
    writer.write("data/targets.csv", targets_csv(edition))
    writer.write("data/vocabulary.csv", vocabulary_csv(edition))
    progress("search index")
    write_search_index(edition, config.docs)
    warnings = tuple(warning for plan in edition.plans for warning in plan.warnings) + edition.bilingual.warnings
    english = load_target_english(config.translations / "en" / "targets.yml")
    warnings += english.problems(edition.targets)
    return GenerateResult(edition, tuple(written + writer.written), warnings)


def build(
    config: BuildConfig,
    progress: Progress = _quiet,
    outputs: bool = False,
    offline: bool = False,
    clean: bool = False,
) -> GenerateResult | None:
    """The whole pipeline: generate, then build the site with MkDocs in strict mode.

    With ``outputs``, also the PDFs (before the site, which links to them) and the offline bundle;
    with ``offline``, the offline bundle without the PDFs. Returns None when nothing changed since the
    last build (see incremental.py); ``clean`` rebuilds everything all the same.
    """
    bundle = outputs or offline
    watched = [config.docs, config.site]
    if bundle:
        watched += [offline_site_dir(config), dist_dir(config)]
    inputs = incremental.input_digest(config, [f"outputs={outputs}", f"offline={bundle}"])
    if not clean and incremental.pipeline_is_current(config, inputs, watched):
        progress("no input changed since the last build: site is up to date")
        return None
    result = generate(config, progress, pdfs=outputs)
    mkdocs_build(config, progress, clean=clean)
    if bundle:
        build_offline_bundle(config, result.edition.meta, progress, clean=clean)
    incremental.record_pipeline(config, inputs, watched)
    return result
