"""Contexts for the translation status page and the glossary page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_tools.model import Block, Edition, ParsedPlan, Term
from build_tools.present import urls


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


@dataclass(frozen=True)
class GlossaryPage:
    entries: tuple[GlossaryEntry, ...]
    hant_config: str

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
                edition.block_pages[found[term.id][plan.meta.id][0].id],
                len(found[term.id][plan.meta.id]),
            )
            for plan in edition.plans
            if plan.meta.id in found[term.id]
        )
        entries.append(GlossaryEntry(term, occurrences))
    return GlossaryPage(tuple(entries), edition.bilingual.hant_config)
