"""Contexts for the timeline: a static SVG axis 2005–2035 (geometry computed here, markup in templates),
the entries by year, and the targets table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from build_tools.model import AXIS, Edition, ParsedPlan, Target, TimelineEntry
from build_tools.present import labels, urls
from build_tools.present.paging import VIEW_PLANS_UP_TO, PlanGroup, plan_groups

KIND_LABELS = {
    "issued": "发布 issued",
    "period": "规划期 period",
    "target": "目标 target",
    "fact": "事实 fact",
    "reference": "提及 reference",
}
WIDTH = 1000
LABEL_WIDTH = 220
AXIS_LEFT = 240
AXIS_RIGHT = 975
HEADER = 34
LANE = 50
TIMELINE_PAGE = "timeline.md"


def year_x(year: float) -> float:
    """x of the start of a year on the axis; years outside it sit at its edges."""
    span = AXIS[1] + 1 - AXIS[0]
    clamped = min(max(year, AXIS[0]), AXIS[1] + 1)
    return round(AXIS_LEFT + (clamped - AXIS[0]) * (AXIS_RIGHT - AXIS_LEFT) / span, 1)


@dataclass(frozen=True)
class Marker:
    kind: str
    x: float
    y: float
    count: int
    """Entries the marker stands for; more than one links to the year's section."""
    href: str
    """``@/``-prefixed site link (resolved by the MkDocs hook), or ``#y<year>``."""
    title: str
    outside: str
    """``before`` or ``after`` when the year lies outside the axis, else ``""``."""
    year: int


@dataclass(frozen=True)
class Lane:
    """One plan, or (in a large edition, present/paging.py) the plans of one period."""

    status: str
    """The plan's status (a CSS class), ``group`` for a period's plans."""
    label_zh: str
    label_en: str
    href: str
    """Link of the label (a group's section of the plans index); ``""`` for a plan."""
    top: float
    period: tuple[float, float]
    """x from, x to of the period bar."""
    period_title: str
    horizon: float
    """x of the end of the horizon line (0 when the plan has none)."""
    horizon_title: str
    issued: tuple[tuple[float, str], ...]
    """x and title of each issue-date diamond."""
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Tick:
    year: int
    x: float
    major: bool


@dataclass(frozen=True)
class TimelineSvg:
    width: int
    height: int
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    axis: tuple[int, int]
    label_width: int
    axis_left: int
    axis_right: int
    lane_height: int
    header: int
    grouped: bool = False
    """One lane per plan period (a large edition), not per plan."""


@dataclass(frozen=True)
class YearRow:
    entry: TimelineEntry
    plan: ParsedPlan
    href: str
    """Link to the paragraph, relative to the timeline page (Markdown)."""
    kind_label: str
    snippet: str
    """The sentence the entry quotes (``Edition.snippet``)."""


@dataclass(frozen=True)
class YearSection:
    year: int
    rows: tuple[YearRow, ...]


TARGET_KIND_LABELS = {
    "level": "水平 level",
    "growth": "增速 growth",
    "share": "比重 share",
    "count": "数量 count",
    "gap": "差距 gap (years)",
    "comparative": "比较 comparative",
}


@dataclass(frozen=True)
class TargetRow:
    target: Target
    plan: ParsedPlan
    href: str
    topics: tuple[tuple[str, str], ...]
    """(topic id, label) of the target's subject."""
    kind_label: str
    """The kind in both languages (``数量 count``)."""
    years: tuple[int, ...]
    """Every year the target covers (for the year filter)."""


def _issue_fraction(plan: ParsedPlan) -> float:
    parts = plan.meta.date.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    return year + (month - 1) / 12


