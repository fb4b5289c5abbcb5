"""Collector: each block's English (from the PO store) and Traditional text (from OpenCC)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.model import ParsedPlan
from build_tools.translation.glossary import Term
from build_tools.translation.hant import HantConverter
from build_tools.translation.store import read_translations

STATUSES = ("translated", "fuzzy", "untranslated")


@dataclass(frozen=True)
class BlockText:
    """What a page shows of one block besides its Simplified source text."""

    en: str
    """The English, ``""`` when untranslated."""
    en_status: str
    """One of STATUSES: a fuzzy translation is shown with a visible "needs review" mark."""
    note: str
    """Translator's note, ``""`` when none."""
    previous_source: str
    """For a fuzzy translation, the Chinese it was made from."""
    label_hant: str
    zh_hant: str
    """Label and text in Traditional characters."""


@dataclass(frozen=True)
class Bilingual:
    blocks: dict[str, BlockText]
    """Block id -> its English and Traditional text."""
    hant_config: str
    """The OpenCC configuration that made the Traditional text."""
    glossary: tuple[Term, ...]


def collect_bilingual(
    plans: list[ParsedPlan], translations: Path, converter: HantConverter, glossary: tuple[Term, ...]
) -> Bilingual:
    blocks: dict[str, BlockText] = {}
    for plan in plans:
        stored = read_translations(plan, translations)
        for block in plan.blocks:
            english = stored[block.id]
            blocks[block.id] = BlockText(
                en=english.text,
                en_status=english.status,
                note=english.note,
                previous_source=english.previous_source,
                label_hant=converter.convert(block.label),
                zh_hant=converter.convert(block.zh),
            )
    return Bilingual(blocks, converter.config, glossary)
