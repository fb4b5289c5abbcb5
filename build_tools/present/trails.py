"""The headings above a paragraph, as a trail (``二、重点任务 › （一）…``): one rule for every place that prints one.

A trail names, it does not quote: each heading's closing punctuation is dropped and a long one is cut
with … where space is short. Citations (present/citation.py) give the heading path in both languages, never cut;
the PDFs' excerpts and the search results give the Chinese trail, cut short.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from build_tools.model import Block, Edition, ParsedPlan, headings_above

SEPARATOR = " › "
TRAIL_MAX = 16
"""A heading's title (label not counted) longer than this is cut in an excerpt's or a search result's trail."""


def name(text: str) -> str:
    """A heading as a piece of a trail: its closing punctuation dropped."""
    return text.rstrip("。.：:；;，, ")


def shorten(text: str, limit: int) -> str:
    """A heading as a piece of a trail: its closing punctuation dropped, cut with … when longer than ``limit``."""
    text = name(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section_path(edition: Edition, plan: ParsedPlan, block: Block) -> tuple[str, str]:
    """Chinese and English heading paths of a citation, down to the block's section (the block itself excluded)."""
    if block.zone != "body":
        return "", ""
    zh, en = [], []
    for heading in headings_above(plan, block, _blocks_by_id(plan)):
        zh.append(name(heading.display))  # a citation names each heading whole: a cut one cannot be found
        english = edition.bilingual.blocks[heading.id].en
        if english:
            en.append(name(english))
    return SEPARATOR.join(zh), SEPARATOR.join(en)


_LAST_INDEX: list[tuple[ParsedPlan, dict[str, Block]]] = []


def _blocks_by_id(plan: ParsedPlan) -> dict[str, Block]:
    """The plan's blocks by id, made once per plan: pages cite their paragraphs plan by plan, and an index
    rebuilt for each paragraph made rendering grow with the square of a plan's length (1,000 parts: 8 s)."""
    if not _LAST_INDEX or _LAST_INDEX[0][0] is not plan:
        _LAST_INDEX[:] = [(plan, {item.id: item for item in plan.blocks})]
    return _LAST_INDEX[0][1]


def trail_steps(
    plan: ParsedPlan,
    block: Block,
    title: Callable[[Block], str] = lambda heading: heading.zh,
    by_id: Mapping[str, Block] | None = None,
) -> list[str]:
    """Label and shortened title of each heading above the block; ``title`` gives a heading's text
    (as printed by default; the search gives the Simplified view)."""
    return [heading.label + shorten(title(heading), TRAIL_MAX) for heading in headings_above(plan, block, by_id)]


def trail(plan: ParsedPlan, block: Block) -> str:
    """The Chinese trail of a block as printed (PDF excerpts)."""
    return SEPARATOR.join(trail_steps(plan, block))
