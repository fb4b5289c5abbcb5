"""Render the PDFs the pages link to (present/downloads.py names them before anything is built)."""

from __future__ import annotations

from pathlib import Path

from build_tools.core.config import BuildConfig
from build_tools.model import Edition
from build_tools.pdf.cache import render_jobs
from build_tools.pdf.jobs import PdfJob, edition_job, plan_job, topic_job, volume_job
from build_tools.present.downloads import Downloads, planned_downloads
from build_tools.present.urls import DOWNLOADS


def pdf_jobs(edition: Edition, planned: Downloads, site_url: str) -> list[PdfJob]:
    """The HTML of every planned PDF (made here, in one process: a plan's takes ~15 ms, rendering it ~8 s)."""
    return [
        *(plan_job(edition, edition.plan(plan_id), site_url) for plan_id in planned.plans),
        *(topic_job(edition, edition.taxonomy.topic(topic_id), site_url) for topic_id in planned.topics),
        *((edition_job(edition, site_url),) if planned.edition else ()),
        *(volume_job(edition, volume, site_url) for volume in planned.volumes),
    ]


def build_downloads(edition: Edition, docs: Path, progress, config: BuildConfig | None = None) -> Downloads:
    """Every planned PDF (cached, in parallel) into docs/downloads/; a PDF no longer planned (a plan, topic or volume
    gone, the whole edition become volumes) is removed."""
    config = config or BuildConfig()
    planned = planned_downloads(edition)
    folder = docs / DOWNLOADS
    site_url = edition.site_url  # read once, by the pipeline, from mkdocs.yml
    whole = f"the whole edition in {len(planned.volumes)} volumes" if planned.volumes else "the whole edition"
    progress(f"PDF: {len(planned.plans)} plans, {len(planned.topics)} topics, {whole}")
    jobs = pdf_jobs(edition, planned, site_url)
    rendered = render_jobs(jobs, folder, config.cache, progress)
    made = {rendered[job.name].path.relative_to(docs).as_posix() for job in jobs}
    wanted = {download.path for download in planned.all}
    if made != wanted:  # the names pages link to and the files made come from one module: a bug if they differ
        raise RuntimeError(f"PDFs made {sorted(made ^ wanted)} differ from the planned downloads")
    for stale in folder.glob("*.pdf"):
        if stale.relative_to(docs).as_posix() not in wanted:
            stale.unlink()
    return planned
