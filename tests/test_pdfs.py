"""The briefing PDFs of the real edition, checked with real tools (poppler's pdffonts/pdftotext, pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from build_tools.core.config import ROOT
from build_tools.enrich.plan_status import plan_status
from build_tools.pdf.jobs import edition_job, plan_job, topic_job, typographic_quotes
from build_tools.present.downloads import edition_pdf_name
from tests.pdf_checks import outline_titles, run, squeezed, text_of, written

pytestmark = pytest.mark.pdf

HENAN = "henan-equipment-2017"
# A real paragraph (henan-equipment-2017/s2.1.1/p1) and its translation in translations/en/henan-equipment-2017.po.
SENTENCE_ZH = "目标任务:坚持技术创新、市场开拓、品牌塑造并举,培育2—3家具有自主知识产权和国际知名品牌的企业集团"
SENTENCE_EN = "Goals and tasks: Pursue technological innovation, market expansion and brand building simultaneously"
TOPIC = "cnc-machine-tools"
SITE = "https://plans.example.org/"
"""A site address for the citations (the real one is mkdocs.yml's site_url)."""


@pytest.fixture(scope="session")
def pdfs(edition, tmp_path_factory) -> dict[str, Path]:
    """Every plan PDF, the edition PDF and two topic PDFs, built once (a minute or two on a busy machine)."""
    out = tmp_path_factory.mktemp("pdfs")
    built = {plan.meta.id: written(plan_job(edition, plan, SITE), out) for plan in edition.plans}
    built["edition"] = written(edition_job(edition, SITE), out)
    built["topic"] = written(topic_job(edition, edition.taxonomy.topic(TOPIC)), out)
    built["robots"] = written(topic_job(edition, edition.taxonomy.topic("robots"), SITE), out)
    return built


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
        assert "\ufffd" not in text, name
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
    issuer_en = typographic_quotes(meta.issuer_en)  # English prints with curly quotes: People’s
    for expected in (meta.issuer_zh, issuer_en, "2017–2020", "2017-09-29", "Issued", "Expired", "2026-11-25"):
        assert expected in cover
    assert squeezed(meta.title_en) in squeezed(cover)
    assert squeezed(meta.title_zh) in squeezed(cover)


def test_page_counts_are_sane(pdfs):
    pages = {name: len(PdfReader(pdf).pages) for name, pdf in pdfs.items()}
    assert 10 <= pages[HENAN] <= 80
    plans = [name for name in pages if name not in ("edition", "topic", "robots")]
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
    assert "二、重点领域" in squeezed(text_of(pdfs[HENAN], printed, printed))  # the label's gap may extract as a space


def test_metadata_names_the_plan_and_the_edition_date(pdfs, edition):
    metadata = PdfReader(pdfs[HENAN]).metadata
    assert metadata.title.startswith(edition.plan(HENAN).meta.title_zh)
    assert str(metadata["/CreationDate"]).startswith("D:20261125")


def test_topic_briefing_quotes_blocks_with_citations(pdfs, edition):
    text = text_of(pdfs["topic"])
    assert "专题简报：数控机床" in text and "Topic briefing: CNC machine tools" in text
    assert f"¶ {HENAN}/s2.2.1/p1" in text.replace("\n", " ")
    assert "数控机床" in text and "machine tools" in text.lower()


def test_same_edition_same_bytes(pdfs, edition, tmp_path):
    """No build time or random id inside: a changed PDF means changed content."""
    again = written(plan_job(edition, edition.plan(HENAN), SITE), tmp_path)
    assert again.read_bytes() == pdfs[HENAN].read_bytes()


# ---------------------------------------------------------------- briefings fit to hand over (issue 17)

EXPECTED_STATUS = yaml.safe_load((ROOT / "tests" / "data" / "plan_status.yml").read_text(encoding="utf-8"))


def first_line(pdf: Path, page: int) -> str:
    return next(line for line in text_of(pdf, page, page).splitlines() if line.strip())


def test_plan_status_matches_the_hand_checked_list(pdfs, edition):
    """Derived from meta.yml and the edition date; every plan's cover and the edition cover print it."""
    assert set(EXPECTED_STATUS) == {plan.meta.id for plan in edition.plans}
    right = 0
    for plan in edition.plans:
        status = plan_status(plan.meta, edition.meta)
        assert status.key == EXPECTED_STATUS[plan.meta.id]["status"], plan.meta.id
        right += 1
        cover = squeezed(text_of(pdfs[plan.meta.id], 1, 1))
        assert squeezed(status.zh) in cover and squeezed(status.en) in cover, plan.meta.id
    print(f"plan status: {right}/{len(EXPECTED_STATUS)} as checked by hand")


def test_robots_briefing_opens_with_summary_targets_and_statuses(pdfs, edition):
    summary = text_of(pdfs["robots"], 1, 1)
    flat = squeezed(summary)
    for heading in ("规划与现状", "Plans and their status", "量化目标", "Quantitative targets", "涉及年份"):
        assert squeezed(heading) in flat, heading
    # Henan's headline target, Chinese and English, with its paragraph id, on the first page.
    for expected in ("2万台", "20,000units", "2000台", "2,000units", "atleast", "s3.3.2/p1"):
        assert expected in flat, expected
    # Every plan that speaks of robots, with its status on the edition date.
    plans = {block_id.split("/", 1)[0] for block_id in edition.topics.blocks_of("robots")}
    assert plans == {HENAN, "guangdong-high-end-equipment-2021", "china-machinery-2021"}
    for plan_id in plans:
        meta = edition.plan(plan_id).meta
        assert squeezed(meta.issuer_zh) in flat
        label = {"expired": "已到期", "internal": "内部资料", "draft": "征求意见稿"}[EXPECTED_STATUS[plan_id]["status"]]
        assert label in flat, plan_id
    # No selection rule of the tagger on the cover.
    assert "不计" not in flat and "excluded" not in summary


def test_robots_excerpts_are_ranked_highlighted_and_never_bare_headings(pdfs):
    pages = len(PdfReader(pdfs["robots"]).pages)
    body = text_of(pdfs["robots"], 2, pages).replace("\n", " ")
    excerpts, _, mentions = body.partition("顺带提及")
    assert mentions, "no passing mentions section"
    cited = re.findall(r"¶ ([a-z0-9-]+/[\w./-]+)", excerpts)
    # The two Henan paragraphs under headings on robots come first; the passing mentions come last.
    assert set(cited[:2]) == {f"{HENAN}/s2.2.2/p1", f"{HENAN}/s3.3.2/p1"}, cited
    assert f"{HENAN}/s2.2.2 " not in " ".join(f"{c} " for c in cited)  # the heading 2.机器人。 is not an excerpt
    assert "s1.2/p1" in mentions and "s1.2/p1" not in " ".join(cited)
    # Matched terms are highlighted: the excerpts carry the highlight colour behind 机器人 and "robots".
    reader = PdfReader(pdfs["robots"])
    content = b"".join(page.get_contents().get_data() for page in reader.pages[1:2])
    assert b"0.992157 0.901961 0.541176 rg" in content or b".992157 .901961 .541176 rg" in content


def test_running_head_names_the_plan_a_page_starts_with(pdfs, edition):
    """A page opening with a new plan names it; text continued from a page sits under its own chapter."""
    reader = PdfReader(pdfs["edition"])
    starts = [(title, page) for depth, title, page in outline_titles(reader) if depth == 0 and " · " in title]
    for plan, (title, page) in zip(edition.plans, starts, strict=True):
        assert title.startswith(plan.meta.title_zh)
        head = first_line(pdfs["edition"], page + 2)  # the page after the plan's title page (one page, 1-based)
        assert head.startswith(f"{plan.meta.region_zh} {plan.meta.region_en} {plan.meta.period[0]}"), head
    # The national outline: 一、 starts mid-page, so that page is still headed by the preface.
    china = pdfs["china-machinery-2021"]
    preface = next(page for _, title, page in outline_titles(PdfReader(china)) if squeezed(title).startswith("前言"))
    for number in range(preface + 1, len(PdfReader(china).pages) + 1):
        lines = [line for line in text_of(china, number, number).splitlines() if line.strip()]
        if any(line.startswith("一、") for line in lines[3:]) and not lines[1].startswith("一、"):
            assert squeezed(lines[1]) == "前言", lines[:3]  # printed 前 言
            break
    else:
        pytest.fail("no page where chapter 一 starts mid-page")


def test_pdfs_are_tagged_with_document_and_span_languages(pdfs):
    for name in (HENAN, "robots"):
        info = run("pdfinfo", str(pdfs[name]))
        assert re.search(r"^Tagged:\s+yes", info, re.M), name
        reader = PdfReader(pdfs[name])
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "zh-Hans"
        langs: set[str] = set()
        stack = [root["/StructTreeRoot"]]
        while stack:
            node = stack.pop().get_object()
            if isinstance(node, dict):
                if "/Lang" in node:
                    langs.add(str(node["/Lang"]))
                kids = node.get("/K", [])
                stack.extend(kids if isinstance(kids, list) else [kids])
            elif isinstance(node, list):
                stack.extend(node)
        assert {"en", "zh-Hans"} <= langs, (name, langs)


def test_metadata_author_subject_keywords_and_dates(pdfs, edition):
    plan = PdfReader(pdfs[HENAN]).metadata
    assert plan["/Author"].startswith(edition.plan(HENAN).meta.issuer_zh)
    assert "Expired" in plan["/Subject"] and HENAN in plan["/Keywords"]
    briefing = PdfReader(pdfs["robots"]).metadata
    assert briefing["/Author"].startswith(edition.meta.title_zh)
    assert "机器人" in briefing["/Keywords"] and briefing["/Subject"]
    for metadata in (plan, briefing):
        assert str(metadata["/CreationDate"]).startswith("D:20261125")
        assert str(metadata["/ModDate"]).startswith("D:20261125")


def test_citations_carry_full_urls_and_links(pdfs):
    url = f"{SITE}plans/{HENAN}/part-03.html#s3-3-2-p1"
    assert squeezed(url) in squeezed(text_of(pdfs["robots"]))
    reader = PdfReader(pdfs["robots"])
    links = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    }
    assert url in links
    assert all(link.startswith(SITE) for link in links)
    assert squeezed(f"{SITE}plans/{HENAN}/") in squeezed(text_of(pdfs[HENAN], 1, 1))


