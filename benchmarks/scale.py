"""Scale benchmark: synthetic corpora of 5, 50 and 500 plans made from the real ones.

For each size, in a fresh process (so memory figures do not carry over), a whole build without
PDFs (`build --no-pdf`, or only `generate` without --with-mkdocs) and then prints:

- time and peak memory per stage: load and parse, each enrich step, render, export, search index,
  mkdocs build. Memory is the resident set size sampled every 20 ms: of the largest single process
  (this one, a render worker, one MkDocs share), and of the whole build (this process and all its
  live children together: render workers, MkDocs shares), which is what the machine must hold;
- the largest generated page (HTML when MkDocs ran, else Markdown), the site's size and file count;
- the search payload of a first query (median and max over the judged queries, Chromium from
  file://, as benchmarks/search_scale.py measures it);
- with --with-mkdocs, the rebuild times: no change (`make site` again) and one plan's translation
  edited (only its pages are regenerated and re-rendered by MkDocs, see README "Incremental builds").

`--similarity-only` times shared wording alone on copies whose characters are shifted so they read
as different texts (copies of one plan otherwise share every clause, which no real corpus does).
`--with-pdfs` builds with the PDFs and the offline bundle (`make site`) and prints the downloads made;
the PDF cache lives in the work folder, so it is a cold build unless `--work DIR` keeps corpus and
caches in `DIR/<size>` from an earlier run: then it is the cached build (everything else is reset).
`BUILD_WORKERS=1` in the environment renders in one process.

    python benchmarks/scale.py [SIZES…] [--with-mkdocs] [--with-pdfs] [--work DIR] [--no-search]
                               [--similarity-only]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.enrich import similarity  # noqa: E402
from build_tools.pipeline import build, generate, load_and_parse  # noqa: E402
from build_tools.sources.across import load_similarity_rules  # noqa: E402
from tests.corpus import corpus  # noqa: E402,F401  (the synthetic corpus, shared with the tests)

# The smallest page that runs the site's search (search_scale.py uses it too: one direction, no import circle).
PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<header class="md-header"><nav class="md-header__inner"><a class="md-header__button md-logo" href="index.html">⌂</a>
</nav></header><script src="assets/javascripts/search.js"></script></body></html>
"""



def disguised(plans: list, keep: int = 5) -> list:
    """The copies with their characters shifted (a different text of the same shape), the first ``keep`` as
    they are: copies of one plan would otherwise share every clause, which no real corpus does."""
    shifted = []
    for number, plan in enumerate(plans):
        if number < keep:
            shifted.append(plan)
            continue
        table = {code: 0x4E00 + (code - 0x4E00 + 1 + number) % 20000 for code in range(0x4E00, 0x9FA6)}
        shifted.append(
            replace(plan, blocks=tuple(replace(block, zh=block.zh.translate(table)) for block in plan.blocks))
        )
    return shifted


def _cpu() -> float:
    """CPU seconds of this process and its finished children (workers, MkDocs): on a shared machine
    wall time says more about the neighbours than about the build."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rss(pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return 0  # the process ended while being read


def _tree_rss() -> int:
    """This process and every live descendant, summed (a forked worker's shared pages count twice, so this
    is an upper bound)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, waiting = 0, [os.getpid()]
    while waiting:
        pid = waiting.pop()
        total += _rss(pid)
        waiting += children.get(pid, [])
    return total


RELAYED = re.compile(r"mkdocs \d+/\d+: ")


