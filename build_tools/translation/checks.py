"""Translation checks, per block: numbers kept, glossary terms used, no Chinese left in the English."""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.translation.glossary import Term

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A figure in the Chinese, with the multiplier written after it: 7000亿, 1.46 万亿, 31.2万, 5百亿.
CHINESE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|百亿|千亿|亿|万|千|百)?")
ENGLISH_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
MULTIPLIERS = {
    None: 1,
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "亿": 100_000_000,
    "百亿": 10_000_000_000,
    "千亿": 100_000_000_000,
    "万亿": 1_000_000_000_000,
}
# English scale words a converted figure may be written with: "194 billion", "16 million".
SCALES = (1, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000)
DECADE = re.compile(r"(\d{1,2})世纪(\d0)年代")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Problem:
    block_id: str
    check: str
    """``numbers``, ``terms`` or ``chinese``."""
    detail: str


def english_numbers(text: str) -> set[float]:
    values = set()
    for match in ENGLISH_NUMBER.finditer(text):
        token = match.group(0).rstrip(",")
        try:
            values.add(float(token.replace(",", "")))
        except ValueError:
            continue
    return values


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def missing_numbers(chinese: str, english: str) -> list[str]:
    """Figures of the Chinese that the English does not give, either as written or converted."""
    found = english_numbers(english)
    missing = []
    for match in CHINESE_NUMBER.finditer(chinese):
        number = float(match.group(1))
        after = chinese[match.end() : match.end() + 1]
        if after == "月" and 1 <= number <= 12 and MONTHS[int(number) - 1] in english:
            continue  # 9月 may be written September
        decade = DECADE.match(chinese, match.start())
        if decade and f"{int(decade.group(1)) - 1}{decade.group(2)}s" in english:
            continue  # 20世纪30年代 is the 1930s
        if chinese[match.start() - 2 : match.start()] == "世纪" and f"{int(number)}s" in english:
            continue
        value = number * MULTIPLIERS[match.group(2)]
        candidates = {number} | {value / scale for scale in SCALES}
        if not any(_close(candidate, figure) for candidate in candidates for figure in found):
            missing.append(match.group(0).strip())
    return missing


def term_hits(chinese: str, terms: tuple[Term, ...]) -> list[Term]:
    """Glossary terms occurring in the Chinese, longest first, a shorter term inside a longer hit not counted."""
    taken = [False] * len(chinese)
    hits = []
    for term in sorted(terms, key=lambda t: (-len(t.zh), t.id)):
        start = chinese.find(term.zh)
        counted = False
        while start >= 0:
            end = start + len(term.zh)
            if not any(taken[start:end]):
                for position in range(start, end):
                    taken[position] = True
                counted = True
            start = chinese.find(term.zh, end)
        if counted:
            hits.append(term)
    return hits


def missing_terms(chinese: str, english: str, terms: tuple[Term, ...]) -> list[Term]:
    lowered = english.lower()
    return [
        term
        for term in term_hits(chinese, terms)
        if term.check and not any(rendering.lower() in lowered for rendering in term.renderings)
    ]


def check_block(block_id: str, chinese: str, english: str, terms: tuple[Term, ...]) -> list[Problem]:
    problems = [Problem(block_id, "numbers", figure) for figure in missing_numbers(chinese, english)]
    problems += [
        Problem(block_id, "terms", f"{term.zh} → {term.en}") for term in missing_terms(chinese, english, terms)
    ]
    if CJK.search(english):
        problems.append(Problem(block_id, "chinese", CJK.search(english).group(0)))
    return problems
