"""Recognize the numbering of Chinese official documents at the start of a segment.

Label *types* are what the hierarchy is built from: the first type met is level 1, a new type
below it level 2, and so on (see parser.py). Full- and half-width forms of one style are one
type: （一） and (一) are the same level in these texts; 1. and 1、 are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Bounded: a label's number is at most a few characters; an unbounded run would be read as one
# number of any length (int() refuses past 4,300 digits, and the arithmetic grows with the square).
CN_NUMERAL = "[一二三四五六七八九十百零〇两]{1,6}"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# (type, pattern); group "num" is the number, the whole match is the label as printed.
LABEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第(?P<num>{CN_NUMERAL}|\d{{1,4}})[章篇部]")),
    # Sections and articles of a chapter (第一节, 第三条): headings, not paragraph text.
    ("chapter-section", re.compile(rf"^第(?P<num>{CN_NUMERAL}|\d{{1,4}})节")),
    ("article", re.compile(rf"^第(?P<num>{CN_NUMERAL}|\d{{1,4}})条")),
    ("cn-comma", re.compile(rf"^(?P<num>{CN_NUMERAL})、")),
    ("cn-paren", re.compile(rf"^[（(]\s?(?P<num>{CN_NUMERAL})\s?[）)]")),
    ("num-dot", re.compile(r"^(?P<num>[0-9０-９]{1,2})[.．](?![0-9０-９])")),
    ("num-comma", re.compile(r"^(?P<num>[0-9０-９]{1,2})、")),
    ("num-paren", re.compile(r"^[（(](?P<num>[0-9０-９]{1,2})[）)]")),
)
BULLET = re.compile(r"^(?:--|——|－－|•|●|▪)")
BOX = re.compile(r"^(?:专栏|專欄)\s*(?P<num>[0-9０-９]+|[一二三四五六七八九十]+)?\s*[：:]?")


@dataclass(frozen=True)
class Label:
    type: str
    text: str
    """The label exactly as printed, e.g. ``（一）`` or ``1.``."""
    number: int
    """Its numeric value (第三章 -> 3)."""


def chinese_number(numeral: str) -> int:
    """Value of a Chinese numeral up to the hundreds: 十二 -> 12, 二十 -> 20, 一百零五 -> 105."""
    numeral = numeral.translate(FULLWIDTH_DIGITS)
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for char in numeral:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + CN_DIGITS[char]
    return total + current


def match_label(text: str) -> Label | None:
    """The numbering label at the start of text, if any."""
    for label_type, pattern in LABEL_PATTERNS:
        found = pattern.match(text)
        if found:
            return Label(label_type, found.group(0), chinese_number(found.group("num")))
    return None


def match_bullet(text: str) -> str | None:
    found = BULLET.match(text)
    return found.group(0) if found else None


def match_box(text: str) -> tuple[str, int] | None:
    """(label as printed, box number or 0) when text opens a 专栏 box."""
    found = BOX.match(text)
    if not found:
        return None
    return found.group(0).rstrip(), chinese_number(found.group("num")) if found.group("num") else 0
