"""The offline HTML bundle: the site built a second time for file:// (mkdocs.offline.yml), zipped.

The zip is deterministic (sorted entries, one fixed timestamp, fixed permissions), so the same
edition gives the same bytes and a changed bundle means changed content.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from build_tools.config import BuildConfig
from build_tools.mkdocs_build import mkdocs_build
from build_tools.model import EditionMeta
from build_tools.present.downloads import edition_slug, offline_zip_name
from build_tools.progress import Progress, counted, quiet
from build_tools.write import writing

OFFLINE_CONFIG = "mkdocs.offline.yml"
LEFT_OUT = frozenset(
    {
        # Written with the build date, and nothing under file:// reads them: left out so the zip is reproducible.
        "sitemap.xml",
        "sitemap.xml.gz",
    }
)



def offline_site_dir(config: BuildConfig) -> Path:
    # Beside site/, never inside it: the two builds must not see each other's files.
    return config.site.parent / "build" / "offline-site"


def dist_dir(config: BuildConfig) -> Path:
    return config.site.parent / "dist"


def zip_timestamp(meta: EditionMeta) -> tuple[int, int, int, int, int, int]:
    """Every entry carries the edition date (zip has no time zone; midnight is as good as any)."""
    year, month, day = (int(piece) for piece in meta.edition_date.split("-"))
    return (year, month, day, 0, 0, 0)


def write_deterministic_zip(
    folder: Path, target: Path, prefix: str, timestamp: tuple[int, ...], progress: Progress = quiet
) -> Path:
    """Zip every file under folder as ``prefix/<relative path>``, in sorted order, with fixed metadata."""
    files = sorted(
        (path for path in folder.rglob("*") if path.is_file() and path.relative_to(folder).as_posix() not in LEFT_OUT),
        key=lambda path: path.relative_to(folder).as_posix(),
    )
    with writing(target) as partial, zipfile.ZipFile(partial, "w") as archive:
        for path in counted(progress, f"zip {target.name}", files, len(files)):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it, so the permission bits below mean the same
            info.external_attr = 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target


def build_offline_bundle(
    config: BuildConfig, edition_meta: EditionMeta, progress: Progress = quiet, clean: bool = False
) -> Path:
    """Build the file:// variant of the site (docs/ must be generated) and zip it to dist/<slug>-offline.zip."""
    site = offline_site_dir(config)
    offline_config = config.mkdocs_config.with_name(OFFLINE_CONFIG)
    mkdocs_build(config, progress, config_file=offline_config, site=site, clean=clean)
    target = dist_dir(config) / offline_zip_name(edition_meta)
    slug = f"{edition_slug(edition_meta)}-offline"
    return write_deterministic_zip(site, target, slug, zip_timestamp(edition_meta), progress)