class Meter:
    """A progress callback: each pipeline step becomes a row (seconds, peak RSS while it ran)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, float, float]] = []
        self.name, self.started, self.peak, self.cpu = "", time.perf_counter(), _rss(), _cpu()
        self.tree = self.peak
        self.children = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss())
            self.tree = max(self.tree, _tree_rss())

    def __call__(self, step: str) -> None:
        if RELAYED.match(step):  # a line of MkDocs' own output, relayed as it comes: not a step of the build
            return
        self.close()
        self.name, self.started, self.peak, self.cpu = step, time.perf_counter(), _rss(), _cpu()
        self.tree = self.peak

    def close(self) -> None:
        if not self.name:
            return
        peak = self.peak
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        if children > self.children:  # a worker or MkDocs set a new high: report the larger process
            peak, self.children = max(peak, children), children
        tree = max(self.tree, peak)
        seconds, cpu = time.perf_counter() - self.started, _cpu() - self.cpu
        self.rows.append((_short(self.name), seconds, cpu, peak / 2**20, tree / 2**20))
        self.name = ""

    def stop(self) -> None:
        self.close()
        self._stop.set()


def _short(step: str) -> str:
    """A row name: ``mkdocs`` (or ``mkdocs --dirty``), ``enrich: <step>`` and the other steps as printed."""
    if step.startswith("mkdocs build"):
        return "mkdocs --dirty" if "--dirty" in step else "mkdocs"
    if step.startswith("load and parse"):
        return "load and parse"
    return step[:34]


def _largest(folder: Path, suffix: str) -> tuple[int, str]:
    pages = [(path.stat().st_size, path.relative_to(folder).as_posix()) for path in folder.rglob(f"*{suffix}")]
    return max(pages) if pages else (0, "-")


def _size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def _first_query(search: Path, work: Path) -> str:
    import yaml
    from playwright.sync_api import sync_playwright

    from benchmarks.search_quality import CHROMIUM, QUERIES, first_query_payloads, kb

    queries = [entry["q"] for entry in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]]
    probe = work / "probe"
    shutil.copytree(search, probe / "search")
    (probe / "assets" / "javascripts").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "javascripts" / "search.js", probe / "assets" / "javascripts")
    (probe / "index.html").write_text(PAGE, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        payloads = first_query_payloads(browser, (probe / "index.html").as_uri(), probe / "search", queries)
        browser.close()
    return f"median {kb(statistics.median(payloads))}, max {kb(max(payloads))} over {len(payloads)} queries"


def _edit_one_translation(translations: Path) -> str:
    """Change the English of one paragraph of one plan (as a translator would). The words differ each run, so a
    kept work folder's PDF cache cannot already hold the edited plan's PDFs: the edit renders them, as a real one."""
    po = translations / "en" / "shanxi-equipment-2011.po"
    text = po.read_text(encoding="utf-8")
    value = text.index('msgstr "', text.index('msgctxt "shanxi-equipment-2011/s1.1/p1"'))
    edit = f"Edited for the benchmark at {time.time_ns()}. "
    po.write_text(f'{text[:value]}msgstr "{edit}{text[value + 8 :]}', encoding="utf-8")
    return po.name


def _prepare(work: Path, size: int) -> Path:
    """The corpus in ``work``: made, or (a kept --work folder) reused with everything else reset but the
    caches, so the build is clean apart from what the caches hold."""
    sources = work / "sources"
    if not sources.is_dir():
        corpus(sources, size)
    for made in ("translations", "docs", "site", "build", "dist"):
        shutil.rmtree(work / made, ignore_errors=True)
    for stamp in work.glob(".build-state-*.json"):
        stamp.unlink()
    shutil.copytree(ROOT / "translations", work / "translations")
    shutil.copytree(ROOT / "docs" / "assets", work / "docs" / "assets")
    return sources


def _downloads(site: Path) -> str:
    """The site's downloads: the PDFs (copied from docs/) and the offline zip (added after MkDocs)."""
    files = sorted((site / "downloads").glob("*.*"), key=lambda path: path.stat().st_size)
    pdfs = [path for path in files if path.suffix == ".pdf"]
    if not files:
        return "none"
    largest = max(pdfs, key=lambda path: path.stat().st_size) if pdfs else files[-1]
    total = sum(path.stat().st_size for path in pdfs)
    zips = ", ".join(f"{path.name} {path.stat().st_size / 2**20:.0f} MiB" for path in files if path.suffix == ".zip")
    return (
        f"{len(pdfs)} PDFs, {total / 2**20:.0f} MiB, largest {largest.name} {largest.stat().st_size / 2**20:.1f} MiB;"
        f" {zips or 'no offline zip'}"
    )


def one_size(size: int, work: Path, with_mkdocs: bool, search: bool, pdfs: bool = False) -> None:
    sources = _prepare(work, size)
    config = BuildConfig(
        sources=sources,
        docs=work / "docs",
        site=work / "site",
        translations=work / "translations",
        cache=work / "cache",
    )
    meter = Meter()
    started = time.perf_counter()
    if with_mkdocs:
        build(config, meter, pdfs=pdfs)
    else:
        generate(config, meter)
    meter.stop()
    total = time.perf_counter() - started
    lines = [f"{'stage':<34} {'seconds':>9} {'CPU s':>9} {'peak RSS MiB':>13} {'whole build':>12}"]
    lines += [
        f"{name:<34} {seconds:9.1f} {cpu:9.1f} {peak:13.0f} {tree:12.0f}"
        for name, seconds, cpu, peak, tree in meter.rows
    ]
    cpu_total = sum(row[2] for row in meter.rows)
    peak, tree = max(row[3] for row in meter.rows), max(row[4] for row in meter.rows)
    lines.append(f"{'total':<34} {total:9.1f} {cpu_total:9.1f} {peak:13.0f} {tree:12.0f}")
    html, page = _largest(config.site, ".html") if with_mkdocs else (0, "")
    markdown, md_page = _largest(config.docs, ".md")
    lines.append(
        f"largest page: {md_page} {markdown / 1000:.0f} KB Markdown"
        + (f"; {page} {html / 1000:.0f} KB HTML" if with_mkdocs else "")
    )
    docs_bytes, docs_files = _size(config.docs)
    lines.append(f"docs/: {docs_bytes / 2**20:.1f} MiB in {docs_files} files")
    if with_mkdocs:
        site_bytes, site_files = _size(config.site)
        lines.append(f"site/: {site_bytes / 2**20:.1f} MiB in {site_files} files")
    if pdfs:
        lines.append(f"downloads: {_downloads(config.site)}")
    search_bytes, search_files = _size(config.docs / "search")
    lines.append(f"search index: {search_bytes / 2**20:.1f} MiB in {search_files} files")
    if search:
        lines.append(f"first query loads: {_first_query(config.docs / 'search', work)}")
    print(f"== {size} plans ==", *lines, sep="\n", flush=True)
    if with_mkdocs:
        # In a process of its own, as each `make site` is: what a build keeps is read by the next process.
        flags = ["--with-pdfs"] if pdfs else []
        subprocess.run([sys.executable, __file__, str(size), "--one", "--rebuild-in", str(work), *flags], check=True)


