"""Scale benchmark: synthetic corpora of 5, 50 and 500 plans made from the real ones.

Prints time and memory (peak Python allocations, tracemalloc) per stage: load, parse, enrich,
render (pages + data), similarity (shared wording alone, on copies disguised as different texts),
mkdocs build. `--similarity-only` times just load, parse and similarity (e.g. for 500 plans).
Run on demand: `python benchmarks/scale.py [SIZES…]` (mkdocs build is skipped above 50 plans
unless --with-mkdocs is given: it dominates and is MkDocs' own cost, not the pipeline's).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.config import ROOT, BuildConfig  # noqa: E402
from build_tools.enrich import similarity  # noqa: E402
from build_tools.export.across import vocabulary_csv  # noqa: E402
from build_tools.export.data import blocks_csv, edition_json, targets_csv  # noqa: E402
from build_tools.mkdocs_build import mkdocs_build  # noqa: E402
from build_tools.outputs.downloads import no_downloads  # noqa: E402
from build_tools.parse.parser import parse_plan  # noqa: E402
from build_tools.pipeline import enrich  # noqa: E402
from build_tools.render.pages import PageWriter, render_site_pages  # noqa: E402
from build_tools.sources.discover import plan_folders  # noqa: E402
from build_tools.sources.load import load_source  # noqa: E402
from build_tools.sources.meta import load_meta  # noqa: E402


def corpus(target: Path, size: int) -> Path:
    """`size` plans: the real ones repeated under new ids; the copies of a plan share its translations."""
    real = sorted(p for p in (ROOT / "source_texts").iterdir() if p.is_dir())
    target.mkdir(parents=True)
    shutil.copy(ROOT / "source_texts" / "edition.yml", target / "edition.yml")
    for number in range(size):
        source = real[number % len(real)]
        folder = target / (source.name if number < len(real) else f"{source.name}-copy{number:03d}")
        shutil.copytree(source, folder)
        meta = (folder / "meta.yml").read_text(encoding="utf-8")
        meta = meta.replace("source_file: ", f"source_file: n{number:03d}-")
        (folder / "meta.yml").write_text(meta, encoding="utf-8")
    return target


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


def shared_wording(plans: list) -> None:
    """Shared wording alone (the similarity join), on copies disguised as different texts."""
    similarity.find_shared(disguised(plans), similarity.load_rules(ROOT / "across" / "similarity.yml"))


class Stages:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []

    def run(self, name, function, *args):
        tracemalloc.start()
        started = time.perf_counter()
        result = function(*args)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.rows.append((name, seconds, peak / 2**20))
        return result


def measure(size: int, work: Path, with_mkdocs: bool, similarity_only: bool = False) -> Stages:
    sources = corpus(work / f"sources-{size}", size)
    docs = work / f"docs-{size}"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = BuildConfig(sources=sources, docs=docs, site=work / f"site-{size}")
    stages = Stages()
    folders = plan_folders(sources)
    loaded = stages.run(
        "load", lambda: [(load_meta(f / "meta.yml", f.name), load_source(f / "source.txt")) for f in folders]
    )
    plans = stages.run(
        "parse",
        lambda: sorted((parse_plan(meta, source) for meta, source in loaded), key=lambda p: (p.meta.date, p.meta.id)),
    )
    if similarity_only:
        stages.run("similarity", shared_wording, plans)
        return stages

    edition = stages.run("enrich", enrich, config, plans)

    def render() -> None:
        render_site_pages(edition, docs, no_downloads(edition))
        writer = PageWriter(docs, [])
        writer.write("data/edition.json", edition_json(edition))
        writer.write("data/blocks.csv", blocks_csv(edition))
        writer.write("data/targets.csv", targets_csv(edition))
        writer.write("data/vocabulary.csv", vocabulary_csv(edition))

    stages.run("render", render)
    stages.run("similarity", shared_wording, plans)
    if with_mkdocs:
        stages.run("mkdocs build", mkdocs_build, config)
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[5, 50, 500])
    parser.add_argument("--with-mkdocs", action="store_true", help="also time mkdocs build for every size")
    parser.add_argument(
        "--similarity-only", action="store_true", help="only load, parse and the shared-wording stage (similarity join)"
    )
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results[size] = measure(size, Path(tmp), args.with_mkdocs or size <= 50, args.similarity_only)
    print(f"{'plans':>6} {'stage':<13} {'seconds':>9} {'ms/plan':>9} {'peak MiB':>9}")
    for size, stages in results.items():
        for name, seconds, peak in stages.rows:
            print(f"{size:>6} {name:<13} {seconds:9.3f} {seconds / size * 1000:9.2f} {peak:9.1f}")
    smallest = min(results)
    for size in results:
        if size == smallest:
            continue
        print(
            f"growth {smallest}→{size} plans (linear = {size / smallest:.0f}x):",
            ", ".join(
                f"{name} {seconds / dict((n, s) for n, s, _ in results[smallest].rows)[name]:.1f}x"
                for name, seconds, _ in results[size].rows
                if name in dict((n, s) for n, s, _ in results[smallest].rows)
            ),
        )


if __name__ == "__main__":
    main()
