"""The synthetic corpus of the scale tests and benchmarks: the real plans repeated under new ids."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.core.config import ROOT


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
