"""Side-by-side pages as a reader sees them: rows, both scripts, the switch, pending and stale marks, status page."""

from __future__ import annotations

import re
import shutil

import polib
import pytest

from build_tools.core.config import ROOT
from build_tools.pipeline import build
from tests.conftest import copy_real_sources, sandbox_config
from tests.site_checks import scan


def page(site, plan, part):
    return (site / "plans" / plan / f"{part}.html").read_text(encoding="utf-8")


def test_every_block_is_a_row_with_chinese_and_english(built_site, edition):
    html = page(built_site, "henan-equipment-2017", "part-01")
    rows = re.findall(
        r'<div class="blk blk-(?:paragraph|list_item|title)[^"]*" id="([^"]+)"[^>]*>\s*'
        r'<div class="col-zh">(.*?)</div>\s*<div class="col-en" lang="en">(.*?)</div>',
        html,
        re.S,
    )
    plan = edition.plan("henan-equipment-2017")
    expected = [b.anchor for b in plan.blocks if b.part == 1 and b.kind not in ("heading", "box")]
    assert [anchor for anchor, _, _ in rows] == expected
    for anchor, zh, en in rows:
        assert 'lang="zh-Hans"' in zh and 'lang="zh-Hant"' in zh
        assert '<p class="en">' in en, anchor
    text = re.sub(r"</?a\b[^>]*>", "", html)  # glossary terms are links inside the text
    assert "In overall level, the equipment manufacturing industry ranks first among" in text


def test_headings_carry_both_languages(built_site):
    html = page(built_site, "henan-equipment-2017", "part-01")
    heading = re.search(r'<h1 [^>]*id="s1"[^>]*>(.*?)</h1>', html, re.S).group(1)
    assert "总体要求" in heading and "總體要求" in heading and "General Requirements" in heading


def test_traditional_text_is_converted_with_the_chosen_config(built_site, edition):
    html = page(built_site, "henan-equipment-2017", "part-02")
    assert "高檔數控系統" in html  # s2tw: 高档数控系统 -> 高檔數控系統
    opening = page(built_site, "henan-equipment-2017", "part-01")
    chinese = re.sub(r"<[^>]+>", "", "".join(re.findall(r'<p class="zh t-han[st][^"]*"[^>]*>(.*?)</p>', opening, re.S)))
    # one form, 臺, throughout: 首台(套) once in the Simplified text, 首臺(套) once in the Traditional
    assert chinese.count("首臺(套)") == 1 and chinese.count("首台(套)") == 1
    assert edition.bilingual.hant_config == "s2tw-edition"  # s2tw with the edition's phrase dictionary
    assert "OpenCC s2tw-edition" in html


def test_view_switch_is_hidden_without_javascript_and_script_is_local(built_site):
    html = page(built_site, "henan-equipment-2017", "part-01")
    assert (
        '<div class="view-switch" id="view-switch" tabindex="-1" role="group" '
        'aria-label="Language view · 阅读视图" hidden>' in html
    )
    scripts = scan(built_site / "plans/henan-equipment-2017/part-01.html").scripts_src
    assert any(src.endswith("assets/javascripts/edition.js") for src in scripts)
    assert all(not src.startswith(("http:", "https:", "//")) for src in scripts)


@pytest.mark.build
def test_pending_and_stale_translations_are_marked_never_hidden(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    po_file = translations / "en" / "guangdong-high-end-equipment-2021.po"
    po = polib.pofile(str(po_file))
    for entry in po:
        if entry.msgctxt == "guangdong-high-end-equipment-2021/s1.2/p1":
            entry.msgstr = ""
        if entry.msgctxt == "guangdong-high-end-equipment-2021/s1.3/p1":
            entry.flags.append("fuzzy")
            entry.previous_msgid = "旧的原文。"
    po.save(str(po_file))
    config = sandbox_config(tmp_path, sources)
    config = type(config)(sources=config.sources, docs=config.docs, site=config.site, translations=translations)
    build(config)
    html = page(config.site, "guangdong-high-end-equipment-2021", "part-01")
    pending = re.search(r'id="s1-2-p1".*?<div class="col-en" lang="en">(.*?)</div>', html, re.S).group(1)
    assert "Translation pending" in pending
    stale = re.search(r'id="s1-3-p1".*?<div class="col-en" lang="en">(.*?)</div>', html, re.S).group(1)
    assert "needs review" in stale and "Guangdong" in stale and "旧的原文。" in stale
    status = (config.site / "translation-status.html").read_text(encoding="utf-8")
    row = re.search(r"广东省培育高端装备制造产业集群行动计划.*?</tr>", status, re.S).group(0)
    assert [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", row)][:4] == [68, 66, 1, 1]


def test_status_page_matches_the_po_files(built_site, edition):
    status = (built_site / "translation-status.html").read_text(encoding="utf-8")
    for plan in edition.plans:
        po = polib.pofile(str(ROOT / "translations" / "en" / f"{plan.meta.id}.po"))
        live = [e for e in po if not e.obsolete]
        translated = sum(1 for e in live if e.msgstr and "fuzzy" not in e.flags)
        fuzzy = sum(1 for e in live if e.msgstr and "fuzzy" in e.flags)
        row = re.search(re.escape(plan.meta.title_zh.replace("&", "&amp;")) + r".*?</tr>", status, re.S).group(0)
        numbers = [int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", row)]
        assert numbers[:4] == [len(plan.blocks), translated, fuzzy, len(plan.blocks) - translated - fuzzy]


def test_english_reader_can_navigate(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for label in ("Guangdong", "Shanxi", "Henan", "National", "Translation status", "Glossary"):
        assert label in home
    overview = (built_site / "plans/china-machinery-2021/index.html").read_text(encoding="utf-8")
    assert "Main Achievements" in overview  # English headings in the contents


def test_glossary_page_links_to_occurrences(built_site):
    glossary = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert "数控机床" in glossary and "CNC machine tool" in glossary
    # each term's plans are on its letter's page (present/paging.py), which links to the first occurrence
    row = r'<tr id="g-cnc-machine-tool".*?<a href="(glossary/c\.html#g-cnc-machine-tool)">(\d+) · (\d+) ¶</a>'
    link = re.search(row, glossary)
    assert link, "the glossary row links to where the term occurs"
    letter = (built_site / "glossary" / "c.html").read_text(encoding="utf-8")
    section = re.search(r'id="g-cnc-machine-tool".*?(?=<h2|</article>)', letter, re.S).group(0)
    firsts = re.findall(r'href="\.\./plans/[a-z0-9-]+/part-\d\d\.html#[a-z0-9-]+"', section)
    assert len(firsts) == int(link.group(2)) >= 3  # one per plan, as the row counts
