"""The downloadable files (PDFs, offline bundle) a page may link to, with their sizes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from build_tools.model import Edition
from build_tools.outputs.naming import edition_pdf_name, offline_zip_name, plan_pdf_name
from build_tools.outputs.pdf import build_edition_pdf, build_plan_pdf, build_topic_pdf

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

    @property
    def built(self) -> bool:
        return self.edition is not None


def _download(docs: Path, path: Path) -> Download:
    return Download(path.relative_to(docs).as_posix(), path.stat().st_size)


def build_downloads(edition: Edition, docs: Path, progress) -> Downloads:
    """Every PDF: one per plan, one per topic, the whole edition."""
    folder = docs / FOLDER
    plans = {}
    for plan in edition.plans:
        progress(f"PDF {plan_pdf_name(plan.meta.id)}")
        plans[plan.meta.id] = _download(docs, build_plan_pdf(edition, plan, folder))
    topics = {}
    progress(f"PDF briefings for {len(edition.taxonomy.topics)} topics")
    for topic in edition.taxonomy.topics:
        if edition.topics.block_counts[topic.id]:
            topics[topic.id] = _download(docs, build_topic_pdf(edition, topic, edition.topics, folder))
    progress(f"PDF {edition_pdf_name(edition.meta)}")
    whole = _download(docs, build_edition_pdf(edition, folder))
    wanted = {d.path for d in (*plans.values(), *topics.values(), whole)}
    for stale in folder.glob("*.pdf"):
        if stale.relative_to(docs).as_posix() not in wanted:
            stale.unlink()
    return Downloads(plans, topics, whole, offline_zip_name(edition.meta))


def no_downloads(edition: Edition) -> Downloads:
    """A quick build (no PDFs): pages link to no download."""
    return Downloads(offline_zip_name=offline_zip_name(edition.meta))
