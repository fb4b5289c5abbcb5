"""Cost of hostile sizes: one very long line, and a 20 MB source (issue 13: linear time, ≤ 1 GB memory).

Builds a sources folder beside the real edition.yml with one synthetic plan made from a real plan's
text, runs ``python -m build_tools generate`` on it under ``/usr/bin/time -v`` and prints wall time,
peak memory (maximum resident set size) and the size of what was written.
Run on demand: ``python benchmarks/large_sources.py [--megabytes 20] [--line-megabytes 1.8]``.

Measured 2026-11-30 on the shared 2-core machine (load ~14, so wall time is mostly waiting):
one 1.8 MB line 24 s wall, 107 MB peak (before: 62 s, time growing with the square of the line);
a 20 MB source 24 min wall at ~14% of a core, 844 MB peak, 365 MB written (before: 2.27 GB, 731 MB).

``--repeat 0 2500 5000 10000 25000 --megabytes 0 --line-megabytes`` (issue 27: the Henan plan plus one
paragraph of ``到2015年产值达到100亿元，`` repeated: dated facts), measured 2026-12-05 with entries holding
offsets, CPU s / peak / written: the plan alone 1.6 s, 145 MB, 2.1 MB; ×2,500 1.9 s, 147 MB, 7.9 MB;
×5,000 2.3 s, 152 MB, 13.7 MB; ×10,000 2.7 s, 163 MB, 25.3 MB; ×25,000 4.0 s, 214 MB, 60.1 MB (with
copied snippets the same day: 1.8 s, 150 MB; 2.0 s, 156 MB; 2.6 s, 171 MB; 4.5 s, 214 MB; before the
snippets were bounded: ×5,000 16.4 s, 1.7 GB, 1.6 GB written; ×10,000 61 s, 6.5 GB; ×25,000 never finished).
With ``--targets`` (``到2020年…``: each clause a timeline entry and a quantitative target): ×2,500 2.1 s,
150 MB; ×5,000 2.7 s, 158 MB; ×10,000 3.6 s, 173 MB; ×25,000 7.2 s, 266 MB, 133 MB written (before
targets.py found clauses and dates by bisection: 8.5 s, 28.4 s, 95.3 s, ×25,000 615.6 s and 293 MB).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "source_texts" / "henan-equipment-2017"


def plan(sources: Path, text: str) -> None:
    sources.mkdir(parents=True)
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    folder = sources / "large-test-2020"
    folder.mkdir()
    (folder / "source.txt").write_text(text, encoding="utf-8")
    meta = (REAL / "meta.yml").read_text(encoding="utf-8")
    (folder / "meta.yml").write_text(meta.replace("source_file: ", "source_file: large-"), encoding="utf-8")


def long_line(megabytes: float) -> str:
    """The real text with its line ends removed, repeated: one paragraph of ``megabytes``."""
    body = (REAL / "source.txt").read_text(encoding="utf-8").replace("\n", "")
    line = body * (int(megabytes * 2**20 / len(body.encode("utf-8"))) + 1)
    return "河南省装备制造业转型升级行动计划(2017—2020年)\n一、总体要求\n" + line + "\n"


def large(megabytes: float) -> str:
    """The real text repeated (headings and paragraphs as in a real plan) to ``megabytes``."""
    body = (REAL / "source.txt").read_text(encoding="utf-8")
    return body * (int(megabytes * 2**20 / len(body.encode("utf-8"))) + 1)


SENTENCE = "到2015年产值达到100亿元，"
"""The issue's sentence: in the Henan plan (issued 2017) 2015 is past, so each clause is a dated fact."""
TARGET_SENTENCE = "到2020年产值达到100亿元，"
"""The same with a year after the issue: each clause is a timeline entry and a quantitative target."""


def repeated_target(times: int, sentence: str = SENTENCE) -> str:
    """The real plan plus one paragraph of one target sentence ``times`` times (issue 27: linear cost)."""
    body = (REAL / "source.txt").read_text(encoding="utf-8")
    return body.rstrip("\n") + "\n" + sentence * times + "\n" if times else body


def measure(name: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources, docs = Path(tmp) / "sources", Path(tmp) / "docs"
        plan(sources, text)
        command = ["/usr/bin/time", "-v", sys.executable, "-m", "build_tools", "generate"]
        command += ["--sources", str(sources), "--docs", str(docs)]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        report = result.stderr
        wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", report)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        cpu = sum(float(value) for value in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
        written = sum(path.stat().st_size for path in docs.rglob("*") if path.is_file())
        size = len(text.encode("utf-8")) / 2**20
        status = "ok" if result.returncode == 0 else f"exit {result.returncode}"
        print(
            f"{name:<12} {size:7.1f} MB in  {wall.group(1) if wall else '?':>9} wall  {cpu:7.1f} s CPU  "
            f"{int(rss.group(1)) / 2**10 if rss else 0:7.0f} MB peak  {written / 2**20:7.1f} MB written  {status}"
        )
        if result.returncode:
            print(report[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the large source")
    parser.add_argument("--line-megabytes", type=float, nargs="*", default=[0.45, 0.9, 1.8], help="long lines")
    parser.add_argument(
        "--repeat", type=int, nargs="*", default=[], help="target sentences in one paragraph (0: the plan alone)"
    )
    parser.add_argument(
        "--targets", action="store_true", help=f"repeat {TARGET_SENTENCE} (targets) instead of {SENTENCE} (facts)"
    )
    args = parser.parse_args()
    for times in args.repeat:
        measure(f"×{times}", repeated_target(times, TARGET_SENTENCE if args.targets else SENTENCE))
    for megabytes in args.line_megabytes:
        measure("long line", long_line(megabytes))
    if args.megabytes:
        measure("large source", large(args.megabytes))


if __name__ == "__main__":
    main()