def _plan_lane(plan: ParsedPlan, top: float, markers: tuple[Marker, ...]) -> Lane:
    meta = plan.meta
    return Lane(
        status=meta.status,
        label_zh=labels.region_period(meta),
        label_en=labels.region(meta, "en") + (f" ({meta.status})" if meta.status != "issued" else ""),
        href="",
        top=top,
        period=(year_x(meta.period[0]), year_x(meta.period[1] + 1)),
        period_title=f"{meta.title_zh} · {meta.title_en}: {meta.period[0]}–{meta.period[1]}",
        horizon=year_x(meta.horizon + 1) if meta.horizon else 0,
        horizon_title=f"{meta.title_zh}: horizon {meta.horizon}",
        issued=((year_x(_issue_fraction(plan)), f"发布 issued {meta.date}"),),
        markers=markers,
    )


def _group_lane(group: PlanGroup, top: float, markers: tuple[Marker, ...]) -> Lane:
    plans = group.plans
    horizon = max((plan.meta.horizon for plan in plans if plan.meta.horizon), default=0)
    dates: dict[float, list[str]] = defaultdict(list)
    for plan in plans:
        dates[year_x(_issue_fraction(plan))].append(plan.meta.date)
    return Lane(
        status="group",
        label_zh=f"{group.label} · {len(plans)} 份规划",
        label_en=f"{len(plans)} plan{'s' if len(plans) != 1 else ''} of the period →",
        href=urls.site_link("plans/index.md", group.anchor),
        top=top,
        period=(year_x(group.period[0]), year_x(group.period[1] + 1)),
        period_title=f"{group.label}: {len(plans)} plans",
        horizon=year_x(horizon + 1) if horizon else 0,
        horizon_title=f"horizon {horizon}",
        issued=tuple(
            (x, f"发布 issued {found[0]}" + (f" × {len(found)}" if len(found) > 1 else ""))
            for x, found in sorted(dates.items())
        ),
        markers=markers,
    )


_ByLane = dict[str, dict[tuple[int, str], list[TimelineEntry]]]
MARKER_OFFSETS = {"target": 9, "reference": 25, "fact": 41}
"""A marker's height in its lane, by kind: the three kinds on three rows."""


def _entries_by_lane(edition: Edition, entries: tuple[TimelineEntry, ...], grouped: bool) -> _ByLane:
    """Lane key (a plan id, or a period's label when grouped) -> (year, kind) -> the entries marked there."""
    lane_of = {}
    for group in plan_groups(edition.plans):
        for plan in group.plans:
            lane_of[plan.meta.id] = group.label if grouped else plan.meta.id
    by_lane: _ByLane = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        if entry.kind in MARKER_OFFSETS:
            by_lane[lane_of[entry.plan_id]][(entry.year, entry.kind)].append(entry)
    return by_lane


def _lane_subjects(edition: Edition, grouped: bool) -> list[tuple[str, PlanGroup | ParsedPlan]]:
    """(lane key, what the lane shows): every plan, or every plan period when grouped."""
    if grouped:
        return [(group.label, group) for group in plan_groups(edition.plans)]
    return [(plan.meta.id, plan) for plan in edition.plans]


def _lane_markers(
    edition: Edition, marked: dict[tuple[int, str], list[TimelineEntry]], top: float, year_page: str
) -> tuple[Marker, ...]:
    """One marker per year and kind: a link to its paragraph when it is one entry, else to the year's list."""
    markers = []
    for (year, kind), group in sorted(marked.items()):
        first = group[0]
        single = len(group) == 1 and first.block_id
        href = urls.block_site_link(edition, first.block_id) if single else f"{year_page}#y{year}"
        title = (
            f"{year} · {KIND_LABELS[kind]} · {edition.snippet(first)[:80]}"
            if single
            else f"{year} · {KIND_LABELS[kind]} × {len(group)}"
        )
        outside = "before" if year < AXIS[0] else "after" if year > AXIS[1] else ""
        x = round(year_x(year + 0.5), 1)
        markers.append(Marker(kind, x, top + MARKER_OFFSETS[kind], len(group), href, title, outside, year))
    return tuple(markers)


