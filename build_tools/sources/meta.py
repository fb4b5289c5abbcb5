"""The meta.yml schema: one line a key, validated on load with an error naming file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import PlanMeta
from build_tools.yaml_input import load_yaml

PLAN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Key:
    """One meta.yml key: its type, whether it is required, and what it means."""

    name: str
    type: type
    required: bool
    doc: str
    choices: tuple[str, ...] = ()


SCHEMA: tuple[Key, ...] = (
    Key("title_zh", str, True, "Title exactly as printed in the source."),
    Key("title_en", str, True, "English title."),
    Key("issuer_zh", str, True, "Issuing body in Chinese."),
    Key("issuer_en", str, True, "Issuing body in English."),
    Key("date", str, True, "Issue date: YYYY-MM-DD, YYYY-MM or YYYY (its precision is kept)."),
    Key("period", list, True, "[first_year, last_year] the plan covers."),
    Key("status", str, True, "Document status.", ("issued", "draft", "internal")),
    Key("doc_type", str, True, "Kind of document.", ("plan", "action-plan", "outline")),
    Key("region_zh", str, True, "Province, or 全国 for national plans."),
    Key("region_en", str, True, "Province, or National."),
    Key("summary_en", str, True, "Short English summary (2–4 sentences)."),
    Key("summary_zh", str, True, "Short Chinese summary."),
    Key("source_file", str, True, "File name the text was received as."),
    Key("notes_en", list, False, "Editorial notes on the source."),
    Key("horizon", int, False, "Long-range target year beyond the period, e.g. 2035."),
)
KEYS = {key.name: key for key in SCHEMA}


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return None


def load_meta(path: Path, plan_id: str) -> PlanMeta:
    """Read and validate one meta.yml; the plan id is the folder name."""
    if not PLAN_ID.match(plan_id):
        raise InputError(path.parent, f"plan id {plan_id!r} must be lowercase ascii words joined by hyphens")
    data = load_yaml(path, "meta.yml")
    text = path.read_text(encoding="utf-8")
    if not isinstance(data, dict):
        raise InputError(path, "meta.yml must be a mapping of keys to values")
    for name in data:
        if name not in KEYS:
            raise InputError(path, f"unknown key {name!r} (allowed: {', '.join(KEYS)})", _line_of(text, str(name)))
    for key in SCHEMA:
        if key.name not in data:
            if key.required:
                raise InputError(path, f"missing required key {key.name!r}: {key.doc}")
            continue
        value = data[key.name]
        if key.name == "date" and isinstance(value, (int,)):
            value = data[key.name] = str(value)
        if not isinstance(value, key.type) or (key.type is str and not value.strip()):
            raise InputError(path, f"{key.name!r} must be a non-empty {key.type.__name__}", _line_of(text, key.name))
        if key.choices and value not in key.choices:
            raise InputError(
                path, f"{key.name!r} must be one of {', '.join(key.choices)}, not {value!r}", _line_of(text, key.name)
            )
    date = DATE.match(str(data["date"]))
    if not date:
        raise InputError(
            path, f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD, not {data['date']!r}", _line_of(text, "date")
        )
    precision = "day" if date.group(3) else "month" if date.group(2) else "year"
    period = data["period"]
    if len(period) != 2 or not all(isinstance(y, int) for y in period) or not 1949 <= period[0] <= period[1] <= 2100:
        raise InputError(
            path,
            f"'period' must be [first_year, last_year] with first <= last, not {period!r}",
            _line_of(text, "period"),
        )
    horizon = data.get("horizon", 0)
    if horizon and horizon < period[1]:
        raise InputError(path, f"'horizon' {horizon} lies before the end of the period", _line_of(text, "horizon"))
    notes = data.get("notes_en", [])
    if not all(isinstance(note, str) for note in notes):
        raise InputError(path, "'notes_en' must be a list of strings", _line_of(text, "notes_en"))
    return PlanMeta(
        id=plan_id,
        title_zh=data["title_zh"].strip(),
        title_en=data["title_en"].strip(),
        issuer_zh=data["issuer_zh"].strip(),
        issuer_en=data["issuer_en"].strip(),
        date=str(data["date"]),
        date_precision=precision,
        period=(period[0], period[1]),
        status=data["status"],
        doc_type=data["doc_type"],
        region_zh=data["region_zh"].strip(),
        region_en=data["region_en"].strip(),
        summary_en=" ".join(data["summary_en"].split()),
        summary_zh=data["summary_zh"].strip(),
        source_file=data["source_file"].strip(),
        notes_en=tuple(" ".join(note.split()) for note in notes),
        horizon=horizon,
    )
