"""The offline HTML bundle: the built site itself, zipped (one MkDocs build serves both: see mkdocs.yml).

The site links files by name (``use_directory_urls: false``), so it works from file:// as it is; the
pages carry both the online note (download the zip) and the offline one (you are reading it), and the
browser shows the right one (edition.css, theme/main.html). After zipping, the zip is added to the
site's downloads/ and its size written into the pages that offer it; the bundle never holds itself.

The zip is deterministic (sorted entries, one fixed timestamp, fixed permissions, the zip's own size
left out of its pages), so the same edition gives the same bytes and a changed bundle means changed content.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from pathlib import Path

from build_tools.core.cache import Cache, zip_cache
from build_tools.core.config import BuildConfig
from build_tools.core.progress import Progress, counted, quiet
from build_tools.core.write import copy_if_changed, write_if_changed, writing
from build_tools.model import EditionMeta
from build_tools.present.downloads import edition_slug, offline_zip_name
from build_tools.site.hooks import MADE_AFTER, size_label

LEFT_OUT = frozenset(
    {
        # Written with the build date, and nothing under file:// reads them: left out so the zip is reproducible.
        "sitemap.xml",
        "sitemap.xml.gz",
    }
)
ZIP_SIZE = re.compile(rf'(<span class="file-size" data-file="{MADE_AFTER.pattern}">)[^<]*(</span>)')
"""The zip's size in a page: a placeholder from the MkDocs hook, filled in here once the zip exists."""


def dist_dir(config: BuildConfig) -> Path:
    return config.site.parent / "dist"


def zip_timestamp(meta: EditionMeta) -> tuple[int, int, int, int, int, int]:
    """Every entry carries the edition date (zip has no time zone; midnight is as good as any)."""
    year, month, day = (int(piece) for piece in meta.edition_date.split("-"))
    return (year, month, day, 0, 0, 0)


def _bundled(folder: Path, path: Path) -> bool:
    name = path.relative_to(folder).as_posix()
    return path.is_file() and name not in LEFT_OUT and not MADE_AFTER.fullmatch(name)


def _entry_bytes(path: Path) -> bytes:
    """A page as the bundle holds it: without the zip's size, which only the online site shows."""
    data = path.read_bytes()
    if path.suffix != ".html" or b"-offline.zip" not in data:
        return data
    return ZIP_SIZE.sub(r"\1\2", data.decode("utf-8")).encode("utf-8")


LEVEL = 6
"""Deflate level of every entry (as ``ZipFile.writestr(…, compresslevel=LEVEL)`` writes it). zlib's default: at
500 plans level 9 took half as long again (edition.json alone 9.4 CPU s, not 4.6) for a zip 0.6 % smaller
(507 against 510 MiB)."""


def _deflated(data: bytes, kept: Cache | None) -> bytes:
    """``data`` deflated as zipfile does it (raw, LEVEL), kept under the hash of ``data``: a rebuild that changed
    a hundred pages deflates those and copies the other 27,000 entries (deflating all took 44 s of 163 at 500
    plans). A kept entry starts with the CRC-32 of its deflated bytes, so a damaged one is deflated again."""
    # zlib's version in the key: another zlib may deflate the same bytes differently, and a zip made from kept
    # entries must equal one made from nothing.
    key = f"{hashlib.sha256(data).hexdigest()}-{LEVEL}-{zlib.ZLIB_RUNTIME_VERSION}"
    found = kept.read(key) if kept is not None else None
    if found is not None and len(found) >= 4:
        body = found[4:]
        if int.from_bytes(found[:4], "little") == zlib.crc32(body):
            return body
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    deflated = packer.compress(data) + packer.flush()
    if kept is not None:
        kept.write(key, zlib.crc32(deflated).to_bytes(4, "little") + deflated)
    return deflated


def _write_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, kept: Cache | None) -> None:
    """Write ``data`` as ``archive.writestr(info, data, compresslevel=LEVEL)`` would, byte for byte, but with its
    deflated bytes from ``_deflated``. zipfile has no public call for an entry compressed beforehand, so this
    does what its ``_open_to_write`` and ``_ZipWriteFile.close`` do for a seekable, non-ZIP64 entry;
    tests/test_offline_zip.py checks the bytes against ``writestr``'s, so a Python that changes them fails there."""
    if len(data) * 1.05 > zipfile.ZIP64_LIMIT:
        archive.writestr(info, data, compresslevel=LEVEL)  # never a page or a PDF; zipfile knows ZIP64
        return
    deflated = _deflated(data, kept)
    info.flag_bits = 0
    info.file_size, info.compress_size, info.CRC = len(data), len(deflated), zlib.crc32(data)
    archive.fp.seek(archive.start_dir)
    info.header_offset = archive.fp.tell()
    archive._writecheck(info)
    archive._didModify = True
    archive.fp.write(info.FileHeader(False))
    archive.fp.write(deflated)
    archive.start_dir = archive.fp.tell()
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info


def write_deterministic_zip(
    folder: Path,
    target: Path,
    prefix: str,
    timestamp: tuple[int, ...],
    progress: Progress = quiet,
    kept: Cache | None = None,
) -> Path:
    """Zip every file under folder as ``prefix/<relative path>``, in sorted order, with fixed metadata
    (the sitemap and any offline zip left out); entries deflated before are taken from ``kept``."""
    files = sorted(
        (path for path in folder.rglob("*") if _bundled(folder, path)),
        key=lambda path: path.relative_to(folder).as_posix(),
    )
    with writing(target) as partial, zipfile.ZipFile(partial, "w") as archive:
        for path in counted(progress, f"zip {target.name}", files, len(files)):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it, so the permission bits below mean the same
            info.external_attr = 0o100644 << 16
            _write_entry(archive, info, _entry_bytes(path), kept)
    return target


def serve_from_site(archive: Path, site: Path) -> None:
    """The zip into site/downloads/ (an older edition's zip removed), its size into the pages offering it:
    the home and Downloads pages, at the top of the site (render/templates/offline-note.md.jinja)."""
    target = site / "downloads" / archive.name
    copy_if_changed(archive, target)
    for stale in target.parent.glob("*-offline.zip"):
        if stale != target:
            stale.unlink()
    size = size_label(archive.stat().st_size)
    for page in sorted(site.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if ZIP_SIZE.search(html):
            write_if_changed(page, ZIP_SIZE.sub(lambda match: match.group(1) + size + match.group(2), html))


def build_offline_bundle(config: BuildConfig, edition_meta: EditionMeta, progress: Progress = quiet) -> Path:
    """Zip the built site to dist/<slug>-offline.zip, then serve it from the site."""
    target = dist_dir(config) / offline_zip_name(edition_meta)
    prefix = f"{edition_slug(edition_meta)}-offline"
    write_deterministic_zip(config.site, target, prefix, zip_timestamp(edition_meta), progress, zip_cache(config))
    serve_from_site(target, config.site)
    return target
