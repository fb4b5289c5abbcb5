"""Comparison pages, the pair rule, the heat map, and the search-exclusion mark on copied text."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import pytest

from build_tools.enrich.compare import choose_pairs
from build_tools.model import PairRules
from tests.site_checks import broken_links


def fake_plan(plan_id: str, region: str) -> SimpleNamespace:
    return SimpleNamespace(meta=SimpleNamespace(id=plan_id, region_en=region))


def test_pair_rule_scales_linearly():
    """500 plans: each with its predecessor in the region and the national plan before it, not every pair."""
    regions = [f"Region{r}" for r in range(30)]
    plans = [fake_plan(f"n{i:03d}", "National" if i % 50 == 0 else regions[i % 30]) for i in range(500)]
    pairs = choose_pairs(plans, PairRules(12, True, True, "National"))
    assert len(pairs) < 2 * len(plans)
    ids = {(pair.left.meta.id, pair.right.meta.id) for pair in pairs}
    assert ("n030", "n060") in ids  # predecessor in Region0
    assert ("n050", "n061") in ids  # the national plan before n061
    small = choose_pairs(plans[:5], PairRules(12, True, True, "National"))
    assert len(small) == math.comb(5, 2)  # few plans: every pair


def test_compare_pages_linked_from_plans_and_matrix(built_site, edition):
    plans = len(edition.plans)
    assert plans <= edition.pair_rules.every_pair_up_to, "the edition outgrew 'every pair': count by the rules"
    pages = sorted((built_site / "compare").glob("*.html"))
    assert len(pages) == math.comb(plans, 2)
    for plan in ("guangdong-machinery-2005", "china-machinery-2021", "henan-equipment-2017"):
        overview = (built_site / "plans" / plan / "index.html").read_text(encoding="utf-8")
        section = re.search(r'<h2 id="compare">.*?(?=<h2 )', overview, re.S).group()
        assert len(re.findall(r'href="../../compare/[^"]+"', section)) == plans - 1  # every other plan
    matrix = (built_site / "topics" / "matrix.html").read_text(encoding="utf-8")
    section = re.search(r'<h2 id="compare">.*', matrix, re.S).group()
    assert len(set(re.findall(r'href="../compare/([^"/]+)\.html"', section))) == math.comb(plans, 2)
    assert not broken_links(built_site)


def test_compare_page_shows_topics_side_by_side(built_site):
    page = built_site / "compare" / "guangdong-machinery-2005--guangdong-high-end-equipment-2021.html"
    html = page.read_text(encoding="utf-8")
    assert 'id="t-cnc-machine-tools"' in html
    rows = html.count('<div class="cmp-row" data-search-exclude>')
    assert rows >= 10 and html.count('<div class="cmp-side">') == 2 * rows
    assert 'href="../plans/guangdong-high-end-equipment-2021/part-' in html  # paragraph links resolved
    assert "Not addressed in this plan." in html
    assert '<span class="zh-only" lang="zh-Hans">目标</span> <span class="en" lang="en">Targets</span>' in html


def test_a_comparison_speaks_english_too_with_human_labels(built_site, edition):
    """Every excerpt and label has its English beside it (the view switch shows one or both); no raw field name."""
    page = built_site / "compare" / "guangdong-high-end-equipment-2021--china-machinery-2021.html"
    article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    items = re.findall(r'<li(?: class="h")?><a class="pid" href="[^"]*#([^"]+)">.*?</li>', article, re.S)
    english = re.findall(
        r'<li(?: class="h")?><a class="pid"[^>]*>[^<]*</a> <span lang="zh-Hans">'
        r'[^<]*</span> <span lang="en">([^<]+)</span></li>',
        article,
    )
    assert len(items) > 100 and len(english) == len(items)  # every block on this page is translated
    for raw in ("list_items", "list_item", ">headings<", ">characters<", "action-plan", ">targets<"):
        assert raw not in article, raw
    for label in (
        "Paragraphs",
        "Characters of Chinese text",
        "Quantitative targets",
        "Draft action plan",
        "Internal outline",
    ):
        assert f'<span class="en" lang="en">{label}</span>' in article, label
    assert "Compared because every pair of this edition’s plans is compared" in article
    # the sections fold: the page opens with every topic closed
    topics = re.findall(r'<details class="cmp-topic" id="t-([a-z0-9-]+)">', article)
    assert len(topics) == article.count('<div class="cmp-row" data-search-exclude>') > 10


def test_heatmap_in_date_order(built_site, edition):
    html = (built_site / "topics" / "matrix.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="heatmap".*?</svg>', html, re.S).group()
    years = re.findall(r'<text class="col-year"[^>]*>(\d{4})</text>', svg)
    assert years == sorted(years) and len(years) == len(edition.plans)  # a column per plan
    assert svg.count('<rect class="cell') == len(edition.plans) * len(re.findall(r'class="row-label"', svg))


@pytest.mark.build
def test_markup_in_sources_is_literal_on_the_across_pages(tmp_path):
    """A quoted slogan and a shared clause that look like HTML show as text on every new page."""
    from build_tools.pipeline import build
    from tests.conftest import META, sandbox_config, write_plan

    sources = tmp_path / "sources"
    clause = "推动<script>alert(1)</script>首台套重大技术装备示范应用取得新突破，"
    for number, region in enumerate(("甲省", "乙省")):
        meta = META.format(title=f"测试规划{number}", source_file=f"p{number}.txt").replace("测试省", region)
        text = f"一、总则\n{clause}实施“<b>制造+服务</b>”行动。\n二、数控机床\n发展数控机床{number}。\n"
        write_plan(sources, f"plan-{number}", text, title=f"测试规划{number}", meta=meta)
    (sources / "edition.yml").write_text(
        'title_zh: 测试\ntitle_en: Test\nedition_date: "2026-01-01"\n', encoding="utf-8"
    )
    config = sandbox_config(tmp_path, sources)
    build(config)
    pages = {
        name: (config.site / f"{name}.html").read_text(encoding="utf-8")
        for name in ("vocabulary", "shared-wording", "compare/plan-0--plan-1", "plans/plan-0/part-01")
    }
    for name, html in pages.items():
        article = html.split("<article", 1)[1]
        assert "<script>alert" not in article and "<b>制造" not in article, name
    assert "&lt;b&gt;制造+服务&lt;/b&gt;" in pages["vocabulary"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["shared-wording"]
    assert "<mark>" in pages["plans/plan-0/part-01"]
