"""Traditional → Simplified characters for the browser: a query typed in Traditional finds the Simplified index.

Generated from OpenCC t2s, limited to the Traditional characters a reader could type for this edition's
text (the s2t forms of its characters and the Traditional views the site shows), so it stays small.
"""

from __future__ import annotations

import opencc

from build_tools.model import Edition
from build_tools.search.text import HAN


def traditional_map(edition: Edition) -> dict[str, str]:
    simplified = set()
    traditional = set()
    for text in edition.bilingual.blocks.values():
        simplified.update(HAN.findall(text.zh_hans))
        traditional.update(HAN.findall(text.zh_hant))
    for term in edition.bilingual.glossary:
        simplified.update(HAN.findall(term.zh))
        traditional.update(HAN.findall(term.zh_hant))
    for config in ("s2t", "s2tw", "s2hk"):
        converter = opencc.OpenCC(f"{config}.json")
        traditional.update(converter.convert(character) for character in simplified)
    to_simplified = opencc.OpenCC("t2s.json")
    mapping = {}
    for character in traditional:
        converted = to_simplified.convert(character)
        if len(character) == 1 and len(converted) == 1 and converted != character:
            mapping[character] = converted
    return mapping
