"""The search results page (search/) in Chromium: every hit, filters in the address, the concordance CSV.

Expected hits are counted from the published export (data/edition.json): the plan blocks whose printed
text contains the query, which is what "every place the plans say X" means to a reader.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.search_ui import SearchDialog


@pytest.fixture(scope="module")
def served(served_site: str) -> str:
    """The built site over HTTP on a free port (tests/conftest.py, with the one browser of the test process)."""
    return served_site


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield opened
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def blocks(built_site) -> list[dict]:
    """Every block of every plan, in the order of the texts, from the published export."""
    edition = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    return [block for plan in edition["plans"] for block in plan["blocks"]]


def containing(blocks: list[dict], query: str, plan: str = "") -> list[str]:
    """Ids of the plan blocks (headings, paragraphs, list items; not the title) whose printed text has the query."""
    return [
        block["id"]
        for block in blocks
        if block["kind"] != "title"
        and query in block["label"] + block["zh_hans"]
        and block["id"].startswith(plan + "/" if plan else "")
    ]


def results_page(page, address: str) -> list[str]:
    """Open a results page address, show every hit (pressing "Show more" while it is there); the ¶ ids shown."""
    page.goto(address)
    page.wait_for_function("() => document.querySelector('.es-hits').dataset.query !== undefined", timeout=15_000)
    more = page.locator("button.es-more")
    while more.is_visible():
        shown = page.locator(".es-hit").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.es-hit').length > n", arg=shown, timeout=15_000)
    return [text.removeprefix("¶ ") for text in page.locator(".es-hit .es-hit-link").all_inner_texts()]


def test_every_hit_is_listed_not_ten(page, served, blocks):
    wanted = containing(blocks, "机床")
    assert len(wanted) > 10  # the dialog shows ten: the page must show them all
    shown = results_page(page, served + "search/?q=" + quote("机床") + "&kind=text")
    assert sorted(shown) == sorted(wanted)
    assert page.locator(".es-page-status").inner_text().startswith(f"{len(wanted)} 条结果")


def test_hits_beyond_the_first_page_load_as_the_reader_asks(page, served, blocks):
    wanted = containing(blocks, "发展")
    assert len(wanted) > 100
    shown = results_page(page, served + "search/?q=" + quote("发展") + "&kind=text&sort=text")
    assert shown == wanted  # "text order": plan by plan, as the plans print them


def test_counts_per_plan_match_the_texts(page, served, blocks):
    results_page(page, served + "search/?q=" + quote("机床") + "&kind=text")
    facets = page.locator(".es-facet-plan a").all_inner_texts()
    henan = containing(blocks, "机床", "henan-equipment-2017")
    assert f"河南省 Henan 2017–2020 ({len(henan)})" in facets
    assert not any(label.startswith("山西省") for label in facets)  # no hit there, no entry


def test_the_dialog_gives_the_true_total_and_links_every_result(page, served, blocks):
    page.goto(served)
    results = SearchDialog(page).search("发展")
    assert len(results) == 10
    status = page.locator(".es-status").inner_text()
    total = int(status.split("共 ")[1].split(" ")[0])  # 前 10 条，共 N 条结果 · 10 of N results
    assert total > len(containing(blocks, "发展"))  # plan text, and the topics and glossary entries that say it
    page.locator("a.es-all").click()
    page.wait_for_function("() => document.querySelector('.es-hits').dataset.total !== undefined", timeout=15_000)
    assert page.locator(".es-hits").get_attribute("data-total") == str(total)
    assert page.locator("#es-page-q").input_value() == "发展"


def test_an_address_restores_its_results_from_file(page, built_site, blocks):
    """Offline: the index loads by <script> from file://, the query and filters come from the address."""
    plan = "henan-equipment-2017"
    address = (built_site / "search" / "index.html").as_uri() + "?q=" + quote("机床") + f"&plan={plan}&kind=text"
    shown = results_page(page, address)
    assert sorted(shown) == sorted(containing(blocks, "机床", plan))
    assert page.locator("#es-page-plan").input_value() == plan
    assert page.locator("#es-page-kind").input_value() == "text"
    # Clearing the plan filter is a new address; back returns to the filtered results.
    page.locator(".es-facet-plan a", has_text="全部规划 All plans").click()
    page.wait_for_url("**/search/index.html?q=*&kind=text")
    page.wait_for_function("() => document.querySelector('.es-hits').dataset.total !== undefined", timeout=15_000)
    assert page.locator(".es-hit").count() == len(containing(blocks, "机床"))
    page.go_back()
    page.wait_for_function("() => document.querySelector('.es-hits').dataset.total !== undefined", timeout=15_000)
    assert sorted(page.locator(".es-hit .es-hit-link").all_inner_texts()) == sorted(
        f"¶ {identifier}" for identifier in containing(blocks, "机床", plan)
    )


