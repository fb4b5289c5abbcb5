"""Write the Markdown pages of the site from templates; each writer returns the files it wrote."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.core import lang_runs
from build_tools.core.cache import NO_REUSE, Reuse
from build_tools.core.parallel import shared_with_workers
from build_tools.core.progress import Progress, counted, quiet
from build_tools.core.write import PageWriter
from build_tools.model import Block, BlockMarks, BlockText, Edition, ParsedPlan, Part
from build_tools.present import labels, urls
from build_tools.present.citation import Citation, date_en, issuer_zh, paragraph_citation, plan_citation
from build_tools.present.downloads import Download, Downloads
from build_tools.present.numbers import edition_span, en_count, zh_count
from build_tools.present.paging import (
    COMPARE_PAIRS_PER_PAGE,
    NAV_COMPARE_UP_TO,
    NAV_PLANS_UP_TO,
    NOTES_PER_PARAGRAPH,
    PLANS_PER_PAGE,
    SHARED_NOTES_PER_PAGE,
    TARGETS_PER_PAGE,
    TIMELINE_ENTRIES_PER_PAGE,
    VIEW_PLANS_UP_TO,
    PlanBatch,
    part_page_count,
    part_page_slug,
    part_shares,
    plan_batches,
    plan_groups,
)
from build_tools.render.cite_formats import format_templates, page_sections
from build_tools.render.compare import compare_page
from build_tools.render.context import BlockRow, ContentsEntry, PageLink, PartPage, PartShare, PlanOverview
from build_tools.render.escape import TEMPLATE_FILTERS, html_text, strict_value
from build_tools.render.heatmap import heatmap
from build_tools.render.shared import PairSection, block_notes, note_pages, page_spans, pair_sections
from build_tools.render.status import glossary_page, translation_status
from build_tools.render.target_charts import target_charts
from build_tools.render.timeline import (
    TARGET_KIND_LABELS,
    TargetRow,
    YearSection,
    target_rows,
    timeline_context,
    year_sections,
)
from build_tools.render.topics import matrix, topic_index, topic_page
from build_tools.render.vocabulary import vocabulary_page

TEMPLATES = Path(__file__).parent / "templates"
SEARCH_PAGE = "search/index.md"
"""The search results page (search.js lists every hit there); its folder also holds the index (build_tools/search)."""


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown, not HTML, so no single escape fits: each value is escaped for its context by a filter
        # below, and strict_value stops the build on a plain string that was not (see render/escape.py).
        # autoescape only makes macros and {% set %} blocks Markup; every value reaches finalize first.
        autoescape=True,
        finalize=strict_value,
        # Templates do not change during a build: no stat of the file at each include (thousands a page).
        auto_reload=False,
    )
    env.filters.update(TEMPLATE_FILTERS)
    # A plan named in a list or table: one spelling everywhere, with its short name when it has one.
    env.filters["place"] = labels.region_period
    env.filters["short_title"] = labels.short_title
    env.filters["han_runs"] = labels.han_runs
    env.filters["english_runs"] = lang_runs.english_runs
    # A plan's issuer and date, marked where the editors inferred them (citation.py decides the wording).
    env.filters["issuer_zh"] = issuer_zh
    env.filters["date_en"] = date_en
    # A coordinate computed in an SVG template: 509.2, not 509.20000000000005 (float arithmetic's remainder).
    env.filters["coord"] = lambda value: round(value, 2) if isinstance(value, float) else value
    return env


def part_title_en(edition: Edition, part: Part) -> str:
    """English of the heading that opens a part (the opening part has a fixed title)."""
    if part.index == 0:
        return "Opening"
    first = edition.bilingual.blocks[part.block_ids[0]]
    return first.en if first.en_status != "untranslated" else ""


def pdf_url(edition: Edition, download: Download | None) -> str:
    return urls.absolute(edition.site_url, download.path) if download else ""


def _link(page: str, download: Download | None) -> str:
    return urls.relative(page, download.path) if download else ""


def _part_rows(
    edition: Edition, blocks: list[Block], citations: list[Citation], opening: bool, sections: list[tuple[str, str]]
) -> tuple[BlockRow, ...]:
    """The rows of one part page: each block with its text, marks, citation and topics."""
    section_index = {section: position for position, section in enumerate(sections)}
    titled_on_page: set[str] = set()
    rows = []
    for block, citation in zip(blocks, citations, strict=True):
        marks = ""
        if block.kind in ("heading", "box"):
            marks = "#" * min(6, block.level + (1 if opening else 0))
        short = block.id.split("/", 1)[1]
        topics = tuple(edition.taxonomy.topic(topic_id) for topic_id in edition.topics.topics_of(block.id))
        text = edition.bilingual.blocks[block.id]
        glossary = edition.glossary_marks[block.id]
        titled = _linked_terms(block, text, glossary) - titled_on_page
        titled_on_page |= titled
        rows.append(
            BlockRow(
                block,
                text,
                marks,
                short,
                citation,
                topics,
                glossary.hans,
                glossary.hant,
                glossary.en,
                section_index[citation.section_zh, citation.section_en],
                tuple(sorted(titled)),
            )
        )
    return tuple(rows)


def _page_link(part: Part, number: int, bound: int) -> PageLink:
    """A pager link to page ``number`` of ``part`` (0: its last); a paged part's titles say which page."""
    count = part_page_count(len(part.block_ids), bound)
    number = number or count
    title = part.title_zh if count == 1 else f"{part.title_zh} ({number}/{count})"
    return PageLink(title, part_page_slug(part.slug, number))


