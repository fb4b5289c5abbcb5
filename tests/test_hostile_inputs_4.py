"""Hostile inputs, round 3 continued (issue 32): outputs escape for their own syntax, SVG and CSV checked on their own.

One small edition of two plans is built for real (``build``, MkDocs strict, no PDFs) with markup-breaking text in
every field a chart or an export prints: plan titles and regions, topic names, a target series' names, a document
title the vocabulary finds, glossary English, and paragraphs that start like spreadsheet formulas. Then every SVG
the built pages hold is parsed as XML and every CSV the build exports is read as a spreadsheet would.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.export.csv_cells import FORMULA_START, csv_text
from build_tools.pipeline import build
from tests.conftest import META, sandbox_config, write_plan
from tests.test_hostile_inputs import EDITION, GLOSSARY, TOPICS

pytestmark = pytest.mark.build

BREAKER = '<b>&amp;"q"\'s]]></svg><script>alert(1)</script>'
"""Text that ends an SVG, a CDATA section and an attribute, and opens tags, if printed raw."""
SVG_NS = "{http://www.w3.org/2000/svg}"
PLANS = ("plan-a-2020", "plan-b-2021")


def _quoted(text: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


def _plan_text(number: int) -> str:
    # Each paragraph opens with one of the characters a spreadsheet reads as the start of a formula.
    return (
        f"测试规划{BREAKER}\n"
        "一、总体要求\n"
        "（一）发展数控机床。\n"
        f"@SUM(A1) 到2025年，总产值达到{100 + 50 * number}亿元。\n"
        "=1+1 本段说明发展方向。\n"
        f'贯彻《=HYPERLINK("x")》和《{BREAKER}》。\n'
        "二、保障措施\n"
        "+1 加强组织领导。\n"
        "-2 完善政策措施。\n"
    )


def _meta(plan_id: str, year: int) -> str:
    meta = META.format(title=_quoted(f"测试规划{BREAKER}"), source_file=f"{plan_id}.txt")
    for old, new in (
        ("title_en: A Test Plan", f"title_en: {_quoted('A Test Plan ' + BREAKER)}"),
        ("region_zh: 测试省", f"region_zh: {_quoted('测试省' + BREAKER)}"),
        ("region_en: Testland", f"region_en: {_quoted('Testland ' + BREAKER)}"),
        ('date: "2020-01-02"', f'date: "{year}-01-02"'),
        ("period: [2020, 2025]", f"period: [{year}, 2025]"),
    ):
        assert old in meta
        meta = meta.replace(old, new)
    return meta


def _across(target: Path) -> Path:
    """The project's rules for reading across plans, with a target series named in markup-breaking text."""
    shutil.copytree(ROOT / "across", target)
    series = target / "target_series.yml"
    rules = yaml.safe_load(series.read_text(encoding="utf-8"))
    rules["series"][0]["zh"] += BREAKER
    rules["series"][0]["en"] += " " + BREAKER
    series.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """Two hostile plans built with MkDocs (strict); returns the site folder."""
    tmp = tmp_path_factory.mktemp("hostile4")
    sources = tmp / "sources"
    for number, plan_id in enumerate(PLANS):
        write_plan(sources, plan_id, _plan_text(number), meta=_meta(plan_id, 2020 + number))
    (sources / "edition.yml").write_text(EDITION, encoding="utf-8")
    policy = "en: '=CNC machine tool'\n  category: policy"
    glossary = GLOSSARY.replace("en: CNC machine tool\n  category: product", policy)
    (tmp / "glossary.yml").write_text(glossary, encoding="utf-8")
    topics = TOPICS.replace("zh: 数控机床\n    en: CNC machine tools", f"zh: {_quoted('数控' + BREAKER)}\n    en: CNC")
    (tmp / "topics.yml").write_text(topics.replace("en: CNC\n", f"en: {_quoted('CNC ' + BREAKER)}\n"), encoding="utf-8")
    translations = tmp / "translations"
    (translations / "en").mkdir(parents=True)
    shutil.copy(ROOT / "translations" / "traditional.yml", translations / "traditional.yml")
    shutil.copytree(ROOT / "translations" / "opencc", translations / "opencc")
    sandbox = sandbox_config(tmp, sources)
    config = BuildConfig(
        sources=sources,
        docs=sandbox.docs,
        site=sandbox.site,
        cache=sandbox.cache,
        translations=translations,
        glossary=tmp / "glossary.yml",
        topics=tmp / "topics.yml",
        across=_across(tmp / "across"),
    )
    build(config)
    return config.site


# ------------------------------------------------------------------------------------------------------------- SVG

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
ICON = 'viewBox="0 0 24 24"'  # Material's icons: fixed markup, no text