def download_csv(page) -> list[dict]:
    with page.expect_download() as waiting:
        page.locator("button.es-csv").click()
    text = Path(waiting.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_concordance_has_one_row_per_hit_in_the_order_shown(page, served, blocks):
    shown = results_page(page, served + "search/?q=" + quote("机床") + "&kind=text&sort=text")
    rows = download_csv(page)
    assert [row["paragraph_id"] for row in rows] == shown == containing(blocks, "机床")
    for row in rows:
        assert "机床" in row["zh"], row
        anchor = row["paragraph_id"].split("/", 1)[1].replace("/", "-").replace(".", "-")
        assert row["url"].startswith("http") and row["url"].endswith("#" + anchor), row
    by_id = {row["paragraph_id"]: row for row in rows}
    # Read in the Henan plan: the sentence with 数控机床, and its English, not the whole paragraph.
    henan = by_id["henan-equipment-2017/s3.3.2/p1"]
    assert henan["zh"] == (
        "开展数控机床、机器人产销对接系列活动 ,提升传统企业制造水平 ,"
        "带动本土数控机床和机器人产业发展 ,培育本地知名品牌。"
    )
    assert henan["en"].startswith("Carry out a series of production–sales matchmaking events for CNC machine tools")
    assert henan["plan"] == "河南省 Henan 2017–2020"


def test_a_glossary_term_links_to_its_every_mention_and_csv(page, served, blocks):
    page.goto(served + "glossary.html")
    page.locator("table.glossary tr#g-cnc-machine-tool a").last.click()
    page.locator("#g-cnc-machine-tool ~ p a", has_text="Every mention").first.click()
    page.wait_for_function("() => document.querySelector('.es-hits').dataset.total !== undefined", timeout=15_000)
    assert page.locator("#es-page-q").input_value() == "数控机床"
    rows = download_csv(page)
    assert sorted(row["paragraph_id"] for row in rows) == sorted(containing(blocks, "数控机床"))


def test_a_phrase_puts_its_topic_in_the_top_five(page, served):
    page.goto(served)
    top = [result.href for result in SearchDialog(page).search("new energy vehicles")[:5]]
    # The topic 汽车与新能源汽车 Automobiles and new-energy vehicles.
    assert any(href.endswith("topics/automobiles.html") for href in top), top


def test_a_query_naming_targets_finds_the_target_first(page, served):
    """Henan s3.3.2/p1: 力争2020年机器人示范应用达到2万台以上, the one robot target of the edition."""
    page.goto(served)
    for query in ("robot targets 2020", "机器人目标"):
        results = SearchDialog(page).search(query)
        assert results[0].href.endswith("plans/henan-equipment-2017/part-03.html#s3-3-2-p1"), (query, results[0])


def test_no_hits_suggests_the_nearest_terms(page, served):
    page.goto(served)
    results = SearchDialog(page).search("hydrogen")
    assert page.locator(".es-status").inner_text() == "无结果 · No results"
    page.locator("a.es-suggestion").first.wait_for(timeout=5_000)
    names = page.locator("a.es-suggestion").all_inner_texts()
    assert any("加氢反应器 hydrogenation reactor" in name for name in names), names
    assert results == [] or all(result.kind.startswith(("term", "topic")) for result in results)


def test_hits_follow_the_language_view_chosen(browser, built_site):
    """English only, chosen on any page (edition.js keeps it): the hits show their English, not their Chinese."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("localStorage.setItem('edition-view', 'en')")
    page = context.new_page()
    try:
        results_page(page, (built_site / "search" / "index.html").as_uri() + "?q=machine+tools&kind=text")
        paragraphs = page.locator(".es-hit.es-kind-paragraph")
        assert paragraphs.count() > 10
        assert paragraphs.locator(".es-snippet[lang='en']:visible").count() == paragraphs.count()
        assert paragraphs.locator(".es-snippet[lang='zh-Hans']:visible").count() == 0
    finally:
        context.close()
