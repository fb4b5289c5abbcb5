"""Read source_texts/edition.yml, the edition-wide metadata."""

from __future__ import annotations

from pathlib import Path

from build_tools.model import EditionMeta
from build_tools.sources.discover import regular_file
from build_tools.sources.schema import Date, Field, Record, Text, read_yaml

SCHEMA = Record(
    (
        Field("title_zh", Text(), doc="The edition's Chinese title."),
        Field("title_en", Text(), doc="The edition's English title."),
        Field("edition_date", Date(), doc="The date the content was fixed, YYYY-MM-DD (or YYYY-MM, YYYY)."),
    ),
    what="edition.yml",
)


def load_edition_meta(sources: Path) -> EditionMeta:
    path = regular_file(
        sources / "edition.yml",
        sources,
        "the sources folder needs an edition.yml (title_zh, title_en, edition_date)",
    )
    data = read_yaml(path, SCHEMA, "edition.yml")
    return EditionMeta(data["title_zh"], data["title_en"], data["edition_date"])
