"""Pages that stay readable as the corpus grows (build_tools/present/paging.py).

A synthetic corpus (benchmarks/scale.py's: the five plans repeated) of 15 plans, built with MkDocs:
every list of occurrences that grows with the plans is cut into pages of at most PLANS_PER_PAGE
plans, the overview pages count and link to every one, and no link is broken. Then, on copies of
one plan (Markdown only), the pages that hold a share of a list do not grow with the plans.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_tools.core.config import ROOT
from build_tools.pipeline import build, generate
from build_tools.present.paging import NOTES_PER_PARAGRAPH, PLANS_PER_PAGE, SHARED_NOTES_PER_PAGE, plan_groups
from build_tools.render import pages
from build_tools.render.status import glossary_page
from tests.conftest import sandbox_config
from tests.corpus import corpus
from tests.site_checks import broken_links

pytestmark = pytest.mark.build

PLANS = 15


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scaled")
    config = sandbox_config(tmp, corpus(tmp / "sources", PLANS))
    return build(config).edition, config.site


def page(site: Path, path: str) -> str:
    """The page of docs/<path>.md or docs/<path>/index.md ("" for the home page), as the site names it (file URLs)."""
    named = site / f"{path}.html"
    return (named if path and named.is_file() else site / path / "index.html").read_text(encoding="utf-8")


def batch_pages(site: Path, folder: str) -> list[str]:
    return sorted(path.stem for path in (site / folder).glob("plans-*.html"))


def test_no_link_is_broken(scaled):
    _, site = scaled
    assert broken_links(site) == []


def test_navigation_and_home_stay_the_same_size(scaled):
    _, site = scaled
    home = page(site, "")
    # beyond NAV_PLANS_UP_TO plans neither the navigation nor the home page lists each plan
    assert "henan-equipment-2017-copy008" not in home
    assert 'href="plans/index.html"' in home
    part = page(site, "plans/henan-equipment-2017-copy008/part-02")
    navigation = part[part.index('class="md-nav md-nav--primary"') : part.index('class="md-content"')]
    assert "henan-equipment-2017-copy013" not in navigation and navigation.count('class="md-nav__link') < 100


def test_plans_index_links_every_plan(scaled):
    edition, site = scaled
    html = page(site, "plans")
    for plan in edition.plans:
        assert f'href="{plan.meta.id}/index.html"' in html, plan.meta.id


def test_a_topic_lists_every_plan_and_its_paragraphs_are_on_the_batch_pages(scaled):
    edition, site = scaled
    topic = "intelligent-manufacturing"
    overview = page(site, f"topics/{topic}")
    wanted = set(edition.topics.blocks_of(topic))
    plans = [plan for plan in edition.plans if any(block.id in wanted for block in plan.blocks)]
    assert len(plans) > PLANS_PER_PAGE
    # one line per plan, anchored by the plan id (the matrix and heat map link there)
    assert re.findall(r'<tr id="([^"]+)">\s*<th scope="row"><a href="[a-z0-9-]+/plans-\d+\.html#', overview) == [
        plan.meta.id for plan in plans
    ]
    pages = batch_pages(site, f"topics/{topic}")
    assert pages == [f"plans-{n}" for n in range(1, len(pages) + 1)] and len(pages) == 2
    excerpts = []
    for name in pages:
        html = page(site, f"topics/{topic}/{name}")
        assert f'href="{name}.html"' not in html  # the pager shows the current page unlinked
        excerpts += re.findall(r'<p class="excerpt-link"><a href="[^"]*#([^"]+)">¶ ([^<]+)</a>', html)
    assert len(excerpts) == len(wanted)  # every paragraph reachable, once
    assert {block_id for _, block_id in excerpts} == wanted


def test_timeline_years_link_to_every_entry(scaled):
    edition, site = scaled
    overview = page(site, "timeline")
    assert "<svg" in overview  # the whole-edition chart stays on the one page
    counts = dict(re.findall(r'<tr id="y(\d+)"><th scope="row">\d+</th><td class="num">(\d+)</td>', overview))
    listed = 0
    for name in batch_pages(site, "timeline"):
        html = page(site, f"timeline/{name}")
        listed += len(re.findall(r'<td><a href="\.\./plans/[^"]+#[^"]+">', html))
    entries = [entry for entry in edition.timeline if entry.block_id]
    # One row per statement: a sentence naming a year twice (Shanxi s1.1.2/p1, in each of its copies) is one row.
    statements = {(e.block_id, e.kind, e.year, e.end_year, e.relative, edition.snippet(e)) for e in entries}
    assert len(statements) < len(entries)
    assert listed == len(statements) == sum(int(count) for count in counts.values())


def test_whole_edition_views_draw_a_lane_per_period(scaled):
    """Beyond VIEW_PLANS_UP_TO plans the timeline chart, heat map and matrix draw one lane or column per plan
    period, counting its plans, so they stay one legible page; the per-plan detail is a link away."""
    edition, site = scaled
    periods = plan_groups(edition.plans)
    assert len(periods) < len(edition.plans)
    timeline = page(site, "timeline")
    lanes = re.findall(
        r'<g class="lane status-group">\s*<a href="([^"]+)"><text class="lane-zh"[^>]*>([^<]+)</text>', timeline
    )
    assert [label for _, label in lanes] == [f"{g.label} · {len(g.plans)} 份规划" for g in periods]
    assert all(href.startswith("plans/index.html#period-") for href, _ in lanes)
    matrix = page(site, "topics/matrix")
    heads = re.findall(r'<th scope="col" class="num">(.+?)</th>', matrix)
    assert heads == [f'{g.label} · <span lang="en">{len(g.plans)} plans</span>' for g in periods]
    assert matrix.count('class="col-zh"') == len(periods)
    counts = edition.topics.plan_block_counts
    topic = edition.taxonomy.topics[0]
    row = re.search(rf'<th scope="row"><a href="{topic.id}\.html">.*?</tr>', matrix, re.S).group(0)
    cells = [int(n or 0) for n, _ in re.findall(r'<td class="num">(?:<a href="[^"]+">(\d+)</a>|(<span))', row)]
    assert cells == [sum(counts.get((topic.id, p.meta.id), 0) for p in g.plans) for g in periods]
    assert not re.search(r'href="\.\./plans/[^"#]+/index\.html"', matrix)  # no plan listed: its period links there


def test_targets_are_split_by_plans_with_filters_on_each_page(scaled):
    edition, site = scaled
    overview = page(site, "targets")
    names = batch_pages(site, "targets")
    assert len(names) == 2 and "data-targets-table" not in overview
    rows = 0
    for name in names:
        html = page(site, f"targets/{name}")
        assert "data-targets-filters" in html
        rows += html.count("<tr data-plan=")
    assert rows == len(edition.targets)
    assert sum(int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>\s*</tr>", overview)) == len(edition.targets)


def test_glossary_counts_match_the_letter_pages(scaled):
    edition, site = scaled
    glossary = glossary_page(edition)
    overview = page(site, "glossary")
    letter_pages = [path.read_text(encoding="utf-8") for path in (site / "glossary").glob("*.html")]
    for entry in [e for e in glossary.entries if e.occurrences][::40]:
        row = rf'<tr id="g-{entry.term.id}".*?<td><a href="([^"]+)">(\d+) · (\d+) ¶</a></td></tr>'
        cell = re.search(row, overview)
        assert cell and int(cell.group(2)) == len(entry.occurrences) and int(cell.group(3)) == entry.blocks
        listed = 0
        for html in letter_pages:
            section = re.search(rf'id="g-{entry.term.id}".*?(?=<h2|</article>)', html, re.S)
            if section:
                listed += len(re.findall(r"<li>", section.group(0)))
        assert listed == len(entry.occurrences), entry.term.id


def test_vocabulary_rows_link_to_their_entry(scaled):
    edition, site = scaled
    overview = page(site, "vocabulary")
    for entry in edition.vocabulary[::25]:
        row = rf'<tr id="{entry.anchor}"><th scope="row" lang="zh-Hans"><a href="([^"#]+)#([^"]+)">'
        link = re.search(row, overview)
        assert link and link.group(2) == entry.anchor
        target = site / link.group(1)
        assert f'id="{entry.anchor}"' in target.read_text(encoding="utf-8")


def test_shared_wording_is_listed_by_earlier_plan(scaled):
    edition, site = scaled
    overview = page(site, "shared-wording")
    row = r'<td><a href="shared-wording/([^"/]+)\.html">[^<]+</a></td>\s*<td>[^<]+</td>'
    row += r"\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>"
    counts = re.findall(row, overview)
    assert counts and sum(int(clauses) for _, _, clauses in counts) == len(edition.shared.pairs)
    listed = 0
    for plan_id, _, clauses in counts:
        html = page(site, f"shared-wording/{plan_id}")
        on_plan = html.count("<tr><td><a href=")
        for numbered in sorted((site / "shared-wording" / plan_id).glob("*.html")):
            shared = numbered.read_text(encoding="utf-8")
            assert 0 < shared.count("<tr><td><a href=") <= SHARED_NOTES_PER_PAGE
            on_plan += shared.count("<tr><td><a href=")
        if on_plan > SHARED_NOTES_PER_PAGE:  # the plan's page then counts each pair and links its first page
            rows = re.findall(r'<tr id="[^"]+--[^"]+"><th scope="row">.*?<td class="num">(\d+)</td>', html)
            assert sum(map(int, rows)) == int(clauses) and "<tr><td><a href=" not in html
        assert on_plan == int(clauses), plan_id
        listed += on_plan
    assert listed == len(edition.shared.pairs)
    # under a paragraph, a few notes and the count of the rest
    part = page(site, "plans/henan-equipment-2017/part-02")
    for notes in re.findall(r'<details class="similar-wording".*?</details>', part, re.S):
        assert notes.count("<li>") <= NOTES_PER_PARAGRAPH + 1


def one_plan_corpus(target: Path, size: int) -> Path:
    """``size`` copies of one plan: every full batch page then holds the same text, whatever the corpus size."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "source_texts" / "edition.yml", target / "edition.yml")
    for number in range(size):
        folder = target / f"henan-equipment-2017-c{number:03d}"
        shutil.copytree(ROOT / "source_texts" / "henan-equipment-2017", folder)
        meta = (folder / "meta.yml").read_text(encoding="utf-8")
        meta = meta.replace("source_file: ", f"source_file: c{number:03d}-")
        (folder / "meta.yml").write_text(meta, encoding="utf-8")  # each copy names its own received file
    return target


