"""Parsing inline text as a plan, for the table-driven and property tests of the parser."""

from __future__ import annotations

from pathlib import Path

from build_tools.model import PlanMeta, SourceText
from build_tools.parse.parser import parse_plan
from build_tools.sources.normalize import normalize


def parse_text(text: str, title: str = "测试规划"):
    normalized, _ = normalize(text)
    meta = PlanMeta(
        id="t",
        title_zh=title,
        title_en="T",
        issuer_zh="机构",
        issuer_en="Issuer",
        date="2020",
        date_precision="year",
        period=(2020, 2025),
        status="issued",
        doc_type="plan",
        region_zh="省",
        region_en="P",
        summary_en="S",
        summary_zh="摘要",
        source_file="t.txt",
    )
    source = SourceText(
        path=Path("t.txt"), encoding="utf-8", sha256="0", text=normalized, removed_invisible=0
    )
    return parse_plan(meta, source)