def _pager(plan: ParsedPlan, position: int, number: int, bound: int) -> tuple[PageLink | None, PageLink | None]:
    """The previous and next page in reading order: within a paged part, else the neighbouring part's nearest page."""
    part = plan.parts[position]
    count = part_page_count(len(part.block_ids), bound)
    previous = next_page = None
    if number > 1:
        previous = _page_link(part, number - 1, bound)
    elif position > 0:
        previous = _page_link(plan.parts[position - 1], 0, bound)
    if number < count:
        next_page = _page_link(part, number + 1, bound)
    elif position + 1 < len(plan.parts):
        next_page = _page_link(plan.parts[position + 1], 1, bound)
    return previous, next_page


NUMBERED_ANCHOR = re.compile(r"(.*?)(0|[1-9]\d*)")
"""An anchor ending in a number written without leading zeros: it can join a run."""


def anchor_runs(anchors: list[str]) -> str:
    """The anchors, space-separated, a run of consecutive numbers written once: ``s2-p101~200`` stands for
    ``s2-p101`` … ``s2-p200`` (anchors are letters, digits and hyphens), so a page's list of moved anchors is a few
    words whatever its length (edition.js reads it)."""
    runs: list[tuple[str, int, int] | str] = []  # (prefix, first number, last number), or an anchor as it is
    for anchor in anchors:
        found = NUMBERED_ANCHOR.fullmatch(anchor)
        if found is None:
            runs.append(anchor)
            continue
        prefix, number = found.group(1), int(found.group(2))
        last = runs[-1] if runs else None
        if isinstance(last, tuple) and last[0] == prefix and last[2] + 1 == number:
            runs[-1] = (prefix, last[1], number)
        else:
            runs.append((prefix, number, number))
    return " ".join(
        run if isinstance(run, str) else f"{run[0]}{run[1]}" + (f"~{run[2]}" if run[2] != run[1] else "")
        for run in runs
    )


def _part_share_list(edition: Edition, part: Part, shares: tuple[tuple[str, ...], ...]) -> tuple[PartShare, ...]:
    """The pages of a paged part, for the list each of them prints; ``()`` for a part on one page."""
    if len(shares) == 1:
        return ()
    return tuple(
        PartShare(
            number,
            part_page_slug(part.slug, number),
            share[0].split("/", 1)[1],
            anchor_runs([edition.block(block_id).anchor for block_id in share]),
        )
        for number, share in enumerate(shares, start=1)
    )


