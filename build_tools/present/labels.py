"""How a plan is named and described wherever it appears: short titles, period, issuer, status, contents.

short_title(meta)           河南 Henan 2017–2020         (search results, the PDFs' running header)
nav_title(meta)             … (征求意见稿 Draft)         (the site's navigation: the kind of document)
running_title(meta, status) … · 已到期 Expired           (PDF running header: the standing on the edition date)
status_line(status)         已到期（规划期至2020年） · Expired (its period ended in 2020)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from build_tools.model import Block, PlanMeta, PlanStatus
from build_tools.present import citation

DOCUMENT_STATUS = {
    "issued": ("正式印发", "Issued"),
    "draft": ("征求意见稿", "Draft"),
    "internal": ("内部资料", "Internal"),
}
"""``meta.status`` in both languages: what the document is (its standing on a date is PlanStatus)."""
DOC_TYPE = {"plan": ("规划", "Plan"), "action-plan": ("行动计划", "Action plan"), "outline": ("纲要", "Outline")}
CONTENTS_DEPTH = 3
"""Headings down to this level are listed in a plan's contents (overview page and PDF alike)."""


def period(meta: PlanMeta) -> str:
    """``2017–2020``."""
    return f"{meta.period[0]}–{meta.period[1]}"


def region(meta: PlanMeta, language: str = "zh") -> str:
    """``河南`` (``language`` ``zh``) or ``Henan`` (``en``), with the plan's short name when it has one
    (``Henan Robots``): a plan named where its period shows beside it."""
    name = meta.name_zh if language == "zh" else meta.name_en
    label = meta.region_zh if language == "zh" else meta.region_en
    return f"{label} {name}" if name else label


def region_period(meta: PlanMeta, language: str = "zh") -> str:
    """``河南 2017–2020`` (``language`` ``zh``) or ``Henan 2017–2020`` (``en``): a plan named in a list or table,
    with its short name when it has one (``河南 2017–2020 机器人``)."""
    name = meta.name_zh if language == "zh" else meta.name_en
    label = f"{meta.region_zh if language == 'zh' else meta.region_en} {period(meta)}"
    return f"{label} {name}" if name else label


def region_year(meta: PlanMeta) -> str:
    """``河南 2017``: the compact form of ``region_period`` for narrow columns (briefing tables), name kept."""
    label = f"{meta.region_zh} {meta.period[0]}"
    return f"{label} {meta.name_zh}" if meta.name_zh else label


def short_title(meta: PlanMeta) -> str:
    """``河南 Henan 2017–2020``: region in both languages and period, then the short name when the plan has one
    (``河南 Henan 2017–2020 机器人 Robots``)."""
    label = f"{meta.region_zh} {meta.region_en} {period(meta)}"
    return f"{label} {meta.name_zh} {meta.name_en}" if meta.name_zh else label


def ambiguous_titles(metas: Iterable[PlanMeta]) -> tuple[str, ...]:
    """A warning for each short title that names more than one plan (readers could not tell them apart in
    the navigation, notes and tables): ``name_zh``/``name_en`` in meta.yml tell them apart."""
    by_title: dict[str, list[str]] = {}
    for meta in metas:
        by_title.setdefault(short_title(meta), []).append(meta.id)
    return tuple(
        f"plans {', '.join(ids)} share the short title {title!r}: give each a name_zh and name_en in its meta.yml"
        for title, ids in sorted(by_title.items())
        if len(ids) > 1
    )


def nav_title(meta: PlanMeta) -> str:
    """The short title, with the kind of document when it is not an issued text: ``… (征求意见稿 Draft)``."""
    if meta.status == "issued":
        return short_title(meta)
    return f"{short_title(meta)} ({both(DOCUMENT_STATUS.get(meta.status, (meta.status, meta.status)))})"


def running_title(meta: PlanMeta, standing: PlanStatus) -> str:
    """The short title with the plan's standing on the edition date (PDF running header)."""
    return f"{short_title(meta)} · {standing.zh} {standing.en}"


def status_zh(standing: PlanStatus) -> str:
    """``已到期（规划期至2020年）``."""
    return f"{standing.zh}（{standing.note_zh}）"


def status_en(standing: PlanStatus) -> str:
    """``Expired (its period ended in 2020)``."""
    return f"{standing.en} ({standing.note_en})"


def status_line(standing: PlanStatus) -> str:
    """The one-line standing: ``已到期（规划期至2020年） · Expired (its period ended in 2020)``."""
    return f"{status_zh(standing)} · {status_en(standing)}"


def both(pair: tuple[str, str]) -> str:
    """Chinese and English side by side: ``正式印发 Issued``."""
    return f"{pair[0]} {pair[1]}"


def document_status(meta: PlanMeta) -> str:
    return both(DOCUMENT_STATUS.get(meta.status, (meta.status, meta.status)))


def doc_type(meta: PlanMeta) -> str:
    return both(DOC_TYPE.get(meta.doc_type, (meta.doc_type, meta.doc_type)))


def document(meta: PlanMeta) -> str:
    """What the document is, in both languages: ``正式印发 Issued · 规划 Plan``."""
    return f"{document_status(meta)} · {doc_type(meta)}"


def issuer(meta: PlanMeta) -> str:
    """``河南省人民政府 · People's Government of Henan Province``; marked as citations mark it when inferred."""
    return f"{citation.issuer_zh(meta)} · {citation.issuer_en(meta)}"


def in_contents(block: Block) -> bool:
    """Whether a plan's contents list the block: body headings and box headers to CONTENTS_DEPTH, not in a box."""
    return block.kind in ("heading", "box") and block.zone == "body" and block.level <= CONTENTS_DEPTH and not block.box


HAN_RUN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]*)")


def han_runs(text: str) -> tuple[tuple[str, bool], ...]:
    """English text cut where Chinese begins and ends: ``(piece, is_chinese)``, so a template can give each
    Chinese run its own lang inside an English element (a translator's note naming 后配套)."""
    return tuple((piece, index % 2 == 1) for index, piece in enumerate(HAN_RUN.split(text)) if piece)
