"""The data export: documented fields, the same blocks as the pages, byte-identical across builds."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest

from build_tools.core.config import ROOT
from build_tools.export.data import BLOCK_FIELDS, blocks_csv, edition_json
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


def _generate_in_fresh_process(docs_tmp, sources, env_overrides):
    """Run `generate` in its own interpreter, so hash seeds and locale really differ.

    No time zone is varied: generate reads no clock and no local time (the only date in the output is
    ``edition_date`` from edition.yml), so a TZ variation would guard nothing and could never fail."""
    config = sandbox_config(docs_tmp, sources)
    env = {**os.environ, **env_overrides}
    subprocess.run(
        [sys.executable, "-m", "build_tools", "generate", "--sources", str(sources), "--docs", str(config.docs)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return config.docs


@pytest.mark.build
def test_two_generates_in_different_processes_are_byte_identical(tmp_path):
    first = _generate_in_fresh_process(
        tmp_path / "a", ROOT / "source_texts", {"PYTHONHASHSEED": "1", "LANG": "C.UTF-8"}
    )
    second = _generate_in_fresh_process(
        tmp_path / "b",
        copy_real_sources(tmp_path / "copy"),
        {"PYTHONHASHSEED": "4242", "LANG": "zh_CN.UTF-8", "LC_ALL": ""},
    )
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files, "generate wrote nothing"
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_edition_json_is_what_json_dumps_writes(edition):
    """The export's own writer (export/json_text.py) gives json.dumps' bytes, for the edition and odd values."""
    from dataclasses import asdict

    from build_tools.export import json_text
    from build_tools.export.data import edition_data

    data = edition_data(edition)
    standard = {
        **data,
        "timeline": list(data["timeline"]),
        "targets": list(data["targets"]),
        "vocabulary": [
            {**record, "occurrences": [asdict(o) for o in record["occurrences"]]} for record in data["vocabulary"]
        ],
        "shared_wording": [
            {**record, "left": asdict(record["left"]), "right": asdict(record["right"])}
            for record in data["shared_wording"]
        ],
        "plans": list(data["plans"]),
    }
    assert edition_json(edition) == json.dumps(standard, ensure_ascii=False, indent=1) + "\n"
    odd = {"": [], "a": {}, "b": [[], {}, [1.5, -0.0, 1e300, float("nan"), float("-inf")]], "c": ["\"\\\n\u2028</>"]}
    odd["d"] = [True, False, None, 10**20, ("t", "u"), "零\x00\x1f"]
    assert json_text.dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=1)
    pieces: list[str] = []
    json_text.dump({"many": list(range(3 * json_text.PIECE))}, pieces.append)
    assert len(pieces) > 1 and "".join(pieces) == json.dumps({"many": list(range(3 * json_text.PIECE))}, indent=1)


@pytest.mark.build
def test_pages_rendered_by_workers_are_those_rendered_in_one_process(tmp_path):
    """Plan, topic, comparison and shared-wording pages render in worker processes (build_tools/core/parallel.py);
    12 plans, so the per-plan shared-wording and batch pages exist too: one process gives the same bytes."""
    from tests.corpus import corpus

    sources = corpus(tmp_path / "sources", 12)
    serial = _generate_in_fresh_process(tmp_path / "serial", sources, {"BUILD_WORKERS": "1"})
    parallel = _generate_in_fresh_process(tmp_path / "parallel", sources, {"BUILD_WORKERS": "2"})
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert any(f.parts[0] == "shared-wording" and len(f.parts) > 1 for f in files), "no per-plan shared-wording page"
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    for relative in files:
        assert (serial / relative).read_bytes() == (parallel / relative).read_bytes(), relative


def test_every_block_address_in_the_export_opens_its_paragraph(built_site, edition):
    """edition.json and blocks.csv give each block the address a citation prints; each opens the page holding it."""
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "blocks.csv").read_text(encoding="utf-8"))))
    blocks = [block for plan in data["plans"] for block in plan["blocks"]]
    assert [row["url"] for row in rows] == [block["url"] for block in blocks]
    ids: dict[str, set[str]] = {}
    for block in blocks:
        assert block["url"].startswith(edition.site_url), block
        page, anchor = block["url"][len(edition.site_url) :].split("#")
        if page not in ids:
            ids[page] = set(re.findall(r'\bid="([^"]+)"', (built_site / page).read_text(encoding="utf-8")))
        assert anchor in ids[page], block["id"]
    for plan in data["plans"]:  # no real part is paged: each is its one page
        for part in plan["parts"]:
            assert part["pages"] == [edition.site_url + f"plans/{plan['id']}/{part['slug']}.html"]
