"""The command line: help, success, and one clear line (no traceback) on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from build_tools.core.config import ROOT
from tests.conftest import write_plan


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], capture_output=True, text=True, cwd=cwd)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "build" in result.stdout and "generate" in result.stdout
    assert "--sources" in run("generate", "--help").stdout


def test_generate_into_other_folders(tmp_path):
    docs = tmp_path / "docs"
    result = run("generate", "--sources", str(ROOT / "source_texts"), "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    assert (docs / "plans" / "henan-equipment-2017" / "part-01.md").exists()
    assert "load and parse 5 plans" in result.stderr  # progress is shown
    # Not a terminal (a CI log): the counted stages as plain lines, from the start to the end, no bar drawn.
    lines = [line.split("→ ", 1)[-1] for line in result.stderr.splitlines()]
    assert "render plan pages: 0/5" in lines
    assert any(line.startswith("render plan pages: 5/5 in ") for line in lines)
    assert any(line.startswith("render topic pages: ") and "s left" in line for line in lines)
    assert "\x1b[" not in result.stderr and "━" not in result.stderr


def test_bad_input_is_one_clear_line_and_a_non_zero_exit(tmp_path):
    sources = tmp_path / "sources"
    write_plan(sources, "empty-plan", b"")
    (sources / "edition.yml").write_text('title_zh: 测\ntitle_en: T\nedition_date: "2026-01-01"\n', encoding="utf-8")
    result = run("generate", "--sources", str(sources), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{sources / 'empty-plan' / 'source.txt'}: the file is empty" in result.stderr


@pytest.mark.build
def test_build_failure_keeps_the_last_good_site(tmp_path):
    from build_tools.core.errors import BuildFailed
    from build_tools.pipeline import build
    from tests.conftest import sandbox_config

    sources = tmp_path / "sources"
    write_plan(sources, "good-plan", "一、总则\n正文。\n")
    (sources / "edition.yml").write_text('title_zh: 测\ntitle_en: T\nedition_date: "2026-01-01"\n', encoding="utf-8")
    config = sandbox_config(tmp_path, sources)
    build(config)
    marker = config.site / "index.html"
    good = marker.read_bytes()
    # A hand-written page with a dead link: in assets/, the one docs/ folder generate leaves alone.
    (config.docs / "assets" / "broken.md").write_text("[dead](nowhere.md)\n", encoding="utf-8")
    try:
        build(config)
    except BuildFailed as failure:
        assert "nowhere.md" in str(failure)
    else:
        raise AssertionError("a broken link must fail the strict build")
    assert marker.read_bytes() == good
