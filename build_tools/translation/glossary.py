"""The project glossary (glossary/terms.yml): loaded against a schema, with errors naming file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import InputError
from build_tools.sources.schema import Bool, Field, Id, ListOf, Record, Text, read_yaml

CATEGORIES = ("industry", "product", "technology", "policy", "institution", "place", "unit", "period", "other")
TERM = Record(
    (
        Field("id", Id(), doc="unique, lowercase ascii words with hyphens"),
        Field("zh", Text(), doc="the term as written (Simplified)"),
        Field("en", Text(), doc="the rendering translators use"),
        Field("en_variants", ListOf(Text()), required=False, doc="other accepted surface forms"),
        Field("zh_hant", Text(), required=False, doc="Traditional form, overrides OpenCC for this term"),
        Field("category", Text(choices=CATEGORIES)),
        Field("note", Text(), required=False),
        Field("check", Bool(), required=False, doc="false when the rendering depends on context"),
        Field("exception", Text(), required=False, doc="why check is false"),
        Field(
            "search_en",
            ListOf(Text()),
            required=False,
            doc="other English names a reader may search for; found by search, never accepted as a rendering",
        ),
    ),
    what="a term",
)
SCHEMA = Record((Field("terms", ListOf(TERM, min=1)),), what="the glossary")
KEYS = set(TERM.index)


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    en_variants: tuple[str, ...]
    zh_hant: str
    category: str
    note: str
    check: bool
    """False when translators need not use ``en`` verbatim; then ``exception`` says why."""
    exception: str
    line: int
    search_en: tuple[str, ...] = ()
    """Names a reader may type (e.g. first-of-its-kind for 首台（套）): indexed by search, not used by the checks."""

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


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
            )
        )
    return tuple(terms)


_SCANS: dict[tuple[int, str], tuple[tuple[Term, ...], TermScan]] = {}


@dataclass(frozen=True)
class TermScan:
    """The glossary prepared for finding its terms in many texts: longest first, looked up by first character."""

    ordered: tuple[tuple[Term, str], ...]
    """Each term with the form looked for, longest Simplified term first (ties by id)."""
    by_first: dict[str, tuple[int, ...]]
    """Positions in ``ordered`` of the terms that begin with a character."""

    def present(self, text: str) -> list[tuple[Term, str]]:
        """The terms occurring in ``text``, in ``ordered``'s order: the only ones a scan of the text can find."""
        positions = sorted({index for char in set(text) & self.by_first.keys() for index in self.by_first[char]})
        return [self.ordered[index] for index in positions if self.ordered[index][1] in text]


def term_scan(terms: tuple[Term, ...], form: str = "zh") -> TermScan:
    """``form`` is ``zh`` or ``zh_hant`` (a term with no Traditional form is looked for as written).

    Prepared once per glossary and form: the scans run for every paragraph of every page.
    """
    cached = _SCANS.get((id(terms), form))
    if cached is None or cached[0] is not terms:
        ordered = tuple(
            (term, (term.zh_hant or term.zh) if form == "zh_hant" else term.zh)
            for term in sorted(terms, key=lambda t: (-len(t.zh), t.id))
        )
        first: dict[str, list[int]] = {}
        for index, (_, needle) in enumerate(ordered):
            first.setdefault(needle[0], []).append(index)
        cached = _SCANS[(id(terms), form)] = (terms, TermScan(ordered, {c: tuple(i) for c, i in first.items()}))
    return cached[1]
