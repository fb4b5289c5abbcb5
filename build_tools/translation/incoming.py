"""Import delivered translations (YAML: block id -> {en, note}) into the PO store.

The YAML is what a translator hands in (see translations/STYLE.md, "Work files"); after import
the PO file is the only copy that counts.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.errors import InputError
from build_tools.model import ParsedPlan
from build_tools.translation.atomic import write_atomically
from build_tools.translation.store import load_po, new_po, po_path, serialize, sync
from build_tools.yaml_input import compose_yaml


def read_delivery(path: Path) -> dict[str, tuple[str, str, int]]:
    """Block id -> (english, note, line) from one YAML delivery."""
    document = compose_yaml(path, "a translation delivery")
    if document is None or not isinstance(document, yaml.MappingNode):
        raise InputError(path, "a delivery is a mapping from block id to {en, note}")
    result = {}
    for key_node, value_node in document.value:
        line = key_node.start_mark.line + 1
        value = yaml.safe_load(yaml.serialize(value_node))
        if not isinstance(value, dict) or not isinstance(value.get("en"), str) or set(value) - {"en", "note"}:
            raise InputError(path, f"{key_node.value}: expected {{en: text, note: optional text}}", line)
        result[key_node.value] = (value["en"].strip(), (value.get("note") or "").strip(), line)
    return result


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
        write_atomically(path, serialize(po))
        counts[plan_id] = len(delivered)
    return counts
