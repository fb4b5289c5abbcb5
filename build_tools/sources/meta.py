"""The meta.yml schema: one line a key, validated on load with an error naming file and line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from build_tools.core.errors import InputError
from build_tools.model import PlanMeta
from build_tools.sources.schema import (
    ID,
    ID_RULE,
    Date,
    Entry,
    Field,
    Int,
    ListOf,
    Record,
    Text,
    precision,
    read_yaml,
)

PLAN_ID = ID
# An id names a folder, pages and files (<id>.ris, <id>-bilingual.pdf): bounded well inside the 255-byte
# file name limit of the file systems the site is built on.
PLAN_ID_MAX = 64
# How early a plan may be issued before its period starts (drafts for comment come a year or two ahead).
ISSUED_EARLY = 2
YEAR = Int(1949, 2100)
URL = re.compile(r"https?://[^\s]+\Z")
INFERRED = Record(
    (
        Field("date", Text(), required=False, doc="Why the issue date is inferred (it is not in the text)."),
        Field("issuer", Text(), required=False, doc="Why the issuing body is inferred."),
    ),
    what="'inferred' in meta.yml",
)

SCHEMA = Record(
    (
        Field("title_zh", Text(), doc="Title exactly as printed in the source."),
        Field("title_en", Text(), doc="English title."),
        Field("issuer_zh", Text(), doc="Issuing body in Chinese."),
        Field("issuer_en", Text(), doc="Issuing body in English."),
        Field("date", Date(1949, 2100), doc="Issue date: YYYY-MM-DD, YYYY-MM or YYYY (its precision is kept)."),
        Field(
            "period",
            ListOf(YEAR, min=2, max=2, shape="[first_year, last_year]"),
            doc="[first_year, last_year] the plan covers.",
        ),
        Field("status", Text(choices=("issued", "draft", "internal")), doc="Document status."),
        Field("doc_type", Text(choices=("plan", "action-plan", "outline")), doc="Kind of document."),
        Field("region_zh", Text(), doc="Province, or 全国 for national plans."),
        Field("region_en", Text(), doc="Province, or National."),
        Field("summary_en", Text(lines=True), doc="Short English summary (2–4 sentences)."),
        Field("summary_zh", Text(lines=True), doc="Short Chinese summary."),
        Field("source_file", Text(), doc="File name the text was received as."),
        Field("notes_en", ListOf(Text(lines=True)), required=False, doc="Editorial notes on the source."),
        Field("horizon", YEAR, required=False, doc="Long-range target year beyond the period, e.g. 2035."),
        Field("name_zh", Text(), required=False, doc="Short name telling apart plans of one region and period."),
        Field("name_en", Text(), required=False, doc="Its English."),
        Field("inferred", INFERRED, required=False, doc="What the editors inferred (date, issuer) and why."),
        Field(
            "source_url",
            Text(pattern=URL, rule="an http(s):// address"),
            required=False,
            doc="Where the text was found.",
        ),
        Field("document_number", Text(), required=False, doc="The issuing number (文号) as printed."),
        Field("retrieved", Date(1990, 2100), required=False, doc="When the text was retrieved: YYYY[-MM[-DD]]."),
    ),
    what="meta.yml",
)
KEYS = SCHEMA.index


def load_meta(path: Path, plan_id: str) -> PlanMeta:
    """Read and validate one meta.yml; the plan id is the folder name."""
    if not PLAN_ID.match(plan_id) or len(plan_id) > PLAN_ID_MAX:
        shown = plan_id if len(plan_id) <= PLAN_ID_MAX else plan_id[:PLAN_ID_MAX] + "…"
        raise InputError(path.parent, f"plan id {shown!r} must be {ID_RULE}, at most {PLAN_ID_MAX} characters")
    data = read_yaml(path, SCHEMA, "meta.yml")
    period = data["period"]
    horizon = data.get("horizon", 0)
    _check_dates(path, data)
    if ("name_zh" in data) != ("name_en" in data):
        given, missing = ("name_zh", "name_en") if "name_zh" in data else ("name_en", "name_zh")
        message = f"'{given}' needs '{missing}' beside it: a plan is named in both languages"
        raise InputError(path, message, data.lines[given])
    return PlanMeta(
        id=plan_id,
        title_zh=data["title_zh"],
        title_en=data["title_en"],
        issuer_zh=data["issuer_zh"],
        issuer_en=data["issuer_en"],
        date=data["date"],
        date_precision=precision(data["date"]),
        period=(period[0], period[1]),
        status=data["status"],
        doc_type=data["doc_type"],
        region_zh=data["region_zh"],
        region_en=data["region_en"],
        summary_en=" ".join(data["summary_en"].split()),
        summary_zh=data["summary_zh"],
        source_file=data["source_file"],
        notes_en=tuple(" ".join(note.split()) for note in data.get("notes_en", ())),
        horizon=horizon,
        name_zh=data.get("name_zh", ""),
        name_en=data.get("name_en", ""),
        date_inferred=_reason(data, "date"),
        issuer_inferred=_reason(data, "issuer"),
        source_url=data.get("source_url", ""),
        document_number=data.get("document_number", ""),
        retrieved=data.get("retrieved", ""),
    )


def _check_dates(path: Path, data: Entry) -> None:
    """The period runs forward, the horizon lies beyond it, and the plan is issued around its period."""
    period, horizon = data["period"], data.get("horizon", 0)
    if period[0] > period[1]:
        message = f"'period' must be [first_year, last_year] with first <= last, not {list(period)!r}"
        raise InputError(path, message, data.lines["period"])
    if horizon and horizon < period[1]:
        raise InputError(path, f"'horizon' {horizon} lies before the end of the period", data.lines["horizon"])
    year = int(data["date"][:4])
    if not period[0] - ISSUED_EARLY <= year <= period[1]:
        message = (
            f"'date' {data['date']!r} does not fit the period {period[0]}–{period[1]}: a plan is issued"
            f" at most {ISSUED_EARLY} years before its period starts and before it ends"
        )
        raise InputError(path, message, data.lines["date"])

def _reason(data: Mapping[str, Any], key: str) -> str:
    """The editors' reason for inferring ``key`` (``inferred: {date: …}``), one line; empty when it is given."""
    return " ".join(data.get("inferred", {}).get(key, "").split())
