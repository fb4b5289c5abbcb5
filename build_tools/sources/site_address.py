"""The published address of the site: ``site_url`` in mkdocs.yml, read once for citations and links.

MkDocs uses the same key for canonical links and the sitemap, so there is one place to set it.
``!ENV [SITE_URL, default]`` is understood as MkDocs understands it: an environment variable wins.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from build_tools.core.errors import InputError
from build_tools.sources.inside import line_of

# An address MkDocs prints raw into every page's <link rel="canonical"> and the sitemap: no quote, angle
# bracket, backslash, backtick, space or control character may pass, or it would close the attribute.
ADDRESS = re.compile(r"https?://[^\s\"'<>\\`{}|^\x00-\x1f\x7f]+\Z")


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, as far as site_url needs: python tags ignored, !ENV resolved."""

    from_environment: str = ""
    """The environment variable an ``!ENV`` value was taken from, named when that value is refused."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else [None]
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            loader.from_environment = str(name)  # type: ignore[attr-defined]
            return os.environ[str(name)]
    return default


_MkdocsLoader.add_constructor("!ENV", _env)
_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_site_url(mkdocs_config: Path) -> str:
    """The site's address ending in ``/`` (``""`` when mkdocs.yml sets none; citations then carry paths)."""
    text = mkdocs_config.read_text(encoding="utf-8")
    loader = _MkdocsLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    value = (data or {}).get("site_url") or "" if isinstance(data, dict) else ""
    if not isinstance(value, str) or (value and not ADDRESS.match(value)):
        origin = f"the environment variable {loader.from_environment}" if loader.from_environment else "site_url"
        shown = value if isinstance(value, str) else str(value)
        raise InputError(
            mkdocs_config,
            f"{origin} must be an http(s) address without spaces, quotes, angle brackets or control characters,"
            f" not {shown!r}",
            line_of(text, "site_url:"),
        )
    return value if not value or value.endswith("/") else value + "/"
