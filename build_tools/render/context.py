"""Typed template contexts: what each template may use, built from the edition."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from build_tools.model import Block, BlockText, Marked, ParsedPlan, Part, PlanStatus, Topic
from build_tools.model.key_points import KeyPoint
from build_tools.present.citation import Citation
from build_tools.render.shared import SharedNote


@dataclass(frozen=True)
class BlockRow:
    """One block as a page shows it."""

    block: Block
    text: BlockText
    """English and Traditional text of the block."""
    heading_marks: str
    """``#`` repeated to the Markdown heading level, ``""`` for non-heading blocks."""
    short_id: str
    """The id without the plan id, shown as the paragraph's visible anchor."""
    citation: Citation
    """The paragraph's citation (build_tools.present.citation): texts and reference-manager formats."""
    topics: tuple[Topic, ...]
    """Industry topics the block speaks of."""
    marks_hans: tuple[Marked, ...]
    """The Simplified text cut at glossary terms (first occurrence of each), for links to the glossary."""
    marks_hant: tuple[Marked, ...]
    marks_en: tuple[Marked, ...]
    """The English cut at the renderings of the terms found in the Chinese."""
    section: int = 0
    """Index of the paragraph's section path in its page's ``cite_sections`` (its cite box names it)."""
    titled: tuple[str, ...] = ()
    """``zh:<term id>`` / ``en:<term id>``, sorted: the glossary links of this row that carry the tooltip, the
    first of each term on the page in each language (edition.js gives the others theirs). A tuple, not a set:
    a context holds no set, whose order changes with each process's hash seed (build_tools.core.cache.Reuse)."""


@dataclass(frozen=True)
class PageLink:
    """Where the pager of a part page leads: a title and the page's file stem (a part, or a page of a long part)."""

    title_zh: str
    slug: str


@dataclass(frozen=True)
class PartShare:
    """One page of a part longer than ``part_page_blocks`` (present/paging.py), as the list of its pages shows it."""

    number: int
    slug: str
    first: str
    """Short id of its first block (``s2/p101``)."""
    anchors: str
    """The anchors of its blocks (``s2-p101~200``: render/pages.py ``anchor_runs``), printed on the part's first page
    only: edition.js sends ``part-02.html#<anchor>`` whose block is on this page here (an address cited before the
    part was paged)."""


@dataclass(frozen=True)
class PartPage:
    plan: ParsedPlan
    part: Part
    opening: bool
    """The opening part: no level-1 heading opens it, so the page gets the H1 卷首 Opening."""
    rows: tuple[BlockRow, ...]
    previous: PageLink | None
    next: PageLink | None
    title_en: str
    """English of the part's title (its top-level heading), ``""`` while untranslated."""
    hant_config: str
    cite: Citation
    """The plan, cited at this page's address: its Highwire meta tags."""
    pdf_url: str
    """Address of the plan's PDF, ``""`` when none was built."""
    shared: Mapping[str, tuple[SharedNote, ...]] = field(default_factory=dict)
    """Block id -> its shared-wording notes (similar-wording.html.jinja)."""
    cite_formats: str = ""
    """The paragraphs' citation texts and BibTeX/RIS/CSL-JSON templates, JSON (render/cite_formats.py), once."""
    cite_sections: str = ""
    """JSON list of the section paths ``[zh, en]`` the paragraphs' cite boxes refer to by index."""
    number: int = 1
    """This page among its part's pages (1: the part's own address)."""
    pages: int = 1
    """Pages of the part this page belongs to."""
    shares: tuple[PartShare, ...] = ()
    """The part's pages this page links, when it has more than one: all on the first page, the first, the last and
    those near this one on the others (so the lists grow linearly with the part, not with its square)."""


@dataclass(frozen=True)
class ContentsEntry:
    """A heading in a plan's table of contents."""

    block: Block
    en: str
    page: str
    """File name of the part page the heading is on."""
    depth: int


@dataclass(frozen=True)
class PlanOverview:
    plan: ParsedPlan
    parts: tuple[tuple[Part, str], ...]
    """Each part with its English title."""
    contents: tuple[ContentsEntry, ...]
    counts: dict[str, int]
    """Blocks per kind."""
    characters: int
    """Chinese characters (non-space) in the plan's blocks."""
    cite: Citation
    """The plan as a whole: cite box, meta tags and the downloadable .bib/.ris/.json."""
    pdf_url: str
    """Address of the plan's PDF, ``""`` when none was built."""
    standing: PlanStatus
    """In force, expired, draft or internal on the edition date (as on the PDF's title page)."""
    status_line: str
    """The standing in both languages (build_tools.present.labels.status_line)."""
    document: str
    """What the document is: ``正式印发 Issued · 规划 Plan`` (build_tools.present.labels.document)."""
    edition_date: str
    received: str = ""
    """Link from the overview to the received text (``<plan-id>-received.txt``), its bytes as received."""
    received_bytes: int = 0
    """Its size in bytes."""
    key_points: tuple[tuple[KeyPoint, tuple[tuple[str, str], ...]], ...] = ()
    """Each key point with the (short id, link) of the paragraphs it rests on."""
    key_points_stale: bool = False
    """The received text changed since the key points were written (they await review)."""
