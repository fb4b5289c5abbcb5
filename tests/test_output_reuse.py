"""Render, export and search reuse what an edit did not touch (build_tools.core.cache.Reuse): a rebuild after one
plan's translation is edited renders again exactly the pages that show the edited text, in that plan and across
plans, leaves every other plan's pages alone, and writes docs/ (pages, exports, search index) byte for byte as a
build from an empty cache does. Builds run in processes of their own, each with its own string hash seed, as
real builds do: what is reused must not depend on the process that kept it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.core.config import ROOT, BuildConfig
from build_tools.pipeline import generate
from tests.conftest import copy_real_sources, sandbox_config

PLAN = "shanxi-equipment-2011"
BLOCK = f"{PLAN}/s1.1/p1"
EDITED = "Xylo quartz zebra: a sentence edited for the reuse test."
ALWAYS = {"index.md", "downloads.md", "about.md", "data.md", "search/index.md", ".nav.yml"}
"""Pages made from the whole edition, rendered every time (render/pages.py, ``Pages.always``)."""

GENERATE = """
import json, sys
from pathlib import Path
from build_tools.core.config import BuildConfig
from build_tools.pipeline import generate
paths = json.loads(sys.argv[1])
result = generate(BuildConfig(**{name: Path(path) for name, path in paths.items()}))
print(json.dumps(list(result.rendered)))
"""


def generate_elsewhere(config: BuildConfig, seed: int) -> set[str]:
    """``generate`` in a new process with this hash seed; the docs/ files it rendered (not reused)."""
    paths = {name: str(getattr(config, name)) for name in ("sources", "docs", "site", "translations", "cache")}
    done = subprocess.run(
        [sys.executable, "-c", GENERATE, json.dumps(paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def files(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in docs.rglob("*") if path.is_file()}


def showing(found: dict[str, bytes], text: str) -> set[str]:
    return {path for path, data in found.items() if text.encode() in data}


def edit_translation(po: Path) -> str:
    """Replace the English of BLOCK (its msgstr, up to the blank line after it); return the English it had."""
    text = po.read_text(encoding="utf-8")
    value = text.index('msgstr "', text.index(f'msgctxt "{BLOCK}"'))
    end = text.index("\n\n", value)
    po.write_text(f'{text[:value]}msgstr "{EDITED}"{text[end:]}', encoding="utf-8")
    return "".join(line.strip()[1:-1] for line in text[value + len("msgstr ") : end].splitlines())


@pytest.mark.build
def test_an_edited_translation_renders_again_exactly_the_pages_that_show_it(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    config = replace(
        sandbox_config(tmp_path, sources), translations=tmp_path / "translations", cache=tmp_path / "cache"
    )
    everything = generate_elsewhere(config, seed=1)
    first = files(config.docs)
    assert {path for path in first if path.endswith(".md")} - {"index.md"} <= everything

    # Nothing changed, another process: every page that can be reused is, and docs/ is as it was.
    assert generate_elsewhere(config, seed=2) == ALWAYS
    assert files(config.docs) == first

    before = edit_translation(tmp_path / "translations" / "en" / f"{PLAN}.po")
    rendered = generate_elsewhere(config, seed=3)
    edited = files(config.docs)
    shown = {path for path in showing(edited, EDITED) if path.endswith(".md")}
    assert {"data/edition.json", "data/blocks.csv"} <= showing(edited, EDITED)
    assert any(path.startswith("search/d/") for path in showing(edited, EDITED))
    # The paragraph names 仪器仪表 and 文化办公用品: its two topics' pages quote it, beside its own part page.
    assert f"plans/{PLAN}/part-01.md" in shown
    assert any(path.startswith("topics/instruments-and-sensors") for path in shown), sorted(shown)
    assert any(path.startswith("topics/office-machinery") for path in shown), sorted(shown)
    assert shown <= rendered, sorted(shown - rendered)
    # The old English is gone from every file that showed it (cross pages, the search index, the exports).
    assert len(showing(first, before[:60]) - {f"plans/{PLAN}/part-01.md"}) >= 4
    assert not showing(edited, before[:60])
    # No other plan's page was rendered again; few pages were.
    others = {path for path in rendered if path.startswith("plans/") and not path.startswith(f"plans/{PLAN}/")}
    assert not others, sorted(others)
    assert len(rendered) < len(edited) // 10, sorted(rendered)
    changed = {path for path, data in edited.items() if path.endswith(".md") and first.get(path) != data}
    assert changed <= rendered, sorted(changed - rendered)

    # The same inputs from an empty cache: the same docs/, pages, exports and search index alike.
    clean = replace(config, docs=tmp_path / "clean" / "docs", cache=tmp_path / "clean" / "cache")
    shutil.copytree(ROOT / "docs" / "assets", clean.docs / "assets")
    generate_elsewhere(clean, seed=4)
    assert files(clean.docs) == edited


@pytest.mark.build
def test_a_second_build_in_the_same_process_reuses_every_page(tmp_path):
    """pathlib interns path parts, so which equal strings are one object depends on what the process did before:
    the hash of a page must not (it once did, and the second build in a process rendered everything again)."""
    config = replace(sandbox_config(tmp_path, copy_real_sources(tmp_path / "sources")), cache=tmp_path / "cache")
    first = generate(config)
    assert len(first.rendered) > 150
    assert set(generate(config).rendered) == ALWAYS
