"""Key points per plan (translations/key_points/<plan-id>.yml), read through the schema reader.

Like the PO files, the store keeps what it was written from: ``source_sha256`` is the hash of the received
text the points were written from; when the text changes the points are kept but flagged stale (the page says
so) until an editor reviews them and updates the hash. Every paragraph a point cites must exist in the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.core.errors import InputError
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


@dataclass(frozen=True)
class KeyPointsFile:
    """One plan's key points as read at load; their paragraph ids are checked once the plan is parsed."""

    path: Path
    data: Any
    """The schema reader's record (values with their line numbers)."""


def read_key_points(folder: Path, plan_ids: Iterable[str]) -> dict[str, KeyPointsFile]:
    """The key points files of these plans (``<plan-id>.yml``) that exist, read and checked against the schema."""
    found = {}
    for plan_id in plan_ids:
        path = folder / f"{plan_id}.yml"
        if path.is_file():
            found[plan_id] = KeyPointsFile(path, read_yaml(path, SCHEMA, "key points"))
    return found


def checked_key_points(read: KeyPointsFile, plan: ParsedPlan) -> KeyPoints:
    """The plan's key points; a paragraph id the plan does not have is an error naming its file and line."""
    known = {block.id for block in plan.blocks}
    points = []
    for entry in read.data["points"]:
        blocks = tuple(f"{plan.meta.id}/{short}" for short in entry["rests_on"])
        for block_id in blocks:
            if block_id not in known:
                message = f"no paragraph {block_id.split('/', 1)[1]!r} in {plan.meta.id} (a key point rests on it)"
                raise InputError(read.path, message, entry.lines["rests_on"])
        points.append(KeyPoint(" ".join(entry["zh"].split()), " ".join(entry["en"].split()), blocks))
    written_from = read.data["source_sha256"]
    return KeyPoints(plan.meta.id, tuple(points), written_from, written_from != plan.source.sha256)


def load_key_points(folder: Path, plan: ParsedPlan) -> KeyPoints | None:
    """Read and check one parsed plan's key points at once (for tools and tests); None when it has none yet."""
    read = read_key_points(folder, [plan.meta.id]).get(plan.meta.id)
    return None if read is None else checked_key_points(read, plan)
