"""One declarative reader for every YAML file a person edits (meta, edition, glossary, topics, deliveries).

A schema is a tree of small type objects (``Text``, ``Int``, ``Bool``, ``Date``, ``ListOf``,
``Record``, ``MapOf``). ``read_yaml(path, schema)`` composes the file into YAML nodes (never
constructing Python objects, so no tag can run code and an impossible unquoted date cannot crash
the YAML library), then checks each node against its type. Every error is one ``InputError``
naming the file, the line of the offending node and what was expected.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_tools.core.errors import InputError
from build_tools.model import DatePrecision
from build_tools.sources.normalize import INVISIBLE

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RULE = "lowercase ascii words joined by hyphens"
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Whole numbers are read from their digits: past this many, Python's int() refuses (4,300 digits) or
# a check would cost more than the file; no field of the edition needs more.
MAX_DIGITS = 18
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The tags plain YAML gives scalars; anything else (!!python/..., custom !tags) is refused.
CORE = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL, TIMESTAMP = (CORE + name for name in ("str", "int", "bool", "null", "timestamp"))
SCALAR_TAGS = {STR, INT, BOOL, NULL, TIMESTAMP, CORE + "float"}
MAP_TAG, SEQ_TAG = CORE + "map", CORE + "seq"
# libyaml's loader when present (the glossary composes ten times faster); both only compose here.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KIND = {STR: "a string", INT: "a number", BOOL: "true/false", NULL: "nothing", TIMESTAMP: "a date"}


class Reader:
    """The file being read: turns a node and a message into an InputError at the node's line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return InputError(self.path, message, node.start_mark.line + 1)


def brief(value: str) -> str:
    """A value quoted for an error line, cut short: one error stays one readable line."""
    return repr(value if len(value) <= 60 else value[:59] + "…")


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        kind = KIND.get(node.tag, "a value")
        return f"{kind} {brief(node.value)}" if node.tag != NULL else "nothing"
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


class Type:
    """What a node must hold; ``read`` returns the plain value or raises at the node's line."""

    @property
    def expected(self) -> str:
        return "a value"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> Any:
        raise NotImplementedError

    def wrong(self, reader: Reader, node: yaml.Node, name: str) -> InputError:
        return reader.fail(node, f"{name} must be {self.expected}, not {_shown(node)}")


@dataclass(frozen=True)
class Text(Type):
    """A non-empty string (quoted or not); optionally one of ``choices`` or matching ``pattern``."""

    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    rule: str = ""
    """The pattern in words, for the error message."""
    reserved: tuple[str, ...] = ()
    strip: bool = True
    empty: bool = False
    """Whether ``""`` is allowed (e.g. a unit left out in English)."""
    lines: bool = False
    """Whether line breaks are allowed (prose: summaries, notes); a one-line field (a title, a name) refuses
    them, or a break would forge a second record in a one-line output format (RIS, BibTeX, CSV)."""

    @property
    def expected(self) -> str:
        if self.choices:
            return f"one of {', '.join(self.choices)}"
        return "a string" if self.empty else "a non-empty string"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> str:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == STR and (self.empty or node.value.strip())):
            raise self.wrong(reader, node, name)
        value: str = node.value.strip() if self.strip else node.value
        hidden = INVISIBLE.search(value)
        if hidden:  # a bidi control would reorder what a reader sees; a zero-width one breaks matching
            raise reader.fail(
                node, f"{name} holds an invisible control character U+{ord(hidden.group()):04X}: remove it"
            )
        if not self.lines and LINE_BREAK.search(value):
            raise reader.fail(node, f"{name} must be one line, not {brief(value)}: remove the line break")
        if self.choices and value not in self.choices:
            raise reader.fail(node, f"{name} must be one of {', '.join(self.choices)}, not {brief(value)}")
        if self.pattern and not self.pattern.match(value):
            raise reader.fail(node, f"{name} must be {self.rule or self.pattern.pattern}, not {brief(value)}")
        if value in self.reserved:
            taken = ", ".join(self.reserved)
            raise reader.fail(node, f"{name} {value!r} is reserved (generated pages use: {taken})")
        return value


def Id(reserved: tuple[str, ...] = ()) -> Text:
    """A permanent identifier: it becomes part of URLs and block ids."""
    return Text(pattern=ID, rule=ID_RULE, reserved=reserved)


@dataclass(frozen=True)
class Int(Type):
    """A whole number written as one, between ``low`` and ``high``."""

    low: int = -(10**9)
    high: int = 10**9

    @property
    def expected(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> int:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == INT and re.fullmatch(r"[-+]?[0-9]+", node.value)):
            raise self.wrong(reader, node, name)
        digits = len(node.value.lstrip("+-"))
        if digits > MAX_DIGITS:
            raise reader.fail(node, f"{name} must be {self.expected}, not a number of {digits} digits")
        value = int(node.value)
        if not self.low <= value <= self.high:
            raise self.wrong(reader, node, name)
        return value


