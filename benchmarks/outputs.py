"""Time and size the outputs of the real edition: the site, the offline bundle and the briefing PDFs.

Run on demand: `python benchmarks/outputs.py` (prints numbers; not a test). Builds into a temporary
folder, so the project's site/, dist/ and build/ are left alone.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pdf.jobs import PdfJob, edition_job, plan_job, write_pdf  # noqa: E402
from build_tools.pipeline import generate  # noqa: E402
from build_tools.site.mkdocs_build import mkdocs_build  # noqa: E402
from build_tools.site.offline import build_offline_bundle  # noqa: E402

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = action()
    print(f"{label:<40} {time.perf_counter() - started:7.2f} s")
    return result


def size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:9.1f} KiB"


def written(job: PdfJob, out: Path) -> Path:
    return write_pdf(job.html, out / job.name)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "docs" / "assets", work / "docs" / "assets")
        config = BuildConfig(docs=work / "docs", site=work / "site")
        edition = timed("generate (docs/)", lambda: generate(config).edition)
        timed("site: mkdocs build --strict", lambda: mkdocs_build(config))
        bundle = timed("offline bundle (site/ zipped)", lambda: build_offline_bundle(config, edition.meta))
        pdf_dir = work / "pdf"
        started = time.perf_counter()
        pdfs = [
            timed(f"pdf: {plan.meta.id}", lambda plan=plan: written(plan_job(edition, plan), pdf_dir))
            for plan in edition.plans
        ]
        pdfs.append(timed("pdf: whole edition", lambda: written(edition_job(edition), pdf_dir)))
        print(f"{'pdf: all':<40} {time.perf_counter() - started:7.2f} s")

        print()
        pages = sorted(config.site.rglob("*.html"), key=lambda page: page.stat().st_size)
        print(f"{'offline bundle ' + bundle.name:<70} {size(bundle)}")
        print(f"{'largest page ' + pages[-1].relative_to(config.site).as_posix():<70} {size(pages[-1])}")
        print(f"{'search index search/search_index.json':<70} {size(config.site / 'search' / 'search_index.json')}")
        for pdf in pdfs:
            print(f"{pdf.name + f' ({len(PdfReader(pdf).pages)} pages)':<70} {size(pdf)}")


if __name__ == "__main__":
    main()
