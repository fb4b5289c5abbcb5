"""Collector: each block's English (read from the PO store by the pipeline) and Traditional text (OpenCC)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from build_tools.model import Bilingual, BlockText, ParsedPlan, StoredTranslation, Term
from build_tools.translation.hant import HantConverter, simplify


def collect_bilingual(
    plans: list[ParsedPlan],
    stored: Mapping[str, StoredTranslation],
    converter: HantConverter,
    glossary: tuple[Term, ...],
    warnings: tuple[str, ...] = (),
) -> Bilingual:
    """``stored``: block id -> what the translation store holds (every block of ``plans``)."""
    blocks: dict[str, BlockText] = {}
    for plan in plans:
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
    return Bilingual(MappingProxyType(blocks), converter.config, glossary, warnings)