SHARES_AROUND = 3
"""A continuation page of a paged part links the pages this close to it (and the first and the last)."""


def _shares_shown(listed: tuple[PartShare, ...], number: int) -> tuple[PartShare, ...]:
    if number == 1:
        return listed
    return tuple(
        share for share in listed if share.number in (1, len(listed)) or abs(share.number - number) <= SHARES_AROUND
    )


def part_pages(edition: Edition, plan: ParsedPlan, download: Download | None = None) -> list[PartPage]:
    """The pages of the plan's text: one per part, or several for a part over ``part_page_blocks`` blocks."""
    index = {block.id: i for i, block in enumerate(plan.blocks)}
    shared = block_notes(edition, plan)
    bound = edition.meta.part_page_blocks
    pages = []
    for position, part in enumerate(plan.parts):
        shares = part_shares(part.block_ids, bound)
        listed = _part_share_list(edition, part, shares)
        addresses = urls.part_page_paths(edition, plan.meta.id, part)
        for number, (share, address) in enumerate(zip(shares, addresses, strict=True), start=1):
            blocks = [plan.blocks[index[block_id]] for block_id in share]
            citations = [paragraph_citation(edition, plan, block, address) for block in blocks]
            sections = page_sections(citations)
            previous, next_page = _pager(plan, position, number, bound)
            pages.append(
                PartPage(
                    plan=plan,
                    part=part,
                    opening=part.index == 0,
                    rows=_part_rows(edition, blocks, citations, part.index == 0, sections),
                    title_en=part_title_en(edition, part),
                    hant_config=edition.bilingual.hant_config,
                    previous=previous,
                    next=next_page,
                    cite=plan_citation(edition, plan, address),
                    pdf_url=pdf_url(edition, download),
                    shared=shared,
                    cite_formats=format_templates(edition, plan, address),
                    cite_sections=json.dumps(sections, ensure_ascii=False),
                    number=number,
                    pages=len(shares),
                    shares=_shares_shown(listed, number),
                )
            )
    return pages


def _linked_terms(block: Block, text: BlockText, glossary: BlockMarks) -> set[str]:
    """``zh:<id>`` / ``en:<id>`` of the glossary links plan-part.md.jinja prints for a block (headings have none)."""
    if block.kind in ("heading", "box"):
        return set()
    printed = glossary.hant if text.script == "hant" else glossary.hans
    linked = {f"zh:{segment.term.id}" for segment in printed if segment.term}
    if text.en_status != "untranslated":
        linked |= {f"en:{segment.term.id}" for segment in glossary.en if segment.term}
    return linked


def plan_overview(edition: Edition, plan: ParsedPlan, download: Download | None = None) -> PlanOverview:
    overview_page = urls.plan_page(plan.meta.id)
    contents = tuple(
        ContentsEntry(
            block,
            edition.bilingual.blocks[block.id].en,
            urls.relative(overview_page, urls.block_path(edition, block.id)),
            block.level,
        )
        for block in plan.blocks
        if labels.in_contents(block)
    )
    counts = Counter(block.kind for block in plan.blocks)
    characters = sum(len("".join(block.display.split())) for block in plan.blocks)
    parts = tuple((part, part_title_en(edition, part)) for part in plan.parts)
    cite = plan_citation(edition, plan, overview_page)
    standing = edition.statuses[plan.meta.id]
    return PlanOverview(
        plan,
        parts,
        contents,
        dict(sorted(counts.items())),
        characters,
        cite,
        pdf_url(edition, download),
        standing,
        labels.status_line(standing),
        labels.document(plan.meta),
        edition.meta.edition_date,
        urls.relative(overview_page, urls.received_text(plan.meta.id)),
        plan.source.size,
        *_key_points(edition, plan),
    )


