"""The presentation layer shared by the site and the PDFs: addresses, counts in words, labels, trails."""

from __future__ import annotations

import dataclasses
import re

import pytest

from build_tools.present import labels, urls
from build_tools.present.downloads import no_downloads
from build_tools.present.numbers import edition_span, en_count, zh_count
from build_tools.present.trails import section_path, shorten, trail
from build_tools.render.pages import environment, home_context


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("index.md", "plans/x/index.md", "plans/x/index.md"),
        ("plans/x/index.md", "plans/x/part-02.md", "part-02.md"),
        ("plans/x/index.md", "downloads/x.pdf", "../../downloads/x.pdf"),
        ("topics/robots.md", "plans/x/part-01.md", "../plans/x/part-01.md"),
        ("plans/x/part-01.md", "topics/robots.md", "../../topics/robots.md"),
        ("compare/a--b.md", "shared-wording.md", "../shared-wording.md"),
        ("plans/x/index.md", "plans/y/index.md", "../y/index.md"),
    ],
)
def test_relative_links_between_docs_paths(source, target, link):
    assert urls.relative(source, target) == link


@pytest.mark.parametrize(
    ("path", "address"),
    [
        ("index.md", "index.html"),
        ("plans/x/index.md", "plans/x/index.html"),
        ("plans/x/part-01.md", "plans/x/part-01.html"),
        ("timeline.md", "timeline.html"),
        ("downloads/x.pdf", "downloads/x.pdf"),
        ("plans/x/x.bib", "plans/x/x.bib"),
    ],
)
def test_file_urls(path, address):
    """Printed addresses name files, as MkDocs writes them with use_directory_urls: false."""
    assert urls.page_url(path) == address
    assert urls.absolute("https://example.org/e/", path) == "https://example.org/e/" + address
    assert urls.absolute("", path, "s1-p2") == address + "#s1-p2"


def test_block_addresses_agree_with_the_page_the_block_is_on(edition):
    plan = edition.plan("henan-equipment-2017")
    block = next(b for b in plan.blocks if b.part == 2 and b.kind == "paragraph")
    page = urls.block_path(edition, block.id)
    assert page == urls.part_page(plan.meta.id, plan.parts[2].slug)
    assert urls.block_link(edition, block.id, "topics/robots.md") == f"../{page}#{block.anchor}"
    assert urls.block_link(edition, block.id, page) == f"{page.rsplit('/', 1)[1]}#{block.anchor}"
    assert urls.block_site_link(edition, block.id) == f"@/{page}#{block.anchor}"
    assert urls.block_address(edition, block.id, "https://a.example/") == (
        f"https://a.example/plans/{plan.meta.id}/{plan.parts[2].slug}.html#{block.anchor}"
    )


@pytest.mark.parametrize(
    ("number", "zh", "en"),
    [
        (1, "一", "one"),
        (5, "五", "five"),
        (10, "十", "ten"),
        (12, "十二", "twelve"),
        (20, "二十", "twenty"),
        (48, "四十八", "forty-eight"),
        (100, "一百", "one hundred"),
        (105, "一百零五", "105"),
        (500, "五百", "500"),
        (1010, "一千零一十", "1,010"),
        (2000, "两千", "2,000"),
    ],
)
def test_counts_in_words(number, zh, en):
    assert zh_count(number) == zh
    assert en_count(number) == en


def test_home_page_counts_and_years_come_from_the_plans(edition):
    """Three plans of the edition: the home page says 三份 / three and their own years."""
    fewer = dataclasses.replace(edition, plans=edition.plans[1:4])
    text = environment().get_template("home.md.jinja").render(**home_context(fewer, no_downloads(fewer)))
    span = edition_span(fewer)
    assert span != edition_span(edition)
    assert "本版收录三份" in text and "The full text of three Chinese" in text
    assert f"{span.issued[0]}—{span.issued[1]} 年发布" in text
    assert f"covering the years {span.covered[0]} to {span.covered[1]}" in text
    whole = environment().get_template("home.md.jinja").render(**home_context(edition, no_downloads(edition)))
    assert f"本版收录{zh_count(len(edition.plans))}份" in whole


def test_labels_and_trails_are_one_wording(edition):
    draft = next(plan.meta for plan in edition.plans if plan.meta.status == "draft")
    assert labels.nav_title(draft) == f"{labels.short_title(draft)} (征求意见稿 Draft)"
    assert labels.document_status(draft) == "征求意见稿 Draft"
    assert shorten("（七）加强就业服务，落实扶持政策。", 16) == "（七）加强就业服务，落实扶持政策"
    assert shorten("一二三四五六七八九十一二三四五六七", 16) == "一二三四五六七八九十一二三四五…"
    for plan in edition.plans:
        for block in plan.blocks:
            pdf = trail(plan, block).split(" › ") if block.zone == "body" and trail(plan, block) else []
            cited = section_path(edition, plan, block)[0]
            cited_steps = cited.split(" › ") if cited else []
            assert len(pdf) == len(cited_steps), block.id
            for short, long in zip(pdf, cited_steps, strict=True):  # the same heading, cut at different lengths
                assert short.rstrip("…").startswith(long.rstrip("…")) or long.rstrip("…").startswith(short.rstrip("…"))


def test_contents_list_the_same_headings_on_the_site_and_in_the_pdf(edition):
    from build_tools.pdf.context import plan_doc
    from build_tools.render.pages import plan_overview

    for plan in edition.plans:
        site = [entry.block.id for entry in plan_overview(edition, plan).contents]
        pdf = [item.block.id for item in plan_doc(edition, plan).contents]
        assert site == pdf and site


def test_overview_pages_state_the_standing_the_pdfs_print(built_site, edition):
    """The site's plan facts say what the PDF's title page says: the standing on the edition date and the document."""
    import html

    from build_tools.enrich.plan_status import plan_status

    seen = set()
    for plan in edition.plans:
        # As read: the text, each language's span dropped.
        markup = (built_site / "plans" / plan.meta.id / "index.html").read_text(encoding="utf-8")
        page = html.unescape(re.sub(r"<[^>]+>", "", markup))
        standing = plan_status(plan.meta, edition.meta)
        assert f"{labels.status_line(standing)}, as of {edition.meta.edition_date}" in page
        assert labels.document(plan.meta) in page
        seen.add(standing.key)
    assert {"expired", "draft", "internal"} <= seen
