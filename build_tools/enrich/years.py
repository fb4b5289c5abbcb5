"""Dated expressions in Chinese plan text: years, year ranges, dates and five-year-plan periods.

``find_years(text)`` returns every dated expression with its offsets in ``text``. The rules, in
the order they claim text (an earlier rule wins where two overlap):

1. ISO dates ``2017-09-29`` (form ``date``).
2. Ranges of two years joined by ``—``, ``-``, ``－``, ``–``, ``~``, ``～``, ``至`` or ``到``, e.g.
   ``2017—2020年``, ``2015年至2019年``, ``(2016—2018年)``; a bare range ``2009-2011`` counts only
   with a dash and when no unit follows (form ``range``).
3. Lists of years ending in 年: ``2019、2020两年`` (form ``year``, one mention per year).
4. A year followed by 年, optionally after a space: ``2010年``, ``2015 年``, ``2020年底``,
   ``2025 年发展目标``; ``2016年至今`` and ``2015年以来`` are open-ended (relation ``since``).
5. Years in Chinese numerals followed by 年: ``二〇三五年``, ``二零二零年``.
6. Five-year-plan names (``十五`` = 2001–2005 … ``十四五`` = 2021–2025, ``十五五`` = 2026–2030):
   in quotes or brackets (``“十三五”``, ``（十二五）``), or bare when followed by a period word
   (时期, 期间, 规划, 末期, 以来…). A bare ``十五`` inside a number (二十五, 十五个) is not a plan.
   ``末``/``末期`` resolves to the last year, ``初`` to the first, ``以来`` opens the period; parts of
   a period resolve to the same years everywhere (timeline and targets): ``前期`` = its first two years,
   ``中期`` = its third, ``中后期`` = its last three, ``后期`` = its last two.

A four-digit number is a year only when it lies in 1949–2100 and one of these rules applies, so
``1998家``, ``1940亿元``, ``3200吨``, ``2000 小时``, ``110kV`` or ``010-85800757`` are never years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FIRST_YEAR = 1949
LAST_YEAR = 2100

FORMS = ("year", "range", "date", "fyp", "plan")
"""How a date is written; ``plan`` (规划期末) is made by ``timeline`` from a plan's own period."""
RELATIONS = ("", "since", "start", "end", "part")


@dataclass(frozen=True)
class YearMention:
    """One dated expression found in a text."""

    text: str
    """The matched text exactly as printed (quotes and relation words of a plan name included)."""
    start: int
    """Offset of the first character in the searched text."""
    end: int
    """Offset after the last character (half-open, ``text == source[start:end]``)."""
    year: int
    """The (first) year meant."""
    end_year: int | None
    """The last year meant: ``year`` for a single year, ``None`` when open-ended (至今, 以来)."""
    form: str
    """One of FORMS: how the expression is written."""
    relation: str = ""
    """One of RELATIONS: ``since`` (…至今, …以来), ``start``/``end`` (…初, …末期), ``part`` (…前期, 中后期),
    ``""`` otherwise."""
    fyp: str = ""
    """The five-year-plan name (``十三五``) when ``form == "fyp"``."""


# ----------------------------------------------------------------------------------- patterns

# Characters that glue a digit run into a larger number (1.5, kV2000): a year must stand alone.
_NOT_BEFORE = r"(?<![\d.．A-Za-z])"
_NOT_AFTER = r"(?![\d.．A-Za-z])"
_DASH = r"(?:[—\-－–~～]{1,2})"
_RANGE_SEP = rf"(?:{_DASH}|至|到)"

# What follows a number that measures something: such a number is a quantity, not a year.
UNITS = (
    "家", "亿", "万", "千", "百", "吨", "台", "套", "辆", "小时", "人", "名", "个", "项", "米", "千瓦",
    "瓦", "元", "美元", "倍", "kV", "KV", "kW", "MW", "V", "m", "%", "％", "批", "座", "件",
)  # fmt: skip
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))

_DATE = re.compile(rf"{_NOT_BEFORE}(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_NOT_AFTER}")
_RANGE = re.compile(
    rf"{_NOT_BEFORE}(?P<a>\d{{4}})(?P<ya>\s*年)?\s*(?P<sep>{_RANGE_SEP})\s*(?P<b>\d{{4}}){_NOT_AFTER}"
    rf"(?P<yb>\s*年)?(?P<since>至今|以来)?"
)
_LIST = re.compile(rf"{_NOT_BEFORE}\d{{4}}(?:\s*[、和及与]\s*\d{{4}})+\s*[两二三四五六七八九十]?年")
_YEAR = re.compile(rf"{_NOT_BEFORE}(?P<y>\d{{4}})\s*年(?!代)(?P<since>\s*(?:至今|以来))?")
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_YEAR = re.compile(rf"(?<![{_CN_DIGITS}十百千万])(?P<y>[{_CN_DIGITS}]{{4}})\s*年(?P<since>\s*(?:至今|以来))?")

# Five-year-plan names, longest first so 十五五 is not read as 十五.
_FYP_NAME = r"(?P<name>十[一二三四五]五|十五|[六七八九]五)"
_FYP_RELATION = r"(?P<rel>末期|期末|末|初期|初|以来|中后期|中期|前期|后期|时期|期间)"
_OPEN_QUOTES = "“\"「『‘'（(【[〔"
_CLOSE_QUOTES = "”\"」』’'）)】]〕"
_FYP_QUOTED = re.compile(rf"[{re.escape(_OPEN_QUOTES)}]\s*{_FYP_NAME}\s*[{re.escape(_CLOSE_QUOTES)}]{_FYP_RELATION}?")
# Bare: not part of a larger numeral (二十五, 第十五) and followed by a period word (not 十五个).
_FYP_BARE = re.compile(
    rf"(?<![{_CN_DIGITS}十百千万第]){_FYP_NAME}(?=末期|期末|末|初期|初|以来|中后期|中期|前期|后期|时期|期间|规划|计划|发展)"
    rf"{_FYP_RELATION}?"
)

