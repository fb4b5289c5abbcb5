"""Reading across plans: compared pairs, shared wording, policy vocabulary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal, get_args

from build_tools.model.document import ParsedPlan


@dataclass(frozen=True)
class PairRules:
    every_pair_up_to: int
    predecessor: bool
    national: bool
    national_region_en: str


@dataclass(frozen=True)
class PlanPair:
    left: ParsedPlan
    """The earlier plan (edition order)."""
    right: ParsedPlan
    reasons: tuple[Literal["all", "predecessor", "national"], ...]
    """Why the pair is compared."""

    @property
    def slug(self) -> str:
        return f"{self.left.meta.id}--{self.right.meta.id}"


@dataclass(frozen=True)
class SimilarityRules:
    shingle: int
    """Characters per shingle."""
    min_chars: int
    """Shorter clauses (punctuation and spaces removed) are not compared."""
    threshold: float
    """Exact Jaccard similarity a pair must reach."""
    max_per_clause: int
    """Matches kept per clause."""


@dataclass(frozen=True)
class Clause:
    """A clause of a block: ``zh[start:end]`` of the block's (Simplified) text."""

    plan_id: str
    block_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SharedWording:
    """A clause and its near-verbatim counterpart in another plan; ``left`` is in the earlier plan."""

    left: Clause
    right: Clause
    similarity: float
    """Jaccard similarity of the two clauses' shingle sets, 0–1."""


@dataclass(frozen=True)
class SharedIndex:
    """Every shared clause pair of the edition, by pair of plans (edition order), then position."""

    pairs: tuple[SharedWording, ...]
    rules: SimilarityRules
    """The settings the pairs were found with (the pages state them)."""
    by_block: Mapping[str, tuple[tuple[Clause, Clause, float], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """Block id -> (its clause, the other plan's clause, similarity), in reading order of the block."""

    def of_block(self, block_id: str) -> tuple[tuple[Clause, Clause, float], ...]:
        return self.by_block.get(block_id, ())

    @cached_property
    def pair_counts(self) -> Mapping[tuple[str, str], int]:
        """(earlier plan id, later plan id) -> their shared clauses."""
        return MappingProxyType(Counter((pair.left.plan_id, pair.right.plan_id) for pair in self.pairs))


VocabularyKind = Literal["slogan", "period", "document", "term"]
VOCABULARY_KINDS: tuple[VocabularyKind, ...] = get_args(VocabularyKind)


@dataclass(frozen=True)
class QuotedRules:
    max_chars: int
    joiners: tuple[str, ...]
    contains_glossary: bool
    followed_by: tuple[str, ...]
    shift_words: tuple[str, ...]


@dataclass(frozen=True)
class VocabularyRules:
    glossary_categories: tuple[str, ...]
    quoted: QuotedRules
    english: Mapping[str, str]
    """Hand-written English for vocabulary the glossary lacks, by normalized Chinese."""


@dataclass(frozen=True)
class Occurrence:
    plan_id: str
    block_id: str
    start: int
    """Offset into the block's (Simplified) text ``Block.zh``."""
    end: int
    quoted: bool
    """In quotation marks (or 《》) at this place."""


@dataclass(frozen=True)
class VocabularyEntry:
    key: str
    """The Chinese with spaces removed: ``机器换人``."""
    kind: VocabularyKind
    en: str
    """English: the glossary's rendering, else the hand-written one of ``across/vocabulary.yml``, else ``""``."""
    en_source: Literal["glossary", "vocabulary", ""]
    """``glossary``, ``vocabulary`` or ``""``."""
    glossary_id: str
    anchor: str
    """Stable HTML anchor of the entry on the vocabulary page."""
    occurrences: tuple[Occurrence, ...]
    """In edition order (plan date), then reading order."""
    years: tuple[int, int]
    """For a period: its first and last year; else ``(0, 0)``."""

    @property
    def first(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def plan_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.plan_id for o in self.occurrences))

    @property
    def paragraph_counts(self) -> Mapping[str, int]:
        """Plan id -> paragraphs where the entry occurs."""
        counts: dict[str, set[str]] = {}
        for occurrence in self.occurrences:
            counts.setdefault(occurrence.plan_id, set()).add(occurrence.block_id)
        return {plan_id: len(found) for plan_id, found in counts.items()}
