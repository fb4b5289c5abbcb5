"""PDFs are rendered only when what they are made of changed (content-hash cache), in parallel."""

from __future__ import annotations

import pytest

from build_tools.core.config import BuildConfig
from build_tools.pdf.cache import content_hash, render_jobs
from build_tools.pdf.jobs import PdfJob, edition_job, plan_job, topic_job
from build_tools.pipeline import assemble
from build_tools.present.downloads import edition_pdf_name, plan_pdf_name, topic_pdf_name
from tests.conftest import copy_real_sources

pytestmark = pytest.mark.pdf

HENAN = "henan-equipment-2017"
PAGE = '<html lang="zh-Hans"><head><title>{0}</title></head><body><p>{0} 数控机床</p></body></html>'


def test_unchanged_pdfs_are_copied_and_a_changed_one_is_rendered(tmp_path, monkeypatch):
    monkeypatch.setenv("BUILD_WORKERS", "2")
    jobs = [PdfJob("a.pdf", PAGE.format("甲")), PdfJob("b.pdf", PAGE.format("乙"))]
    first = render_jobs(jobs, tmp_path / "out", tmp_path / "cache")
    assert all(item.fresh for item in first.values())
    before = {name: item.path.read_bytes() for name, item in first.items()}
    again = render_jobs(jobs, tmp_path / "out", tmp_path / "cache")
    assert not any(item.fresh for item in again.values())
    assert {name: item.path.read_bytes() for name, item in again.items()} == before
    edited = [PdfJob("a.pdf", PAGE.format("丙")), jobs[1]]
    third = render_jobs(edited, tmp_path / "out", tmp_path / "cache")
    assert [name for name, item in third.items() if item.fresh] == ["a.pdf"]
    assert third["a.pdf"].path.read_bytes() != before["a.pdf"]


def all_jobs(edition) -> dict[str, str]:
    jobs = [plan_job(edition, plan) for plan in edition.plans]
    jobs += [topic_job(edition, topic) for topic in edition.taxonomy.topics if edition.topics.block_counts[topic.id]]
    jobs.append(edition_job(edition))
    return {job.name: content_hash(job) for job in jobs}


def test_a_one_paragraph_edit_changes_only_the_pdfs_that_print_it(edition, tmp_path):
    sources = copy_real_sources(tmp_path / "sources")
    source = sources / HENAN / "source.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count("培育本地知名品牌") == 1  # in henan-equipment-2017/s3.3.2/p1
    source.write_text(text.replace("培育本地知名品牌", "培育本土知名品牌"), encoding="utf-8")
    edited = assemble(BuildConfig(sources=sources))
    before, after = all_jobs(edition), all_jobs(edited)
    changed = {name for name in before if before[name] != after[name]}
    topics = edition.topics.topics_of(f"{HENAN}/s3.3.2/p1")
    assert "robots" in topics
    expected = {plan_pdf_name(HENAN), edition_pdf_name(edition.meta), *(topic_pdf_name(t) for t in topics)}
    assert changed == expected
    print(f"one-paragraph edit: {len(changed)} of {len(before)} PDFs to render again")
