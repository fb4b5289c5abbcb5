"""How a stage reports what it is doing: one callable taking a line, the same type everywhere.

A long stage (render workers, PDFs, MkDocs, the zip) also counts its items with ``counting``: the command line's
reporter shows a bar with counts and the time left on a terminal, and plain lines elsewhere (CI logs); any other
reporter (``quiet``, a test's list) sees only the lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol, TypeVar

Progress = Callable[[str], None]
Advance = Callable[[int], None]
"""Tells the count that ``n`` more items are done."""
Item = TypeVar("Item")


class CountingProgress(Protocol):
    def __call__(self, step: str) -> None: ...

    def counter(self, label: str, total: int) -> AbstractContextManager[Advance]: ...


def quiet(_: str) -> None:
    """The default: report nothing."""


@contextmanager
def _not_counted(progress: Progress, label: str, total: int) -> Iterator[Advance]:
    progress(f"{label} ({total})")
    yield lambda _: None


def counting(progress: Progress, label: str, total: int) -> AbstractContextManager[Advance]:
    """A count of ``total`` items under ``label``, shown by the reporter if it can show one, else one line."""
    counter = getattr(progress, "counter", None)
    return counter(label, total) if counter else _not_counted(progress, label, total)


def counted(progress: Progress, label: str, items: Iterable[Item], total: int) -> Iterator[Item]:
    """The items, each counted as done when the next one is asked for (or the loop ends)."""
    with counting(progress, label, total) as advance:
        for item in items:
            yield item
            advance(1)


class PlainCount:
    """A count as lines of text, for logs: the start, every tenth of the way with the time left, the end."""

    def __init__(self, write: Callable[[str], None], label: str, total: int) -> None:
        self.write, self.label, self.total = write, label, total
        self.done = 0
        self.started = time.perf_counter()
        self.next_report = max(1, total // 10)
        write(f"{label}: 0/{total}")

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done >= self.next_report and self.done < self.total:
            elapsed = time.perf_counter() - self.started
            left = elapsed / self.done * (self.total - self.done)
            self.write(f"{self.label}: {self.done}/{self.total}, about {left:.0f} s left")
            self.next_report = self.done + max(1, self.total // 10)

    def finish(self) -> None:
        self.write(f"{self.label}: {self.done}/{self.total} in {time.perf_counter() - self.started:.1f} s")
