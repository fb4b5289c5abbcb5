"""Timeline and target extraction: dated expressions on crafted text, kinds and targets on the five real plans."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.enrich.targets import extract_targets
from build_tools.enrich.timeline import extract_timeline, issue_year, target_section
from build_tools.enrich.years import chinese_year, find_years, fyp_period
from build_tools.model import TIMELINE_KINDS

# ------------------------------------------------------------------------------- year finding

YEAR_CASES = [
    # (id, text, [(matched text, year, end_year)])
    ("digits", "2003年我省机械工业", [("2003年", 2003, 2003)]),
    ("digits-space", "比 2015 年提高", [("2015 年", 2015, 2015)]),
    ("heading-space", "（二） 2025 年发展目标", [("2025 年", 2025, 2025)]),
    ("year-end", "截至2020年底，机械工业", [("2020年", 2020, 2020)]),
    ("after-comma", "工程 ,2017年在机械", [("2017年", 2017, 2017)]),
    ("range-emdash", "(2017—2020年)", [("2017—2020年", 2017, 2020)]),
    ("range-hyphen", "2016-2019年，增速", [("2016-2019年", 2016, 2019)]),
    ("range-fullwidth", "2016－2018年行动", [("2016－2018年", 2016, 2018)]),
    ("range-zhi", "2015年至2019年下降", [("2015年至2019年", 2015, 2019)]),
    ("range-bare", "2009-2011 三年", [("2009-2011", 2009, 2011)]),
    ("since-zhijin", "2016年至今，建设", [("2016年至今", 2016, None)]),
    ("since-yilai", "2015年以来我国", [("2015年以来", 2015, None)]),
    ("list", "2019、2020两年甚至", [("2019", 2019, 2019), ("2020", 2020, 2020)]),
    ("iso-date", "发布日期:2017-09-29", [("2017-09-29", 2017, 2017)]),
    ("chinese-o", "二〇三五年远景目标", [("二〇三五年", 2035, 2035)]),
    ("chinese-ling", "二零二零年", [("二零二零年", 2020, 2020)]),
    ("fyp-quoted", "“十三五”时期，我国", [("“十三五”时期", 2016, 2020)]),
    ("fyp-ascii-quotes", '"十一五"中后期重点', [('"十一五"中后期', 2008, 2010)]),
    ("fyp-early-part", "“十二五”前期完成", [("“十二五”前期", 2011, 2012)]),
    ("fyp-middle", "十三五中期评估", [("十三五中期", 2018, 2018)]),
    ("fyp-late-part", "“十四五”后期", [("“十四五”后期", 2024, 2025)]),
    ("fyp-bracket", "（十二五）规划", [("（十二五）", 2011, 2015)]),
    ("fyp-end", "“十二五”末期从业人员", [("“十二五”末期", 2015, 2015)]),
    ("fyp-since", "“十一五”以来，山西", [("“十一五”以来", 2006, None)]),
    ("fyp-bare-period", "十四五期间", [("十四五期间", 2021, 2025)]),
    ("fyp-shiwu-bare", "十五时期", [("十五时期", 2001, 2005)]),
    ("fyp-shiwu-quoted", "“十五”以来", [("“十五”以来", 2001, None)]),
    ("two-in-one", "由 2015 年的 18.7% 增至 2020 年的 27.9%", [("2015 年", 2015, 2015), ("2020 年", 2020, 2020)]),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in YEAR_CASES], ids=[c[0] for c in YEAR_CASES])
def test_find_years(text, expected):
    found = find_years(text)
    assert [(m.text, m.year, m.end_year) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


NOT_YEARS = [
    ("companies", "规模以上生产企业1998家"),
    ("yi-yuan", "工业总产值1940亿元"),
    ("yi-yuan-target", "总产值达到7000亿元"),
    ("yi-yuan-2005", "达到2800亿元"),
    ("tonnes", "3200吨以上的大吨位自动压砖机"),
    ("hours", "从500小时到1600小时的跨越"),
    ("hours-space", "国际先进的 2000 小时"),
    ("tonnes-5000", "5000吨"),
    ("kilovolt", "110kV及以上"),
    ("phone", "电话：010-85800757"),
    ("decimal", "2.85万亿元"),
    ("dollars", "超过 7800 亿美元"),
    ("projects", "研发项目1600项以上"),
    ("units-range", "2000-3000吨"),
    ("ershiwu", "二十五个省"),
    ("shiwu-count", "十五个行业"),
    ("ershiwu-period", "第二十五期间"),
    ("tonnage-range", "1950-2000吨级"),
    ("long-number", "编号2009-20110"),
    ("decade", "20世纪30年代"),
    ("model", "CAP1400）示范工程"),
]


@pytest.mark.parametrize("text", [case[1] for case in NOT_YEARS], ids=[c[0] for c in NOT_YEARS])
def test_not_years(text):
    assert find_years(text) == ()


@pytest.mark.parametrize(
    ("name", "period"),
    [("十五", (2001, 2005)), ("十一五", (2006, 2010)), ("十二五", (2011, 2015)), ("十三五", (2016, 2020)),
     ("十四五", (2021, 2025)), ("十五五", (2026, 2030)), ("九五", (1996, 2000))],
)  # fmt: skip
def test_fyp_period(name, period):
    assert fyp_period(name) == period


def test_chinese_year_reads_both_zeros():
    assert (chinese_year("二〇三五"), chinese_year("二零零五")) == (2035, 2005)


# ------------------------------------------------------------------------ timeline (real plans)


@pytest.fixture(scope="module")
def timeline(edition):
    return extract_timeline(edition)


@pytest.fixture(scope="module")
def targets(edition):
    return extract_targets(edition)


def entry_at(timeline, block_id, text):
    found = [e for e in timeline if e.block_id == block_id and e.text == text]
    assert len(found) == 1, f"{block_id} {text}: {found}"
    return found[0]


REAL_ENTRIES = [
    # (id, block id, dated text, kind, year, end_year)
    ("gd05-fact-2003", "guangdong-machinery-2005/s1.1.1/p1", "2003年", "fact", 2003, 2003),
    ("gd05-target-2010", "guangdong-machinery-2005/s2.2/p2", "2010年", "target", 2010, 2010),
    ("gd05-target-issue-year", "guangdong-machinery-2005/s2.2/p1", "2005年", "target", 2005, 2005),
    ("gd05-own-period", "guangdong-machinery-2005/preface/p1", "2005-2010年", "period", 2005, 2010),
    ("gd05-fyp-future", "guangdong-machinery-2005/s3.1.1/p2", '"十一五"中后期', "target", 2008, 2010),
    ("sx11-since-past", "shanxi-equipment-2011/s1.1/p1", "“十一五”以来", "reference", 2006, 2011),
    ("sx11-past-during", "shanxi-equipment-2011/s1.1.1/p1", "“十一五”期间", "reference", 2006, 2010),
    ("sx11-year-end", "shanxi-equipment-2011/s1.2.1/p1", "2010年", "fact", 2010, 2010),
    ("sx11-own-period", "shanxi-equipment-2011/s1.3/p1", "“十二五”时期", "period", 2011, 2015),
    ("sx11-relative-end", "shanxi-equipment-2011/s2.3/p9", "“十二五”末期", "target", 2015, 2015),
    ("he17-issue-date", "henan-equipment-2017/notice/p1", "2017-09-29", "issued", 2017, 2017),
    ("he17-signature-date", "henan-equipment-2017/notice/p5", "2017年", "issued", 2017, 2017),
    ("he17-own-title", "henan-equipment-2017/notice/p3", "2017—2020年", "period", 2017, 2020),
    ("he17-other-plan", "henan-equipment-2017/s0/p1", "2016—2018年", "reference", 2016, 2018),
    ("he17-fact-2016", "henan-equipment-2017/s1.1/p1", "2016年", "fact", 2016, 2016),
    ("he17-target-2020", "henan-equipment-2017/s1.3/p2", "2020年", "target", 2020, 2020),
    ("gh21-title-period", "guangdong-high-end-equipment-2021/title/p2", "2021—2025年", "period", 2021, 2025),
    ("gh21-fact-2019", "guangdong-high-end-equipment-2021/s1.1/p1", "2019年", "fact", 2019, 2019),
    ("gh21-target-2025", "guangdong-high-end-equipment-2021/s2.2/p1", "2025年", "target", 2025, 2025),
    ("cm21-front-date", "china-machinery-2021/front/p4", "2021年", "issued", 2021, 2021),
    ("cm21-title-fyp", "china-machinery-2021/title/p1", "“十四五”", "period", 2021, 2025),
    ("cm21-since-now", "china-machinery-2021/s1.2.1/p2", "2016年至今", "fact", 2016, 2021),
    ("cm21-past-fyp", "china-machinery-2021/s4.2/p2", "“十三五”", "reference", 2016, 2020),
    ("cm21-fyp-end", "china-machinery-2021/s4.2/p1", "“十四五”末期", "target", 2025, 2025),
    ("cm21-heading-2035", "china-machinery-2021/s4.3", "2035 年", "target", 2035, 2035),
    ("cm21-chinese-2035", "china-machinery-2021/s5/p1", "二〇三五年", "target", 2035, 2035),
    ("cm21-list-year", "china-machinery-2021/s2.1.2/p1", "2020", "fact", 2020, 2020),
]


@pytest.mark.parametrize(("block_id", "text", "kind", "year", "end_year"), [c[1:] for c in REAL_ENTRIES],
                         ids=[c[0] for c in REAL_ENTRIES])  # fmt: skip
def test_real_entry(timeline, block_id, text, kind, year, end_year):
    entry = entry_at(timeline, block_id, text)
    assert (entry.kind, entry.year, entry.end_year) == (kind, year, end_year)


def test_relative_expressions_are_recorded(timeline):
    assert entry_at(timeline, "shanxi-equipment-2011/s2.3/p9", "“十二五”末期").relative == "“十二五”末期"
    assert entry_at(timeline, "china-machinery-2021/s1.2.1/p2", "2016年至今").relative == "2016年至今"
    assert entry_at(timeline, "henan-equipment-2017/s1.3/p2", "2020年").relative == ""


def test_years_off_the_axis_are_kept_and_flagged(timeline):
    assert entry_at(timeline, "guangdong-machinery-2005/s1.1.1/p1", "2003年").outside_axis
    assert not entry_at(timeline, "china-machinery-2021/s5/p1", "二〇三五年").outside_axis


@pytest.mark.parametrize(
    ("plan_id", "block_id", "year"),
    [("shanxi-equipment-2011", "", 2011), ("henan-equipment-2017", "henan-equipment-2017/notice/p1", 2017),
     ("china-machinery-2021", "china-machinery-2021/front/p4", 2021)],
)  # fmt: skip
def test_one_issued_entry_from_metadata_per_plan(timeline, plan_id, block_id, year):
    first = next(e for e in timeline if e.plan_id == plan_id and e.kind == "issued")
    assert (first.block_id, first.year, first.end_year) == (block_id, year, year)


def test_every_plan_has_its_period(edition, timeline):
    for plan in edition.plans:
        spans = {(e.year, e.end_year) for e in timeline if e.plan_id == plan.meta.id and e.kind == "period"}
        assert tuple(plan.meta.period) in spans


def test_entries_are_well_formed(edition, timeline):
    blocks = {block.id: block for plan in edition.plans for block in plan.blocks}
    for entry in timeline:
        assert entry.kind in TIMELINE_KINDS and entry.year <= entry.end_year
        if entry.block_id:
            zh = blocks[entry.block_id].zh
            assert entry.text in edition.snippet(entry)
            if entry.start >= 0:  # the sentence quoted is the one around the expression
                assert entry.snippet_start <= entry.start < entry.start + len(entry.text) <= entry.snippet_end
            assert zh[entry.start : entry.start + len(entry.text)] == entry.text


def test_order_is_plan_date_then_block_then_offset(edition, timeline):
    plan_order = [plan.meta.id for plan in edition.plans]
    positions = {block.id: n for plan in edition.plans for n, block in enumerate(plan.blocks)}
    keys = [(plan_order.index(e.plan_id), positions.get(e.block_id, -1), e.start) for e in timeline]
    assert keys == sorted(keys)
    assert extract_timeline(reversed(edition.plans)) == timeline


def test_past_years_are_never_targets(edition, timeline):
    issued = {plan.meta.id: issue_year(plan) for plan in edition.plans}
    assert all(e.end_year >= issued[e.plan_id] for e in timeline if e.kind == "target")


@pytest.mark.parametrize(
    ("block_id", "heading_id"),
    [("china-machinery-2021/s4.2/p3", "china-machinery-2021/s4.2"),  # 2025 年发展目标
     ("china-machinery-2021/s4.1/p1", None),  # 指导思想 inside 指导思想与发展目标
     ("guangdong-machinery-2005/s2.1/p1", None),  # the same in a 第二章
     ("shanxi-equipment-2011/s2.3/p1", "shanxi-equipment-2011/s2.3"),  # 目标任务
     ("shanxi-equipment-2011/s6.2/p1", None)],  # 完善目标责任体系 is no target section
)  # fmt: skip
def test_target_section(edition, block_id, heading_id):
    plan = edition.plan(block_id.split("/")[0])
    heading = target_section(plan, next(b for b in plan.blocks if b.id == block_id))
    assert (heading.id if heading else None) == heading_id


# ---------------------------------------------------------------------------------- targets

REAL_TARGETS = [
    # (id, plan id, year, metric, value, unit)
    ("gd05-output-2010", "guangdong-machinery-2005", 2010, "机械工业总产值", 7000, "亿元"),
    ("gd05-growth-2010", "guangdong-machinery-2005", 2010, "机械工业总产值", 20, "%"),
    ("gd05-output-2005", "guangdong-machinery-2005", 2005, "机械工业总产值", 2800, "亿元"),
    ("sx11-sales", "shanxi-equipment-2011", 2015, "规模以上装备制造业销售收入", 3500, "亿元"),
    ("sx11-value-added", "shanxi-equipment-2011", 2015, "规模以上装备制造业工业增加值", 30, "%"),
    ("sx11-employment", "shanxi-equipment-2011", 2015, "从业人员规模", 45, "万人"),
    ("he17-revenue", "henan-equipment-2017", 2020, "装备制造业规模以上企业主营业务收入", 2, "万亿元"),
    ("he17-growth", "henan-equipment-2017", 2020, "装备制造业规模以上企业主营业务收入", 11.5, "%"),
    ("he17-counted-robots", "henan-equipment-2017", 2017, "规模化示范应用机器人", 2000, "台"),
    (
        "he17-counted-after-verb",
        "henan-equipment-2017",
        2020,
        "拥有国际知名品牌和较强核心竞争力的装备制造龙头企业",
        8,
        "家",
    ),
    ("gh21-growth", "guangdong-high-end-equipment-2021", 2025, "高端装备制造产业营业收入", 6, "%"),
    ("gh21-blank", "guangdong-high-end-equipment-2021", 2025, "高端装备制造产业营业收入", None, "亿元"),
    ("cm21-self-reliance", "china-machinery-2021", 2025, "核心基础零部件、关键基础材料实现自主保障", 70, "%"),
]


@pytest.mark.parametrize(("plan_id", "year", "metric", "value", "unit"), [c[1:] for c in REAL_TARGETS],
                         ids=[c[0] for c in REAL_TARGETS])  # fmt: skip
def test_real_target(targets, plan_id, year, metric, value, unit):
    found = [(t.year, t.value, t.unit) for t in targets if t.plan_id == plan_id and t.subject == metric]
    assert (year, value, unit) in found


def test_target_years_come_from_the_right_place(targets):
    sources = {(t.block_id, t.text): t.year_source for t in targets}
    assert sources[("shanxi-equipment-2011/s2.3/p1", "3500亿元")] == "period-end"
    assert sources[("china-machinery-2021/s4.2/p3", "70%")] == "section"
    assert sources[("henan-equipment-2017/s1.3/p2", "2万亿元")] == "stated"
    assert sources[("guangdong-machinery-2005/s2.2/p2", "1家")] == "block"


def test_target_qualifiers_and_ranges(targets):
    by_text = {(t.block_id, t.text): t for t in targets}
    growth = by_text[("henan-equipment-2017/s1.3/p2", "11.5%左右")]
    groups = by_text[("henan-equipment-2017/s2.1.1/p1", "2—3家")]
    assert (growth.value, growth.qualifier) == (11.5, "左右")
    assert (groups.value, groups.value_high, groups.unit) == (2, 3, "家")


def test_facts_give_no_targets(targets):
    blocks = {t.block_id for t in targets}
    assert "guangdong-high-end-equipment-2021/s1.1/p1" not in blocks  # 2019年…**亿元: a past fact
    assert not any(t.block_id.startswith("china-machinery-2021/s1") for t in targets)


def test_target_snippets_are_source_text(edition, targets):
    blocks = {block.id: block for plan in edition.plans for block in plan.blocks}
    for target in targets:
        assert target.block_id in blocks and target.text in edition.snippet(target)


# ------------------------------------------------------------------- plan-relative (crafted)


def with_text(plan, block_id, zh):
    """The plan with one block's text replaced: a crafted case on a real plan's structure."""
    blocks = tuple(dataclasses.replace(b, zh=zh) if b.id == block_id else b for b in plan.blocks)
    return dataclasses.replace(plan, blocks=blocks)


def test_plan_relative_words_resolve_to_the_period(edition):
    block_id = "guangdong-high-end-equipment-2021/s2.3/p1"
    plan = with_text(edition.plan("guangdong-high-end-equipment-2021"), block_id, "到规划期末，集群产值达到500亿元。")
    entry = entry_at(extract_timeline([plan]), block_id, "规划期末")
    assert (entry.kind, entry.year, entry.end_year, entry.relative) == ("target", 2025, 2025, "规划期末")
    target = next(t for t in extract_targets([plan]) if t.block_id == block_id)
    assert (target.year, target.subject, target.value, target.unit) == (2025, "集群产值", 500, "亿元")
