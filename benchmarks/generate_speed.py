"""Time `generate` for the real five plans and for a synthetic corpus of 100 plans made from them.

Run on demand: `make benchmark` (prints numbers; not a test).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scale import corpus  # noqa: E402
from build_tools.core.config import ROOT, BuildConfig  # noqa: E402
from build_tools.pipeline import generate  # noqa: E402


def timed_generate(sources: Path, work: Path) -> float:
    docs = work / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    started = time.perf_counter()
    generate(BuildConfig(sources=sources, docs=docs))
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        five = timed_generate(ROOT / "source_texts", work / "five")
        hundred_sources = corpus(work / "corpus100", 100)
        hundred = timed_generate(hundred_sources, work / "hundred")
    print(f"generate, 5 plans:   {five:7.3f} s  ({five / 5 * 1000:6.1f} ms per plan)")
    print(f"generate, 100 plans: {hundred:7.3f} s  ({hundred / 100 * 1000:6.1f} ms per plan)")
    print(f"ratio 100/5: {hundred / five:5.1f} (linear growth would be 20.0)")


if __name__ == "__main__":
    main()
