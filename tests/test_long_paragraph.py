"""One paragraph repeating a dated target clause thousands of times (issue 27): what a build writes and
holds grows with the paragraph, not with its square."""

from __future__ import annotations

import shutil

from build_tools.core.config import ROOT
from build_tools.pipeline import assemble, generate
from tests.conftest import sandbox_config, write_plan

CLAUSE = "到2015年产值达到100亿元，"
PLAN = "一、发展目标\n{paragraph}\n二、保障措施\n加强组织领导。\n"


def sources_with(tmp_path, times):
    sources = tmp_path / f"sources-{times}"
    write_plan(sources, "long-test-2017", PLAN.format(paragraph=CLAUSE * times).encode("utf-8"), title="长段落测试规划")
    shutil.copy(ROOT / "source_texts" / "edition.yml", sources / "edition.yml")
    return sources


def test_every_date_of_an_endless_sentence_is_on_the_timeline_with_a_bounded_excerpt(tmp_path):
    edition = assemble(sandbox_config(tmp_path, sources_with(tmp_path, 1000)))
    paragraph = next(block for block in edition.plans[0].blocks if block.zh.startswith(CLAUSE))
    dated = [entry for entry in edition.timeline if entry.block_id == paragraph.id]
    assert len(dated) == 1000
    assert [entry.start for entry in dated] == [index * len(CLAUSE) + 1 for index in range(1000)]
    for entry in dated:
        assert entry.text == "2015年" and entry.snippet in paragraph.zh and entry.text in entry.snippet
        assert len(entry.snippet) <= 2 * 200 + len(entry.text)


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
