"""Contexts for shared wording: the notes under each paragraph and the page listing them by pair of plans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_tools.model import Clause, Edition, ParsedPlan
from build_tools.present import urls

SENTENCE_END = "。；;！？!?"


@dataclass(frozen=True)
class Passage:
    """The sentence around a shared clause, cut so the clause can be highlighted."""

    plan: ParsedPlan
    block_id: str
    short_id: str
    href: str
    """``@/``-prefixed link to the paragraph (resolved by the MkDocs hook)."""
    before: str
    shared: str
    after: str


@dataclass(frozen=True)
class SharedNote:
    mine: Passage
    other: Passage
    similarity: float


@dataclass(frozen=True)
class PairSection:
    left: ParsedPlan
    right: ParsedPlan
    notes: tuple[SharedNote, ...]
    """``mine`` is in ``left``, ``other`` in ``right``."""
    total: int = 0
    """On a page holding a share of the pair's notes (``note_pages``): the pair's notes in all; else 0."""
    start: int = 0
    """Notes of the pair before this share."""

    @property
    def count(self) -> int:
        return len(self.notes)


def passage(edition: Edition, clause: Clause) -> Passage:
    """The clause's passage, made once per clause: a clause is in many pairs, and each pair is shown twice
    (the shared-wording pages, the notes under its paragraphs)."""
    made = _passages(edition)
    found = made.get(clause)
    if found is None:
        found = made[clause] = _cut_passage(edition, clause)
    return found


_MEMO: tuple[Edition, dict[Clause, Passage]] | None = None


def _passages(edition: Edition) -> dict[Clause, Passage]:
    """The passages made so far for this edition (one edition at a time; forked render workers inherit it)."""
    global _MEMO
    if _MEMO is None or _MEMO[0] is not edition:
        _MEMO = (edition, {})
    return _MEMO[1]


def _cut_passage(edition: Edition, clause: Clause) -> Passage:
    text = edition.bilingual.blocks[clause.block_id].zh_hans
    start = max(text.rfind(mark, 0, clause.start) for mark in SENTENCE_END) + 1
    ends = [found for found in (text.find(mark, clause.end - 1) for mark in SENTENCE_END) if found >= 0]
    end = min(ends) + 1 if ends else len(text)
    block = edition.block(clause.block_id)
    return Passage(
        edition.plan(clause.plan_id),
        clause.block_id,
        clause.block_id.split("/", 1)[1],
        urls.block_site_link(edition, block.id),
        text[start : clause.start],
        text[clause.start : clause.end],
        text[clause.end : end],
    )


class BlockNotes(tuple[SharedNote, ...]):
    """A block's shared-wording notes, with ``plans``: the other plans they quote, each once, in order."""

    plans: tuple[ParsedPlan, ...]

    def __new__(cls, notes: Iterable[SharedNote]) -> BlockNotes:
        made = super().__new__(cls, notes)
        plans: dict[str, ParsedPlan] = {}
        for note in made:
            plans.setdefault(note.other.plan.meta.id, note.other.plan)
        made.plans = tuple(plans.values())
        return made


def block_notes(edition: Edition, plan: ParsedPlan) -> Mapping[str, BlockNotes]:
    """Block id -> its shared-wording notes, for the blocks of one plan."""
    return {
        block.id: BlockNotes(
            SharedNote(passage(edition, mine), passage(edition, other), similarity)
            for mine, other, similarity in edition.shared.of_block(block.id)
        )
        for block in plan.blocks
        if edition.shared.of_block(block.id)
    }


def pair_sections(edition: Edition) -> tuple[PairSection, ...]:
    sections: dict[tuple[str, str], list[SharedNote]] = {}
    for pair in edition.shared.pairs:
        note = SharedNote(passage(edition, pair.left), passage(edition, pair.right), pair.similarity)
        sections.setdefault((pair.left.plan_id, pair.right.plan_id), []).append(note)
    return tuple(
        PairSection(edition.plan(left), edition.plan(right), tuple(notes)) for (left, right), notes in sections.items()
    )


def note_pages(sections: tuple[PairSection, ...], per_page: int) -> tuple[tuple[PairSection, ...], ...]:
    """The sections cut into pages of at most ``per_page`` notes, in order; a pair too long for the rest of a
    page continues on the next (each share knows the pair's total and where it starts)."""
    pages: list[list[PairSection]] = [[]]
    room = per_page
    for section in sections:
        start = 0
        while start < section.count:
            if not room:
                pages.append([])
                room = per_page
            share = section.notes[start : start + room]
            cut = len(share) < section.count
            pages[-1].append(
                PairSection(section.left, section.right, share, section.count if cut else 0, start if cut else 0)
            )
            start += len(share)
            room -= len(share)
    return tuple(tuple(page) for page in pages if page)


def page_spans(pages: tuple[tuple[PairSection, ...], ...]) -> dict[str, tuple[int, int]]:
    """Later plan id -> the first and last page (1-based) holding its notes with the plan."""
    spans: dict[str, tuple[int, int]] = {}
    for number, page in enumerate(pages, 1):
        for section in page:
            first = spans.get(section.right.meta.id, (number, number))[0]
            spans[section.right.meta.id] = (first, number)
    return spans
