"""Cross-check of the Traditional view: where a second, independent converter disagrees, a person decides.

The second converter is zhconv (MediaWiki's conversion tables, variant ``zh-hant``: characters only,
like s2tw). Every place the two disagree must be covered by an entry of ``translations/hant_review.yml``
that says which form the edition prints and why; a place where the edition's form was wrong is fixed in
the OpenCC phrase dictionary, and recorded under ``fixes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
import zhconv

from build_tools.core.errors import InputError
from build_tools.translation.hant import stock_s2tw

SECOND = "zh-hant"
CONTEXT = 4
# A character the edition converts two ways: a form used at most this often, or for less than this
# share of the character, is the exception that needs a look (上游 once as 上遊 among a dozen 游).
RARE_COUNT = 3
RARE_SHARE = 0.1


@dataclass(frozen=True)
class Reviewed:
    zh: str
    """The Simplified word or phrase the decision is about (a single character for a form policy)."""
    hant: str
    """The form the edition prints."""
    zhconv: str
    """The form the second converter gives."""
    reason: str


@dataclass(frozen=True)
class Fix:
    zh: str
    s2tw: str
    """What stock OpenCC s2tw gives (wrong)."""
    hant: str
    """What the edition's phrase dictionary makes it (right)."""
    reason: str


@dataclass(frozen=True)
class Rare:
    zh: str
    """The Simplified word in which a character takes its rarer Traditional form."""
    hant: str
    reason: str


