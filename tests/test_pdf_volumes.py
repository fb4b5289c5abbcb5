"""The PDFs of a large edition stay bounded (present/paging.py ``plan_volumes``, pdf/topic_briefing.py).

A synthetic corpus (benchmarks/scale.py's: the five plans repeated) of 20 plans: the whole edition is planned
as volumes by plan period, each bounded, and the pages link every volume; one small volume is rendered and
read back (cover, contents, bookmarks, tags, metadata); the briefing of a topic all 20 plans speak of lists a
bounded share of it and says what it left out, linking the topic's page online.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from build_tools.enrich.topic_brief import topic_brief
from build_tools.pdf.cache import content_hash
from build_tools.pdf.downloads import build_downloads, pdf_jobs
from build_tools.pdf.jobs import topic_job, volume_job, write_pdf
from build_tools.pdf.topic_briefing import (
    BRIEFING_EXCERPTS,
    BRIEFING_MENTIONS,
    BRIEFING_PLANS,
    BRIEFING_TARGETS,
    topic_briefing_doc,
)
from build_tools.pipeline import assemble
from build_tools.present.downloads import edition_pdf_name, edition_slug, planned_downloads, text_weight
from build_tools.present.paging import VIEW_PLANS_UP_TO, VOLUME_TEXT, plan_volumes
from build_tools.render.pages import downloads_page, environment, home_context
from tests.conftest import sandbox_config
from tests.corpus import corpus
from tests.pdf_checks import outline_titles, run, squeezed, text_of, written

pytestmark = pytest.mark.pdf

PLANS = 20
SITE = "https://plans.example.org/"
TOPIC = "intelligent-manufacturing"
"""Every one of the five plans speaks of it: at 20 plans it has more plans, targets, paragraphs and mentions than a
briefing lists."""


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("large")
    config = sandbox_config(tmp, corpus(tmp / "sources", PLANS))
    return assemble(config), config


def test_up_to_twelve_plans_the_edition_is_one_pdf(edition):
    planned = planned_downloads(edition)
    assert planned.edition is not None and planned.edition.name == edition_pdf_name(edition.meta)
    assert planned.volumes == ()


def test_a_large_edition_is_planned_in_bounded_volumes_by_period(large):
    edition, _ = large
    planned = planned_downloads(edition)
    assert planned.edition is None and planned.built
    volumes = planned.volumes
    assert len(volumes) == 4  # the five plans cover four periods (two plans 2021–2025)
    names = [volume.name for volume in volumes]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(rf"{edition_slug(edition.meta)}-\d{{4}}-\d{{4}}-\d+\.pdf", name) for name in names)
    placed = [plan_id for volume in volumes for plan_id in volume.plan_ids]
    assert sorted(placed) == sorted(plan.meta.id for plan in edition.plans)  # every plan in exactly one volume
    assert [volume.number for volume in volumes] == list(range(1, len(volumes) + 1))
    for volume in volumes:
        plans = [edition.plan(plan_id) for plan_id in volume.plan_ids]
        assert {tuple(plan.meta.period) for plan in plans} == {volume.period}
        assert len(plans) <= VIEW_PLANS_UP_TO
        assert len(plans) == 1 or sum(text_weight(edition, plan) for plan in plans) <= VOLUME_TEXT
        assert volume.name.endswith(f"-{volume.period[0]}-{volume.period[1]}-{volume.part}.pdf")
        assert volume.volumes == len(volumes)


def test_volumes_are_cut_by_plan_count_and_by_weight(large):
    edition, _ = large
    period = [plan for plan in edition.plans if tuple(plan.meta.period) == (2021, 2025)]
    assert len(period) == 8
    # 8 plans of one period: one volume; 13 (the same plans again) would be 7 + 6, never 12 + 1
    assert [len(volume.plans) for volume in plan_volumes(period, lambda plan: 1)] == [8]
    assert [len(volume.plans) for volume in plan_volumes(period + period[:5], lambda plan: 1)] == [7, 6]
    # heavy plans: as many as fit in VOLUME_TEXT, a plan heavier than it alone
    cut = plan_volumes(period, lambda plan: VOLUME_TEXT // 3)
    assert [len(volume.plans) for volume in cut] == [3, 3, 2]
    assert [(volume.part, volume.parts) for volume in cut] == [(1, 3), (2, 3), (3, 3)]
    assert [len(volume.plans) for volume in plan_volumes(period[:2], lambda plan: VOLUME_TEXT + 1)] == [1, 1]


def test_pages_link_every_volume_and_no_whole_edition_pdf(large):
    edition, _ = large
    planned = planned_downloads(edition)
    page = downloads_page(edition, planned)
    for volume in planned.volumes:
        assert f"]({volume.path})" in page  # linked, with its size placeholder (filled in by the MkDocs hook)
        assert f'<span class="file-size" data-file="{volume.path}"></span>' in page
        row = next(line for line in page.splitlines() if f"]({volume.path})" in line)
        metas = [edition.plan(plan_id).meta for plan_id in volume.plan_ids]
        named = [f"{meta.region_zh} {meta.date[:4]}" for meta in metas]
        assert row.split(" | ")[-1].removesuffix(" |").split(" · ") == named  # its plans, by region and year
    assert edition_pdf_name(edition.meta) not in page
    linked = set(re.findall(r"\]\((downloads/[^)]+\.pdf)\)", page))
    assert linked == {download.path for download in planned.all}  # every link is a planned file, and every file
    home = environment().get_template("home.md.jinja").render(**home_context(edition, planned))
    assert f"[in {len(planned.volumes)} volumes](downloads.md#edition)" in home


def test_the_stage_writes_the_volumes_and_removes_stale_pdfs(large, tmp_path):
    """A cache holding every planned PDF (placeholders): nothing is rendered, the planned files are written,
    and the single whole-edition PDF of a smaller edition and a volume no longer planned are removed."""
    edition, config = large
    config = type(config)(sources=config.sources, docs=tmp_path / "docs", cache=tmp_path / "cache")
    planned = planned_downloads(edition)
    (config.cache / "pdf").mkdir(parents=True)
    for job in pdf_jobs(edition, planned, edition.site_url):
        (config.cache / "pdf" / f"{content_hash(job)}.pdf").write_bytes(b"%PDF-1.7\n" + job.name.encode())
    folder = config.docs / "downloads"
    folder.mkdir(parents=True)
    stale = [edition_pdf_name(edition.meta), f"{edition_slug(edition.meta)}-1999-2000-1.pdf"]
    for name in stale:
        (folder / name).write_bytes(b"%PDF-1.7\n")
    messages: list[str] = []
    build_downloads(edition, config.docs, messages.append, config)
    assert sorted(path.name for path in folder.glob("*.pdf")) == sorted(download.name for download in planned.all)
    assert "the whole edition in 4 volumes" in messages[0] and "rendering 0" in messages[1]


@pytest.fixture(scope="module")
def volume_pdf(large, tmp_path_factory):
    """The lightest volume, rendered (a few seconds: its plans are one real plan and its untranslated copies)."""
    edition, _ = large
    volumes = planned_downloads(edition).volumes
    volume = min(volumes, key=lambda item: sum(text_weight(edition, edition.plan(pid)) for pid in item.plan_ids))
    job = volume_job(edition, volume, SITE)
    return volume, write_pdf(job.html, tmp_path_factory.mktemp("volume") / job.name)


def test_a_volume_opens_with_its_cover_and_contents(volume_pdf, large):
    edition, _ = large
    volume, pdf = volume_pdf
    plans = [edition.plan(plan_id) for plan_id in volume.plan_ids]
    period = f"{volume.period[0]}–{volume.period[1]}"
    cover = squeezed(text_of(pdf, 1, 1))
    for expected in (
        f"第{volume.number}册（共{volume.volumes}册）",
        f"Volume{volume.number}of{volume.volumes}",
        f"规划期{period}的规划",
        f"Plansfor{period}:{len(plans)}plans",
        squeezed(edition.meta.title_en),
        f"{SITE}downloads.html#edition",
    ):
        assert expected in cover, expected
    assert cover.count(squeezed(plans[0].meta.title_zh)) == len(plans)  # the copies share the plan's title
    contents = text_of(pdf, 2, 2)
    assert "目录" in contents and "Contents" in contents
    # each plan's contents line prints the page its title page is on, and its bookmark leads there
    reader = PdfReader(pdf)
    top = [(title, page) for depth, title, page in outline_titles(reader) if depth == 0]
    assert top[0][0] == "目录 Contents"
    assert [title.split(" · ")[0] for title, _ in top[1:]] == [plan.meta.title_zh for plan in plans]
    printed = {int(number) for number in re.findall(r"(\d+)\s*$", contents, re.M)}
    starts = [page + 1 for _, page in top[1:]]  # 1-based, as printed
    assert set(starts) <= printed and starts == sorted(set(starts)) and starts[0] == 3  # after cover and contents


def test_a_volume_is_tagged_and_carries_the_edition_metadata(volume_pdf, large):
    edition, _ = large
    volume, pdf = volume_pdf
    assert re.search(r"^Tagged:\s+yes", run("pdfinfo", str(pdf)), re.M)
    metadata = PdfReader(pdf).metadata
    assert metadata.title.startswith(edition.meta.title_zh) and f"Volume {volume.number}" in metadata.title
    assert metadata["/Author"].startswith(edition.meta.title_zh)
    assert all(plan_id in metadata["/Keywords"] for plan_id in volume.plan_ids)
    assert str(metadata["/CreationDate"]).startswith("D:20261125")
    fonts = run("pdffonts", str(pdf))
    assert "Type 3" not in fonts and "CJK-SC" in fonts


def test_a_briefing_lists_a_bounded_share_of_a_large_topic(large):
    edition, _ = large
    topic = edition.taxonomy.topic(TOPIC)
    brief = topic_brief(edition, topic)
    # the corpus is larger than every bound
    assert len(brief.plans) > BRIEFING_PLANS and len(brief.targets) > BRIEFING_TARGETS
    assert len(brief.excerpts) > BRIEFING_EXCERPTS and len(brief.mentions) > BRIEFING_MENTIONS
    doc = topic_briefing_doc(edition, topic, SITE)
    assert (len(doc.plans), len(doc.targets), len(doc.excerpts), len(doc.mentions)) == (
        BRIEFING_PLANS,
        BRIEFING_TARGETS,
        BRIEFING_EXCERPTS,
        BRIEFING_MENTIONS,
    )
    assert len(doc.plans) + doc.plans_left == len(brief.plans)
    assert sum(row.brief.paragraphs for row in doc.plans) + doc.plans_left_paragraphs == brief.paragraphs
    assert doc.targets_left == len(brief.targets) - BRIEFING_TARGETS
    assert doc.excerpts_left == len(brief.excerpts) - BRIEFING_EXCERPTS
    assert doc.mentions_left == len(brief.mentions) - BRIEFING_MENTIONS
    # the plans with most paragraphs; the best paragraphs; the targets of the newest plans; mentions from many plans
    fewest_listed = min(row.brief.paragraphs for row in doc.plans)
    listed = {row.doc.plan.meta.id for row in doc.plans}
    assert all(row.paragraphs <= fewest_listed for row in brief.plans if row.plan.meta.id not in listed)
    best = brief.excerpts[:BRIEFING_EXCERPTS]
    assert [excerpt.item.block.id for excerpt in doc.excerpts] == [item.block.id for item in best]
    order = [plan.meta.id for plan in edition.plans]
    oldest_listed = min(order.index(row.line.plan_id) for row in doc.targets)
    shown = {row.line for row in doc.targets}
    assert all(order.index(line.plan_id) <= oldest_listed for line in brief.targets if line not in shown)
    mentioned = [mention.plan.plan.meta.id for mention in doc.mentions]
    assert len(set(mentioned)) == min(len(mentioned), len({item.block.id.split("/")[0] for item in brief.mentions}))


def test_a_bounded_briefing_says_what_it_left_out_and_links_the_topic_online(large, tmp_path):
    edition, _ = large
    topic = edition.taxonomy.topic(TOPIC)
    doc = topic_briefing_doc(edition, topic, SITE)
    pdf = written(topic_job(edition, topic, SITE), tmp_path)
    text = squeezed(text_of(pdf))
    url = f"{SITE}topics/{TOPIC}.html"
    printed = squeezed(url)  # squeezed, as the text: without hyphens

    def counted(count: int, noun: str) -> str:
        return f"{count}{noun}" + ("s" if count != 1 else "")

    def verb(count: int) -> str:
        return "are" if count != 1 else "is"

    online = f"onthetopic’spageonline:{printed}"
    left = doc.plans_left, doc.plans_left_paragraphs, doc.targets_left, doc.excerpts_left, doc.mentions_left
    for expected in (
        f"{counted(left[0], 'moreplan')}({counted(left[1], 'paragraph')}){verb(left[0])}{online}",
        f"{counted(left[2], 'moretarget')}{verb(left[2])}{online}#targets",
        f"{counted(left[3], 'moreparagraph')}aboutthetopic{verb(left[3])}{online}",
        f"{counted(left[4], 'morepassingmention')}{verb(left[4])}{online}",
        f"另有{doc.plans_left}份（{doc.plans_left_paragraphs}个段落）见在线专题页",
    ):
        assert expected in text, expected
    reader = PdfReader(pdf)
    links = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    }
    assert {url, f"{url}#targets"} <= links
    assert len(reader.pages) <= 16
