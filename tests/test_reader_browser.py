"""The reader's path in a real browser (Chromium, the online site served over HTTP): citing, arriving at a
paragraph, sorting, filtering the glossary, switching views on topic pages, reading on a phone. Needs Debian's
chromium. Served, not opened from file://: Chromium's localStorage under file:// drops a choice now and then when
the page is left right after it is made (measured: 6 runs in 20 of the script-switch test), which no reader of the
online site meets; the offline bundle has its own tests (test_offline_bundle.py)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser import VIEWS
from tests.test_citations import cite_boxes

PART = "plans/henan-equipment-2017/part-02.html"


@pytest.fixture
def open_page(browser, served_site):
    contexts = []

    def opener(path: str, viewport: str = "desktop", view: str = "both", javascript: bool = True, fragment: str = ""):
        context = browser.new_context(viewport=VIEWS[viewport], java_script_enabled=javascript)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        context.add_init_script(f"localStorage.setItem('edition-view', '{view}')")
        contexts.append(context)
        page = context.new_page()
        page.goto(served_site + path + (f"#{fragment}" if fragment else ""))
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()


def test_copy_button_puts_the_citation_on_the_clipboard(open_page, built_site):
    page = open_page(PART, view="en")
    block = page.locator("#s2-1-2-p1")
    block.locator("button.copy-cite").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    today = date.today().isoformat()  # the access date is the reader's day
    assert copied.startswith("General Office of the People's Government of Henan Province, ")
    assert copied.endswith(f"plans/henan-equipment-2017/part-02.html#s2-1-2-p1, accessed {today}")
    html = (built_site / PART).read_text(encoding="utf-8")
    expected = cite_boxes(html, today)["s2-1-2-p1"]
    assert copied == expected["English"]
    # one click copies the paragraph's address
    block.locator("button.copy-link").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "https://example.org/equipment-plans/plans/henan-equipment-2017/part-02.html#s2-1-2-p1"
    )
    block.locator("details.cite > summary").click()
    # the texts the script fills in are those the page's templates give (test_citations: citation.py's own)
    assert block.locator(".cite-value[lang='zh-Hans']").text_content() == expected["中文"]
    assert block.locator(".cite-value[lang='en']").text_content() == expected["English"]
    block.locator(".cite-item", has_text="中文").locator("button.copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == expected["中文"]
    block.locator("details.cite-formats > summary").click()
    block.locator(".cite-item", has_text="BibTeX").locator("button.copy").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("@misc{henan-equipment-2017-s2-1-2-p1,")
    for label in ("BibTeX", "RIS", "CSL-JSON"):
        shown = block.locator(".cite-item", has_text=label).locator("pre.cite-value").text_content()
        assert shown == expected[label], label
    assert block.locator(".cite-files a", has_text="BibTeX").get_attribute("href") == "henan-equipment-2017.bib"
    # another paragraph, under another section: its own values
    other = page.locator("#s2-1-3-p1")
    other.locator("details.cite > summary").click()
    assert other.locator(".cite-value[lang='en']").text_content() == cite_boxes(html, today)["s2-1-3-p1"]["English"]


def test_cite_controls_are_hidden_only_as_buttons_without_javascript(open_page):
    page = open_page(PART, javascript=False, fragment="s2-1-2-p1")
    block = page.locator("#s2-1-2-p1")
    assert not block.locator("button.copy-cite").is_visible() and not block.locator("button.copy-link").is_visible()
    block.locator("details.cite > summary").click()
    shown = block.locator(".cite-box").inner_text()
    assert "henan-equipment-2017/s2.1.2/p1" in shown  # the paragraph's id and address, to copy by hand
    assert "https://example.org/equipment-plans/plans/henan-equipment-2017/part-02.html#s2-1-2-p1" in shown
    # the linked paragraph is marked on arrival by CSS alone
    marked = block.evaluate("e => getComputedStyle(e).backgroundColor")
    other = page.locator("#s2-1-3-p1").evaluate("e => getComputedStyle(e).backgroundColor")
    assert marked != other


@pytest.mark.parametrize(
    ("viewport", "view"), [("desktop", "both"), ("desktop", "zh"), ("desktop", "en"), ("phone", "both")]
)
def test_paragraph_id_sits_level_with_its_own_paragraph(open_page, viewport, view):
    page = open_page(PART, viewport=viewport, view=view)
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.blk')).slice(0, 12).map(b => {
             const tools = b.querySelector('.blk-tools').getBoundingClientRect();
             const texts = Array.from(b.querySelectorAll('.col-zh p, .col-en p')).filter(p => p.offsetParent);
             const top = Math.min(...texts.map(p => p.getBoundingClientRect().top));
             const bottom = Math.max(...texts.map(p => p.getBoundingClientRect().bottom));
             return {tools: [tools.top, tools.bottom], text: [top, bottom],
                     next: b.nextElementSibling ? b.nextElementSibling.getBoundingClientRect().top : null};
           })"""
    )
    for box in boxes:
        tools_top, tools_bottom = box["tools"]
        text_top, text_bottom = box["text"]
        if viewport == "phone":
            assert tools_bottom <= text_top + 1 and text_top - tools_bottom < 12  # right above its text
        else:
            assert abs(tools_top - text_top) < 6  # level with the first line
        assert tools_top < text_bottom


