"""Typed contexts of the PDF templates, built from the edition: what each template may use, nothing more."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_tools.enrich.bilingual import BlockText
from build_tools.model import Block, Edition, EditionMeta, ParsedPlan

STATUS = {"issued": "正式印发 Issued", "draft": "征求意见稿 Draft", "internal": "内部资料 Internal"}
DOC_TYPE = {"plan": "规划 Plan", "action-plan": "行动计划 Action plan", "outline": "纲要 Outline"}
TOC_DEPTH = 3
"""Headings down to this level are listed in a plan's contents (as on the plan's overview page)."""


@dataclass(frozen=True)
class PdfBlock:
    """One block as the PDF prints it."""

    block: Block
    text: BlockText
    html_id: str
    """Unique in the whole edition, so one document can hold every plan and the contents can link to it."""
    short_id: str
    """The id without the plan id (``s2.1/p3``): printed beside the block so a reader can cite it."""
    tag: str
    """``h2``…``h6`` for headings and box headers (h1 is the plan), ``""`` for text blocks."""
    bookmark: str
    """The PDF bookmark of a heading: label, Chinese and English on one line."""
    lang: str
    """``zh-Hans`` or ``zh-Hant``: the script the source is printed in (the PDF prints the source as received)."""


@dataclass(frozen=True)
class PlanDoc:
    plan: ParsedPlan
    html_id: str
    short_title: str
    """Running header: region, period and status, e.g. ``河南 Henan 2017–2020``."""
    status: str
    doc_type: str
    blocks: tuple[PdfBlock, ...]
    contents: tuple[PdfBlock, ...]
    """The headings listed in the plan's table of contents."""


@dataclass(frozen=True)
class EditionDoc:
    meta: EditionMeta
    plans: tuple[PlanDoc, ...]


@dataclass(frozen=True)
class Excerpt:
    """A block quoted in a briefing, with where it comes from."""

    item: PdfBlock
    plan: PlanDoc
    trail: str
    """The headings above the block, e.g. ``二、重点任务 › （一）…``."""
    citation: str


@dataclass(frozen=True)
class BriefingSection:
    """What a caller asks for: a heading in both languages and the blocks to quote, in order."""

    heading_zh: str
    heading_en: str
    block_ids: tuple[str, ...]


@dataclass(frozen=True)
class BriefingPart:
    heading_zh: str
    heading_en: str
    html_id: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class BriefingDoc:
    meta: EditionMeta
    title_zh: str
    title_en: str
    intro_zh: str
    intro_en: str
    parts: tuple[BriefingPart, ...]
    plans: tuple[PlanDoc, ...]
    """The plans quoted, in edition order: listed as sources on the cover."""


def html_id(block: Block) -> str:
    return f"{block.id.split('/', 1)[0]}--{block.anchor}"


def _pdf_block(block: Block, text: BlockText) -> PdfBlock:
    heading = block.kind in ("heading", "box")
    tag = f"h{min(6, block.level + 1)}" if heading else ""
    english = f" {text.en}" if text.en else ""
    lang = "zh-Hant" if text.script == "hant" else "zh-Hans"
    return PdfBlock(block, text, html_id(block), block.id.split("/", 1)[1], tag, f"{block.display}{english}", lang)


def short_title(plan: ParsedPlan) -> str:
    meta = plan.meta
    status = {"draft": " 征求意见稿 draft", "internal": " 内部资料 internal"}.get(meta.status, "")
    return f"{meta.region_zh} {meta.region_en} {meta.period[0]}–{meta.period[1]}{status}"


def plan_doc(edition: Edition, plan: ParsedPlan) -> PlanDoc:
    blocks = tuple(_pdf_block(block, edition.bilingual.blocks[block.id]) for block in plan.blocks)
    contents = tuple(
        item
        for item in blocks
        if item.tag and item.block.zone == "body" and item.block.level <= TOC_DEPTH and not item.block.box
    )
    return PlanDoc(
        plan=plan,
        html_id=f"plan-{plan.meta.id}",
        short_title=short_title(plan),
        status=STATUS.get(plan.meta.status, plan.meta.status),
        doc_type=DOC_TYPE.get(plan.meta.doc_type, plan.meta.doc_type),
        blocks=blocks,
        contents=contents,
    )


def edition_doc(edition: Edition) -> EditionDoc:
    return EditionDoc(edition.meta, tuple(plan_doc(edition, plan) for plan in edition.plans))


def trail(plan: ParsedPlan, block: Block) -> str:
    """Labels and (shortened) titles of the headings from the top down to the block's section."""
    by_id = {item.id: item for item in plan.blocks}
    local = block.section.split("/", 1)[1] if "/" in block.section else ""
    pieces = local.split(".") if local else []
    steps = []
    for depth in range(1, len(pieces) + 1):
        heading = by_id.get(f"{plan.meta.id}/{'.'.join(pieces[:depth])}")
        if heading is not None and heading.id != block.id:
            title = heading.zh if len(heading.zh) <= 16 else heading.zh[:15] + "…"
            steps.append(f"{heading.label}{title}")
    return " › ".join(steps)


def _excerpt(docs: dict[str, PlanDoc], block_id: str) -> Excerpt:
    plan = docs[block_id.split("/", 1)[0]]
    item = next((item for item in plan.blocks if item.block.id == block_id), None)
    if item is None:
        raise KeyError(f"no block {block_id!r} in the edition")
    path = trail(plan.plan, item.block)
    meta = plan.plan.meta
    citation = f"《{meta.title_zh}》 ({meta.title_en}), {path + ', ' if path else ''}¶ {block_id}"
    return Excerpt(item, plan, path, citation)


def briefing_doc(
    edition: Edition,
    title_zh: str,
    title_en: str,
    sections: Sequence[BriefingSection],
    intro_zh: str = "",
    intro_en: str = "",
) -> BriefingDoc:
    """Every block id must exist in the edition (a KeyError names the one that does not)."""
    wanted = {block_id.split("/", 1)[0] for section in sections for block_id in section.block_ids}
    docs = {plan.meta.id: plan_doc(edition, plan) for plan in edition.plans if plan.meta.id in wanted}
    missing = wanted - docs.keys()
    if missing:
        raise KeyError(f"no plan {sorted(missing)[0]!r} in the edition")
    parts = tuple(
        BriefingPart(
            section.heading_zh,
            section.heading_en,
            f"section-{number}",
            tuple(_excerpt(docs, block_id) for block_id in section.block_ids),
        )
        for number, section in enumerate(sections, start=1)
    )
    quoted = tuple(docs[plan.meta.id] for plan in edition.plans if plan.meta.id in docs)
    return BriefingDoc(edition.meta, title_zh, title_en, intro_zh, intro_en, parts, quoted)


def sections_by_plan(edition: Edition, block_ids: Iterable[str]) -> tuple[BriefingSection, ...]:
    """One section per plan (edition order) holding the given blocks of that plan, in reading order."""
    wanted = set(block_ids)
    return tuple(
        BriefingSection(plan.meta.title_zh, plan.meta.title_en, ids)
        for plan in edition.plans
        if (ids := tuple(block.id for block in plan.blocks if block.id in wanted))
    )
