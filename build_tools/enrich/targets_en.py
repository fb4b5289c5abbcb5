"""The English of the targets: translations/en/targets.yml, written by hand, checked at build.

Format::

    qualifiers:            # Chinese qualifier -> English put before the figure
      以上: at least
    units:                 # Chinese unit -> English unit and the factor that converts the number
      亿元: {factor: 0.1, en: billion yuan}
    targets:               # one entry per target subject, keyed by paragraph id + Chinese subject
    - block: henan-equipment-2017/s1.3/p2
      zh: 装备制造业规模以上企业主营业务收入
      en: Main business revenue of equipment-manufacturing enterprises above designated size
      compared_to_en: …    # only for a comparative target

A target whose subject has no entry is reported (its English stays empty); an entry no target
matches any more is reported as stale and kept in the file, so a translator can re-key it.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from build_tools.errors import InputError
from build_tools.model import TargetEnglish
from build_tools.yaml_input import load_yaml

if TYPE_CHECKING:
    pass

_ENTRY_KEYS = {"block", "zh", "en", "compared_to_en"}


def _units(path: Path, data: Any) -> dict[str, tuple[float, str]]:
    if not isinstance(data, dict):
        raise InputError(path, "units: a mapping of Chinese unit to {factor, en}")
    units = {}
    for unit, item in data.items():
        if not isinstance(item, dict) or set(item) != {"factor", "en"} or not isinstance(item["factor"], int | float):
            raise InputError(path, f"units: {unit} needs factor (a number) and en")
        units[str(unit)] = (float(item["factor"]), str(item["en"] or ""))
    return units


def _entry(path: Path, number: int, item: Any) -> tuple[tuple[str, str], tuple[str, str]]:
    if not isinstance(item, dict) or not {"block", "zh", "en"} <= set(item) or set(item) - _ENTRY_KEYS:
        raise InputError(path, f"targets entry {number}: needs block, zh, en (and optionally compared_to_en)")
    if not all(isinstance(item[key], str) and item[key].strip() for key in item):
        raise InputError(path, f"targets entry {number}: every value must be non-empty text")
    return (item["block"], item["zh"]), (item["en"], item.get("compared_to_en", ""))


def load_target_english(path: Path) -> TargetEnglish:
    """The store, or an empty one when the file does not exist."""
    if not path.exists():
        return TargetEnglish.empty()
    data = load_yaml(path, "target translations") or {}
    if not isinstance(data, dict) or set(data) - {"qualifiers", "units", "targets"}:
        raise InputError(path, "expected the keys qualifiers, units and targets")
    qualifiers = data.get("qualifiers") or {}
    if not isinstance(qualifiers, dict) or not all(isinstance(v, str) for v in qualifiers.values()):
        raise InputError(path, "qualifiers: a mapping of Chinese to English")
    subjects: dict[tuple[str, str], tuple[str, str]] = {}
    for number, item in enumerate(data.get("targets") or [], start=1):
        key, value = _entry(path, number, item)
        if key in subjects:
            raise InputError(path, f"targets entry {number}: duplicate {key[0]} {key[1]}")
        subjects[key] = value
    units = _units(path, data.get("units") or {})
    return TargetEnglish(
        MappingProxyType(subjects),
        MappingProxyType({str(k): v for k, v in qualifiers.items()}),
        MappingProxyType(units),
    )
