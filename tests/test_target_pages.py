"""The targets page as a reader sees it: both languages, filters that work offline, charts on a phone;
the export of every target field."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree

from tests.site_checks import resolve, scan

SVG = "{http://www.w3.org/2000/svg}"


def page_html(site):
    return (site / "targets.html").read_text(encoding="utf-8")


def rows_of(html):
    return re.findall(r"<tr data-plan=.*?</tr>", html, re.S)


def test_every_target_is_a_row_in_both_languages(built_site, edition):
    rows = rows_of(page_html(built_site))
    assert len(rows) == len(edition.targets)
    assert not any("(English pending)" in row for row in rows)
    revenue = next(row for row in rows if "2万亿元" in row)
    assert "Main business revenue of equipment manufacturing enterprises above designated size" in revenue
    assert "more than 2 trillion yuan" in revenue
    recurring = next(row for row in rows if "智能工厂" in row)
    assert "2017–2020" in recurring and "each year" in recurring and 'data-years="2017 2018 2019 2020"' in recurring
    comparative = next(row for row in rows if "全行业工业增加值增速" in row)
    assert "higher than the growth of manufacturing as a whole" in comparative


def test_without_script_the_table_is_complete(built_site):
    html = page_html(built_site)
    assert re.search(r"<form class=\"targets-filters\"[^>]*hidden", html)  # the script shows the filters
    assert not any(" hidden" in row.split(">", 1)[0] for row in rows_of(html))


def test_paragraph_and_topic_links_resolve(built_site, edition):
    page = built_site / "targets.html"
    hrefs = re.findall(r'<td[^>]*><a href="([^"]+)">', page.read_text(encoding="utf-8"))
    hrefs += re.findall(r'<a href="([^"]*topics/[^"]+)"(?: lang="en")?>', page.read_text(encoding="utf-8"))
    assert len(hrefs) > len(edition.targets)  # every row links its paragraph, and topics are linked too
    for href in hrefs:
        target, fragment = resolve(page.resolve(), href, built_site)
        assert target.exists(), href
        assert not fragment or fragment in scan(target).ids, href


def test_series_charts_are_valid_svg(built_site, edition):
    html = page_html(built_site)
    charts = [ElementTree.fromstring(s) for s in re.findall(r"<svg viewBox=\"0 0 360 200\".*?</svg>", html, re.S)]
    titles = [chart.find(f"{SVG}title").text for chart in charts]
    assert any("Output and revenue" in title for title in titles)
    output = charts[[i for i, t in enumerate(titles) if "Output and revenue" in t][0]]
    labels = {text.text for text in output.iter(f"{SVG}text")}
    assert {"2,800", "7,000", "3,500", "20,000"} <= labels  # 2万亿元 = 20,000 亿元; the blank ** is not drawn


def test_topic_pages_list_targets_by_their_subject(built_site):
    html = (built_site / "topics" / "robots.html").read_text(encoding="utf-8")
    assert "规模化示范应用机器人" in html and "Robots in scaled demonstration application" in html
    assert "2,000 units" in html and "at least" in html  # figure and qualifier, each in its column
    transmission = (built_site / "topics" / "power-transmission-distribution.html").read_text("utf-8")
    assert "高压开关设备生产企业" in transmission
    assert "机械工业总产值" not in transmission.split('id="targets"', 1)[-1].split('id="timeline"', 1)[0]


def test_export_carries_every_target_field(built_site, edition):
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    first = data["targets"][0]
    wanted = {"subject", "subject_en", "qualifier_en", "value_en", "kind", "per_year", "end_year", "topics"}
    assert wanted <= set(first)
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "targets.csv").read_text(encoding="utf-8"))))
    assert {"subject", "subject_en", "kind", "per_year", "end_year", "value_en", "topics"} <= set(rows[0])
    robots = next(row for row in rows if row["subject"] == "机器人示范应用")
    assert (robots["year"], robots["value_en"], robots["kind"]) == ("2020", "at least 20,000 units", "count")


def test_filters_work_from_file_urls(built_site, edition, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto((built_site / "targets.html").as_uri())
    page.wait_for_selector("form.targets-filters:not([hidden])")
    visible = "document.querySelectorAll('[data-targets-table] tbody tr:not([hidden])').length"
    assert page.evaluate(visible) == len(edition.targets)
    page.select_option("select[name=kind]", "count")
    assert page.evaluate(visible) == sum(t.kind == "count" for t in edition.targets)
    page.select_option("select[name=year]", "2019")
    assert page.evaluate(visible) == sum(t.kind == "count" and t.year <= 2019 <= t.end_year for t in edition.targets)
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=year]", "")
    page.select_option("select[name=plan]", "shanxi-equipment-2011")
    assert page.evaluate(visible) == sum(t.plan_id == "shanxi-equipment-2011" for t in edition.targets)
    assert page.locator("[data-targets-count]").inner_text().startswith("6 of 41")
    # The online build's search index is not meant for file:// (the offline bundle inlines it).
    assert not [error for error in errors if "search_index" not in error] and not requests
    page.close()


def test_charts_and_table_fit_a_phone(built_site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((built_site / "targets.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    script = "Array.from(document.querySelectorAll('.target-chart svg')).map(s => s.getBoundingClientRect().width)"
    widths = page.evaluate(script)
    assert widths and all(300 <= width <= 390 for width in widths)
    page.close()


# Read in the texts: each target's amount as the plan prints it, and the English a briefing must give it.
RANGES_AND_UNITS = [
    ("guangdong-machinery-2005/s2.2/p1", "5～10年", "5–10 years"),  # the gap with developed countries, 2005
    ("guangdong-machinery-2005/s2.2/p2", "5年", "5 years"),  # the same gap, 2010
    ("guangdong-machinery-2005/s3.1.1/p2", "1～2家", "1–2 firms"),
    ("henan-equipment-2017/s2.1.1/p1", "2—3家", "2–3 firms"),
    ("henan-equipment-2017/s2.1.3/p1", "1—2家", "1–2 firms"),
]


def test_briefing_english_keeps_both_ends_of_a_range_and_names_the_unit(edition):
    """Comparison pages, topic pages and briefing PDFs print a target's amount from one row (target_lines)."""
    for block_id, printed, english in RANGES_AND_UNITS:
        lines = [line for target, line in edition.target_lines.items() if target.block_id == block_id]
        assert any(line.value_zh == printed and line.value_en == english for line in lines), (block_id, lines)
