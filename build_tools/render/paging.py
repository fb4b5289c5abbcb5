"""How pages stay readable at any corpus size: lists that grow with the plans are cut into pages.

Every list of occurrences (a topic's paragraphs, a term's or a vocabulary item's plans, the
timeline's entries, the targets) grows with the number of plans; an overview page keeps a
summary (counts, one line per page or plan) and links to pages that each hold a bounded share.
The bounds are here, in one place; `benchmarks/page_sizes.py` measures the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import ParsedPlan

NAV_PLANS_UP_TO = 12
"""Up to this many plans the navigation (and the home page) lists every plan and its parts; beyond it,
the navigation links the plans index (plans/index.md) and every comparison is reached from compare.md,
so the navigation every page carries stays the same size whatever the corpus."""

NAV_COMPARE_UP_TO = 20
"""Up to this many comparison pages the navigation lists each (5 plans: 10 pairs)."""

NOTES_PER_PARAGRAPH = 4
"""Shared-wording notes shown under a paragraph (a stock phrase may recur in many plans); the rest are
counted and on the shared-wording pages."""

PLANS_PER_PAGE = 10
"""Plans whose occurrences share one page (a topic's paragraphs, the targets)."""


@dataclass(frozen=True)
class PlanBatch:
    """Consecutive plans (in the edition's date order) whose occurrences share one page."""

    number: int
    """1-based; the page is ``<list>/<number>.md``."""
    plans: tuple[ParsedPlan, ...]

    @property
    def slug(self) -> str:
        return f"plans-{self.number}"

    @property
    def label(self) -> str:
        """``11–20 (2016–2021)``: the plans' positions and the issue years they span."""
        start = (self.number - 1) * PLANS_PER_PAGE + 1
        years = [plan.meta.date[:4] for plan in self.plans]
        span = years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        return f"{start}–{start + len(self.plans) - 1} ({span})"


def plan_batches(plans: tuple[ParsedPlan, ...] | list[ParsedPlan]) -> tuple[PlanBatch, ...]:
    """The plans cut into batches of PLANS_PER_PAGE, in their order."""
    plans = tuple(plans)
    return tuple(
        PlanBatch(number // PLANS_PER_PAGE + 1, plans[number : number + PLANS_PER_PAGE])
        for number in range(0, len(plans), PLANS_PER_PAGE)
    )


def batch_of(batches: tuple[PlanBatch, ...]) -> dict[str, PlanBatch]:
    """Plan id -> its batch."""
    return {plan.meta.id: batch for batch in batches for plan in batch.plans}
