"""Hostile inputs, round 3 (issue 32): a part of 10,000 tiny paragraphs is paged like a long list.

Before, such a part was one 11 MB page. Now a part over ``part_page_blocks`` blocks (edition.yml, default 100) is
cut into pages of about equal length (present/paging.py) while every address stays good: the pages name each
paragraph's page in its citation (present/urls.py decides it, for the search and the links too), the part's first
page lists its pages, and an address cited before the part was paged (``part-02.html#<anchor>``) is sent by
edition.js to the page now holding the paragraph. The site is built for real (``build``: MkDocs strict, whose link
check sees every Markdown link and anchor) from a generated source.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.core.config import ROOT, BuildConfig
from build_tools.export.data import blocks_csv, edition_json
from build_tools.pipeline import assemble, build, generate
from build_tools.present import urls
from build_tools.present.paging import part_page_count, part_page_number, part_shares
from build_tools.render.pages import anchor_runs
from tests.browser import VIEWS, serve
from tests.conftest import sandbox_config, write_plan
from tests.test_hostile_inputs import EDITION, GLOSSARY, TOPICS, Workspace, pristine  # noqa: F401 (fixture)

pytestmark = pytest.mark.build

PLAN = "long-part-2020"
PARAGRAPHS = 10_000
BOUND = 100  # the default of part_page_blocks
PAGE_BYTES = 300_000  # the site's page budget (tests/test_page_size.py)


def _paragraph(number: int) -> str:
    """A tiny paragraph; every 250th names a topic's term and every 1,000th is a target, so the topic, timeline and
    targets pages link into the part's pages."""
    if number % 1000 == 0:
        return f"第{number}段，到2025年，总产值达到{number}亿元。"
    return f"第{number}段，发展数控机床。" if number % 250 == 0 else f"第{number}段。"


def _source(paragraphs: int) -> str:
    lines = ["测试规划", "一、总体要求", "本段说明发展方向。", "二、主要任务"]
    lines += [_paragraph(number) for number in range(1, paragraphs + 1)]
    return "\n".join([*lines, "三、保障措施", "加强组织领导。"]) + "\n"


def _config(tmp: Path, paragraphs: int) -> BuildConfig:
    sources = tmp / "sources"
    write_plan(sources, PLAN, _source(paragraphs))
    (sources / "edition.yml").write_text(EDITION, encoding="utf-8")
    (tmp / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp / "topics.yml").write_text(TOPICS, encoding="utf-8")
    translations = tmp / "translations"
    (translations / "en").mkdir(parents=True)
    shutil.copy(ROOT / "translations" / "traditional.yml", translations / "traditional.yml")
    shutil.copytree(ROOT / "translations" / "opencc", translations / "opencc")
    sandbox = sandbox_config(tmp, sources)
    return BuildConfig(
        sources=sources,
        docs=sandbox.docs,
        site=sandbox.site,
        cache=tmp / "cache",
        translations=translations,
        glossary=tmp / "glossary.yml",
        topics=tmp / "topics.yml",
    )


@pytest.fixture(scope="module")
def long_part(tmp_path_factory):
    """The built site of one plan whose second part holds 10,000 one-line paragraphs, and its edition."""
    config = _config(tmp_path_factory.mktemp("long-part"), PARAGRAPHS)
    build(config)
    return config.site, assemble(config)


ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'href="([^"#:]*\.html)#([^"]+)"')
BLOCK = re.compile(r'<div class="blk [^"]*" id="([^"]+)"|<h[1-6] id="([^"]+)"[^>]*class="[^"]*blk-')


def _html(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}


