"""Collector: each block's English (from the PO store) and Traditional text (from OpenCC)."""

from __future__ import annotations

from dataclasses import replace
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


def simplified_plans(plans: list[ParsedPlan], bilingual: Bilingual) -> list[ParsedPlan]:
    """The plans with Traditional sources swapped for their Simplified view (same ids and spans).

    Topics and timeline rules are written for Simplified text; a Traditional plan is read through
    this view, while its pages keep the text as printed.
    """
    return [
        plan
        if plan.source.script == "hans"
        else replace(
            plan,
            blocks=tuple(
                replace(block, label=bilingual.blocks[block.id].label_hans, zh=bilingual.blocks[block.id].zh_hans)
                for block in plan.blocks
            ),
        )
        for plan in plans
    ]
