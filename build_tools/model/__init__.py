"""The typed document model: every type that crosses a stage, immutable, one module a subject.

Stages: SourceText (loaded, ``source``) -> ParsedPlan (parsed, ``document``) -> the enrichment
results (``translation``, ``topics``, ``timeline``, ``across``, ``brief``) -> Edition (everything the
renderers need, ``edition``). This package imports only the standard library and itself: every
stage imports it, it imports no stage.
"""

from build_tools.model.across import (
    VOCABULARY_KINDS,
    Clause,
    Occurrence,
    PairRules,
    PlanPair,
    QuotedRules,
    SharedIndex,
    SharedWording,
    SimilarityRules,
    VocabularyEntry,
    VocabularyRules,
)
from build_tools.model.brief import DENSE, BriefPlan, Relevance, TargetLine, TopicBrief, first_sentence
from build_tools.model.document import BLOCK_KINDS, ZONES, Block, Dropped, ParsedPlan, Part
from build_tools.model.edition import Edition, PlanStatus
from build_tools.model.source import EditionMeta, PlanMeta, SourceText, Span
from build_tools.model.timeline import AXIS, TARGET_KINDS, TIMELINE_KINDS, Target, TargetEnglish, TimelineEntry
from build_tools.model.topics import Group, Taxonomy, Topic, TopicIndex, TopicMatch
from build_tools.model.translation import EN_STATUSES, Bilingual, BlockText, Term

__all__ = [
    "AXIS",
    "BLOCK_KINDS",
    "DENSE",
    "TIMELINE_KINDS",
    "EN_STATUSES",
    "TARGET_KINDS",
    "VOCABULARY_KINDS",
    "ZONES",
    "Bilingual",
    "Block",
    "BlockText",
    "BriefPlan",
    "Clause",
    "Dropped",
    "Edition",
    "EditionMeta",
    "Group",
    "Occurrence",
    "PairRules",
    "ParsedPlan",
    "Part",
    "PlanMeta",
    "PlanPair",
    "PlanStatus",
    "QuotedRules",
    "Relevance",
    "SharedIndex",
    "SharedWording",
    "SimilarityRules",
    "SourceText",
    "Span",
    "Target",
    "TargetEnglish",
    "TargetLine",
    "Taxonomy",
    "Term",
    "TimelineEntry",
    "Topic",
    "TopicBrief",
    "TopicIndex",
    "TopicMatch",
    "VocabularyEntry",
    "VocabularyRules",
    "first_sentence",
]