def test_no_part_page_holds_more_than_the_bound(long_part):
    site, edition = long_part
    pages = sorted((site / "plans" / PLAN).glob("part-*.html"))
    long = [page for page in pages if page.name.startswith("part-02")]
    assert len(long) == part_page_count(PARAGRAPHS + 1, BOUND) == 101  # the heading and its 10,000 paragraphs
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count("data-hash=") <= BOUND, page.name
        assert page.stat().st_size < PAGE_BYTES, page.name
    shown = sum(page.read_text(encoding="utf-8").count('data-hash="') for page in long)
    assert shown == PARAGRAPHS + 1  # nothing lost, nothing shown twice


def test_every_block_is_on_the_page_its_address_names(long_part):
    """Citations, the search and every link ask urls.block_path: the page it names holds the block's anchor, and the
    cite box printed beside the block gives that page's address."""
    site, edition = long_part
    pages = _html(site)
    ids = {name: set(ID.findall(text)) for name, text in pages.items()}
    plan = edition.plans[0]
    for block in plan.blocks:
        page = urls.page_url(urls.block_path(edition, block.id))
        assert block.anchor in ids[page], (block.id, page)
        if block.kind not in ("heading", "box"):
            address = urls.block_address(edition, block.id)
            assert address.endswith(f"/{page}#{block.anchor}")
            assert f'<span class="cite-value cite-url">{address}</span>' in pages[page]


def _anchor_links_checked(site: Path) -> int:
    """Check that every link with a fragment on every page (raw-HTML links too, which MkDocs' own check does not
    see) names a page that exists and holds the anchor; return how many were checked."""
    pages = _html(site)
    ids = {name: set(ID.findall(text)) for name, text in pages.items()}
    checked = 0
    for name, text in pages.items():
        for target, anchor in HREF.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            assert anchor in ids[resolved], f"{name} links to {resolved}#{anchor}"
            checked += 1
    return checked


def test_every_link_to_an_anchor_finds_it(long_part):
    """Plan overview contents, pager, page lists, topic, timeline and target pages all link the right page."""
    assert _anchor_links_checked(long_part[0]) > 60


def test_the_real_plans_paged_at_the_lowest_bound_keep_every_link(tmp_path):
    """With part_page_blocks at 20 the real plans' longer parts are paged (china-machinery-2021's part-06, 56
    blocks, is 19 + 19 + 18): the strict build passes and every link of every page (comparisons, shared wording,
    topics, timeline, targets, vocabulary, glossary) finds its paragraph."""
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "source_texts", sources)
    with (sources / "edition.yml").open("a", encoding="utf-8") as edition:
        edition.write("part_page_blocks: 20\n")
    config = sandbox_config(tmp_path, sources)
    build(config)
    parts = sorted(path.name for path in (config.site / "plans" / "china-machinery-2021").glob("part-06*.html"))
    assert parts == ["part-06-2.html", "part-06-3.html", "part-06.html"]
    assert _anchor_links_checked(config.site) > 10_000


def test_the_first_page_lists_every_page_with_the_anchors_moved_there(long_part):
    """An address of the part from before it was paged can always be sent on: each anchor of a continuation page
    is in exactly one link of the first page's list, the link to the page that holds it."""
    site, edition = long_part
    first = (site / "plans" / PLAN / "part-02.html").read_text(encoding="utf-8")
    listed = re.findall(r'<a href="(part-02-\d+\.html)" title="[^"]*" data-anchors="([^"]*)">', first)
    assert [name for name, _ in listed] == [f"part-02-{n}.html" for n in range(2, 102)]
    moved = {anchor: name for name, anchors in listed for anchor in _expanded(anchors)}
    assert len(first) < PAGE_BYTES / 2  # the map is a few runs per page, not 10,000 anchors
    part = edition.plans[0].parts[2]
    for block_id in part.block_ids:
        anchor = edition.block(block_id).anchor
        page = urls.page_url(urls.block_path(edition, block_id)).rsplit("/", 1)[1]
        if page == "part-02.html":
            assert anchor not in moved and f'id="{anchor}"' in first
        else:
            assert moved[anchor] == page


