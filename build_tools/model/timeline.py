"""Dated statements and quantitative targets of the plans, and the English of the targets."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, get_args

AXIS = (2005, 2035)
"""The years the timeline axis shows; entries outside are kept and flagged."""

TimelineKind = Literal["issued", "period", "target", "fact", "reference"]
TIMELINE_KINDS: tuple[TimelineKind, ...] = get_args(TimelineKind)
TargetKind = Literal["level", "growth", "share", "count", "gap", "comparative"]
TARGET_KINDS: tuple[TargetKind, ...] = get_args(TargetKind)
YearSource = Literal["stated", "block", "section", "recurring", "period-end"]


@dataclass(frozen=True)
class TimelineEntry:
    """One dated point or span of a plan, tied to the block that states it."""

    plan_id: str
    block_id: str
    """The block that states the date, ``""`` when the entry comes from the metadata alone."""
    year: int
    end_year: int
    """Last year of the span; equal to ``year`` for a single year."""
    kind: TimelineKind
    snippet_start: int
    """Where the sentence containing the expression starts in the block's ``zh``; the sentence itself is
    ``Edition.snippet(entry)``, a slice of the block (0 with ``snippet_end`` 0 from metadata)."""
    snippet_end: int
    """Where that sentence ends (exclusive); the sentence reaches at most ``SNIPPET_REACH`` characters
    (build_tools.enrich.timeline) either side of the expression."""
    text: str
    """The dated expression as printed (``2017—2020年``, ``“十二五”末期``), ``""`` from metadata."""
    start: int
    """Offset of ``text`` in the block's ``zh``; -1 from metadata."""
    relative: str
    """The relative expression that was resolved (``“十二五”末期``, ``2016年至今``, ``规划期末``), or ``""``."""
    outside_axis: bool
    """Whether the span reaches outside AXIS (kept, the page decides how to show it)."""


@dataclass(frozen=True)
class Target:
    """One quantitative target: what is measured, how much, by when (``build_tools.enrich.targets``)."""

    plan_id: str
    block_id: str
    year: int
    """The year the target is for; the first year of a span (“十一五”中后期, 每年 2017–2020)."""
    metric: str
    """The Chinese words of the quantity's own clause for what is measured (``年均增长``, ``销售收入``);
    ``subject`` when the clause has none before the figure (培育8家…企业)."""
    value: float | None
    """The number, ``None`` when the source leaves it blank (``**亿元``) or states none (a comparison)."""
    unit: str
    """The unit as written: ``亿元``, ``万亿元``, ``%``, ``万人``, ``家``, ``年``…; ``""`` for a comparison."""
    text: str
    """The quantity as printed, e.g. ``2万亿元``, ``6%以上``, ``**亿元``, ``高于制造业增速``."""
    qualifier: str
    """The word qualifying the figure, as printed: ``以上``, ``左右``, ``突破``, ``不低于``, ``高于``… or ``""``."""
    value_high: float | None
    """Upper bound when the quantity is a range (``2—3家``), else ``None``."""
    year_source: YearSource
    """Where ``year`` comes from: ``stated`` (the sentence), ``block`` (an earlier sentence of the block),
    ``section`` (the target heading, 2025 年发展目标), ``recurring`` (每年…, over the plan's years) or
    ``period-end`` (the plan's last year)."""
    snippet_start: int
    """Where the sentence containing the quantity starts in the block's ``zh``; the sentence itself is
    ``Edition.snippet(target)``, a slice of the block, never a copy held here."""
    snippet_end: int
    """Where that sentence ends (exclusive)."""
    end_year: int
    """The last year of the span; equal to ``year`` for a single year."""
    per_year: bool
    """Whether the figure recurs every year of ``year``–``end_year`` (每年推出10个以上…)."""
    subject: str
    """What is measured, complete: the metric with the sector the sentence, the target before it or the
    section heading gives (``规模以上装备制造业工业增加值``); for a growth rate, the thing that grows."""
    kind: TargetKind
    compared_to: str
    """For a comparative target, what it is compared with (``制造业增速``), else ``""``."""
    topics: tuple[str, ...]
    """Topic ids of the subject (not of the whole paragraph)."""
    subject_en: str
    """English of ``subject`` (translations/en/targets.yml), ``""`` while untranslated."""
    qualifier_en: str
    """English of ``qualifier`` placed before the figure (``at least``, ``about``), ``""`` for none."""
    compared_to_en: str
    """English of ``compared_to``, ``""`` when there is none or it is untranslated."""
    value_en: str
    """The target in English, qualifier, figure and unit: ``more than 2 trillion yuan``, ``at least 10``,
    ``5–10 years``, ``higher than the growth of manufacturing as a whole``; ``""`` if untranslated."""

    @property
    def years_label(self) -> str:
        """``2020``, or ``2017–2020`` for a span."""
        return str(self.year) if self.end_year == self.year else f"{self.year}–{self.end_year}"


