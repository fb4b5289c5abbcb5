"""A parsed plan: blocks with permanent ids, the parts (pages) they fall on, what was dropped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from build_tools.model.source import PlanMeta, SourceText, Span

BlockKind = Literal["title", "heading", "paragraph", "list_item", "box"]
Zone = Literal["front", "title", "notice", "body", "back"]


@dataclass(frozen=True)
class Block:
    """One citable unit of a plan: a heading, paragraph, list item, box header or title line."""

    id: str
    """Permanent id, ``<plan-id>/<section>/p<n>`` for text, ``<plan-id>/<section>`` for headings."""
    kind: BlockKind
    level: int
    """Heading depth (1 = top level) for headings and boxes; depth of the enclosing section otherwise."""
    label: str
    """Numbering exactly as in the source (``第一章``, ``一、``, ``（一）``, ``(三)``, ``1.``, ``--``), or ``""``."""
    zh: str
    """The source text of the block without its label, exactly as received (line breaks joined)."""
    hash: str
    """First 16 hex digits of the SHA-256 of label + text: changes exactly when the text changes."""
    zone: Zone
    """Where the block stands."""
    section: str
    """Id of the nearest heading (or zone) the block belongs to."""
    part: int
    """Index of the page ("part") the block is rendered on: 0 is the opening part."""
    box: str
    """Id of the 专栏 box the block is in, ``""`` outside boxes."""
    line: int
    """1-based line of the source where the block starts."""
    spans: tuple[Span, ...]
    """Source ranges that make up label and text, in order: the fidelity proof."""

    @property
    def anchor(self) -> str:
        """HTML anchor: the id without the plan id, dots and slashes made dashes."""
        return self.id.split("/", 1)[1].replace("/", "-").replace(".", "-")

    @property
    def display(self) -> str:
        """Label and text as a reader sees them."""
        return f"{self.label}{self.zh}" if self.label else self.zh


@dataclass(frozen=True)
class Dropped:
    """Source text deliberately left out of the blocks, with the reason."""

    text: str
    line: int
    reason: str
    span: Span


@dataclass(frozen=True)
class Part:
    """One page of a plan's text: the opening part or one top-level section."""

    index: int
    slug: str
    """File name stem of the page, e.g. ``part-02``."""
    title_zh: str
    block_ids: tuple[str, ...]


@dataclass(frozen=True)
class ParsedPlan:
    """A plan after parsing: metadata, blocks in reading order, what was dropped and why."""

    meta: PlanMeta
    source: SourceText
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    parts: tuple[Part, ...]
    warnings: tuple[str, ...] = field(default=())


def headings_above(plan: ParsedPlan, block: Block, by_id: Mapping[str, Block] | None = None) -> list[Block]:
    """The headings whose sections enclose the block, outermost first (the block itself excluded).

    ``by_id`` (block id -> block, at least the plan's headings) saves rebuilding the index per call.
    """
    if by_id is None:
        by_id = {item.id: item for item in plan.blocks}
    local = block.section.split("/", 1)[1] if "/" in block.section else ""
    pieces = local.split(".") if local else []
    found = []
    for depth in range(1, len(pieces) + 1):
        heading = by_id.get(f"{plan.meta.id}/{'.'.join(pieces[:depth])}")
        if heading is not None and heading.id != block.id:
            found.append(heading)
    return found