def test_matrix_sorts_in_place_by_keyboard(open_page):
    page = open_page("topics/matrix.html")
    url = page.url
    first_rows = page.evaluate(
        "() => Array.from(document.querySelectorAll('table.matrix tbody')[0].rows).map(r => r.cells[0].textContent)"
    )
    heading = page.locator("table.matrix thead th").nth(3)
    button = heading.locator("button.sort")
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # second press: descending, the busiest topics first
    assert heading.get_attribute("aria-sort") == "descending"
    assert page.url == url
    rows = page.evaluate(
        "() => Array.from(document.querySelectorAll('table.matrix tbody')[0].rows)"
        ".map(r => [r.cells[0].textContent, r.cells[3] ? r.cells[3].textContent.trim() : ''])"
    )
    assert rows[0][0] == first_rows[0]  # the group's heading row stays on top
    counts = [0 if value == "·" else int(value) for _, value in rows[1:]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_glossary_filter_and_category_buttons(open_page):
    page = open_page("glossary.html")
    page.fill("#glossary-filter", "数控机床")
    visible = page.locator("table.glossary tbody tr:visible")
    assert 1 <= visible.count() <= 5
    assert "CNC machine tool" in visible.first.inner_text()
    page.fill("#glossary-filter", "")
    page.locator(".glossary-filter button[data-category='unit']").click()
    categories = page.eval_on_selector_all(
        "table.glossary tbody tr:not([hidden])", "rows => rows.map(r => r.cells[3].textContent)"
    )
    assert set(categories) == {"unit"} and len(categories) > 5


def test_glossary_links_carry_their_term_in_both_scripts(open_page):
    """Every glossary link shows the other language when pointed at (its title), the derived script's too."""
    page = open_page(PART)
    untitled = page.eval_on_selector_all(".blk a.gl", "links => links.filter(a => !a.title).map(a => a.href)")
    assert untitled == [] and page.locator(".blk a.gl").count() > 100
    block = page.locator("#s2-2-1-p1")
    hans = block.locator(".t-hans a.gl[href$='#g-cnc-machine-tool']")
    assert hans.get_attribute("title") == "CNC machine tool"
    english = block.locator(".col-en a.gl[href$='#g-cnc-machine-tool']")
    assert english.get_attribute("title") == "数控机床 · CNC machine tool"
    page.locator(".view-switch button[data-script='hant']").click()
    hant = block.locator(".t-hant a.gl[href$='#g-cnc-machine-tool']")
    assert hant.is_visible() and hant.inner_text() == "數控機床"
    assert hant.get_attribute("title") == "CNC machine tool"
    links = page.eval_on_selector_all(
        ".blk .col-zh",
        "cols => cols.map(c => [c.querySelectorAll('.t-hans a.gl').length, c.querySelectorAll('.t-hant a.gl').length])",
    )
    assert all(simplified == traditional for simplified, traditional in links)
    text = block.locator(".t-hant").text_content()
    assert "數控機床" in text and "数控" not in text
    hant.click()
    assert page.url.endswith("glossary.html#g-cnc-machine-tool")


def test_topic_page_view_switch_shows_one_language(open_page):
    page = open_page("topics/cnc-machine-tools.html")
    page.locator(".view-switch button[data-view='en']").click()
    assert not page.locator(".excerpt .col-zh").first.is_visible()
    assert page.locator(".excerpt .col-en mark").first.is_visible()


def test_topic_page_script_switch_persists_and_degrades_to_the_source_script(open_page, served_site):
    """简/繁 on a topic page as on plan pages: the choice shows the other script with its highlights, reaches the
    other open pages of the edition, lasts across reloads and pages; without JavaScript there is no switch and the
    text shows as printed (Simplified). Every step waits on what the page promises (an attribute, a visible text),
    never on time."""
    page = open_page("topics/robots.html")
    beside = page.context.new_page()  # a plan page open in another tab
    beside.goto(served_site + PART)
    first = page.locator(".excerpt").first
    expect(first.locator(".t-hans")).to_be_visible()
    expect(first.locator(".t-hant")).to_be_hidden()
    page.locator(".view-switch button[data-script='hant']").click()
    expect(page.locator("html")).to_have_attribute("data-script", "hant")
    expect(first.locator(".t-hant")).to_be_visible()
    expect(first.locator(".t-hans")).to_be_hidden()
    assert "機器人" in first.locator(".t-hant mark").first.inner_text()
    # The tab beside follows once the browser holds the stored choice; from then on every page reads it.
    expect(beside.locator("html")).to_have_attribute("data-script", "hant")
    expect(beside.locator(".blk .t-hant").first).to_be_visible()
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-script", "hant")
    expect(page.locator(".view-switch button[data-script='hant']")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".excerpt").first.locator(".t-hant")).to_be_visible()
    page.goto(page.url.replace("topics/robots.html", PART))
    expect(page.locator(".blk .t-hant").first).to_be_visible()
    expect(page.locator(".blk .t-hans").first).to_be_hidden()
    page = open_page("topics/robots.html", javascript=False)
    expect(page.locator("html")).not_to_have_attribute("data-script", "hant")
    expect(page.locator(".view-switch")).to_be_hidden()
    first = page.locator(".excerpt").first
    expect(first.locator(".t-hans")).to_be_visible()
    expect(first.locator(".t-hant")).to_be_hidden()


