"""Search quality, speed and size, measured in Chromium against the built site.

Runs the judged queries of benchmarks/data/search_queries.yml through the site's search (search.js, the
same ranking the dialog shows) and prints precision@5, MRR, best-answer-in-top-3 per language, the worst
queries, the index size, the payload of a first query and the time from typing to results.

    python benchmarks/search_quality.py [--site site] [--port 8130]

Build the site first (`python -m build_tools build --no-pdf`). P@5 counts relevant results among the
first five shown (among all shown when fewer than five are). MRR uses the rank of the first `best` answer.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.core.config import ROOT  # noqa: E402

QUERIES = Path(__file__).parent / "data" / "search_queries.yml"
CHROMIUM = "/usr/bin/chromium"
SEARCH = """q => editionSearch.search(q).then(answer => answer.results.map(r => ({
    kind: r.doc.kind, page: r.doc.page, anchor: r.doc.anchor,
    text: [r.doc.title, r.doc.zh, r.doc.en].concat(r.doc.names).join(' ')})))"""
# A judged query with a plan or kind is run as the results page runs it (search/?q=…&plan=…&kind=…).
FILTERED = """([q, filters]) => editionSearch.hits(q, filters, 10).then(answer => answer.results.map(r => ({
    kind: r.doc.kind, page: r.doc.page, anchor: r.doc.anchor,
    text: [r.doc.title, r.doc.zh, r.doc.en].concat(r.doc.names).join(' ')})))"""
TYPED = """q => new Promise(resolve => {
    const input = document.querySelector('input.es-input'), list = document.querySelector('.es-results');
    const started = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    const check = () => list.dataset.query === q ? resolve(performance.now() - started) : requestAnimationFrame(check);
    check();
})"""


@dataclass
class Scored:
    query: str
    lang: str
    precision: float
    reciprocal_rank: float
    best_in_top3: bool
    top: list[str]


def block_ids(site: Path) -> dict[tuple[str, str], str]:
    """(plan id, anchor) -> block id, from the published export (anchors are ids with / and . made -)."""
    edition = json.loads((site / "data" / "edition.json").read_text(encoding="utf-8"))
    ids = {}
    for plan in edition["plans"]:
        for block in plan["blocks"]:
            local = block["id"].split("/", 1)[1]
            ids[(plan["id"], local.replace("/", "-").replace(".", "-"))] = block["id"]
    return ids


def result_id(result: dict, blocks: dict[tuple[str, str], str]) -> str:
    if result["kind"] == "term":
        return f"glossary#{result['anchor']}"
    if result["kind"] in ("topic", "plan"):
        return result["page"]
    if result["kind"] in ("vocabulary", "compare"):  # links to a page across plans, not a plan's paragraph
        return f"{result['page']}#{result['anchor']}" if result["anchor"] else result["page"]
    return blocks[(result["page"].split("/")[1], result["anchor"])]


def relevant(result: dict, identifier: str, judged: dict) -> bool:
    text = result["text"].lower()
    return identifier in judged["best"] or all(any(form.lower() in text for form in group) for group in judged["forms"])


def score(judged: dict, results: list[dict], blocks) -> Scored:
    ids = [result_id(result, blocks) for result in results]
    shown = results[:5]
    hits = sum(relevant(result, ids[i], judged) for i, result in enumerate(shown))
    ranks = [rank for rank, identifier in enumerate(ids, 1) if identifier in judged["best"]]
    return Scored(
        judged["q"],
        judged["lang"],
        hits / len(shown) if shown else 0.0,
        1 / ranks[0] if ranks else 0.0,
        bool(ranks) and ranks[0] <= 3,
        ids[:5],
    )


def run_query(page, judged: dict) -> list[dict]:
    filters = {name: judged[name] for name in ("plan", "kind") if name in judged}
    return page.evaluate(FILTERED, [judged["q"], filters]) if filters else page.evaluate(SEARCH, judged["q"])


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_query_payloads(browser, url: str, search_dir: Path, queries: list[str], script: str = "") -> list[int]:
    """Bytes of index files a first search loads (new visit: empty session storage), per query.

    ``script="hant"``: as a reader who chose 繁體 (the Traditional text of the results is loaded too).
    """
    context = browser.new_context()
    page = context.new_page()
    payloads = []
    for query in queries:
        page.goto(url)
        page.evaluate("sessionStorage.clear()")
        page.reload()
        if script:  # as edition.js sets the reader's choice on <html> (the bare page of search_scale.py has none)
            page.evaluate("script => document.documentElement.setAttribute('data-script', script)", script)
        page.evaluate(SEARCH, query)
        names = page.evaluate("editionSearch.requested")
        payloads.append(sum((search_dir / name).stat().st_size for name in names))
    context.close()
    return payloads


def index_size(search_dir: Path) -> dict[str, int]:
    sizes = {"manifest": (search_dir / "index.js").stat().st_size}
    sizes["postings"] = sum(path.stat().st_size for path in (search_dir / "p").glob("*.js"))
    sizes["stored fields"] = sum(path.stat().st_size for path in (search_dir / "d").glob("*.js"))
    # Loaded only when the reader chose 繁體: never part of a Simplified reader's first query.
    sizes["Traditional text"] = sum(path.stat().st_size for path in (search_dir / "d-hant").glob("*.js"))
    return sizes


def kb(size: float) -> str:
    return f"{size / 1000:.0f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--every", action="store_true", help="print every query's scores, not only the worst")
    args = parser.parse_args()
    judged = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    blocks = block_ids(args.site)
    server = serve(args.site, args.port)
    url = f"http://127.0.0.1:{args.port}/"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(url)
        scored = [score(entry, run_query(page, entry), blocks) for entry in judged]
        # Typing to results: a new visit, the manifest loaded (the dialog loads it when it opens), then each query.
        page = browser.new_page()
        page.goto(url)
        page.locator("button.es-open").click()
        page.evaluate("editionSearch.queryGroups('')")
        first = page.evaluate(TYPED, judged[0]["q"])
        later = [page.evaluate(TYPED, entry["q"]) for entry in judged[1:]]
        payloads = first_query_payloads(browser, url, args.site / "search", [entry["q"] for entry in judged])
        traditional = first_query_payloads(browser, url, args.site / "search", [entry["q"] for entry in judged], "hant")
        browser.close()
    server.shutdown()

    print(f"{len(scored)} judged queries ({QUERIES.relative_to(ROOT)}), site {args.site}")
    for lang in ("zh", "en"):
        group = [entry for entry in scored if entry.lang == lang]
        print(
            f"  {lang}: {len(group)} queries  precision@5 {statistics.mean(e.precision for e in group):.3f}"
            f"  MRR {statistics.mean(e.reciprocal_rank for e in group):.3f}"
            f"  best in top 3 {sum(e.best_in_top3 for e in group)}/{len(group)}"
        )
    print(
        f"  all: precision@5 {statistics.mean(e.precision for e in scored):.3f}"
        f"  MRR {statistics.mean(e.reciprocal_rank for e in scored):.3f}"
        f"  best in top 3 {sum(e.best_in_top3 for e in scored) / len(scored):.0%}"
    )
    print("every query:" if args.every else "worst queries:")
    for entry in sorted(scored, key=lambda e: (e.precision + e.reciprocal_rank, e.query))[: None if args.every else 6]:
        print(f"  {entry.query!r}: P@5 {entry.precision:.2f}, RR {entry.reciprocal_rank:.2f}, top: {entry.top}")
    sizes = index_size(args.site / "search")
    parts = ", ".join(f"{name} {kb(size)}" for name, size in sizes.items())
    print(f"index: {parts}, total {kb(sum(sizes.values()))}")
    print(
        f"first-query payload: median {kb(statistics.median(payloads))}, max {kb(max(payloads))}"
        f" (manifest + posting shards + stored-field chunks of the top results);"
        f" with 繁體 chosen median {kb(statistics.median(traditional))}, max {kb(max(traditional))}"
    )
    print(
        f"typed → results shown (80 ms input debounce included): first query {first:.0f} ms,"
        f" later queries median {statistics.median(later):.0f} ms, max {max(later):.0f} ms"
    )


if __name__ == "__main__":
    main()
