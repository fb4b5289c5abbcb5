"""What a topic briefing says first: the plans that speak of the topic, their standing, the targets
and years they state, then their paragraphs ranked from "about the topic" to "names it in passing".

Ranking (``Relevance``): a paragraph is *substantive* when a heading above it names the topic (the
whole section is about it), when it opens with the topic (a list item such as ``工业机器人：…``),
or when the topic's terms are dense in it (at least ``DENSE`` hits per 100 characters). Its score is
``3·heading + 2·lead + density`` (density = hits per 100 characters); substantive paragraphs are
quoted in full, best first, and the others are listed at the end as citations with the clause that
mentions the topic. Headings are never quoted: they show in the trail above their paragraphs.
Shared by the topic page (its summary block) and the topic PDF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from build_tools.model import (
    Block,
    BriefPlan,
    Edition,
    ParsedPlan,
    Relevance,
    Target,
    TargetLine,
    TargetWords,
    Topic,
    TopicBrief,
    headings_above,
)

LEAD = 12
"""A paragraph whose first hit starts within this many characters opens with the topic."""


def _topic_hits(edition: Edition, block_id: str, topic_id: str) -> list[int]:
    return [match.start for match in edition.topics.matches_of(block_id) if match.topic_id == topic_id]


def relevance(
    edition: Edition, plan: ParsedPlan, block: Block, topic_id: str, by_id: Mapping[str, Block] | None = None
) -> Relevance:
    hits = _topic_hits(edition, block.id, topic_id)
    above = headings_above(plan, block, by_id)
    heading = any(topic_id in edition.topics.topics_of(item.id) for item in above)
    density = round(100 * len(hits) / max(1, len(block.display)), 2)
    return Relevance(block, len(hits), density, heading, bool(hits) and min(hits) < LEAD)


def english_amount(value: float | None, unit: str, words: TargetWords, value_high: float | None = None) -> str:
    """``2``, ``万台`` -> ``20,000 units``; ``3500``, ``亿元`` -> ``350 billion yuan``; ``5``–``10``, ``年`` ->
    ``5–10 years``; blank -> ``**``."""
    spec = words.units.get(unit)
    if spec is None or value is None:
        return f"** {unit}" if value is None else f"{value:g} {unit}"
    factor, name = spec
    low, low_name = _scaled(value * factor, factor)
    if value_high is not None:  # a range (5～10年): both ends, the unit once if both ends share it
        high, high_name = _scaled(value_high * factor, factor)
        number = f"{low}–{high}" if low_name == high_name else f"{low} {low_name}–{high}"
        return _with_unit(number, f"{high_name} {name}".strip())
    # "1 firm", not "1 firms" (the units' English are plurals in -s)
    if low == "1" and name.endswith("s") and not low_name:
        name = name[:-1]
    return _with_unit(low, f"{low_name} {name}".strip())


def _scaled(amount: float, factor: float) -> tuple[str, str]:
    """An amount as printed in English: ``350``, ``billion`` for 3.5e11 of a unit worth more than one."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size and factor > 1:
            return f"{amount / size:,.2f}".rstrip("0").rstrip("."), word
    return f"{amount:,.2f}".rstrip("0").rstrip("."), ""


def _with_unit(number: str, name: str) -> str:
    return number + name if name == "%" else f"{number} {name}".strip()


def english_clause(english: str, value_en: str, occurrence: int = 0) -> str:
    """The clause of the translation that states the amount (found by its figure), or ``""``.

    A stop-gap for the English metric until targets carry their own English: the comma- or
    semicolon-delimited clause around the figure's ``occurrence``-th appearance (a block stating two
    targets of 10 names the second in its second "10").
    """
    figure = value_en.split(" ")[0].rstrip("%")
    if not figure or figure == "**":
        return ""
    for candidate in dict.fromkeys((figure, figure.replace(",", ""))):
        hits = list(re.finditer(rf"(?<![\d,.]){re.escape(candidate)}(?![\d])", english))
        if hits:
            found = hits[min(occurrence, len(hits) - 1)]
            starts = [match.end() for match in re.finditer(r"[,;:.](?=\s)", english[: found.start()])]
            start = starts[-1] if starts else 0
            end_match = re.search(r"[,;](?=\s)|\.(?=\s|$)", english[found.end() :])
            end = found.end() + end_match.start() if end_match else len(english)
            return english[start:end].strip()
    return ""


