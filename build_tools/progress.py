"""How a stage reports what it is doing: one callable taking a line, the same type everywhere."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str], None]


def quiet(_: str) -> None:
    """The default: report nothing."""
