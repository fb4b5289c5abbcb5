"""Read a YAML data file a user edits (meta.yml, edition.yml, glossary, topics, deliveries).

Every failure becomes an InputError naming the file and, where YAML knows it, the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import InputError


def _text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"{what} must be UTF-8") from error
    except OSError as error:
        raise InputError(path, f"cannot read {what}: {error.strerror}") from error


def _invalid(path: Path, error: yaml.YAMLError) -> InputError:
    mark = getattr(error, "problem_mark", None)
    return InputError(path, f"invalid YAML: {getattr(error, 'problem', error)}", mark.line + 1 if mark else None)


def load_yaml(path: Path, what: str) -> Any:
    """The file's data (plain Python values)."""
    try:
        return yaml.safe_load(_text(path, what))
    except yaml.YAMLError as error:
        raise _invalid(path, error) from error


def compose_yaml(path: Path, what: str) -> yaml.Node | None:
    """The file's node tree, which keeps line numbers for errors about single entries."""
    try:
        return yaml.compose(_text(path, what), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _invalid(path, error) from error