def target_line(edition: Edition, target: Target, occurrence: int = 0) -> TargetLine:
    """One targets-table row: the single place that maps a Target to the briefing's columns."""
    qualifier_zh = target.qualifier
    value_zh = target.text.removesuffix(qualifier_zh) if qualifier_zh else target.text
    value_en = english_amount(target.value, target.unit, edition.target_words, target.value_high)
    english = edition.bilingual.blocks[target.block_id].en
    return TargetLine(
        plan_id=target.plan_id,
        block_id=target.block_id,
        year=target.year,
        metric_zh=target.subject or target.metric,
        # the hand-written English subject (translations/en/targets.yml); the translation's clause as a fallback
        metric_en=target.subject_en or english_clause(english, value_en, occurrence),
        value_zh=value_zh,
        value_en=value_en,
        qualifier_zh=qualifier_zh,
        qualifier_en=target.qualifier_en or edition.target_words.qualifiers.get(qualifier_zh, ""),
    )


def _is_text(block: Block) -> bool:
    """A paragraph or list item (quoted), not a heading (shown as the trail above its paragraphs)."""
    return block.kind not in ("heading", "box", "title")


def topic_brief(edition: Edition, topic: Topic) -> TopicBrief:
    wanted = set(edition.topics.blocks_of(topic.id))
    # Each plan's blocks by id, made once (not per block): at hundreds of plans a topic tags thousands of blocks.
    indexes: dict[str, dict[str, Block]] = {}
    plans, scored = _plans_speaking_of(edition, topic.id, wanted, indexes)
    order = {item.block.id: number for number, item in enumerate(scored)}
    excerpts = _ranked_excerpts(scored, order)
    years = sorted({year for block_id in wanted for year in edition.block_years.get(block_id, ())})
    return TopicBrief(
        topic,
        tuple(plans),
        sum(plan.paragraphs for plan in plans),
        _target_lines(edition, topic.id, order),
        tuple(years),
        tuple(excerpts),
        tuple(_mentions(edition, scored, excerpts, indexes)),
    )


def _plans_speaking_of(
    edition: Edition, topic_id: str, wanted: set[str], indexes: dict[str, dict[str, Block]]
) -> tuple[list[BriefPlan], list[Relevance]]:
    """The plans with blocks tagged with the topic, and those blocks scored (filling ``indexes``)."""
    plans, scored = [], []
    for plan in edition.plans:
        tagged = [block for block in plan.blocks if block.id in wanted]
        if not tagged:
            continue
        by_id = indexes[plan.meta.id] = {block.id: block for block in plan.blocks}
        paragraphs = [block for block in tagged if _is_text(block)]
        plans.append(BriefPlan(plan, edition.statuses[plan.meta.id], len(paragraphs)))
        scored += [relevance(edition, plan, block, topic_id, by_id) for block in tagged]
    return plans, scored


def _ranked_excerpts(scored: list[Relevance], order: dict[str, int]) -> list[Relevance]:
    """The substantive paragraphs, best first (ties in reading order)."""
    text = [item for item in scored if _is_text(item.block)]
    return sorted((item for item in text if item.substantive), key=lambda item: (-item.score, order[item.block.id]))


def _mentions(
    edition: Edition, scored: list[Relevance], excerpts: list[Relevance], indexes: dict[str, dict[str, Block]]
) -> list[Relevance]:
    """Paragraphs that name the topic in passing, and headings not already shown above a quoted excerpt."""
    shown_under: set[str] = set()
    for item in excerpts:
        plan_id = item.block.id.split("/", 1)[0]
        shown_under |= {above.id for above in headings_above(edition.plan(plan_id), item.block, indexes[plan_id])}
    return [
        item
        for item in scored
        if (_is_text(item.block) and not item.substantive)
        or (not _is_text(item.block) and item.block.id not in shown_under)
    ]


def _target_lines(edition: Edition, topic_id: str, order: dict[str, int]) -> tuple[TargetLine, ...]:
    """The topic's targets, by year, then in reading order."""
    lines, seen = [], {}
    for target in edition.targets:
        if topic_id in target.topics:  # the target's own topics (from its subject), not its paragraph's
            key = (target.block_id, target.value)
            lines.append(target_line(edition, target, seen.get(key, 0)))
            seen[key] = seen.get(key, 0) + 1
    return tuple(sorted(lines, key=lambda line: (line.year, order.get(line.block_id, len(order)), line.block_id)))
