"""Find the plans: every folder of the sources directory holding a source.txt is one plan."""

from __future__ import annotations

from pathlib import Path

from build_tools.errors import InputError


def plan_folders(sources: Path) -> list[Path]:
    """Plan folders in name order; a folder without source.txt or meta.yml is an error."""
    if not sources.is_dir():
        raise InputError(sources, "the sources directory does not exist")
    folders = []
    for entry in sorted(sources.iterdir()):
        if not entry.is_dir() or entry.name.startswith((".", "_")):
            continue
        for required in ("source.txt", "meta.yml"):
            if not (entry / required).is_file():
                raise InputError(entry / required, "missing: every plan folder needs source.txt and meta.yml")
        folders.append(entry)
    if not folders:
        raise InputError(sources, "no plan folders found (expected <plan-id>/source.txt + meta.yml)")
    return folders
