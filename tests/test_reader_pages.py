"""Reader pages as built: outlines, template whitespace, the home page, the glossary, the matrix."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from build_tools.core.config import ROOT
from build_tools.render.pages import plan_overview

TEMPLATE_DIRS = (ROOT / "build_tools" / "render" / "templates", ROOT / "build_tools" / "pdf" / "templates")
# A line that has content and ends in a block tag: with trim_blocks the tag eats the line's newline.
RUN_ON = re.compile(r"\S.*\{%-?\s*(?:end\w+|else|elif\b[^%]*|if\b[^%]*|for\b[^%]*)\s*-?%\}\s*$")

# A line that starts with a statement glues its output on purpose (set blocks, inline loops before an attr_list line).
STATEMENT = re.compile(r"^\s*\{%")


class ListScan(HTMLParser):
    """Items of the first <ul> after an element with a given id, with their nesting depth and text."""

    def __init__(self, after_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.after_id = after_id
        self.armed = False
        self.depth = 0
        self.done = False
        self.items: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == self.after_id:
            self.armed = True
        if self.done or not self.armed:
            return
        if tag == "ul":
            self.depth += 1
        elif tag == "li":
            self.items.append((self.depth, ""))

    def handle_endtag(self, tag):
        if self.armed and not self.done and tag == "ul":
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):
        if self.armed and not self.done and self.depth and self.items:
            depth, text = self.items[-1]
            self.items[-1] = (depth, text + data)


def test_no_template_line_loses_its_newline_to_a_block_tag():
    """``text {% endif %}`` at a line end joins the next line on (``{% endif +%}`` keeps the newline)."""
    offenders = [
        f"{path.name}:{number}"
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.glob("*.jinja"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RUN_ON.search(line) and not line.rstrip().endswith("+%}") and not STATEMENT.match(line)
    ]
    assert offenders == []


def test_heading_outline_is_a_real_nested_list(built_site, edition):
    for plan in edition.plans:
        contents = plan_overview(edition, plan).contents
        scan = ListScan("outline")
        scan.feed((built_site / "plans" / plan.meta.id / "index.html").read_text(encoding="utf-8"))
        assert len(scan.items) == len(contents), plan.meta.id
        assert [depth for depth, _ in scan.items] == [entry.depth for entry in contents], plan.meta.id
        assert not any(re.search(r"(^|\s)- ", text) for _, text in scan.items), plan.meta.id


def test_glossary_terms_link_to_their_entry_with_the_other_language_as_title(built_site, edition):
    html = (built_site / "plans" / "henan-equipment-2017" / "part-02.html").read_text(encoding="utf-8")
    glossary = (built_site / "glossary.html").read_text(encoding="utf-8")
    row = re.search(r'<div class="blk [^"]*" id="s2-2-1-p1".*?<div class="blk-tools">', html, re.S).group(0)
    zh = re.search(r'<p class="zh t-hans"[^>]*>(.*?)</p>', row, re.S).group(1)
    hant = re.search(r'<p class="zh t-hant[^"]*"[^>]*>(.*?)</p>', row, re.S).group(1)
    en = re.search(r'<p class="en">(.*?)</p>', row, re.S).group(1)
    assert re.search(r'<a class="gl" href="../../glossary.html#g-cnc-machine-tool"( title="[^"]*")?>数控机床</a>', zh)
    assert re.search(r'<a class="gl" href="[^"]+#g-cnc-machine-tool"( title="[^"]*")?>CNC machine tools?</a>', en)
    assert zh.count("#g-cnc-machine-tool") == 1  # the first occurrence only
    assert 'id="g-cnc-machine-tool"' in glossary
    # nothing but the marks was added: the text reads as before
    assert re.sub(r"<[^>]+>", "", zh) == edition.bilingual.blocks["henan-equipment-2017/s2.2.1/p1"].zh_hans
    # the derived script is plain text in the page (edition.js links it as the printed one: test_reader_browser)
    assert "<a" not in hant and hant == edition.bilingual.blocks["henan-equipment-2017/s2.2.1/p1"].zh_hant
    # the first link of each term on the page, in each language, carries the tooltip; the others none
    titles = {"zh": "CNC machine tool", "en": "数控机床 · CNC machine tool"}
    for language, pattern in (("zh", r'<p class="zh t-hans"[^>]*>(.*?)</p>'), ("en", r'<p class="en">(.*?)</p>')):
        columns = "".join(re.findall(pattern, html, re.S))
        links = re.findall(r'<a class="gl" href="[^"]+#(g-[a-z0-9-]+)"( title="[^"]*")?>', columns)
        first: dict[str, str] = {}
        for term, title in links:
            first.setdefault(term, title)
            if title:
                assert first[term] == title and links.index((term, title)) == [t for t, _ in links].index(term), term
        assert all(first.values()), [term for term, title in first.items() if not title]
        assert first["g-cnc-machine-tool"] == f' title="{titles[language]}"'
        assert len([1 for _, title in links if title]) == len(first)


def test_glossary_page_has_letter_jumps_and_a_filter(built_site, edition):
    html = (built_site / "glossary.html").read_text(encoding="utf-8")
    letters = re.findall(r'<a href="#(g-[a-z0-9-]+)">([A-Z#])</a>', html)
    assert {letter for _, letter in letters} >= set("ABCDEGHIMNPRST")
    ids = set(re.findall(r'<tr id="(g-[a-z0-9-]+)"', html))
    assert len(ids) == len(edition.bilingual.glossary)
    assert all(target in ids for target, _ in letters)
    assert '<div class="glossary-filter" hidden>' in html and 'id="glossary-filter"' in html
    for category in {term.category for term in edition.bilingual.glossary}:
        assert f'data-category="{category}"' in html  # its button
        assert f"<td>{category}</td>" in html  # the cell the filter reads


def test_topic_pages_have_the_view_switch_and_highlight_both_languages(built_site):
    html = (built_site / "topics" / "cnc-machine-tools.html").read_text(encoding="utf-8")
    assert (
        '<div class="view-switch" id="view-switch" tabindex="-1" role="group" '
        'aria-label="Language view · 阅读视图" hidden>' in html
    )
    assert "<mark>机床</mark>" in html and "<mark>数控系统</mark>" in html
    english = re.findall(r'<div class="col-en" lang="en"><p class="en">(.*?)</p>', html, re.S)
    marks = [re.findall(r"<mark>(.*?)</mark>", text) for text in english]
    assert sum(1 for found in marks if found) >= 0.8 * len(english)
    assert {mark.lower() for found in marks for mark in found} >= {"machine tools", "cnc systems"}


def test_topic_pages_carry_both_scripts_with_the_same_highlights(built_site):
    """The 简/繁 switch of plan pages: every excerpt in Simplified (shown) and Traditional (.t-alt), marked alike."""
    for topic in ("cnc-machine-tools", "robots", "aviation"):
        html = (built_site / "topics" / f"{topic}.html").read_text(encoding="utf-8")
        assert 'data-script="hant"' in html and 'data-script="hans"' in html
        hans = re.findall(r'<p class="zh t-hans" lang="zh-Hans">(.*?)</p>', html, re.S)
        hant = re.findall(r'<p class="zh t-hant t-alt" lang="zh-Hant">(.*?)</p>', html, re.S)
        assert len(hans) == len(hant) == html.count('class="blk excerpt')
        for simplified, traditional in zip(hans, hant, strict=True):
            assert len(simplified) == len(traditional)  # one character for one, marks at the same places
            assert re.findall("<mark>", simplified) == re.findall("<mark>", traditional)
    cnc = (built_site / "topics" / "cnc-machine-tools.html").read_text(encoding="utf-8")
    assert "<mark>數控系統</mark>" in cnc and "<mark>機床</mark>" in cnc


def test_matrix_headings_are_plain_text_not_links(built_site, edition):
    html = (built_site / "topics" / "matrix.html").read_text(encoding="utf-8")
    head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    assert "<a " not in head and head.count("<th") == 1 + len(edition.plans)  # the topic, then a column per plan
    assert re.search(r'<tbody>\s*<tr class="group" data-fixed>', html)


class VisibleText(HTMLParser):
    """The text a reader sees: no comments, scripts, styles or attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


BUILDER_WORDS = (
    "STYLE.md",
    "topics.yml",
    "terms.yml",
    "README",
    "PO entry",
    "PO file",
    "msgid",
    "build_tools",
    "fuzzy",
)


def test_reader_pages_speak_to_readers(built_site):
    """Words for builders (files, formats, tools) stay on the About page; every other page speaks to readers."""
    found = []
    for page in sorted(built_site.rglob("*.html")):
        if page.name in ("about.html", "404.html") and page.parent == built_site:
            continue
        scan = VisibleText()
        scan.feed(page.read_text(encoding="utf-8"))
        text = " ".join(scan.parts)
        found += [f"{page.relative_to(built_site)}: {word}" for word in BUILDER_WORDS if word in text]
    assert found == []
