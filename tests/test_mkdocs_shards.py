"""MkDocs in shares on every core (build_tools/site/mkdocs_shard.py): the same site as one process, and a broken
anchor link still fails the build when the linking page and its target are built by different shares."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from build_tools.core import parallel
from build_tools.core.config import BuildConfig
from build_tools.core.errors import BuildFailed
from build_tools.site.mkdocs_build import mkdocs_build
from build_tools.site.mkdocs_shard import shares


def test_shares_hold_every_page_once_and_balance_sizes():
    sizes = {f"page-{number:03d}.md": (number * 7919) % 1000 + 1 for number in range(200)}
    split = shares(sizes, 3)
    assert set().union(*split) == set(sizes) and sum(len(share) for share in split) == len(sizes)
    loads = [sum(sizes[name] for name in share) for share in split]
    assert max(loads) - min(loads) <= max(sizes.values())
    assert shares(dict(reversed(list(sizes.items()))), 3) == split  # the same split in every process


def _docs_of(built_site: Path, tmp: Path) -> Path:
    docs = tmp / "docs"
    shutil.copytree(built_site.parent / "docs", docs)
    return docs


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files, *comparison.funny_files]
    found = [f"{left.name}/{name}" for name in found]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


def test_a_build_in_shares_equals_one_process(built_site, tmp_path, monkeypatch):
    docs = _docs_of(built_site, tmp_path)
    monkeypatch.setattr(parallel, "cores", lambda: 3)  # three shares even on a two-core machine
    monkeypatch.setenv("BUILD_WORKERS", "3")
    mkdocs_build(BuildConfig(docs=docs, site=tmp_path / "shares"), clean=True)
    monkeypatch.setenv("BUILD_WORKERS", "1")
    mkdocs_build(BuildConfig(docs=docs, site=tmp_path / "one"), clean=True)
    assert _differences(tmp_path / "shares", tmp_path / "one") == []
    assert len(list((tmp_path / "one").rglob("*.html"))) > 100


def test_a_broken_anchor_fails_across_shares(built_site, tmp_path, monkeypatch):
    docs = _docs_of(built_site, tmp_path)
    pages = {path.relative_to(docs).as_posix(): path.stat().st_size for path in docs.rglob("*.md")}
    split = shares(pages, 2)
    glossary_share = next(share for share in split if "glossary.md" in share)
    elsewhere = sorted(name for name in pages if name not in glossary_share and name.count("/") == 0)
    assert elsewhere, "a top-level page in the other share"
    for name in elsewhere[:3]:
        with (docs / name).open("a", encoding="utf-8") as page:
            page.write("\n[a broken anchor](glossary.md#no-such-term)\n")
    monkeypatch.setenv("BUILD_WORKERS", "2")
    with pytest.raises(BuildFailed) as failed:
        mkdocs_build(BuildConfig(docs=docs, site=tmp_path / "site"), clean=True)
    for name in elsewhere[:3]:
        assert f"Doc file '{name}' contains a link 'glossary.md#no-such-term'" in str(failed.value)
    assert not (tmp_path / "site").exists(), "a failed build publishes nothing"
