"""Paths named in input files: they must stay inside the folder that holds the inputs.

A file name read from an input (an OpenCC dictionary, a project OpenCC configuration) is joined to its
folder and resolved, symbolic links followed; anything that lands outside (``..``, an absolute path, a
link out) is refused before it is read, so no text from elsewhere on the machine reaches the site or an
error line.
"""

from __future__ import annotations

from pathlib import Path


def resolve_inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` resolved, or None when it leaves ``folder`` (or names nothing a path can be)."""
    if not name or "\0" in name:
        return None
    base = folder.resolve()
    try:
        resolved = (base / name).resolve()
    except (OSError, RuntimeError):  # a link loop, a name too long for the file system
        return None
    return resolved if resolved.is_relative_to(base) else None


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line of the first ``needle`` in ``text``: where a refused name is written."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None
