"""The timeline and targets pages: valid SVG, every marker linking to an existing paragraph, tables by year."""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml

from tests.site_checks import resolve, scan

SVG = "{http://www.w3.org/2000/svg}"
QUOTED = Path(__file__).parent / "data" / "quoted_sentences.yml"
YEAR_TABLE = r'<h[234] id="y(\d+)".*?</h[234]>\s*(?:<div[^>]*>\s*)*<table>(.*?)</table>'
"""A year's heading and the table under it."""


def svgs(html: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(found) for found in re.findall(r"<svg class=\"timeline\".*?</svg>", html, re.S)]


def test_timeline_svg_is_valid_and_has_a_lane_per_plan(built_site, edition):
    html = (built_site / "timeline.html").read_text(encoding="utf-8")
    (svg,) = svgs(html)
    lanes = svg.findall(f"{SVG}g")
    assert len(lanes) == len(edition.plans)
    assert [lane.find(f"{SVG}text").text.split()[0] for lane in lanes] == [p.meta.region_zh for p in edition.plans]
    assert svg.find(f"{SVG}title").text.startswith("时间线 Timeline")


def test_every_marker_links_to_an_existing_paragraph_or_year(built_site):
    page = built_site / "timeline.html"
    html = page.read_text(encoding="utf-8")
    (svg,) = svgs(html)
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert len(links) >= 20  # one marker per plan, year and kind
    for href in links:
        target, fragment = resolve(page.resolve(), href, built_site)
        assert target.exists(), href
        assert fragment in scan(target).ids, href


def test_entries_are_listed_by_year_with_links(built_site, edition):
    html = (built_site / "timeline.html").read_text(encoding="utf-8")
    ids = scan(built_site / "timeline.html").ids
    for entry in edition.timeline:
        if entry.block_id:
            assert f"y{entry.year}" in ids
    assert "y2003" in ids and "y2035" in ids  # before and after the axis are kept
    assert "2003年我省机械工业有规模以上生产企业1998家" in html


def statements(html: str) -> set[tuple[str, str]]:
    """(the row's paragraph link, the sentence it prints) for each row of the timeline's year tables."""
    return set(statements_in_order(html))


def year_rows(html: str) -> list[tuple[str, str, str]]:
    """(year, the row's paragraph link, its sentence) for each row of a page's year tables, in order."""
    found = []
    for year, table in re.findall(YEAR_TABLE, html, re.S):
        found += [(year, *row) for row in statements_in_order(table)]
    return found


def statements_in_order(html: str) -> list[tuple[str, str]]:
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        link = re.search(r'href="([^"]+)"', cells[-1]) if len(cells) == 4 else None
        if link:
            rows.append((html_text.unescape(link.group(1)), html_text.unescape(re.sub(r"<[^>]+>", "", cells[2]))))
    return rows


def test_a_sentence_naming_a_year_twice_is_one_row_of_that_year(built_site):
    """Shanxi s1.1.2/p1 says 从2005年的388.9亿元增长到2010年… 从2005年的364.4亿元增长到2010年… in one sentence:
    two entries for each year in the export (two offsets), one row per year on the page (read in the text)."""
    rows = year_rows((built_site / "timeline.html").read_text(encoding="utf-8"))
    assert len(rows) > 100
    assert len(rows) == len(set(rows)), [row for row in rows if rows.count(row) > 1][:2]
    twice = "规模以上企业工业总产值从2005年的388.9亿元增长到2010年的1106亿元"
    for year in ("2005", "2010"):
        assert sum(1 for y, link, sentence in rows if y == year and sentence.startswith(twice)) == 1, year


def test_offsets_give_the_sentence_the_timeline_prints(built_site, edition):
    shown = statements((built_site / "timeline.html").read_text(encoding="utf-8"))
    assert len(shown) > 100
    for expected in yaml.safe_load(QUOTED.read_text(encoding="utf-8"))["sentences"]:
        block = edition.block(expected["block"])
        entries = [
            entry
            for entry in (edition.targets if expected["target"] else edition.timeline)
            if entry.block_id == block.id and entry.text == expected["text"]
        ]
        assert entries, expected
        for entry in entries:  # the entry holds where its sentence lies in the paragraph, and that is all
            assert block.zh[entry.snippet_start : entry.snippet_end] == expected["sentence"], entry
        plan_id = block.id.split("/", 1)[0]
        links = {link for link, sentence in shown if sentence == expected["sentence"]}
        assert any(link.startswith(f"plans/{plan_id}/") and link.endswith(f"#{block.anchor}") for link in links)


def test_targets_table_compares_the_plans(built_site, edition):
    html = (built_site / "targets.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr data-plan=.*?</tr>", html, re.S)
    assert len(rows) == len(edition.targets)
    guangdong = next(row for row in rows if "7000亿元" in row)
    assert re.search(r">2010<", guangdong) and "机械工业总产值" in guangdong
    assert any("70%" in row and ">2025<" in row for row in rows)  # 004: 70% self-sufficiency by 2025


def test_topic_pages_have_their_own_timeline_and_targets(built_site):
    html = (built_site / "topics" / "tunnel-boring-machines.html").read_text(encoding="utf-8")
    assert len(svgs(html)) == 1
    assert 'id="timeline"' in html
    assert "../timeline.html#y2016" in html  # “十三五” mentions in the TBM paragraphs


def test_export_has_timeline_targets_and_block_years(built_site, edition):
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    assert len(data["timeline"]) == len(edition.timeline) and len(data["targets"]) == len(edition.targets)
    assert {"year", "end_year", "kind", "block_id", "snippet"} <= set(data["timeline"][0])
    block = next(b for p in data["plans"] for b in p["blocks"] if b["id"] == "guangdong-machinery-2005/s2.2/p2")
    assert 2010 in block["years"]
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "targets.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(edition.targets)
    assert any(row["value"] == "7000.0" and row["unit"] == "亿元" and row["year"] == "2010" for row in rows)


def test_chart_coordinates_carry_no_float_remainders(built_site):
    """Coordinates computed in a template are rounded (509.2, not 509.20000000000005) on every page with a chart."""
    checked = 0
    for page in built_site.rglob("*.html"):
        for svg in re.findall(r"<svg.*?</svg>", page.read_text(encoding="utf-8"), re.S):
            numbers = re.findall(r'\s[a-z-]+="(-?\d+(?:\.\d+)?)"', svg)
            assert not [number for number in numbers if len(number.partition(".")[2]) > 2], page.name
            checked += len(numbers)
    assert checked > 5000
