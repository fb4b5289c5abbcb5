"""Contexts for the translation status page and the glossary page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_tools.model import Block, Edition, ParsedPlan, Term
from build_tools.present import urls
from build_tools.present.paging import PLANS_PER_PAGE, plan_batches


@dataclass(frozen=True)
class StatusRow:
    label: str
    link: str
    """Relative link to the plan's overview, ``""`` for the total row."""
    blocks: dict[str, int]
    """Blocks per status: translated, fuzzy, untranslated."""
    characters: dict[str, int]
    """Chinese characters (no spaces) per status."""

    @property
    def total_blocks(self) -> int:
        return sum(self.blocks.values())

    @property
    def total_characters(self) -> int:
        return sum(self.characters.values())

    def percent(self, status: str) -> float:
        total = self.total_characters
        return round(100 * self.characters[status] / total, 1) if total else 0.0


@dataclass(frozen=True)
class TranslationStatus:
    rows: tuple[StatusRow, ...]
    total: StatusRow


def _characters(block: Block) -> int:
    return len("".join(block.display.split()))


def _row(edition: Edition, label: str, link: str, plans: list[ParsedPlan]) -> StatusRow:
    blocks = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    characters = dict(blocks)
    for plan in plans:
        for block in plan.blocks:
            status = edition.bilingual.blocks[block.id].en_status
            blocks[status] += 1
            characters[status] += _characters(block)
    return StatusRow(label, link, blocks, characters)


def translation_status(edition: Edition) -> TranslationStatus:
    rows = tuple(_row(edition, plan.meta.title_zh, urls.plan_page(plan.meta.id), [plan]) for plan in edition.plans)
    return TranslationStatus(rows, _row(edition, "全部 Edition total", "", list(edition.plans)))


@dataclass(frozen=True)
class Occurrence:
    plan: ParsedPlan
    first: Block
    """The first block of the plan where the term occurs."""
    page: str
    count: int


@dataclass(frozen=True)
class GlossaryEntry:
    term: Term
    occurrences: tuple[Occurrence, ...]
    """One per plan the term occurs in (plans in date order): listed on the term's own page, glossary/<id>.md."""

    @property
    def blocks(self) -> int:
        return sum(occurrence.count for occurrence in self.occurrences)


@dataclass(frozen=True)
class TermPage:
    """Where the terms of one letter occur, in one batch of plans (all plans while they fit one page):
    ``glossary/<letter>.md`` or ``glossary/<letter>-<n>.md`` (present/paging.py)."""

    letter: str
    slug: str
    label: str
    """The plans it covers (``""`` while one page holds them all)."""
    entries: tuple[GlossaryEntry, ...]
    """The letter's terms with their occurrences in these plans (terms with none left out)."""


@dataclass(frozen=True)
class GlossaryPage:
    entries: tuple[GlossaryEntry, ...]
    hant_config: str
    term_pages: tuple[TermPage, ...] = ()

    def first_page(self, term_id: str) -> str:
        """The first term page listing the term's occurrences."""
        return next(page.slug for page in self.term_pages if any(e.term.id == term_id for e in page.entries))

    def siblings(self, page: TermPage) -> tuple[TermPage, ...]:
        """The pages of the same letter (other batches of plans)."""
        return tuple(other for other in self.term_pages if other.letter == page.letter)

    @property
    def letters(self) -> dict[str, str]:
        """Initial letter of the English -> id of the first term under it (for the letter jumps)."""
        first: dict[str, str] = {}
        for entry in self.entries:
            first.setdefault(initial(entry.term), entry.term.id)
        return first

    @property
    def categories(self) -> dict[str, int]:
        """Category -> number of terms, in alphabetical order."""
        return dict(sorted(Counter(entry.term.category for entry in self.entries).items()))


def initial(term: Term) -> str:
    """The letter a term is listed under: the first letter of its English, ``#`` for a digit or symbol."""
    letter = next((c for c in term.en.upper() if c.isalnum()), "#")
    return letter if "A" <= letter <= "Z" else "#"


def glossary_page(edition: Edition) -> GlossaryPage:
    terms = edition.bilingual.glossary
    found: dict[str, dict[str, list[Block]]] = {term.id: {} for term in terms}
    for plan in edition.plans:
        for block in plan.blocks:
            for term in edition.glossary_marks[block.id].hits:
                found[term.id].setdefault(plan.meta.id, []).append(block)
    entries = []
    for term in sorted(terms, key=lambda t: (t.en.lower(), t.id)):
        occurrences = tuple(
            Occurrence(
                plan,
                found[term.id][plan.meta.id][0],
                urls.block_path(edition, found[term.id][plan.meta.id][0].id),
                len(found[term.id][plan.meta.id]),
            )
            for plan in edition.plans
            if plan.meta.id in found[term.id]
        )
        entries.append(GlossaryEntry(term, occurrences))
    return GlossaryPage(tuple(entries), edition.bilingual.hant_config, term_pages(edition, entries))


def term_pages(edition: Edition, entries: list[GlossaryEntry]) -> tuple[TermPage, ...]:
    """The occurrence lists cut by letter and, in a large edition, by batch of plans."""
    batches = plan_batches(edition.plans) if len(edition.plans) > PLANS_PER_PAGE else ()
    letters: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        if entry.occurrences:
            letters.setdefault(initial(entry.term), []).append(entry)
    pages = []
    for letter, letter_entries in letters.items():
        name = letter.lower() if letter != "#" else "0"
        if not batches:
            pages.append(TermPage(letter, name, "", tuple(letter_entries)))
            continue
        for batch in batches:
            ids = {plan.meta.id for plan in batch.plans}
            kept = tuple(
                GlossaryEntry(entry.term, tuple(o for o in entry.occurrences if o.plan.meta.id in ids))
                for entry in letter_entries
            )
            kept = tuple(entry for entry in kept if entry.occurrences)
            if kept:
                pages.append(TermPage(letter, f"{name}-{batch.number}", batch.label, kept))
    return tuple(pages)
