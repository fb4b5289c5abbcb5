"""Accuracy of the target extractor against the hand-checked list (tests/data/targets.yml).

Run: python benchmarks/targets.py — prints precision and recall per field, and every miss.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.core.config import BuildConfig  # noqa: E402
from build_tools.pipeline import assemble  # noqa: E402
from tests.target_scoring import score  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    edition = assemble(BuildConfig())
    print(f"assembled the edition in {time.perf_counter() - started:.1f} s")
    print(score(edition.targets).report())


if __name__ == "__main__":
    main()
