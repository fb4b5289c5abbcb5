"""One paragraph repeating a dated target clause thousands of times (issue 27): what a build writes and
holds grows with the paragraph, not with its square."""

from __future__ import annotations

import dataclasses
import shutil

from build_tools.core.config import ROOT
from build_tools.pipeline import assemble, generate
from tests.conftest import sandbox_config, write_plan

CLAUSE = "到2015年产值达到100亿元，"
TARGET_CLAUSE = "到2025年产值达到100亿元，"
"""A target: 2025 lies after the plan's issue (2020), 2015 before it (a fact, no target)."""
PLAN = "一、发展目标\n{paragraph}\n二、保障措施\n加强组织领导。\n"


def sources_with(tmp_path, times, clause=CLAUSE):
    sources = tmp_path / f"sources-{times}"
    write_plan(sources, "long-test-2017", PLAN.format(paragraph=clause * times).encode("utf-8"), title="长段落测试规划")
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    return sources


def test_every_date_of_an_endless_sentence_is_on_the_timeline_with_a_bounded_excerpt(tmp_path):
    edition = assemble(sandbox_config(tmp_path, sources_with(tmp_path, 1000)))
    paragraph = next(block for block in edition.plans[0].blocks if block.zh.startswith(CLAUSE))
    dated = [entry for entry in edition.timeline if entry.block_id == paragraph.id]
    assert len(dated) == 1000
    assert [entry.start for entry in dated] == [index * len(CLAUSE) + 1 for index in range(1000)]
    for entry in dated:
        snippet = edition.snippet(entry)
        assert entry.text == "2015年" and entry.snippet_start <= entry.start < entry.snippet_end
        assert entry.text in snippet and len(snippet) <= 2 * 200 + len(entry.text)


def text_fields(entry) -> list[str]:
    """Every string an entry holds, in its fields and in tuples of them."""
    values = [getattr(entry, field.name) for field in dataclasses.fields(entry)]
    return [v for value in values for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, str)]


def test_entries_point_into_the_paragraph_and_hold_no_copy_of_it(tmp_path):
    edition = assemble(sandbox_config(tmp_path, sources_with(tmp_path, 1000, TARGET_CLAUSE)))
    paragraph = next(block for block in edition.plans[0].blocks if block.zh.startswith(TARGET_CLAUSE))
    dated = [entry for entry in edition.timeline if entry.block_id == paragraph.id]
    targets = [target for target in edition.targets if target.block_id == paragraph.id]
    assert len(dated) == len(targets) == 1000
    assert {(target.text, target.subject, target.year) for target in targets} == {("100亿元", "产值", 2025)}
    for entry in (*dated, *targets):
        assert entry.text in edition.snippet(entry)
        # Of the paragraph's text an entry holds at most its own expression (2015年, 100亿元, 产值), never
        # the sentence around it: that is a slice of the block, made when a page or an export prints it.
        copied = [value for value in text_fields(entry) if value and value in paragraph.zh]
        assert copied and max(len(value) for value in copied) <= len(entry.text), copied


def test_pages_and_exports_grow_linearly_with_the_paragraph(tmp_path):
    written = {}
    for times in (1000, 2000):
        config = sandbox_config(tmp_path / str(times), sources_with(tmp_path, times))
        generate(config)
        written[times] = sum(path.stat().st_size for path in config.docs.rglob("*") if path.is_file())
    config = sandbox_config(tmp_path / "alone", sources_with(tmp_path, 1))
    generate(config)
    alone = sum(path.stat().st_size for path in config.docs.rglob("*") if path.is_file())
    # Twice the clauses: about twice the bytes beyond the plan alone (quadratic output gave four times).
    assert (written[2000] - alone) < 2.2 * (written[1000] - alone)
