"""Load the parser's vocabulary (vocabulary.yml) once, as a typed object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Debris:
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Vocabulary:
    unnumbered_headings: dict[str, str]
    toc_markers: tuple[str, ...]
    debris: tuple[Debris, ...]
    contact_prefixes: tuple[str, ...]
    notice_endings: tuple[str, ...]
    terminal_punctuation: str
    title_enders: str
    max_title_chars: int


@cache
def vocabulary() -> Vocabulary:
    data = yaml.safe_load((Path(__file__).parent / "vocabulary.yml").read_text(encoding="utf-8"))
    return Vocabulary(
        unnumbered_headings=dict(data["unnumbered_headings"]),
        toc_markers=tuple(data["toc_markers"]),
        debris=tuple(Debris(re.compile(item["pattern"]), item["reason"]) for item in data["debris"]),
        contact_prefixes=tuple(data["contact_prefixes"]),
        notice_endings=tuple(data["notice_endings"]),
        terminal_punctuation=data["terminal_punctuation"],
        title_enders=data["title_enders"],
        max_title_chars=int(data["max_title_chars"]),
    )