def _charts(site: Path) -> dict[str, list[str]]:
    """Every SVG of every built page but the theme's icons, by page."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        charts = [svg for svg in SVG.findall(page.read_text(encoding="utf-8")) if ICON not in svg[:200]]
        if charts:
            found[page.relative_to(site).as_posix()] = charts
    return found


# Every chart the build draws, with what of it must hold the hostile text literally: (page, the SVG's class or
# role, how many of its <title>/<text> elements or attributes print BREAKER at least).
CHARTS = [
    ("timeline.html", "timeline", 4),  # lane labels (region zh/en), issue-date and period titles
    ("topics/matrix.html", "heatmap", 4),  # column labels and titles, row labels (topic zh/en)
    ("targets.html", "img", 1),  # the series' names in the chart's title
    ("vocabulary/document-1.html", "vocab-chart", 1),  # a document title found in 《…》, in the aria-label
    ("vocabulary/term-1.html", "vocab-chart", 0),  # a glossary term's strip (its key is the Chinese term)
]


def test_every_chart_is_checked(hostile_site):
    """The table below covers every page that draws an SVG: a new chart must be added to it."""
    assert sorted(_charts(hostile_site)) == sorted(page for page, _, _ in CHARTS)


@pytest.mark.parametrize(("page", "kind", "least"), CHARTS, ids=[page for page, _, _ in CHARTS])
def test_svg_parses_as_xml_and_prints_hostile_text_literally(hostile_site, page, kind, least):
    charts = _charts(hostile_site)[page]
    shown = 0
    for source in charts:
        root = ET.fromstring(source)  # raises if any text broke out of its element or attribute
        assert root.tag == SVG_NS + "svg"
        assert not [el for el in root.iter() if el.tag in (SVG_NS + "script", SVG_NS + "b", "script", "b")]
        texts = ["".join(el.itertext()) for el in root.iter() if el.tag in (SVG_NS + "title", SVG_NS + "text")]
        values = [value for el in root.iter() for value in el.attrib.values()]
        shown += sum(BREAKER in text for text in texts) + sum(BREAKER in value for value in values)
    assert any(kind in (root.get("class", ""), root.get("role", "")) for root in map(ET.fromstring, charts))
    assert shown >= least, f"{page}: the hostile text is printed {shown} times, expected at least {least}"


# ------------------------------------------------------------------------------------------------------------- CSV

NUMBER_COLUMNS = {
    "blocks.csv": {"level", "line"},
    "targets.csv": {"year", "end_year", "value", "value_high"},
    "vocabulary.csv": set(),
}
"""Columns that hold numbers the build computed: written as numbers (a -5 must stay a number to sum)."""

# Every CSV the build exports, and a cell each must show neutralised: (file, column, the text a formula would be).
CSVS = [
    ("blocks.csv", "zh", "=1+1 本段说明发展方向。"),
    ("blocks.csv", "zh", "+1 加强组织领导。"),
    ("blocks.csv", "zh_hant", "-2 完善政策措施。"),
    ("targets.csv", "snippet", "@SUM(A1) 到2025年，总产值达到100亿元。"),
    ("vocabulary.csv", "key", '=HYPERLINK("x")'),
    ("vocabulary.csv", "en", "=CNC machine tool"),
]


def _rows(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_text(encoding="utf-8"))))


def test_every_csv_is_checked(hostile_site):
    assert sorted(path.name for path in hostile_site.rglob("*.csv")) == sorted(NUMBER_COLUMNS)


@pytest.mark.parametrize("name", sorted(NUMBER_COLUMNS))
def test_no_csv_cell_starts_a_formula(hostile_site, name):
    """A spreadsheet opening the file evaluates no cell: text that would start a formula begins with ' instead,
    and a cell that starts with - or + is a number in a column of numbers."""
    rows = _rows(hostile_site, name)
    assert rows
    for row in rows:
        for column, cell in row.items():
            if not cell.startswith(FORMULA_START):
                continue
            assert column in NUMBER_COLUMNS[name] and float(cell) == float(cell), f"{name} {column}: {cell!r}"


@pytest.mark.parametrize(("name", "column", "text"), CSVS)
def test_formula_like_text_is_kept_with_a_quote(hostile_site, name, column, text):
    """The text is not lost or altered: it is there whole, after the one quote that makes it text."""
    cells = [row[column] for row in _rows(hostile_site, name)]
    assert "'" + text in cells
    assert text not in cells


@pytest.mark.parametrize(
    ("value", "line", "cell"),
    [
        (-5.0, "-5.0,x", "-5.0"),  # a computed number stays a number
        (-5, "-5,x", "-5"),
        (0.5, "0.5,x", "0.5"),
        (True, "True,x", "True"),
        ("-5", "'-5,x", "'-5"),  # the same look in text from a source is text
        ("=A1", "'=A1,x", "'=A1"),
        ("+A1", "'+A1,x", "'+A1"),
        ("@A1", "'@A1,x", "'@A1"),
        ("\t=A1", "'\t=A1,x", "'\t=A1"),
        ("\r=A1", '"\'\r=A1","x"', "'\r=A1"),  # a carriage return is quoted (all the row is): it cannot end the row
        ("a\rb", '"a\rb","x"', "a\rb"),
        ("a=b", "a=b,x", "a=b"),
        ("'=A1", "'=A1,x", "'=A1"),  # already quoted by its author: kept as written
        ("", ",x", ""),
        (None, ",x", ""),
    ],
)
def test_spreadsheet_cell_rule(value, line, cell):
    text = csv_text(["c", "d"], [[value, "x"]])
    assert text == f"c,d\n{line}\n"
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["c", "d"], [cell, "x"]]
