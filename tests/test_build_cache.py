"""The build's one cache module (build_tools/core/cache.py): a size bound with the least recently used entries
dropped first, and the system libraries that shape a PDF in the key, recorded as missing when absent."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import replace
from pathlib import Path

from build_tools.core import cache
from build_tools.core.cache import Cache, prune
from build_tools.core.config import CACHE_LIMIT_MB, BuildConfig
from build_tools.pdf import cache as pdf_cache
from build_tools.pdf.jobs import PdfJob
from build_tools.pipeline import generate
from tests.conftest import copy_real_sources, sandbox_config

DAY = 86400.0
NOW = 1_800_000_000.0


def _entry(folder: Path, name: str, size: int, days_ago: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"x" * size)
    os.utime(path, (NOW - days_ago * DAY, NOW - days_ago * DAY))
    return path


def test_over_the_bound_the_least_recently_used_go_first_across_both_caches(tmp_path):
    oldest = _entry(tmp_path / "pdf", "a.pdf", 400, days_ago=5)
    older = _entry(tmp_path / "enrich", "b.pickle", 400, days_ago=3)
    recent = _entry(tmp_path / "pdf", "c.pdf", 400, days_ago=1)
    newest = _entry(tmp_path / "enrich", "d.pickle", 400, days_ago=0)
    assert prune(tmp_path, limit=2000, now=NOW) == []  # 1,600 bytes fit: nothing goes
    assert prune(tmp_path, limit=900, now=NOW) == [oldest, older]
    assert recent.is_file() and newest.is_file()
    assert prune(tmp_path, limit=0, now=NOW) == [recent, newest]


def test_entries_unused_for_a_month_go_even_under_the_bound(tmp_path):
    stale = _entry(tmp_path / "pdf", "old.pdf", 10, days_ago=31)
    kept = _entry(tmp_path / "pdf", "new.pdf", 10, days_ago=29)
    assert prune(tmp_path, limit=10**9, now=NOW) == [stale] and kept.is_file()


def test_reading_an_entry_keeps_it_longest(tmp_path):
    store = Cache(tmp_path / "enrich", ".pickle")
    for key in ("first", "second"):
        store.store(key, {"key": key})
        os.utime(store.path(key), (time.time() - 2 * DAY, time.time() - 2 * DAY))
    assert store.load("first") == {"key": "first"}  # used now
    prune(tmp_path, limit=store.path("first").stat().st_size)
    assert store.has("first") and not store.has("second")


def test_the_bound_is_a_setting_with_a_default(monkeypatch):
    monkeypatch.delenv("BUILD_CACHE_MB", raising=False)
    assert BuildConfig().cache_limit == CACHE_LIMIT_MB * 2**20 == 2 * 2**30
    monkeypatch.setenv("BUILD_CACHE_MB", "300")
    assert BuildConfig().cache_limit == 300 * 2**20


def test_a_build_keeps_its_caches_within_the_bound(tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    config = replace(sandbox_config(tmp_path, sources), cache=tmp_path / "cache")
    generate(config)
    entries = [path for path in config.cache.glob("*/*") if path.is_file()]
    total = sum(path.stat().st_size for path in entries)
    assert len(entries) > 5
    bounded = replace(config, cache_limit=total // 2)
    generate(bounded)
    assert 0 < sum(path.stat().st_size for path in config.cache.glob("*/*")) <= total // 2


def test_the_key_names_pango_harfbuzz_and_the_cjk_fonts_as_installed():
    """Compared with what Debian says is installed (the libraries' upstream versions, the font package's own)."""

    def installed(package: str) -> str:
        return subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
        ).stdout

    software = cache.software()
    pango = next(line for line in software if line.startswith("pango "))
    harfbuzz = next(line for line in software if line.startswith("harfbuzz "))
    assert installed("libpango-1.0-0").startswith(pango.split()[1] + "+")
    assert installed("libharfbuzz0b").startswith(harfbuzz.split()[1] + "+")
    assert f"fonts-noto-cjk {installed('fonts-noto-cjk')}" in software


def test_missing_system_libraries_are_recorded_never_a_crash(monkeypatch):
    monkeypatch.setattr(cache.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(cache, "SYSTEM_PACKAGES", ("fonts-noto-cjk", "no-such-package-for-this-test"))
    found = cache.system_versions()
    assert found[:2] == ["pango missing", "harfbuzz missing"]
    assert found[-1] == "no-such-package-for-this-test missing"

    def no_dpkg(*args, **kwargs):
        raise FileNotFoundError("dpkg-query")

    monkeypatch.setattr(cache.subprocess, "run", no_dpkg)
    assert cache.system_versions()[-2:] == ["fonts-noto-cjk missing", "no-such-package-for-this-test missing"]


def test_a_new_font_package_renders_every_pdf_again(monkeypatch):
    job = PdfJob("a.pdf", "<html><body><p>数控机床</p></body></html>")
    before = pdf_cache.content_hash(job)
    upgraded = tuple(
        "fonts-noto-cjk 1:20991231" if line.startswith("fonts-noto-cjk") else line for line in cache.software()
    )
    monkeypatch.setattr(pdf_cache, "software", lambda: upgraded)
    pdf_cache._fixed_inputs.cache_clear()
    try:
        assert pdf_cache.content_hash(job) != before
    finally:
        pdf_cache._fixed_inputs.cache_clear()
