"""Geometry of the plan × topic heat map (static SVG, markup in topic-heatmap.html.jinja).

Columns are the plans in date order, rows the topics in taxonomy order; a cell's shade is the share
of the plan's paragraphs that speak of the topic (so a long plan does not look darker for its length),
its number the paragraphs themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Edition, ParsedPlan
from build_tools.present import urls

LABEL = 150
CELL_W = 44
CELL_H = 17
HEADER = 34
SHADES = 5


@dataclass(frozen=True)
class Cell:
    x: float
    count: int
    shade: int
    """0 (none) … SHADES: share of the plan's paragraphs, in equal steps up to the largest share."""
    href: str
    """Link to the topic's paragraphs in the plan; ``""`` for an empty cell."""
    title: str


@dataclass(frozen=True)
class HeatRow:
    y: float
    label_zh: str
    label_en: str
    group_start: bool
    """First topic of its group (a rule is drawn above it)."""
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class HeatColumn:
    x: float
    plan: ParsedPlan


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    label: int
    cell_w: int
    cell_h: int
    header: int
    columns: tuple[HeatColumn, ...]
    rows: tuple[HeatRow, ...]


def heatmap(edition: Edition) -> HeatMap:
    plans = sorted(edition.plans, key=lambda plan: (plan.meta.date, plan.meta.id))
    counts = edition.topics.plan_block_counts
    sizes = {plan.meta.id: max(1, sum(1 for b in plan.blocks if b.zone == "body")) for plan in plans}
    shares = [counts.get((t.id, p.meta.id), 0) / sizes[p.meta.id] for t in edition.taxonomy.topics for p in plans]
    top = max(shares, default=0) or 1
    rows = []
    previous_group = ""
    for index, topic in enumerate(edition.taxonomy.topics):
        y = HEADER + index * CELL_H
        cells = []
        for column, plan in enumerate(plans):
            count = counts.get((topic.id, plan.meta.id), 0)
            share = count / sizes[plan.meta.id]
            cells.append(
                Cell(
                    LABEL + column * CELL_W,
                    count,
                    0 if not count else max(1, min(SHADES, round(share / top * SHADES))),
                    urls.site_link(urls.topic_page(topic.id), plan.meta.id) if count else "",
                    f"{topic.zh} {topic.en} · {plan.meta.region_en} {plan.meta.date}: {count} paragraphs "
                    f"({share:.1%} of the plan's body)",
                )
            )
        rows.append(HeatRow(y, topic.zh, topic.en, topic.group != previous_group, tuple(cells)))
        previous_group = topic.group
    columns = tuple(HeatColumn(LABEL + i * CELL_W, plan) for i, plan in enumerate(plans))
    return HeatMap(
        LABEL + len(plans) * CELL_W + 2,
        HEADER + len(rows) * CELL_H + 2,
        LABEL,
        CELL_W,
        CELL_H,
        HEADER,
        columns,
        tuple(rows),
    )
