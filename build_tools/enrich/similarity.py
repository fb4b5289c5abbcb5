"""Shared wording: clauses of one plan that reappear nearly verbatim in another.

Method (parameters in ``across/similarity.yml``, reasons in the README): each block's Simplified
text is cut into clauses at 。；！？，：; a clause is compared by its set of character shingles
(punctuation and spaces removed). MinHash signatures in an LSH index (``datasketch``) propose
candidate pairs in near-linear time; a candidate is kept when the exact Jaccard similarity of the
two shingle sets reaches ``threshold``. Identical clauses are hashed once. Each clause keeps at
most ``max_per_clause`` matches (nearest plans by date first), so the output stays bounded when
many plans repeat a stock phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from types import MappingProxyType

from datasketch import MinHash, MinHashLSH

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
    start = bisect_left(ranks, here)
    before, after, picked = start - 1, start, []
    while len(picked) < limit and (before >= 0 or after < len(group)):
        take_after = before < 0 or (after < len(group) and ranks[after] - here <= here - ranks[before])
        clause = group[after] if take_after else group[before]
        if take_after:
            after += 1
        else:
            before -= 1
        if clause.plan_id != mine.plan_id:
            picked.append(clause)
    return picked


def find_shared(plans: Sequence[ParsedPlan], rules: SimilarityRules, hans: SimplifiedView = AS_PRINTED) -> SharedIndex:
    """Shared clauses between different plans (plans in edition order, Simplified text)."""
    order = {plan.meta.id: position for position, plan in enumerate(plans)}
    occurrences: dict[str, list[Clause]] = defaultdict(list)
    for plan in plans:
        for clause, normalized in clauses(plan, rules.min_chars, hans):
            occurrences[normalized].append(clause)  # plans come in order: each list is sorted by plan
    texts = sorted(occurrences)
    ranks = {text: [order[c.plan_id] for c in found] for text, found in occurrences.items()}
    shingles = [_shingles(text, rules.shingle) for text in texts]
    signatures = MinHash.bulk(
        [[s.encode("utf-8") for s in sorted(group)] for group in shingles], num_perm=rules.num_perm
    )
    lsh = MinHashLSH(threshold=rules.lsh_threshold, num_perm=rules.num_perm)
    with lsh.insertion_session() as session:
        for key, signature in enumerate(signatures):
            session.insert(key, signature, check_duplication=False)
    kept: dict[tuple[Clause, Clause], float] = {}
    for key, signature in enumerate(signatures):
        for other in lsh.query(signature):
            if other < key:
                continue  # each unordered pair of texts once (a text with itself: identical clauses)
            shared = len(shingles[key] & shingles[other])
            similarity = shared / len(shingles[key] | shingles[other])
            if similarity < rules.threshold:
                continue
            for mine in occurrences[texts[key]]:
                group = texts[other]
                for clause in _nearest(
                    mine, order[mine.plan_id], occurrences[group], ranks[group], rules.max_per_clause
                ):
                    left, right = sorted((mine, clause), key=lambda c: (order[c.plan_id], c.block_id, c.start))
                    kept[(left, right)] = round(similarity, 3)
    pairs = sorted(
        (SharedWording(left, right, similarity) for (left, right), similarity in kept.items()),
        key=lambda p: (order[p.left.plan_id], order[p.right.plan_id], p.left.block_id, p.left.start, p.right.block_id),
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
