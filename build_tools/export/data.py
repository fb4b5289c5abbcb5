"""Write docs/data/edition.json and docs/data/blocks.csv: deterministic, documented in the README."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path

from build_tools.core.write import PageWriter, writing
from build_tools.export import json_text
from build_tools.export.across import shared_wording_records, vocabulary_csv, vocabulary_records
from build_tools.export.csv_cells import csv_text
from build_tools.model import Block, Edition, ParsedPlan, Target, TimelineEntry
from build_tools.present.urls import data_path

SCHEMA_VERSION = 1
BLOCK_FIELDS = ("id", "kind", "level", "label", "zh", "hash", "zone", "section", "box", "line")
TRANSLATION_FIELDS = ("en", "en_status", "en_note", "zh_hans", "zh_hant")


def block_record(block: Block, edition: Edition) -> dict:
    text = edition.bilingual.blocks[block.id]
    record = {name: getattr(block, name) for name in BLOCK_FIELDS}
    record.update(
        en=text.en,
        en_status=text.en_status,
        en_note=text.note,
        zh_hant=text.label_hant + text.zh_hant,
        zh_hans=text.label_hans + text.zh_hans,
    )
    record["topics"] = list(edition.topics.topics_of(block.id))
    record["years"] = list(edition.block_years.get(block.id, ()))
    return record


def quoting_record(entry: TimelineEntry | Target, edition: Edition) -> dict:
    """An entry's fields as the export has always written them: ``snippet``, the sentence it quotes, where
    the model holds its offsets (``snippet_start``, ``snippet_end``) into the block."""
    record = {}
    for field in fields(entry):
        if field.name == "snippet_start":
            record["snippet"] = edition.snippet(entry)
        elif field.name != "snippet_end":
            record[field.name] = getattr(entry, field.name)
    return record


def topic_records(edition: Edition) -> list[dict]:
    return [
        {
            "id": topic.id,
            "group": topic.group,
            "zh": topic.zh,
            "en": topic.en,
            "scope_zh": topic.scope_zh,
            "scope_en": topic.scope_en,
            "terms": list(topic.terms),
            "exclude": list(topic.exclude),
            "blocks": edition.topics.block_counts[topic.id],
            "plans": edition.topics.plan_counts[topic.id],
            "blocks_per_plan": {
                plan.meta.id: edition.topics.plan_block_counts.get((topic.id, plan.meta.id), 0)
                for plan in edition.plans
            },
        }
        for topic in edition.taxonomy.topics
    ]


def plan_record(plan: ParsedPlan, edition: Edition) -> dict:
    meta = asdict(plan.meta)
    meta["period"] = list(plan.meta.period)
    meta["notes_en"] = list(plan.meta.notes_en)
    return {
        **meta,
        "source": {
            "encoding": plan.source.encoding,
            "sha256": plan.source.sha256,
            "script": plan.source.script,
            "removed_invisible": plan.source.removed_invisible,
        },
        "parts": [{"index": part.index, "slug": part.slug, "title_zh": part.title_zh} for part in plan.parts],
        "dropped": [{"line": item.line, "reason": item.reason, "text": item.text} for item in plan.dropped],
        "blocks": [block_record(block, edition) for block in plan.blocks],
    }


def edition_data(edition: Edition) -> dict:
    """What edition.json holds; the long lists are generators, made as json_text writes them (read it once)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title_zh": edition.meta.title_zh,
        "title_en": edition.meta.title_en,
        "edition_date": edition.meta.edition_date,
        "hant_config": edition.bilingual.hant_config,
        "topic_groups": [{"id": group.id, "zh": group.zh, "en": group.en} for group in edition.taxonomy.groups],
        "topics": topic_records(edition),
        "timeline": (quoting_record(entry, edition) for entry in edition.timeline),
        "targets": (quoting_record(target, edition) for target in edition.targets),
        "vocabulary": vocabulary_records(edition),
        "shared_wording": shared_wording_records(edition),
        "plans": (plan_record(plan, edition) for plan in edition.plans),
    }


def edition_json(edition: Edition) -> str:
    return json_text.dumps(edition_data(edition)) + "\n"


def write_edition_json(edition: Edition, path: Path) -> None:
    """edition.json, written as it is made (at 500 plans it is half a gigabyte of text), then swapped in
    unless unchanged (write.writing)."""
    with writing(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        json_text.dump(edition_data(edition), out.write)
        out.write("\n")


def _block_rows(edition: Edition) -> Iterator[tuple[object, ...]]:
    columns = (*BLOCK_FIELDS, *TRANSLATION_FIELDS)
    for plan in edition.plans:
        for block in plan.blocks:
            record = block_record(block, edition)
            yield (plan.meta.id, *(record[name] for name in columns), " ".join(record["topics"]))


def blocks_csv(edition: Edition) -> str:
    return csv_text(("plan", *BLOCK_FIELDS, *TRANSLATION_FIELDS, "topics"), _block_rows(edition))


TARGET_FIELDS = (
    "year",
    "end_year",
    "per_year",
    "plan_id",
    "block_id",
    "kind",
    "subject",
    "subject_en",
    "metric",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "qualifier_en",
    "compared_to",
    "compared_to_en",
    "value_en",
    "text",
    "year_source",
    "snippet",
)


def targets_csv(edition: Edition) -> str:
    rows = (
        (
            *("" if (value := record[name]) is None else value for name in TARGET_FIELDS),
            " ".join(target.topics),
        )
        for target in edition.targets
        for record in (quoting_record(target, edition),)
    )
    return csv_text((*TARGET_FIELDS, "topics"), rows)


def write_exports(edition: Edition, docs: Path) -> list[str]:
    """Write every export file under ``docs`` (each only when its bytes changed); return their docs/ paths."""
    write_edition_json(edition, docs / data_path("edition.json"))
    writer = PageWriter(docs, [data_path("edition.json")])
    writer.write(data_path("blocks.csv"), blocks_csv(edition))
    writer.write(data_path("targets.csv"), targets_csv(edition))
    writer.write(data_path("vocabulary.csv"), vocabulary_csv(edition))
    return writer.written
