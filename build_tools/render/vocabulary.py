"""Context for the policy-vocabulary page: entries with their plans, paragraphs and a small SVG strip chart."""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

from build_tools.model import VOCABULARY_KINDS, Edition, ParsedPlan, VocabularyEntry
from build_tools.present import labels, urls

KIND_TITLES = {
    "slogan": ("口号、工程与提法", "Slogans, campaigns and programmes"),
    "period": ("五年规划时期", "Five-year-plan periods"),
    "document": ("文件", "Documents named in 《…》"),
    "term": ("政策术语", "Policy terms of the glossary"),
}
CHART_WIDTH = 260
CHART_HEIGHT = 34
CHART_PAD = 14
MAX_LINKS = 12
MAX_PLANS = 40
VOCABULARY_PAGE = "vocabulary.md"
ENTRIES_PER_PAGE = 10
"""Entries (with their charts and plans) per page; MAX_PLANS and MAX_LINKS bound each entry."""
"""Plans listed per entry (the earliest first); the export lists every occurrence."""
"""Paragraph links per plan and entry: a term used everywhere would otherwise fill the page."""


@dataclass(frozen=True)
class Dot:
    x: float
    r: float
    year: int
    count: int
    """Paragraphs of the plans of that year where the entry occurs; 0: plans of that year do not use it."""
    title: str


@dataclass(frozen=True)
class PlanHits:
    plan: ParsedPlan
    links: tuple[tuple[str, str], ...]
    """(short id, docs-relative page path with anchor) of the first MAX_LINKS paragraphs, in reading order."""
    more: int
    """Further paragraphs of the plan not linked one by one (the export lists them all)."""


@dataclass(frozen=True)
class EntryView:
    entry: VocabularyEntry
    first: ParsedPlan
    first_link: tuple[str, str]
    paragraphs: int
    plans: tuple[PlanHits, ...]
    """The first MAX_PLANS plans that use the entry."""
    more_plans: int
    dots: tuple[Dot, ...]
    period_plans: tuple[ParsedPlan, ...]
    """For a period: the plans of the edition written for it."""
    same_as_plan: ParsedPlan | None
    """For a document: the plan of this edition it names, if any."""

    @property
    def plan_count(self) -> int:
        return len(self.entry.plan_ids)


@dataclass(frozen=True)
class KindSection:
    kind: str
    zh: str
    en: str
    entries: tuple[EntryView, ...]


@dataclass(frozen=True)
class EntriesPage:
    """A few entries of one kind with their charts and plans: ``vocabulary/<kind>-<n>.md`` (present/paging.py)."""

    section: KindSection
    number: int
    entries: tuple[EntryView, ...]

    @property
    def slug(self) -> str:
        return f"{self.section.kind}-{self.number}"


@dataclass(frozen=True)
class VocabularyPage:
    sections: tuple[KindSection, ...]
    years: tuple[int, int]
    chart_width: int
    chart_height: int

    @property
    def pages(self) -> tuple[EntriesPage, ...]:
        return tuple(
            EntriesPage(section, start // ENTRIES_PER_PAGE + 1, section.entries[start : start + ENTRIES_PER_PAGE])
            for section in self.sections
            for start in range(0, len(section.entries), ENTRIES_PER_PAGE)
        )

    def page_of(self, anchor: str) -> str:
        """The entries page an entry is on."""
        return next(page.slug for page in self.pages if any(view.entry.anchor == anchor for view in page.entries))


def _year(plan: ParsedPlan) -> int:
    return int(plan.meta.date[:4])


def _x(year: int, years: tuple[int, int]) -> float:
    span = max(1, years[1] - years[0])
    return round(CHART_PAD + (year - years[0]) * (CHART_WIDTH - 2 * CHART_PAD) / span, 1)


def _title_key(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def entry_view(edition: Edition, entry: VocabularyEntry, years: tuple[int, int]) -> EntryView:
    counts = entry.paragraph_counts
    hits = []
    for plan_id in entry.plan_ids[:MAX_PLANS]:
        seen = dict.fromkeys(o.block_id for o in entry.occurrences if o.plan_id == plan_id)
        hits.append(
            PlanHits(
                edition.plan(plan_id),
                tuple(
                    (block_id.split("/", 1)[1], urls.block_link(edition, block_id, VOCABULARY_PAGE))
                    for block_id in list(seen)[:MAX_LINKS]
                ),
                max(0, len(seen) - MAX_LINKS),
            )
        )
    per_year: dict[int, list[ParsedPlan]] = {}
    for plan in edition.plans:
        per_year.setdefault(_year(plan), []).append(plan)
    dots = []
    for year, plans in sorted(per_year.items()):
        count = sum(counts.get(plan.meta.id, 0) for plan in plans)
        names = ", ".join(labels.region_period(plan.meta, "en") for plan in plans[:3])
        if len(plans) > 3:  # a year of a large edition has many plans: the title names a few
            names += f" and {len(plans) - 3} more"
        dots.append(
            Dot(
                _x(year, years),
                round(min(9.0, 3 + 2 * sqrt(count)), 1) if count else 2.0,
                year,
                count,
                f"{year}: {names}: {count} paragraph{'s' if count != 1 else ''}",
            )
        )
    first = entry.first
    same = next(
        (
            plan
            for plan in edition.plans
            if entry.kind == "document" and _title_key(plan.meta.title_zh) in _title_key(entry.key)
        ),
        None,
    )
    return EntryView(
        entry,
        edition.plan(first.plan_id),
        (
            first.block_id.split("/", 1)[1],
            urls.block_link(edition, first.block_id, VOCABULARY_PAGE),
        ),
        sum(counts.values()),
        tuple(hits),
        max(0, len(entry.plan_ids) - MAX_PLANS),
        tuple(dots),
        edition.plans_of_period(entry.years) if entry.kind == "period" else (),
        same,
    )


def vocabulary_page(edition: Edition) -> VocabularyPage:
    plan_years = [_year(plan) for plan in edition.plans] or [0]
    years = (min(plan_years), max(plan_years))
    sections = []
    for kind in VOCABULARY_KINDS:
        entries = tuple(entry_view(edition, entry, years) for entry in edition.vocabulary if entry.kind == kind)
        if entries:
            sections.append(KindSection(kind, *KIND_TITLES[kind], entries))
    return VocabularyPage(tuple(sections), years, CHART_WIDTH, CHART_HEIGHT)
