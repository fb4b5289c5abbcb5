"""The downloadable files (PDFs, offline bundle): their names and paths, known before any is built.

Pages link to these paths; the PDFs are rendered after the pages, into the same paths (pdf/downloads.py).
A page prints a file's size as a placeholder (render/templates/file-size.html.jinja) that the MkDocs hook
(build_tools/site/hooks.py) fills from the file itself, so no page waits for a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.model import Edition, EditionMeta, ParsedPlan
from build_tools.present.paging import VIEW_PLANS_UP_TO, Volume, plan_volumes
from build_tools.present.urls import download_path


def edition_slug(meta: EditionMeta) -> str:
    """``chinese-equipment-manufacturing-plans-2026-11-25``: the English title up to its first comma, and the date."""
    words = re.findall(r"[a-z0-9]+", meta.title_en.split(",", 1)[0].lower())
    return "-".join([*words, meta.edition_date])


def offline_zip_name(meta: EditionMeta) -> str:
    return f"{edition_slug(meta)}-offline.zip"


def edition_pdf_name(meta: EditionMeta) -> str:
    return f"{edition_slug(meta)}.pdf"


def volume_pdf_name(meta: EditionMeta, volume: Volume) -> str:
    """``<edition>-2016-2020-2.pdf``: named by period, so adding a plan of another period renames no volume."""
    return f"{edition_slug(meta)}-{volume.period[0]}-{volume.period[1]}-{volume.part}.pdf"


def plan_pdf_name(plan_id: str) -> str:
    return f"{plan_id}.pdf"


def topic_pdf_name(topic_id: str) -> str:
    return f"topic-{topic_id}.pdf"


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to docs/, e.g. ``downloads/henan-equipment-2017.pdf``."""

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class VolumeDownload(Download):
    """A volume of the whole edition (present/paging.py ``plan_volumes``): what its cover and the pages say of it."""

    number: int
    volumes: int
    """How many volumes the edition has."""
    period: tuple[int, int]
    part: int
    """1-based among the volumes of its period, of ``parts``."""
    parts: int
    plan_ids: tuple[str, ...]
    """Its plans, in edition order."""


def text_weight(edition: Edition, plan: ParsedPlan) -> int:
    """Characters a plan prints (Chinese and English): what a volume's size and WeasyPrint's memory grow with."""
    texts = edition.bilingual.blocks
    return sum(len(block.zh) + len(texts[block.id].en) for block in plan.blocks)


def edition_volumes(edition: Edition) -> tuple[VolumeDownload, ...]:
    """The whole edition's volumes; none up to VIEW_PLANS_UP_TO plans (then it is one PDF)."""
    if len(edition.plans) <= VIEW_PLANS_UP_TO:
        return ()
    volumes = plan_volumes(edition.plans, lambda plan: text_weight(edition, plan))
    return tuple(
        VolumeDownload(
            download_path(volume_pdf_name(edition.meta, volume)),
            volume.number,
            len(volumes),
            volume.period,
            volume.part,
            volume.parts,
            tuple(plan.meta.id for plan in volume.plans),
        )
        for volume in volumes
    )


@dataclass(frozen=True)
class Downloads:
    """What a build makes; empty in a quick build (no PDFs), then pages link to none."""

    plans: dict[str, Download] = field(default_factory=dict)
    topics: dict[str, Download] = field(default_factory=dict)
    edition: Download | None = None
    """The whole edition as one PDF, up to VIEW_PLANS_UP_TO plans (present/paging.py)."""
    volumes: tuple[VolumeDownload, ...] = ()
    """Beyond that, the whole edition in volumes (``edition`` is then None)."""
    offline_zip_name: str = ""
    offline: Download | None = None
    """The offline bundle, copied beside the PDFs by a full build (None in quick builds)."""

    @property
    def built(self) -> bool:
        return self.edition is not None or bool(self.volumes)

    @property
    def all(self) -> tuple[Download, ...]:
        return (*self.plans.values(), *self.topics.values(), *((self.edition,) if self.edition else ()), *self.volumes)


def planned_downloads(edition: Edition) -> Downloads:
    """Every PDF a full build makes: one per plan, one per topic with paragraphs, the whole edition (in volumes
    beyond VIEW_PLANS_UP_TO plans)."""
    volumes = edition_volumes(edition)
    return Downloads(
        plans={plan.meta.id: Download(download_path(plan_pdf_name(plan.meta.id))) for plan in edition.plans},
        topics={
            topic.id: Download(download_path(topic_pdf_name(topic.id)))
            for topic in edition.taxonomy.topics
            if edition.topics.block_counts[topic.id]
        },
        edition=None if volumes else Download(download_path(edition_pdf_name(edition.meta))),
        volumes=volumes,
        offline_zip_name=offline_zip_name(edition.meta),
        offline=Download(download_path(offline_zip_name(edition.meta))),
    )


def no_downloads(edition: Edition, offline: bool = False) -> Downloads:
    """A build without PDFs: pages link to no PDF, and to the offline bundle only when it is built too."""
    name = offline_zip_name(edition.meta)
    return Downloads(offline_zip_name=name, offline=Download(download_path(name)) if offline else None)
