"""Block ids are unique, readable and permanent: an edit elsewhere does not change them."""

from __future__ import annotations

import re

from build_tools.core.config import ROOT
from build_tools.parse.parser import parse_plan
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from tests.conftest import copy_real_sources

ID = re.compile(r"^[a-z0-9-]+/(front|title|notice|back|s0|preface|introduction|conclusion|[a-z0-9.]+)(/p\d+)?$")


def parse(folder):
    return parse_plan(load_meta(folder / "meta.yml", folder.name), load_source(folder / "source.txt"))


def test_ids_are_unique_and_readable(edition):
    for plan in edition.plans:
        ids = [block.id for block in plan.blocks]
        assert len(ids) == len(set(ids)), plan.meta.id
        assert all(ID.match(block_id) for block_id in ids), [i for i in ids if not ID.match(i)][:3]
        anchors = [block.anchor for block in plan.blocks]
        assert len(anchors) == len(set(anchors))


def test_ids_and_hashes_survive_an_edit_elsewhere(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    folder = sources / "china-machinery-2021"
    before = parse(folder)
    text = (folder / "source.txt").read_text(encoding="utf-8")
    edited = text.replace("机械工业是国民经济发展的基础性和战略性产业", "机械工业是国民经济发展的基础性、战略性产业", 1)
    edited = edited.replace("\n（二）创新发展不断推进\n", "\n（二）创新发展不断推进\n\n新插入的一段说明文字。\n", 1)
    assert edited != text
    (folder / "source.txt").write_text(edited, encoding="utf-8")
    after = parse(folder)
    old = {b.id: b.hash for b in before.blocks}
    new = {b.id: b.hash for b in after.blocks}
    changed = {block_id for block_id in old if new.get(block_id) != old[block_id]}
    assert changed == {"china-machinery-2021/preface/p1"}
    assert set(new) - set(old) == {"china-machinery-2021/s1.2/p1"}
    assert new["china-machinery-2021/s5.3.2.box2.1/p1"] == old["china-machinery-2021/s5.3.2.box2.1/p1"]


def test_ids_do_not_depend_on_the_folder_location(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    here = parse(ROOT / "source_texts" / "henan-equipment-2017")
    there = parse(sources / "henan-equipment-2017")
    assert [(b.id, b.hash) for b in here.blocks] == [(b.id, b.hash) for b in there.blocks]