def test_fonts_are_real_subsets_and_files_are_lean(pdfs):
    for name, pdf in pdfs.items():
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        for row in rows:
            assert "CID Type 0C" in row and row.split()[-4] == "yes", f"{name}: not a bare CFF subset: {row}"
            assert re.match(r"[A-Z]{6}\+", row), f"{name}: no subset tag: {row}"
    assert pdfs["robots"].stat().st_size <= 300 * 1024
    assert pdfs["edition"].stat().st_size <= 5 * 2**20


def test_english_is_not_hyphenated(pdfs, edition):
    """A line may end in a hyphen only where the translation has one (five-axis, not envir-onment)."""
    english = " ".join(text.en for text in edition.bilingual.blocks.values()).lower()
    english += " ".join(plan.meta.id for plan in edition.plans)  # ids in citations break at their hyphens
    broken = []
    for name in (HENAN, "china-machinery-2021", "robots"):
        lines = run("pdftotext", "-layout", str(pdfs[name]), "-").splitlines()
        for line, after in zip(lines, lines[1:], strict=False):
            head = re.search(r"([A-Za-z]+)-$", line.rstrip())
            tail = re.match(r"\s*([A-Za-z]+)", after)
            # "mid- and low-end": a suspended hyphen, and the line breaks at the space after it
            suspended = head and tail and f"{head.group(1)}- {tail.group(1)}".lower() in english
            if head and tail and not suspended and f"{head.group(1)}-{tail.group(1)}".lower() not in english:
                broken.append(f"{name}: {head.group(1)}-{tail.group(1)}")
    assert broken == []


