"""The folders a build reads and writes: checked before anything is written, and one build at a time.

``check_folders`` refuses a ``--docs`` that is a file, or that is, holds or lies inside an input folder
(pages would be written among the sources and read back as inputs). ``build_lock`` serialises builds on
one ``docs/``/``site/`` pair: two builds writing the same folders at once left ``site/`` with the first
one's text and the recorded build state with the second's, so the next build said "nothing changed".
An advisory ``flock`` is released by the kernel when its process dies, so a killed build never leaves
a stale lock behind.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from build_tools.core.config import BuildConfig
from build_tools.core.errors import InputError


def check_folders(config: BuildConfig) -> None:
    """One line naming the folder when the output folder would overwrite or mix with the inputs."""
    for name, folder in (("--sources", config.sources), ("--translations", config.translations)):
        if folder.exists() and not folder.is_dir():
            raise InputError(folder, f"{name} must name a folder, not a file")
    if config.docs.exists() and not config.docs.is_dir():
        raise InputError(config.docs, "--docs must name a folder, not a file")
    docs = config.docs.resolve()
    for name, folder in _inputs(config):
        resolved = folder.resolve()
        if resolved == docs or resolved.is_relative_to(docs) or docs.is_relative_to(resolved):
            raise InputError(config.docs, f"--docs must be apart from the inputs: it overlaps {name} {folder}")


def _inputs(config: BuildConfig) -> tuple[tuple[str, Path], ...]:
    """The input folders and files (glossary and topics: only the files themselves)."""
    return (
        ("--sources", config.sources),
        ("--translations", config.translations),
        ("--glossary", config.glossary),
        ("--topics", config.topics),
    )


def disk_error(error: OSError) -> str:
    """An operating-system error in one line: the path, then what the system said (no traceback)."""
    reason = error.strerror or str(error)
    advice = {errno.ENOSPC: ": free some space and build again", errno.EROFS: ": the folder is read-only"}
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{reason}{advice.get(error.errno or 0, '')}"


def lock_path(config: BuildConfig, folder: Path) -> Path:
    """The lock file of one output folder, in the build cache (named by the folder's resolved path)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return config.cache / "locks" / f"{digest}.lock"


@contextmanager
def build_lock(config: BuildConfig, say: Callable[[str], object], site: bool = True) -> Iterator[None]:
    """Hold the locks of ``docs/`` and (with ``site``, for a build) ``site/``, in a fixed order so two
    builds never deadlock; a second build on either waits, saying so in one line, until the first is done."""
    handles = []
    folders = {config.docs.resolve(), config.site.resolve()} if site else {config.docs.resolve()}
    try:
        for folder in sorted(folders):
            handles.append(_acquire(lock_path(config, folder), folder, say))
        yield
    finally:
        for handle in reversed(handles):
            os.close(handle)  # closing the descriptor releases its lock


def _acquire(path: Path, folder: Path, say: Callable[[str], object]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        say(f"waiting: another build is writing {folder}; this one starts when it is done")
        fcntl.flock(handle, fcntl.LOCK_EX)
    except BaseException:
        os.close(handle)
        raise
    return handle
