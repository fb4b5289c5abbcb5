"""The enrich cache: results kept under ``.cache/enrich/<sha256>.pickle``, named by a hash of exactly
what they were made from, so that a rebuild after one plan's edit recomputes that plan only.

- A plan's own work (``per_plan.PlanEnrichment``) is named by ``plan_key``: its folder path, meta.yml
  and source.txt bytes, its PO file's path and bytes, and ``inputs_key``.
- The steps that compare plans (vocabulary, shared wording) read the plans' text but no translation:
  ``edition_key`` names them by every plan's ``text_key`` in edition order and ``inputs_key``.
- ``inputs_key`` is everything else any of them may read: the pipeline's whole code (build_tools/,
  templates and word lists included), the glossary, topics, across/ rules, every file of the
  translation store but the PO files (targets.yml, traditional.yml and its OpenCC configuration),
  edition.yml, the configured paths, and the versions of Python and of the pinned packages.

When in doubt an input is in the key: a needless miss costs one recomputation, a missing input a stale
page. Only results are cached, never errors. Entries unused for 30 days are pruned; ``rm -rf .cache``
is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import time
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import MappingProxyType
from typing import Any

from build_tools.config import ROOT, BuildConfig
from build_tools.incremental import CODE, digest_files, files_under
from build_tools.model import Clause, HantSettings, SharedIndex, SharedWording
from build_tools.write import write_if_changed

KEEP_DAYS = 30
PINNED = re.compile(r"^([A-Za-z0-9_.\-]+)==", re.MULTILINE)


def _versions() -> list[str]:
    names = PINNED.findall((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    found = [f"python {sys.version}"]
    for name in names:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return found


def inputs_key(config: BuildConfig, hant: HantSettings) -> str:
    """What any plan's results may depend on besides the plan's own files."""
    store = [path for path in files_under(config.translations) if path.suffix != ".po"]
    files = [
        *files_under(CODE),
        *files_under(config.glossary),
        *files_under(config.topics),
        *files_under(config.across),
        *store,
    ]
    files += [*files_under(config.target_words), *files_under(config.sources / "edition.yml")]
    if hant.path:
        files += files_under(Path(hant.path).parent)  # a project OpenCC configuration and its dictionaries
    paths = [str(path) for path in (config.sources, config.translations, config.glossary, config.topics)]
    return digest_files(files, [*paths, *_versions()])


def text_key(folder: Path) -> str:
    """A plan folder's own text: its path, meta.yml and source.txt."""
    return digest_files([folder / "meta.yml", folder / "source.txt"], [str(folder)])


def plan_key(inputs: str, text: str, po_file: Path) -> str:
    """A plan's own results: its text, its PO file (path and bytes, or that there is none), the inputs."""
    po = po_file.read_bytes() if po_file.is_file() else b"\0none"
    return hashlib.sha256(f"{inputs}\0{text}\0{po_file}\0".encode() + po).hexdigest()


def edition_key(inputs: str, texts: Iterable[str], step: str) -> str:
    """A step over every plan's text (no translation), plans in edition order."""
    return hashlib.sha256("\0".join([inputs, step, *texts]).encode()).hexdigest()


class EnrichCache:
    def __init__(self, config: BuildConfig) -> None:
        self.folder = config.cache / "enrich"

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def load(self, key: str) -> Any | None:
        """The pickled result of ``key``, or None (absent or unreadable: recomputed)."""
        data = self.read(key)
        try:
            return None if data is None else pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
            return None  # damaged (the key names the code, so not an older format): made again

    def read(self, key: str) -> bytes | None:
        path = self.path(key)
        try:
            data = path.read_bytes()
            os.utime(path)  # used now: kept by the pruning
        except OSError:
            return None
        return data

    def store(self, key: str, value: Any) -> bytes:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.write(key, data)
        return data

    def write(self, key: str, data: bytes) -> None:
        write_if_changed(self.path(key), data)

    def prune(self) -> None:
        limit = time.time() - KEEP_DAYS * 86400
        for old in self.folder.glob("*.pickle"):
            if old.stat().st_mtime < limit:
                old.unlink(missing_ok=True)


_Row = tuple[int, int, float]
PackedShared = tuple[tuple[tuple[str, str, int, int, str], ...], tuple[_Row, ...], dict[str, tuple[_Row, ...]], Any]


def pack_shared(index: SharedIndex) -> PackedShared:
    """A SharedIndex as plain rows, each clause once (a read-only mapping cannot be pickled, and rows
    unpickle several times faster than as many dataclasses)."""
    numbers: dict[int, int] = {}
    clauses: list[tuple[str, str, int, int, str]] = []

    def number(clause: Clause) -> int:
        if id(clause) not in numbers:
            numbers[id(clause)] = len(clauses)
            clauses.append((clause.plan_id, clause.block_id, clause.start, clause.end, clause.text))
        return numbers[id(clause)]

    pairs = tuple((number(pair.left), number(pair.right), pair.similarity) for pair in index.pairs)
    by_block = {
        block_id: tuple((number(mine), number(other), similarity) for mine, other, similarity in found)
        for block_id, found in index.by_block.items()
    }
    return tuple(clauses), pairs, by_block, index.rules


def unpack_shared(packed: PackedShared) -> SharedIndex:
    rows, pairs, by_block, rules = packed
    clauses = [Clause(*row) for row in rows]
    return SharedIndex(
        tuple(SharedWording(clauses[left], clauses[right], similarity) for left, right, similarity in pairs),
        rules,
        MappingProxyType(
            {
                block_id: tuple((clauses[mine], clauses[other], similarity) for mine, other, similarity in found)
                for block_id, found in by_block.items()
            }
        ),
    )
