"""Read a YAML data file a user edits when no schema applies; files with a schema use build_tools/sources/schema.py.

Same safe composition as the schema reader (no tags, no duplicate keys, dates kept as text), so
every failure is an InputError naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from build_tools.sources.schema import Reader, compose, plain


def load_yaml(path: Path, what: str) -> Any:
    """The file's data as plain Python values."""
    return plain(Reader(path), compose(path, what))