def _key_points(edition: Edition, plan: ParsedPlan) -> tuple[tuple, bool]:
    """The plan's key points with (raw-HTML) links to their paragraphs, and whether they await review."""
    found = edition.key_points.get(plan.meta.id)
    if found is None:
        return (), False
    points = tuple(
        (
            point,
            tuple((block_id.split("/", 1)[1], urls.block_site_link(edition, block_id)) for block_id in point.blocks),
        )
        for point in found.points
    )
    return points, found.stale


def home_context(edition: Edition, downloads: Downloads) -> dict:
    """The home page: counts and years from the plans themselves, never written into the template."""
    return {
        "edition": edition,
        "span": edition_span(edition),
        "plans_zh": zh_count(len(edition.plans)),
        "plans_en": en_count(len(edition.plans)),
        "cards": tuple((plan, labels.document_status(plan.meta)) for plan in edition.plans),
        "downloads": downloads,
        "cards_up_to": NAV_PLANS_UP_TO,
    }


def downloads_page(edition: Edition, downloads: Downloads) -> str:
    """The Downloads page: every PDF with its size; the whole edition as one file or, when large, its volumes."""
    template = _worker_environment().get_template("downloads.md.jinja")
    return template.render(edition=edition, downloads=downloads, volume_plans=VIEW_PLANS_UP_TO)


Files = list[tuple[str, str | bytes | Path]]
Made = tuple[Files, bool]
"""A unit's files, and whether they were rendered now (False: reused, see build_tools.core.cache.Reuse)."""


@dataclass(frozen=True)
class Pages:
    """Where pages go: the writer, and what may be reused (whose ``fresh`` lists the pages rendered now)."""

    writer: PageWriter
    reuse: Reuse

    def add(self, made: Made) -> None:
        files, fresh = made
        self.writer.write_all(files)
        if fresh:
            self.reuse.fresh.extend(path for path, _ in files)

    def page(self, path: str, template: str, **context: object) -> None:
        """A page rendered from ``context`` alone, or reused when that context is as it was."""
        self.add(self.reuse.made(f"{path} {template}", context, lambda: [(path, _render(template, context))]))

    def always(self, path: str, content: str) -> None:
        """A small page made from the whole edition: rendered every time (hashing the edition costs more)."""
        self.add(([(path, content)], True))


def _render(template: str, context: dict) -> str:
    return _worker_environment().get_template(template).render(**context)


def render_site_pages(
    edition: Edition, docs: Path, downloads: Downloads, progress: Progress = quiet, reuse: Reuse = NO_REUSE
) -> list[str]:
    """Write every generated Markdown page and the nav; return the relative paths written.

    A page (or a plan's, a topic's pages) whose template context equals the one it was last rendered from is
    reused (``reuse``, see build_tools.core.cache.Reuse); ``reuse.fresh`` lists the pages rendered now."""
    env = _worker_environment()
    out = Pages(PageWriter(docs, []), reuse)
    out.always("index.md", env.get_template("home.md.jinja").render(**home_context(edition, downloads)))
    out.always("downloads.md", downloads_page(edition, downloads))
    out.always("about.md", env.get_template("about.md.jinja").render(edition=edition))
    out.always("data.md", env.get_template("data.md.jinja").render(edition=edition))
    out.always(SEARCH_PAGE, env.get_template("search-results.md.jinja").render(edition=edition))
    out.page("topics/index.md", "topics-index.md.jinja", groups=topic_index(edition), plan_count=len(edition.plans))
    pairs = edition.pairs
    out.page(
        "topics/matrix.md",
        "topic-matrix.md.jinja",
        matrix=matrix(edition),
        heat=heatmap(edition),
        pairs=pairs,
        compare_up_to=NAV_COMPARE_UP_TO,
    )
    render_across_pages(edition, out, pairs)
    topics = len(edition.taxonomy.topics)
    made = shared_with_workers(_topic_files, range(topics), (edition, downloads, reuse))
    for files in counted(progress, "render topic pages", made, topics):
        out.add(files)
    render_timeline_pages(edition, out)
    out.page("translation-status.md", "translation-status.md.jinja", status=translation_status(edition))
    glossary = glossary_page(edition)
    reuse.remembered(glossary)  # hashed once, before the workers fork: every letter page shows a part of it
    out.page("glossary.md", "glossary.md.jinja", glossary=glossary)
    for files in shared_with_workers(_glossary_files, range(len(glossary.term_pages)), (glossary, reuse)):
        out.add(files)
    out.page("plans/index.md", "plans-index.md.jinja", groups=plan_groups(edition.plans), plan_count=len(edition.plans))
    plans = shared_with_workers(_plan_files, range(len(edition.plans)), (edition, downloads, pairs, reuse))
    for files in counted(progress, "render plan pages", plans, len(edition.plans)):
        out.add(files)
    out.always(".nav.yml", yaml.safe_dump(site_nav(edition), allow_unicode=True, sort_keys=False))
    return out.writer.written