@dataclass(frozen=True)
class TargetEnglish:
    """English renderings of target subjects and qualifiers."""

    subjects: Mapping[tuple[str, str], tuple[str, str]]
    """(block id, Chinese subject) -> (English subject, English of what it is compared with or "")."""
    qualifiers: Mapping[str, str]
    """Chinese qualifier -> English."""
    units: Mapping[str, tuple[float, str]]
    """Chinese unit -> (factor, English unit)."""

    @classmethod
    def empty(cls) -> TargetEnglish:
        return cls(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}))

    def figure(self, value: float | None, value_high: float | None, unit: str) -> str:
        """The figure in English: ``2800``, ``亿元`` → ``280 billion yuan``; ``""`` when the unit has no entry."""
        if unit not in self.units:
            return ""
        factor, name = self.units[unit]
        if value is None:
            return f"** {name} (left blank in the draft)".replace("  ", " ")
        number = _number(value * factor)
        if value_high is not None:
            number += f"–{_number(value_high * factor)}"
        if name == "%":
            return f"{number}%"
        return f"{number} {name}".strip()

    def subject(self, block_id: str, zh: str) -> str:
        return self.subjects.get((block_id, zh), ("", ""))[0]

    def compared_to(self, block_id: str, zh: str) -> str:
        return self.subjects.get((block_id, zh), ("", ""))[1]

    def qualifier(self, zh: str) -> str:
        return self.qualifiers.get(zh, "")

    def problems(self, targets: Iterable[Target]) -> tuple[str, ...]:
        """Targets without English, qualifiers without English, and stale entries."""
        targets = tuple(targets)
        found: list[str] = []
        used = set()
        for target in targets:
            key = (target.block_id, target.subject)
            used.add(key)
            if key not in self.subjects:
                found.append(f"target without English: {target.block_id} {target.subject}")
            elif target.kind == "comparative" and not self.compared_to(*key):
                found.append(f"comparative target without compared_to_en: {target.block_id} {target.subject}")
            if target.qualifier and target.qualifier not in self.qualifiers:
                found.append(f"qualifier without English: {target.qualifier}")
            if target.unit and target.unit not in self.units:
                found.append(f"unit without English: {target.unit}")
        for block_id, zh in sorted(set(self.subjects) - used):
            found.append(f"stale target English (no such target any more): {block_id} {zh}")
        return tuple(dict.fromkeys(found))


def _number(value: float) -> str:
    """``280.0`` → ``280``; ``450000.0`` → ``450,000``; ``11.5`` stays."""
    rounded = round(value, 6)
    if not math.isfinite(rounded):  # int() of an infinite float overflows: a figure of 310 digits is one
        return f"{rounded}"
    return f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,g}"


@dataclass(frozen=True)
class TargetSeries:
    """A comparable target series drawn as a small chart on the targets page (across/target_series.yml)."""

    id: str
    zh: str
    en: str
    kind: TargetKind
    unit_zh: str
    unit_en: str
    units: Mapping[str, float]
    """Unit as written -> factor to the series unit."""
    terms: tuple[str, ...]
    """A target joins when its subject contains one of these…"""
    exclude: tuple[str, ...]
    """…and none of these."""

    def value_of(self, target: Target) -> float | None:
        """The target's value in the series unit, or None when it does not belong (or has no value)."""
        if target.kind != self.kind or target.unit not in self.units or target.value is None:
            return None
        if not any(term in target.subject for term in self.terms) or any(w in target.subject for w in self.exclude):
            return None
        return target.value * self.units[target.unit]


@dataclass(frozen=True)
class TargetWords:
    """English words for the units and qualifiers of targets in briefings (``build_tools/enrich/target_words.yml``)."""

    units: Mapping[str, tuple[float, str]]
    """Chinese unit -> (what one unit is worth in the English unit, the English unit): 亿元 -> (1e8, yuan)."""
    qualifiers: Mapping[str, str]
    """Chinese qualifier -> English put after the figure: 以上 -> or more."""