_RELATION_OF = {
    "末期": "end", "期末": "end", "末": "end", "初期": "start", "初": "start", "以来": "since",
    "前期": "part", "中期": "part", "中后期": "part", "后期": "part",
}  # fmt: skip
# Parts of a five-year period: (first, last) offsets from its first year.
_PART_YEARS = {"前期": (0, 1), "中期": (2, 2), "中后期": (2, 4), "后期": (3, 4)}


# ------------------------------------------------------------------------------------ helpers


def is_year_number(value: int) -> bool:
    """Whether a number can be a year of this edition's world (1949–2100)."""
    return FIRST_YEAR <= value <= LAST_YEAR


def fyp_period(name: str) -> tuple[int, int]:
    """First and last year of a five-year plan by its short name: ``十三五`` → (2016, 2020).

    From the third plan (1966–1970) on, the plans follow each other every five years.
    """
    ordinal = _chinese_ordinal(name[:-1])
    start = 1966 + 5 * (ordinal - 3)
    return start, start + 4


def _chinese_ordinal(numeral: str) -> int:
    """``十三`` → 13, ``九`` → 9, ``十`` → 10 (only what plan names need)."""
    digits = {char: index for index, char in enumerate("〇一二三四五六七八九")}
    if numeral.startswith("十"):
        return 10 + (digits[numeral[1]] if len(numeral) > 1 else 0)
    return digits[numeral]


def chinese_year(numerals: str) -> int:
    """``二〇三五`` → 2035: digit by digit, 〇 and 零 both zero."""
    return int("".join(str("〇一二三四五六七八九".index(char)) if char != "零" else "0" for char in numerals))


_UNIT_AFTER = re.compile(rf"[ \u3000]*(?:{_UNIT})")


def _unit_follows(text: str, end: int) -> bool:
    """Whether a unit or measure word follows position ``end`` (after optional spaces)."""
    return _UNIT_AFTER.match(text, end) is not None  # matched in place: no copy of the rest of the text


# ------------------------------------------------------------------------------------ finders


def _dates(text: str) -> Iterator[YearMention]:
    for match in _DATE.finditer(text):
        year, month, day = (int(group) for group in match.groups())
        if is_year_number(year) and 1 <= month <= 12 and 1 <= day <= 31:
            yield YearMention(match.group(), match.start(), match.end(), year, year, "date")


def _ranges(text: str) -> Iterator[YearMention]:
    for match in _RANGE.finditer(text):
        first, last = int(match["a"]), int(match["b"])
        if not (is_year_number(first) and is_year_number(last) and first < last <= first + 50):
            continue
        with_year = bool(match["ya"] or match["yb"])
        # A bare pair of numbers is a range only with a dash and no unit after it (2009-2011).
        if not with_year and (match["sep"] in ("至", "到") or _unit_follows(text, match.end())):
            continue
        end = match.end() if with_year or match["since"] else match.end("b")
        yield YearMention(text[match.start() : end], match.start(), end, first, last, "range")


def _lists(text: str) -> Iterator[YearMention]:
    for match in _LIST.finditer(text):
        for number in re.finditer(r"\d{4}", match.group()):
            if is_year_number(int(number.group())):
                start = match.start() + number.start()
                year = int(number.group())
                yield YearMention(number.group(), start, start + 4, year, year, "year")


def _years(text: str) -> Iterator[YearMention]:
    for match in _YEAR.finditer(text):
        year = int(match["y"])
        if is_year_number(year):
            yield _single(match, year)


def _chinese_years(text: str) -> Iterator[YearMention]:
    for match in _CN_YEAR.finditer(text):
        year = chinese_year(match["y"])
        if is_year_number(year):
            yield _single(match, year)


def _single(match: re.Match[str], year: int) -> YearMention:
    since = bool(match["since"])
    return YearMention(
        match.group(), match.start(), match.end(), year, None if since else year, "year", "since" if since else ""
    )


def _plans(text: str) -> Iterator[YearMention]:
    for pattern in (_FYP_QUOTED, _FYP_BARE):
        for match in pattern.finditer(text):
            first, last = fyp_period(match["name"])
            relation = _RELATION_OF.get(match["rel"] or "", "")
            year, end_year = {"end": (last, last), "start": (first, first), "since": (first, None)}.get(
                relation, (first, last)
            )
            if relation == "part":
                low, high = _PART_YEARS[match["rel"]]
                year, end_year = first + low, first + high
            yield YearMention(match.group(), match.start(), match.end(), year, end_year, "fyp", relation, match["name"])


_FINDERS = (_dates, _ranges, _lists, _years, _chinese_years, _plans)


def find_years(text: str) -> tuple[YearMention, ...]:
    """Every dated expression in ``text``, in text order, none overlapping another.

    Finders run from the most to the least specific; a later hit overlapping an earlier one is
    dropped (so ``2017—2020年`` is one range, not a range plus the year 2020).
    """
    # One byte per character marks what is taken: checking a mention costs its own length, never
    # a comparison with every other mention (a 1.8 MB line holds tens of thousands of them).
    covered = bytearray(len(text))
    taken: list[YearMention] = []
    for finder in _FINDERS:
        for mention in finder(text):
            if covered.find(1, mention.start, mention.end) < 0:
                covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
                taken.append(mention)
    return tuple(sorted(taken, key=lambda mention: mention.start))
