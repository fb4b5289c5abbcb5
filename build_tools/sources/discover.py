"""Find the plans: every folder of the sources directory holding a source.txt is one plan."""

from __future__ import annotations

from pathlib import Path

from build_tools.core.errors import InputError


def inside(path: Path, root: Path) -> Path:
    """``path`` itself when it is a regular file or folder within ``root`` once links are followed.

    A symlink pointing out of the sources folder (to /etc/passwd, say) would publish that file.
    """
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise InputError(path, f"is a link to {resolved}, outside {root}: sources must lie inside the sources folder")
    return path


def regular_file(path: Path, root: Path, hint: str) -> Path:
    """A readable regular file inside ``root``, or an InputError saying what it is instead."""
    if not path.exists() and not path.is_symlink():
        raise InputError(path, f"missing: {hint}")
    inside(path, root)
    if not path.is_file():
        raise InputError(path, f"not a regular file: {hint}")
    return path


def plan_folders(sources: Path) -> list[Path]:
    """Plan folders in name order; a folder without source.txt or meta.yml is an error."""
    if not sources.is_dir():
        raise InputError(sources, "the sources directory does not exist")
    folders = []
    for entry in sorted(sources.iterdir()):
        if not entry.is_dir() or entry.name.startswith((".", "_")):
            continue
        inside(entry, sources)
        for required in ("source.txt", "meta.yml"):
            regular_file(entry / required, sources, "every plan folder needs source.txt and meta.yml")
        folders.append(entry)
    if not folders:
        raise InputError(sources, "no plan folders found (expected <plan-id>/source.txt + meta.yml)")
    return folders
