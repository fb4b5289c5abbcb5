"""The shared wording as plain rows, for the enrich cache (build_tools/core/cache.py) and back: a read-only
mapping cannot be pickled, and rows unpickle several times faster than as many dataclasses."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from build_tools.model import Clause, SharedIndex, SharedWording

_Row = tuple[int, int, float]
PackedShared = tuple[tuple[tuple[str, str, int, int, str], ...], tuple[_Row, ...], dict[str, tuple[_Row, ...]], Any]


def pack_shared(index: SharedIndex) -> PackedShared:
    """A SharedIndex as plain rows, each clause once (a read-only mapping cannot be pickled, and rows
    unpickle several times faster than as many dataclasses)."""
    numbers: dict[int, int] = {}
    clauses: list[tuple[str, str, int, int, str]] = []

    def number(clause: Clause) -> int:
        if id(clause) not in numbers:
            numbers[id(clause)] = len(clauses)
            clauses.append((clause.plan_id, clause.block_id, clause.start, clause.end, clause.text))
        return numbers[id(clause)]

    pairs = tuple((number(pair.left), number(pair.right), pair.similarity) for pair in index.pairs)
    by_block = {
        block_id: tuple((number(mine), number(other), similarity) for mine, other, similarity in found)
        for block_id, found in index.by_block.items()
    }
    return tuple(clauses), pairs, by_block, index.rules


def unpack_shared(packed: PackedShared) -> SharedIndex:
    rows, pairs, by_block, rules = packed
    clauses = [Clause(*row) for row in rows]
    return SharedIndex(
        tuple(SharedWording(clauses[left], clauses[right], similarity) for left, right, similarity in pairs),
        rules,
        MappingProxyType(
            {
                block_id: tuple((clauses[mine], clauses[other], similarity) for mine, other, similarity in found)
                for block_id, found in by_block.items()
            }
        ),
    )
