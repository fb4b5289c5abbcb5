"""Small static SVG charts of comparable target series (render/target_series.yml): one per series,
the year across, the value up, one colour per plan; readable at 390 px wide, no script."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import Edition, ParsedPlan, Target
from build_tools.yaml_input import load_yaml

SERIES_FILE = Path(__file__).with_name("target_series.yml")
WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass(frozen=True)
class Series:
    id: str
    zh: str
    en: str
    kind: str
    unit_zh: str
    unit_en: str
    units: dict[str, float]
    terms: tuple[str, ...]
    exclude: tuple[str, ...]

    def value_of(self, target: Target) -> float | None:
        """The target's value in the series unit, or None when it does not belong (or has no value)."""
        if target.kind != self.kind or target.unit not in self.units or target.value is None:
            return None
        if not any(term in target.subject for term in self.terms) or any(w in target.subject for w in self.exclude):
            return None
        return target.value * self.units[target.unit]


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    title: str
    plan_index: int


@dataclass(frozen=True)
class Chart:
    series: Series
    width: int
    height: int
    points: tuple[Point, ...]
    lines: tuple[tuple[int, str], ...]
    """(plan index, SVG path) joining one plan's points in time order."""
    x_ticks: tuple[tuple[float, int], ...]
    y_ticks: tuple[tuple[float, str], ...]
    plans: tuple[tuple[int, str, str], ...]
    """(plan index, region zh, region en) for the legend."""
    axis: tuple[float, float, float, float]
    """Plot area: left, top, right, bottom."""


def load_series(path: Path = SERIES_FILE) -> tuple[Series, ...]:
    data = load_yaml(path, "target series") or {}
    try:
        return tuple(
            Series(
                item["id"], item["zh"], item["en"], item["kind"], item["unit_zh"], item["unit_en"],
                {str(k): float(v) for k, v in item["units"].items()}, tuple(item["terms"]), tuple(item["exclude"]),
            )
            for item in data["series"]
        )  # fmt: skip
    except (KeyError, TypeError, AttributeError) as error:
        raise InputError(
            path, f"each series needs id, zh, en, kind, unit_zh, unit_en, units, terms, exclude ({error})"
        ) from error


def _label(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:g}"


def _chart(series: Series, members: list[tuple[Target, float]], plan_index: dict[str, int], edition: Edition) -> Chart:
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
        (plan_index[p.meta.id], f"{p.meta.region_zh} {p.meta.period[0]}–{p.meta.period[1]}", p.meta.region_en)
        for p in edition.plans
        if p.meta.id in {t.plan_id for t, _ in members}
    )  # the plans charted are the members' (a batch's, when plan_index holds a batch)
    return Chart(series, WIDTH, HEIGHT, tuple(points), lines, x_ticks, y_ticks, plans, (LEFT, TOP, right, bottom))


def target_charts(
    edition: Edition, series: tuple[Series, ...] | None = None, plans: tuple[ParsedPlan, ...] | None = None
) -> tuple[Chart, ...]:
    """One chart per series with at least two values (a blank ** has none), of ``plans`` (default: every plan)."""
    plan_index = {plan.meta.id: number for number, plan in enumerate(edition.plans if plans is None else plans)}
    charts = []
    for item in series if series is not None else load_series():
        members = [
            (t, v)
            for t in edition.targets
            if t.plan_id in plan_index and (v := item.value_of(t)) is not None and not t.per_year
        ]
        if len(members) >= 2:
            charts.append(_chart(item, members, plan_index, edition))
    return tuple(charts)
