"""What a rebuild may skip, decided from stamps written beside the site after each successful build.

Two decisions, both falling back to the full build whenever in doubt:

- ``pipeline_is_current``: every input the pipeline reads (sources, translations, glossary, topics,
  rules, its own code and templates, the MkDocs config, the software: build_tools/core/cache.py's one list,
  the options and ``SITE_URL``) hashes as it
  did at the last build, and nothing under ``docs/`` or the site was touched since: nothing to do.
- ``mkdocs_dirty_allowed``: only the contents of pages changed, so ``mkdocs build --dirty`` (which
  re-renders a page only when its Markdown is newer than its HTML) gives the same site as a clean
  build. Any change MkDocs spreads over every page (the navigation, the config, the hooks, the
  theme's version, a page added or removed) makes it a clean build.

The stamps are ``.build-state-<site>-*.json`` files beside the site folder (git-ignored); deleting
them, or ``build --clean``, forces a clean build.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from build_tools.core.cache import CODE, dependencies, digest_files, files_under, software
from build_tools.core.config import BuildConfig
from build_tools.core.write import write_if_changed


def state_file(site: Path, kind: str) -> Path:
    return site.parent / f".build-state-{site.name}-{kind}.json"


def read_state(site: Path, kind: str) -> dict:
    try:
        return json.loads(state_file(site, kind).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def write_state(site: Path, kind: str, state: dict) -> None:
    write_if_changed(state_file(site, kind), json.dumps(state, indent=1, sort_keys=True) + "\n")


def forget_state(site: Path) -> None:
    for kind in ("inputs", "mkdocs"):
        state_file(site, kind).unlink(missing_ok=True)


def input_digest(config: BuildConfig, options: Iterable[str]) -> str:
    """One hash of everything a build depends on (build_tools/core/cache.py), the way it was asked to run, and the
    site address."""
    found = dependencies(config)
    extra = [*options, f"SITE_URL={os.environ.get('SITE_URL', '')}", *found.paths, *software()]
    return digest_files([*found.code, *found.shared, *found.plans, *found.site], extra)


def listing(folders: Iterable[Path]) -> str:
    """A hash of every file's path, size and modification time under the folders: cheap, and changed by any write."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in files_under(folder):
            status = path.stat()
            digest.update(f"{path.as_posix()}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def pipeline_is_current(config: BuildConfig, inputs: str, outputs: Iterable[Path]) -> bool:
    state = read_state(config.site, "inputs")
    return bool(state) and state.get("inputs") == inputs and state.get("outputs") == listing(outputs)


def record_pipeline(config: BuildConfig, inputs: str, outputs: Iterable[Path]) -> None:
    write_state(config.site, "inputs", {"inputs": inputs, "outputs": listing(outputs)})


def site_wide_state(config_file: Path, docs: Path) -> str:
    """What every page MkDocs writes depends on, besides its own Markdown."""
    configs = [path for path in sorted(config_file.parent.glob("mkdocs*.yml"))]
    site = CODE / "site"
    wide = [*configs, docs / ".nav.yml", site / "hooks.py", site / "theme", CODE / "render" / "templates"]
    pages = [path.relative_to(docs).as_posix() for path in files_under(docs)]
    extra = [config_file.name, f"SITE_URL={os.environ.get('SITE_URL', '')}", *pages]
    extra += software()
    return digest_files((path for root in wide for path in files_under(root)), extra)


def _site_identity(site: Path) -> str:
    status = site.stat()
    return f"{status.st_dev}:{status.st_ino}"


def mkdocs_dirty_allowed(site: Path, wide: str) -> bool:
    """Whether the site on disk was built by us from the same site-wide inputs (then a dirty build is exact)."""
    state = read_state(site, "mkdocs")
    return site.is_dir() and bool(state) and state.get("wide") == wide and state.get("site") == _site_identity(site)


def record_mkdocs(site: Path, wide: str) -> None:
    write_state(site, "mkdocs", {"wide": wide, "site": _site_identity(site)})
