"""Which pairs of plans are compared: every pair for a small edition, else the pairs chosen by rule.

The rules live in ``across/compare.yml``: a plan and its predecessor in the same region, and a
regional plan and the national plan nearest to it in date. Pairs are (earlier, later) by edition order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from build_tools.model import PairRules, ParsedPlan, PlanPair


def choose_pairs(plans: Sequence[ParsedPlan], rules: PairRules) -> tuple[PlanPair, ...]:
    """The compared pairs in edition order (``plans`` are in edition order)."""
    position = {plan.meta.id: index for index, plan in enumerate(plans)}
    reasons: dict[tuple[str, str], list[str]] = {}

    def add(a: ParsedPlan, b: ParsedPlan, reason: str) -> None:
        left, right = sorted((a.meta.id, b.meta.id), key=position.__getitem__)
        reasons.setdefault((left, right), []).append(reason)

    if len(plans) <= rules.every_pair_up_to:
        for a, b in combinations(plans, 2):
            add(a, b, "all")
    national = [plan for plan in plans if plan.meta.region_en == rules.national_region_en]
    last_in_region: dict[str, ParsedPlan] = {}
    for plan in plans:
        region = plan.meta.region_en
        if rules.predecessor and region in last_in_region:
            add(last_in_region[region], plan, "predecessor")
        last_in_region[region] = plan
        if rules.national and national and region != rules.national_region_en:
            earlier = [n for n in national if position[n.meta.id] < position[plan.meta.id]]
            add(earlier[-1] if earlier else national[0], plan, "national")
    by_id = {plan.meta.id: plan for plan in plans}
    return tuple(
        PlanPair(by_id[left], by_id[right], tuple(dict.fromkeys(why)))
        for (left, right), why in sorted(reasons.items(), key=lambda item: tuple(map(position.get, item[0])))
    )
