"""Plans of one region and period: a reader must be able to tell them apart wherever a plan is named."""

from __future__ import annotations

import re
import shutil

import pytest

from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
from build_tools.pipeline import assemble, build
from tests.conftest import META, sandbox_config, write_plan

TEXT = "测试规划\n一、总体要求\n（一）发展数控机床和工业机器人，推广应用工业机器人。\n"
NAMES = {"robots-test-2020": ("机器人", "Robots"), "tools-test-2020": ("数控机床", "Machine tools")}


def two_plans(tmp_path, named: bool):
    sources = tmp_path / "sources"
    for plan_id, (name_zh, name_en) in NAMES.items():
        meta = META.format(title="测试规划", source_file=f"{plan_id}.txt")
        if named:
            meta += f"name_zh: {name_zh}\nname_en: {name_en}\n"
        write_plan(sources, plan_id, TEXT, meta=meta)
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    return sandbox_config(tmp_path, sources)


@pytest.mark.build
def test_plans_sharing_a_short_title_are_reported_by_the_build(tmp_path):
    result = build(two_plans(tmp_path, named=False))
    assert result is not None
    warnings = [warning for warning in result.warnings if "share the short title" in warning]
    assert warnings == [
        "plans robots-test-2020, tools-test-2020 share the short title '测试省 Testland 2020–2025':"
        " give each a name_zh and name_en in its meta.yml"
    ]


@pytest.mark.build
def test_named_plans_are_told_apart_in_the_navigation_and_on_their_pages(tmp_path):
    config = two_plans(tmp_path, named=True)
    result = build(config)
    assert result is not None
    assert not [warning for warning in result.warnings if "short title" in warning]
    # As read: the text, each language's span dropped (the navigation marks each English run).
    home = re.sub(r"<[^>]+>", "", (config.site / "index.html").read_text(encoding="utf-8"))
    assert "测试省 Testland 2020–2025 机器人 Robots" in home
    assert "测试省 Testland 2020–2025 数控机床 Machine tools" in home
    # The paragraph both plans share names the other plan by its short name, and so does their comparison.
    part = (config.site / "plans/robots-test-2020/part-01.html").read_text(encoding="utf-8")
    assert '<span lang="en">Similar wording in</span> 测试省 2020–2025 数控机床</summary>' in part
    assert '#s1-1">测试省 2020–2025 数控机床 ¶ s1.1</a>' in part
    compare = (config.site / "compare/robots-test-2020--tools-test-2020.html").read_text(encoding="utf-8")
    assert "# 对比 测试省 2020–2025 机器人 · 测试省 2020–2025 数控机床" in compare or (
        ">对比 测试省 2020–2025 机器人 · 测试省 2020–2025 数控机床" in compare
    )
    assert "Compare: Testland 2020–2025 Robots · Testland 2020–2025 Machine tools" in compare


@pytest.mark.parametrize("key", ["name_zh", "name_en"])
def test_a_name_in_one_language_only_is_refused_with_its_line(tmp_path, key):
    sources = tmp_path / "sources"
    meta = META.format(title="测试规划", source_file="one-test-2020.txt") + f"{key}: 机器人\n"
    write_plan(sources, "one-test-2020", TEXT, meta=meta)
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    with pytest.raises(InputError) as raised:
        assemble(sandbox_config(tmp_path, sources))
    message = str(raised.value)
    assert "one-test-2020/meta.yml" in message and ":14" in message and "needs" in message
