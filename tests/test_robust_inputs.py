"""Inputs people will really feed in: other encodings, Traditional plans, broken data files, interrupted writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from build_tools.core.config import ROOT, BuildConfig
from build_tools.core.errors import InputError
from build_tools.core.write import write_if_changed
from build_tools.pipeline import assemble, build, generate
from build_tools.sources.glossary import load_glossary
from tests.conftest import copy_real_sources, sandbox_config, write_plan

TRADITIONAL = """臺灣測試規劃
一、發展目標
（一）數控機床。到2025年，高檔數控機床產值達到100億元，年均增長10%。
（二）專欄與機器人
專欄 1 重點工程
工業機器人。推廣應用工業機器人。
二、保障措施
加強組織領導。
"""


def edition_with(tmp_path, plan_id, raw, title="臺灣測試規劃"):
    sources = tmp_path / "sources"
    write_plan(sources, plan_id, raw, title=title)
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    return sources


@pytest.mark.parametrize(("encoding", "expected"), [("big5", "big5"), ("utf-8", "utf-8"), ("utf-16", "utf-16")])
def test_a_traditional_plan_stays_traditional_and_is_tagged_through_its_simplified_view(tmp_path, encoding, expected):
    sources = edition_with(tmp_path, "taiwan-test-2025", TRADITIONAL.encode(encoding))
    config = sandbox_config(tmp_path, sources)
    edition = assemble(config)
    plan = edition.plan("taiwan-test-2025")
    assert plan.source.encoding == expected and plan.source.script == "hant"
    heading = edition.block("taiwan-test-2025/s1.1")
    assert heading.zh == "數控機床。"  # the text as printed
    text = edition.bilingual.blocks[heading.id]
    assert text.zh_hans == "数控机床。" and text.zh_hant == "數控機床。"
    assert "cnc-machine-tools" in edition.topics.topics_of(heading.id)
    assert "robots" in edition.topics.topics_of("taiwan-test-2025/s1.2.box1/p1")
    assert any(target.value == 100 and target.unit == "亿元" and target.year == 2025 for target in edition.targets)


@pytest.mark.build
def test_traditional_source_shows_in_its_own_script_by_default(tmp_path):
    sources = edition_with(tmp_path, "taiwan-test-2025", TRADITIONAL.encode("big5"))
    config = sandbox_config(tmp_path, sources)
    build(config)
    html = (config.site / "plans/taiwan-test-2025/part-01.html").read_text(encoding="utf-8")
    assert '<span class="t-hant" lang="zh-Hant">（一） 數控機床。</span>' in html
    assert '<span class="t-hans t-alt" lang="zh-Hans">（一） 数控机床。</span>' in html


def test_gbk_plan_is_detected(tmp_path):
    text = "广东省测试规划\n一、总体要求\n（一）发展数控机床和工业机器人。\n"
    sources = edition_with(tmp_path, "gbk-test-2020", text.encode("gbk"), title="广东省测试规划")
    plan = assemble(sandbox_config(tmp_path, sources)).plan("gbk-test-2020")
    assert plan.source.encoding == "gb18030" and plan.source.script == "hans"
    assert plan.blocks[-1].zh == "发展数控机床和工业机器人。"


def test_zero_width_and_control_characters_do_not_reach_the_text(tmp_path):
    raw = "测试规划\r\n一、总\u200b体要求\r\n正文\u00ad内容。\x0c\r\n"
    sources = edition_with(tmp_path, "messy-test-2020", raw.encode("utf-8-sig"), title="测试规划")
    plan = assemble(sandbox_config(tmp_path, sources)).plan("messy-test-2020")
    assert [b.zh for b in plan.blocks] == ["测试规划", "总体要求", "正文内容。"]
    assert plan.source.removed_invisible == 3 and plan.source.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("case", "edit", "message"),
    [
        (
            "glossary-duplicate-id",
            ("glossary", None, "- id: abb\n  zh: 重复\n  en: dup\n  category: other\n"),
            "duplicate id 'abb'",
        ),
        (
            "topics-unknown-group",
            ("topics", "    group: machine-tools-and-parts\n", "    group: no-such-group\n"),
            "no-such-group",
        ),
        ("po-garbage", ("po", None, "this is not a PO file\n"), "malformed PO file"),
        ("meta-unknown-key", ("meta", None, "colour: red\n"), "unknown key 'colour'"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_broken_data_files_are_one_clear_line_on_the_command_line(tmp_path, case, edit, message):
    sources = copy_real_sources(tmp_path / "sources")
    data = tmp_path / "data"
    shutil.copytree(ROOT / "glossary", data / "glossary")
    shutil.copytree(ROOT / "topics", data / "topics")
    shutil.copytree(ROOT / "translations", data / "translations")
    kind, old, new = edit
    path = {
        "glossary": data / "glossary/terms.yml",
        "topics": data / "topics/topics.yml",
        "po": data / "translations/en/henan-equipment-2017.po",
        "meta": sources / "henan-equipment-2017" / "meta.yml",
    }[kind]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "build_tools",
        "generate",
        "--sources",
        str(sources),
        "--docs",
        str(tmp_path / "docs"),
        "--translations",
        str(data / "translations"),
        "--glossary",
        str(data / "glossary/terms.yml"),
        "--topics",
        str(data / "topics/topics.yml"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and message in error_lines[0] and str(path) in error_lines[0]


def test_glossary_errors_name_the_line(tmp_path):
    path = tmp_path / "terms.yml"
    path.write_text(
        "terms:\n  - id: a-term\n    zh: 甲\n    en: A\n    category: other\n"
        "  - id: a-term\n    zh: 乙\n    en: B\n    category: other\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        load_glossary(path)
    assert raised.value.line == 6 and "duplicate id 'a-term' (first at line 2)" in str(raised.value)


def test_an_interrupted_translation_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.po"
    path.write_bytes(b"old content\n")

    def crash(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_if_changed(path, b"new content\n", durable=True)
    assert path.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.po"]  # no temporary file left behind


@pytest.mark.build
def test_incremental_generate_rewrites_only_what_depends_on_the_change(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    config = sandbox_config(tmp_path, sources)
    generate(config)
    before = {p: p.read_bytes() for p in config.docs.rglob("*") if p.is_file()}
    source = sources / "shanxi-equipment-2011" / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("创新水平。", "创新水平和能力。", 1), encoding="utf-8")
    generate(config)
    changed = {p.relative_to(config.docs).as_posix() for p, data in before.items() if p.read_bytes() != data}
    plan_pages = {c for c in changed if c.startswith("plans/")}
    assert plan_pages == {
        "plans/shanxi-equipment-2011/part-02.md",
        "plans/shanxi-equipment-2011/index.md",
        "plans/shanxi-equipment-2011/shanxi-equipment-2011-received.txt",  # the received text, as received
    }
    assert changed - plan_pages <= {
        "data/edition.json",
        "data/blocks.csv",
        "data/targets.csv",
        "translation-status.md",
        "glossary.md",
        "timeline.md",
        "targets.md",
    } | {c for c in changed if c.startswith(("topics/", "search/"))} | {  # search: scores depend on every text
        c for c in changed if c.startswith("compare/") and "shanxi-equipment-2011" in c
    }
    assert "translation-status.md" in changed  # the edited paragraph's translation is now stale


def test_config_paths_are_overridable():
    assert BuildConfig().glossary.name == "terms.yml"


# Found on the Simplified view, quoted from the print: 發展 → 发展, 機器人 → 机器人, 數控機床 → 数控机床.
TRADITIONAL_QUOTED = """臺灣測試規劃
一、發展目標
（一）數控機床。「十三五」以來，產業穩步發展。到2025年，高檔數控機床產值達到100億元。
（二）機器人
專欄 1 重點工程
推廣應用工業機器人，建設機器人產業園區。
"""


def test_a_traditional_plan_is_quoted_as_printed_and_cut_where_the_simplified_view_matched(tmp_path):
    from build_tools.render.topics import highlighted

    sources = edition_with(tmp_path, "taiwan-quote-2025", TRADITIONAL_QUOTED.encode("utf-8"))
    edition = assemble(sandbox_config(tmp_path, sources))
    paragraph = edition.block("taiwan-quote-2025/s1.1/p1")  # after the run-in heading 數控機床。
    assert paragraph.zh == "「十三五」以來，產業穩步發展。到2025年，高檔數控機床產值達到100億元。"

    entries = {entry.text: entry for entry in edition.timeline if entry.block_id == paragraph.id}
    target = entries["2025年"]
    assert edition.snippet(target) == "到2025年，高檔數控機床產值達到100億元。"  # printed, not 数控机床…亿元
    assert paragraph.zh[target.start : target.start + len(target.text)] == "2025年"
    since = next(entry for entry in entries.values() if entry.relative)
    assert since.text == since.relative == "「十三五」以來"  # the expression as printed (以来 in the view)
    assert edition.snippet(since) == "「十三五」以來，產業穩步發展。"
    figures = [t for t in edition.targets if t.block_id == paragraph.id]
    assert [(t.text, edition.snippet(t)) for t in figures] == [("100億元", "到2025年，高檔數控機床產值達到100億元。")]

    box = edition.block("taiwan-quote-2025/s1.2.box1/p1")
    assert "robots" in edition.topics.topics_of(box.id)
    marked = [segment.text for segment in highlighted(edition, box, "robots") if segment.mark]
    assert marked and set(marked) <= {"工業機器人", "機器人"}  # the print, cut exactly at the matched words
    assert "".join(segment.text for segment in highlighted(edition, box, "robots")) == box.display
