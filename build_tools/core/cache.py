"""The build's caches (enrich results, PDFs) and the one list of what a build depends on.

**What a build depends on** (``Dependencies``): the software (Python, every package pinned in
requirements.txt, and the system libraries that shape a PDF: Pango, HarfBuzz, the fonts-noto-cjk
package; one that cannot be found is recorded as missing), the pipeline's code (``build_tools/``),
the edition's shared inputs (glossary, topics, ``across/``, the translation store's files other than
the PO files, the target word list, ``edition.yml``, a project OpenCC configuration), the plans and
their translations, and the MkDocs configuration. Each user keys on the parts it reads:

- ``incremental.py``: all of it, to tell whether anything changed since the last build;
- the enrich cache: software, code and shared inputs (``inputs_key``), plus a plan's own files
  (``plan_key``) or every plan's text (``edition_key``);
- the PDF cache: software, the few code files that shape a PDF beyond its HTML, and the HTML;
- the output cache (``Reuse``: pages, edition.json pieces, search terms): ``inputs_key`` and a hash of the
  very data an output is made from (a template's context), so it needs no list of its own.

When in doubt an input is in a key: a needless miss costs one recomputation, a missing input a stale page.

**The caches**: ``.cache/<kind>/<sha256>.<suffix>``, named by the hash of exactly what an entry was made
from. Only results are cached, never errors; a damaged entry is made again. Reading an entry marks it
used; ``prune`` (once per build) drops entries unused for 30 days, then the least recently used until
all caches together fit ``BuildConfig.cache_limit`` (``BUILD_CACHE_MB``, 2 GiB by default).
``rm -rf .cache`` is always safe.
"""

from __future__ import annotations

import codecs
import ctypes
import ctypes.util
import hashlib
import os
import pickle
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PosixPath, PurePath, PurePosixPath, PureWindowsPath
from types import MappingProxyType
from typing import Any, TypeVar

from build_tools.core.config import ROOT, BuildConfig
from build_tools.core.write import write_if_changed, writing

CODE = ROOT / "build_tools"
Made = TypeVar("Made")
KEEP_DAYS = 30
PINNED = re.compile(r"^([A-Za-z0-9_.\-]+)==", re.MULTILINE)
SYSTEM_LIBRARIES = (("pango", "pango-1.0", "pango_version_string"), ("harfbuzz", "harfbuzz", "hb_version_string"))
"""(name, library, its version call): they lay out and shape every line of a PDF."""
SYSTEM_PACKAGES = ("fonts-noto-cjk",)
"""Debian packages whose files a PDF embeds (the Noto CJK faces)."""


# ------------------------------------------------------------------------------ what a build depends on


