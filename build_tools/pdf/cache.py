"""Render many PDFs: only those whose content changed, in parallel in the build's one pool (core/parallel.py).

A PDF is a pure function of its HTML, the stylesheet, the code that post-processes it and the software
that lays it out (WeasyPrint and the other pinned packages, Pango, HarfBuzz, the Noto CJK fonts: the one
list in build_tools/core/cache.py), so the hash of those names it: ``<cache>/pdf/<sha256>.pdf``. A build with
no change copies every PDF from the cache; a change to one plan changes the HTML of the PDFs that print it
(the plan's, the edition's or its volume's, the briefings quoting it) and only those are rendered again.
The cache folder is git-ignored; its size is bounded with the enrich cache's (build_tools/core/cache.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from build_tools.core.cache import Cache, pdf_cache, software
from build_tools.core.parallel import shared_with_workers
from build_tools.core.progress import Progress, counting, quiet
from build_tools.core.write import copy_if_changed
from build_tools.pdf import fonts as pdf_fonts
from build_tools.pdf import lang as pdf_lang
from build_tools.pdf.jobs import STYLESHEET, PdfJob, write_pdf

PDF_CODE = (STYLESHEET, Path(pdf_fonts.__file__), Path(pdf_lang.__file__))
"""The code that shapes a PDF beyond its HTML (the rest of the pipeline shows in the HTML)."""


@dataclass(frozen=True)
class Rendered:
    path: Path
    fresh: bool
    """True when rendered in this build, False when copied from the cache."""


@cache
def _fixed_inputs() -> bytes:
    """Everything besides the HTML that a PDF's bytes depend on."""
    parts = [path.read_bytes() for path in PDF_CODE]
    parts += [line.encode("utf-8") for line in software()]
    return b"\0".join(parts)


def content_hash(job: PdfJob) -> str:
    return hashlib.sha256(_fixed_inputs() + b"\0" + job.html.encode("utf-8")).hexdigest()


def _render(index: int, todo: Sequence[PdfJob], targets: Sequence[Path]) -> str:
    """Worker: one PDF (its HTML inherited by fork, never pickled)."""
    return str(write_pdf(todo[index].html, targets[index]))


def render_jobs(
    jobs: Sequence[PdfJob], out_dir: Path, cache_dir: Path, progress: Progress = quiet
) -> dict[str, Rendered]:
    """Each job's PDF in ``out_dir``, rendered only when its hash is not in the PDF cache under ``cache_dir``."""
    stored: Cache = pdf_cache(cache_dir)
    stored.folder.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = {job.name: content_hash(job) for job in jobs}
    # The largest first: each worker holds one WeasyPrint document at a time (present/paging.py bounds it).
    todo = sorted((job for job in jobs if not stored.has(keys[job.name])), key=lambda job: -len(job.html))
    progress(f"PDF: {len(jobs) - len(todo)} of {len(jobs)} unchanged, rendering {len(todo)}")
    targets = [stored.path(keys[job.name]) for job in todo]
    with counting(progress, "render PDFs", len(todo)) as advance:
        for _ in shared_with_workers(_render, range(len(todo)), (todo, targets)):
            advance(1)
    fresh = {job.name for job in todo}
    result = {}
    for job in jobs:
        target = out_dir / job.name
        copy_if_changed(stored.used(keys[job.name]), target)
        result[job.name] = Rendered(target, job.name in fresh)
    return result
