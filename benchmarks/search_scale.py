"""Search at scale: what a first query downloads when the edition has 5, 50 or 500 plans.

Builds benchmarks/scale.py's synthetic corpus (the real plans repeated), the search index only (no
MkDocs: the index does not depend on it), and a bare page loading search.js; then runs the judged
queries of benchmarks/data/search_queries.yml from file:// in Chromium, each as the first query of a
new visit, and prints the index size, its file count and the bytes each first query loaded (also with 繁體
chosen: the Traditional text of the results is loaded too); then each as
the results page (search/) runs it on a new visit: every hit counted, the first 50 loaded.

    python benchmarks/search_scale.py [SIZES…]      (default: 5 50)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import PAGE, corpus  # noqa: E402
from benchmarks.search_quality import CHROMIUM, QUERIES, first_query_payloads, index_size, kb  # noqa: E402
from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pipeline import assemble  # noqa: E402
from build_tools.search import write_search_index  # noqa: E402

# The parts of the theme's page search.js relies on: a header to put its button in, the logo link whose
# form (index.html or a folder) tells file URLs from directory URLs.


RESULTS_PAGE = """q => { const started = performance.now();
    return editionSearch.hits(q, {}, 50).then(answer => [answer.total, performance.now() - started]); }"""


def results_page_costs(browser, url: str, search_dir: Path, queries: list[str]) -> tuple[list, list, list]:
    """Per query, as the results page runs it on a new visit: hits, milliseconds and bytes to the first 50 shown."""
    context = browser.new_context()
    page = context.new_page()
    totals, times, payloads = [], [], []
    for query in queries:
        page.goto(url)
        page.evaluate("sessionStorage.clear()")
        page.reload()
        total, milliseconds = page.evaluate(RESULTS_PAGE, query)
        names = page.evaluate("editionSearch.requested")
        totals.append(total)
        times.append(milliseconds)
        payloads.append(sum((search_dir / name).stat().st_size for name in names))
    context.close()
    return totals, times, payloads


def measure(size: int, work: Path, browser, queries: list[str]) -> str:
    sources = corpus(work / f"sources-{size}", size)
    site = work / f"site-{size}"
    config = BuildConfig(sources=sources, docs=site, site=work / "unused")
    edition = assemble(config)
    started = time.perf_counter()
    index = write_search_index(edition, site)
    seconds = time.perf_counter() - started
    (site / "assets" / "javascripts").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "javascripts" / "search.js", site / "assets" / "javascripts")
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    payloads = first_query_payloads(browser, (site / "index.html").as_uri(), site / "search", queries)
    traditional = first_query_payloads(browser, (site / "index.html").as_uri(), site / "search", queries, "hant")
    totals, times, page_payloads = results_page_costs(browser, (site / "index.html").as_uri(), site / "search", queries)
    sizes = index_size(site / "search")
    files = sum(1 for _ in (site / "search").rglob("*.js"))
    return (
        f"{size:4d} plans: {index.documents} documents, {index.terms} terms; index {kb(sum(sizes.values()))}"
        f" (postings {kb(sizes['postings'])}, stored {kb(sizes['stored fields'])}) in {files} files,"
        f" built in {seconds:.1f} s; first query loads median {kb(statistics.median(payloads))},"
        f" max {kb(max(payloads))}; with 繁體 chosen median {kb(statistics.median(traditional))},"
        f" max {kb(max(traditional))}\n"
        f"      results page: hits median {statistics.median(totals):.0f}, max {max(totals)};"
        f" every hit counted and the first 50 shown in median {statistics.median(times):.0f} ms,"
        f" max {max(times):.0f} ms, loading median {kb(statistics.median(page_payloads))},"
        f" max {kb(max(page_payloads))} (facets.js {kb((site / 'search' / 'facets.js').stat().st_size)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[5, 50])
    args = parser.parse_args()
    queries = [entry["q"] for entry in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="search-scale-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size in args.sizes:
            print(measure(size, Path(folder), browser, queries), flush=True)
        browser.close()


if __name__ == "__main__":
    main()
