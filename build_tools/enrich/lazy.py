"""A read-only mapping whose values are made from compact rows when first read.

The cache and the workers hand back each block's glossary marks and shared clauses as a few integers
(build_tools/enrich/cache.py, per_plan.py); turning them all into dataclasses in the pipeline's own
process would cost more than reading them. Made on first read, they are made by whichever process
reads them: the render workers, each for its own pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

Packed = TypeVar("Packed")
Value = TypeVar("Value")


class Unpacked(Mapping[str, Value], Generic[Packed, Value]):
    def __init__(self, packed: Mapping[str, Packed], unpack: Callable[[Packed], Value]) -> None:
        self._packed = packed
        self._unpack = unpack
        self._made: dict[str, Value] = {}

    def __getitem__(self, key: str) -> Value:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._unpack(self._packed[key])
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