LISTS = (
    "topics/*/plans-*.md",
    "timeline/plans-*.md",
    "targets/plans-*.md",
    "glossary/*.md",
    "vocabulary/*.md",
    "shared-wording/*.md",
    "shared-wording/*/*.md",
    "compare/pairs-*.md",
)
OVERVIEWS = (
    "glossary.md",
    "vocabulary.md",
    "timeline.md",
    "targets.md",
    "shared-wording.md",
    "topics/intelligent-manufacturing.md",
)


def without_charts(markdown: str) -> int:
    """Bytes of a page without its SVG charts: the whole-edition chart draws a lane per plan (not bounded yet)."""
    return len(re.sub(r"<svg.*?</svg>", "", markdown, flags=re.S).encode())


VIEWS = ("timeline.md", "topics/matrix.md", "topics/intelligent-manufacturing.md", "compare.md")


def test_list_pages_do_not_grow_with_the_corpus(tmp_path, monkeypatch):
    # small pages, so that 20 and 30 copies both cut the shared wording and the comparisons list into pages
    monkeypatch.setattr(pages, "SHARED_NOTES_PER_PAGE", 40)
    monkeypatch.setattr(pages, "COMPARE_PAIRS_PER_PAGE", 8)
    sizes = {}
    for size in (2 * PLANS_PER_PAGE, 3 * PLANS_PER_PAGE):
        config = sandbox_config(tmp_path / str(size), one_plan_corpus(tmp_path / str(size) / "sources", size))
        generate(config)
        assert list(config.docs.glob("shared-wording/*/2.md")) and (config.docs / "compare/pairs-2.md").exists()
        sizes[size] = {
            "list": max(path.stat().st_size for pattern in LISTS for path in config.docs.glob(pattern)),
            **{name: without_charts((config.docs / name).read_text(encoding="utf-8")) for name in OVERVIEWS},
            **{f"view {name}": len((config.docs / name).read_bytes()) for name in VIEWS},
        }
    small, large = sizes[2 * PLANS_PER_PAGE], sizes[3 * PLANS_PER_PAGE]
    assert large["list"] <= small["list"] * 1.02, (small, large)
    for name in OVERVIEWS:  # an overview gains a line per plan at most, never the plan's occurrences
        assert large[name] - small[name] <= PLANS_PER_PAGE * 600, (name, small[name], large[name])
    for name in VIEWS:  # charts and the matrix: a lane or column per period, not per plan (all copies: one period)
        assert large[f"view {name}"] - small[f"view {name}"] <= PLANS_PER_PAGE * 300, (name, small, large)
