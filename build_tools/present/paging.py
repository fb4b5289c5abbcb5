"""How pages stay readable at any corpus size: lists that grow with the plans are cut into pages.

Every list of occurrences (a topic's paragraphs, a term's or a vocabulary item's plans, the
timeline's entries, the targets) grows with the number of plans; an overview page keeps a
summary (counts, one line per page or plan) and links to pages that each hold a bounded share.
The bounds are here, in one place; `benchmarks/page_sizes.py` measures the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from build_tools.model import ParsedPlan

NAV_PLANS_UP_TO = 12
"""Up to this many plans the navigation (and the home page) lists every plan and its parts; beyond it,
the navigation links the plans index (plans/index.md) and every comparison is reached from compare.md,
so the navigation every page carries stays the same size whatever the corpus."""

NAV_COMPARE_UP_TO = 20
"""Up to this many comparison pages the navigation lists each (5 plans: 10 pairs)."""

NOTES_PER_PARAGRAPH = 3
"""Shared-wording notes shown under a paragraph (a stock phrase may recur in many plans); the rest are
counted and on the shared-wording pages."""

PLANS_PER_PAGE = 10
"""Plans whose occurrences share one page at most (a topic's paragraphs, the timeline, the targets); a list is
cut into such pages once the edition has more plans than this."""

EXCERPTS_PER_PAGE = 60
"""A topic's paragraphs per page, at most (unless one plan alone has more)."""
TIMELINE_ENTRIES_PER_PAGE = 300
TARGETS_PER_PAGE = 100


@dataclass(frozen=True)
class PlanBatch:
    """Consecutive plans (in the edition's date order) whose occurrences share one page."""

    number: int
    """1-based; the page is ``<list>/plans-<number>.md``."""
    plans: tuple[ParsedPlan, ...]
    first: int = 1
    """Position (1-based) of the batch's first plan among the plans listed."""

    @property
    def slug(self) -> str:
        return f"plans-{self.number}"

    @property
    def label(self) -> str:
        """``11–20 (2016–2021)``: the plans' positions and the issue years they span."""
        years = [plan.meta.date[:4] for plan in self.plans]
        span = years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        last = self.first + len(self.plans) - 1
        return f"{self.first}–{last} ({span})" if last != self.first else f"{self.first} ({span})"


def _cut(
    plans: tuple[ParsedPlan, ...] | list[ParsedPlan],
    most: int,
    weight: Callable[[ParsedPlan], int] | None = None,
    budget: int = 0,
) -> list[tuple[ParsedPlan, ...]]:
    """The plans in their order, cut before a plan that would make a share hold more than ``most`` plans or
    (with ``weight``) take its items over ``budget`` (a plan heavier than the budget stands alone)."""
    shares: list[tuple[ParsedPlan, ...]] = []
    current: list[ParsedPlan] = []
    load = 0
    for plan in plans:
        items = weight(plan) if weight else 0
        if current and (len(current) == most or (budget and load + items > budget)):
            shares.append(tuple(current))
            current, load = [], 0
        current.append(plan)
        load += items
    if current:
        shares.append(tuple(current))
    return shares


def plan_batches(
    plans: tuple[ParsedPlan, ...] | list[ParsedPlan], weight: Callable[[ParsedPlan], int] | None = None, budget: int = 0
) -> tuple[PlanBatch, ...]:
    """The plans cut into batches, in their order: at most PLANS_PER_PAGE plans, and (with ``weight``) a new
    batch before a plan that would take the batch's items over ``budget`` (a plan heavier than it stands alone)."""
    batches: list[PlanBatch] = []
    first = 1
    for share in _cut(plans, PLANS_PER_PAGE, weight, budget):
        batches.append(PlanBatch(len(batches) + 1, share, first))
        first += len(share)
    return tuple(batches)


VIEW_PLANS_UP_TO = 12
"""The whole-edition views (the timeline chart, the heat map, the plan × topic matrix) draw a lane or column
per plan up to this many plans; beyond, one per plan period, counting its plans and linking to them (the
per-plan detail is on the pages split by plans), so the views stay one legible page at any corpus size."""

SHARED_NOTES_PER_PAGE = 100
"""Shared clauses listed on one page of a plan's shared wording; a plan that shares more has its pairs
summarised (counts, links) on ``shared-wording/<plan-id>.md`` and the clauses on numbered pages after it."""

COMPARE_PAIRS_PER_PAGE = 100
"""Comparisons listed on compare.md; beyond, compare.md counts them by page and ``compare/pairs-<n>.md`` list them."""


@dataclass(frozen=True)
class PlanGroup:
    """The plans covering one period: a lane or column of a whole-edition view in a large edition."""

    period: tuple[int, int]
    plans: tuple[ParsedPlan, ...]

    @property
    def anchor(self) -> str:
        """The period's section of the plans index (plans-index.md.jinja)."""
        return f"period-{self.period[0]}-{self.period[1]}"

    @property
    def label(self) -> str:
        return f"{self.period[0]}–{self.period[1]}"


def plan_groups(plans: tuple[ParsedPlan, ...] | list[ParsedPlan]) -> tuple[PlanGroup, ...]:
    """The plans by the period they cover, earliest first; each group's plans in the order given."""
    periods: dict[tuple[int, int], list[ParsedPlan]] = {}
    for plan in plans:
        periods.setdefault(tuple(plan.meta.period), []).append(plan)
    return tuple(PlanGroup(period, tuple(members)) for period, members in sorted(periods.items()))


VOLUME_TEXT = 800_000
"""Characters (Chinese and English) of the plans one volume of the whole-edition PDF holds at most. Beyond
VIEW_PLANS_UP_TO plans the edition is printed in volumes (``plan_volumes``), because WeasyPrint lays out a whole
document in memory: the five real plans in one PDF (324,000 characters, 148 pages) take 30 s and peak at 290 MB,
one plan (61,000 characters) 190 MB, so a volume of this weight stays near 500 MB in each rendering worker
(two on these cores). A volume also holds at most VIEW_PLANS_UP_TO plans, as the single whole-edition PDF does."""


@dataclass(frozen=True)
class Volume:
    """Plans of one period printed together: a volume of the whole edition beyond VIEW_PLANS_UP_TO plans."""

    number: int
    """1-based among the edition's volumes (periods earliest first)."""
    period: tuple[int, int]
    part: int
    """1-based among the volumes of its period."""
    parts: int
    plans: tuple[ParsedPlan, ...]


def plan_volumes(
    plans: tuple[ParsedPlan, ...] | list[ParsedPlan], weight: Callable[[ParsedPlan], int]
) -> tuple[Volume, ...]:
    """The plans by period (``plan_groups``), a period's plans cut in order into volumes of at most VIEW_PLANS_UP_TO
    plans and VOLUME_TEXT of ``weight`` (a heavier plan stands alone); a period's volumes hold about as many plans each
    (13 plans are 7 + 6, not 12 + 1)."""
    cuts: list[tuple[tuple[int, int], list[tuple[ParsedPlan, ...]]]] = []
    for group in plan_groups(plans):
        size = -(-len(group.plans) // -(-len(group.plans) // VIEW_PLANS_UP_TO))  # balanced: ceil(n / volumes needed)
        cuts.append((group.period, _cut(group.plans, size, weight, VOLUME_TEXT)))
    numbered: list[Volume] = []
    for period, volumes in cuts:
        for part, members in enumerate(volumes, start=1):
            numbered.append(Volume(len(numbered) + 1, period, part, len(volumes), members))
    return tuple(numbered)


# A plan's part is one page while it holds at most ``EditionMeta.part_page_blocks`` blocks (edition.yml; 100 by
# default, 20–2,000): every real part is. A longer part (10,000 one-line paragraphs made one 10 MB page) is cut,
# in reading order, into that many pages of about equal length: ``part-02.md`` keeps the first share and lists the
# others, ``part-02-2.md``, ``part-02-3.md``… hold the rest. A paragraph's page follows from its position in its
# part alone (``part_page_number``), so present/urls.py can name it without rendering anything.


def part_page_count(blocks: int, bound: int) -> int:
    """Pages a part of ``blocks`` blocks is printed on: 1 up to the bound, else as few as hold ``bound`` each."""
    return max(1, -(-blocks // bound))


def part_page_number(position: int, blocks: int, bound: int) -> int:
    """1-based page of the block at ``position`` (0-based) in a part of ``blocks`` blocks: balanced shares (a
    part of 101 blocks with a bound of 100 is 51 + 50, not 100 + 1)."""
    share = -(-blocks // part_page_count(blocks, bound))
    return position // share + 1


def part_page_slug(slug: str, number: int) -> str:
    """File stem of page ``number`` of the part ``slug``: the part's own for the first (its address never
    changes), ``<slug>-<number>`` for a continuation page."""
    return slug if number == 1 else f"{slug}-{number}"


def part_shares(block_ids: tuple[str, ...], bound: int) -> tuple[tuple[str, ...], ...]:
    """The part's blocks cut into its pages, in order (one share when the part fits one page)."""
    shares: list[list[str]] = [[] for _ in range(part_page_count(len(block_ids), bound))]
    for position, block_id in enumerate(block_ids):
        shares[part_page_number(position, len(block_ids), bound) - 1].append(block_id)
    return tuple(tuple(share) for share in shares)
