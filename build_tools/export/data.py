"""Write docs/data/edition.json and docs/data/blocks.csv: deterministic, documented in the README."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from build_tools.core.cache import NO_REUSE, Reuse
from build_tools.core.write import PageWriter, writing
from build_tools.export import json_text
from build_tools.export.across import shared_wording_records, vocabulary_csv, vocabulary_records
from build_tools.export.csv_cells import csv_text
from build_tools.model import Block, Edition, ParsedPlan, Target, TimelineEntry
from build_tools.present.urls import absolute, block_address, data_path, part_page_paths

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
    record["url"] = block_address(edition, block.id)  # the address a citation prints: page and anchor
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


def _quoted(entries: Iterable[TimelineEntry | Target], edition: Edition) -> tuple:
    """What the records of ``entries`` are made from: the entries and the sentences they quote."""
    return tuple((entry, edition.snippet(entry)) for entry in entries)


def _quoting_piece(reuse: Reuse, kind: str, entries: Iterable[TimelineEntry | Target], edition: Edition) -> Any:
    return _piece(reuse, kind, _quoted(entries, edition), lambda: (quoting_record(e, edition) for e in entries), TOP)


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
        "parts": [
            {
                "index": part.index,
                "slug": part.slug,
                "title_zh": part.title_zh,
                "pages": [absolute(edition.site_url, path) for path in part_page_paths(edition, plan.meta.id, part)],
            }
            for part in plan.parts
        ],
        "dropped": [{"line": item.line, "reason": item.reason, "text": item.text} for item in plan.dropped],
        "blocks": [block_record(block, edition) for block in plan.blocks],
    }


TOP = "\n "
"""Where edition.json's top-level values start (json_text's indentation: one space a level)."""
IN_LIST = "\n  "
"""Where the items of a top-level list start (each plan's record)."""


def _piece(reuse: Reuse, kind: str, content: object, value: Callable[[], Any], newline: str) -> Any:
    """``value()``, or its JSON text kept from a build where ``content`` (what it is made from) was the same.
    Without a cache the value itself: json_text writes it as it is made, nothing gathered in memory."""
    if reuse.store is None:
        return value()
    text, _ = reuse.made(f"edition.json {kind}", content, lambda: json_text.dumps(value(), newline))
    return json_text.Written(text)


STREAMED = "\0shared wording\0"
"""Where the shared wording goes in edition.json's text: JSON text never holds a raw NUL (json escapes it), so
the writer's sink finds the mark and streams the kept text in its place (``_with_shared``)."""


def _with_shared(edition: Edition, reuse: Reuse, write: Callable[[str], Any]) -> Callable[[str], Any]:
    """A sink for edition.json that puts the shared wording where STREAMED is (a gigabyte at 500 plans: never
    gathered in memory, kept and read back in pieces, see build_tools.core.cache.Reuse.streamed)."""

    def make(sink: Callable[[str], Any]) -> None:
        json_text.dump(shared_wording_records(edition), sink, TOP)

    def sink(text: str) -> None:
        if STREAMED not in text:
            write(text)
            return
        before, after = text.split(STREAMED)
        write(before)
        reuse.streamed("edition.json shared", edition.shared, make, write)
        write(after)

    return sink


def _plan_pieces(edition: Edition, reuse: Reuse) -> Iterator[Any]:
    for plan in edition.plans:
        record = plan_record(plan, edition)
        yield _piece(reuse, "plan", record, lambda record=record: record, IN_LIST)


def edition_data(edition: Edition, reuse: Reuse = NO_REUSE) -> dict:
    """What edition.json holds; the long lists are generators, made as json_text writes them (read it once).

    With ``reuse``, each long part (each plan's record, the timeline, the targets, the vocabulary, the shared
    wording) is JSON text kept under a hash of what it is made from, written again only when that changed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title_zh": edition.meta.title_zh,
        "title_en": edition.meta.title_en,
        "edition_date": edition.meta.edition_date,
        "hant_config": edition.bilingual.hant_config,
        "topic_groups": [{"id": group.id, "zh": group.zh, "en": group.en} for group in edition.taxonomy.groups],
        "topics": topic_records(edition),
        # An entry's record quotes its sentence (the model holds offsets into the block): the sentences are part
        # of what a kept piece is made from, so a changed block text with the same offsets is written again.
        "timeline": _quoting_piece(reuse, "timeline", edition.timeline, edition),
        "targets": _quoting_piece(reuse, "targets", edition.targets, edition),
        "vocabulary": _piece(reuse, "vocabulary", edition.vocabulary, lambda: vocabulary_records(edition), TOP),
        "shared_wording": json_text.Written(STREAMED) if reuse.store else shared_wording_records(edition),
        "plans": _plan_pieces(edition, reuse),
    }


def edition_json(edition: Edition) -> str:
    return json_text.dumps(edition_data(edition)) + "\n"


def write_edition_json(edition: Edition, path: Path, reuse: Reuse = NO_REUSE) -> None:
    """edition.json, written as it is made (at 500 plans it is half a gigabyte of text), then swapped in
    unless unchanged (write.writing)."""
    with writing(path) as temporary, temporary.open("w", encoding="utf-8") as out:
        json_text.dump(edition_data(edition, reuse), _with_shared(edition, reuse, out.write))
        out.write("\n")


def _block_rows(edition: Edition) -> Iterator[tuple[object, ...]]:
    columns = (*BLOCK_FIELDS, *TRANSLATION_FIELDS)
    for plan in edition.plans:
        for block in plan.blocks:
            record = block_record(block, edition)
            yield (plan.meta.id, *(record[name] for name in columns), " ".join(record["topics"]), record["url"])


def blocks_csv(edition: Edition) -> str:
    return csv_text(("plan", *BLOCK_FIELDS, *TRANSLATION_FIELDS, "topics", "url"), _block_rows(edition))


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


def write_exports(edition: Edition, docs: Path, reuse: Reuse = NO_REUSE) -> list[str]:
    """Write every export file under ``docs`` (each only when its bytes changed); return their docs/ paths."""
    write_edition_json(edition, docs / data_path("edition.json"), reuse)
    writer = PageWriter(docs, [data_path("edition.json")])
    writer.write(data_path("blocks.csv"), blocks_csv(edition))
    writer.write(data_path("targets.csv"), targets_csv(edition))
    writer.write(data_path("vocabulary.csv"), vocabulary_csv(edition))
    return writer.written
