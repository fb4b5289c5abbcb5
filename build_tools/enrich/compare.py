"""Which pairs of plans are compared: every pair for a small edition, else the pairs chosen by rule.

The rules live in ``across/compare.yml``: a plan and its predecessor in the same region, and a
regional plan and the national plan nearest to it in date. Pairs are (earlier, later) by edition order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import PairRules, ParsedPlan, PlanPair
from build_tools.yaml_input import load_yaml


def load_rules(path: Path) -> PairRules:
    data = load_yaml(path, "the comparison rules")
    try:
        return PairRules(
            int(data["every_pair_up_to"]),
            bool(data["rules"]["predecessor"]),
            bool(data["rules"]["national"]),
            str(data["national_region_en"]),
        )
    except (TypeError, KeyError, ValueError) as error:
        raise InputError(path, f"malformed comparison rules ({error!s})") from error


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
