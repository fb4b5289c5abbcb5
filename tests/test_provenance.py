"""Provenance a reader can check: each plan's received text offered byte for byte with its SHA-256, and the
source address, document number and retrieval date from meta.yml, “not recorded” when absent, never invented."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import replace

from build_tools.core.config import ROOT
from build_tools.render.pages import environment, plan_overview


def provenance(page: str) -> dict[str, str]:
    """The provenance list of an overview page: label (its text, each language's span dropped) -> the value's HTML."""
    block = re.search(r'<dl class="provenance"[^>]*>(.*?)</dl>', page, re.S)[1]
    return {text(dt): dd for dt, dd in re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)}


def text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_each_plan_offers_its_received_text_byte_for_byte_with_its_sha256(built_site, edition):
    for plan in edition.plans:
        folder = built_site / "plans" / plan.meta.id
        page = (folder / "index.html").read_text(encoding="utf-8")
        shown = provenance(page)
        received = (ROOT / "source_texts" / plan.meta.id / "source.txt").read_bytes()
        link = re.search(r'<a href="([^"]+)" download="([^"]+)" type="text/plain">', shown["收到的文本 Received text"])
        assert link[2] == plan.meta.source_file  # saved under the name it was received as
        assert (folder / html.unescape(link[1])).read_bytes() == received, plan.meta.id
        assert f"{len(received):,} bytes, encoding {plan.source.encoding}" in shown["收到的文本 Received text"]
        assert re.sub(r"<[^>]+>", "", shown["SHA-256"]) == hashlib.sha256(received).hexdigest()


def test_provenance_not_in_meta_yml_reads_not_recorded(built_site, edition):
    for plan in edition.plans:
        shown = provenance((built_site / "plans" / plan.meta.id / "index.html").read_text(encoding="utf-8"))
        for label, value in (
            ("来源网址 Source address", plan.meta.source_url),
            ("文号 Document number", plan.meta.document_number),
            ("获取日期 Retrieved", plan.meta.retrieved),
        ):
            assert not value  # none of the five received texts came with a recorded provenance
            assert "未记录 not recorded" in text(shown[label]), (plan.meta.id, label)


def test_recorded_provenance_and_inferred_facts_are_shown_escaped(edition):
    plan = edition.plan("guangdong-high-end-equipment-2021")
    meta = replace(
        plan.meta,
        source_url="https://gdii.gd.gov.cn/a?b=1&c=<2>",
        document_number="粤工信〔2021〕7号",
        retrieved="2024-03-05",
    )
    overview = plan_overview(edition, replace(plan, meta=meta))
    page = (
        environment()
        .get_template("plan-overview.md.jinja")
        .render(overview=overview, download=None, download_link="", compared=())
    )
    shown = provenance(page)
    assert shown["来源网址 Source address"] == (
        '<a href="https://gdii.gd.gov.cn/a?b=1&amp;c=&lt;2&gt;">https://gdii.gd.gov.cn/a?b=1&amp;c=&lt;2&gt;</a>'
    )
    assert shown["文号 Document number"] == "粤工信〔2021〕7号" and shown["获取日期 Retrieved"] == "2024-03-05"
    assert shown["日期（编者推定）Date, inferred"].startswith("The draft carries no date")
    assert shown["发布机构（编者推定）Issuer, inferred"].startswith("The draft names no issuing body")
    assert '[2020] <span class="inferred">编者推定 <span lang="en">inferred by the editors' in page
    henan = plan_overview(edition, edition.plan("henan-equipment-2017"))
    plain = (
        environment()
        .get_template("plan-overview.md.jinja")
        .render(overview=henan, download=None, download_link="", compared=())
    )
    assert "编者推定" not in plain and "inferred" not in provenance(plain)


def test_the_overview_reads_the_received_size_from_the_model_not_the_disk(edition, tmp_path):
    """No stage after load reads a file: the size printed is the one load measured, even when the file has
    gone since (a build that stat()ed it here would fail, or print a size the parse never saw)."""
    plan = edition.plan("henan-equipment-2017")
    received = (ROOT / "source_texts" / plan.meta.id / "source.txt").read_bytes()
    assert plan.source.size == len(received)
    gone = replace(plan, source=replace(plan.source, path=tmp_path / "gone.txt"))
    assert plan_overview(edition, gone).received_bytes == len(received)
