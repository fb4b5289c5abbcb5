"""The Traditional Chinese view: OpenCC conversion at build time, with glossary overrides."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import opencc

from build_tools.sources.schema import Field, Record, Text, read_yaml
from build_tools.translation.glossary import Term

CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")


@dataclass(frozen=True)
class HantConverter:
    config: str
    """The OpenCC configuration used, named on the site."""
    overrides: tuple[tuple[str, str], ...]
    """(mechanical result, wanted form) pairs from the glossary, longest first."""

    def convert(self, text: str) -> str:
        converted = _converter(self.config).convert(text)
        for produced, wanted in self.overrides:
            converted = converted.replace(produced, wanted)
        return converted


_CACHE: dict[str, opencc.OpenCC] = {}


def _converter(config: str) -> opencc.OpenCC:
    if config not in _CACHE:
        _CACHE[config] = opencc.OpenCC(f"{config}.json")
    return _CACHE[config]


def load_converter(settings: Path, terms: tuple[Term, ...]) -> HantConverter:
    schema = Record((Field("opencc_config", Text(choices=CONFIGS)),), what="the Traditional-view settings")
    config = read_yaml(settings, schema, "the Traditional-view settings")["opencc_config"]
    overrides = []
    for term in terms:
        if term.zh_hant:
            produced = _converter(config).convert(term.zh)
            if produced != term.zh_hant:
                overrides.append((produced, term.zh_hant))
    overrides.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    return HantConverter(config, tuple(overrides))


def simplify(text: str) -> str:
    """Simplified view of a Traditional source text (for search and topics), OpenCC t2s."""
    return _converter("t2s").convert(text)
