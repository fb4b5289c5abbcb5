"""Per-plan structure: heading counts per level, derived by reading each source by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.plan_structure import EXPECTED


@pytest.mark.parametrize(("plan_id", "headings", "kinds", "dropped"), EXPECTED, ids=[case[0] for case in EXPECTED])
def test_plan_structure(edition, plan_id, headings, kinds, dropped):
    plan = edition.plan(plan_id)
    found = Counter((b.kind, b.level, bool(b.box)) for b in plan.blocks if b.kind in ("heading", "box"))
    assert dict(found) == headings
    assert dict(Counter(b.kind for b in plan.blocks)) == kinds
    assert len(plan.dropped) == dropped


def block(edition, block_id):
    plan = edition.plan(block_id.split("/")[0])
    return next(b for b in plan.blocks if b.id == block_id)


LABELLED = [
    ("guangdong-machinery-2005/s1", "第一章", "发展现状和面临的发展环境"),
    ("guangdong-machinery-2005/s1.1.1", "（一）", "总量规模较大，部分行业居全国前列。"),
    ("guangdong-machinery-2005/preface", "", "前言"),
    ("china-machinery-2021/preface", "", "前 言"),
    ("china-machinery-2021/s1.3", "(三)", "产业基础有所增强"),
    ("china-machinery-2021/s1.1.1", "1.", "经济规模保持增势"),
    ("china-machinery-2021/s5.2.1.box1", "专栏 1", "机械工业产业基础再造工程"),
    ("china-machinery-2021/s5.3.2.box2.1", "1、", "机床工具行业"),
    ("henan-equipment-2017/s2.1.1.1", "(1)", "技术突破。"),
    ("henan-equipment-2017/s2.2.1", "1.", "数控机床。"),
    ("henan-equipment-2017/s3.3.2", "2.", "推进“机器换人 ”。"),
    ("guangdong-high-end-equipment-2021/s3.2.box1", "专栏：", "重点发展产业支撑平台"),
    (
        "shanxi-equipment-2011/s2.2/p1",
        "--",
        "高端引领。培育和发展高端装备制造产业，聚集高端要素、高端领域、高端环节，推进现代装备制造业高端化，壮大具有比较优势的产业集群，引领带动传统制造业转型升级。",
    ),
]


@pytest.mark.parametrize(("block_id", "label", "text"), LABELLED, ids=[case[0] for case in LABELLED])
def test_labels_are_kept_exactly_as_printed(edition, block_id, label, text):
    found = block(edition, block_id)
    assert (found.label, found.zh) == (label, text)


def test_page_break_splits_are_joined(edition):
    # 004 breaks “行 / 业技术创新体系” over a page; 003 breaks “较 / 为完善” and “农用无 / 人机” mid-word.
    assert "坚持创新驱动发展战略，行业技术创新体系进一步加强" in block(edition, "china-machinery-2021/s1.2.1/p1").zh
    assert "带动形成较为完善的盾构装备产业体系" in block(edition, "henan-equipment-2017/s2.1.2/p1").zh
    assert "培育形成安阳农用无人机装备产业集群" in block(edition, "henan-equipment-2017/s2.1.3.3/p2").zh
    joined = [b for b in edition.plan("china-machinery-2021").blocks if len(b.spans) > 1 and not b.label]
    assert len(joined) >= 30  # the text has about 31 paragraphs split by page breaks


def test_run_in_heading_keeps_its_text_as_a_paragraph(edition):
    assert block(edition, "henan-equipment-2017/s1.3").zh == "发展目标。"
    assert block(edition, "henan-equipment-2017/s1.3/p1").zh.startswith("通过3—5年的努力")
    assert block(edition, "henan-equipment-2017/s1.3/p1").zh.endswith("实现由装备制造大省向装备制造强省的转变。")


def test_notice_wrapper_and_title_lines_are_recognized(edition):
    plan = edition.plan("henan-equipment-2017")
    notice = [b for b in plan.blocks if b.zone == "notice"]
    assert notice[0].id == "henan-equipment-2017/notice" and notice[0].zh.endswith("的通知")
    assert [b.zh for b in notice[1:]][-2:] == ["河南省人民政府办公厅", "2017年9月29日"]
    assert [b.zh for b in plan.blocks if b.kind == "title"] == ["河南省装备制造业转型升级行动计划", "(2017—2020年)"]


def test_table_of_contents_and_debris_are_dropped_with_reasons(edition):
    toc = edition.plan("china-machinery-2021").dropped
    assert {item.reason for item in toc} == {"table of contents (regenerated from the headings)"}
    assert toc[0].text == "目录" and toc[-1].text.startswith("(八) 充分发挥行业组织作用")
    debris = edition.plan("guangdong-high-end-equipment-2021").dropped
    assert [item.text for item in debris] == [
        "[bookmark: _GoBack]",
        "[bookmark: _Hlk20315102]",
        "[bookmark: _Hlk20324447]",
    ]
    assert block(edition, "guangdong-high-end-equipment-2021/s3.2.box1.5").zh == "广东省智能化精密工具创新中心。"


def test_back_matter_is_kept_apart(edition):
    back = [b.zh for b in edition.plan("china-machinery-2021").blocks if b.zone == "back"]
    assert back == [
        "中国机械工业联合会 规划编制办公室",
        "电话：010-85800757",
        "邮箱：zhaojunping@cmif.org.cn",
        "地址：北京市东城区东四西大街 46 号",
    ]


def test_source_typos_and_odd_text_are_not_rewritten(edition):
    assert "电线电缆" in block(edition, "guangdong-machinery-2005/s1.1.1/p1").zh
    assert "设今备" in block(edition, "guangdong-machinery-2005/s1.1.1/p1").zh
    assert "**亿元" in block(edition, "guangdong-high-end-equipment-2021/s1.1/p1").zh
    assert r"$\Phi 6.28\text{m}$" in block(edition, "china-machinery-2021/s1.2.4/p2").zh