def timeline_svg(edition: Edition, entries: tuple[TimelineEntry, ...], on_timeline_page: bool = True) -> TimelineSvg:
    """The SVG geometry for these entries: one lane per plan of the edition that has any, or, beyond
    VIEW_PLANS_UP_TO plans, one lane per plan period whose markers count the entries of its plans."""
    grouped = len(edition.plans) > VIEW_PLANS_UP_TO
    by_lane = _entries_by_lane(edition, entries, grouped)
    subjects = [(key, shown) for key, shown in _lane_subjects(edition, grouped) if key in by_lane or on_timeline_page]
    year_page = "" if on_timeline_page else urls.site_link(TIMELINE_PAGE)
    lane = _group_lane if grouped else _plan_lane
    lanes = []
    for position, (key, shown) in enumerate(subjects):
        top = HEADER + position * LANE
        lanes.append(lane(shown, top, _lane_markers(edition, by_lane[key], top, year_page)))
    ticks = tuple(Tick(year, year_x(year), year % 5 == 0) for year in range(AXIS[0], AXIS[1] + 2))
    return TimelineSvg(
        WIDTH,
        HEADER + len(lanes) * LANE + 8,
        tuple(lanes),
        ticks,
        AXIS,
        LABEL_WIDTH,
        AXIS_LEFT,
        AXIS_RIGHT,
        LANE,
        HEADER,
        grouped,
    )


def year_sections(
    edition: Edition, entries: tuple[TimelineEntry, ...], page: str = TIMELINE_PAGE
) -> tuple[YearSection, ...]:
    """The entries by year, each linking to its paragraph from ``page`` (a docs/ path).

    One row per statement: a sentence naming the same year twice (从2005年的…从2005年的…) gives two entries,
    which the export keeps apart by offset, but a reader would see the same row twice."""
    plans = {plan.meta.id: plan for plan in edition.plans}
    by_year: dict[int, list[YearRow]] = defaultdict(list)
    shown: set[tuple] = set()
    for entry in entries:
        if not entry.block_id:
            continue
        snippet = edition.snippet(entry)
        statement = (entry.block_id, entry.kind, entry.year, entry.end_year, entry.relative, snippet)
        if statement in shown:
            continue
        shown.add(statement)
        href = urls.block_link(edition, entry.block_id, page)
        by_year[entry.year].append(YearRow(entry, plans[entry.plan_id], href, KIND_LABELS[entry.kind], snippet))
    return tuple(YearSection(year, tuple(rows)) for year, rows in sorted(by_year.items()))


def target_rows(edition: Edition, targets: tuple[Target, ...], page: str | None = None) -> tuple[TargetRow, ...]:
    """Rows linking to their paragraphs from ``page`` (a docs/ path), or by raw-HTML site links when ``None``."""
    plans = {plan.meta.id: plan for plan in edition.plans}
    rows = []
    for target in targets:
        topics = tuple((topic_id, edition.taxonomy.topic(topic_id).en) for topic_id in target.topics)
        href = (
            urls.block_site_link(edition, target.block_id)
            if page is None
            else urls.block_link(edition, target.block_id, page)
        )
        years = tuple(range(target.year, target.end_year + 1))
        rows.append(TargetRow(target, plans[target.plan_id], href, topics, TARGET_KIND_LABELS[target.kind], years))
    return tuple(sorted(rows, key=lambda row: (row.target.year, row.plan.meta.date, row.target.block_id)))


def timeline_context(edition: Edition) -> tuple[TimelineSvg, tuple[YearSection, ...]]:
    return timeline_svg(edition, edition.timeline), year_sections(edition, edition.timeline)


def topic_timeline(edition: Edition, topic_id: str) -> tuple[TimelineSvg | None, tuple[YearSection, ...]]:
    """The timeline of one topic: entries stated in paragraphs tagged with it."""
    wanted = set(edition.topics.blocks_of(topic_id))
    entries = tuple(entry for entry in edition.timeline if entry.block_id in wanted)
    if not entries:
        return None, ()
    return (
        timeline_svg(edition, entries, on_timeline_page=False),
        year_sections(edition, entries, urls.topic_page(topic_id)),
    )