@dataclass(frozen=True)
class Number(Type):
    """A number written as one, whole or decimal, greater than ``above``: read as a float."""

    above: float = float("-inf")
    at_most: float = float("inf")

    @property
    def expected(self) -> str:
        low = "" if self.above == float("-inf") else f" greater than {self.above:g}"
        high = "" if self.at_most == float("inf") else f" and at most {self.at_most:g}"
        return f"a number{low}{high}"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> float:
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (INT, CORE + "float")):
            raise self.wrong(reader, node, name)
        if len(node.value) > 3 * MAX_DIGITS:
            raise reader.fail(node, f"{name} must be {self.expected}, not a number of {len(node.value)} characters")
        value = float(yaml.safe_load(node.value))
        if not (math.isfinite(value) and self.above < value <= self.at_most):
            raise self.wrong(reader, node, name)
        return value


@dataclass(frozen=True)
class Bool(Type):
    """``true`` or ``false`` unquoted: a quoted 'false' is a string, and a string is refused."""

    @property
    def expected(self) -> str:
        return "true or false (unquoted)"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> bool:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == BOOL and node.value in ("true", "false")):
            raise self.wrong(reader, node, name)
        return bool(node.value == "true")


@dataclass(frozen=True)
class Date(Type):
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, quoted or not, that exists on the calendar."""

    low: int = 1900
    high: int = 2100

    @property
    def expected(self) -> str:
        return "a date YYYY, YYYY-MM or YYYY-MM-DD"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> str:
        # Read from the scalar's text: an unquoted date is never handed to YAML's date constructor.
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (STR, INT, TIMESTAMP)):
            raise self.wrong(reader, node, name)
        value: str = node.value.strip()
        match = DATE.match(value)
        if not match:
            raise reader.fail(node, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {brief(value)}")
        year = int(match[1])
        month, day = (int(part) if part else None for part in match.groups()[1:])
        if not self.low <= year <= self.high:
            raise reader.fail(node, f"{name} {value!r}: the year must lie between {self.low} and {self.high}")
        if month is not None and not 1 <= month <= 12:
            raise reader.fail(node, f"{name} {value!r}: there is no month {month}")
        if month is not None and day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise reader.fail(node, f"{name} {value!r}: there is no day {day} in {year}-{month:02d}")
        return value


PRECISIONS: tuple[DatePrecision, ...] = ("year", "month", "day")


def precision(date: str) -> DatePrecision:
    """``day``, ``month`` or ``year``: how much of a Date was given."""
    return PRECISIONS[date.count("-")]


@dataclass(frozen=True)
class ListOf(Type):
    """A list of items of one type; ``unique`` refuses repeats, ``min`` and ``max`` bound its length."""

    item: Type
    unique: bool = False
    min: int = 0
    max: int | None = None

    shape: str = ""
    """The list in words for error messages, e.g. ``[first_year, last_year]``."""

    @property
    def expected(self) -> str:
        return self.shape or f"a list, each entry {self.item.expected}"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> tuple[Any, ...]:
        if not isinstance(node, yaml.SequenceNode) or node.tag != SEQ_TAG:
            raise self.wrong(reader, node, name)
        if len(node.value) < self.min or (self.max is not None and len(node.value) > self.max):
            size = f"{self.min}" if self.max == self.min else f"at least {self.min}"
            raise reader.fail(
                node, f"{name} must be {self.shape or f'a list of {size} entries'}, not {len(node.value)}"
            )
        values: list[Any] = []
        for item in node.value:
            value = self.item.read(reader, item, f"each entry of {name}")
            if self.unique and value in values:
                raise reader.fail(item, f"duplicate entry {brief(str(value))} in {name}")
            values.append(value)
        return tuple(values)


@dataclass(frozen=True)
class Field:
    """One key of a Record."""

    name: str
    type: Type
    required: bool = True
    doc: str = ""


class Entry(Mapping[str, Any]):
    """A read Record: its values by key, and the line of the record and of each value."""

    def __init__(self, values: dict[str, Any], line: int, lines: dict[str, int], nodes: dict[str, yaml.Node]) -> None:
        self._values = values
        self.line = line
        self.lines = lines
        self.nodes = nodes

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _keys(reader: Reader, node: yaml.Node, name: str) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) of a mapping, refusing duplicate and non-text keys."""
    if not isinstance(node, yaml.MappingNode) or node.tag != MAP_TAG:
        raise reader.fail(node, f"{name} must be a mapping of keys to values, not {_shown(node)}")
    seen: dict[str, int] = {}
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and key.tag in (STR, INT)):
            raise reader.fail(key, f"a key in {name} must be plain text, not {_shown(key)}")
        line = key.start_mark.line + 1
        if key.value in seen:
            raise reader.fail(key, f"duplicate key {brief(key.value)} in {name} (first at line {seen[key.value]})")
        seen[key.value] = line
        yield key.value, key, value


