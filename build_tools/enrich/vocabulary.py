"""Policy vocabulary: slogans, programmes, periods and documents the plans quote or name, and where.

Found by rules (``across/vocabulary.yml``), never by a list in code:

- ``slogan``: a phrase in quotation marks (“…” or "…") that the ``quoted`` rules classify as policy
  vocabulary (a glossary term of a policy category; or, outside the glossary, a formula of parts
  joined by + or 、, a phrase containing a policy glossary term, a phrase followed by a programme
  word such as 项目 or 工程, or a phrase in a shift formula 从“…”转向“…”);
- ``document``: a title in 《…》;
- ``period``: a five-year-plan name (十一五 …), by the rules of ``years.py``;
- ``term``: any other glossary term of a policy category.

Each entry lists every block where it occurs (quoted or not), in edition order.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate

from build_tools.enrich.years import find_years, fyp_period
from build_tools.model import (
    AS_PRINTED,
    VOCABULARY_KINDS,
    Block,
    Occurrence,
    ParsedPlan,
    SimplifiedView,
    Term,
    VocabularyEntry,
    VocabularyRules,
)

QUOTED = re.compile(r"“([^“”\n]{1,60})”|\"([^\"\n]{1,60})\"")
TITLE = re.compile(r"《([^《》\n]{1,80})》")
SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return SPACE.sub("", text)


def _pattern(key: str) -> re.Pattern[str]:
    """The key as printed, spaces allowed between its characters (“机器换人 ”, “制造 +服务 ”)."""
    return re.compile(r"\s*".join(re.escape(char) for char in key))


def _anchor(kind: str, key: str, glossary_id: str) -> str:
    return glossary_id if glossary_id else f"{kind}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


class QuotedClassifier:
    """Decides whether a quoted phrase is policy vocabulary (see the module docstring)."""

    def __init__(self, rules: VocabularyRules, glossary: Mapping[str, Term]) -> None:
        self.rules = rules
        self.glossary = glossary
        self.policy_terms = tuple(
            zh for zh, term in glossary.items() if term.category in rules.glossary_categories and len(zh) >= 2
        )

    def is_policy(self, key: str, after: str, before: str) -> bool:
        """``after``/``before``: the text following the closing and preceding the opening quote."""
        rules = self.rules.quoted
        if not key or len(key) > rules.max_chars or fyp_like(key):
            return False
        if key in self.glossary:
            return self.glossary[key].category in self.rules.glossary_categories
        if any(joiner in key for joiner in rules.joiners):
            return True
        if rules.contains_glossary and any(term in key for term in self.policy_terms):
            return True
        following = after.lstrip().removeprefix("的")
        if any(following.startswith(word) for word in rules.followed_by):
            return True
        in_shift = any(after.startswith(word + "“") for word in rules.shift_words)
        return in_shift or any(before.endswith(word) for word in rules.shift_words)


def fyp_like(key: str) -> bool:
    return any(m.form == "fyp" for m in find_years(f"“{key}”"))


def quoted_phrases(text: str) -> list[tuple[str, int, int]]:
    """(phrase as printed, start, end of the phrase inside the quotes) for each quotation."""
    found = []
    for match in QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        found.append((match.group(group), match.start(group), match.end(group)))
    return found


def classify_quoted(text: str, classifier: QuotedClassifier) -> list[tuple[str, bool]]:
    """Each quoted phrase of a text (normalized) and whether it is policy vocabulary: for the tests too."""
    result = []
    for phrase, start, end in quoted_phrases(text):
        before = text[max(0, start - 3) : start - 1]
        after = text[end + 1 : end + 8]
        result.append((normalize(phrase), classifier.is_policy(normalize(phrase), after, before)))
    return result


_Located = tuple[str, Block, str]
"""(plan id, block, its Simplified text): a block as the vocabulary reads it."""


def _kinds_in_text(
    blocks: Sequence[_Located], glossary: Sequence[Term], rules: VocabularyRules, classifier: QuotedClassifier
) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """Entry -> its kind (quoted slogan, document title, five-year-plan period, glossary term), in order of first
    finding, and each period's years."""
    kinds: dict[str, str] = {}
    periods: dict[str, tuple[int, int]] = {}
    for _, _, text in blocks:
        for key, policy in classify_quoted(text, classifier):
            if policy:
                kinds.setdefault(key, "slogan")
        for match in TITLE.finditer(text):
            kinds.setdefault(normalize(match.group(1)), "document")
        for mention in find_years(text):
            if mention.form == "fyp":
                kinds.setdefault(mention.fyp, "period")
                periods[mention.fyp] = fyp_period(mention.fyp)
    for term in glossary:
        if term.category in rules.glossary_categories:
            kinds.setdefault(term.zh, "term")
    return kinds, periods


def _occurrences(keys: Iterable[str], blocks: Sequence[_Located]) -> dict[str, list[Occurrence]]:
    """Every occurrence of each entry: one scan per entry over the whole edition's text (blocks joined by NUL)."""
    joined = "\0".join(text for _, _, text in blocks)
    starts = list(accumulate((len(text) + 1 for _, _, text in blocks[:-1]), initial=0))
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    for key in keys:
        for match in _pattern(key).finditer(joined):
            index = bisect_right(starts, match.start()) - 1
            plan_id, block, text = blocks[index]
            start, end = match.start() - starts[index], match.end() - starts[index]
            quoted = (text[start - 1 : start] + text[end : end + 1]) in ("“”", '""', "《》")
            occurrences[key].append(Occurrence(plan_id, block.id, start, end, quoted))
    return occurrences


def _entry(
    key: str, kind: str, found: list[Occurrence], term: Term | None, rules: VocabularyRules, years: tuple[int, int]
) -> VocabularyEntry:
    """One entry with its English: the glossary's for a glossary term, else the vocabulary rules'."""
    english, source = (term.en, "glossary") if term else (rules.english.get(key, ""), "vocabulary")
    glossary_id = term.id if term else ""
    return VocabularyEntry(
        key, kind, english, source if english else "", glossary_id, _anchor(kind, key, glossary_id), tuple(found), years
    )


def find_vocabulary(
    plans: Sequence[ParsedPlan], glossary: Sequence[Term], rules: VocabularyRules, hans: SimplifiedView = AS_PRINTED
) -> tuple[VocabularyEntry, ...]:
    """Every entry of the edition's policy vocabulary (plans in edition order, read through their Simplified view)."""
    by_zh = {term.zh: term for term in glossary}
    blocks = [(plan.meta.id, block, hans.zh(block)) for plan in plans for block in plan.blocks if block.zone != "front"]
    kinds, periods = _kinds_in_text(blocks, glossary, rules, QuotedClassifier(rules, by_zh))
    occurrences = _occurrences(kinds, blocks)
    entries = [
        _entry(key, kind, occurrences[key], by_zh.get(key), rules, periods.get(key, (0, 0)))
        for key, kind in kinds.items()
        if occurrences[key]
    ]
    kind_order = {kind: position for position, kind in enumerate(VOCABULARY_KINDS)}
    plan_order = {plan.meta.id: position for position, plan in enumerate(plans)}
    return tuple(sorted(entries, key=lambda e: (kind_order[e.kind], e.years, plan_order[e.first.plan_id], e.key)))
