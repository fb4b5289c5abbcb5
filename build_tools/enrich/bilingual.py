"""Collector: each block's English (from the PO store) and Traditional text (from OpenCC)."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from build_tools.model import Bilingual, BlockText, ParsedPlan, Term
from build_tools.translation.hant import HantConverter, simplify
from build_tools.translation.store import read_translations


def collect_bilingual(
    plans: list[ParsedPlan], translations: Path, converter: HantConverter, glossary: tuple[Term, ...]
) -> Bilingual:
    blocks: dict[str, BlockText] = {}
    warnings: list[str] = []
    for plan in plans:
        stored = read_translations(plan, translations, warnings=warnings)
        for block in plan.blocks:
            english = stored[block.id]
            if plan.source.script == "hant":
                hans = (simplify(block.label), simplify(block.zh))
                hant = (block.label, block.zh)
            else:
                hans = (block.label, block.zh)
                hant = (converter.convert(block.label), converter.convert(block.zh))
            blocks[block.id] = BlockText(
                en=english.text,
                en_status=english.status,
                note=english.note,
                previous_source=english.previous_source,
                label_hans=hans[0],
                zh_hans=hans[1],
                label_hant=hant[0],
                zh_hant=hant[1],
                script=plan.source.script,
            )
    return Bilingual(MappingProxyType(blocks), converter.config, glossary, tuple(warnings))
