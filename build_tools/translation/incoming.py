"""Import delivered translations (YAML: block id -> {en, note}) into the PO store.

The YAML is what a translator hands in (see translations/STYLE.md, "Work files"); after import
the PO file is the only copy that counts.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.core.errors import InputError
from build_tools.core.write import write_if_changed
from build_tools.model import ParsedPlan
from build_tools.sources.schema import Field, MapOf, Record, Text, read_yaml
from build_tools.translation.store import load_po, new_po, po_path, serialize, sync

ENTRY = Record(
    (
        Field("en", Text(lines=True), doc="the English"),
        Field("note", Text(lines=True), required=False, doc="translator's note"),
    ),
    what="a delivered entry",
)
# Block ids: <plan-id>/<section>[/p<n>], lowercase ascii, digits, dots, hyphens.
DELIVERY = MapOf(
    Text(pattern=re.compile(r"^[a-z0-9][a-z0-9./-]*$"), rule="a block id"), ENTRY, what="a translation delivery"
)


def read_delivery(path: Path) -> dict[str, tuple[str, str, int]]:
    """Block id -> (english, note, line) from one YAML delivery."""
    entries = read_yaml(path, DELIVERY, "a translation delivery")
    return {block_id: (entry["en"], entry.get("note", ""), line) for block_id, (entry, line) in entries.items()}


def import_deliveries(plans: list[ParsedPlan], files: list[Path], root: Path, language: str = "en") -> dict[str, int]:
    """Write the delivered translations into the PO files; returns the number of entries set per plan."""
    by_plan = {plan.meta.id: plan for plan in plans}
    deliveries: dict[str, dict[str, tuple[str, str, int, Path]]] = {}
    for path in files:
        for block_id, (english, note, line) in read_delivery(path).items():
            plan_id = block_id.split("/", 1)[0]
            plan = by_plan.get(plan_id)
            if plan is None or not any(block.id == block_id for block in plan.blocks):
                raise InputError(path, f"no block {block_id!r} in the current sources", line)
            deliveries.setdefault(plan_id, {})[block_id] = (english, note, line, path)
    counts = {}
    for plan_id, delivered in sorted(deliveries.items()):
        plan = by_plan[plan_id]
        path = po_path(root, language, plan_id)
        po = sync(plan, load_po(path) if path.exists() else new_po(plan, language))
        for entry in po:
            if entry.obsolete or entry.msgctxt not in delivered:
                continue
            english, note, _, _ = delivered[entry.msgctxt]
            entry.msgstr = english
            entry.tcomment = note
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = None
        write_if_changed(path, serialize(po), durable=True)
        counts[plan_id] = len(delivered)
    return counts
