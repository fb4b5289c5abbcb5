"""Collector: each block's English (from the PO store) and Traditional text (from OpenCC)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from build_tools.model import ParsedPlan
from build_tools.translation.glossary import Term
from build_tools.translation.hant import HantConverter, simplify
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
    label_hans: str
    zh_hans: str
    """Label and text in Simplified characters (the source itself, or derived from a Traditional source)."""
    label_hant: str
    zh_hant: str
    """Label and text in Traditional characters (derived, or the source itself when it is Traditional)."""
    script: str
    """The source's script, ``hans`` or ``hant``: that view is the text as printed, the other is derived."""


@dataclass(frozen=True)
class Bilingual:
    blocks: dict[str, BlockText]
    """Block id -> its English and Traditional text."""
    hant_config: str
    """The OpenCC configuration that made the Traditional text."""
    glossary: tuple[Term, ...]
    warnings: tuple[str, ...] = ()
    """Translation-store problems that do not stop the build (file and line each)."""


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
    return Bilingual(blocks, converter.config, glossary, tuple(warnings))


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
