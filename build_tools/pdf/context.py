"""Typed contexts of the PDF templates, built from the edition: what each template may use, nothing more."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from build_tools.model import Block, BlockText, Edition, EditionMeta, ParsedPlan, PlanStatus
from build_tools.present import labels, urls

KEEP_LINES = 14
"""A block estimated at up to this many printed lines is kept on one page (Chinese with its English)."""


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
    keep: bool
    """Short enough to keep Chinese and English together on one page; a long block may break inside."""


@dataclass(frozen=True)
class PlanDoc:
    plan: ParsedPlan
    html_id: str
    short_title: str
    """Running header: region, period and status, e.g. ``河南 Henan 2017–2020 · 已到期 Expired``."""
    standing: PlanStatus
    """In force, expired, draft or internal on the edition date (build_tools.enrich.plan_status)."""
    url: str
    """The plan's web page (``site_url`` + path), a site-relative path when no site_url is set."""
    status: str
    doc_type: str
    blocks: tuple[PdfBlock, ...]
    contents: tuple[PdfBlock, ...]
    """The headings listed in the plan's table of contents."""


@dataclass(frozen=True)
class EditionDoc:
    meta: EditionMeta
    plans: tuple[PlanDoc, ...]


def html_id(block: Block) -> str:
    return f"{block.id.split('/', 1)[0]}--{block.anchor}"


def fits_on_a_page(block: Block, text: BlockText) -> bool:
    """Rough printed height: ~38 Chinese characters and ~75 English characters a line."""
    return len(block.display) / 38 + len(text.en) / 75 + 2 <= KEEP_LINES


def _pdf_block(block: Block, text: BlockText) -> PdfBlock:
    heading = block.kind in ("heading", "box")
    tag = f"h{min(6, block.level + 1)}" if heading else ""
    english = f" {text.en}" if text.en else ""
    lang = "zh-Hant" if text.script == "hant" else "zh-Hans"
    bookmark = f"{block.display}{english}"
    return PdfBlock(
        block, text, html_id(block), block.id.split("/", 1)[1], tag, bookmark, lang, fits_on_a_page(block, text)
    )


def plan_doc(edition: Edition, plan: ParsedPlan, site_url: str = "") -> PlanDoc:
    blocks = tuple(_pdf_block(block, edition.bilingual.blocks[block.id]) for block in plan.blocks)
    contents = tuple(item for item in blocks if labels.in_contents(item.block))
    standing = edition.statuses[plan.meta.id]
    return PlanDoc(
        plan=plan,
        html_id=f"plan-{plan.meta.id}",
        short_title=labels.running_title(plan.meta, standing),
        standing=standing,
        url=urls.absolute(site_url, urls.plan_page(plan.meta.id)),
        status=labels.document_status(plan.meta),
        doc_type=labels.doc_type(plan.meta),
        blocks=blocks,
        contents=contents,
    )


def edition_doc(edition: Edition, site_url: str = "", plan_ids: Sequence[str] = ()) -> EditionDoc:
    """Every plan, or (a volume) the plans named, in that order."""
    plans = [edition.plan(plan_id) for plan_id in plan_ids] if plan_ids else edition.plans
    return EditionDoc(edition.meta, tuple(plan_doc(edition, plan, site_url) for plan in plans))
