"""A plan's standing on the edition date, derived from its metadata: in force, expired, draft or internal.

Derived, never hand-written per plan: ``meta.status`` says what the document is (issued, a draft
for comment, an internal paper), ``meta.period`` when it applies, and the edition date
(``source_texts/edition.yml``) the day the edition speaks for. An issued plan whose last year
ended before the edition year has expired; one whose period has not begun is issued but not yet
in force; otherwise it is in force. A draft or an internal paper never was in force, whatever
its period.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import EditionMeta, PlanMeta


@dataclass(frozen=True)
class PlanStatus:
    key: str
    """``in-force``, ``expired``, ``not-yet``, ``draft`` or ``internal``."""
    zh: str
    """Short Chinese label, e.g. ``已到期``."""
    en: str
    """Short English label, e.g. ``Expired``."""
    note_zh: str
    """What the label rests on, e.g. ``规划期至2020年``."""
    note_en: str
    """How a page words it: build_tools/present/labels.py (status_line)."""


def plan_status(meta: PlanMeta, edition: EditionMeta) -> PlanStatus:
    year = int(edition.edition_date[:4])
    first, last = meta.period
    if meta.status == "draft":
        return PlanStatus("draft", "征求意见稿", "Draft", "未正式印发", "for comment, not issued")
    if meta.status == "internal":
        return PlanStatus("internal", "内部资料", "Internal", "行业协会内部文件", "an association's internal paper")
    if last < year:
        return PlanStatus("expired", "已到期", "Expired", f"规划期至{last}年", f"its period ended in {last}")
    if first > year:
        return PlanStatus(
            "not-yet", "尚未开始", "Not yet in force", f"规划期自{first}年起", f"its period begins in {first}"
        )
    return PlanStatus("in-force", "有效", "In force", f"规划期至{last}年", f"its period runs to {last}")