def _expanded(words: str) -> list[str]:
    """The anchors a data-anchors value stands for (``s2-p101~200``: s2-p101 to s2-p200), read as edition.js does."""
    anchors = []
    for word in words.split(" "):
        start, _, end = word.partition("~")
        if not end:
            anchors.append(word)
            continue
        prefix, first = re.fullmatch(r"(.*?)(0|[1-9]\d*)", start).groups()
        anchors += [f"{prefix}{number}" for number in range(int(first), int(end) + 1)]
    return anchors


@pytest.mark.parametrize(
    ("anchors", "words"),
    [
        (["s2-p101", "s2-p102", "s2-p103"], "s2-p101~103"),
        (["s2-1", "s2-1-p1", "s2-1-p2", "s2-2"], "s2-1 s2-1-p1~2 s2-2"),  # a run keeps its prefix
        (["s2-p9", "s2-p10", "s2-p11"], "s2-p9~11"),  # across a power of ten
        (["s2-p5", "s2-p7", "s2-p8"], "s2-p5 s2-p7~8"),  # a gap starts a new run
        (["opening", "s1-p1"], "opening s1-p1"),
        (["s2-p0", "s2-p1"], "s2-p0~1"),
        (["x-p01", "x-p02"], "x-p01~2"),  # a leading zero is part of the prefix: x-p0 + 1, 2
    ],
)
def test_anchor_runs_stand_for_exactly_their_anchors(anchors, words):
    assert anchor_runs(anchors) == words
    assert _expanded(words) == anchors


