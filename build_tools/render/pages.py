"""Write the Markdown pages of the site from templates; each writer returns the files it wrote."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.enrich import compare
from build_tools.model import Edition, ParsedPlan, Part
from build_tools.outputs.downloads import Download, Downloads
from build_tools.render.citation import page_address, paragraph_citation, plan_citation
from build_tools.render.cite_formats import format_templates
from build_tools.render.compare import compare_page
from build_tools.render.context import BlockRow, ContentsEntry, PartPage, PlanOverview, page_name
from build_tools.render.escape import TEMPLATE_FILTERS, html_text, strict_value
from build_tools.render.glossary_marks import mark_chinese, mark_english
from build_tools.render.heatmap import heatmap
from build_tools.render.paging import (
    NAV_COMPARE_UP_TO,
    NAV_PLANS_UP_TO,
    NOTES_PER_PARAGRAPH,
    PLANS_PER_PAGE,
    TARGETS_PER_PAGE,
    TIMELINE_ENTRIES_PER_PAGE,
    PlanBatch,
    plan_batches,
)
from build_tools.render.shared import block_notes, pair_sections
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
    )
    env.filters.update(TEMPLATE_FILTERS)
    return env


@dataclass
class PageWriter:
    """Writes generated files under docs/, only when their content changed (keeps mtimes for incremental builds)."""

    docs: Path
    written: list[str]

    def write(self, relative: str, content: str) -> None:
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        self.written.append(relative)


def part_title_en(edition: Edition, part: Part) -> str:
    """English of the heading that opens a part (the opening part has a fixed title)."""
    if part.index == 0:
        return "Opening"
    first = edition.bilingual.blocks[part.block_ids[0]]
    return first.en if first.en_status != "untranslated" else ""


def pdf_url(edition: Edition, download: Download | None) -> str:
    return edition.site_url + download.path if download else ""


def part_pages(edition: Edition, plan: ParsedPlan, download: Download | None = None) -> list[PartPage]:
    index = {block.id: i for i, block in enumerate(plan.blocks)}
    shared = block_notes(edition, plan)
    pages = []
    for position, part in enumerate(plan.parts):
        rows = []
        opening = part.index == 0
        address = page_address(f"plans/{plan.meta.id}/{page_name(part)}")
        for block_id in part.block_ids:
            block = plan.blocks[index[block_id]]
            marks = ""
            if block.kind in ("heading", "box"):
                marks = "#" * min(6, block.level + (1 if opening else 0))
            short = block.id.split("/", 1)[1]
            citation = paragraph_citation(edition, plan, block, address)
            topics = tuple(edition.taxonomy.topic(topic_id) for topic_id in edition.topics.topics_of(block.id))
            text = edition.bilingual.blocks[block.id]
            glossary = edition.bilingual.glossary
            hans, found = mark_chinese(text.zh_hans, glossary)
            hant, _ = mark_chinese(text.zh_hant, glossary, "zh_hant")
            english = mark_english(text.en, found)
            rows.append(BlockRow(block, text, marks, short, citation, topics, hans, hant, english))
        pages.append(
            PartPage(
                plan=plan,
                part=part,
                h1="卷首" if opening else "",
                rows=tuple(rows),
                title_en=part_title_en(edition, part),
                hant_config=edition.bilingual.hant_config,
                previous=plan.parts[position - 1] if position > 0 else None,
                next=plan.parts[position + 1] if position + 1 < len(plan.parts) else None,
                cite=plan_citation(edition, plan, address),
                pdf_url=pdf_url(edition, download),
                shared=shared,
                cite_formats=format_templates(edition, plan, address),
            )
        )
    return pages


def plan_overview(edition: Edition, plan: ParsedPlan, download: Download | None = None) -> PlanOverview:
    page_of = {block_id: page_name(part) for part in plan.parts for block_id in part.block_ids}
    contents = tuple(
        ContentsEntry(block, edition.bilingual.blocks[block.id].en, page_of[block.id], block.level)
        for block in plan.blocks
        if block.kind in ("heading", "box") and block.zone == "body" and block.level <= 3 and not block.box
    )
    counts = Counter(block.kind for block in plan.blocks)
    characters = sum(len("".join(block.display.split())) for block in plan.blocks)
    parts = tuple((part, part_title_en(edition, part)) for part in plan.parts)
    cite = plan_citation(edition, plan, page_address(f"plans/{plan.meta.id}/index.md"))
    return PlanOverview(
        plan, parts, contents, dict(sorted(counts.items())), characters, cite, pdf_url(edition, download)
    )


@dataclass(frozen=True)
class EditionSpan:
    """The years the edition spans, from the plans themselves (never written into a template)."""

    issued: tuple[int, int]
    """First and last issue year."""
    covered: tuple[int, int]
    """First year of the earliest period to the last year of any period or long-range horizon."""


def edition_span(edition: Edition) -> EditionSpan:
    metas = [plan.meta for plan in edition.plans]
    issued = [int(meta.date[:4]) for meta in metas]
    return EditionSpan(
        (min(issued), max(issued)),
        (min(meta.period[0] for meta in metas), max(max(meta.period[1], meta.horizon) for meta in metas)),
    )


def render_site_pages(edition: Edition, docs: Path, downloads: Downloads) -> list[str]:
    """Write every generated Markdown page and the nav; return the relative paths written."""
    env = environment()
    writer = PageWriter(docs, [])
    writer.write("index.md", env.get_template("home.md.jinja").render(
            edition=edition, span=edition_span(edition), cards_up_to=NAV_PLANS_UP_TO
        ))
    writer.write("about.md", env.get_template("about.md.jinja").render(edition=edition))
    writer.write("data.md", env.get_template("data.md.jinja").render(edition=edition))
    writer.write("downloads.md", env.get_template("downloads.md.jinja").render(edition=edition, downloads=downloads))
    writer.write(
        "topics/index.md",
        env.get_template("topics-index.md.jinja").render(groups=topic_index(edition), plan_count=len(edition.plans)),
    )
    pairs = compare.choose_pairs(edition.plans, edition.pair_rules)
    writer.write(
        "topics/matrix.md",
        env.get_template("topic-matrix.md.jinja").render(matrix=matrix(edition), heat=heatmap(edition), pairs=pairs),
    )
    render_across_pages(edition, env, writer, pairs)
    for topic in edition.taxonomy.topics:
        page = topic_page(edition, topic)
        writer.write(
            f"topics/{topic.id}.md",
            env.get_template("topic.md.jinja").render(page=page, download=downloads.topics.get(topic.id)),
        )
        for batch in page.batches:
            plans_page = env.get_template("topic-plans.md.jinja").render(page=page, batch=batch)
            writer.write(f"topics/{topic.id}/{batch.path}", plans_page)
    svg, sections = timeline_context(edition)
    batches = timeline_batches(edition)
    writer.write(
        "timeline.md",
        env.get_template("timeline.md.jinja").render(
            svg=svg, sections=sections, batches=batches, per_page=PLANS_PER_PAGE, year_index=year_index(batches)
        ),
    )
    for batch in batches:
        writer.write(
            f"timeline/{batch.path}",
            env.get_template("timeline-plans.md.jinja").render(batch=batch, batches=batches, sections=batch.sections),
        )
    targets = targets_context(edition)
    writer.write("targets.md", env.get_template("targets.md.jinja").render(**targets))
    for batch in targets["batches"]:
        writer.write(
            f"targets/{batch.path}",
            env.get_template("targets-plans.md.jinja").render(
                batch=batch, batches=targets["batches"], **targets_table(edition, batch.rows, batch.batch.plans)
            ),
        )
    writer.write(
        "translation-status.md",
        env.get_template("translation-status.md.jinja").render(status=translation_status(edition)),
    )
    glossary = glossary_page(edition)
    writer.write("glossary.md", env.get_template("glossary.md.jinja").render(glossary=glossary))
    for page in glossary.term_pages:
        writer.write(
            f"glossary/{page.slug}.md", env.get_template("glossary-terms.md.jinja").render(page=page, glossary=glossary)
        )
    writer.write(
        "plans/index.md",
        env.get_template("plans-index.md.jinja").render(
            periods=plans_by_period(edition), plan_count=len(edition.plans)
        ),
    )
    for plan in edition.plans:
        folder = f"plans/{plan.meta.id}"
        download = downloads.plans.get(plan.meta.id)
        overview = plan_overview(edition, plan, download)
        writer.write(
            f"{folder}/index.md",
            env.get_template("plan-overview.md.jinja").render(
                overview=overview,
                download=download,
                compared=tuple(pair for pair in pairs if plan in (pair.left, pair.right)),
            ),
        )
        writer.write(f"{folder}/{plan.meta.id}.bib", overview.cite.bibtex())
        writer.write(f"{folder}/{plan.meta.id}.ris", overview.cite.ris())
        writer.write(f"{folder}/{plan.meta.id}.json", overview.cite.csl_json())
        for page in part_pages(edition, plan, download):
            part = env.get_template("plan-part.md.jinja").render(page=page, notes_shown=NOTES_PER_PARAGRAPH)
            writer.write(f"{folder}/{page_name(page.part)}", part)
    writer.write(".nav.yml", yaml.safe_dump(site_nav(edition), allow_unicode=True, sort_keys=False))
    return writer.written


def plans_by_period(edition: Edition) -> list[tuple[tuple[int, int], list[ParsedPlan]]]:
    """The plans grouped by the period they cover, earliest first (the plans index)."""
    periods: dict[tuple[int, int], list[ParsedPlan]] = {}
    for plan in edition.plans:
        periods.setdefault(tuple(plan.meta.period), []).append(plan)
    return sorted(periods.items())


@dataclass(frozen=True)
class TimelineBatch:
    """The timeline entries of a share of a large edition's plans, on ``timeline/plans-<n>.md`` (render/paging.py)."""

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
            batch, year_sections(edition, tuple(e for e in edition.timeline if e.plan_id in ids), prefix="../")
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
    """The targets of a share of a large edition's plans, on ``targets/plans-<n>.md`` (render/paging.py)."""

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
        "plans": [(p.meta.id, f"{p.meta.region_zh} {p.meta.period[0]}–{p.meta.period[1]}") for p in plans],
        "topics": [(topic, edition.taxonomy.topic(topic).en) for topic in topic_ids],
        "kinds": [(kind, label) for kind, label in TARGET_KIND_LABELS.items()],
        "years": sorted({year for row in rows for year in row.years}),
    }