def render_timeline_pages(edition: Edition, out: Pages) -> None:
    """The timeline and the targets, with their pages per share of plans in a large edition."""
    svg, sections = timeline_context(edition)
    batches = timeline_batches(edition)
    out.page(
        "timeline.md",
        "timeline.md.jinja",
        svg=svg,
        sections=sections,
        batches=batches,
        per_page=PLANS_PER_PAGE,
        year_index=year_index(batches),
        span=edition_span(edition),
    )
    for batch in batches:
        out.page(
            f"timeline/{batch.path}", "timeline-plans.md.jinja", batch=batch, batches=batches, sections=batch.sections
        )
    targets = targets_context(edition)
    out.page("targets.md", "targets.md.jinja", **targets)
    for batch in targets["batches"]:
        out.page(
            f"targets/{batch.path}",
            "targets-plans.md.jinja",
            batch=batch,
            batches=targets["batches"],
            charts=target_charts(edition, plans=batch.batch.plans),
            **targets_table(edition, batch.rows, batch.batch.plans),
        )


@cache
def _worker_environment() -> Environment:
    """One environment a process, every template compiled at once: the main process makes it before the
    workers fork, so they inherit the compiled templates instead of compiling them again each."""
    env = environment()
    for name in env.list_templates(extensions=["jinja"]):
        env.get_template(name)
    return env


def _topic_files(position: int, edition: Edition, downloads: Downloads, reuse: Reuse) -> Made:
    """A topic's page and the pages of its plans (run in a worker process)."""
    topic = edition.taxonomy.topics[position]
    page = topic_page(edition, topic)
    download = downloads.topics.get(topic.id)
    link = _link(urls.topic_page(topic.id), download)
    return reuse.made(f"topic {topic.id}", (page, download, link), lambda: _topic_pages(page, download, link))


def _topic_pages(page, download: Download | None, link: str) -> Files:
    env = _worker_environment()
    topic = page.topic
    files: Files = [
        (
            f"topics/{topic.id}.md",
            env.get_template("topic.md.jinja").render(page=page, download=download, download_link=link),
        )
    ]
    for batch in page.batches:
        plans_page = env.get_template("topic-plans.md.jinja").render(page=page, batch=batch)
        files.append((f"topics/{topic.id}/{batch.path}", plans_page))
    return files


def _plan_files(position: int, edition: Edition, downloads: Downloads, pairs, reuse: Reuse) -> Made:
    """One plan's pages and citation files (run in a worker process: see parallel.py), or the kept ones when
    everything they show is as it was."""
    plan = edition.plans[position]
    download = downloads.plans.get(plan.meta.id)
    overview = plan_overview(edition, plan, download)
    compared = tuple(pair for pair in pairs if plan in (pair.left, pair.right))
    parts = part_pages(edition, plan, download)
    return reuse.made(
        f"plan {plan.meta.id}",
        (overview, download, compared, parts),
        lambda: _plan_pages(overview, download, compared, parts),
    )


