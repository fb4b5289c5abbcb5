"""Accuracy of the target extractor against the hand-checked list (tests/data/targets.yml).

Run: python -m benchmarks.targets — prints precision and recall per field, and every miss.
"""

from __future__ import annotations

import time

from build_tools.config import BuildConfig
from build_tools.pipeline import assemble
from tests.target_scoring import score


def main() -> None:
    started = time.perf_counter()
    edition = assemble(BuildConfig())
    print(f"assembled the edition in {time.perf_counter() - started:.1f} s")
    print(score(edition.targets).report())


if __name__ == "__main__":
    main()
