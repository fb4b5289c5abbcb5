"""Property-based tests: any text in, a valid document out, every visible character kept exactly once."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.parser_checks import parse_text

# Lines built from the pieces these documents are made of, so the parser's states are all reached.
PIECES = st.sampled_from(
    [
        "第一章",
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（3）",
        "(4)",
        "--",
        "——",
        "专栏 1",
        "专栏：",
        "前言",
        "前 言",
        "目录",
        "测试规划",
        "附件",
        "电话：",
        "[bookmark: _x]",
        "的通知",
        "发展目标。",
        "正文内容",
        "到2025年",
        "**",
        "<b>",
        "{{ x }}",
        "[a](b)",
        "。",
        "，",
        "；",
        "：",
        "\u3000\u3000",
        "\u00a0\u00a0\u00a0",
        "  ",
        " ",
        "\t",
        "2.85",
        "EPC",
        "机床",
        "A",
        "z",
        "\n",
        "\n\n",
    ]
)
LINES = st.lists(PIECES, min_size=0, max_size=40).map("".join)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


def assert_faithful(text: str) -> None:
    plan = parse_text(text)
    source = plan.source.text
    claimed = [0] * len(source)
    for span in [s for block in plan.blocks for s in block.spans] + [d.span for d in plan.dropped]:
        assert 0 <= span.start <= span.end <= len(source)
        for position in range(span.start, span.end):
            claimed[position] += 1
    for position, char in enumerate(source):
        if char.isspace() or char in "\u3000\u00a0":
            assert claimed[position] <= 1
        else:
            assert claimed[position] == 1, (repr(text), position, char)
    ids = [block.id for block in plan.blocks]
    assert len(ids) == len(set(ids))
    for block in plan.blocks:
        assert block.kind in ("title", "heading", "paragraph", "list_item", "box")
        assert block.level >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_document_shaped_text_is_parsed_faithfully(text):
    assert_faithful(text)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_any_text_is_parsed_faithfully(text):
    assert_faithful(text)
