"""The project glossary (glossary/terms.yml): loaded against a schema, with errors naming file and line."""

from __future__ import annotations

from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.model import GLOSSARY_CATEGORIES, Term
from build_tools.sources.schema import Bool, Field, Id, ListOf, Record, Text, read_yaml

CATEGORIES = GLOSSARY_CATEGORIES
TERM = Record(
    (
        Field("id", Id(), doc="unique, lowercase ascii words with hyphens"),
        Field("zh", Text(), doc="the term as written (Simplified)"),
        Field("en", Text(), doc="the rendering translators use"),
        Field("en_variants", ListOf(Text()), required=False, doc="other accepted surface forms"),
        Field("zh_hant", Text(), required=False, doc="Traditional form, overrides OpenCC for this term"),
        Field("category", Text(choices=CATEGORIES)),
        Field("note", Text(lines=True), required=False),
        Field("check", Bool(), required=False, doc="false when the rendering depends on context"),
        Field("exception", Text(lines=True), required=False, doc="why check is false"),
        Field(
            "search_en",
            ListOf(Text()),
            required=False,
            doc="other English names a reader may search for; found by search, never accepted as a rendering",
        ),
        Field(
            "not_en",
            ListOf(Text()),
            required=False,
            doc="other wordings decided against: a block with the term that uses one is reported",
        ),
    ),
    what="a term",
)
SCHEMA = Record((Field("terms", ListOf(TERM, min=1)),), what="the glossary")
KEYS = set(TERM.index)


def load_glossary(path: Path) -> tuple[Term, ...]:
    terms: list[Term] = []
    seen: dict[str, dict[str, int]] = {"id": {}, "zh": {}}
    for item in read_yaml(path, SCHEMA, "the glossary")["terms"]:
        for key, lines in seen.items():
            if item[key] in lines:
                raise InputError(path, f"duplicate {key} {item[key]!r} (first at line {lines[item[key]]})", item.line)
            lines[item[key]] = item.line
        check = item.get("check", True)
        if not check and "exception" not in item:
            raise InputError(path, f"term {item['id']!r} has check: false but no exception reason", item.line)
        terms.append(
            Term(
                item["id"],
                item["zh"],
                item["en"],
                item.get("en_variants", ()),
                item.get("zh_hant", ""),
                item["category"],
                item.get("note", ""),
                check,
                item.get("exception", ""),
                item.line,
                tuple(item.get("search_en", ())),
                tuple(item.get("not_en", ())),
            )
        )
    return tuple(terms)
