"""Shared wording: clauses of one plan that reappear nearly verbatim in another.

Method (parameters in ``across/similarity.yml``, reasons in the README): each block's Simplified
text is cut into clauses at 。；！？，：; a clause is compared by its set of character shingles
(punctuation and spaces removed). An exact set-similarity join (prefix filtering, see
``similar_texts``) finds every pair of clauses whose shingle sets reach the Jaccard ``threshold``,
without comparing all pairs. Identical clauses are compared once. Each clause keeps at
most ``max_per_clause`` matches (nearest plans by date first), so the output stays bounded when
many plans repeat a stock phrase.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from types import MappingProxyType

from build_tools.model import (
    AS_PRINTED,
    Clause,
    ParsedPlan,
    SharedIndex,
    SharedWording,
    SimilarityRules,
    SimplifiedView,
)

CLAUSE_END = re.compile(r"[^。；;！？!?，,：:]+[。；;！？!?，,：:]*")
NOT_TEXT = re.compile(r"[\W_]+")


def clauses(plan: ParsedPlan, min_chars: int, hans: SimplifiedView = AS_PRINTED) -> list[tuple[Clause, str]]:
    """The plan's body clauses long enough to compare, each with its normalized text."""
    found = []
    for block in plan.blocks:
        if block.zone != "body":
            continue
        for match in CLAUSE_END.finditer(hans.zh(block)):
            normalized = NOT_TEXT.sub("", match.group())
            if len(normalized) >= min_chars:
                text = match.group()
                found.append((Clause(plan.meta.id, block.id, match.start(), match.end(), text), normalized))
    return found


def _shingles(text: str, size: int) -> frozenset[str]:
    return frozenset(text[i : i + size] for i in range(max(1, len(text) - size + 1)))


def _nearest(mine: Clause, here: int, group: list[Clause], ranks: list[int], limit: int) -> list[Clause]:
    """Up to ``limit`` clauses of ``group`` from other plans, nearest in plan order first.

    ``ranks`` are the plan positions of ``group`` (ascending); ``here`` is that of ``mine``.
    """
    # The clauses of mine's own plan are one run of equal ranks: step over it at once, not one by one
    # (a paragraph repeating one clause thousands of times would make this quadratic).
    before, after, picked = bisect_left(ranks, here) - 1, bisect_right(ranks, here), []
    while len(picked) < limit and (before >= 0 or after < len(group)):
        take_after = before < 0 or (after < len(group) and ranks[after] - here <= here - ranks[before])
        if take_after:
            picked.append(group[after])
            after += 1
        else:
            picked.append(group[before])
            before -= 1
    return picked


def _prefix_length(size: int, threshold: float) -> int:
    """Tokens (rarest first) two sets with Jaccard >= threshold must share one of (prefix filtering).

    Jaccard >= t needs an overlap of at least ceil(t * size) tokens, so any size - ceil(t * size) + 1
    tokens of the set hold one of them. The small tolerance only lengthens the prefix (never loses a pair).
    """
    return size - math.ceil(threshold * size - 1e-9) + 1


def similar_texts(token_sets: Sequence[Sequence[int]], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair ``(a, b)``, a <= b, of token sets with Jaccard >= threshold, with that Jaccard; exact.

    A set-similarity join (AllPairs: prefix and length filtering): tokens are ordered rarest first,
    each set is indexed under the first few of its tokens only, and a set meets as candidates only the
    sets sharing one of those; every candidate is then compared exactly. The pairs found are exactly
    those an all-pairs comparison finds, in time near-linear in the number of sets for text where
    most 3-grams are rare, and in memory of a few integers per set. Each set holds distinct tokens.
    """
    frequency = Counter(token for tokens in token_sets for token in tokens)
    rarest_first = sorted(frequency.items(), key=lambda item: (item[1], item[0]))
    rank = {token: position for position, (token, _) in enumerate(rarest_first)}
    del rarest_first
    del frequency
    ordered = [tuple(sorted(rank[token] for token in tokens)) for tokens in token_sets]
    del rank
    by_size = sorted(range(len(ordered)), key=lambda key: (len(ordered[key]), key))
    index: dict[int, list[int]] = defaultdict(list)
    found = []
    for key in by_size:
        tokens = ordered[key]
        size = len(tokens)
        smallest = threshold * size  # a smaller set cannot reach the threshold (length filtering)
        candidates = {key}  # a text with itself: identical clauses of different plans
        for token in tokens[: _prefix_length(size, threshold)]:
            listed = index[token]
            candidates.update(other for other in listed if len(ordered[other]) >= smallest)
            listed.append(key)
        mine = set(tokens)
        for other in candidates:
            shared = len(mine.intersection(ordered[other]))
            similarity = shared / (size + len(ordered[other]) - shared)
            if similarity >= threshold:
                found.append((min(key, other), max(key, other), similarity))
    return sorted(found)


def find_shared(plans: Sequence[ParsedPlan], rules: SimilarityRules, hans: SimplifiedView = AS_PRINTED) -> SharedIndex:
    """Shared clauses between different plans (plans in edition order, Simplified text)."""
    order = {plan.meta.id: position for position, plan in enumerate(plans)}
    occurrences: dict[str, list[Clause]] = defaultdict(list)
    for plan in plans:
        for clause, normalized in clauses(plan, rules.min_chars, hans):
            occurrences[normalized].append(clause)  # plans come in order: each list is sorted by plan
    texts = sorted(occurrences)
    ranks = {text: [order[c.plan_id] for c in found] for text, found in occurrences.items()}
    numbers: dict[str, int] = {}  # each distinct shingle as a small integer: sets of them cost far less memory
    shingles = [
        tuple(numbers.setdefault(shingle, len(numbers)) for shingle in _shingles(text, rules.shingle)) for text in texts
    ]
    del numbers

    def position(clause: Clause) -> tuple[int, str, int]:
        return (order[clause.plan_id], clause.block_id, clause.start)

    kept: dict[tuple[Clause, Clause], float] = {}
    for key, other, similarity in similar_texts(shingles, rules.threshold):
        group = texts[other]
        rounded = round(similarity, 3)
        for mine in occurrences[texts[key]]:
            here = position(mine)
            for clause in _nearest(mine, here[0], occurrences[group], ranks[group], rules.max_per_clause):
                kept[(mine, clause) if here <= position(clause) else (clause, mine)] = rounded
    pairs = sorted(
        (SharedWording(left, right, similarity) for (left, right), similarity in kept.items()),
        key=lambda p: (
            order[p.left.plan_id],
            order[p.right.plan_id],
            p.left.block_id,
            p.left.start,
            p.right.block_id,
            p.right.start,
        ),
    )
    by_block: dict[str, list[tuple[Clause, Clause, float]]] = defaultdict(list)
    for pair in pairs:
        by_block[pair.left.block_id].append((pair.left, pair.right, pair.similarity))
        by_block[pair.right.block_id].append((pair.right, pair.left, pair.similarity))
    return SharedIndex(
        tuple(pairs),
        rules,
        MappingProxyType(
            {
                block_id: tuple(sorted(found, key=lambda m: (m[0].start, order[m[1].plan_id], m[1].block_id)))
                for block_id, found in by_block.items()
            }
        ),
    )
