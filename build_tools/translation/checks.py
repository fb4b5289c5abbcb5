"""Translation checks, per block: numbers kept, glossary terms used (one rendering each), US spelling, no Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.core.errors import InputError
from build_tools.model import Term
from build_tools.translation.term_scan import term_scan

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


# 以上 after a figure includes the figure: “at least N”, “N or more” (及以上: “N and above”), never “more than
# N”, which excludes it. 超过/突破 (exceed) are “more than”, so a figure that the Chinese also exceeds is left alone.
AT_LEAST = re.compile(r"(\d+(?:\.\d+)?)?\s*(万亿|百亿|千亿|亿|万|千|百)?[^\d，。；、,;：:（）()“”]{0,6}?以上")
EXCEEDED = re.compile(r"(?:超过|突破|多于|高于|大于|超|逾)\s*(\d+(?:\.\d+)?)")
MORE_THAN = re.compile(
    r"\b(?:more than|over|above|in excess of|exceed(?:s|ing)?)\s+(?:[a-z-]+\s+){0,2}?"
    r"(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
ENGLISH_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Headings are in title case (STYLE.md): words capitalized, except articles, conjunctions and prepositions of
# any length after the first word (Chicago style: “Development during the 13th Five-Year Plan Period”).
LOWERCASE_IN_HEADINGS = word_set(
    "a an the and or nor but so yet of in on at to for by with from as via into onto per than up vs "
    "versus about above across after against along amid among around before behind below beneath beside "
    "between beyond despite down during except inside like near off out outside over past since through "
    "throughout toward towards under underneath until upon within without"
)
# The numbering a heading starts with: Chapter 1, Box 1:, I., (I), 1., (1), the bullet –.
NUMBERING = re.compile(r"^\s*(?:Chapter \d+\.?|Box \d*:?|[IVXLC]+\.|\([IVXLC]+\)|\(\d+\)|\d+\.|–)\s*")
HEADING_WORD = re.compile(r"(?<![\w’'])[A-Za-z][A-Za-z’'-]*")
# A particle of a phrasal verb is capitalized (Take On, Carry Out, Break Through, Shore Up), as is a small word
# inside a hyphenated compound (In-Depth, Opening-Up).
PARTICLES = word_set("up out down on off through over in back")
PHRASAL_VERBS = word_set(
    "take carry break shore set open step speed build scale roll move catch sort sum draw lay turn bring "
    "put give keep seek single point follow"
)
# 4-4-2 tunneling, iPhone: mixed-case forms a heading keeps as written.
KEEPS_CASE = re.compile(r"[a-z]+[A-Z]")


@dataclass(frozen=True)
class Problem:
    block_id: str
    check: str
    """``numbers``, ``terms``, ``renderings`` (a term rendered a second way), ``one_rendering`` (a wording the
    glossary decided against, ``not_en``), ``at_least`` (N以上 as “more than N”),
    ``heading`` (not in title case), ``brackets`` (an explanation in brackets, not in a note), ``spelling``,
    ``quotes``, ``chinese``."""
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


def at_least_figures(chinese: str) -> list[tuple[str, set[float]]]:
    """Each “N以上” of the Chinese (百亿元以上 too) with the values its figure may take in English."""
    exceeded = {float(match.group(1)) for match in EXCEEDED.finditer(chinese)}
    found = []
    for match in AT_LEAST.finditer(chinese):
        if not (match.group(1) or match.group(2)):
            continue  # 规模以上, 省级以上: no figure
        number = float(match.group(1) or 1)
        if number not in exceeded:
            found.append((match.group(0).strip(), {number, number * MULTIPLIERS[match.group(2)]}))
    return found


def more_than_for_at_least(chinese: str, english: str) -> list[str]:
    """“more than N” (over, above, exceeding N) in the English where the Chinese has N以上."""
    figures = at_least_figures(chinese)
    found = []
    for match in MORE_THAN.finditer(english) if figures else ():
        written = float(match.group(1).replace(",", ""))
        value = written * ENGLISH_SCALES.get((match.group(2) or "").lower(), 1)
        found += [
            f"{text} → “{match.group(0)}”: at least N, N or more"
            for text, values in figures
            if any(_close(value, figure) or _close(written, figure) for figure in values)
        ][:1]
    return found


def term_hits(chinese: str, terms: tuple[Term, ...]) -> list[Term]:
    """Glossary terms occurring in the Chinese, longest first, a shorter term inside a longer hit not counted."""
    taken = [False] * len(chinese)
    hits = []
    for term, _ in term_scan(terms).present(chinese):
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


def _plain(text: str) -> str:
    """Lowercase, with curly quotes straight: the glossary may write China's, the translation China’s."""
    return text.lower().translate(CURLY)


