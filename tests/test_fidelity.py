"""Fidelity is measured: every visible character of a source reaches exactly one block, or is dropped with a reason."""

from __future__ import annotations

import pytest

from build_tools.parse.segments import SPACE
from tests.plan_structure import EXPECTED

PLAN_IDS = [case[0] for case in EXPECTED]


def coverage(plan) -> list[int]:
    """How many times each character of the normalized text is claimed by a block or a dropped item."""
    counts = [0] * len(plan.source.text)
    spans = [span for block in plan.blocks for span in block.spans] + [item.span for item in plan.dropped]
    for span in spans:
        for position in range(span.start, span.end):
            counts[position] += 1
    return counts


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_every_visible_character_reaches_exactly_one_block_or_is_dropped_on_purpose(edition, plan_id):
    plan = edition.plan(plan_id)
    text = plan.source.text
    counts = coverage(plan)
    missing = [i for i, char in enumerate(text) if char not in SPACE + "\n" and counts[i] == 0]
    doubled = [i for i, count in enumerate(counts) if count > 1]
    assert not missing, f"lost: {text[missing[0] : missing[0] + 30]!r}"
    assert not doubled, f"claimed twice: {text[doubled[0] : doubled[0] + 30]!r}"
    assert all(item.reason for item in plan.dropped)


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_block_text_is_made_of_its_spans_only(edition, plan_id):
    plan = edition.plan(plan_id)
    for block in plan.blocks:
        from_spans = "".join(plan.source.text[span.start : span.end] for span in block.spans)
        assert "".join(block.display.split()) == "".join(from_spans.split()), block.id


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_character_totals_add_up(edition, plan_id):
    plan = edition.plan(plan_id)
    visible = sum(1 for char in plan.source.text if not char.isspace())
    in_blocks = sum(len("".join(block.display.split())) for block in plan.blocks)
    in_dropped = sum(len("".join(item.text.split())) for item in plan.dropped)
    assert in_blocks + in_dropped == visible
