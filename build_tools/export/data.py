"""Write docs/data/edition.json and docs/data/blocks.csv: deterministic, documented in the README."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from build_tools.model import Block, Edition, ParsedPlan

SCHEMA_VERSION = 1
BLOCK_FIELDS = ("id", "kind", "level", "label", "zh", "hash", "zone", "section", "box", "line")


def block_record(block: Block) -> dict:
    return {name: getattr(block, name) for name in BLOCK_FIELDS}


def plan_record(plan: ParsedPlan) -> dict:
    meta = asdict(plan.meta)
    meta["period"] = list(plan.meta.period)
    meta["notes_en"] = list(plan.meta.notes_en)
    return {
        **meta,
        "source": {
            "encoding": plan.source.encoding,
            "sha256": plan.source.sha256,
            "removed_invisible": plan.source.removed_invisible,
        },
        "parts": [{"index": part.index, "slug": part.slug, "title_zh": part.title_zh} for part in plan.parts],
        "dropped": [{"line": item.line, "reason": item.reason, "text": item.text} for item in plan.dropped],
        "blocks": [block_record(block) for block in plan.blocks],
    }


def edition_json(edition: Edition) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "title_zh": edition.meta.title_zh,
        "title_en": edition.meta.title_en,
        "edition_date": edition.meta.edition_date,
        "plans": [plan_record(plan) for plan in edition.plans],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def blocks_csv(edition: Edition) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("plan", *BLOCK_FIELDS))
    for plan in edition.plans:
        for block in plan.blocks:
            record = block_record(block)
            writer.writerow((plan.meta.id, *(record[name] for name in BLOCK_FIELDS)))
    return out.getvalue()
