"""Export of the reading-across-plans data: policy vocabulary (JSON and CSV) and shared wording (JSON)."""

from __future__ import annotations

from collections.abc import Iterator

from build_tools.export.csv_cells import csv_text
from build_tools.model import Edition

VOCABULARY_COLUMNS = ("key", "kind", "en", "en_source", "glossary_id", "plan_id", "plan_date", "block_id", "quoted")


def vocabulary_records(edition: Edition) -> list[dict]:
    return [
        {
            "key": entry.key,
            "kind": entry.kind,
            "en": entry.en,
            "en_source": entry.en_source,
            "glossary_id": entry.glossary_id,
            "anchor": entry.anchor,
            "period_years": list(entry.years) if entry.kind == "period" else [],
            "first": {"plan_id": entry.first.plan_id, "block_id": entry.first.block_id},
            "plans": list(entry.plan_ids),
            "occurrences": list(entry.occurrences),  # dataclasses: json_text writes their fields
        }
        for entry in edition.vocabulary
    ]


def shared_wording_records(edition: Edition) -> Iterator[dict]:
    """One record at a time: at 500 plans there are a million pairs (the clauses are dataclasses, see json_text)."""
    return ({"left": pair.left, "right": pair.right, "similarity": pair.similarity} for pair in edition.shared.pairs)


def vocabulary_csv(edition: Edition) -> str:
    """One row per occurrence, in the order of the vocabulary page."""
    dates = {plan.meta.id: plan.meta.date for plan in edition.plans}
    rows = (
        (
            entry.key,
            entry.kind,
            entry.en,
            entry.en_source,
            entry.glossary_id,
            occurrence.plan_id,
            dates[occurrence.plan_id],
            occurrence.block_id,
            "yes" if occurrence.quoted else "no",
        )
        for entry in edition.vocabulary
        for occurrence in entry.occurrences
    )
    return csv_text(VOCABULARY_COLUMNS, rows)
