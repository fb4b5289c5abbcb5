"""The built site as a reader meets it: strict build, no broken link, literal text, working search index."""

from __future__ import annotations

import json
import re

from build_tools.search.index import payload_of
from build_tools.search.text import shard_of
from tests.site_checks import broken_links, scan


def test_strict_build_writes_every_plan_page(built_site, edition):
    for plan in edition.plans:
        assert (built_site / "plans" / plan.meta.id / "index.html").exists()
        for part in plan.parts:
            assert (built_site / "plans" / plan.meta.id / f"{part.slug}.html").exists()


def test_no_internal_link_is_broken(built_site):
    assert broken_links(built_site) == []


def test_every_block_has_a_visible_anchor_and_citation(built_site, edition):
    plan = edition.plan("henan-equipment-2017")
    for part in plan.parts:
        page = built_site / "plans" / plan.meta.id / f"{part.slug}.html"
        html = page.read_text(encoding="utf-8")
        ids = scan(page).ids
        for block_id in part.block_ids:
            block = next(b for b in plan.blocks if b.id == block_id)
            assert block.anchor in ids, block.id
            if block.kind not in ("heading", "box"):
                assert f"¶ {block_id.split('/', 1)[1]}</a>" in html
                assert f'<span class="cite-block">{block_id}</span>' in html  # the cite box names the full id


def test_source_markup_shows_literally(built_site):
    page = (built_site / "plans/guangdong-high-end-equipment-2021/part-01.html").read_text(encoding="utf-8")
    page = re.sub(r'</?a( class="gl"[^>]*)?>', "", page)  # glossary terms are links inside the text
    assert "实现营业收入**亿元。" in page
    assert "<strong>亿元" not in page
    latex = (built_site / "plans/china-machinery-2021/part-02.html").read_text(encoding="utf-8")
    assert r"$\Phi 6.28\text{m}$" in latex


def test_headings_keep_their_numbering(built_site):
    page = (built_site / "plans/guangdong-machinery-2005/part-02.html").read_text(encoding="utf-8")
    assert "第一章 发展现状和面临的发展环境" in page
    assert "（一） 总量规模较大，部分行业居全国前列。" in page


def test_search_index_holds_chinese_bigrams_and_english_stems(built_site):
    manifest = payload_of((built_site / "search" / "index.js").read_text(encoding="utf-8"))["manifest"]
    for term in ("机床", "robot"):
        shard = built_site / "search" / "p" / f"{shard_of(term, manifest['shards'])}.js"
        assert term in payload_of(shard.read_text(encoding="utf-8"))["postings"]
    chunks = sorted((built_site / "search" / "d").glob("*.js"))
    titles = " ".join(doc[3] for chunk in chunks for doc in payload_of(chunk.read_text(encoding="utf-8"))["docs"])
    assert "Henan Province Action Plan" in titles  # what a result shows is stored beside the postings


def test_data_export_is_published(built_site, edition):
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    assert [plan["id"] for plan in data["plans"]] == [plan.meta.id for plan in edition.plans]
    assert (built_site / "data" / "blocks.csv").exists()
