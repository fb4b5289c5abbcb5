"""The data export: documented fields, the same blocks as the pages, byte-identical across builds."""

from __future__ import annotations

import csv
import io
import json

from build_tools.config import ROOT, BuildConfig
from build_tools.export.data import BLOCK_FIELDS, blocks_csv, edition_json
from build_tools.pipeline import assemble, generate
from tests.conftest import copy_real_sources, sandbox_config


def test_edition_json_has_the_documented_fields(edition):
    data = json.loads(edition_json(edition))
    plan = data["plans"][0]
    for key in (
        "id",
        "title_zh",
        "title_en",
        "issuer_zh",
        "issuer_en",
        "date",
        "period",
        "status",
        "doc_type",
        "region_zh",
        "region_en",
        "summary_en",
        "source_file",
        "blocks",
    ):
        assert key in plan
    for block in plan["blocks"]:
        assert set(BLOCK_FIELDS) <= set(block)
        assert block["kind"] in ("title", "heading", "paragraph", "list_item", "box")
    labels = {block["label"] for p in data["plans"] for block in p["blocks"]}
    assert {"第一章", "一、", "（一）", "(三)", "1.", "(1)", "1、", "--", ""} <= labels


def test_csv_has_one_row_per_block(edition):
    rows = list(csv.DictReader(io.StringIO(blocks_csv(edition))))
    assert len(rows) == sum(len(plan.blocks) for plan in edition.plans)
    assert rows[0]["plan"] == edition.plans[0].meta.id


def test_plans_are_in_time_order(edition):
    assert [plan.meta.date for plan in edition.plans] == sorted(plan.meta.date for plan in edition.plans)


def test_two_generates_give_byte_identical_output(tmp_path):
    first = sandbox_config(tmp_path / "a", ROOT / "source_texts")
    second = sandbox_config(tmp_path / "b", copy_real_sources(tmp_path / "copy"))
    generate(first)
    generate(second)
    files = sorted(p.relative_to(first.docs) for p in first.docs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.docs) for p in second.docs.rglob("*") if p.is_file())
    for relative in files:
        assert (first.docs / relative).read_bytes() == (second.docs / relative).read_bytes(), relative


def test_export_does_not_depend_on_time_zone(monkeypatch):
    before = edition_json(assemble(BuildConfig()))
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    import time

    time.tzset()
    try:
        assert edition_json(assemble(BuildConfig())) == before
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