def rebuilds(work: Path, pdfs: bool) -> None:
    """After a whole build in ``work``: again with no change, then with one plan's translation edited."""
    config = BuildConfig(
        sources=work / "sources",
        docs=work / "docs",
        site=work / "site",
        translations=work / "translations",
        cache=work / "cache",
    )
    lines = []
    started = time.perf_counter()
    assert build(config, pdfs=pdfs) is None, "a second build with no change must do nothing"
    lines.append(f"rebuild, no change: {time.perf_counter() - started:.1f} s")
    _edit_one_translation(config.translations)
    meter = Meter()
    started = time.perf_counter()
    build(config, meter, pdfs=pdfs)
    meter.stop()
    seconds = time.perf_counter() - started
    steps = ", ".join(f"{row[0]} {row[1]:.1f} ({row[2]:.1f} CPU)" for row in meter.rows)
    cpu = sum(row[2] for row in meter.rows)
    lines.append(f"rebuild, one plan's translation edited: {seconds:.1f} s, {cpu:.1f} CPU s ({steps})")
    print(*lines, sep="\n", flush=True)


def similarity_only(size: int, work: Path) -> None:
    plans = load_and_parse(BuildConfig(sources=corpus(work / "sources", size)))
    plans = disguised(sorted(plans, key=lambda plan: (plan.meta.date, plan.meta.id)))
    rules = load_similarity_rules(ROOT / "across" / "similarity.yml")
    started, cpu = time.perf_counter(), time.process_time()
    found = similarity.find_shared(plans, rules)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{size:>5} plans: shared wording {seconds:.1f} s ({cpu:.1f} s CPU), {len(found.pairs)} pairs,"
        f" peak RSS {peak:.0f} MiB (the process, parsed plans included)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[5, 50, 500])
    parser.add_argument("--with-mkdocs", action="store_true", help="build the site too, and time rebuilds")
    parser.add_argument(
        "--with-pdfs", action="store_true", help="build with PDFs and the offline bundle (implies --with-mkdocs)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="keep corpus and caches in WORK/<size> (a second run reuses the PDF cache: the cached build)",
    )
    parser.add_argument("--no-search", action="store_true", help="skip the first-query measurement (Chromium)")
    parser.add_argument("--similarity-only", action="store_true", help="only shared wording, on disguised copies")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child process: one size
    parser.add_argument("--rebuild-in", type=Path, help=argparse.SUPPRESS)  # a child process: the rebuilds
    args = parser.parse_args()
    if args.rebuild_in:
        rebuilds(args.rebuild_in, args.with_pdfs)
        return
    if args.one:
        size, with_mkdocs = args.sizes[0], args.with_mkdocs or args.with_pdfs
        if args.similarity_only:
            with tempfile.TemporaryDirectory(prefix="scale-") as folder:
                similarity_only(size, Path(folder))
        elif args.work:
            folder = args.work.resolve() / str(size)
            folder.mkdir(parents=True, exist_ok=True)
            one_size(size, folder, with_mkdocs, not args.no_search, pdfs=args.with_pdfs)
        else:
            with tempfile.TemporaryDirectory(prefix="scale-") as folder:
                one_size(size, Path(folder), with_mkdocs, not args.no_search, pdfs=args.with_pdfs)
        return
    for size in args.sizes:
        flags = [arg for arg in sys.argv[1:] if not arg.isdigit()]
        subprocess.run([sys.executable, __file__, str(size), "--one", *flags], check=True)


if __name__ == "__main__":
    main()
