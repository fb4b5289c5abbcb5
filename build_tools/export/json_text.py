"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, faster and in pieces.

The standard library's C encoder runs only without ``indent``; with it, json falls back to Python
generators and gathers every piece of the text in one list before joining it (at 100 plans most of
the export's time, and a gigabyte for a 100 MB edition.json). This writer escapes strings with json's
own (C) ``encode_basestring`` and hands the text on in pieces of ``PIECE`` parts, so a file can be
written as it is made. It takes what the export holds: dicts with string keys, lists, tuples and
generators (records made one at a time, never all in memory), strings, numbers, booleans, None, and
dataclasses (written as ``asdict`` would give them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import cache
from json.encoder import encode_basestring
from types import GeneratorType
from typing import Any

PIECE = 1 << 16
"""Parts gathered before they are joined and handed on."""


class Written(str):
    """JSON text already written for the place it goes (``dumps(value, newline)``): copied as it is, so a
    piece kept from an earlier build (build_tools.core.cache.Reuse) is not written again."""


def dumps(value: Any, newline: str = "\n") -> str:
    """``value``'s JSON text; ``newline``: a line break and the indentation of the line it starts on."""
    pieces: list[str] = []
    dump(value, pieces.append, newline)
    return "".join(pieces)


def dump(value: Any, sink: Callable[[str], Any], newline: str = "\n") -> None:
    """Hand ``value``'s JSON text to ``sink`` (e.g. a text file's ``write``) in pieces, in order."""
    writer = _Writer(sink)
    writer.value(value, newline)
    writer.flush()


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def _float(value: float) -> str:
    # As json writes floats: repr, and its names for the values JSON lacks (allow_nan is its default).
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_LEAVES: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
    Written: str,
}
"""How a value of exactly this type is written (anything else goes through _Writer.value)."""


class _Writer:
    def __init__(self, sink: Callable[[str], Any]) -> None:
        self.sink = sink
        self.out: list[str] = []
        self.keys: dict[tuple[str, str], str] = {}
        """(key, line start) -> the key written after its line break: the records repeat their keys."""

    def flush(self) -> None:
        if self.out:
            self.sink("".join(self.out))
            self.out.clear()

    def value(self, value: Any, newline: str) -> None:
        """``newline``: a line break and the indentation of the line ``value`` starts on."""
        out = self.out
        if isinstance(value, str):
            out.append(value if type(value) is Written else encode_basestring(value))
        elif value is None:
            out.append("null")
        elif value is True:
            out.append("true")
        elif value is False:
            out.append("false")
        elif isinstance(value, int):
            out.append(int.__repr__(value))
        elif isinstance(value, float):
            out.append(_float(value))
        elif isinstance(value, dict):
            self.items(value.items(), newline)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            self.items(((name, getattr(value, name)) for name in _field_names(type(value))), newline)
        elif isinstance(value, list | tuple | GeneratorType):  # not a set: its order is not the data's
            self.array(value, newline)
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def array(self, values: Iterable[Any], newline: str) -> None:
        out, inner = self.out, newline + " "
        separator = "[" + inner
        for item in values:
            out.append(separator)
            leaf = _LEAVES.get(type(item))
            if leaf:
                out.append(leaf(item))
            else:
                self.value(item, inner)
            separator = "," + inner
            if len(out) > PIECE:
                self.flush()
        out.append("[]" if separator[0] == "[" else newline + "]")

    def items(self, pairs: Iterable[tuple[Any, Any]], newline: str) -> None:
        out, keys, inner = self.out, self.keys, newline + " "
        first = True
        for key, item in pairs:
            written = keys.get((key, inner))
            if written is None:
                if not isinstance(key, str):
                    raise TypeError(f"keys must be str, not {type(key).__name__}")
                written = keys[key, inner] = inner + encode_basestring(key) + ": "
            out.append(("{" if first else ",") + written)
            first = False
            leaf = _LEAVES.get(type(item))
            if leaf:
                out.append(leaf(item))
            else:
                self.value(item, inner)
        out.append("{}" if first else newline + "}")
