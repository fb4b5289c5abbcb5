"""The targets against the hand-checked list (tests/data/targets.yml): precision and recall per field
(printed: pytest -s), the timeline telling the same years, the English complete, topics from subjects."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.core.config import BuildConfig
from build_tools.enrich.targets import extract_targets
from build_tools.sources.target_english import load_target_english
from tests.target_scoring import load_hand_list, score


@pytest.fixture(scope="module")
def scored(edition):
    result = score(edition.targets)
    print("\n" + result.report())
    return result


def test_recall_and_precision(scored):
    assert scored.matched / scored.expected >= 0.97
    assert scored.matched / scored.extracted >= 0.97


def test_every_field_right(scored):
    assert scored.all_right / scored.expected >= 0.97
    for field, right in scored.per_field.items():
        assert right / scored.expected >= 0.97, field


def test_hand_list_names_real_paragraphs(edition):
    for entry in load_hand_list():
        block = edition.block(entry["block"])
        assert block.zone == "body", entry


def test_every_target_paragraph_is_on_the_timeline(edition):
    spans = {(e.block_id, e.year, e.end_year) for e in edition.timeline if e.kind == "target"}
    for entry in load_hand_list():
        assert (entry["block"], entry["year"], entry["end_year"]) in spans, entry
    for target in edition.targets:
        assert (target.block_id, target.year, target.end_year) in spans, target


def test_a_comparison_base_is_no_fact(edition):
    based = [e for e in edition.timeline if e.block_id.startswith("china-machinery-2021/s1.1") and e.year == 2015]
    before = {e: edition.block(e.block_id).zh[e.snippet_start : e.start][-3:] for e in based}
    assert based and all(e.kind != "fact" for e in based if "比" in before[e])
    entry = next(e for e in based if e.block_id == "china-machinery-2021/s1.1.3/p1")
    assert entry.kind == "reference"


def test_relative_periods_agree_in_timeline_and_targets(edition):
    block_id = "guangdong-machinery-2005/s3.1.1/p2"
    entry = next(e for e in edition.timeline if e.block_id == block_id and e.text.endswith("中后期"))
    target = next(t for t in edition.targets if t.block_id == block_id)
    assert (entry.year, entry.end_year) == (target.year, target.end_year) == (2008, 2010)


def test_every_target_has_english(edition):
    english = load_target_english(BuildConfig().translations / "en" / "targets.yml")
    targets = edition.targets
    assert english.problems(targets) == ()
    for target in targets:
        assert target.subject_en
        assert bool(target.qualifier) == bool(target.qualifier_en)
        assert (target.kind == "comparative") == bool(target.compared_to_en)


def test_a_missing_or_stale_english_is_reported(edition):
    english = load_target_english(BuildConfig().translations / "en" / "targets.yml")
    renamed = [
        dataclasses.replace(t, subject="从业人员数") if t.subject == "从业人员规模" else t for t in edition.targets
    ]
    problems = english.problems(renamed)
    assert "target without English: shanxi-equipment-2011/s2.3/p9 从业人员数" in problems
    assert "stale target English (no such target any more): shanxi-equipment-2011/s2.3/p9 从业人员规模" in problems
    assert len(problems) == 2


def test_topics_come_from_the_subject(edition):
    output = next(t for t in edition.targets if t.subject == "机械工业总产值")
    assert "power-transmission" not in output.topics
    robots = [t for t in edition.targets if "机器人" in t.subject]
    assert robots and all("robots" in t.topics for t in robots)


# ----------------------------------------------------------------------------- crafted cases


def with_text(plan, block_id, zh):
    blocks = tuple(dataclasses.replace(b, zh=zh) if b.id == block_id else b for b in plan.blocks)
    return dataclasses.replace(plan, blocks=blocks)


CRAFTED = [
    # (id, text put in a target section of henan 2017 (s1.3/p2),
    #  expected (subject, value, unit, qualifier, kind, span, per_year))
    ("exceeds", "到2020年,全省机器人产业产值超过500亿元。",
     ("机器人产业产值", 500, "亿元", "超过", "level", (2020, 2020), False)),
    ("not-less", "到2020年,研发投入占主营业务收入比重不低于2%。",
     ("研发投入占主营业务收入比重", 2, "%", "不低于", "share", (2020, 2020), False)),
    ("growth-inherits", "到2020年,全省农机装备实现销售收入800亿元,年均增长10%以上。",
     ("农机装备销售收入", 10, "%", "以上", "growth", (2020, 2020), False)),
    ("recurring-3-years", "连续3年每年培育5家智能制造标杆企业。",
     ("智能制造标杆企业", 5, "家", "", "count", (2017, 2019), True)),
    ("second-growth-takes-sector", "到2020年,全省装备制造业主营业务收入年均增长10%,利润总额年均增长12%。",
     ("装备制造业利润总额", 12, "%", "", "growth", (2020, 2020), False)),
    ("about-before-noun", "力争到2020年,建成10个左右省级智能制造示范园区。",
     ("省级智能制造示范园区", 10, "个", "左右", "count", (2020, 2020), False)),
    ("fyp-end-share", "“十三五”末期,数控机床国产化率达到60%。",
     ("数控机床国产化率", 60, "%", "", "share", (2020, 2020), False)),
    ("gap", "到2020年,关键技术与国际先进水平的差距缩小到3年。",
     ("关键技术与国际先进水平的差距", 3, "年", "", "gap", (2020, 2020), False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CRAFTED], ids=[c[0] for c in CRAFTED])
def test_crafted_target(edition, text, expected):
    block_id = "henan-equipment-2017/s1.3/p2"
    plan = with_text(edition.plan("henan-equipment-2017"), block_id, text)
    found = [t for t in extract_targets([plan]) if t.block_id == block_id]
    got = [(t.subject, t.value, t.unit, t.qualifier, t.kind, (t.year, t.end_year), t.per_year) for t in found]
    assert expected in got, got


def test_scope_and_selection_are_no_targets(edition):
    block_id = "henan-equipment-2017/s3.2.1/p1"
    text = "在5个重点园区选择30家企业开展试点,力争每年新增3个示范项目。"
    plan = with_text(edition.plan("henan-equipment-2017"), block_id, text)
    found = [(t.value, t.unit) for t in extract_targets([plan]) if t.block_id == block_id]
    assert found == [(3, "个")]


# ------------------------------------------------------------------------------ the English store


def test_the_build_warns_about_missing_and_stale_english(tmp_path):
    import shutil

    from build_tools.core.config import ROOT
    from build_tools.pipeline import generate
    from tests.conftest import sandbox_config

    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    store = translations / "en" / "targets.yml"
    text = store.read_text(encoding="utf-8")
    text = text.replace("  zh: 从业人员规模\n", "  zh: 从业人员总数\n")
    store.write_text(text, encoding="utf-8")
    config = dataclasses.replace(sandbox_config(tmp_path, ROOT / "source_texts"), translations=translations)
    warnings = generate(config).warnings
    assert "target without English: shanxi-equipment-2011/s2.3/p9 从业人员规模" in warnings
    assert "stale target English (no such target any more): shanxi-equipment-2011/s2.3/p9 从业人员总数" in warnings
    assert "从业人员总数" in store.read_text(encoding="utf-8")  # reported, never dropped


@pytest.mark.parametrize(
    "content",
    ["targets:\n- {block: a/s1/p1, zh: 产值}\n", "targets:\n- {block: a/s1/p1, zh: 产值, en: Output, note: x}\n",
     "units:\n  亿元: {factor: ten, en: billion yuan}\n", "qualifiers: [以上]\n", "other: 1\n",
     "targets:\n- {block: a/s1/p1, zh: 产值, en: A}\n- {block: a/s1/p1, zh: 产值, en: B}\n"],
    ids=["no-en", "unknown-key", "bad-factor", "qualifiers-list", "unknown-section", "duplicate"],
)  # fmt: skip
def test_a_broken_store_is_an_error_naming_the_file(tmp_path, content):
    from build_tools.core.errors import InputError

    path = tmp_path / "targets.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_target_english(path)
    assert "targets.yml" in str(error.value)
