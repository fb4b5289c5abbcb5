"""Table-driven parser cases with inline text: the quirks the five texts have, and the ones the next plan may have."""

from __future__ import annotations

import pytest

from tests.parser_checks import parse_text


def shape(plan):
    return [(b.kind, b.level, b.label, b.zh) for b in plan.blocks]


CASES = [
    (
        "jammed-with-spaces",
        "第一章总则\u00a0\u00a0\u00a0\u00a0一、目标\u00a0\u00a0\u00a0正文一。",
        [("heading", 1, "第一章", "总则"), ("heading", 2, "一、", "目标"), ("paragraph", 2, "", "正文一。")],
    ),
    (
        "run-in-heading",
        "一、任务\n（一）加强领导。成立工作组。\n",
        [("heading", 1, "一、", "任务"), ("heading", 2, "（一）", "加强领导。"), ("paragraph", 2, "", "成立工作组。")],
    ),
    (
        "half-and-full-width-parens-same-level",
        "一、甲\n（一）乙\n正文。\n(二) 丙\n正文。\n",
        [
            ("heading", 1, "一、", "甲"),
            ("heading", 2, "（一）", "乙"),
            ("paragraph", 2, "", "正文。"),
            ("heading", 2, "(二)", "丙"),
            ("paragraph", 2, "", "正文。"),
        ],
    ),
    (
        "bare-number-line",
        "一、甲\n(1)\n技术突破。正文。\n",
        [("heading", 1, "一、", "甲"), ("heading", 2, "(1)", "技术突破。"), ("paragraph", 2, "", "正文。")],
    ),
    (
        "page-break-split",
        "一、甲\n这是一个被分\n\n页打断的段落。\n",
        [("heading", 1, "一、", "甲"), ("paragraph", 1, "", "这是一个被分页打断的段落。")],
    ),
    (
        "latin-words-keep-their-space",
        "一、甲\n采用 EPC\nproject 模式。\n",
        [("heading", 1, "一、", "甲"), ("paragraph", 1, "", "采用 EPC project 模式。")],
    ),
    (
        "decimal-is-not-a-label",
        "一、甲\n2.85万亿元的规模。\n",
        [("heading", 1, "一、", "甲"), ("paragraph", 1, "", "2.85万亿元的规模。")],
    ),
    (
        "year-is-not-a-label",
        "一、甲\n2020年，产值增长。\n",
        [("heading", 1, "一、", "甲"), ("paragraph", 1, "", "2020年，产值增长。")],
    ),
    (
        "bullets",
        "一、原则\n--创新驱动。坚持创新。\n——绿色发展。\n",
        [
            ("heading", 1, "一、", "原则"),
            ("list_item", 1, "--", "创新驱动。坚持创新。"),
            ("list_item", 1, "——", "绿色发展。"),
        ],
    ),
    (
        "long-numbered-sentence-is-a-list-item",
        "一、甲\n1.这是一句很长很长的编号句子，没有句号作为标题结尾，而是一直写下去，直到以分号结束为止，超过了标题的最大长度限制的范围；\n",
        [
            ("heading", 1, "一、", "甲"),
            (
                "list_item",
                1,
                "1.",
                "这是一句很长很长的编号句子，没有句号作为标题结尾，而是一直写下去，直到以分号结束为止，超过了标题的最大长度限制的范围；",
            ),
        ],
    ),
    (
        "box-closes-at-outer-label",
        "一、甲\n1. 子\n专栏 1 重点\n关键材料。正文。\n2. 丑\n正文。\n",
        [
            ("heading", 1, "一、", "甲"),
            ("heading", 2, "1.", "子"),
            ("box", 3, "专栏 1", "重点"),
            ("paragraph", 3, "", "关键材料。正文。"),
            ("heading", 2, "2.", "丑"),
            ("paragraph", 2, "", "正文。"),
        ],
    ),
    (
        "markup-is-text",
        "一、甲\n**亿元 <script>alert(1)</script> {{ x }} [a](b) # | --\n",
        [("heading", 1, "一、", "甲"), ("paragraph", 1, "", "**亿元 <script>alert(1)</script> {{ x }} [a](b) # | --")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_parser_cases(case, text, expected):
    assert shape(parse_text(text)) == expected


def test_text_without_headings_is_one_section_with_a_warning():
    plan = parse_text("第一段没有任何标题的正文。\n第二段正文。\n")
    assert [b.kind for b in plan.blocks] == ["paragraph", "paragraph"]
    assert any("no recognizable headings" in warning for warning in plan.warnings)


def test_title_lines_and_toc_are_front_matter():
    plan = parse_text("测试规划\n目录\n一、甲\t1\n二、乙\t3\n一、甲\n正文。\n", title="测试规划")
    assert [(b.kind, b.zh) for b in plan.blocks] == [("title", "测试规划"), ("heading", "甲"), ("paragraph", "正文。")]
    assert [d.text for d in plan.dropped] == ["目录", "一、甲\t1", "二、乙\t3"]
