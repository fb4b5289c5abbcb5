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
    VocabularyKind,
    VocabularyRules,
)
from build_tools.model.brief import DENSE, BriefPlan, Relevance, TargetLine, TopicBrief, first_sentence
from build_tools.model.document import Block, BlockKind, Dropped, ParsedPlan, Part, Zone
from build_tools.model.edition import Edition, PlanStatus
from build_tools.model.source import DatePrecision, DocType, EditionMeta, Issuance, PlanMeta, Script, SourceText, Span
from build_tools.model.timeline import (
    AXIS,
    TARGET_KINDS,
    TIMELINE_KINDS,
    Target,
    TargetEnglish,
    TargetKind,
    TimelineEntry,
    TimelineKind,
    YearSource,
)
from build_tools.model.topics import Group, Taxonomy, Topic, TopicIndex, TopicMatch
from build_tools.model.translation import (
    AS_PRINTED,
    EN_STATUSES,
    GLOSSARY_CATEGORIES,
    Bilingual,
    BlockText,
    EnStatus,
    GlossaryCategory,
    SimplifiedView,
    Term,
)

__all__ = [
    "AS_PRINTED",
    "AXIS",
    "DENSE",
    "EN_STATUSES",
    "GLOSSARY_CATEGORIES",
    "TARGET_KINDS",
    "TIMELINE_KINDS",
    "VOCABULARY_KINDS",
    "Bilingual",
    "Block",
    "BlockKind",
    "BlockText",
    "BriefPlan",
    "Clause",
    "DatePrecision",
    "DocType",
    "Dropped",
    "Edition",
    "EditionMeta",
    "EnStatus",
    "GlossaryCategory",
    "Group",
    "Issuance",
    "Occurrence",
    "PairRules",
    "ParsedPlan",
    "Part",
    "PlanMeta",
    "PlanPair",
    "PlanStatus",
    "QuotedRules",
    "Relevance",
    "Script",
    "SharedIndex",
    "SharedWording",
    "SimilarityRules",
    "SimplifiedView",
    "SourceText",
    "Span",
    "Target",
    "TargetEnglish",
    "TargetKind",
    "TargetLine",
    "Taxonomy",
    "Term",
    "TimelineEntry",
    "TimelineKind",
    "Topic",
    "TopicBrief",
    "TopicIndex",
    "TopicMatch",
    "VocabularyEntry",
    "VocabularyKind",
    "VocabularyRules",
    "YearSource",
    "Zone",
    "first_sentence",
]