def files_under(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(
        (path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts),
        key=lambda path: path.as_posix(),
    )


def digest_files(files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    digest = hashlib.sha256()
    for text in extra:
        digest.update(text.encode("utf-8") + b"\0")
    for path in files:
        digest.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _library_version(library: str, call: str) -> str | None:
    """A shared library's own version call (``pango_version_string``), None when it cannot be loaded."""
    found = ctypes.util.find_library(library)
    if not found:
        return None
    try:
        function = getattr(ctypes.CDLL(found), call)
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_char_p
    answer = function()
    return answer.decode("ascii", "replace") if answer else None


def _package_version(package: str) -> str | None:
    """An installed Debian package's version (dpkg-query), None when it or dpkg-query is missing."""
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status} ${Version}", package], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    status, _, found = done.stdout.rpartition(" ")
    return found if done.returncode == 0 and status.endswith("installed") and found else None


def system_versions() -> list[str]:
    """``pango 1.50.12``, …, ``fonts-noto-cjk missing``: never fails, a missing one says so."""
    found = [(name, _library_version(library, call)) for name, library, call in SYSTEM_LIBRARIES]
    found += [(package, _package_version(package)) for package in SYSTEM_PACKAGES]
    return [f"{name} {answer or 'missing'}" for name, answer in found]


@cache
def software() -> tuple[str, ...]:
    """Python, every pinned package and the system libraries, each with its version (asked once a process)."""
    found = [f"python {sys.version}"]
    for name in PINNED.findall((ROOT / "requirements.txt").read_text(encoding="utf-8")):
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return (*found, *system_versions())


@dataclass(frozen=True)
class Dependencies:
    """What a build reads, in parts (see the module's docstring for who keys on which)."""

    code: tuple[Path, ...]
    shared: tuple[Path, ...]
    """The edition's inputs that every plan's enrichment may read."""
    plans: tuple[Path, ...]
    site: tuple[Path, ...]
    paths: tuple[str, ...]
    """Where the inputs are: results name files by these."""


def dependencies(config: BuildConfig, hant_path: str = "") -> Dependencies:
    """Every file a build reads; ``hant_path`` is the project OpenCC configuration when there is one."""
    store = [path for path in files_under(config.translations) if path.suffix != ".po"]
    shared = [*files_under(config.glossary), *files_under(config.topics), *files_under(config.across), *store]
    shared += [*files_under(config.target_words), *files_under(config.sources / "edition.yml")]
    if hant_path:
        shared += files_under(Path(hant_path).parent)  # a project OpenCC configuration and its dictionaries
    return Dependencies(
        code=tuple(files_under(CODE)),
        shared=tuple(shared),
        plans=(*files_under(config.sources), *files_under(config.translations)),
        site=tuple(sorted(config.mkdocs_config.parent.glob("mkdocs*.yml"))),
        paths=tuple(str(path) for path in (config.sources, config.translations, config.glossary, config.topics)),
    )


# ------------------------------------------------------------------------------ enrich keys


def inputs_key(config: BuildConfig, hant_path: str = "") -> str:
    """What any plan's enrichment may depend on besides the plan's own files."""
    found = dependencies(config, hant_path)
    return digest_files([*found.code, *found.shared], [*found.paths, *software()])


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


# ------------------------------------------------------------------------------ the caches


class Cache:
    """One kind of entry: ``<folder>/<key><suffix>``."""

    def __init__(self, folder: Path, suffix: str) -> None:
        self.folder, self.suffix = folder, suffix

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def used(self, key: str) -> Path:
        """The entry's file, marked used now (kept by the pruning)."""
        path = self.path(key)
        os.utime(path)
        return path

    def read(self, key: str) -> bytes | None:
        """The entry's bytes, marked used now (kept by the pruning); None when absent."""
        path = self.path(key)
        try:
            data = path.read_bytes()
            os.utime(path)
        except OSError:
            return None
        return data

    def write(self, key: str, data: bytes) -> None:
        write_if_changed(self.path(key), data)

    def load(self, key: str) -> Any | None:
        """The pickled result of ``key``, or None (absent or unreadable: made again)."""
        data = self.read(key)
        try:
            return None if data is None else pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
            return None  # damaged (the key names the code, so not an older format): made again

    def store(self, key: str, value: Any) -> bytes:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.write(key, data)
        return data


def enrich_cache(config: BuildConfig) -> Cache:
    return Cache(config.cache / "enrich", ".pickle")


def pdf_cache(cache_root: Path) -> Cache:
    return Cache(cache_root / "pdf", ".pdf")


def zip_cache(config: BuildConfig) -> Cache:
    """The offline zip's entries, deflated (build_tools/site/offline.py)."""
    return Cache(config.cache / "zip", ".deflate")


def _entries(root: Path) -> list[tuple[float, int, Path]]:
    """(last use, size, path) of every entry of every cache under root, least recently used first."""
    found = []
    for path in root.glob("*/*"):
        try:
            status = path.stat()
        except OSError:
            continue  # removed meanwhile
        if path.is_file() and not path.name.startswith("."):
            found.append((status.st_mtime, status.st_size, path))
    return sorted(found, key=lambda entry: (entry[0], entry[2].as_posix()))


def prune(root: Path, limit: int, now: float | None = None) -> list[Path]:
    """Drop entries unused for KEEP_DAYS, then the least recently used until the rest fit ``limit`` bytes;
    returns what was dropped. (An entry read in this build is the most recent, so goes last.)"""
    oldest = (time.time() if now is None else now) - KEEP_DAYS * 86400
    entries = _entries(root)
    total = sum(size for _, size, _ in entries)
    dropped = []
    for used, size, path in entries:
        if used >= oldest and total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size
        dropped.append(path)
    return dropped


# ------------------------------------------------------------------------------ outputs kept by their content


class _HashSink:
    """A file-like ``write`` that only hashes: a pickle for a key is never kept."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return len(data)


def _mapping(value: MappingProxyType) -> tuple:
    return (dict, (dict(value),))


def _path(value: PurePath) -> tuple:
    # pathlib interns a path's parts (sys.intern), so whether a part is the very string a plan id is depends on
    # what the process did before: the first build in a process and the next would hash apart.
    return (str, (str(value),))


class _ContentPickler(pickle.Pickler):
    """Pickles only to hash (``Reuse.digest``): in C, but for an object of a ``once`` type, which goes by its
    digest, made once a build (``Reuse.remembered``), and a read-only mapping, which goes as a dict.

    Equal content gives equal bytes when it is built the same way: a set would not (its order follows the
    string hash seed, new every process), so contexts hold sorted tuples; a miss costs a render, never a
    stale page, since whatever differs in the content differs in the pickle."""

    def __init__(self, sink: _HashSink, reuse: Reuse, top: object) -> None:
        super().__init__(sink, protocol=pickle.HIGHEST_PROTOCOL)
        table: dict[type, Callable[[Any], Any]] = dict.fromkeys((*reuse.once, *reuse.known_types), self._once)
        table[MappingProxyType] = _mapping
        table.update(dict.fromkeys((PosixPath, PurePosixPath, PureWindowsPath), _path))
        self.dispatch_table = table
        self.reuse, self.top = reuse, top

    def _once(self, obj: Any) -> Any:
        """A known object, or one of a ``once`` type, by its digest; another of a known one's type as usual."""
        if obj is not self.top and (id(obj) in self.reuse.known or isinstance(obj, self.reuse.once)):
            return (str, (self.reuse.remembered(obj),))
        return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


@dataclass
class Reuse:
    """Outputs (pages, export pieces, search terms) kept under a hash of exactly the data they are made from.

    A writer hands ``made(kind, content, make)`` the data it is about to turn into text (a template's context,
    a record) and how to make the text: when the same ``kind`` was made from equal content by the same code
    (``code``: build_tools.core.cache.inputs_key, the code, shared inputs and software), the kept result is
    returned; otherwise ``make()`` runs and its result is kept. The key is the content itself, so a page is
    made again exactly when something it shows changed, whichever plan or rule that came from.

    Hashing is a pickle of the content (see _ContentPickler). Objects many outputs contain (a whole plan:
    ``once`` types) are hashed once a build and stand in by their digest; the pipeline may name objects it
    already has a key for (``know``: shared wording, found from every plan's text).
    Content that cannot be pickled is never kept (made every time). Workers fork with this object: what
    they remember stays theirs, and ``fresh`` (what was made, not reused) is filled where results arrive.
    """

    store: Cache | None
    code: str = ""
    once: tuple[type, ...] = ()
    known: dict[int, tuple[object, str]] = field(default_factory=dict)
    known_types: set[type] = field(default_factory=set)
    fresh: list[str] = field(default_factory=list)

    def know(self, obj: object, key: str) -> None:
        """``obj`` is what ``key`` names (it stays alive with this object, so its id is not reused)."""
        self.known[id(obj)] = (obj, key)
        self.known_types.add(type(obj))

    def remembered(self, obj: object) -> str:
        found = self.known.get(id(obj))
        if found is None:
            self.know(obj, self.digest(obj))
            found = self.known[id(obj)]
        return found[1]

    def digest(self, content: object) -> str:
        known = self.known.get(id(content))
        if known is not None:
            return known[1]
        sink = _HashSink()
        _ContentPickler(sink, self, content).dump(content)
        return sink.digest.hexdigest()

    def key(self, kind: str, content: object) -> str | None:
        """The key of ``kind`` made from ``content``; None when not kept (no store, or content not picklable)."""
        if self.store is None:
            return None
        try:
            return hashlib.sha256(f"{self.code}\0{kind}\0{self.digest(content)}".encode()).hexdigest()
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None  # made every time: correct, only slower

    def made(self, kind: str, content: object, make: Callable[[], Made]) -> tuple[Made, bool]:
        """``make()``'s result for this content, kept or made now; and whether it was made now."""
        key = self.key(kind, content)
        if key is not None and self.store is not None:
            data = self.store.read(key)
            if data is not None:
                try:
                    return pickle.loads(zlib.decompress(data)), False
                except (pickle.UnpicklingError, zlib.error, EOFError, AttributeError, ImportError, ValueError):
                    pass  # damaged: made again
        result = make()
        if key is not None and self.store is not None:
            self.store.write(key, zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1))
        return result, True

    def streamed(self, kind: str, content: object, make: Callable[[Callable[[str], Any]], None], sink: Sink) -> bool:
        """Text too large to hold in memory (shared wording in edition.json: a gigabyte at 500 plans): ``sink``
        gets the kept text in pieces, or ``make(sink)`` writes it and it is kept on its way. Returns whether it
        was made now."""
        key = self.key(kind, content)
        if key is None or self.store is None:
            make(sink)
            return True
        path = self.store.path(key)
        if _whole(path):
            os.utime(path)
            _inflate(path, sink)
            return False
        with writing(path) as temporary, temporary.open("wb") as kept:
            packer = zlib.compressobj(1)

            def both(text: str) -> None:
                sink(text)
                kept.write(packer.compress(text.encode("utf-8")))

            make(both)
            kept.write(packer.flush())
        return True


Sink = Callable[[str], Any]
CHUNK = 1 << 20


def _inflate(path: Path, sink: Sink | None) -> bool:
    """Hand a kept text to ``sink`` in pieces (None: only read it through); whether it was whole."""
    unpack, text = zlib.decompressobj(), codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as kept:
            for block in iter(lambda: kept.read(CHUNK), b""):
                piece = text.decode(unpack.decompress(block))
                if sink is not None:
                    sink(piece)
    except (OSError, zlib.error, UnicodeDecodeError):
        return False
    return unpack.eof and not unpack.unused_data


def _whole(path: Path) -> bool:
    """Whether a kept text is there and complete: read through before any of it is handed on, so a damaged one
    is made again instead of leaving half a file."""
    return path.is_file() and _inflate(path, None)


NO_REUSE = Reuse(None)
"""Everything made every time (a writer called outside the pipeline, as the tests do)."""


def output_cache(config: BuildConfig) -> Cache:
    return Cache(config.cache / "output", ".pickle.z")
