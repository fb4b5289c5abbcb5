"""docs/ belongs to the build (but for assets/): whatever a generate run did not write there is removed, so a removed
plan, a shorter list or a file left by an older build never reaches MkDocs, while the hand-written assets stay."""

from __future__ import annotations

import shutil

import pytest

from build_tools.pipeline import generate
from tests.conftest import META, sandbox_config, write_plan

TEXT = "一、总则\n发展数控机床和工业机器人。\n二、任务\n到2025年，产值达到100亿元。\n"
EDITION = 'title_zh: 测试\ntitle_en: Test\nedition_date: "2026-01-01"\n'


@pytest.mark.build
def test_pages_of_a_removed_plan_and_strays_go_and_assets_stay(tmp_path):
    sources = tmp_path / "sources"
    for plan_id in ("first-plan-2020", "second-plan-2021"):
        write_plan(sources, plan_id, TEXT, meta=META.format(title="测试规划", source_file=f"{plan_id}.txt"))
    (sources / "edition.yml").write_text(EDITION, encoding="utf-8")
    config = sandbox_config(tmp_path, sources)
    generate(config)
    docs = config.docs
    second = docs / "plans" / "second-plan-2021"
    assert (second / "index.md").is_file() and list(second.glob("*.bib"))  # its page and its citation files
    assets = sorted(path.relative_to(docs) for path in (docs / "assets").rglob("*"))
    search = sorted(path.relative_to(docs) for path in (docs / "search").rglob("*"))
    strays = [docs / "old-page.md", docs / "plans" / "gone-plan" / "index.md", docs / "topics" / "renamed.md"]
    for stray in strays:  # what an older build (or a hand) left, with no marker of any kind
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_text("# Old\n", encoding="utf-8")

    shutil.rmtree(sources / "second-plan-2021")
    result = generate(config)

    assert not second.exists() and not (docs / "plans" / "gone-plan").exists()
    assert not any(stray.exists() for stray in strays)
    assert (docs / "plans" / "first-plan-2020" / "index.md").is_file()
    assert sorted(path.relative_to(docs) for path in (docs / "assets").rglob("*")) == assets
    assert (docs / "search").is_dir() and search  # the search stage keeps its own folder
    left = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
    # the search stage's index files (not the results page, search/index.md, which render writes)
    index_files = {path for path in left if path.startswith("search/") and path != "search/index.md"}
    generated = {path for path in left if not path.startswith("assets/")} - index_files
    assert generated == set(result.written)  # exactly what this run wrote, nothing else
    assert "second-plan-2021" not in (docs / ".nav.yml").read_text(encoding="utf-8")
