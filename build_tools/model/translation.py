"""The bilingual side of a block: the glossary's terms, each block's English and its other script."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, get_args

from build_tools.model.document import Block, ParsedPlan
from build_tools.model.source import Script

GlossaryCategory = Literal[
    "industry", "product", "technology", "policy", "institution", "place", "unit", "period", "other"
]
GLOSSARY_CATEGORIES: tuple[GlossaryCategory, ...] = get_args(GlossaryCategory)


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    en_variants: tuple[str, ...]
    zh_hant: str
    category: GlossaryCategory
    note: str
    check: bool
    """False when translators need not use ``en`` verbatim; then ``exception`` says why."""
    exception: str
    line: int
    search_en: tuple[str, ...] = ()
    """Names a reader may type (e.g. first-of-its-kind for 首台（套）): indexed by search, not used by the checks."""
    not_en: tuple[str, ...] = ()
    """Second wordings found in the edition and decided against (a batch of for 一批): the checks report them."""

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


EnStatus = Literal["translated", "fuzzy", "untranslated"]
EN_STATUSES: tuple[EnStatus, ...] = get_args(EnStatus)


@dataclass(frozen=True)
class StoredTranslation:
    """What the translation store (``translations/en/<plan>.po``) holds for one block."""

    text: str
    """The translation, ``""`` when none."""
    status: EnStatus
    """``fuzzy`` when the source changed since it was translated."""
    note: str
    """Translator's comment, ``""`` when none."""
    previous_source: str
    """For a fuzzy entry: the Chinese text the translation was made from."""


@dataclass(frozen=True)
class HantSettings:
    """How the Traditional view is made (``translations/traditional.yml``)."""

    config: str
    """The OpenCC configuration named on the site: a stock name (``s2tw``) or a project config's file stem."""
    path: str
    """The project configuration file (absolute), ``""`` for a stock configuration."""


@dataclass(frozen=True)
class BlockText:
    """What a page shows of one block besides its Simplified source text."""

    en: str
    """The English, ``""`` when untranslated."""
    en_status: EnStatus
    """ a fuzzy translation is shown with a visible "needs review" mark."""
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
    script: Script
    """The source's script, ``hans`` or ``hant``: that view is the text as printed, the other is derived."""


@dataclass(frozen=True)
class Bilingual:
    blocks: Mapping[str, BlockText]
    """Block id -> its English and Traditional text."""
    hant_config: str
    """The OpenCC configuration that made the Traditional text."""
    glossary: tuple[Term, ...]
    warnings: tuple[str, ...] = ()
    """Translation-store problems that do not stop the build (file and line each)."""


@dataclass(frozen=True)
class SimplifiedView:
    """The Simplified text of blocks printed in Traditional characters, beside the blocks, by block id.

    The analysers (topics, timeline, targets, vocabulary, shared wording) are written for Simplified
    text and read it through this view; ``Block`` keeps the text as printed. A view is aligned
    character for character with the printed text, so an offset found on one cuts the other at the
    same place. A block printed in Simplified has no entry: its view is its text.
    """

    texts: Mapping[str, tuple[str, str]]
    """Block id -> (label, text) in Simplified characters, only for blocks printed in Traditional."""

    def label(self, block: Block) -> str:
        return self.texts[block.id][0] if block.id in self.texts else block.label

    def zh(self, block: Block) -> str:
        return self.texts[block.id][1] if block.id in self.texts else block.zh

    def display(self, block: Block) -> str:
        label = self.label(block)
        return f"{label}{self.zh(block)}" if label else self.zh(block)

    @classmethod
    def of(cls, plans: Iterable[ParsedPlan], bilingual: Bilingual) -> SimplifiedView:
        """The view of some plans, from their bilingual text (the Simplified form made for the 简 view)."""
        texts = {
            block.id: (bilingual.blocks[block.id].label_hans, bilingual.blocks[block.id].zh_hans)
            for plan in plans
            if plan.source.script == "hant"
            for block in plan.blocks
        }
        return cls(MappingProxyType(texts))


AS_PRINTED = SimplifiedView(MappingProxyType({}))
"""The view of an edition printed wholly in Simplified characters: every block reads as printed."""


@dataclass(frozen=True)
class Marked:
    text: str
    term: Term | None
    """The glossary term this stretch of text is, ``None`` for plain text."""


@dataclass(frozen=True)
class BlockMarks:
    """One block's text in each script and its English, cut at the glossary terms (for links to the glossary)."""

    hans: tuple[Marked, ...]
    """The Simplified text, the first free occurrence of each term marked."""
    hant: tuple[Marked, ...]
    """The Traditional text, marked the same way (terms looked for in their Traditional form)."""
    en: tuple[Marked, ...]
    """The English, cut at the renderings of the terms found in the Simplified text."""
    hits: tuple[Term, ...]
    """Every term in the text as printed, a shorter one inside a longer hit not counted (the glossary's occurrences)."""
