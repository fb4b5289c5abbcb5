"""Small static SVG charts of comparable target series (across/target_series.yml, read at load): one per series,
the year across, the value up, one colour per plan; readable at 390 px wide, no script."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Edition, ParsedPlan, Target, TargetSeries
from build_tools.present import labels

WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    title: str
    plan_index: int


@dataclass(frozen=True)
class Chart:
    series: TargetSeries
    width: int
    height: int
    points: tuple[Point, ...]
    lines: tuple[tuple[int, str], ...]
    """(plan index, SVG path) joining one plan's points in time order."""
    x_ticks: tuple[tuple[float, int], ...]
    y_ticks: tuple[tuple[float, str], ...]
    plans: tuple[tuple[int, str, str], ...]
    """(plan index, region and period in Chinese, region in English; each with the plan's name) for the legend."""
    axis: tuple[float, float, float, float]
    """Plot area: left, top, right, bottom."""


def _label(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:g}"


def _chart(
    series: TargetSeries, members: list[tuple[Target, float]], plan_index: dict[str, int], edition: Edition
) -> Chart:
    years = [t.end_year for t, _ in members]
    first, last = min(years) - 1, max(years) + 1
    top_value = max(v for _, v in members) * 1.15
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(year: float) -> float:
        return round(LEFT + (year - first) / (last - first) * (right - LEFT), 1)

    def y(value: float) -> float:
        return round(bottom - value / top_value * (bottom - TOP), 1)

    points, by_plan = [], {}
    for target, value in sorted(members, key=lambda item: (item[0].end_year, item[0].plan_id)):
        index = plan_index[target.plan_id]
        title = f"{target.years_label} · {target.subject} · {target.text} · {target.subject_en}"
        points.append(Point(x(target.end_year), y(value), _label(value), title, index))
        by_plan.setdefault(index, []).append((x(target.end_year), y(value)))
    lines = tuple(
        (index, "M " + " L ".join(f"{px} {py}" for px, py in coords))
        for index, coords in sorted(by_plan.items())
        if len(coords) > 1
    )
    step = 5 if last - first > 8 else 1
    x_ticks = tuple((x(year), year) for year in range(first + 1, last) if year % step == 0)
    y_ticks = tuple((y(v), _label(v)) for v in (0, top_value / 1.15))
    plans = tuple(
        (plan_index[p.meta.id], labels.region_period(p.meta), labels.region(p.meta, "en"))
        for p in edition.plans
        if p.meta.id in {t.plan_id for t, _ in members}
    )  # the plans charted are the members' (a batch's, when plan_index holds a batch)
    return Chart(series, WIDTH, HEIGHT, tuple(points), lines, x_ticks, y_ticks, plans, (LEFT, TOP, right, bottom))


def target_charts(
    edition: Edition, series: tuple[TargetSeries, ...] | None = None, plans: tuple[ParsedPlan, ...] | None = None
) -> tuple[Chart, ...]:
    """One chart per series with at least two values (a blank ** has none), of ``plans`` (default: every plan)."""
    plan_index = {plan.meta.id: number for number, plan in enumerate(edition.plans if plans is None else plans)}
    charts = []
    for item in series if series is not None else edition.target_series:
        members = [
            (t, v)
            for t in edition.targets
            if t.plan_id in plan_index and (v := item.value_of(t)) is not None and not t.per_year
        ]
        if len(members) >= 2:
            charts.append(_chart(item, members, plan_index, edition))
    return tuple(charts)
