"""The typed context of a topic briefing PDF: summary, targets, ranked excerpts, passing mentions.

What to say comes from ``build_tools.enrich.topic_brief`` (shared with the topic page); this module
adds what print needs: the blocks as the PDF prints them, citations with their web address, and the
matched terms cut out for highlighting in Chinese and English.

A briefing stays a briefing at any corpus size: it lists at most ``BRIEFING_PLANS`` plans, ``BRIEFING_TARGETS``
targets, ``BRIEFING_EXCERPTS`` paragraphs and ``BRIEFING_MENTIONS`` passing mentions, and says how many it left
out, linking the topic's page online, which lists them all (split by plans, present/paging.py). The bounds are above
the largest counts of the five real plans (5 plans, 4 targets, 9 paragraphs, 23 mentions), so their briefings print
everything, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.model import Block, BriefPlan, Edition, EditionMeta, Relevance, TargetLine, Topic, TopicBrief
from build_tools.pdf.context import PdfBlock, PlanDoc, plan_doc
from build_tools.present import urls
from build_tools.present.trails import trail
from build_tools.present.urls import block_address

BRIEFING_PLANS = 12
"""Plans in the summary table at most: those with the most paragraphs on the topic (newer first on a tie),
printed in edition order."""
BRIEFING_TARGETS = 12
"""Targets in the summary at most: those of the most recently issued plans (a reader wants what is still to come)."""
BRIEFING_EXCERPTS = 10
"""Paragraphs about the topic quoted in full at most, best first (up to a page each: at 50 plans, 15 made a 19-page
briefing)."""
BRIEFING_MENTIONS = 30
"""Passing mentions at most: one per plan in turn, newest plans first, so that many plans are heard; printed in
edition order."""

Segments = tuple[tuple[str, bool], ...]
"""A text cut into (stretch, highlighted) pieces."""
CLAUSE = re.compile(r"[，。；：,;:！？]")


@dataclass(frozen=True)
class PlanRow:
    doc: PlanDoc
    brief: BriefPlan


@dataclass(frozen=True)
class TargetRow:
    line: TargetLine
    plan: PlanDoc
    short_id: str
    url: str


@dataclass(frozen=True)
class TopicExcerpt:
    item: PdfBlock
    plan: PlanDoc
    trail: str
    url: str
    zh: Segments
    en: Segments
    relevance: Relevance


@dataclass(frozen=True)
class Mention:
    block: Block
    plan: PlanDoc
    trail: str
    url: str
    clause: Segments
    """The clause that names the topic (or the heading), terms highlighted."""
    clause_en: Segments
    """The English sentence that renders it (empty when untranslated), terms highlighted."""


@dataclass(frozen=True)
class TopicBriefingDoc:
    meta: EditionMeta
    title_zh: str
    title_en: str
    brief: TopicBrief
    plans: tuple[PlanRow, ...]
    targets: tuple[TargetRow, ...]
    excerpts: tuple[TopicExcerpt, ...]
    mentions: tuple[Mention, ...]
    keywords: str
    """PDF keywords: the topic's names and signal terms."""
    topic_url: str
    """The topic's page online (``site_url`` + path, or the path alone): it lists what the briefing leaves out."""
    plans_left: int
    plans_left_paragraphs: int
    targets_left: int
    excerpts_left: int
    mentions_left: int


def most_paragraphs(rows: tuple[BriefPlan, ...], limit: int) -> tuple[BriefPlan, ...]:
    """The ``limit`` plans with most paragraphs (the later plan first on a tie), in their order."""
    ranked = sorted(range(len(rows)), key=lambda index: (-rows[index].paragraphs, -index))[:limit]
    return tuple(rows[index] for index in sorted(ranked))


def newest_targets(lines: tuple[TargetLine, ...], position: dict[str, int], limit: int) -> tuple[TargetLine, ...]:
    """The ``limit`` targets of the most recently issued plans (``position``: plan id -> place in edition order)."""
    ranked = sorted(range(len(lines)), key=lambda index: (-position[lines[index].plan_id], index))[:limit]
    return tuple(lines[index] for index in sorted(ranked))


def plans_in_turn(items: tuple[Relevance, ...], position: dict[str, int], limit: int) -> tuple[Relevance, ...]:
    """At most ``limit`` items, one per plan in turn (newest plan first, each plan's in order), in their order."""
    queues: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        queues.setdefault(item.block.id.split("/", 1)[0], []).append(index)
    turn = sorted(queues, key=lambda plan_id: -position[plan_id])
    chosen: list[int] = []
    while len(chosen) < limit and turn:
        for plan_id in turn:
            if len(chosen) < limit and queues[plan_id]:
                chosen.append(queues[plan_id].pop(0))
        turn = [plan_id for plan_id in turn if queues[plan_id]]
    return tuple(items[index] for index in sorted(chosen))


def cut(text: str, spans: list[tuple[int, int]]) -> Segments:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return tuple(pieces)


