"""Render many PDFs: only those whose content changed, in parallel on the machine's cores.

A PDF is a pure function of its HTML, the stylesheet, the code that post-processes it and the
WeasyPrint version, so the hash of those names it: ``<cache>/pdf/<sha256>.pdf``. A build with no
change copies every PDF from the cache; a change to one plan changes the HTML of the PDFs that
print it (the plan's, the edition's or its volume's, the briefings quoting it) and only those are rendered again.
The cache folder is git-ignored; delete it to reclaim space (entries unused for 30 days are pruned).
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from build_tools.outputs import pdf_fonts, pdf_lang
from build_tools.outputs.pdf import STYLESHEET, PdfJob, write_pdf
from build_tools.progress import Advance, Progress, counting, quiet
from build_tools.write import copy_if_changed

KEEP_DAYS = 30


@dataclass(frozen=True)
class Rendered:
    path: Path
    fresh: bool
    """True when rendered in this build, False when copied from the cache."""


@cache
def _fixed_inputs() -> bytes:
    """Everything besides the HTML that a PDF's bytes depend on."""
    from importlib.metadata import version

    parts = [STYLESHEET.read_bytes(), Path(pdf_fonts.__file__).read_bytes(), Path(pdf_lang.__file__).read_bytes()]
    parts += [version(name).encode() for name in ("weasyprint", "pydyf", "fonttools")]
    return b"\0".join(parts)


def content_hash(job: PdfJob) -> str:
    return hashlib.sha256(_fixed_inputs() + b"\0" + job.html.encode("utf-8")).hexdigest()


def _render(html: str, target: str) -> str:
    """Worker: one PDF (a top-level function, so a process pool can call it)."""
    return str(write_pdf(html, Path(target)))


def _prune(folder: Path) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for old in folder.glob("*.pdf"):
        if old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)


def _render_all(todo: Sequence[PdfJob], cached: dict[str, Path], workers: int, advance: Advance) -> None:
    """Render each job into its cache file, on ``workers`` processes, counting each PDF as it is done."""
    if workers == 1:
        for job in todo:
            _render(job.html, str(cached[job.name]))
            advance(1)
        return
    # The workers are forked from the build, which holds the whole edition: out of the collector's reach
    # meanwhile, so that a collection in a worker does not copy every inherited page (as build_tools.parallel).
    # Each worker then holds one WeasyPrint document at a time, the largest first (render/paging.py bounds it).
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for _ in pool.map(_render, [job.html for job in todo], [str(cached[job.name]) for job in todo]):
                advance(1)
    finally:
        gc.unfreeze()


def render_jobs(
    jobs: Sequence[PdfJob],
    out_dir: Path,
    cache_dir: Path,
    progress: Progress = quiet,
    workers: int | None = None,
) -> dict[str, Rendered]:
    """Each job's PDF in ``out_dir``, rendered only when its hash is not in ``cache_dir``."""
    folder = cache_dir / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    cached = {job.name: folder / f"{content_hash(job)}.pdf" for job in jobs}
    todo = sorted((job for job in jobs if not cached[job.name].is_file()), key=lambda job: -len(job.html))
    progress(f"PDF: {len(jobs) - len(todo)} of {len(jobs)} unchanged, rendering {len(todo)}")
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    with counting(progress, "render PDFs", len(todo)) as advance:
        _render_all(todo, cached, workers, advance)
    fresh = {job.name for job in todo}
    result = {}
    for job in jobs:
        target = out_dir / job.name
        source = cached[job.name]
        source.touch()  # used now: kept by the pruning
        copy_if_changed(source, target)
        result[job.name] = Rendered(target, job.name in fresh)
    _prune(folder)
    return result
