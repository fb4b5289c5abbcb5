"""The published address of the site: ``site_url`` in mkdocs.yml, read once for citations and links.

MkDocs uses the same key for canonical links and the sitemap, so there is one place to set it.
``!ENV [SITE_URL, default]`` is understood as MkDocs understands it: an environment variable wins.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from build_tools.errors import InputError


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, as far as site_url needs: python tags ignored, !ENV resolved."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_MkdocsLoader.add_constructor("!ENV", _env)
_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_site_url(mkdocs_config: Path) -> str:
    """The site's address ending in ``/`` (``""`` when mkdocs.yml sets none; citations then carry paths)."""
    data = yaml.load(mkdocs_config.read_text(encoding="utf-8"), Loader=_MkdocsLoader)
    value = (data or {}).get("site_url") or ""
    if not isinstance(value, str) or (value and not value.startswith(("http://", "https://"))):
        raise InputError(mkdocs_config, f"site_url must be an http(s) address, not {value!r}")
    return value if not value or value.endswith("/") else value + "/"
