"""Shared fixtures: the real edition, a real site build, and helpers that make plan folders from inline text."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools.core.config import ROOT, BuildConfig
from build_tools.pipeline import assemble, build
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve

SHARED_SOURCES = ROOT.parent / "shared" / "source_texts"


# Test tiers (markers registered in pyproject.toml; `make test-fast` runs what carries none of them). A test that
# uses a fixture below is marked by it; a module that builds on its own says so with `pytestmark`.
TIER_OF_FIXTURE = {"built_site": ("build",), "browser": ("browser", "build")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            for tier in TIER_OF_FIXTURE.get(fixture, ()):
                item.add_marker(tier)


def skip_or_fail_in_ci(reason: str) -> None:
    """Skip locally, saying why; in CI (CI=true) a missing prerequisite is a failure, never a quiet skip."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it)")
    pytest.skip(reason)

META = """\
title_zh: {title}
title_en: A Test Plan
issuer_zh: 测试机构
issuer_en: Test Issuer
date: "2020-01-02"
period: [2020, 2025]
status: issued
doc_type: plan
region_zh: 测试省
region_en: Testland
summary_en: A plan made up for a test.
summary_zh: 测试用规划。
source_file: {source_file}
"""


def write_plan(
    sources: Path, plan_id: str, text: str | bytes, title: str = "测试规划", meta: str | None = None
) -> Path:
    """Create sources/<plan_id>/ with a source.txt (text or raw bytes) and a valid meta.yml."""
    folder = sources / plan_id
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        (folder / "source.txt").write_bytes(text)
    else:
        (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "meta.yml").write_text(
        meta if meta is not None else META.format(title=title, source_file=f"{plan_id}.txt"), encoding="utf-8"
    )
    return folder


def copy_real_sources(target: Path) -> Path:
    """A writable copy of the project's source_texts/ to edit in a test."""
    shutil.copytree(ROOT / "source_texts", target)
    return target


def worker_cache() -> Path:
    """The build cache of this test process: one per xdist worker (kept between runs, so it stays warm), never the
    cache of the project's own build, so builds running side by side never write one cache."""
    return ROOT / ".cache" / "tests" / os.environ.get("PYTEST_XDIST_WORKER", "main")


def sandbox_config(tmp: Path, sources: Path) -> BuildConfig:
    """A BuildConfig that writes into tmp (a copy of docs/ assets, its own site/) with this worker's cache."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    return BuildConfig(sources=sources, docs=docs, site=tmp / "site", cache=worker_cache())


@pytest.fixture(scope="session")
def edition():
    return assemble(BuildConfig())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real edition built once with mkdocs --strict into a temporary folder; returns the site folder."""
    tmp = tmp_path_factory.mktemp("built")
    config = sandbox_config(tmp, ROOT / "source_texts")
    build(config)
    return config.site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process (per xdist worker)."""
    if not CHROMIUM.exists():
        skip_or_fail_in_ci("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def served_site(built_site) -> Iterator[str]:
    """The built site over HTTP, as readers reach the online edition; its base URL."""
    with serve(built_site) as url:
        yield url
