"""The PO store: round trip, the update rules (changed -> fuzzy and kept, removed -> obsolete and kept), idempotence."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
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
    """Block id -> entry; an active entry hides an obsolete one with the same id."""
    po = polib.pofile(str(translations / "en" / f"{plan_id}.po"))
    return {entry.msgctxt: entry for entry in sorted(po, key=lambda entry: not entry.obsolete)}


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


def test_moved_text_under_a_new_id_keeps_its_translation_and_status(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    text = source.read_text(encoding="utf-8")
    before = entries(translations)
    # Renumber (四) to (五): the block ids under it change, the text of its paragraph does not.
    source.write_text(text.replace("(四)推进试点示范。", "(五)推进试点示范。"), encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    current = entries(translations)
    moved = current[f"{PLAN}/s4.5/p1"]
    assert moved.msgstr == before[f"{PLAN}/s4.4/p1"].msgstr and moved.msgstr
    assert "fuzzy" not in moved.flags and moved.previous_msgid is None
    assert f"{PLAN}/s4.4/p1" not in current  # the entry moved with its text: nothing left behind
    heading = current[f"{PLAN}/s4.5"]  # the heading's own label changed: its English follows, fuzzy
    assert heading.msgstr == before[f"{PLAN}/s4.4"].msgstr and "fuzzy" in heading.flags


DELETED = "产业规模稳定扩大。到2020年,装备制造业规模以上企业主营业务收入突破2万亿元,年均增长11.5%左右。\n"


def test_deleting_a_paragraph_leaves_the_next_one_its_own_english(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    original = source.read_text(encoding="utf-8")
    before = entries(translations)
    assert DELETED in original
    source.write_text(original.replace(DELETED, ""), encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    after = polib.pofile(str(translations / "en" / f"{PLAN}.po"))
    active = {entry.msgctxt: entry for entry in after if not entry.obsolete}
    # The paragraph after the deleted one now has the deleted one's id, and its own English, not fuzzy.
    shifted = active[f"{PLAN}/s1.3/p2"]
    assert shifted.msgstr == before[f"{PLAN}/s1.3/p3"].msgstr and "fuzzy" not in shifted.flags
    gone = [entry for entry in after.obsolete_entries() if entry.msgid == DELETED.strip()]
    assert len(gone) == 1 and gone[0].msgstr == before[f"{PLAN}/s1.3/p2"].msgstr
    # Restored: every entry back where it was, not fuzzy, no stale previous text: the file is as before.
    original_po = (ROOT / "translations" / "en" / f"{PLAN}.po").read_bytes()
    source.write_text(original, encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    assert (translations / "en" / f"{PLAN}.po").read_bytes() == original_po


def test_reverting_an_edit_clears_fuzzy_and_the_previous_text(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("突破2万亿元", "突破3万亿元"), encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    assert "fuzzy" in entries(translations)[f"{PLAN}/s1.3/p2"].flags
    source.write_text(original, encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    text = (translations / "en" / f"{PLAN}.po").read_bytes()
    assert text == (ROOT / "translations" / "en" / f"{PLAN}.po").read_bytes()
    assert b"#| msgid" not in text


def test_an_edit_next_to_a_deletion_keeps_the_edited_paragraphs_english(workspace):
    sources, translations = workspace
    source = sources / PLAN / "source.txt"
    original = source.read_text(encoding="utf-8")
    before = entries(translations)
    edited = original.replace(DELETED, "").replace("每年推出10个以上", "每年推出12个以上")
    source.write_text(edited, encoding="utf-8")
    update_plan(parse(sources / PLAN), translations)
    shifted = entries(translations)[f"{PLAN}/s1.3/p2"]
    assert shifted.msgstr == before[f"{PLAN}/s1.3/p3"].msgstr
    assert "fuzzy" in shifted.flags and shifted.previous_msgid == before[f"{PLAN}/s1.3/p3"].msgid


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