@dataclass(frozen=True)
class Record(Type):
    """A mapping with declared keys: unknown keys, missing required ones and nulls where text is due are errors."""

    fields: tuple[Field, ...]
    what: str = "the file"
    index: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {f.name: f for f in self.fields})

    @property
    def expected(self) -> str:
        return f"a mapping with the keys {', '.join(self.index)}"

    def read(self, reader: Reader, node: yaml.Node, name: str = "") -> Entry:
        """``name`` is empty for the file's top level, whose keys need no "in <what>"."""
        what = self.what
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        nodes: dict[str, yaml.Node] = {}
        for key, key_node, value in _keys(reader, node, what):
            spec = self.index.get(key)
            if spec is None:
                raise reader.fail(key_node, f"unknown key {brief(key)} in {what} (allowed: {', '.join(self.index)})")
            if isinstance(value, yaml.ScalarNode) and value.tag == NULL and not spec.required:
                continue  # an optional key left empty counts as absent
            values[key] = spec.type.read(reader, value, f"{key!r} in {what}" if name else repr(key))
            lines[key] = value.start_mark.line + 1
            nodes[key] = value
        for spec in self.fields:
            if spec.required and spec.name not in values:
                detail = f": {spec.doc}" if spec.doc else ""
                raise reader.fail(node, f"missing required key {spec.name!r} in {what}{detail}")
        return Entry(values, node.start_mark.line + 1, lines, nodes)


@dataclass(frozen=True)
class MapOf(Type):
    """A mapping from free keys (of type ``key``) to values of one type: key -> (value, line)."""

    key: Type
    value: Type
    what: str = "the file"

    @property
    def expected(self) -> str:
        return "a mapping"

    def read(self, reader: Reader, node: yaml.Node, name: str) -> dict[str, tuple[Any, int]]:
        result = {}
        for key, key_node, value in _keys(reader, node, name or self.what):
            self.key.read(reader, key_node, "a key")
            result[key] = (self.value.read(reader, value, repr(key)), key_node.start_mark.line + 1)
        return result


def plain(reader: Reader, node: yaml.Node) -> Any:
    """A node as plain Python values, without a schema (dates stay strings, duplicate keys refused)."""
    if isinstance(node, yaml.SequenceNode):
        return [plain(reader, item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {key: plain(reader, value) for key, _, value in _keys(reader, node, "a mapping")}
    if node.tag == NULL:
        return None
    if node.tag in (INT, BOOL, CORE + "float"):
        return yaml.safe_load(node.value)
    return node.value


def _check_tags(reader: Reader, node: yaml.Node, seen: set[int]) -> None:
    """Refuse language-specific tags anywhere (``!!python/object`` and friends) and alias loops."""
    if id(node) in seen:
        raise reader.fail(node, "YAML aliases (*name) are not allowed: this value (&name) is reused; write it out")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in SCALAR_TAGS:
            raise reader.fail(node, f"the tag {node.tag!r} is not allowed: write plain values")
        return
    if node.tag not in (MAP_TAG, SEQ_TAG):
        raise reader.fail(node, f"the tag {node.tag!r} is not allowed: write plain values")
    children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) else node.value
    for child in children:
        _check_tags(reader, child, seen)


def compose(path: Path, what: str) -> yaml.Node:
    """The file's YAML node tree (safe: nothing constructed), or an InputError with file and line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"{what} must be UTF-8 (byte {error.start} is not)") from error
    except OSError as error:
        raise InputError(path, f"cannot read {what}: {error.strerror}") from error
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from error
    except RecursionError as error:
        raise InputError(path, "invalid YAML: nested too deeply") from error
    try:
        if node is not None:
            _check_tags(Reader(path), node, set())
    except RecursionError as error:
        raise InputError(path, "invalid YAML: nested too deeply") from error
    if node is None:
        raise InputError(path, f"{what} is empty")
    return node


def read_yaml(path: Path, schema: Type, what: str) -> Any:
    """Read ``path`` and check it against ``schema``; the result is plain values (``Entry`` for records)."""
    reader = Reader(path)
    return schema.read(reader, compose(path, what), "")
