"""Read source_texts/edition.yml, the edition-wide metadata."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.errors import InputError
from build_tools.model import EditionMeta

REQUIRED = ("title_zh", "title_en", "edition_date")


def load_edition_meta(sources: Path) -> EditionMeta:
    path = sources / "edition.yml"
    if not path.is_file():
        raise InputError(path, "missing: the sources directory needs an edition.yml (title_zh, title_en, edition_date)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(
            path, f"invalid YAML: {getattr(error, 'problem', error)}", mark.line + 1 if mark else None
        ) from error
    if not isinstance(data, dict):
        raise InputError(path, "edition.yml must be a mapping")
    unknown = set(data) - set(REQUIRED)
    if unknown:
        raise InputError(path, f"unknown keys: {', '.join(sorted(unknown))}")
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InputError(path, f"{key!r} must be a non-empty string")
    return EditionMeta(data["title_zh"], data["title_en"], data["edition_date"])