def _plan_pages(overview: PlanOverview, download: Download | None, compared: tuple, parts: list[PartPage]) -> Files:
    plan = overview.plan
    env = _worker_environment()
    overview_page = urls.plan_page(plan.meta.id)
    folder = posixpath.dirname(overview_page)
    files: Files = [
        (
            overview_page,
            env.get_template("plan-overview.md.jinja").render(
                overview=overview, download=download, download_link=_link(overview_page, download), compared=compared
            ),
        ),
        (f"{folder}/{plan.meta.id}.bib", overview.cite.bibtex()),
        (f"{folder}/{plan.meta.id}.ris", overview.cite.ris()),
        (f"{folder}/{plan.meta.id}.json", overview.cite.csl_json()),
        (urls.received_text(plan.meta.id), plan.source.path),  # copied byte for byte by write.py, never decoded
    ]
    for page in parts:
        part = env.get_template("plan-part.md.jinja").render(page=page, notes_shown=NOTES_PER_PARAGRAPH)
        files.append((urls.part_page(plan.meta.id, part_page_slug(page.part.slug, page.number)), part))
    return files


@dataclass(frozen=True)
class TimelineBatch:
    """The timeline entries of a share of a large edition's plans, on ``timeline/plans-<n>.md`` (present/paging.py)."""

    batch: PlanBatch
    sections: tuple[YearSection, ...]

    @property
    def path(self) -> str:
        return f"{self.batch.slug}.md"


def timeline_batches(edition: Edition) -> tuple[TimelineBatch, ...]:
    """The timeline's year lists cut by plans, when the plans do not fit one page (else none)."""
    if len(edition.plans) <= PLANS_PER_PAGE:
        return ()
    entries = Counter(entry.plan_id for entry in edition.timeline if entry.block_id)
    return tuple(
        TimelineBatch(
            batch,
            year_sections(
                edition, tuple(e for e in edition.timeline if e.plan_id in ids), page=f"timeline/{batch.slug}.md"
            ),
        )
        for batch in plan_batches(edition.plans, lambda plan: entries[plan.meta.id], TIMELINE_ENTRIES_PER_PAGE)
        for ids in [{plan.meta.id for plan in batch.plans}]
    )


def year_index(batches: tuple[TimelineBatch, ...]) -> list[tuple[int, int, list[TimelineBatch]]]:
    """Year -> its number of entries and the batch pages that list some."""
    years: dict[int, list] = {}
    for batch in batches:
        for section in batch.sections:
            entry = years.setdefault(section.year, [0, []])
            entry[0] += len(section.rows)
            entry[1].append(batch)
    return [(year, count, pages) for year, (count, pages) in sorted(years.items())]


@dataclass(frozen=True)
class TargetBatch:
    """The targets of a share of a large edition's plans, on ``targets/plans-<n>.md`` (present/paging.py)."""

    batch: PlanBatch
    rows: tuple[TargetRow, ...]

    @property
    def path(self) -> str:
        return f"{self.batch.slug}.md"


def targets_table(edition: Edition, rows: tuple[TargetRow, ...], plans) -> dict:
    """The targets table and its filters' choices, for these rows of these plans."""
    topic_ids = sorted({topic for row in rows for topic in row.target.topics})
    return {
        "rows": rows,
        "plans": [(p.meta.id, labels.region_period(p.meta)) for p in plans],
        "topics": [(topic, edition.taxonomy.topic(topic).en) for topic in topic_ids],
        "kinds": [(kind, label) for kind, label in TARGET_KIND_LABELS.items()],
        "years": sorted({year for row in rows for year in row.years}),
    }


