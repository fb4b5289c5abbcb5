"""A page's paragraph citations, sent once per page instead of once per paragraph.

citation.py stays the one source of the strings: the templates here are its own Chinese and English
citation texts, BibTeX, RIS and CSL-JSON for a paragraph whose key, id, section and anchor are
placeholders (private-use characters); edition.js puts each paragraph's values (its cite box's
data and the page's list of sections) in their place, escaped as each format escapes them (BibTeX's
TeX characters, JSON strings), when the reader opens the box or copies. Two variants: with and
without a section path (its pieces are optional). Without JavaScript a paragraph's box shows its id
and its address (cite-paragraph.html.jinja).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from build_tools.model import Edition, ParsedPlan
from build_tools.present.citation import ACCESSED, Citation, plan_citation

KEY, BLOCK, SECTION, ANCHOR = "\ue000", "\ue001", "\ue002", "\ue003"
"""Placeholders edition.js replaces, with citation.py's ACCESSED (tests/test_citations.py checks the filled formats)."""


class _Placeholder(Citation):
    """A citation whose key is the placeholder too (the real key is derived from the block id)."""

    @property
    def key(self) -> str:
        return KEY


def format_templates(edition: Edition, plan: ParsedPlan, address: str) -> str:
    """JSON: ``{format: [with section, without section]}`` for the paragraphs of the page at ``address``.

    Formats ``zh`` and ``en`` are the citation texts (SECTION stands for the section in that language).
    """
    base = plan_citation(edition, plan, address)
    variants = [
        _Placeholder(
            **{
                **vars(base),
                "block_id": BLOCK,
                "section_zh": section,
                "section_en": section,
                "url": base.url + "#" + ANCHOR,
                "accessed": ACCESSED,
            }
        )
        for section in (SECTION, "")
    ]
    formats = {
        "zh": [cite.text_zh for cite in variants],
        "en": [cite.text_en for cite in variants],
        "bibtex": [cite.bibtex() for cite in variants],
        "ris": [cite.ris() for cite in variants],
        "csl": [cite.csl_json() for cite in variants],
    }
    return json.dumps(formats, ensure_ascii=False, sort_keys=True)


def page_sections(citations: Iterable[Citation]) -> list[tuple[str, str]]:
    """The distinct section paths (Chinese, English) of a page's paragraphs, in order (cite boxes name an index)."""
    return list(dict.fromkeys((cite.section_zh, cite.section_en) for cite in citations))
