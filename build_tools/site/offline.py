"""The offline HTML bundle: the built site itself, zipped (one MkDocs build serves both: see mkdocs.yml).

The site links files by name (``use_directory_urls: false``), so it works from file:// as it is; the
pages carry both the online note (download the zip) and the offline one (you are reading it), and the
browser shows the right one (edition.css, theme/main.html). After zipping, the zip is added to the
site's downloads/ and its size written into the pages that offer it; the bundle never holds itself.

The zip is deterministic (sorted entries, one fixed timestamp, fixed permissions, the zip's own size
left out of its pages), so the same edition gives the same bytes and a changed bundle means changed content.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

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


def write_deterministic_zip(
    folder: Path, target: Path, prefix: str, timestamp: tuple[int, ...], progress: Progress = quiet
) -> Path:
    """Zip every file under folder as ``prefix/<relative path>``, in sorted order, with fixed metadata
    (the sitemap and any offline zip left out)."""
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
            archive.writestr(info, _entry_bytes(path), compresslevel=9)
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
    write_deterministic_zip(config.site, target, prefix, zip_timestamp(edition_meta), progress)
    serve_from_site(target, config.site)
    return target