def test_two_faces_only_the_sans_regular_and_bold(pdfs):
    """Fonts are most of a PDF's bytes: every file embeds Noto Sans CJK SC regular and bold and nothing else
    (a Serif body face cost a quarter more per glyph; Serif Bold labels and Mono ids were a third and fourth face)."""
    for name, pdf in pdfs.items():
        faces = {row.split()[0].split("+", 1)[1] for row in run("pdffonts", str(pdf)).splitlines()[2:]}
        assert faces <= {"Noto-Sans-CJK-SC", "Noto-Sans-CJK-SC-Bold"}, f"{name}: {faces}"


def test_compound_words_come_back_whole(pdfs, edition):
    """A line broken after a compound's hyphen extracts as one word (user-side → "userside"): compounds stay whole."""
    english = " ".join(text.en for text in edition.bilingual.blocks.values())
    compounds = set(re.findall(r"\b([A-Za-z]+)-([A-Za-z]+)\b", english))
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", english)}
    joined = {f"{head}{tail}".lower() for head, tail in compounds} - words
    assert len(joined) > 100  # the translations are full of compounds: the check has something to find
    for name in (HENAN, "china-machinery-2021", "robots"):
        extracted = {word.lower() for word in re.findall(r"[A-Za-z]+", text_of(pdfs[name]))}
        assert extracted & joined == set(), name
        assert "\u2060" not in text_of(pdfs[name]), f"{name}: the word joiner shows in the text"


