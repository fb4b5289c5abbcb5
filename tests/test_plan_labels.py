"""A plan's short name (meta.yml name_zh/name_en) shows wherever the plan is named (issue 27: one label
function, present/labels.py): the timeline's lanes, the target charts' legend, the vocabulary chart."""

from __future__ import annotations

import re
import shutil

from build_tools.core.config import ROOT
from build_tools.pipeline import generate
from tests.conftest import META, sandbox_config, write_plan

TEXT = """{title}
一、发展目标
“十四五”期间，到2025年，装备制造业主营业务收入达到{revenue}亿元。
二、保障措施
加强组织领导。
"""


def named_plan(sources, plan_id, name_zh, name_en, revenue):
    meta = META.format(title="测试规划", source_file=f"{plan_id}.txt") + f"name_zh: {name_zh}\nname_en: {name_en}\n"
    write_plan(sources, plan_id, TEXT.format(title="测试规划", revenue=revenue), meta=meta)


def test_named_plans_keep_their_names_on_the_timeline_the_charts_and_the_vocabulary(tmp_path):
    sources = tmp_path / "sources"
    named_plan(sources, "test-robots-2020", "机器人", "Robots", 1000)
    named_plan(sources, "test-machine-tools-2020", "机床", "Machine Tools", 2000)
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    config = sandbox_config(tmp_path, sources)
    generate(config)
    timeline = (config.docs / "timeline.md").read_text(encoding="utf-8")
    assert ">测试省 2020–2025 机器人</text>" in timeline and ">Testland Robots</text>" in timeline
    assert ">测试省 2020–2025 机床</text>" in timeline and ">Testland Machine Tools</text>" in timeline
    # the label as read (its English run is in a lang="en" span of its own)
    targets = re.sub(r"<[^>]+>", "", (config.docs / "targets.md").read_text(encoding="utf-8"))
    assert "测试省 2020–2025 机器人 Testland Robots" in targets
    assert "测试省 2020–2025 机床 Testland Machine Tools" in targets
    # The strip chart of “十四五” (both plans issued in 2020: one dot titled with both names).
    period = (config.docs / "vocabulary" / "period-1.md").read_text(encoding="utf-8")
    assert "<title>2020: Testland 2020–2025 Machine Tools, Testland 2020–2025 Robots" in period
