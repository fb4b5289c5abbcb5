"""The enrich cache (.cache/enrich): a rebuild reuses each unchanged plan's parse and enrichment, shows every
edit (a translation, a source, the glossary), and writes the same pages as a build from an empty cache."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.core.config import ROOT
from build_tools.pipeline import generate
from tests.conftest import copy_real_sources, sandbox_config

PLAN = "shanxi-equipment-2011"


def pages(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in docs.rglob("*") if path.is_file()}


def plan_pages(docs: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted((docs / "plans" / PLAN).glob("part-*.md")))


def entries(cache: Path) -> set[str]:
    return {path.name for path in (cache / "enrich").glob("*.pickle")}


@pytest.mark.build
def test_a_cached_rebuild_shows_each_edit_and_matches_a_build_from_nothing(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    config = replace(
        sandbox_config(tmp_path, sources),
        translations=tmp_path / "translations",
        glossary=tmp_path / "glossary" / "terms.yml",
        cache=tmp_path / "cache",
    )
    generate(config)
    first, cached = pages(config.docs), entries(config.cache)
    assert len(cached) == 5 + 2  # each plan's own results, vocabulary, shared wording

    generate(config)  # nothing changed: everything from the cache, the same pages
    assert entries(config.cache) == cached
    assert pages(config.docs) == first

    # A translation: that plan's results only are made again (vocabulary and shared wording read no English).
    po = tmp_path / "translations" / "en" / f"{PLAN}.po"
    text = po.read_text(encoding="utf-8")
    value = text.index('msgstr "', text.index(f'msgctxt "{PLAN}/s1.1/p1"'))
    po.write_text(f'{text[:value]}msgstr "Edited in the cache test. {text[value + 8 :]}', encoding="utf-8")
    generate(config)
    assert "Edited in the cache test." in plan_pages(config.docs)
    assert len(entries(config.cache) - cached) == 1
    cached = entries(config.cache)

    # A source: that plan's results, and the steps that read every plan's text.
    source = sources / PLAN / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("创新水平。", "创新水平和能力。", 1), encoding="utf-8")
    generate(config)
    assert "创新水平和能力" in plan_pages(config.docs)
    assert len(entries(config.cache) - cached) == 3
    cached = entries(config.cache)

    # The glossary, which every plan's marks read: all made again, the new term marked in the text.
    glossary = config.glossary.read_text(encoding="utf-8")
    config.glossary.write_text(
        glossary + "- id: test-innovation-level\n  zh: 创新水平和能力\n  en: innovation level\n  category: other\n",
        encoding="utf-8",
    )
    generate(config)
    assert "glossary.md#g-test-innovation-level" in plan_pages(config.docs)
    assert len(entries(config.cache) - cached) == 5 + 2

    clean = replace(config, docs=tmp_path / "clean" / "docs", cache=tmp_path / "clean" / "cache")
    shutil.copytree(ROOT / "docs" / "assets", clean.docs / "assets")
    generate(clean)
    assert pages(clean.docs) == pages(config.docs)


@pytest.mark.build
def test_a_damaged_cache_entry_is_made_again(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    config = replace(sandbox_config(tmp_path, sources), cache=tmp_path / "cache")
    generate(config)
    first = pages(config.docs)
    for entry in (config.cache / "enrich").glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:100])
    generate(config)
    assert pages(config.docs) == first
