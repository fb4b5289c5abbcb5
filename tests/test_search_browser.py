"""The site's search in a real browser, online (served over HTTP): what a reader types, what comes first.

The offline bundle runs the same queries from file:// in tests/test_offline_bundle.py.
"""

from __future__ import annotations

import re

import pytest
import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.search.index import encode_postings
from build_tools.search.text import shard_of
from build_tools.sources.search_words import load_stopwords
from tests.search_ui import SearchDialog


@pytest.fixture
def page(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: message.type == "error" and errors.append(message.text))
    opened.goto(served_site)
    yield opened
    context.close()
    assert errors == []


def hrefs(results) -> list[str]:
    return [re.sub(r"^http://127\.0\.0\.1:\d+/", "", result.href) for result in results]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("数控机床", ["topics/cnc-machine-tools.html", "glossary.html#g-cnc-machine-tool"]),
        ("數控機床", ["topics/cnc-machine-tools.html", "glossary.html#g-cnc-machine-tool"]),  # Traditional
        ("农业机械", ["topics/agricultural-machinery.html", "glossary.html#g-agricultural-machinery"]),
        ("robots", ["topics/robots.html", "glossary.html#g-robot"]),
        ("robot", ["topics/robots.html", "glossary.html#g-robot"]),
        ("industrial robots", ["glossary.html#g-industrial-robot"]),
        ("machine tools", ["glossary.html#g-machine-tool"]),
        ("agricultural machinery", ["glossary.html#g-agricultural-machinery", "topics/agricultural-machinery.html"]),
        ("首台（套）", ["glossary.html#g-first-set"]),
        ("first-of-its-kind", ["glossary.html#g-first-set"]),
        ("走出去", ["vocabulary.html#going-global"]),  # reading across plans: found as a link to the vocabulary entry
        ("Belt and Road", ["vocabulary.html#belt-and-road"]),
    ],
)
def test_the_concept_comes_first(page, query, wanted):
    """The best answer in the top 3, the other entries for the concept in the top 5."""
    found = hrefs(SearchDialog(page).search(query))
    assert wanted[0] in found[:3], found[:5]
    assert set(wanted) <= set(found[:5]), found[:5]


def test_traditional_query_gives_the_simplified_results(page):
    dialog = SearchDialog(page)
    assert hrefs(dialog.search("數控機床")) == hrefs(dialog.search("数控机床"))


def test_english_inflections_match_and_are_highlighted(page):
    dialog = SearchDialog(page)
    results = dialog.search("industrial robots")
    paragraphs = [i for i, result in enumerate(results) if result.kind == "paragraph"]
    assert paragraphs, "no paragraph among the results"
    marked = {mark.lower() for i in paragraphs for mark in dialog.marks(i)}
    assert {"industrial", "robots"} <= marked or {"industrial", "robot"} <= marked, marked


def test_every_word_is_required(page):
    results = SearchDialog(page).search("机器人 2020")
    paragraphs = [result for result in results if result.kind == "paragraph"]
    assert paragraphs
    assert "条结果 results" in page.locator(".es-status").inner_text()  # then the link to all of them
    assert "部分匹配" not in page.locator(".es-status").inner_text()


def test_printed_forms_and_years_match(page):
    dialog = SearchDialog(page)
    assert any("首台（套）" in result.text for result in dialog.search("首台（套）") if result.kind == "paragraph")
    assert any("2025" in result.text for result in dialog.search("2025年") if result.kind == "paragraph")


def test_a_result_opens_at_its_paragraph(page):
    results = SearchDialog(page).search("智能制造")
    position = next(i for i, result in enumerate(results) if result.kind == "paragraph")
    page.locator("a.es-result").nth(position).click()
    page.wait_for_load_state("load")
    assert "/plans/" in page.url and "#" in page.url
    classes = page.evaluate("() => document.getElementById(location.hash.slice(1)).className")
    assert "blk" in classes.split()


def test_keyboard_opens_moves_and_follows(page):
    dialog = SearchDialog(page)
    dialog.open_with_keyboard()
    dialog.search("数控机床")
    page.keyboard.press("ArrowDown")
    first = page.locator("a.es-result").first
    assert page.evaluate("() => document.activeElement.classList.contains('es-result')")
    href = first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    page.keyboard.press("Escape")


def test_the_index_is_loaded_once_per_visit(page, served_site):
    SearchDialog(page).search("数控机床")
    assert "index.js" in page.evaluate("editionSearch.requested")
    page.goto(served_site + "glossary.html")
    SearchDialog(page).search("数控机床")
    assert page.evaluate("editionSearch.requested") == []  # every file came from this visit's session storage


def test_source_text_shows_literally(page):
    results = SearchDialog(page).search("营业收入")
    assert any("实现营业收入**亿元" in result.text for result in results)


def test_browser_analysis_matches_the_build(browser):
    """search.js analyses text as build_tools/search/text.py does: the shared vectors, and hashes of real terms."""
    vectors = yaml.safe_load((ROOT / "tests" / "data" / "search_analysis.yml").read_text(encoding="utf-8"))
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><head></head><body></body></html>")
    page.add_script_tag(path=str(ROOT / "docs" / "assets" / "javascripts" / "search.js"))
    analysis = "editionSearch.analysis"
    for word, expected in vectors["stem"].items():
        assert page.evaluate(f"w => {analysis}.stem(w)", word) == expected, word
    stop = {word: True for word in load_stopwords(BuildConfig().stopwords)}
    for query, expected in vectors["query_groups"].items():
        assert page.evaluate(f"a => {analysis}.queryGroups(a[0], a[1], {{}})", [query, stop]) == expected, query
    for text, expected in vectors["fnv1a"].items():
        assert page.evaluate(f"t => {analysis}.shardOf(t, 4294967296)", text) == expected, text
    for term in ("机床", "數控", "robot", "2025", "首"):
        assert page.evaluate(f"t => {analysis}.shardOf(t, 97)", term) == shard_of(term, 97), term
    postings = [(0, 5), (31, 40), (32, 1), (5000, 1234)]
    assert page.evaluate(f"e => {analysis}.decode(e)", encode_postings(postings)) == [list(p) for p in postings]
    context.close()


def test_browser_converts_traditional_queries(page):
    vectors = yaml.safe_load((ROOT / "tests" / "data" / "search_analysis.yml").read_text(encoding="utf-8"))
    for hant, hans in vectors["traditional"].items():
        assert page.evaluate("q => editionSearch.queryGroups(q)", hant) == page.evaluate(
            "q => editionSearch.queryGroups(q)", hans
        ), hant