def test_saved_view_and_script_apply_before_the_first_paint(open_page, served_site):
    """The head of every page sets the saved choice on <html> before anything is drawn: no page shows the other
    view first. Checked at the first moment a script can look (the page's own first <script> has run, the body
    not yet parsed)."""
    page = open_page("topics/robots.html", view="en")
    page.context.add_init_script(
        "localStorage.setItem('edition-script', 'hant');"
        "new MutationObserver((records, observer) => { if (document.body) {"
        " window.atFirstBody = [document.documentElement.getAttribute('data-view'),"
        " document.documentElement.getAttribute('data-script')]; observer.disconnect(); } })"
        ".observe(document, {childList: true, subtree: true});"
    )
    for path in ("topics/robots.html", PART, "glossary.html", "index.html"):
        page.goto(served_site + path)
        assert page.evaluate("window.atFirstBody") == ["en", "hant"], path


def test_phone_timeline_labels_are_legible_and_tables_keep_their_key_column(open_page):
    page = open_page("timeline.html", viewport="phone")
    label_height = page.locator("svg.timeline .lane-zh").first.evaluate("e => e.getBoundingClientRect().height")
    assert label_height >= 11
    page = open_page("glossary.html", viewport="phone")
    page.evaluate("document.querySelector('.md-typeset__scrollwrap').scrollLeft = 400")
    left = page.locator("table.glossary tbody tr").first.locator("th").evaluate("e => e.getBoundingClientRect().left")
    assert 0 <= left < 40
    page = open_page(PART, viewport="phone")
    assert page.locator(".blk-tools a.pid").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 12


COMPARE = "compare/guangdong-high-end-equipment-2021--china-machinery-2021.html"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_comparison_opens_short_and_follows_the_english_view(open_page, viewport):
    page = open_page(COMPARE, viewport=viewport, view="en")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < (6000 if viewport == "desktop" else 10000)  # it was ~28,000 px with every topic open
    assert not page.locator(".zh-only").first.is_visible() and page.locator(".cmp-intro .en").is_visible()
    # a link to a topic opens its section, in English
    page.goto(page.url.split("#")[0] + "#t-robots")
    topic = page.locator("#t-robots")
    assert topic.evaluate("e => e.open")
    assert topic.locator(".cmp-blocks [lang='en']").first.is_visible()
    assert not topic.locator(".cmp-blocks [lang='zh-Hans']").first.is_visible()


def test_phone_targets_filter_hides_the_cards_it_counts_out_and_keeps_sorting(open_page):
    page = open_page("targets.html", viewport="phone")
    page.select_option("select[name=plan]", "shanxi-equipment-2011")
    said = page.locator("[data-targets-count]").text_content()
    shown = page.locator("[data-targets-table] tbody tr:visible")
    assert said == f"{shown.count()} of 41 targets" and 0 < shown.count() < 41
    assert all(row.get_attribute("data-plan") == "shanxi-equipment-2011" for row in shown.all())
    sort = page.locator("[data-targets-table] thead button.sort").first
    assert sort.is_visible()  # the headings stay, as a row of sort buttons
    sort.click()
    assert page.locator("[data-targets-table] thead th[aria-sort]").count() == 1


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_an_anchor_jump_lands_below_the_header_and_the_sticky_view_switch(open_page, viewport):
    page = open_page(PART, viewport=viewport, fragment="s2-1-2-p1")
    # the paragraph starts just under the switch, nothing of it hidden (waited for: the jump may still be settling)
    page.wait_for_function(
        """() => { const top = document.querySelector("#s2-1-2-p1").getBoundingClientRect().top;
          const switchBottom = document.querySelector(".view-switch").getBoundingClientRect().bottom;
          return switchBottom <= top && top < 200; }"""
    )
    # the switch stays at hand further down the page
    start = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 3000)
    page.wait_for_function(f"window.scrollY > {start} + 1000")
    page.wait_for_function(
        '() => { const top = document.querySelector(".view-switch").getBoundingClientRect().top; '
        "return 0 < top && top < 100; }"
    )


