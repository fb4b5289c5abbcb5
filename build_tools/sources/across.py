"""The rules for reading across plans (``across/*.yml``): which pairs, shared wording, vocabulary."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from build_tools.model import (
    GLOSSARY_CATEGORIES,
    TARGET_KINDS,
    PairRules,
    QuotedRules,
    SimilarityRules,
    TargetSeries,
    VocabularyRules,
)
from build_tools.sources.schema import Bool, Field, Int, ListOf, MapOf, Number, Record, Text, read_yaml

PAIRS = Record(
    (
        Field("every_pair_up_to", Int(low=0, high=10_000), doc="with this many plans or fewer, every pair is compared"),
        Field(
            "rules",
            Record((Field("predecessor", Bool()), Field("national", Bool())), what="rules"),
            doc="which pairs beyond that",
        ),
        Field("national_region_en", Text(), doc="the region_en of national plans"),
    ),
    what="the comparison rules",
)
SIMILARITY = Record(
    (
        Field("shingle", Int(low=1, high=20), doc="characters per shingle"),
        Field("min_chars", Int(low=1, high=10_000), doc="shorter clauses are not compared"),
        Field("threshold", Number(above=0, at_most=1), doc="exact Jaccard similarity a pair must reach"),
        Field("max_per_clause", Int(low=1, high=1_000), doc="matches kept per clause"),
    ),
    what="the shared-wording settings",
)
# Joiners are kept verbatim: "+" and "、" are whole entries.
QUOTED = Record(
    (
        Field("max_chars", Int(low=1, high=10_000)),
        Field("joiners", ListOf(Text(strip=False))),
        Field("contains_glossary", Bool()),
        Field("followed_by", ListOf(Text())),
        Field("shift_words", ListOf(Text())),
    ),
    what="quoted",
)
VOCABULARY = Record(
    (
        Field("glossary_categories", ListOf(Text(choices=GLOSSARY_CATEGORIES))),
        Field("quoted", QUOTED),
        Field("english", MapOf(Text(), Text(), what="english"), required=False),
    ),
    what="the vocabulary rules",
)


SERIES = Record(
    (
        Field(
            "series",
            ListOf(
                Record(
                    (
                        Field("id", Text()),
                        Field("zh", Text()),
                        Field("en", Text()),
                        Field("kind", Text(choices=TARGET_KINDS)),
                        Field("unit_zh", Text()),
                        Field("unit_en", Text()),
                        Field("units", MapOf(Text(), Number(above=0), what="units"), doc="unit -> factor"),
                        Field("terms", ListOf(Text())),
                        Field("exclude", ListOf(Text())),
                    ),
                    what="a series",
                )
            ),
        ),
    ),
    what="the target series",
)


def load_target_series(path: Path) -> tuple[TargetSeries, ...]:
    """The comparable target series the targets page charts."""
    return tuple(
        TargetSeries(
            item["id"],
            item["zh"],
            item["en"],
            item["kind"],
            item["unit_zh"],
            item["unit_en"],
            MappingProxyType({str(unit): float(factor) for unit, (factor, _) in item["units"].items()}),
            tuple(item["terms"]),
            tuple(item["exclude"]),
        )  # fmt: skip
        for item in read_yaml(path, SERIES, "the target series")["series"]
    )


def load_pair_rules(path: Path) -> PairRules:
    data = read_yaml(path, PAIRS, "the comparison rules")
    rules = data["rules"]
    return PairRules(data["every_pair_up_to"], rules["predecessor"], rules["national"], data["national_region_en"])


def load_similarity_rules(path: Path) -> SimilarityRules:
    return SimilarityRules(**read_yaml(path, SIMILARITY, "the shared-wording settings"))


def spaceless(text: str) -> str:
    """Vocabulary keys are the Chinese with spaces removed (as ``build_tools.enrich.vocabulary.normalize``)."""
    return "".join(text.split())


def load_vocabulary_rules(path: Path) -> VocabularyRules:
    data = read_yaml(path, VOCABULARY, "the vocabulary rules")
    quoted = data["quoted"]
    english = data.get("english", {})
    return VocabularyRules(
        tuple(data["glossary_categories"]),
        QuotedRules(
            quoted["max_chars"],
            tuple(quoted["joiners"]),
            quoted["contains_glossary"],
            tuple(quoted["followed_by"]),
            tuple(quoted["shift_words"]),
        ),
        MappingProxyType({spaceless(zh): en for zh, (en, _) in english.items()}),
    )
