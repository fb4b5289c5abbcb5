"""The briefing PDFs of the real edition, checked with real tools (poppler's pdffonts/pdftotext, pypdf)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.config import BuildConfig
from build_tools.enrich.topics import load_taxonomy, tag_edition
from build_tools.outputs.naming import edition_pdf_name
from build_tools.outputs.pdf import build_briefing_pdf, build_edition_pdf, build_plan_pdf, build_topic_pdf, render_html
from build_tools.outputs.pdf_context import BriefingSection, briefing_doc

HENAN = "henan-equipment-2017"
# A real paragraph (henan-equipment-2017/s2.1.1/p1) and its translation in translations/en/henan-equipment-2017.po.
SENTENCE_ZH = "目标任务:坚持技术创新、市场开拓、品牌塑造并举,培育2—3家具有自主知识产权和国际知名品牌的企业集团"
SENTENCE_EN = "Goals and tasks: Pursue technological innovation, market expansion and brand building simultaneously"
TOPIC = "cnc-machine-tools"


@pytest.fixture(scope="session")
def pdfs(edition, tmp_path_factory) -> dict[str, Path]:
    """Every plan PDF, the edition PDF and one topic PDF, built once (about 20 s)."""
    out = tmp_path_factory.mktemp("pdfs")
    built = {plan.meta.id: build_plan_pdf(edition, plan, out) for plan in edition.plans}
    built["edition"] = build_edition_pdf(edition, out)
    taxonomy = load_taxonomy(BuildConfig().topics)
    built["topic"] = build_topic_pdf(edition, taxonomy.topic(TOPIC), tag_edition(edition.plans, taxonomy), out)
    return built


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", *pages, str(pdf), "-")


def squeezed(text: str) -> str:
    """Without white space and hyphens: line breaks and hyphenation differ from the source, the words do not."""
    return re.sub(r"[\s\-‐]", "", text)


def outline_titles(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline_titles(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


def test_file_names(pdfs, edition):
    assert pdfs[HENAN].name == f"{HENAN}.pdf"
    assert pdfs["edition"].name == edition_pdf_name(edition.meta)
    assert edition_pdf_name(edition.meta) == "chinese-equipment-manufacturing-plans-2026-11-25.pdf"
    assert pdfs["topic"].name == f"topic-{TOPIC}.pdf"


def test_every_font_is_embedded_and_none_is_type3(pdfs):
    for name, pdf in pdfs.items():
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, f"{name}: no fonts"
        for row in rows:
            assert "Type 3" not in row, f"{name}: {row}"
            # Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, generation.
            assert row.split()[-5] == "yes", f"{name}: font not embedded: {row}"
        assert any("CJK-SC" in row for row in rows), f"{name}: the Simplified Chinese face is not used"


def test_chinese_and_english_come_back_as_text(pdfs):
    for name in (HENAN, "edition"):
        text = squeezed(text_of(pdfs[name]))
        assert squeezed(SENTENCE_ZH) in text, name
        assert squeezed(SENTENCE_EN) in text, name


def test_paragraph_ids_are_printed(pdfs, edition):
    text = text_of(pdfs[HENAN])
    assert "s2.1.1/p1" in text
    plan = edition.plan(HENAN)
    missing = [block.id for block in plan.blocks if block.id.split("/", 1)[1] not in text]
    assert missing == []


def test_cover_shows_title_issuer_period_status_and_edition_date(pdfs, edition):
    meta = edition.plan(HENAN).meta
    cover = text_of(pdfs[HENAN], 1, 1)
    for expected in (meta.issuer_zh, meta.issuer_en, "2017–2020", "2017-09-29", "Issued", "2026-11-25"):
        assert expected in cover
    assert squeezed(meta.title_en) in squeezed(cover)
    assert squeezed(meta.title_zh) in squeezed(cover)


def test_page_counts_are_sane(pdfs):
    pages = {name: len(PdfReader(pdf).pages) for name, pdf in pdfs.items()}
    assert 10 <= pages[HENAN] <= 80
    plans = [name for name in pages if name not in ("edition", "topic")]
    assert all(5 <= pages[name] <= 120 for name in plans), pages
    # The edition holds every plan's text (without their separate contents pages).
    assert sum(pages[name] for name in plans) * 0.7 <= pages["edition"] <= sum(pages[name] for name in plans) + 20


def test_every_heading_is_a_bookmark(pdfs, edition):
    plan = edition.plan(HENAN)
    bookmarks = outline_titles(PdfReader(pdfs[HENAN]))
    headings = [block for block in plan.blocks if block.kind in ("heading", "box")]
    # The plan's title, the contents, then one bookmark per heading, in reading order.
    assert len(bookmarks) == len(headings) + 2
    assert bookmarks[0][0] == 0 and plan.meta.title_zh in bookmarks[0][1]
    assert "目录 Contents" in [title for _, title, _ in bookmarks]
    titles = [title for _, title, _ in bookmarks[2:]]
    for block, title in zip(headings, titles, strict=True):
        assert title.startswith(block.display), title
    assert "一、总体要求 I. General Requirements" in titles
    assert max(depth for depth, _, _ in bookmarks) >= 3  # nested as the headings are
    pages = [page for _, _, page in bookmarks[2:]]
    assert pages == sorted(pages)


def test_edition_bookmarks_hold_every_plan(pdfs, edition):
    top = [title for depth, title, _ in outline_titles(PdfReader(pdfs["edition"])) if depth == 0]
    assert top[0] == "目录 Contents"
    assert [title.split(" · ")[0] for title in top[1:]] == [plan.meta.title_zh for plan in edition.plans]


def test_contents_links_lead_to_their_headings_and_print_their_pages(pdfs):
    reader = PdfReader(pdfs[HENAN])
    named = reader.named_destinations
    targets = []
    for annotation in reader.pages[1].get("/Annots", []):
        link = annotation.get_object()
        if link.get("/Subtype") == "/Link" and "/Dest" in link:
            targets.append(reader.get_destination_page_number(named[str(link["/Dest"])]))
    assert targets, "the contents page has no internal links"
    assert targets == sorted(targets) and min(targets) >= 2  # in order, into the text (after cover and contents)
    # The number printed by target-counter is the page the heading is on.
    line = next(line for line in text_of(pdfs[HENAN], 2, 3).splitlines() if line.startswith("二、重点领域"))
    printed = int(line.rsplit(" ", 1)[1].strip(". "))
    assert "二、重点领域" in text_of(pdfs[HENAN], printed, printed)


def test_metadata_names_the_plan_and_the_edition_date(pdfs, edition):
    metadata = PdfReader(pdfs[HENAN]).metadata
    assert metadata.title.startswith(edition.plan(HENAN).meta.title_zh)
    assert str(metadata["/CreationDate"]).startswith("D:20261125")


def test_topic_briefing_quotes_blocks_with_citations(pdfs, edition):
    text = text_of(pdfs["topic"])
    assert "专题：数控机床" in text and "Topic: CNC machine tools" in text
    assert f"¶ {HENAN}/s2.2.1" in text.replace("\n", " ")
    assert "数控机床" in text and "machine tools" in text.lower()


def test_same_edition_same_bytes(pdfs, edition, tmp_path):
    """No build time or random id inside: a changed PDF means changed content."""
    again = build_plan_pdf(edition, edition.plan(HENAN), tmp_path)
    assert again.read_bytes() == pdfs[HENAN].read_bytes()


def test_briefing_escapes_source_text(edition):
    """Source and caller text is data, never markup: angle brackets and ampersands print literally."""
    doc = briefing_doc(
        edition, "<b>标题</b> & 规划", "<i>Title</i> & plans", [BriefingSection("<script>x</script>", "A&B", ())]
    )
    html = render_html("briefing.html.jinja", meta=edition.meta, doc=doc, title="t")
    assert "<b>标题</b>" not in html and "&lt;b&gt;标题&lt;/b&gt; &amp; 规划" in html
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_briefing_refuses_unknown_blocks(edition, tmp_path):
    with pytest.raises(KeyError, match="no block"):
        build_briefing_pdf(edition, "x", "x", [BriefingSection("x", "x", (f"{HENAN}/s99/p1",))], tmp_path, "x.pdf")
    assert not list(tmp_path.iterdir())
