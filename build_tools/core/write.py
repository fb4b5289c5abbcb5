"""The one way the build writes a file: atomically, and only when its bytes change.

A reader (a browser, MkDocs, a half-finished build killed mid-write) never sees half a file: the
bytes go to a temporary file in the same folder, then ``os.replace`` swaps it in. When the file
already holds exactly these bytes it is left alone, mtime included, so MkDocs' dirty build and
anything else that watches mtimes sees only what really changed.
"""

from __future__ import annotations

import filecmp
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def write_if_changed(path: Path, data: bytes | str, durable: bool = False) -> bool:
    """Put ``data`` (text is written as UTF-8) at ``path``; return whether the file was written.

    ``durable`` also flushes it to disk before the swap (hand-edited stores such as the PO files,
    where a power cut must not lose a translator's work; generated files can simply be rebuilt).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        # mkstemp makes the file private; keep the old file's mode, or the usual 0644 for a new one.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def copy_if_changed(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` the same way (atomic, untouched when equal); return whether it wrote."""
    return write_if_changed(target, source.read_bytes())


@contextmanager
def writing(path: Path) -> Iterator[Path]:
    """For files another library writes itself (a zip, a PDF): yield a temporary path beside ``path``.

    When the block ends without an error the finished file replaces ``path``, unless the two are
    byte-identical (then ``path`` and its mtime stay); on an error the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):
            temporary.unlink()
        else:
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@dataclass
class PageWriter:
    """Writes generated files under docs/ through write_if_changed, and lists what it wrote."""

    docs: Path
    written: list[str]

    def write(self, relative: str, content: str | bytes | Path) -> None:
        """A Path is a file to copy as it is (a received text): the stage names it, this module reads it."""
        if isinstance(content, Path):
            copy_if_changed(content, self.docs / relative)
        else:
            write_if_changed(self.docs / relative, content)
        self.written.append(relative)

    def write_all(self, files: Iterable[tuple[str, str | bytes | Path]]) -> None:
        """(docs/-relative path, content) pairs, in order; bytes are written as they are, a Path copied."""
        for relative, content in files:
            self.write(relative, content)


OWN_STAGES = ("search", "downloads")
"""docs/ folders whose stage writes and prunes them itself (the search index, the PDFs and the bundle)."""
HAND_WRITTEN = ("assets",)
"""The one docs/ folder the build never writes: stylesheets and scripts kept in git."""


def remove_unwritten(docs: Path, written: Iterable[str]) -> list[str]:
    """Delete every file under ``docs`` this run did not write, then the folders left empty; return the files.

    docs/ belongs to the build (it is git-ignored) but for HAND_WRITTEN and OWN_STAGES, so no marker is
    needed: a page of a removed plan or topic, a share of a list that got shorter, a file an older version
    of the build wrote, all go, and MkDocs never sees a page whose links lead nowhere.
    """
    kept = set(written)
    spared = {*HAND_WRITTEN, *OWN_STAGES}
    removed = []
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if relative.parts[0] in spared or path.is_dir() or relative.as_posix() in kept:
            continue
        path.unlink()
        removed.append(relative.as_posix())
    for folder in sorted((p for p in docs.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if folder.relative_to(docs).parts[0] not in spared and not any(folder.iterdir()):
            folder.rmdir()
    return removed