def targets_context(edition: Edition) -> dict:
    """The targets page: rows, the filters' choices, the series charts; batches when the plans do not fit a page."""
    rows = target_rows(edition, edition.targets)
    batches = ()
    per_plan = Counter(row.plan.meta.id for row in rows)
    if len(edition.plans) > PLANS_PER_PAGE:
        batches = tuple(
            TargetBatch(batch, tuple(row for row in rows if row.plan.meta.id in ids))
            for batch in plan_batches(edition.plans, lambda plan: per_plan[plan.meta.id], TARGETS_PER_PAGE)
            for ids in [{plan.meta.id for plan in batch.plans}]
        )
    return {
        **targets_table(edition, rows, edition.plans),
        "charts": () if batches else target_charts(edition),
        "batches": batches,
        "per_page": PLANS_PER_PAGE,
        "year_counts": sorted(Counter(row.target.year for row in rows).items()),
    }


def render_across_pages(edition: Edition, out: Pages, pairs) -> None:
    """Reading across plans: the comparison pages, the policy vocabulary and the shared wording."""
    per = COMPARE_PAIRS_PER_PAGE
    pages = [pairs[start : start + per] for start in range(0, len(pairs), per)] if len(pairs) > per else []
    out.page(
        "compare.md",
        "compare-index.md.jinja",
        pairs=pairs,
        pages=pages,
        every_pair_up_to=edition.pair_rules.every_pair_up_to,
    )
    for number, share in enumerate(pages, 1):
        out.page(f"compare/pairs-{number}.md", "compare-pairs.md.jinja", pairs=share, number=number, pages=len(pages))
    _ = edition.shared.pair_counts  # counted here, once, before the workers fork (they inherit it)
    for files in shared_with_workers(_compare_files, range(len(pairs)), (edition, pairs, out.reuse)):
        out.add(files)
    vocabulary = vocabulary_page(edition)
    out.reuse.remembered(vocabulary)  # each entries page shows the whole page's links: hashed once
    out.page("vocabulary.md", "vocabulary.md.jinja", page=vocabulary)
    for entries in vocabulary.pages:
        out.page(f"vocabulary/{entries.slug}.md", "vocabulary-entries.md.jinja", entries=entries, page=vocabulary)
    # Made here, before the workers fork: they inherit the passages (render/shared.py), as do the plans' pages.
    sections = pair_sections(edition)
    plans = []  # a large edition: one page per earlier plan of each pair (present/paging.py)
    if len(edition.plans) > PLANS_PER_PAGE:
        by_left: dict[str, list[PairSection]] = {}
        for section in sections:
            by_left.setdefault(section.left.meta.id, []).append(section)
        plans = [(plan, tuple(by_left[plan.meta.id])) for plan in edition.plans if plan.meta.id in by_left]
        for files in shared_with_workers(_shared_wording_files, range(len(plans)), (plans, out.reuse)):
            out.add(files)
    out.page("shared-wording.md", "shared-wording.md.jinja", sections=sections, plans=plans, rules=edition.shared.rules)


def _glossary_files(position: int, glossary, reuse: Reuse) -> Made:
    """A glossary letter page (run in a worker process)."""
    page = glossary.term_pages[position]
    path = f"glossary/{page.slug}.md"
    context = {"page": page, "glossary": glossary}
    return reuse.made(path, context, lambda: [(path, _render("glossary-terms.md.jinja", context))])


def _compare_files(position: int, edition: Edition, pairs, reuse: Reuse) -> Made:
    """A comparison page (run in a worker process)."""
    pair = pairs[position]
    path = f"compare/{pair.slug}.md"
    context = {
        "page": compare_page(edition, pair),
        "shared_split": len(edition.plans) > PLANS_PER_PAGE,
        "doc_types": labels.DOC_TYPE,
        "statuses": labels.DOCUMENT_STATUS,
    }
    return reuse.made(path, context, lambda: [(path, _render("compare.md.jinja", context))])


