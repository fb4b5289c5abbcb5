"""Counts and year spans a page states, derived from the edition (never written into a template).

zh_count(5) == "五", en_count(5) == "five"; edition_span(edition).covered == (2005, 2035)
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Edition

_ZH_DIGITS = "零一二三四五六七八九"
_EN_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _zh_digit(digit: int, value: int, first: bool) -> str:
    if value == 10 and first and digit == 1:
        return ""  # 十二, not 一十二
    if value == 1000 and digit == 2:
        return "两"  # 两千
    return _ZH_DIGITS[digit]


def zh_count(number: int) -> str:
    """A count in Chinese numerals as running text writes it: 五, 十二, 二十, 一百零五, 两千; from 10,000 in digits."""
    if not 0 <= number < 10_000:
        return str(number)
    if number < 10:
        return _ZH_DIGITS[number]
    pieces = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, number = divmod(number, value)
        if digit:
            pieces.append(_zh_digit(digit, value, first=not pieces) + unit)
        elif pieces and number:
            pieces.append("零")
    if number:
        pieces.append(_ZH_DIGITS[number])
    text = "".join(pieces)
    while "零零" in text:
        text = text.replace("零零", "零")
    return text


def en_count(number: int) -> str:
    """A count in English words up to one hundred (``five``, ``twenty-one``), in figures above (``105``)."""
    if number < 0 or number > 100:
        return f"{number:,}"
    if number < 20:
        return _EN_WORDS[number]
    if number == 100:
        return "one hundred"
    tens, ones = divmod(number, 10)
    return _EN_TENS[tens - 2] + (f"-{_EN_WORDS[ones]}" if ones else "")


@dataclass(frozen=True)
class EditionSpan:
    """The years the edition spans, from the plans themselves."""

    issued: tuple[int, int]
    """First and last issue year."""
    covered: tuple[int, int]
    """First year of the earliest period to the last year of any period or long-range horizon."""


def edition_span(edition: Edition) -> EditionSpan:
    metas = [plan.meta for plan in edition.plans]
    issued = [int(meta.date[:4]) for meta in metas]
    return EditionSpan(
        (min(issued), max(issued)),
        (min(meta.period[0] for meta in metas), max(max(meta.period[1], meta.horizon) for meta in metas)),
    )
