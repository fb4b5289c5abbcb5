"""What the load stage reads: a plan's text and metadata, and the edition's metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Script = Literal["hans", "hant"]
"""Simplified or Traditional characters."""
DocType = Literal["plan", "action-plan", "outline"]
Issuance = Literal["issued", "draft", "internal"]
"""What a document is (``meta.yml`` ``status``); its standing on a date is ``PlanStatus``."""
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the normalized source text."""

    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """A received text as read from disk, decoded and normalized (visible text untouched)."""

    path: Path
    """Where the text was read from."""
    encoding: str
    """The detected encoding, e.g. ``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``."""
    sha256: str
    """Hash of the raw bytes, so an export can prove which file it came from."""
    text: str
    """The decoded text with line ends unified to LF and invisible characters removed."""
    removed_invisible: int
    """How many invisible characters (zero-width, BOM, stray controls) normalization removed."""
    script: Script = "hans"
    """``hans`` or ``hant``: the script the text is written in (kept; the other is derived by OpenCC)."""
    size: int = 0
    """Bytes of the received file, as read (pages print it; later stages never read the file for it)."""


@dataclass(frozen=True)
class PlanMeta:
    """What cannot be inferred from a plan's text: read from ``meta.yml``."""

    id: str
    """Permanent, readable plan id: the folder name, e.g. ``guangdong-machinery-2005``."""
    title_zh: str
    """The plan's title as printed in the source (Simplified Chinese)."""
    title_en: str
    """English title."""
    issuer_zh: str
    """Issuing body, Chinese."""
    issuer_en: str
    """Issuing body, English."""
    date: str
    """Issue date as ISO text, to the known precision: ``2017-09-29``, ``2021-04`` or ``2005``."""
    date_precision: DatePrecision
    """``day``, ``month`` or ``year``: derived from ``date``."""
    period: tuple[int, int]
    """First and last year the plan covers."""
    status: Issuance
    """``issued``, ``draft`` or ``internal``."""
    doc_type: DocType
    """``plan``, ``action-plan`` or ``outline``."""
    region_zh: str
    """Province or 全国, Chinese."""
    region_en: str
    """Province or ``National``, English."""
    summary_en: str
    """A short English summary written by the editors."""
    summary_zh: str
    """A short Chinese summary written by the editors."""
    source_file: str
    """The file name the text was received as (from shared/source_texts)."""
    notes_en: tuple[str, ...] = ()
    """Editorial notes on the source (typos kept, missing title line, …)."""
    horizon: int = 0
    """A long-range target year beyond the period (e.g. 2035), 0 when none."""
    name_zh: str = ""
    """A short name that tells the plan from another of the same region and period (``高端装备``), or empty."""
    name_en: str = ""
    """Its English (``High-end equipment``), or empty."""
    date_inferred: str = ""
    """Why the editors inferred the issue date (it is not in the text), or empty when the date is given."""
    issuer_inferred: str = ""
    """Why the editors inferred the issuing body, or empty when the text names it."""
    source_url: str = ""
    """Where the text was found (``meta.yml`` ``source_url``), or empty: not recorded."""
    document_number: str = ""
    """The issuing number (文号), or empty: not recorded."""
    retrieved: str = ""
    """The date the text was retrieved (``YYYY[-MM[-DD]]``), or empty: not recorded."""


@dataclass(frozen=True)
class EditionMeta:
    """The edition as a whole, from ``source_texts/edition.yml``."""

    title_zh: str
    title_en: str
    edition_date: str
    part_page_blocks: int = 100
    """Blocks one page of a plan's part holds at most: a longer part is printed on several pages (present/paging.py).
    The real plans' longest part has 56 blocks (about 150 KB of HTML), so they are one page each."""
