"""Citations as a reader and a reference manager meet them: cite boxes, meta tags, the plan's .bib/.ris/.json."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from build_tools.core.config import ROOT
from build_tools.present.citation import Citation, paragraph_citation, plan_citation
from build_tools.present.downloads import Download
from build_tools.render.pages import plan_overview
from build_tools.sources.site_address import read_site_url

SITE_URL = read_site_url(ROOT / "mkdocs.yml")
PLAN = "henan-equipment-2017"
DRAFT = "guangdong-high-end-equipment-2021"
"""Its meta.yml marks the issue date and the issuer as inferred by the editors."""
DAY = "2026-12-05"
"""The access date the page's script would put in on that day."""


class HeadMeta(HTMLParser):
    """What Zotero's embedded-metadata reader looks at: <meta name=…> in the page, and the canonical link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.canonical = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name", "").startswith("citation_"):
            self.meta.append((attributes["name"], attributes.get("content") or ""))
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes["href"]


def head_meta(path) -> HeadMeta:
    parser = HeadMeta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


FORMATS = (("zh", "中文"), ("en", "English"), ("bibtex", "BibTeX"), ("ris", "RIS"), ("csl", "CSL-JSON"))
ESCAPES = {
    "zh": lambda text: text,
    "en": lambda text: text,
    "bibtex": lambda text: re.sub(r"([\\{}%&#_$])", r"\\\1", text),
    "ris": lambda text: text,
    "csl": lambda text: json.dumps(text, ensure_ascii=False)[1:-1],
}


def cite_boxes(html: str, day: str = DAY) -> dict[str, dict[str, str]]:
    """Paragraph anchor -> its citation texts by kind (中文, English, BibTeX, RIS, CSL-JSON), as the reader sees them.

    A plan page carries its paragraphs' citations once, as templates (render/cite_formats.py); each cite box
    holds the paragraph's id, address, key and section index, and edition.js fills the texts in when the box
    is opened. This does what the script does (test_reader_browser checks the two agree), with ``day`` as the
    access date; ``address`` is what the box shows without JavaScript.
    """
    templates = json.loads(unescape(re.search(r'<div class="cite-templates" hidden data-formats="([^"]*)"', html)[1]))
    sections = json.loads(unescape(re.search(r'<div class="cite-templates" [^>]*data-sections="([^"]*)"', html)[1]))
    boxes = {}
    for anchor, attributes, block, address in re.findall(
        r'<div class="blk [^"]*" id="([^"]+)".*?<details class="cite"([^>]*)>.*?'
        r'<span class="cite-block">([^<]*)</span> <span class="cite-value cite-url">([^<]*)</span>',
        html,
        re.S,
    ):
        data = {name: unescape(value) for name, value in re.findall(r'data-(\w+)="([^"]*)"', attributes)}
        section_zh, section_en = sections[int(data["s"])]
        address = unescape(address)
        values = {"\ue000": data["key"], "\ue001": unescape(block), "\ue003": address.rsplit("#", 1)[1]}
        shown = {"address": address}
        for name, label in FORMATS:
            section = section_zh if name == "zh" else section_en
            text = templates[name][0 if section else 1].replace(
                "\ue004", day.replace("-", "/") if name == "ris" else day
            )
            for mark, value in ({**values, "\ue002": section}).items():
                text = text.replace(mark, ESCAPES[name](value) if mark in ("\ue001", "\ue002") else value)
            shown[label] = text
        boxes[anchor] = shown
    return boxes


def unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_site_url_is_configured_and_can_be_overridden(monkeypatch, tmp_path):
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")
    monkeypatch.setenv("SITE_URL", "https://plans.example.net/edition")
    assert read_site_url(ROOT / "mkdocs.yml") == "https://plans.example.net/edition/"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert read_site_url(config) == ""


def test_every_plan_page_carries_highwire_tags_a_reference_manager_can_read(built_site, edition):
    for plan in edition.plans:
        pages = [built_site / "plans" / plan.meta.id / "index.html"]
        pages += [built_site / "plans" / plan.meta.id / f"{part.slug}.html" for part in plan.parts]
        for page in pages:
            head = head_meta(page)
            tags = dict(head.meta)
            assert len(tags) == len(head.meta), f"{page}: a tag is repeated"
            assert tags["citation_title"] == plan.meta.title_zh
            # an issuer or date the editors inferred is in square brackets, the cataloguer's mark
            issuer = f"[{plan.meta.issuer_zh}]" if plan.meta.issuer_inferred else plan.meta.issuer_zh
            assert tags["citation_author"] == issuer
            assert tags["citation_publisher"] == issuer
            assert tags["citation_language"] == "zh"
            # Highwire dates are YYYY/MM/DD (or a prefix of it): what Zotero parses
            date = tags["citation_date"]
            if plan.meta.date_inferred:
                assert date.startswith("[") and date.endswith("]")
                date = date[1:-1]
            assert re.fullmatch(r"\d{4}(/\d{2}(/\d{2})?)?", date)
            assert date.replace("/", "-") == plan.meta.date
            address = page.relative_to(built_site).as_posix()  # file URLs: the page's own name
            assert tags["citation_public_url"] == SITE_URL + address
            assert head.canonical == tags["citation_public_url"]


def test_pdf_url_is_given_when_the_pdf_exists(edition):
    plan = edition.plan(PLAN)
    overview = plan_overview(edition, plan, Download(f"downloads/{PLAN}.pdf"))
    tags = dict(overview.cite.highwire(overview.pdf_url))
    assert tags["citation_pdf_url"] == f"{SITE_URL}downloads/{PLAN}.pdf"
    assert "citation_pdf_url" not in dict(plan_overview(edition, plan).cite.highwire(""))


def test_each_paragraph_cites_issuer_title_date_section_id_edition_and_full_url(built_site, edition):
    plan = edition.plan(PLAN)
    html = (built_site / "plans" / PLAN / "part-02.html").read_text(encoding="utf-8")
    boxes = cite_boxes(html)
    expected = [b.anchor for b in plan.blocks if b.part == 2 and b.kind not in ("heading", "box")]
    assert list(boxes) == expected
    cite = boxes["s2-1-2-p1"]
    zh, en = cite["中文"], cite["English"]
    url = f"{SITE_URL}plans/{PLAN}/part-02.html#s2-1-2-p1"
    for piece in (
        "河南省人民政府办公厅",
        f"《{plan.meta.title_zh}》",
        "2017-09-29",
        "二、重点领域",
        "二、重点领域 › (一)打造四大领军产业 › 2.盾构装备，",
        f"段落编号 {PLAN}/s2.1.2/p1",
        edition.meta.edition_date,
        f"{url}（访问日期：{DAY}）。",
    ):
        assert piece in zh, piece
    for piece in (
        "General Office of the People's Government of Henan Province",
        plan.meta.title_en,
        "2017-09-29",
        "II. Key Fields",
        "Shield Tunneling",
        f"¶ {PLAN}/s2.1.2/p1",
        edition.meta.edition_date,
        f"{url}, accessed {DAY}",
    ):
        assert piece in en, piece
    assert url.split("#")[1] in re.findall(r'id="([^"]+)"', html)


def test_reference_manager_formats_parse(built_site):
    html = (built_site / "plans" / PLAN / "part-02.html").read_text(encoding="utf-8")
    cite = cite_boxes(html)["s2-1-2-p1"]
    bibtex = cite["BibTeX"]
    assert re.match(r"@misc\{henan-equipment-2017-s2-1-2-p1,\n", bibtex)
    assert bibtex.count("{") == bibtex.count("}")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bibtex, re.M))
    assert fields["author"] == "{General Office of the People's Government of Henan Province}"  # a body, not a person
    assert fields["year"] == "2017" and fields["url"].endswith("#s2-1-2-p1")
    ris = cite["RIS"].splitlines()
    assert ris[0] == "TY  - GOVDOC" and ris[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in ris)
    assert "DA  - 2017/09/29" in ris and "LA  - zh" in ris and "Y2  - 2026/12/05" in ris
    assert fields["urldate"] == DAY
    (item,) = json.loads(cite["CSL-JSON"])
    assert item["issued"] == {"date-parts": [[2017, 9, 29]]}
    assert item["author"] == [{"literal": "General Office of the People's Government of Henan Province"}]
    assert item["URL"].endswith("#s2-1-2-p1") and item["note"] == f"¶ {PLAN}/s2.1.2/p1"
    assert item["accessed"] == {"raw": DAY}


def test_every_paragraph_shows_the_formats_citation_py_makes(built_site, edition):
    """The formats a reader copies are exactly citation.py's, for every paragraph of a page (with and without a
    section path), though the page carries them once as templates."""
    plan = edition.plan(PLAN)
    for part in ("part-00", "part-02"):
        html = (built_site / "plans" / PLAN / f"{part}.html").read_text(encoding="utf-8")
        boxes = cite_boxes(html)
        blocks = {block.anchor: block for block in plan.blocks}
        assert boxes
        for anchor, shown in boxes.items():
            cite = replace(paragraph_citation(edition, plan, blocks[anchor], f"plans/{PLAN}/{part}.md"), accessed=DAY)
            assert shown["BibTeX"] == cite.bibtex(), anchor
            assert shown["RIS"] == cite.ris(), anchor
            assert shown["CSL-JSON"] == cite.csl_json(), anchor
            assert shown["English"] == cite.text_en and shown["中文"] == cite.text_zh


def test_a_part_page_carries_the_citations_once_and_each_paragraph_its_address(built_site, edition):
    html = (built_site / "plans" / PLAN / "part-02.html").read_text(encoding="utf-8")
    plan = edition.plan(PLAN)
    assert html.count("@misc{") == 2 and html.count("GOVDOC") == 2  # the templates: with and without a section
    assert html.count("载《") == 2  # the Chinese text template, with and without a section
    assert html.count(f'href="{PLAN}.bib"') == 1  # the plan's own files, once (edition.js puts them in a box)
    boxes = cite_boxes(html)
    assert len(boxes) > 10 and html.count('<details class="cite"') == len(boxes)
    # without JavaScript each box shows the paragraph's full id and its address, anchor included
    for anchor, shown in boxes.items():
        assert shown["address"] == f"{SITE_URL}plans/{PLAN}/part-02.html#{anchor}"
    block = next(b for b in plan.blocks if b.anchor == "s2-1-2-p1")
    assert f'<span class="cite-block">{block.id}</span>' in html


def test_plan_citation_files_are_downloadable(built_site, edition):
    folder = built_site / "plans" / PLAN
    overview = (folder / "index.html").read_text(encoding="utf-8")
    for suffix in ("bib", "ris", "json"):
        assert f'href="{PLAN}.{suffix}"' in overview
        assert (folder / f"{PLAN}.{suffix}").is_file()
    (item,) = json.loads((folder / f"{PLAN}.json").read_text(encoding="utf-8"))
    assert item["title"] == edition.plan(PLAN).meta.title_en and item["URL"] == f"{SITE_URL}plans/{PLAN}/index.html"


def test_bibtex_escapes_tex_characters():
    cite = Citation(
        "机构",
        "A & B {Office}",
        "标题",
        "50% of R_D #1",
        "2020",
        "",
        "",
        "",
        "版",
        "Ed",
        "2026-01-01",
        "https://x.org/p/",
        "p",
    )
    bibtex = cite.bibtex()
    assert r"A \& B \{Office\}" in bibtex and r"50\% of R\_D \#1" in bibtex
    assert bibtex.count("{") - bibtex.count(r"\{") == bibtex.count("}") - bibtex.count(r"\}")


def test_citations_are_not_in_the_search_index(built_site):
    # the index is every file of the site's own search (manifest, postings, stored text)
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((built_site / "search").rglob("*.js")))
    assert "数控" in text  # the stored text is really there
    assert "@misc" not in text and "GOVDOC" not in text


def test_sitemap_carries_the_site_address(built_site, edition):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}plans/{PLAN}/part-02.html</loc>" in sitemap


def test_facts_the_editors_inferred_are_marked_in_every_form(built_site, edition):
    """The Guangdong draft gives neither date nor issuer: no citation may state them as given (``inferred``)."""
    plan = edition.plan(DRAFT)
    html = (built_site / "plans" / DRAFT / "part-03.html").read_text(encoding="utf-8")
    shown = cite_boxes(html)["s3-2-box1-1-p1"]
    assert shown["中文"].startswith("广东省工业和信息化厅（编者推定）：《广东省培育高端装备制造产业集群行动计划")
    assert "（[2020]，编者推定）" in shown["中文"]
    english = shown["English"]
    assert english.startswith("Attributed to Department of Industry and Information Technology of Guangdong Province, ")
    assert "([2020])" in english and "(2020)" not in english
    bibtex = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", shown["BibTeX"], re.M))
    assert bibtex["year"] == "[2020]" and "date" not in bibtex
    assert (
        "issuer attributed by the editors" in bibtex["note"] and "issue date inferred by the editors" in bibtex["note"]
    )
    ris = shown["RIS"].splitlines()
    assert "DA  - 2020///inferred" in ris and "PY  - 2020" in ris
    assert "N1  - issuer attributed by the editors, not named in the text" in ris
    (item,) = json.loads(shown["CSL-JSON"])
    assert item["issued"] == {"date-parts": [[2020]], "circa": True}
    tags = dict(head_meta(built_site / "plans" / DRAFT / "index.html").meta)
    assert tags["citation_author"] == "[广东省工业和信息化厅]" and tags["citation_date"] == "[2020]"
    # a plan whose text gives both is cited plainly
    henan = plan_citation(edition, edition.plan(PLAN), f"plans/{PLAN}/index.md")
    assert "推定" not in henan.text_zh and "Attributed" not in henan.text_en and "(2017-09-29)" in henan.text_en
    assert plan.meta.date_inferred.startswith("The draft carries no date")


def test_a_citation_names_every_heading_whole(edition):
    """Headings in a citation's section path are never cut (“Platforms and …”, “Ministry of …” were)."""
    plan = edition.plan(DRAFT)
    block = next(b for b in plan.blocks if b.id == f"{DRAFT}/s3.2.box1.1/p1")
    cite = paragraph_citation(edition, plan, block, f"plans/{DRAFT}/part-03.md")
    assert (
        cite.section_zh
        == "三、重点任务 › （二）着力构建产业创新平台和创新体系 › 专栏：重点发展产业支撑平台 › 1.工信部电子五所"
    )
    assert cite.section_en.endswith(
        "› (II) Striving to Build Industrial Innovation Platforms and an Innovation System"
        " › Box: Industrial Support Platforms for Priority Development"
        " › 1. Fifth Electronics Research Institute of the Ministry of Industry and Information Technology"
    )
    assert "…" not in cite.text_en + cite.text_zh


def test_the_plan_overview_citation_gets_the_readers_access_date_only_from_the_script(built_site):
    """Without JavaScript no access date is printed (the build cannot know it); the script puts in the reader's day."""
    html = (built_site / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    box = html[html.index('<div class="plan-cite">') :]
    # The shown text keeps the Chinese title it quotes in its own lang (<span lang=zh-Hans>), as a reader's view does.
    value = (
        r'<span class="cite-value" lang="en" data-dated="([^"]*)">'
        r"((?:[^<]|<span lang=zh-Hans>[^<]*</span>)*)</span>"
    )
    static = re.search(value, box)
    shown = unescape(re.sub(r"</?span[^>]*>", "", static[2]))
    assert "<span lang=zh-Hans>" in static[2]
    assert "accessed" not in shown
    assert unescape(static[1]) == shown + ", accessed \ue004"