def test_passing_mentions_carry_their_english(pdfs, edition):
    """Each passing mention quotes the Chinese clause and, when translated, the English sentence that renders it."""
    pages = len(PdfReader(pdfs["robots"]).pages)
    _, _, mentions = text_of(pdfs["robots"], 2, pages).replace("\n", " ").partition("顺带提及")
    # s1.2.2/p1 机器人产业蓬勃发展, s2.3.1/p1 在机器人领域: the sentence or clauses rendering them, not the paragraph
    assert "The robotics industry has boomed:…" in mentions
    assert "…in the field of robotics, the capability to develop and produce complete sets" in mentions
    assert "sales of independent-brand industrial robots grew" not in mentions


def test_english_measure_is_at_most_75_characters(pdfs, edition):
    """Lines of translated paragraphs hold at most 75 characters (a readable measure; it was 95)."""
    for name in (HENAN, "china-machinery-2021"):
        # Running text: paragraphs and list items of the body (titles and headings are set larger, full width)
        blocks = edition.plan(name).blocks
        paragraphs = [b.id for b in blocks if b.kind in ("paragraph", "list_item") and b.zone == "body"]
        english = " ".join(edition.bilingual.blocks[block_id].en for block_id in paragraphs)
        english = typographic_quotes(english).replace("\u2060", "")
        lines = [line.strip() for line in text_of(pdfs[name]).splitlines()]
        measured = [line for line in lines if len(line) >= 40 and line in english]
        assert len(measured) > 200, name  # the check reads the paragraphs' lines, not a handful
        assert max(len(line) for line in measured) <= 75, max(measured, key=len)


# Written from the two Guangdong plans' meta.yml (`inferred: date, issuer`): the PDFs mark them as the site's
# citations do. Henan's issuer and date are in its text: never marked.
INFERRED = {
    "guangdong-high-end-equipment-2021": (
        "广东省工业和信息化厅（编者推定）",
        "Attributed to Department of Industry and Information Technology of Guangdong Province",
        "[2020]",
    ),
    "guangdong-machinery-2005": (
        "广东省人民政府（编者推定）",
        "Attributed to People’s Government of Guangdong Province",
        "[2005]",
    ),
}


def test_plan_pdfs_mark_an_inferred_issuer_and_date(pdfs):
    for plan_id, (issuer_zh, issuer_en, date) in INFERRED.items():
        card = squeezed(text_of(pdfs[plan_id], 1, 1))
        assert squeezed(issuer_zh) in card and squeezed(issuer_en) in card, plan_id
        assert squeezed(f"{date}，编者推定") in card, plan_id
        author = PdfReader(pdfs[plan_id]).metadata.author
        assert author.startswith(issuer_zh) and "Attributed to" in author, author
    henan = squeezed(text_of(pdfs[HENAN], 1, 1))
    assert "编者推定" not in henan and "Attributedto" not in henan and "20170929" in henan  # squeezed: no hyphens


def test_edition_and_briefing_mark_an_inferred_issuer_and_date(pdfs):
    cover = squeezed(text_of(pdfs["edition"], 1, 1))
    for _, issuer_en, date in INFERRED.values():
        assert squeezed(f"{issuer_en}, {date}") in cover
    assert squeezed("General Office of the People’s Government of Henan Province, 2017-09-29") in cover
    # The robots briefing's plans table lists three plans, the Guangdong 2021 draft the only one with inferred facts
    # (its table cells wrap, so pdftotext interleaves their lines: each mark is counted, once).
    table = squeezed(text_of(pdfs["robots"], 1, 1))
    assert (table.count("（编者推定）"), table.count("Attributedto"), table.count("[2020]")) == (1, 1, 1)
