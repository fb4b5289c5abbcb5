"""Parse and enrich at scale: the synthetic corpus of `benchmarks/scale.py`, `assemble` (load, parse,
enrich: the whole edition in memory) timed per step, four times over one fresh cache:

- cold: nothing cached (each plan's own work in worker processes, see README "Incremental builds");
- warm: nothing changed (every plan's results and the steps across plans read from `.cache/enrich`);
- one translation edited (that plan recomputed; vocabulary and shared wording still cached);
- one source edited (that plan recomputed, and the steps across plans, which read every plan's text).

Wall seconds and CPU seconds (this process and its workers: on a shared machine the CPU time says more
than the wall time). `BUILD_WORKERS=1` in the environment keeps the per-plan work in this process.

    python benchmarks/enrich_stage.py [SIZE]     (default 100)
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import _edit_one_translation, corpus  # noqa: E402
from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pipeline import assemble  # noqa: E402


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Steps:
    """A progress callback: (step, wall s, CPU s) per step."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []
        self.name, self.wall, self.cpu = "", time.perf_counter(), _cpu()

    def __call__(self, step: str) -> None:
        self.close()
        self.name, self.wall, self.cpu = step, time.perf_counter(), _cpu()

    def close(self) -> None:
        if self.name:
            self.rows.append((self.name[:60], time.perf_counter() - self.wall, _cpu() - self.cpu))
        self.name = ""


def _run(label: str, config: BuildConfig) -> None:
    steps = Steps()
    wall, cpu = time.perf_counter(), _cpu()
    assemble(config, steps)
    steps.close()
    print(f"-- {label}: {time.perf_counter() - wall:.1f} s, {_cpu() - cpu:.1f} CPU s")
    for name, seconds, used in steps.rows:
        print(f"   {name:<62} {seconds:7.1f} {used:7.1f}")


def _edit_one_source(sources: Path) -> None:
    """Add a sentence to one paragraph line of one plan's source (a copy's, in the middle of the corpus)."""
    folder = sorted(path for path in sources.iterdir() if path.is_dir())[len(list(sources.iterdir())) // 2]
    path = folder / "source.txt"
    lines = path.read_bytes().decode("utf-8").split("\n")
    number = max(range(len(lines)), key=lambda index: len(lines[index]))
    lines[number] += "这是为基准测试新增的一句话。"
    path.write_bytes("\n".join(lines).encode("utf-8"))


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(prefix="enrich-stage-") as folder:
        work = Path(folder)
        sources = corpus(work / "sources", size)
        shutil.copytree(ROOT / "translations", work / "translations")
        config = replace(BuildConfig(), sources=sources, translations=work / "translations", cache=work / "cache")
        print(f"== {size} plans ==")
        _run("cold (nothing cached)", config)
        _run("warm (no change)", config)
        _edit_one_translation(config.translations)
        _run("one plan's translation edited", config)
        _edit_one_source(sources)
        _run("one plan's source edited", config)


if __name__ == "__main__":
    main()
