"""The PDF stage at corpus sizes: time for a clean build, a no-change rebuild and a one-paragraph edit
(content-hash cache, rendering in parallel on the machine's cores), the PDFs' number and sizes.

Run on demand: `python benchmarks/pdf_stage.py 5 50` (prints numbers; not a test). Each size runs in a fresh
process on the synthetic corpus of `benchmarks/scale.py` (the five plans repeated; 5 is the real edition), in a
temporary folder with its own cache, so the project's docs/, .cache/ and site/ are left alone. Unlike scale.py,
the copies are translated too (each copy gets its plan's PO file under its own block ids): every plan of a real
edition is, and a plan's English is four fifths of what its PDF prints. `--untranslated` copies the translations
folder only, as scale.py does. `--extras` (at the real edition) also makes the offline bundle with every PDF
(the briefings measured are the topic briefings the build makes). The machine may be shared: the load average
and the CPU seconds are printed with the times.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from benchmarks.scale import corpus  # noqa: E402
from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pdf.downloads import build_downloads  # noqa: E402
from build_tools.pipeline import assemble, generate  # noqa: E402
from build_tools.site.mkdocs_build import mkdocs_build  # noqa: E402
from build_tools.site.offline import build_offline_bundle  # noqa: E402
from build_tools.sources.edition import load_edition_meta  # noqa: E402

EDIT = ("henan-equipment-2017", "培育本地知名品牌", "培育本土知名品牌")
"""One paragraph (henan-equipment-2017/s3.3.2/p1) changed by one character."""


class Memory:
    """Samples, twice a second, the memory of this process and its children (the forked rendering workers).

    RSS would count the pages a worker shares with the build it was forked from; what it adds is its private
    memory (USS), and what the machine holds is the sum of the proportional set sizes (PSS)."""

    def __init__(self) -> None:
        self.worker_private = 0
        self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _rollup(pid: int | str) -> tuple[int, int]:
        """(private, proportional) bytes of one process, (0, 0) when it is gone."""
        fields: dict[str, int] = {}
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    name, _, rest = line.partition(":")
                    if rest.strip().endswith("kB"):
                        fields[name] = int(rest.split()[0]) * 1024
        except OSError:
            return 0, 0
        return fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0), fields.get("Pss", 0)

    @staticmethod
    def _children() -> list[int]:
        me, found = str(os.getpid()), []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as stat:
                        if stat.read().rsplit(")", 1)[1].split()[1] == me:
                            found.append(int(entry))
                except OSError:
                    continue
        return found

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            children = [self._rollup(pid) for pid in self._children()]
            self.worker_private = max([self.worker_private, *(private for private, _ in children)])
            self.tree = max(self.tree, self._rollup("self")[1] + sum(pss for _, pss in children))

    def stop(self) -> str:
        self._stop.set()
        self._thread.join()
        return (
            f"memory: a rendering worker's own (USS) at most {self.worker_private / 2**20:.0f} MiB; "
            f"build and workers together (PSS) at most {self.tree / 2**20:.0f} MiB"
        )


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage(label: str, config: BuildConfig, docs: Path) -> None:
    edition = assemble(config)
    messages: list[str] = []
    load = os.getloadavg()[0]
    cpu = time.process_time() + _cpu_children()
    started = time.perf_counter()
    build_downloads(edition, docs, messages.append, config)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() + _cpu_children() - cpu
    rendered = next((message for message in messages if "unchanged" in message), "")
    print(f"{label:<22} {elapsed:7.1f} s {cpu:8.1f} CPU s   load {load:4.1f}   {rendered}", flush=True)


def translate_copies(sources: Path, translations: Path) -> None:
    """Each copy of a plan gets the plan's PO file, its block ids under the copy's id."""
    for folder in sorted(sources.glob("*-copy*")):
        plan = folder.name.split("-copy", 1)[0]
        text = (translations / "en" / f"{plan}.po").read_text(encoding="utf-8")
        text = text.replace(f'msgctxt "{plan}/', f'msgctxt "{folder.name}/')
        (translations / "en" / f"{folder.name}.po").write_text(text, encoding="utf-8")


def describe(path: Path) -> str:
    return f"{path.name} {path.stat().st_size / 1024:.0f} KiB, {len(PdfReader(path).pages)} pages"


def one_size(size: int, work: Path, translated: bool, extras: bool) -> None:
    sources = corpus(work / "sources", size)
    shutil.copytree(ROOT / "translations", work / "translations")
    if translated:
        translate_copies(sources, work / "translations")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = BuildConfig(
        sources=sources, docs=docs, cache=work / "cache", site=work / "site", translations=work / "translations"
    )
    english = "translated" if translated or size <= 5 else "copies untranslated"
    print(f"== {size} plans ({english}), {os.cpu_count()} cores ==", flush=True)
    memory = Memory()
    stage("clean build", config, docs)
    stage("no-change rebuild", config, docs)
    plan, old, new = EDIT
    source = sources / plan / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    stage("one-paragraph edit", config, docs)

    pdfs = sorted((docs / "downloads").glob("*.pdf"), key=lambda path: path.stat().st_size)
    total = sum(path.stat().st_size for path in pdfs)
    briefings = [path for path in pdfs if path.name.startswith("topic-")]
    plans = [path for path in pdfs if path.stem in {folder.name for folder in sources.iterdir()}]
    whole = [path for path in pdfs if path not in briefings and path not in plans]
    print(f"{len(pdfs)} PDFs, {total / 1e6:.1f} MB in all: {len(plans)} plans, {len(briefings)} briefings, ", end="")
    print(f"the whole edition in {len(whole)} file{'s' if len(whole) != 1 else ''}")
    print(f"largest PDF:      {describe(pdfs[-1])}")
    print(f"largest plan:     {describe(plans[-1])}")
    print(f"largest edition:  {describe(whole[-1])}")
    print(f"largest briefing: {describe(briefings[-1])}")
    longest = max(briefings, key=lambda path: len(PdfReader(path).pages))
    print(f"longest briefing: {describe(longest)}")
    print(memory.stop(), flush=True)
    if extras:
        # The offline bundle with every PDF inside (the PDFs come from the cache filled above).
        generate(config, pdfs=True)
        mkdocs_build(config)  # the bundle is the built site, zipped
        bundle = build_offline_bundle(config, load_edition_meta(config.sources))
        print(f"offline bundle with every PDF: {bundle.stat().st_size / 1e6:.2f} MB   (target: <= 15 MB at 5 plans)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[5])
    parser.add_argument("--untranslated", action="store_true", help="the copies without English, as scale.py")
    parser.add_argument("--extras", action="store_true", help="the offline bundle with every PDF too")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child process: one size
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="pdf-stage-") as folder:
            one_size(args.sizes[0], Path(folder), not args.untranslated, args.extras)
        return
    for size in args.sizes:
        flags = [flag for flag in sys.argv[1:] if flag.startswith("--")]
        subprocess.run([sys.executable, __file__, str(size), "--one", *flags], check=True)


if __name__ == "__main__":
    main()