def targets_context(edition: Edition) -> dict:
    """The targets page: rows, the filters' choices, the series charts; batches when the plans do not fit a page."""
    rows = target_rows(edition, edition.targets, prefix="@/")
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
        "charts": target_charts(edition),
        "batches": batches,
        "per_page": PLANS_PER_PAGE,
        "year_counts": sorted(Counter(row.target.year for row in rows).items()),
    }


def render_across_pages(edition: Edition, env: Environment, writer: PageWriter, pairs) -> None:
    """Reading across plans: the comparison pages, the policy vocabulary and the shared wording."""
    writer.write(
        "compare.md",
        env.get_template("compare-index.md.jinja").render(
            pairs=pairs, every_pair_up_to=edition.pair_rules.every_pair_up_to
        ),
    )
    for pair in pairs:
        writer.write(
            f"compare/{pair.slug}.md",
            env.get_template("compare.md.jinja").render(
                page=compare_page(edition, pair), shared_split=len(edition.plans) > PLANS_PER_PAGE
            ),
        )
    vocabulary = vocabulary_page(edition)
    writer.write("vocabulary.md", env.get_template("vocabulary.md.jinja").render(page=vocabulary))
    for entries in vocabulary.pages:
        writer.write(
            f"vocabulary/{entries.slug}.md",
            env.get_template("vocabulary-entries.md.jinja").render(entries=entries, page=vocabulary),
        )
    sections = pair_sections(edition)
    plans = []  # a large edition: one page per earlier plan of each pair (render/paging.py)
    if len(edition.plans) > PLANS_PER_PAGE:
        for plan in edition.plans:
            own = tuple(section for section in sections if section.left.meta.id == plan.meta.id)
            if own:
                plans.append((plan, own))
                writer.write(
                    f"shared-wording/{plan.meta.id}.md",
                    env.get_template("shared-wording-plan.md.jinja").render(plan=plan, sections=own),
                )
    writer.write(
        "shared-wording.md",
        env.get_template("shared-wording.md.jinja").render(sections=sections, plans=plans, rules=edition.shared.rules),
    )


