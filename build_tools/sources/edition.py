"""Read source_texts/edition.yml, the edition-wide metadata."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.model import EditionMeta, PlanMeta
from build_tools.sources.discover import regular_file
from build_tools.sources.inside import line_of
from build_tools.sources.schema import Date, Field, Int, Record, Text, read_yaml

SCHEMA = Record(
    (
        Field("title_zh", Text(), doc="The edition's Chinese title."),
        Field("title_en", Text(), doc="The edition's English title."),
        Field("edition_date", Date(), doc="The date the content was fixed, YYYY-MM-DD (or YYYY-MM, YYYY)."),
        Field(
            "part_page_blocks",
            Int(low=20, high=2000),
            required=False,
            doc="Blocks one page of a plan's part holds at most; a longer part continues on further pages.",
        ),
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
    bound = data.get("part_page_blocks", EditionMeta.part_page_blocks)
    return EditionMeta(data["title_zh"], data["title_en"], data["edition_date"], bound)


def check_edition_date(sources: Path, edition: EditionMeta, plans: Iterable[PlanMeta]) -> None:
    """The edition is fixed after every plan it holds was issued (compared to the precision both give)."""
    for plan in plans:
        shared = min(len(plan.date), len(edition.edition_date))
        if plan.date[:shared] > edition.edition_date[:shared]:
            path = sources / "edition.yml"
            line = line_of(path.read_text(encoding="utf-8"), "edition_date")
            message = f"'edition_date' {edition.edition_date!r} lies before {plan.id}'s issue date {plan.date!r}"
            raise InputError(path, message, line)
