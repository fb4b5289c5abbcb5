"""The pipeline, one direction: load -> parse -> enrich -> render -> export -> mkdocs build.

Everything is gathered into one Edition before anything is written (as MkDocs' own build does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from build_tools.config import BuildConfig
from build_tools.enrich.bilingual import collect_bilingual, simplified_plans
from build_tools.enrich.timeline import extract_targets, extract_timeline
from build_tools.enrich.topics import load_taxonomy, tag_edition
from build_tools.errors import InputError
from build_tools.export.data import blocks_csv, edition_json, targets_csv
from build_tools.model import Edition, ParsedPlan
from build_tools.parse.parser import parse_plan
from build_tools.render.pages import PageWriter, render_site_pages
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
    plans = []
    seen: dict[str, Path] = {}
    for folder in plan_folders(config.sources):
        meta = load_meta(folder / "meta.yml", folder.name)
        if meta.source_file in seen:
            raise InputError(
                folder / "meta.yml", f"source_file {meta.source_file!r} is also claimed by {seen[meta.source_file]}"
            )
        seen[meta.source_file] = folder
        progress(f"parse {folder.name}")
        plans.append(parse_plan(meta, load_source(folder / "source.txt")))
    return plans


def assemble(config: BuildConfig, progress: Progress = _quiet) -> Edition:
    """Load, parse and enrich: the whole edition in memory."""
    plans = load_and_parse(config, progress)
    plans.sort(key=lambda plan: (plan.meta.date, plan.meta.id))
    progress("enrich: translations and Traditional text")
    glossary = load_glossary(config.glossary)
    converter = load_converter(config.translations / "traditional.yml", glossary)
    bilingual = collect_bilingual(plans, config.translations, converter, glossary)
    progress("enrich: industry topics")
    taxonomy = load_taxonomy(config.topics)
    simplified = simplified_plans(plans, bilingual)
    topics = tag_edition(simplified, taxonomy)
    progress("enrich: timeline and targets")
    return Edition(
        meta=load_edition_meta(config.sources),
        plans=tuple(plans),
        bilingual=bilingual,
        taxonomy=taxonomy,
        topics=topics,
        timeline=extract_timeline(simplified),
        targets=extract_targets(simplified),
    )


def generate(config: BuildConfig, progress: Progress = _quiet) -> GenerateResult:
    """Write the generated Markdown pages and data files into docs/."""
    edition = assemble(config, progress)
    progress("render pages")
    written = render_site_pages(edition, config.docs)
    progress("export data")
    writer = PageWriter(config.docs, [])
    writer.write("data/edition.json", edition_json(edition))
    writer.write("data/blocks.csv", blocks_csv(edition))
    writer.write("data/targets.csv", targets_csv(edition))
    warnings = tuple(warning for plan in edition.plans for warning in plan.warnings)
    return GenerateResult(edition, tuple(written + writer.written), warnings)


def mkdocs_build(
    config: BuildConfig, progress: Progress = _quiet, config_file: Path | None = None, site: Path | None = None
) -> None:
    """Run mkdocs build --strict into a temporary directory, then swap it in.

    A failed build leaves the last good site in place.
    """
    site = site or config.site
    config_file = config_file or config.mkdocs_config
    progress(f"mkdocs build --strict ({config_file.name})")
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    if config.docs.resolve() != (config_file.parent / "docs").resolve():
        # Never --quiet: it hides warnings from --strict, so a broken link would pass.
        # MkDocs takes docs_dir from the config file; a generated config points it elsewhere.
        command = _with_docs_dir(command, config, config_file, staging)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=config_file.parent, env=environment)
    finally:
        for override in config_file.parent.glob(f".mkdocs-{staging.name}.yml"):
            override.unlink()
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    old = site.with_name(site.name + ".old")
    if site.exists():
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def _with_docs_dir(command: list[str], config: BuildConfig, config_file: Path, staging: Path) -> list[str]:
    # Beside mkdocs.yml, so that the paths it names (hooks, dictionaries) resolve as they do there.
    override = config_file.parent / f".mkdocs-{staging.name}.yml"
    override.write_text(f"INHERIT: {config_file.resolve()}\ndocs_dir: {config.docs.resolve()}\n", encoding="utf-8")
    index = command.index(str(config_file))
    command[index] = str(override)
    return command


class BuildFailed(Exception):
    """mkdocs build did not succeed; the message carries its output."""


def build(config: BuildConfig, progress: Progress = _quiet) -> GenerateResult:
    """The whole pipeline: generate, then build the site with MkDocs in strict mode."""
    result = generate(config, progress)
    mkdocs_build(config, progress)
    return result