CURLY = str.maketrans("‘’“”", "''\"\"")


def missing_terms(chinese: str, english: str, terms: tuple[Term, ...]) -> list[Term]:
    lowered = _plain(english)
    return [
        term
        for term in term_hits(chinese, terms)
        if term.check and not any(_plain(rendering) in lowered for rendering in term.renderings)
    ]


# A short form that stands for the full rendering: an acronym (CAD, EPC, CAP1400), maybe with "Group"; a unit (kN·m).
ABBREVIATION = re.compile(r"[A-Z0-9&][A-Z0-9&\-]+s?(?: Group)?|[A-Za-z]{1,3}(?:·[A-Za-z]{1,3})+")


def _words(text: str) -> str:
    """Lowercase words, hyphens and dashes as spaces, plurals and -ing stripped: the form renderings are compared in."""
    words = re.sub(r"[-‐–—/]", " ", text.lower()).split()
    return " " + " ".join(_singular(word) for word in words) + " "


def _singular(word: str) -> str:
    for plural, singular in (("ies", "y"), ("ia", "ium"), ("ing", ""), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            word = word[: -len(plural)] + singular
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word  # shore, shoring: shor


def same_rendering(term: Term, rendering: str) -> bool:
    """A form of the glossary's rendering: inflected, shortened or extended ("Henan Province"), or its acronym."""
    used, own = _words(rendering), _words(term.en)
    return used in own or own in used or bool(ABBREVIATION.fullmatch(rendering))


def other_renderings(chinese: str, english: str, terms: tuple[Term, ...]) -> list[tuple[Term, str]]:
    """Terms of the block rendered only with a variant that is a different rendering from the glossary's."""
    lowered = _plain(english)
    found = []
    for term in term_hits(chinese, terms):
        used = [rendering for rendering in term.renderings if _plain(rendering) in lowered]
        if term.check and used and not any(same_rendering(term, rendering) for rendering in used):
            found.append((term, max(used, key=len)))
    return found


def rejected_wordings(chinese: str, english: str, terms: tuple[Term, ...]) -> list[tuple[Term, str]]:
    """Terms of the block rendered (anywhere in it) with a wording the glossary decided against (``not_en``).

    A wording that is a rendering of another term of the block is that term's (创新驱动发展 “innovation-driven
    development” beside 创新发展 “innovative development”)."""
    hits = term_hits(chinese, terms)
    lowered = _plain(english)
    found = []
    for term in hits:
        others = [_plain(rendering) for other in hits if other is not term for rendering in other.renderings]
        for wording in term.not_en:
            plain = _plain(wording)
            if re.search(rf"\b{re.escape(plain)}\b", lowered) and not any(
                other in plain or plain in other for other in others
            ):
                found.append((term, wording))
    return found


def malformed_variants(term: Term) -> list[str]:
    """Variants made by adding "s" where English does not: economys, industriess, Department of Educations."""
    bad = []
    for variant in term.en_variants:
        if variant.lower() != term.en.lower() + "s":
            continue
        if re.search(r"([^aeiou]y|s|x|sh|ch|\))$", term.en, re.IGNORECASE) or re.search(
            r"\b(of|for|in|on|under|by)\b", term.en
        ):
            bad.append(variant)
    return bad


@dataclass(frozen=True)
class Spelling:
    pattern: re.Pattern[str]
    """Any British spelling of the list, as a whole word."""
    advice: tuple[tuple[re.Pattern[str], str], ...]
    names: tuple[str, ...]
    """Official names spelled the British way, kept as their owners spell them."""


NO_SPELLING = Spelling(re.compile(r"(?!)"), (), ())


def load_spelling(path: Path) -> Spelling:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        british = data["british"]
        names = tuple(data.get("names") or ())
        pattern = re.compile(r"\b(?:" + "|".join(f"(?:{word})" for word in british) + r")\b", re.IGNORECASE)
        advice = tuple((re.compile(f"(?:{word})", re.IGNORECASE), use) for word, use in british.items())
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as error:
        raise InputError(path, f"cannot read the spelling list: {error!r}") from error
    return Spelling(pattern, advice, names)


def british_spellings(text: str, spelling: Spelling) -> list[str]:
    """British spellings in the text, each with the US form to use; official names on the list excepted."""
    for name in spelling.names:
        text = text.replace(name, "")
    found = []
    for match in spelling.pattern.finditer(text):
        use = next(use for word, use in spelling.advice if word.fullmatch(match.group(0)))
        found.append(f"{match.group(0)} → {use}")
    return found


def heading_case(english: str) -> list[str]:
    """Words of a heading not in title case: a lowercase word, or a capitalized article or preposition."""
    wrong = []
    previous = ""
    for index, match in enumerate(HEADING_WORD.finditer(NUMBERING.sub("", english))):
        word = match.group(0)
        if _word_case_wrong(word, first=index == 0, particle=previous in PHRASAL_VERBS):
            wrong.append(word)
        previous = word.lower()
    return wrong


def _word_case_wrong(word: str, first: bool, particle: bool) -> bool:
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:  # a compound: its first element capitalized, the others capitalized or small
        return _part_case_wrong(parts[0], first=True, particle=False) or any(
            part[0].islower() and part.lower() not in LOWERCASE_IN_HEADINGS for part in parts[1:]
        )
    return _part_case_wrong(word, first, particle)


def _part_case_wrong(part: str, first: bool, particle: bool) -> bool:
    if KEEPS_CASE.match(part) or part.isupper():
        return False
    lowercase = part.lower() in LOWERCASE_IN_HEADINGS and not (particle and part.lower() in PARTICLES)
    if first or not lowercase:
        return part[0].islower()
    return part[0].isupper()


PARENTHESIS = re.compile(r"\(([^()]*)\)")
SQUARE_BRACKETS = re.compile(r"\[[^\]]*\]")
# Parentheses the source has: its own （…） and (…), a responsibility note among them.
CHINESE_PARENTHESES = re.compile(r"[（(]")
SHORT_NAME = re.compile(
    r"[A-Z][A-Za-z]+"
)  # a name's short form: China National Machinery Industry Corporation (Sinomach)
RESPONSIBILITY = re.compile(r"^(?:Lead|Responsible units?|Responsible):")


def bracketed_explanations(chinese: str, english: str, terms: tuple[Term, ...]) -> list[str]:
    """Explanations in brackets: the translator’s explanations go in a note (STYLE.md), never in the text.

    Square brackets are always reported; parentheses when the English has more of them than the Chinese, not
    counting an acronym (GIS), a short name (Sinomach) or a glossary rendering written with them (first-unit (set))."""
    found = SQUARE_BRACKETS.findall(english)
    written = {
        inner
        for term in term_hits(chinese, terms)
        for rendering in term.renderings
        for inner in PARENTHESIS.findall(rendering)
    }
    added = [
        inner
        for inner in PARENTHESIS.findall(english)
        if inner not in written
        and not (ABBREVIATION.fullmatch(inner) or inner.isupper() or SHORT_NAME.fullmatch(inner))
    ]
    own = len(CHINESE_PARENTHESES.findall(chinese))
    if len(added) > own:
        found += [f"({inner})" for inner in added if not RESPONSIBILITY.match(inner)]
    return found


def straight_quotes(text: str) -> list[str]:
    """Straight quotes and apostrophes: the style is curly (“ ” ‘ ’), so each one is reported in its context."""
    return [text[max(0, m.start() - 15) : m.end() + 15] for m in re.finditer(r"['\"]", text)]


def check_block(
    block_id: str,
    chinese: str,
    english: str,
    terms: tuple[Term, ...],
    spelling: Spelling = NO_SPELLING,
    note: str = "",
    heading: bool = False,
) -> list[Problem]:
    problems = [Problem(block_id, "numbers", figure) for figure in missing_numbers(chinese, english)]
    problems += [
        Problem(block_id, "terms", f"{term.zh} → {term.en}") for term in missing_terms(chinese, english, terms)
    ]
    problems += [
        Problem(block_id, "renderings", f"{term.zh} → {term.en}, not {used}")
        for term, used in other_renderings(chinese, english, terms)
    ]
    problems += [
        Problem(block_id, "one_rendering", f"{term.zh} → {term.en}, not {wording}")
        for term, wording in rejected_wordings(chinese, english, terms)
    ]
    problems += [Problem(block_id, "at_least", found) for found in more_than_for_at_least(chinese, english)]
    problems += [Problem(block_id, "spelling", word) for word in british_spellings(f"{english}\n{note}", spelling)]
    problems += [Problem(block_id, "quotes", quote) for quote in straight_quotes(f"{english}\n{note}")]
    problems += [Problem(block_id, "brackets", found) for found in bracketed_explanations(chinese, english, terms)]
    if heading:
        problems += [Problem(block_id, "heading", word) for word in heading_case(english)]
    if CJK.search(english):
        problems.append(Problem(block_id, "chinese", CJK.search(english).group(0)))
    return problems
