"""The downloadable files (PDFs, offline bundle) a page may link to, with their sizes."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from build_tools.config import BuildConfig
from build_tools.model import Edition
from build_tools.outputs.naming import offline_zip_name
from build_tools.outputs.pdf import edition_job, plan_job, topic_job
from build_tools.outputs.pdf_cache import render_jobs

FOLDER = "downloads"
"""Under docs/: MkDocs copies the files into the site, and link checking sees them."""


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to docs/, e.g. ``downloads/henan-equipment-2017.pdf``."""
    size: int
    """Bytes."""

    @property
    def size_label(self) -> str:
        return f"{self.size / 2**20:.1f} MB" if self.size >= 2**20 else f"{max(1, round(self.size / 1024))} KB"


@dataclass(frozen=True)
class Downloads:
    """What was built; empty in a quick build (no PDFs), then pages link to none."""

    plans: dict[str, Download] = field(default_factory=dict)
    topics: dict[str, Download] = field(default_factory=dict)
    edition: Download | None = None
    offline_zip_name: str = ""
    offline: Download | None = None
    """The offline bundle, once built and copied beside the PDFs (None before that and in quick builds)."""

    @property
    def built(self) -> bool:
        return self.edition is not None


def _download(docs: Path, path: Path) -> Download:
    return Download(path.relative_to(docs).as_posix(), path.stat().st_size)


def build_downloads(edition: Edition, docs: Path, progress, config: BuildConfig | None = None) -> Downloads:
    """Every PDF: one per plan, one per topic with paragraphs, the whole edition (cached, in parallel)."""
    config = config or BuildConfig()
    folder = docs / FOLDER
    site_url = edition.site_url  # read once, by the pipeline, from mkdocs.yml
    progress(f"PDF: {len(edition.plans)} plans, {len(edition.taxonomy.topics)} topics, the whole edition")
    plan_jobs = {plan.meta.id: plan_job(edition, plan, site_url) for plan in edition.plans}
    topic_jobs = {
        topic.id: topic_job(edition, topic, site_url)
        for topic in edition.taxonomy.topics
        if edition.topics.block_counts[topic.id]
    }
    whole = edition_job(edition, site_url)
    rendered = render_jobs([*plan_jobs.values(), *topic_jobs.values(), whole], folder, config.cache, progress)

    def download(name: str) -> Download:
        return _download(docs, rendered[name].path)

    plans = {plan_id: download(job.name) for plan_id, job in plan_jobs.items()}
    topics = {topic_id: download(job.name) for topic_id, job in topic_jobs.items()}
    edition_file = download(whole.name)
    wanted = {d.path for d in (*plans.values(), *topics.values(), edition_file)}
    for stale in folder.glob("*.pdf"):
        if stale.relative_to(docs).as_posix() not in wanted:
            stale.unlink()
    return Downloads(plans, topics, edition_file, offline_zip_name(edition.meta))


def publish_offline_bundle(archive: Path, docs: Path, downloads: Downloads) -> Downloads:
    """Copy the offline zip into docs/downloads/ (so the online site serves it and its link is checked).

    The offline build itself leaves the copy out (``exclude_docs`` in mkdocs.offline.yml): a bundle
    never holds itself, and its pages point to the online address instead.
    """
    target = docs / FOLDER / archive.name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(archive, partial)
    partial.replace(target)
    for stale in target.parent.glob("*-offline.zip"):
        if stale != target:
            stale.unlink()
    return replace(downloads, offline=_download(docs, target))


def no_downloads(edition: Edition) -> Downloads:
    """A quick build (no PDFs): pages link to no download."""
    return Downloads(offline_zip_name=offline_zip_name(edition.meta))
