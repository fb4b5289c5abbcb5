"""File names of the edition's downloadable outputs, in one place so the site can link to them."""

from __future__ import annotations

import re

from build_tools.model import EditionMeta


def edition_slug(meta: EditionMeta) -> str:
    """``chinese-equipment-manufacturing-plans-2026-11-25``: the English title up to its first comma, and the date."""
    words = re.findall(r"[a-z0-9]+", meta.title_en.split(",", 1)[0].lower())
    return "-".join([*words, meta.edition_date])


def offline_zip_name(meta: EditionMeta) -> str:
    return f"{edition_slug(meta)}-offline.zip"


def edition_pdf_name(meta: EditionMeta) -> str:
    return f"{edition_slug(meta)}.pdf"


def plan_pdf_name(plan_id: str) -> str:
    return f"{plan_id}.pdf"


def topic_pdf_name(topic_id: str) -> str:
    return f"topic-{topic_id}.pdf"
