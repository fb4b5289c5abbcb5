"""Write the Markdown pages of the site from templates; each writer returns the files it wrote."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.model import Edition, ParsedPlan
from build_tools.render.context import BlockRow, ContentsEntry, PartPage, PlanOverview, page_name
from build_tools.render.escape import html_text, markdown_inline, yaml_string

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML: each value is escaped for its context by a filter below
    )
    env.filters["html"] = html_text
    env.filters["md"] = markdown_inline
    env.filters["yaml"] = yaml_string
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


def _section_path(plan: ParsedPlan, block_index: dict[str, int], section: str) -> list[str]:
    """Labels of the headings from the top down to a section, e.g. ['第一章', '一、']."""
    path: list[str] = []
    local = section.split("/", 1)[1]
    pieces = local.split(".")
    for depth in range(1, len(pieces) + 1):
        candidate = f"{plan.meta.id}/{'.'.join(pieces[:depth])}"
        if candidate in block_index:
            block = plan.blocks[block_index[candidate]]
            text = block.zh if len(block.zh) <= 16 else block.zh[:15] + "…"
            path.append(f"{block.label}{text}")
    return path


def part_pages(plan: ParsedPlan) -> list[PartPage]:
    index = {block.id: i for i, block in enumerate(plan.blocks)}
    pages = []
    for position, part in enumerate(plan.parts):
        rows = []
        opening = part.index == 0
        for block_id in part.block_ids:
            block = plan.blocks[index[block_id]]
            marks = ""
            if block.kind in ("heading", "box"):
                marks = "#" * min(6, block.level + (1 if opening else 0))
            section_path = " › ".join(_section_path(plan, index, block.section)) if block.zone == "body" else ""
            short = block.id.split("/", 1)[1]
            citation = (
                f"《{plan.meta.title_zh}》 ({plan.meta.title_en}), "
                f"{section_path + ', ' if section_path else ''}¶ {block.id}, "
                f"plans/{plan.meta.id}/{part.slug}/#{block.anchor}"
            )
            rows.append(BlockRow(block, marks, short, citation))
        pages.append(
            PartPage(
                plan=plan,
                part=part,
                h1="卷首 Opening" if opening else "",
                rows=tuple(rows),
                previous=plan.parts[position - 1] if position > 0 else None,
                next=plan.parts[position + 1] if position + 1 < len(plan.parts) else None,
            )
        )
    return pages


def plan_overview(plan: ParsedPlan) -> PlanOverview:
    page_of = {block_id: page_name(part) for part in plan.parts for block_id in part.block_ids}
    contents = tuple(
        ContentsEntry(block, page_of[block.id], block.level)
        for block in plan.blocks
        if block.kind in ("heading", "box") and block.zone == "body" and block.level <= 3 and not block.box
    )
    counts = Counter(block.kind for block in plan.blocks)
    characters = sum(len("".join(block.display.split())) for block in plan.blocks)
    return PlanOverview(plan, contents, dict(sorted(counts.items())), characters)


def render_site_pages(edition: Edition, docs: Path) -> list[str]:
    """Write every generated Markdown page and the nav; return the relative paths written."""
    env = environment()
    writer = PageWriter(docs, [])
    writer.write("index.md", env.get_template("home.md.jinja").render(edition=edition))
    writer.write("about.md", env.get_template("about.md.jinja").render(edition=edition))
    writer.write("data.md", env.get_template("data.md.jinja").render(edition=edition))
    writer.write("topics/index.md", env.get_template("topics-placeholder.md.jinja").render(edition=edition))
    writer.write("timeline.md", env.get_template("timeline-placeholder.md.jinja").render(edition=edition))
    for plan in edition.plans:
        folder = f"plans/{plan.meta.id}"
        writer.write(
            f"{folder}/index.md", env.get_template("plan-overview.md.jinja").render(overview=plan_overview(plan))
        )
        for page in part_pages(plan):
            writer.write(f"{folder}/{page_name(page.part)}", env.get_template("plan-part.md.jinja").render(page=page))
    writer.write(".nav.yml", yaml.safe_dump(site_nav(edition), allow_unicode=True, sort_keys=False))
    return writer.written


def site_nav(edition: Edition) -> list[dict]:
    """The navigation, read by build_tools/site_hooks.py when MkDocs starts.

    Titles are HTML-escaped here: the theme prints nav and page titles as raw HTML.
    """
    plans = []
    for plan in edition.plans:
        entries: list[dict[str, str]] = [{"概览 Overview": f"plans/{plan.meta.id}/index.md"}]
        for part in plan.parts:
            entries.append({html_text(part.title_zh): f"plans/{plan.meta.id}/{page_name(part)}"})
        plans.append({html_text(plan.meta.title_zh): entries})
    return [
        {"首页 Home": "index.md"},
        {"规划 Plans": plans},
        {"专题 Topics": "topics/index.md"},
        {"时间线 Timeline": "timeline.md"},
        {"数据 Data": "data.md"},
        {"关于 About": "about.md"},
    ]