@dataclass(frozen=True)
class Review:
    reviewed: tuple[Reviewed, ...]
    fixes: tuple[Fix, ...]
    rare: tuple[Rare, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    block_id: str
    zh: str
    ours: str
    theirs: str
    context: str
    covered_by: str
    """The ``zh`` of the review entries that cover it, or ``""`` when nobody has reviewed it."""

    def __str__(self) -> str:
        return f"{self.block_id}: {self.zh} → ours {self.ours}, zhconv {self.theirs} (…{self.context}…)"


def load_review(path: Path) -> Review:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        reviewed = tuple(
            Reviewed(item["zh"], item["hant"], item["zhconv"], item["reason"]) for item in data.get("reviewed") or []
        )
        fixes = tuple(Fix(item["zh"], item["s2tw"], item["hant"], item["reason"]) for item in data.get("fixes") or [])
        rare = tuple(Rare(item["zh"], item["hant"], item["reason"]) for item in data.get("rare") or [])
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise InputError(path, f"cannot read the review of the Traditional view: {error!r}") from error
    return Review(reviewed, fixes, rare)


def second_opinion(text: str) -> str:
    return zhconv.convert(text, SECOND)


def disagreements(block_id: str, simplified: str, ours: str, review: Review) -> list[Disagreement]:
    """Each run of characters where our conversion and the second converter differ, with its reviewer if any."""
    theirs = second_opinion(simplified)
    if not (len(simplified) == len(ours) == len(theirs)):
        return [Disagreement(block_id, simplified, ours, theirs, "", "")]  # not aligned: review the whole block
    found = []
    position = 0
    while position < len(simplified):
        if ours[position] == theirs[position]:
            position += 1
            continue
        end = position
        while end < len(simplified) and ours[end] != theirs[end]:
            end += 1
        context = simplified[max(0, position - CONTEXT) : end + CONTEXT]
        entry = _covering(simplified, ours, theirs, position, end, review)
        found.append(
            Disagreement(block_id, simplified[position:end], ours[position:end], theirs[position:end], context, entry)
        )
        position = end
    return found


def _covering(simplified: str, ours: str, theirs: str, start: int, end: int, review: Review) -> str:
    """The entries that cover every character of the run (one phrase, or one form policy per character)."""
    names = []
    for position in range(start, end):
        entry = next((entry for entry in review.reviewed if _covers(entry, simplified, ours, theirs, position)), None)
        if entry is None:
            return ""
        if entry.zh not in names:
            names.append(entry.zh)
    return ", ".join(names)


def _covers(entry: Reviewed, simplified: str, ours: str, theirs: str, position: int) -> bool:
    offset = simplified.find(entry.zh, max(0, position - len(entry.zh) + 1))
    while 0 <= offset <= position:
        stop = offset + len(entry.zh)
        if ours[offset:stop] == entry.hant and theirs[offset:stop] == entry.zhconv:
            return True
        offset = simplified.find(entry.zh, offset + 1)
    return False


def fix_problems(review: Review, phrases: Path, convert) -> list[str]:
    """A fix must match a line of the phrase dictionary, and the conversion must now give its form."""
    lines = dict(line.split("\t", 1) for line in phrases.read_text(encoding="utf-8").splitlines() if line.strip())
    problems = []
    for fix in review.fixes:
        if stock_s2tw(fix.zh) != fix.s2tw:
            problems.append(f"{fix.zh}: stock s2tw gives {stock_s2tw(fix.zh)}, the review says {fix.s2tw}")
        if convert(fix.zh) != fix.hant:
            problems.append(f"{fix.zh}: the edition's conversion gives {convert(fix.zh)}, the review says {fix.hant}")
        if lines.get(fix.zh) is None:
            problems.append(f"{fix.zh}: reviewed as a fix but not in {phrases.name}")
    unexplained = sorted(set(lines) - {fix.zh for fix in review.fixes})
    problems += [f"{zh}: in {phrases.name} without a review entry (fixes:) giving the reason" for zh in unexplained]
    return problems


def review_texts(texts: dict[str, tuple[str, str]], review: Review) -> tuple[list[Disagreement], list[Reviewed]]:
    """All disagreements over converted texts (block id -> (Simplified, Traditional)), and the unused entries."""
    found = [
        disagreement
        for block_id, (simplified, converted) in texts.items()
        for disagreement in disagreements(block_id, simplified, converted, review)
    ]
    used = {name for disagreement in found for name in disagreement.covered_by.split(", ")}
    return found, [entry for entry in review.reviewed if entry.zh not in used]


def edition_texts(bilingual) -> dict[str, tuple[str, str]]:
    """The converted blocks of an edition (labels and texts apart, as they are converted apart)."""
    texts = {}
    for block_id, text in bilingual.blocks.items():
        if text.script == "hans":
            texts[block_id] = (text.zh_hans, text.zh_hant)
            if text.label_hans:
                texts[f"{block_id} (label)"] = (text.label_hans, text.label_hant)
    return texts


def rare_forms(texts: dict[str, tuple[str, str]], review: Review) -> tuple[list[Disagreement], list[Rare]]:
    """Where a character the edition converts two ways takes its rare form: each place needs a ``rare`` entry.

    This catches what the comparison cannot: an error both converters make (上游 as 上遊 in one block)."""
    aligned = {key: pair for key, pair in texts.items() if len(pair[0]) == len(pair[1])}
    counts: dict[str, dict[str, int]] = {}
    for simplified, converted in aligned.values():
        for char, form in zip(simplified, converted, strict=True):
            counts.setdefault(char, {}).setdefault(form, 0)
            counts[char][form] += 1
    rare = {
        (char, form)
        for char, forms in counts.items()
        if len(forms) > 1
        for form, count in forms.items()
        if count <= RARE_COUNT or count < RARE_SHARE * sum(forms.values())
    }
    found, used = [], set()
    for block_id, (simplified, converted) in aligned.items():
        for position, (char, form) in enumerate(zip(simplified, converted, strict=True)):
            if (char, form) not in rare:
                continue
            entry = next((e for e in review.rare if _spans(e.zh, e.hant, simplified, converted, position)), None)
            if entry:
                used.add(entry.zh)
            context = simplified[max(0, position - CONTEXT) : position + CONTEXT + 1]
            found.append(Disagreement(block_id, char, form, "", context, entry.zh if entry else ""))
    return found, [entry for entry in review.rare if entry.zh not in used]


def _spans(zh: str, hant: str, simplified: str, converted: str, position: int) -> bool:
    offset = simplified.find(zh, max(0, position - len(zh) + 1))
    while 0 <= offset <= position:
        if converted[offset : offset + len(zh)] == hant:
            return True
        offset = simplified.find(zh, offset + 1)
    return False
