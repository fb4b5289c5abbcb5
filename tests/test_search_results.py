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


def wait_for_hits(page, attribute: str = "total") -> None:
    """Wait until the results page has printed its hits (it sets data-total and data-query on .es-hits last).

    A selector wait, not a script reading .es-hits: after a click on a link the script would run on the page
    being left, which has no .es-hits, and fail (the flake CI met).
    """
    page.wait_for_selector(f".es-hits[data-{attribute}]", state="attached", timeout=15_000)


def results_page(page, address: str) -> list[str]:
    """Open a results page address, show every hit (pressing "Show more" while it is there); the ¶ ids shown."""
    page.goto(address)
    wait_for_hits(page, "query")
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
    wait_for_hits(page)
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
    wait_for_hits(page)
    assert page.locator(".es-hit").count() == len(containing(blocks, "机床"))
    page.go_back()
    wait_for_hits(page)
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
    wait_for_hits(page)
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


# ------------------------------------------------------------------ the reader's chosen script (简体 / 繁體)


def scripted_page(browser, script: str):
    """A new visit with 简体 or 繁體 chosen on an earlier page (edition.js keeps it in localStorage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(f"localStorage.setItem('edition-script', '{script}')")
    return context, context.new_page()


def paragraph_snippets(page) -> list[tuple[str, str, list[str]]]:
    """(¶ id, the Chinese snippet's language, its marked words) for each paragraph hit shown."""
    hits = page.locator(".es-hit.es-kind-paragraph")
    found = []
    for i in range(hits.count()):
        hit = hits.nth(i)
        chinese = hit.locator(".es-snippet[lang^='zh']")
        found.append(
            (
                hit.locator(".es-hit-link").inner_text().removeprefix("¶ "),
                chinese.get_attribute("lang") or "",
                chinese.locator("mark").all_inner_texts(),
            )
        )
    return found


def traditional_view(blocks: list[dict]) -> dict[str, str]:
    """Each block's Chinese as the plan pages' Traditional view prints it (the export holds it, label included)."""
    return {block["id"]: block["zh_hant"] for block in blocks}


@pytest.mark.parametrize("query", ["机器人", "機器人"])
def test_traditional_chosen_the_results_page_prints_traditional_snippets_marked(browser, served, blocks, query):
    """機器人 is how the Traditional view prints 机器人: with 繁體 chosen, every paragraph hit shows it, marked."""
    context, page = scripted_page(browser, "hant")
    try:
        results_page(page, served + "search/?q=" + quote(query) + "&kind=text")
        assert page.locator(".es-hits").get_attribute("data-script") == "hant"
        snippets = paragraph_snippets(page)
        assert len(snippets) > 10
        texts = traditional_view(blocks)
        for block_id, lang, marks in snippets:
            assert lang == "zh-Hant", block_id
            assert marks and set(marks) == {"機器人"}, (block_id, marks)
        shown = page.locator(".es-hit.es-kind-paragraph .es-snippet[lang='zh-Hant']").all_inner_texts()
        for (block_id, _, _), text in zip(snippets, shown, strict=True):
            assert all(piece in texts[block_id] for piece in text.split("…") if piece), (block_id, text)
        assert page.locator(".es-script-note").count() == 0  # every block aligns
    finally:
        context.close()


def test_simplified_chosen_the_results_page_prints_simplified(browser, served, blocks):
    context, page = scripted_page(browser, "hans")
    try:
        results_page(page, served + "search/?q=" + quote("機器人") + "&kind=text")
        snippets = paragraph_snippets(page)
        assert len(snippets) > 10
        assert {lang for _, lang, _ in snippets} == {"zh-Hans"}
        assert {mark for _, _, marks in snippets for mark in marks} == {"机器人"}
        # A Simplified reader loads no Traditional text.
        assert not [name for name in page.evaluate("editionSearch.requested") if name.startswith("d-hant/")]
    finally:
        context.close()


def test_switching_the_script_on_the_results_page_reprints_the_hits(page, served):
    results_page(page, served + "search/?q=" + quote("数控机床") + "&kind=text")
    assert {mark for _, _, marks in paragraph_snippets(page) for mark in marks} == {"数控机床"}
    page.locator(".view-switch button[data-script='hant']").click()
    page.wait_for_selector(".es-hits[data-script='hant']", state="attached", timeout=15_000)
    assert {mark for _, _, marks in paragraph_snippets(page) for mark in marks} == {"數控機床"}
    page.locator(".view-switch button[data-script='hans']").click()
    page.wait_for_selector(".es-hits[data-script='hans']", state="attached", timeout=15_000)
    assert {mark for _, _, marks in paragraph_snippets(page) for mark in marks} == {"数控机床"}


@pytest.mark.parametrize(("script", "printed"), [("hant", "機器人"), ("hans", "机器人")])
def test_the_dialog_prints_the_chosen_script(browser, served, script, printed):
    context, page = scripted_page(browser, script)
    try:
        page.goto(served)
        SearchDialog(page).search("機器人")
        assert page.locator(".es-results").get_attribute("data-script") == script
        # Paragraph hits: their link goes to a plan page; glossary entries show their Chinese name in the title.
        chinese = page.locator("a.es-result[href*='plans/'] .es-snippet[lang^='zh']")
        assert chinese.count() >= 2  # 机器人: the topic, six glossary entries, a heading and two paragraphs
        assert set(chinese.locator("mark").all_inner_texts()) == {printed}
        assert {chinese.nth(i).get_attribute("lang") for i in range(chinese.count())} == {
            "zh-Hant" if script == "hant" else "zh-Hans"
        }
        titles = page.locator("a.es-result.es-kind-term .es-title mark").all_inner_texts()
        assert titles and set(titles) == {printed}
    finally:
        context.close()


def test_the_traditional_concordance_quotes_the_traditional_view(browser, served, blocks):
    context, page = scripted_page(browser, "hant")
    try:
        results_page(page, served + "search/?q=" + quote("数控机床") + "&kind=text&sort=text")
        with page.expect_download() as waiting:
            page.locator("button.es-csv").click()
        assert waiting.value.suggested_filename == "concordance-数控机床-hant.csv"
        rows = list(csv.DictReader(io.StringIO(Path(waiting.value.path()).read_text(encoding="utf-8-sig"))))
        assert [row["paragraph_id"] for row in rows] == containing(blocks, "数控机床")
        texts = traditional_view(blocks)
        for row in rows:
            assert "數控機床" in row["zh_hant"] and row["zh_script"] == "hant", row
            pieces = row["zh_hant"].split(" … ")
            # A heading's cell is its title (Chinese, then its English); a paragraph's, the sentences with the match.
            assert row["zh_hant"].startswith(texts[row["paragraph_id"]] + " ") or all(
                piece in texts[row["paragraph_id"]] for piece in pieces
            ), row
        henan = {row["paragraph_id"]: row for row in rows}["henan-equipment-2017/s3.3.2/p1"]
        # The sentence of the Simplified concordance (above), read in the plan's Traditional view.
        assert henan["zh_hant"] == (
            "開展數控機床、機器人產銷對接系列活動 ,提升傳統企業製造水平 ,"
            "帶動本土數控機床和機器人產業發展 ,培育本地知名品牌。"
        )
    finally:
        context.close()


def chunk_of(address: str) -> str:
    """The chunk number of a d-hant/<n>.js address."""
    return address.split("/d-hant/")[1].split(".js")[0]


def test_a_traditional_text_that_does_not_align_falls_back_to_simplified_with_a_note(browser, served):
    """Were OpenCC ever to convert a block not one for one, its marks could not be placed: Simplified, said so."""
    context, page = scripted_page(browser, "hant")
    # Every Traditional text stored as not aligned (null), as index.py stores such a block.
    context.route(
        "**/search/d-hant/*.js*",
        lambda route: route.fulfill(
            content_type="text/javascript",
            body=f"editionSearch.load({{hantChunk: {chunk_of(route.request.url)}, docs: Array(16).fill(null)}});",
        ),
    )
    try:
        results_page(page, served + "search/?q=" + quote("機器人") + "&kind=text")
        snippets = paragraph_snippets(page)
        assert snippets and {lang for _, lang, _ in snippets} == {"zh-Hans"}
        assert {mark for _, _, marks in snippets for mark in marks} == {"机器人"}
        assert page.locator(".es-hit.es-kind-paragraph .es-script-note").count() == len(snippets)
    finally:
        context.close()


def test_traditional_snippets_load_from_file_too(browser, built_site):
    """The offline bundle: d-hant/<n>.js is a <script> like every index file, so it loads under file:// as well."""
    context, page = scripted_page(browser, "hant")
    try:
        results_page(page, (built_site / "search" / "index.html").as_uri() + "?q=" + quote("数控机床") + "&kind=text")
        assert page.locator(".es-hits").get_attribute("data-script") == "hant"
        snippets = paragraph_snippets(page)
        assert len(snippets) > 10 and {lang for _, lang, _ in snippets} == {"zh-Hant"}
        assert {mark for _, _, marks in snippets for mark in marks} == {"數控機床"}
    finally:
        context.close()