def _shared_wording_files(position: int, plans, reuse: Reuse) -> Made:
    """A plan's shared-wording page, and the numbered pages of its clauses when they do not fit (in a worker)."""
    plan, own = plans[position]
    return reuse.made(f"shared-wording {plan.meta.id}", (plan, own), lambda: _shared_wording_pages(plan, own))


def _shared_wording_pages(plan: ParsedPlan, own: tuple[PairSection, ...]) -> Files:
    env = _worker_environment()
    pages = note_pages(own, SHARED_NOTES_PER_PAGE)
    if len(pages) == 1:
        pages = ()  # all on the plan's page
    files: Files = [
        (
            f"shared-wording/{plan.meta.id}.md",
            env.get_template("shared-wording-plan.md.jinja").render(
                plan=plan, sections=own, pages=pages, spans=page_spans(pages), per_page=SHARED_NOTES_PER_PAGE
            ),
        )
    ]
    for number, share in enumerate(pages, 1):
        files.append(
            (
                f"shared-wording/{plan.meta.id}/{number}.md",
                env.get_template("shared-wording-plan-page.md.jinja").render(
                    plan=plan, sections=share, number=number, pages=len(pages)
                ),
            )
        )
    return files


def site_nav(edition: Edition) -> list[dict]:
    """The navigation, read by build_tools/site/hooks.py when MkDocs starts.

    Titles are HTML-escaped here: the theme prints nav and page titles as raw HTML.
    """
    span = edition_span(edition)
    plans: list[dict] = [{"规划索引 Plans index": "plans/index.md"}]
    # A large edition lists no plan here (paging.py): the index and each overview reach the rest.
    for plan in edition.plans if len(edition.plans) <= NAV_PLANS_UP_TO else ():
        entries: list[dict[str, str]] = [{"概览 Overview": urls.plan_page(plan.meta.id)}]
        for part in plan.parts:
            english = part_title_en(edition, part)
            title = f"{part.title_zh} · {english}" if english else part.title_zh
            entries.append({html_text(title): urls.part_page(plan.meta.id, part.slug)})
        plans.append({html_text(labels.nav_title(plan.meta)): entries})
    pairs = edition.pairs
    return [
        {"首页 Home": "index.md"},
        {"规划 Plans": plans},
        {
            "专题 Topics": [
                {"专题索引 Index": "topics/index.md"},
                {"矩阵 Matrix": "topics/matrix.md"},
                *[
                    {
                        html_text(f"{group.zh} {group.en}"): [
                            {html_text(f"{topic.zh} · {topic.en}"): urls.topic_page(topic.id)}
                            for topic in edition.taxonomy.topics_in(group.id)
                        ]
                    }
                    for group in edition.taxonomy.groups
                ],
            ]
        },
        {
            "跨规划 Across plans": [
                {"对比 Compare": "compare.md"},
                *[
                    {
                        html_text(
                            f"{labels.nav_title(pair.left.meta)} · {labels.nav_title(pair.right.meta)}"
                        ): f"compare/{pair.slug}.md"
                    }
                    for pair in (pairs if len(pairs) <= NAV_COMPARE_UP_TO else ())
                ],
                {"政策词汇 Policy vocabulary": "vocabulary.md"},
                {"相似表述 Shared wording": "shared-wording.md"},
            ]
        },
        {
            "时间线 Timeline": [
                {f"时间线 Timeline {span.covered[0]}–{span.covered[1]}": "timeline.md"},
                {"量化目标 Targets": "targets.md"},
            ]
        },
        {
            "译文 Translation": [
                {"译文进度 Translation status": "translation-status.md"},
                {"术语表 Glossary": "glossary.md"},
            ]
        },
        {"下载 Downloads": "downloads.md"},
        {"数据 Data": "data.md"},
        {"检索 Search": SEARCH_PAGE},
        {"关于 About": "about.md"},
    ]
