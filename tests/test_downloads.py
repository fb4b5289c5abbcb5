"""Downloads: the Downloads page and the plan and topic pages link to the PDFs with their sizes."""

from __future__ import annotations

import pytest

from build_tools.present.downloads import Download, Downloads, edition_pdf_name, plan_pdf_name, topic_pdf_name
from build_tools.render.pages import render_site_pages
from build_tools.site.mkdocs_build import mkdocs_build
from tests.conftest import sandbox_config
from tests.site_checks import broken_links


@pytest.mark.build
def test_pages_link_every_download_with_its_size(tmp_path, edition):
    from build_tools.core.config import ROOT

    config = sandbox_config(tmp_path, ROOT / "source_texts")
    folder = config.docs / "downloads"
    folder.mkdir(parents=True)

    def fake(name: str, size: int) -> Download:
        (folder / name).write_bytes(b"%PDF-1.7\n" + b"0" * (size - 9))
        return Download(f"downloads/{name}")

    downloads = Downloads(
        plans={plan.meta.id: fake(plan_pdf_name(plan.meta.id), 1_500_000) for plan in edition.plans},
        topics={"robots": fake(topic_pdf_name("robots"), 300_000)},
        edition=fake(edition_pdf_name(edition.meta), 3_000_000),
        offline_zip_name="x-offline.zip",
    )
    render_site_pages(edition, config.docs, downloads)
    (config.docs / "data").mkdir(exist_ok=True)
    for name in ("edition.json", "blocks.csv", "targets.csv", "vocabulary.csv"):
        (config.docs / "data" / name).write_text("{}", encoding="utf-8")
    mkdocs_build(config)
    site = config.site
    page = (site / "downloads.html").read_text(encoding="utf-8")
    assert "2.9 MB" in page and "1.4 MB" in page and "293 KB" in page
    overview = (site / "plans" / "henan-equipment-2017" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/henan-equipment-2017.pdf"' in overview and "1.4 MB" in overview
    topic = (site / "topics" / "robots.html").read_text(encoding="utf-8")
    assert 'href="../downloads/topic-robots.pdf"' in topic
    assert broken_links(site) == []


def test_quick_build_links_no_pdf(built_site):
    page = (built_site / "downloads.html").read_text(encoding="utf-8")
    assert "without PDFs" in page and ".pdf" not in page
