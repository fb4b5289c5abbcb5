"""Geometry of the plan × topic heat map (static SVG, markup in topic-heatmap.html.jinja).

Columns are the plans in date order, rows the topics in taxonomy order; a cell's shade is the share
of the plan's paragraphs that speak of the topic (so a long plan does not look darker for its length),
its number the paragraphs themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Edition
from build_tools.present import urls
from build_tools.present.paging import VIEW_PLANS_UP_TO, PlanGroup, plan_groups

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
    """A plan, or (beyond VIEW_PLANS_UP_TO plans, present/paging.py) the plans of one period."""

    x: float
    label: str
    """Region (a plan) or number of plans (a period)."""
    year: str
    title: str
    href: str


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
    grouped: bool = False


def _column(x: float, group: PlanGroup, grouped: bool) -> HeatColumn:
    if not grouped:
        meta = group.plans[0].meta
        title = f"{meta.title_zh} · {meta.title_en} ({meta.date})"
        return HeatColumn(x, meta.region_zh, meta.date[:4], title, urls.site_link(urls.plan_page(meta.id)))
    count = len(group.plans)
    title = f"{group.label}: {count} plan{'s' if count != 1 else ''}"
    period = f"{group.period[0]}–{str(group.period[1])[2:]}"
    return HeatColumn(x, f"{count} 份", period, title, urls.site_link("plans/index.md", group.anchor))


def heatmap(edition: Edition) -> HeatMap:
    """Columns per plan in date order, or per plan period beyond VIEW_PLANS_UP_TO plans (a column then sums its
    plans: the share is of their paragraphs together, the cell links to the topic's line of its first plan)."""
    plans = sorted(edition.plans, key=lambda plan: (plan.meta.date, plan.meta.id))
    grouped = len(plans) > VIEW_PLANS_UP_TO
    groups = plan_groups(plans) if grouped else tuple(PlanGroup(tuple(p.meta.period), (p,)) for p in plans)
    counts = edition.topics.plan_block_counts
    sizes = {plan.meta.id: max(1, sum(1 for b in plan.blocks if b.zone == "body")) for plan in plans}
    body = [sum(sizes[p.meta.id] for p in group.plans) for group in groups]

    def count_of(topic_id: str, group: PlanGroup) -> tuple[int, str]:
        """Paragraphs of the group's plans on the topic, and the first plan that has any."""
        found = [(counts.get((topic_id, p.meta.id), 0), p.meta.id) for p in group.plans]
        return sum(n for n, _ in found), next((plan_id for n, plan_id in found if n), "")

    grid = [[count_of(t.id, group) for group in groups] for t in edition.taxonomy.topics]
    shares = [n / body[column] for row in grid for column, (n, _) in enumerate(row)]
    top = max(shares, default=0) or 1
    rows = []
    previous_group = ""
    for index, topic in enumerate(edition.taxonomy.topics):
        y = HEADER + index * CELL_H
        cells = []
        for column, group in enumerate(groups):
            count, first = grid[index][column]
            share = count / body[column]
            where = (
                f"{group.label}, {len(group.plans)} plans"
                if grouped
                else f"{group.plans[0].meta.region_en} {group.plans[0].meta.date}"
            )
            cells.append(
                Cell(
                    LABEL + column * CELL_W,
                    count,
                    0 if not count else max(1, min(SHADES, round(share / top * SHADES))),
                    urls.site_link(urls.topic_page(topic.id), first) if count else "",
                    f"{topic.zh} {topic.en} · {where}: {count} paragraphs "
                    f"({share:.1%} of the {'plans' if grouped else 'plan'}'s body)",
                )
            )
        rows.append(HeatRow(y, topic.zh, topic.en, topic.group != previous_group, tuple(cells)))
        previous_group = topic.group
    columns = tuple(_column(LABEL + i * CELL_W, group, grouped) for i, group in enumerate(groups))
    return HeatMap(
        LABEL + len(groups) * CELL_W + 2,
        HEADER + len(rows) * CELL_H + 2,
        LABEL,
        CELL_W,
        CELL_H,
        HEADER,
        columns,
        tuple(rows),
        grouped,
    )