def clause(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The clause around the first hit (between punctuation), with the hits inside it re-based."""
    if not spans:
        return text, []
    first = min(spans)[0]
    starts = [match.end() for match in CLAUSE.finditer(text, 0, first)]
    start = starts[-1] if starts else 0
    after = CLAUSE.search(text, max(end for begin, end in spans if begin == first))
    end = after.end() if after else len(text)
    inside = [(begin - start, stop - start) for begin, stop in spans if begin >= start and stop <= end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + text[start:end] + suffix, [(begin + len(prefix), stop + len(prefix)) for begin, stop in inside]


SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
CLAUSE_END = re.compile(r"(?<=[,;:.!?])\s+")
LONG_SENTENCE = 240
"""Characters: an English sentence longer than this is cut down to the clauses around the term."""


def _around(
    text: str, ends: re.Pattern[str], position: int, lo: int = 0, hi: int = -1, least: int = 0
) -> tuple[int, int]:
    """The piece of ``text[lo:hi]`` between two ``ends`` that holds ``position``, widened to ``least`` characters."""
    hi = len(text) if hi < 0 else hi
    bounds = [lo, *(match.end() for match in ends.finditer(text, lo, hi)), hi]
    index = max(i for i, bound in enumerate(bounds[:-1]) if bound <= position)
    first, last = index, index + 1
    while bounds[last] - bounds[first] < least and (first > 0 or last < len(bounds) - 1):
        if last < len(bounds) - 1:
            last += 1
        if bounds[last] - bounds[first] < least and first > 0:
            first -= 1
    return bounds[first], bounds[last]


def english_clause(en: str, spans: list[tuple[int, int]], zh_share: float) -> Segments:
    """The English sentence (to ``.``, ``;`` or ``:``) that holds the first highlighted term (``spans``).

    Where the English has none of the terms, the sentence as far into the paragraph as the Chinese
    clause is (``zh_share``, 0–1): the translation keeps the order of the Chinese.
    """
    if not en:
        return ()
    first = spans[0][0] if spans else int(zh_share * len(en))
    start, end = _around(en, SENTENCE_END, first)
    if end - start > LONG_SENTENCE:  # a whole long sentence is no compact citation: the clauses around the term
        start, end = _around(en, CLAUSE_END, first, start, end, LONG_SENTENCE // 2)
    inside = [(begin - start, stop - start) for begin, stop in spans if begin >= start and stop <= end]
    text = en[start:end].strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(en) else ""
    return cut(prefix + text + suffix, [(begin + len(prefix), stop + len(prefix)) for begin, stop in inside])


def topic_briefing_doc(edition: Edition, topic: Topic, site_url: str = "") -> TopicBriefingDoc:
    brief = edition.briefs[topic.id]
    position = {plan.meta.id: number for number, plan in enumerate(edition.plans)}
    rows = most_paragraphs(brief.plans, BRIEFING_PLANS)
    lines = newest_targets(brief.targets, position, BRIEFING_TARGETS)
    quoted = brief.excerpts[:BRIEFING_EXCERPTS]
    passing = plans_in_turn(brief.mentions, position, BRIEFING_MENTIONS)
    # Only the plans printed: a plan's PdfBlocks are the whole plan, and a large topic speaks of hundreds of plans.
    shown = {row.plan.meta.id for row in rows} | {line.plan_id for line in lines}
    shown |= {item.block.id.split("/", 1)[0] for item in (*quoted, *passing)}
    docs = {plan.meta.id: plan_doc(edition, plan, site_url) for plan in edition.plans if plan.meta.id in shown}
    items = {item.block.id: item for doc in docs.values() for item in doc.blocks}

    def plan_of(block_id: str) -> PlanDoc:
        return docs[block_id.split("/", 1)[0]]

    excerpts = []
    for scored in quoted:
        block = scored.block
        item = items[block.id]
        marks = edition.highlights[(topic.id, block.id)]
        excerpts.append(
            TopicExcerpt(
                item,
                plan_of(block.id),
                trail(plan_of(block.id).plan, block),
                block_address(edition, block.id, site_url),
                cut(block.display, list(marks.zh)),
                cut(item.text.en, list(marks.en)),
                scored,
            )
        )
    mentions = []
    for scored in passing:
        block = scored.block
        marks = edition.highlights[(topic.id, block.id)]
        hits = list(marks.zh)
        text, spans = clause(block.display, hits)
        english = edition.bilingual.blocks[block.id].en
        share = min(hits)[0] / max(1, len(block.display)) if hits else 0.0
        mentions.append(
            Mention(
                block,
                plan_of(block.id),
                trail(plan_of(block.id).plan, block),
                block_address(edition, block.id, site_url),
                cut(text, spans),
                english_clause(english, list(marks.en), share),
            )
        )
    targets = tuple(
        TargetRow(
            line,
            plan_of(line.block_id),
            line.block_id.split("/", 1)[1],
            block_address(edition, line.block_id, site_url),
        )
        for line in lines
    )
    return TopicBriefingDoc(
        meta=edition.meta,
        title_zh=f"专题简报：{topic.zh}",
        title_en=f"Topic briefing: {topic.en}",
        brief=brief,
        plans=tuple(PlanRow(docs[row.plan.meta.id], row) for row in rows),
        targets=targets,
        excerpts=tuple(excerpts),
        mentions=tuple(mentions),
        keywords=", ".join((topic.zh, topic.en, *topic.terms)),
        topic_url=urls.absolute(site_url, urls.topic_page(topic.id)),
        plans_left=len(brief.plans) - len(rows),
        plans_left_paragraphs=brief.paragraphs - sum(row.paragraphs for row in rows),
        targets_left=len(brief.targets) - len(lines),
        excerpts_left=len(brief.excerpts) - len(quoted),
        mentions_left=len(brief.mentions) - len(passing),
    )
