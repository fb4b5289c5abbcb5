"""Read source_texts/edition.yml, the edition-wide metadata."""

from __future__ import annotations

from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import EditionMeta
from build_tools.yaml_input import load_yaml

REQUIRED = ("title_zh", "title_en", "edition_date")


def load_edition_meta(sources: Path) -> EditionMeta:
    path = sources / "edition.yml"
    if not path.is_file():
        raise InputError(path, "missing: the sources directory needs an edition.yml (title_zh, title_en, edition_date)")
    data = load_yaml(path, "edition.yml")
    if not isinstance(data, dict):
        raise InputError(path, "edition.yml must be a mapping")
    unknown = set(data) - set(REQUIRED)
    if unknown:
        raise InputError(path, f"unknown keys: {', '.join(sorted(unknown))}")
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InputError(path, f"{key!r} must be a non-empty string")
    return EditionMeta(data["title_zh"], data["title_en"], data["edition_date"])
