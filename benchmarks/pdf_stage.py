"""The PDF stage of the real edition: sizes, and time for a clean build, a no-change rebuild and a
one-paragraph edit (content-hash cache, rendering in parallel on the machine's cores).

Run on demand: `python benchmarks/pdf_stage.py` (prints numbers; not a test). Works in a temporary
folder with its own cache, so the project's docs/, .cache/ and site/ are left alone. The machine may
be shared: the load average is printed with the times.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from itertools import zip_longest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from build_tools.config import ROOT, BuildConfig  # noqa: E402
from build_tools.outputs.downloads import build_downloads  # noqa: E402
from build_tools.outputs.offline import build_offline_bundle  # noqa: E402
from build_tools.outputs.pdf import build_briefing_pdf  # noqa: E402
from build_tools.outputs.pdf_context import BriefingSection  # noqa: E402
from build_tools.pipeline import assemble, generate  # noqa: E402
from build_tools.sources.edition import load_edition_meta  # noqa: E402

EDIT = ("henan-equipment-2017", "培育本地知名品牌", "培育本土知名品牌")
"""One paragraph (henan-equipment-2017/s3.3.2/p1) changed by one character."""


def stage(label: str, config: BuildConfig, docs: Path) -> None:
    edition = assemble(config)
    messages: list[str] = []
    load = os.getloadavg()[0]
    started = time.perf_counter()
    build_downloads(edition, docs, messages.append, config)
    elapsed = time.perf_counter() - started
    rendered = next((message for message in messages if "unchanged" in message), "")
    print(f"{label:<28} {elapsed:7.1f} s   load {load:4.1f}   {rendered}")


def twelve_page_briefing(config: BuildConfig, out: Path) -> None:
    """A briefing of about 12 pages: paragraphs taken from every plan in turn (as a topic briefing quotes them)."""
    edition = assemble(config)
    per_plan = [[block.id for block in plan.blocks if block.kind == "paragraph"] for plan in edition.plans]
    mixed = [block_id for row in zip_longest(*per_plan) for block_id in row if block_id]
    count, pages, path = 60, 0, out
    for _ in range(3):
        sections = [BriefingSection("摘录", "Excerpts", tuple(mixed[:count]))]
        path = build_briefing_pdf(edition, "十二页简报", "A 12-page briefing", sections, out, "twelve.pdf")
        pages = len(PdfReader(path).pages)
        if pages == 12:
            break
        count = round(count * 12 / pages)
    print(
        f"\na {pages}-page briefing ({count} paragraphs of {len(edition.plans)} plans): "
        f"{path.stat().st_size / 1024:.0f} KiB   (target: a 12-page briefing <= 300 KB)"
    )


def main() -> None:
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = work / "sources"
        shutil.copytree(ROOT / "source_texts", sources)
        docs = work / "docs"
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
        config = BuildConfig(sources=sources, docs=docs, cache=work / "cache", site=work / "site")
        stage("clean build", config, docs)
        stage("no-change rebuild", config, docs)
        plan, old, new = EDIT
        source = sources / plan / "source.txt"
        source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        stage("one-paragraph edit", config, docs)

        pdfs = sorted((docs / "downloads").glob("*.pdf"), key=lambda path: path.stat().st_size)
        total = sum(path.stat().st_size for path in pdfs)
        largest = pdfs[-1]
        print(f"\n{len(pdfs)} PDFs, {total / 1e6:.2f} MB ({total / 2**20:.2f} MiB) in all   (target: <= 10 MB)")
        print(f"largest: {largest.name} {largest.stat().st_size / 1024:.0f} KiB, {len(PdfReader(largest).pages)} pages")
        briefings = [(path, len(PdfReader(path).pages)) for path in pdfs if path.name.startswith("topic-")]
        biggest, pages = briefings[-1]
        per_page = sum(path.stat().st_size for path, _ in briefings) / sum(count for _, count in briefings)
        print(
            f"largest briefing: {biggest.name} {biggest.stat().st_size / 1024:.0f} KiB, {pages} pages; "
            f"briefings average {per_page / 1024:.0f} KiB a page   (target: a 12-page briefing <= 300 KB)"
        )
        for path in pdfs:
            if path.name.startswith("topic-robots") or not path.name.startswith("topic-"):
                pages = len(PdfReader(path).pages)
                print(f"  {path.name:<58} {path.stat().st_size / 1024:7.0f} KiB {pages:4d} pages")

        twelve_page_briefing(config, work / "briefing")

        # The offline bundle with every PDF inside (the PDFs come from the cache filled above).
        generate(config, pdfs=True)
        bundle = build_offline_bundle(config, load_edition_meta(config.sources))
        print(f"\noffline bundle with every PDF: {bundle.stat().st_size / 1e6:.2f} MB   (target: <= 15 MB)")


if __name__ == "__main__":
    main()
