"""Key points per plan (translations/key_points/<plan-id>.yml), read through the schema reader.

Like the PO files, the store keeps what it was written from: ``source_sha256`` is the hash of the received
text the points were written from; when the text changes the points are kept but flagged stale (the page says
so) until an editor reviews them and updates the hash. Every paragraph a point cites must exist in the plan.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import ParsedPlan
from build_tools.model.key_points import KeyPoint, KeyPoints
from build_tools.sources.schema import Field, ListOf, Record, Text, read_yaml

SHA256 = re.compile(r"[0-9a-f]{64}\Z")
BLOCK = re.compile(r"[a-z0-9.]+(/[a-z0-9.]+)*\Z")
POINT = Record(
    (
        Field("zh", Text(), doc="The point in Chinese."),
        Field("en", Text(), doc="The point in English."),
        Field(
            "rests_on",
            ListOf(Text(pattern=BLOCK, rule="a paragraph's short id such as s2.1/p3"), min=1),
            doc="The paragraphs the point rests on (short ids).",
        ),
    ),
    what="a key point",
)
SCHEMA = Record(
    (
        Field("source_sha256", Text(pattern=SHA256, rule="64 lowercase hex digits"), doc="Hash of the text read."),
        Field("points", ListOf(POINT, min=1, max=8), doc="Five to eight points."),
    ),
    what="key points",
)


def load_key_points(folder: Path, plan: ParsedPlan) -> KeyPoints | None:
    """The plan's key points, or None when it has none yet; an unknown paragraph id is an error naming its line."""
    path = folder / f"{plan.meta.id}.yml"
    if not path.is_file():
        return None
    data = read_yaml(path, SCHEMA, "key points")
    known = {block.id for block in plan.blocks}
    points = []
    for entry in data["points"]:
        blocks = tuple(f"{plan.meta.id}/{short}" for short in entry["rests_on"])
        for block_id in blocks:
            if block_id not in known:
                message = f"no paragraph {block_id.split('/', 1)[1]!r} in {plan.meta.id} (a key point rests on it)"
                raise InputError(path, message, entry.lines["rests_on"])
        points.append(KeyPoint(" ".join(entry["zh"].split()), " ".join(entry["en"].split()), blocks))
    written_from = data["source_sha256"]
    return KeyPoints(plan.meta.id, tuple(points), written_from, written_from != plan.source.sha256)
