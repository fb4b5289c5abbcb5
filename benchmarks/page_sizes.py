"""Page sizes on the synthetic corpus: the largest HTML pages of the built site, per page type.

Builds `benchmarks/scale.py`'s corpus of N plans (the five repeated) without PDFs (generate +
mkdocs build --strict) and prints, per page type, the number of pages and the largest ones.
Run on demand: `python benchmarks/page_sizes.py 5 50` (`--keep DIR` keeps the built site).
The issue's bound: no page over 300 KB of HTML at 500 plans.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import corpus  # noqa: E402
from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pipeline import generate  # noqa: E402
from build_tools.site.mkdocs_build import mkdocs_build  # noqa: E402

LIMIT = 300 * 1024


def page_type(relative: str) -> str:
    """The page type of a built page, from its path (plans/<id>/<part>/ → plan part)."""
    parts = relative.split("/")[:-1]  # drop index.html
    if not parts:
        return "home"
    if parts[0] == "plans":
        return "plan overview" if len(parts) == 2 else "plan part"
    if parts[0] == "topics" and len(parts) > 2:
        return "topics/<topic>/<sub>"
    return "/".join(parts[:1]) + ("/*" if len(parts) > 1 else "")


def build(size: int, work: Path) -> tuple[Path, float]:
    sources = corpus(work / f"sources-{size}", size)
    docs = work / f"docs-{size}"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = BuildConfig(sources=sources, docs=docs, site=work / f"site-{size}")
    started = time.perf_counter()
    generate(config)
    mkdocs_build(config)
    return config.site, time.perf_counter() - started


def sizes(site: Path) -> dict[str, list[tuple[int, str]]]:
    by_type: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for page in site.rglob("index.html"):
        relative = page.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        by_type[page_type(relative)].append((page.stat().st_size, relative))
    return by_type


def report(size: int, site: Path, seconds: float, top: int) -> None:
    by_type = sizes(site)
    pages = [entry for entries in by_type.values() for entry in entries]
    over = sum(1 for bytes_, _ in pages if bytes_ > LIMIT)
    print(f"\n{size} plans: {len(pages)} pages, built in {seconds:.0f} s; {over} over {LIMIT // 1024} KB")
    print(f"{'page type':<22} {'pages':>6} {'largest KB':>11} {'median KB':>10}  largest page")
    for kind, entries in sorted(by_type.items(), key=lambda item: -max(item[1])[0]):
        entries.sort(reverse=True)
        median = entries[len(entries) // 2][0]
        print(f"{kind:<22} {len(entries):>6} {entries[0][0] / 1024:>11.0f} {median / 1024:>10.0f}  {entries[0][1]}")
    print(f"largest {top}:")
    for bytes_, relative in sorted(pages, reverse=True)[:top]:
        print(f"  {bytes_ / 1024:8.0f} KB  {relative}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[5, 50])
    parser.add_argument("--top", type=int, default=8, help="how many of the largest pages to list")
    parser.add_argument("--keep", type=Path, help="build under this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            site, seconds = build(size, work)
            report(size, site, seconds, args.top)


if __name__ == "__main__":
    main()