def nav_plan_title(plan: ParsedPlan) -> str:
    """A short bilingual label: region and period, and the status when it is not a final text."""
    meta = plan.meta
    status = {"draft": " (征求意见稿 draft)", "internal": " (内部资料 internal)"}.get(meta.status, "")
    return f"{meta.region_zh} {meta.region_en} {meta.period[0]}–{meta.period[1]}{status}"


def site_nav(edition: Edition) -> list[dict]:
    """The navigation, read by build_tools/site_hooks.py when MkDocs starts.

    Titles are HTML-escaped here: the theme prints nav and page titles as raw HTML.
    """
    span = edition_span(edition)
    plans: list[dict] = [{"规划索引 Plans index": "plans/index.md"}]
    # A large edition lists no plan here (paging.py): the index and each overview reach the rest.
    for plan in edition.plans if len(edition.plans) <= NAV_PLANS_UP_TO else ():
        entries: list[dict[str, str]] = [{"概览 Overview": f"plans/{plan.meta.id}/index.md"}]
        for part in plan.parts:
            english = part_title_en(edition, part)
            title = f"{part.title_zh} · {english}" if english else part.title_zh
            entries.append({html_text(title): f"plans/{plan.meta.id}/{page_name(part)}"})
        plans.append({html_text(nav_plan_title(plan)): entries})
    pairs = compare.choose_pairs(edition.plans, edition.pair_rules)
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
                            {html_text(f"{topic.zh} · {topic.en}"): f"topics/{topic.id}.md"}
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
                            f"{nav_plan_title(pair.left)} · {nav_plan_title(pair.right)}"
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
        {"关于 About": "about.md"},
    ]
