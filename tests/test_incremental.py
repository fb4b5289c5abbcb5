"""Incremental builds: one writer that leaves equal files alone, a no-change build that does nothing,
an edit that rewrites only what depends on it and gives the same site as a clean build."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.core.config import ROOT
from build_tools.core.write import write_if_changed, writing
from build_tools.pipeline import build
from tests.conftest import copy_real_sources, sandbox_config

PLAN = "shanxi-equipment-2011"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_an_equal_write_leaves_the_file_and_its_time_alone(tmp_path):
    path = tmp_path / "a" / "page.md"
    assert write_if_changed(path, "第一\n")
    os.utime(path, ns=(1, 1))
    assert not write_if_changed(path, "第一\n".encode())
    assert path.stat().st_mtime_ns == 1
    assert write_if_changed(path, "第二\n")
    assert path.read_text(encoding="utf-8") == "第二\n" and path.stat().st_mtime_ns != 1
    assert [p.name for p in path.parent.iterdir()] == ["page.md"]  # no temporary file left


def test_a_file_another_library_writes_replaces_the_old_one_only_when_it_differs(tmp_path):
    path = tmp_path / "bundle.zip"
    path.write_bytes(b"same")
    os.utime(path, ns=(1, 1))
    with writing(path) as partial:
        partial.write_bytes(b"same")
    assert path.stat().st_mtime_ns == 1
    with pytest.raises(RuntimeError), writing(path) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("killed")
    assert path.read_bytes() == b"same"
    with writing(path) as partial:
        partial.write_bytes(b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["bundle.zip"]


def _edit_translation(po: Path, block_id: str, english: str) -> None:
    """Replace the English of one entry (its msgstr, found after its msgctxt)."""
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgctxt "{block_id}"')
    value = text.index('msgstr "', start)
    end = text.index("\n\n", value)
    po.write_text(f'{text[:value]}msgstr "{english}"{text[end:]}', encoding="utf-8")


def rewritten_since(before: dict, after: dict) -> set[str]:
    """Site files written (new, or a new mtime) between two snapshots."""
    return {path for path, (_, mtime) in after.items() if before.get(path, (b"", -1))[1] != mtime}


def of_other_plans(paths: set[str]) -> set[str]:
    """The paths under plans/ that belong to any plan but the edited one."""
    return {path for path in paths if path.startswith("plans/") and not path.startswith(f"plans/{PLAN}/")}


def shows_in_plan_parts(snap: dict, text: str) -> bool:
    parts = (data for path, (data, _) in snap.items() if path.startswith(f"plans/{PLAN}/part-"))
    return any(text in data.decode("utf-8", "replace") for data in parts)


@pytest.mark.build
def test_a_rebuild_redoes_only_what_an_edit_touches_and_matches_a_clean_build(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    config = replace(sandbox_config(tmp_path, sources), translations=tmp_path / "translations")
    assert build(config) is not None
    first = snapshot(config.site)

    assert build(config) is None  # nothing changed: nothing is done
    assert snapshot(config.site) == first  # byte-identical, and not one file rewritten

    block = f"{PLAN}/s1.1/p1"
    _edit_translation(tmp_path / "translations" / "en" / f"{PLAN}.po", block, "An English line edited for the test.")
    assert build(config) is not None
    second = snapshot(config.site)
    rewritten = rewritten_since(first, second)
    assert shows_in_plan_parts({path: second[path] for path in rewritten}, "An English line edited for the test.")
    assert not of_other_plans(rewritten)
    assert len(rewritten) < len(second) // 5, sorted(rewritten)

    source = sources / PLAN / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("创新水平。", "创新水平和能力。", 1), encoding="utf-8")
    assert build(config) is not None
    third = snapshot(config.site)
    assert shows_in_plan_parts(third, "创新水平和能力")
    assert not of_other_plans(rewritten_since(second, third))

    clean = replace(config, site=tmp_path / "clean-site")
    build(clean, clean=True)
    assert {path: data for path, (data, _) in snapshot(clean.site).items()} == {
        path: data for path, (data, _) in third.items()
    }
