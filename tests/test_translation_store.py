"""The PO store: round trip, the update rules (changed -> fuzzy and kept, removed -> obsolete and kept), idempotence."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from build_tools.config import ROOT
from build_tools.errors import InputError
from build_tools.parse.parser import parse_plan
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from build_tools.translation.store import load_po, read_translations, serialize, update_plan
from tests.conftest import copy_real_sources

PLAN = "henan-equipment-2017"


def parse(folder: Path):
    return parse_plan(load_meta(folder / "meta.yml", folder.name), load_source(folder / "source.txt"))


@pytest.fixture
def workspace(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    return sources, translations


def entries(translations: Path, plan_id: str = PLAN) -> dict[str, polib.POEntry]:
    return {entry.msgctxt: entry for entry in polib.pofile(str(translations / "en" / f"{plan_id}.po"))}


@pytest.mark.parametrize("path", sorted((ROOT / "translations" / "en").glob("*.po")), ids=lambda p: p.stem)
def test_po_files_round_trip_byte_for_byte(path):
    assert serialize(load_po(path)) == path.read_bytes()


def test_store_is_in_sync_with_the_sources(workspace):
    sources, translations = workspace
    for folder in sorted(p for p in sources.iterdir() if p.is_dir()):
        assert update_plan(parse(folder), translations) is False, folder.name


def test_changed_source_keeps_translation_as_fuzzy_with_previous_text(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("装备制造业总体水平居我省5大主导产业之首", "装备制造业总体水平居我省五大主导产业之首"),
        encoding="utf-8",
    )
    before = entries(translations)[f"{PLAN}/s1.1/p1"]
    assert update_plan(parse(sources / PLAN), translations)
    after = entries(translations)[f"{PLAN}/s1.1/p1"]
    assert after.msgstr == before.msgstr and after.msgstr
    assert "fuzzy" in after.flags
    assert after.previous_msgid == before.msgid
    assert "五大主导产业" in after.msgid
    stored = read_translations(parse(sources / PLAN), translations)[f"{PLAN}/s1.1/p1"]
    assert stored.status == "fuzzy" and stored.text == before.msgstr
    assert update_plan(parse(sources / PLAN), translations) is False  # idempotent


def test_removed_block_is_kept_as_obsolete_and_comes_back(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    original = source.read_text(encoding="utf-8")
    removed = (
        "竞争实力明显跃升。到2020年,培育8家左右拥有国际知名品牌和较强核心竞争力的装备制造龙头企业,"
        "在全球产业分工和价值链中的地位明显提升。\n"
    )
    assert removed in original
    source.write_text(original.replace(removed, ""), encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    kept = entries(translations)[f"{PLAN}/s1.3/p5"]
    assert kept.obsolete and kept.msgstr.startswith("Marked leap in competitive strength.")
    assert "#~ msgctxt" in (translations / "en" / f"{PLAN}.po").read_text(encoding="utf-8")
    source.write_text(original, encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    revived = entries(translations)[f"{PLAN}/s1.3/p5"]
    assert not revived.obsolete and "fuzzy" not in revived.flags and revived.msgstr == kept.msgstr


def test_moved_text_under_a_new_id_inherits_its_translation(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    text = source.read_text(encoding="utf-8")
    # Renumber (四) to (五): the block ids under it change, the text of its paragraph does not.
    source.write_text(text.replace("(四)推进试点示范。", "(五)推进试点示范。"), encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    current = entries(translations)
    assert current[f"{PLAN}/s4.4/p1"].obsolete
    moved = current[f"{PLAN}/s4.5/p1"]
    assert moved.msgstr == current[f"{PLAN}/s4.4/p1"].msgstr and moved.msgstr
    assert "fuzzy" in moved.flags and moved.previous_msgctxt == f"{PLAN}/s4.4/p1"


def test_deleting_a_plan_leaves_its_translations_alone(workspace):
    sources, translations = workspace
    po = translations / "en" / f"{PLAN}.po"
    before = po.read_bytes()
    shutil.rmtree(sources / PLAN)
    for folder in sorted(p for p in sources.iterdir() if p.is_dir()):
        update_plan(parse(folder), translations)
    assert po.read_bytes() == before


@pytest.mark.parametrize(
    ("case", "content", "message", "line"),
    [
        ("syntax", 'msgctxt "x/s1"\nmsgid "a"\nmsgstr "b"\n\nthis is not PO\n', "malformed PO file", 5),
        (
            "duplicate-block",
            'msgctxt "x/s1"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x/s1"\nmsgid "a"\nmsgstr "c"\n',
            "duplicate entry for block 'x/s1'",
            5,
        ),
    ],
    ids=["syntax", "duplicate-block"],
)
def test_malformed_po_is_a_clear_error(tmp_path, case, content, message, line):
    broken = tmp_path / "broken.po"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_po(broken)
    assert str(broken) in str(raised.value) and message in str(raised.value)
    assert raised.value.line == line


def test_translation_tools_can_read_the_store():
    path = ROOT / "translations" / "en" / f"{PLAN}.po"
    result = subprocess.run([str(Path(sys.executable).parent / "pocount"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Translated:" in result.stdout
