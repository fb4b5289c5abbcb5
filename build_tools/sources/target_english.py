"""The English of the targets: ``translations/en/targets.yml`` (written by hand, per target) and
``build_tools/enrich/target_words.yml`` (units and qualifiers in briefings).

targets.yml::

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

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from build_tools.core.errors import InputError
from build_tools.model import TargetEnglish, TargetWords
from build_tools.sources.schema import Entry, Field, ListOf, MapOf, Number, Record, Text, read_yaml

# A count's unit is left out in English (the subject names what is counted): en may be "".
UNIT = Record((Field("factor", Number(above=0)), Field("en", Text(empty=True))), what="a unit")
QUALIFIERS = MapOf(Text(), Text(), what="qualifiers")
UNITS = MapOf(Text(), UNIT, what="units")
TARGET = Record(
    (
        Field("block", Text(), doc="the paragraph id"),
        Field("zh", Text(), doc="the Chinese subject as the extractor gives it"),
        Field("en", Text()),
        Field("compared_to_en", Text(), required=False, doc="only for a comparative target"),
    ),
    what="a target",
)
TARGETS = Record(
    (
        Field("qualifiers", QUALIFIERS, required=False),
        Field("units", UNITS, required=False),
        Field("targets", ListOf(TARGET), required=False),
    ),
    what="target translations",
)
WORDS = Record((Field("units", UNITS), Field("qualifiers", QUALIFIERS)), what="the target words")


def _units(read: Mapping[str, tuple[Entry, int]]) -> Mapping[str, tuple[float, str]]:
    return MappingProxyType({unit: (float(spec["factor"]), str(spec["en"])) for unit, (spec, _) in read.items()})


def load_target_english(path: Path) -> TargetEnglish:
    """The store, or an empty one when the file does not exist."""
    if not path.exists():
        return TargetEnglish.empty()
    data = read_yaml(path, TARGETS, "target translations")
    subjects: dict[tuple[str, str], tuple[str, str]] = {}
    for entry in data.get("targets", ()):
        key = (entry["block"], entry["zh"])
        if key in subjects:
            raise InputError(path, f"duplicate target {key[0]} {key[1]}", entry.line)
        subjects[key] = (entry["en"], entry.get("compared_to_en", ""))
    qualifiers = {zh: en for zh, (en, _) in data.get("qualifiers", {}).items()}
    return TargetEnglish(MappingProxyType(subjects), MappingProxyType(qualifiers), _units(data.get("units", {})))


def load_target_words(path: Path) -> TargetWords:
    data = read_yaml(path, WORDS, "the target words")
    return TargetWords(_units(data["units"]), MappingProxyType({zh: en for zh, (en, _) in data["qualifiers"].items()}))