def test_glossary_filter_folds_traditional_to_simplified(open_page):
    page = open_page("glossary.html")
    rows = page.locator("table.glossary tbody tr:visible")
    page.fill("#glossary-filter", "机器人")
    simplified = rows.count()
    page.fill("#glossary-filter", "機器人")
    assert rows.count() == simplified >= 8  # glossary/terms.yml: eight terms hold 机器人


def test_a_tap_on_a_glossary_term_shows_its_english_before_leaving(browser, built_site):  # noqa: F811
    context = browser.new_context(viewport=VIEWS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto((built_site / PART).as_uri())
    page.wait_for_load_state("load")
    term = page.locator("#s2-1-2-p1 .col-zh a.gl").first
    address = page.url
    term.tap()
    popover = page.locator(".gl-popover")
    assert page.url == address and popover.count() == 1
    assert popover.text_content().startswith(term.get_attribute("title"))
    with page.expect_navigation():
        term.tap()  # the second tap follows the link
    assert "/glossary.html" in page.url
    context.close()


FOCUSED = """(() => { const e = document.activeElement;
  return e.tagName + "." + ([...e.classList].filter(c => c !== "focus-visible")[0] || ""); })()"""


def test_a_paragraph_is_four_tab_stops_to_its_cite_and_terms_come_back_on_request(open_page):
    page = open_page(PART)
    block = page.locator("#s2-1-2-p1")
    assert block.locator("a.gl").count() >= 5  # a paragraph full of glossary terms
    start = "e => { e.tabIndex = -1; e.focus(); }"  # the paragraph itself, so Tab walks through it
    block.evaluate(start)
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert stops == ["A.pid", "BUTTON.copy-cite", "BUTTON.copy-link", "SUMMARY."], stops
    assert page.evaluate("document.activeElement.closest('details.cite') !== null")
    assert page.evaluate("document.activeElement.closest('.blk').id") == "s2-1-2-p1"
    # the view switch's Term links button makes the terms tab stops again
    page.locator(".view-switch button[data-terms]").click()
    assert block.locator("a.gl").first.get_attribute("tabindex") is None
    block.evaluate(start)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('gl')")


@pytest.mark.parametrize("path", [PART, "about.html"])
def test_the_skip_link_is_bilingual_and_lands_on_the_view_switch(open_page, path):
    page = open_page(path)
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == "跳到正文 · Skip to content"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash !== ''")
    if path == PART:
        assert page.evaluate("location.hash") == "#view-switch"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.view-switch') !== null")
    else:  # a page without a switch: its first heading
        assert page.evaluate("location.hash").startswith("#")


def test_phone_timeline_keeps_its_plan_labels_in_view_while_it_scrolls(open_page):
    page = open_page("timeline.html", viewport="phone")
    figure = page.locator("figure.timeline-figure").first
    assert figure.evaluate("f => f.scrollWidth > f.clientWidth")  # the drawing scrolls sideways on a phone
    label = page.locator("svg.timeline .lane-zh").first
    figure.evaluate("f => { f.scrollLeft = 500; }")
    page.wait_for_function("document.querySelector('figure.timeline-figure').scrollLeft >= 500")
    # still at the left edge (the labels follow the scroll, so wait for them to settle there)
    page.wait_for_function(
        """() => { const figure = document.querySelector("figure.timeline-figure");
          const label = document.querySelector("svg.timeline .lane-zh");
          const offset = label.getBoundingClientRect().left - figure.getBoundingClientRect().left;
          return 0 <= offset && offset < 40; }"""
    )
    assert label.is_visible()


@pytest.mark.parametrize("path", [PART, "topics/robots.html"])
def test_every_choice_of_the_view_switch_is_in_view_on_a_phone(open_page, path):
    """No choice scrolled out of a strip: 简体 and 繁體 were past the right edge at 390 px."""
    page = open_page(path, viewport="phone")
    switch = page.locator(".view-switch")
    assert switch.evaluate("v => v.scrollWidth <= v.clientWidth")
    width = page.evaluate("window.innerWidth")
    buttons = switch.locator("button:visible").all()
    assert len(buttons) >= 5  # Both, Chinese, English, 简体, 繁體 (and Term links where a page has them)
    for button in buttons:
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, button.inner_text()
