"""The project glossary (glossary/terms.yml): loaded against a schema, with errors naming file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.errors import InputError
from build_tools.yaml_input import compose_yaml

KEYS = {"id", "zh", "en", "en_variants", "zh_hant", "category", "note", "check", "exception"}
REQUIRED = ("id", "zh", "en", "category")
CATEGORIES = {"industry", "product", "technology", "policy", "institution", "place", "unit", "period", "other"}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


def load_glossary(path: Path) -> tuple[Term, ...]:
    root = compose_yaml(path, "the glossary")
    data = yaml.safe_load(yaml.serialize(root)) if root is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise InputError(path, "the glossary is a mapping with a list under 'terms'")
    terms_node = next(value for key, value in root.value if key.value == "terms")
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_zh: dict[str, int] = {}
    for item, node in zip(data["terms"], terms_node.value, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise InputError(path, "each term is a mapping", line)
        unknown = set(item) - KEYS
        if unknown:
            raise InputError(path, f"unknown key(s) {', '.join(sorted(unknown))}", line)
        for key in REQUIRED:
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise InputError(path, f"term needs a non-empty {key!r}", line)
        if not ID.match(item["id"]):
            raise InputError(path, f"id {item['id']!r} must be lowercase ascii words joined by hyphens", line)
        if item["category"] not in CATEGORIES:
            raise InputError(path, f"category {item['category']!r} is not one of {', '.join(sorted(CATEGORIES))}", line)
        for seen, key in ((seen_ids, "id"), (seen_zh, "zh")):
            if item[key] in seen:
                raise InputError(path, f"duplicate {key} {item[key]!r} (first at line {seen[item[key]]})", line)
            seen[item[key]] = line
        check = item.get("check", True)
        if check is False and not item.get("exception"):
            raise InputError(path, f"term {item['id']!r} has check: false but no exception reason", line)
        variants = item.get("en_variants") or []
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise InputError(path, "en_variants must be a list of strings", line)
        terms.append(
            Term(
                item["id"],
                item["zh"],
                item["en"],
                tuple(variants),
                item.get("zh_hant", ""),
                item["category"],
                item.get("note", "") or "",
                bool(check),
                item.get("exception", "") or "",
                line,
            )
        )
    return tuple(terms)
