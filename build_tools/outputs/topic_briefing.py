"""The typed context of a topic briefing PDF: summary, targets, ranked excerpts, passing mentions.

What to say comes from ``build_tools.enrich.topic_brief`` (shared with the topic page); this module
adds what print needs: the blocks as the PDF prints them, citations with their web address, and the
matched terms cut out for highlighting in Chinese and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.enrich.topic_brief import english_needles, topic_brief
from build_tools.model import Block, BriefPlan, Edition, EditionMeta, Relevance, TargetLine, Topic, TopicBrief
from build_tools.outputs.pdf_context import PdfBlock, PlanDoc, plan_doc
from build_tools.present.trails import trail
from build_tools.present.urls import block_address

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


def zh_spans(edition: Edition, block: Block, topic_id: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in edition.topics.matches_of(block.id) if m.topic_id == topic_id]


def en_spans(text: str, needles: tuple[str, ...], word_forms: bool = False) -> list[tuple[int, int]]:
    """Where the needles occur as whole words; with ``word_forms`` also as the start of a longer word (robotics)."""
    if not needles or not text:
        return []
    end = r"\w*" if word_forms else r"\b"
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(needle) for needle in needles) + r")" + end, re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


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


def english_clause(en: str, needles: tuple[str, ...], zh_share: float) -> Segments:
    """The English sentence (to ``.``, ``;`` or ``:``) that holds the first highlighted term.

    Where the English has none of the terms, the sentence as far into the paragraph as the Chinese
    clause is (``zh_share``, 0–1): the translation keeps the order of the Chinese.
    """
    if not en:
        return ()
    spans = en_spans(en, needles, word_forms=True)
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
    brief = topic_brief(edition, topic)
    docs = {row.plan.meta.id: plan_doc(edition, row.plan, site_url) for row in brief.plans}
    items = {item.block.id: item for doc in docs.values() for item in doc.blocks}

    def plan_of(block_id: str) -> PlanDoc:
        return docs[block_id.split("/", 1)[0]]

    excerpts = []
    for scored in brief.excerpts:
        block = scored.block
        item = items[block.id]
        matched = {m.term for m in edition.topics.matches_of(block.id) if m.topic_id == topic.id}
        needles = english_needles(edition, topic, matched)
        excerpts.append(
            TopicExcerpt(
                item,
                plan_of(block.id),
                trail(plan_of(block.id).plan, block),
                block_address(edition, block.id, site_url),
                cut(block.display, zh_spans(edition, block, topic.id)),
                cut(item.text.en, en_spans(item.text.en, needles)),
                scored,
            )
        )
    mentions = []
    for scored in brief.mentions:
        block = scored.block
        hits = zh_spans(edition, block, topic.id)
        text, spans = clause(block.display, hits)
        matched = {m.term for m in edition.topics.matches_of(block.id) if m.topic_id == topic.id}
        english = edition.bilingual.blocks[block.id].en
        share = min(hits)[0] / max(1, len(block.display)) if hits else 0.0
        mentions.append(
            Mention(
                block,
                plan_of(block.id),
                trail(plan_of(block.id).plan, block),
                block_address(edition, block.id, site_url),
                cut(text, spans),
                english_clause(english, english_needles(edition, topic, matched), share),
            )
        )
    targets = tuple(
        TargetRow(
            line,
            plan_of(line.block_id),
            line.block_id.split("/", 1)[1],
            block_address(edition, line.block_id, site_url),
        )
        for line in brief.targets
    )
    return TopicBriefingDoc(
        meta=edition.meta,
        title_zh=f"专题简报：{topic.zh}",
        title_en=f"Topic briefing: {topic.en}",
        brief=brief,
        plans=tuple(PlanRow(docs[row.plan.meta.id], row) for row in brief.plans),
        targets=targets,
        excerpts=tuple(excerpts),
        mentions=tuple(mentions),
        keywords=", ".join((topic.zh, topic.en, *topic.terms)),
    )