def test_a_continuation_page_links_its_neighbours_not_every_page(long_part):
    site, _ = long_part
    page = (site / "plans" / PLAN / "part-02-50.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="part-pages".*?</nav>', page, re.S).group(0)
    assert re.findall(r'href="(part-02(?:-\d+)?)\.html"', nav) == [
        "part-02",
        *(f"part-02-{n}" for n in (47, 48, 49, 51, 52, 53, 101)),
    ]
    assert '<strong aria-current="page">50</strong>' in nav and "data-anchors" not in nav
    assert "<title>二、主要任务 · 50/101" in page


@pytest.mark.parametrize(
    ("blocks", "bound", "shares"),
    [
        (100, 100, [100]),  # up to the bound: one page, the part's own
        (101, 100, [51, 50]),  # just over: balanced halves, not 100 + 1
        (201, 100, [67, 67, 67]),
        (10_001, 100, [100] * 100 + [1]),  # the far end: 101 pages of at most 100
        (56, 20, [19, 19, 18]),
    ],
)
def test_part_shares_are_balanced_and_bounded(blocks, bound, shares):
    ids = tuple(f"p/{n}" for n in range(blocks))
    cut = part_shares(ids, bound)
    assert [len(share) for share in cut] == shares
    assert sum(cut, ()) == ids
    assert all(part_page_number(ids.index(block), blocks, bound) == n for n, s in enumerate(cut, 1) for block in s)


@pytest.mark.parametrize("value", ["19", "2001", "0", "-5", "1.5", "many", "99999999999999999999"])
def test_part_page_blocks_is_range_checked(pristine, tmp_path, capsys, value):  # noqa: F811 (the imported fixture)
    shutil.copytree(pristine, tmp_path / "w")
    space = Workspace(tmp_path / "w")
    space.append(space.edition, f"part_page_blocks: {value}\n")
    assert main(space.args("generate")) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"{space.edition}:4:" in errors[0] and "part_page_blocks" in errors[0], errors
    assert "Traceback" not in errors[0]


def test_a_smaller_bound_pages_the_part_further(pristine, tmp_path, capsys):  # noqa: F811 (the imported fixture)
    """The setting is read: with its lowest value a part of more blocks is cut, and the cut follows it."""
    config = _config(tmp_path, 45)
    config.sources.joinpath("edition.yml").write_text(EDITION + "part_page_blocks: 20\n", encoding="utf-8")
    generate(config)
    names = sorted(path.name for path in (config.docs / "plans" / PLAN).glob("part-02*.md"))
    assert names == ["part-02-2.md", "part-02-3.md", "part-02.md"]  # 46 blocks: 16 + 15 + 15


def test_output_grows_linearly_with_the_part(tmp_path):
    """The bytes the pages take (what render and MkDocs work through) grow in proportion to the paragraphs: the
    list of pages each page prints is bounded (the first page's anchors grow with the part, once)."""
    sizes = []
    for paragraphs in (2_500, 10_000):
        config = _config(tmp_path / str(paragraphs), paragraphs)
        generate(config)
        sizes.append(sum(path.stat().st_size for path in (config.docs / "plans" / PLAN).glob("part-02*.md")))
    assert 3.6 < sizes[1] / sizes[0] < 4.4


@pytest.fixture
def served_long_part(long_part):
    with serve(long_part[0]) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("run", range(3))
def test_an_old_address_lands_on_the_page_now_holding_the_paragraph(browser, served_long_part, run):
    context = browser.new_context(viewport=VIEWS["desktop"])
    try:
        page = context.new_page()
        page.goto(f"{served_long_part}plans/{PLAN}/part-02.html#s2-p5000")
        page.wait_for_url(f"**/plans/{PLAN}/part-02-51.html#s2-p5000")
        page.locator("#s2-p5000").wait_for()
        assert page.locator("#s2-p5000 .zh.t-hans").inner_text().startswith("第5000段，")
        page.goto(f"{served_long_part}plans/{PLAN}/part-02.html#s2-p9999")  # the last paragraph but one, inside a run
        page.wait_for_url(f"**/plans/{PLAN}/part-02-100.html#s2-p9999")
        page.locator("#s2-p9999").wait_for()
        page.goto(f"{served_long_part}plans/{PLAN}/part-02.html#s2-p50")  # still on the first page: stays
        page.locator("#s2-p50").wait_for()
        assert page.url.endswith("/part-02.html#s2-p50")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("run", range(3))
def test_an_old_address_lands_from_file_urls_too(browser, long_part, run):
    """The offline bundle is opened from file://: the redirect uses only the page's own links."""
    context = browser.new_context(viewport=VIEWS["phone"])
    try:
        page = context.new_page()
        first = long_part[0] / "plans" / PLAN / "part-02.html"
        page.goto(f"{first.as_uri()}#s2-p250")
        page.wait_for_url("**/part-02-3.html#s2-p250")
        page.locator("#s2-p250").wait_for()
    finally:
        context.close()


def test_the_export_names_every_page_of_a_part_and_the_page_of_every_block(long_part):
    """edition.json's parts list their continuation pages and each block its address (blocks.csv too): an
    analyst's link to paragraph 9,000 opens the page holding it, not the part's first page."""
    site, edition = long_part
    data = json.loads(edition_json(edition))
    (plan,) = data["plans"]
    ids = {name: set(ID.findall(text)) for name, text in _html(site).items()}
    long = next(part for part in plan["parts"] if part["slug"] == "part-02")
    pages = [url[len(edition.site_url) :] for url in long["pages"]]
    assert pages == [f"plans/{PLAN}/part-02.html"] + [f"plans/{PLAN}/part-02-{n}.html" for n in range(2, 102)]
    assert all(page in ids for page in pages)
    rows = {row["id"]: row["url"] for row in csv.DictReader(io.StringIO(blocks_csv(edition)))}
    for block in plan["blocks"]:
        assert block["url"].startswith(edition.site_url) and rows[block["id"]] == block["url"]
        page, anchor = block["url"][len(edition.site_url) :].split("#")
        assert anchor in ids[page], block["id"]
    last = next(part for part in edition.plans[0].parts if part.slug == "part-02").block_ids[-1]
    assert next(block["url"] for block in plan["blocks"] if block["id"] == last).split("#")[0].endswith("-101.html")
