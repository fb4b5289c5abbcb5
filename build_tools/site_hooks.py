"""MkDocs hooks.

- on_config: take the navigation the pipeline generated (docs/.nav.yml), so mkdocs.yml stays hand-written.
- on_page_content: resolve links written in raw HTML (SVG markers, which Markdown never sees) as
  ``href="@/plans/x/part-01.md#a"``: each becomes the right relative URL for this build, with or
  without directory URLs (online site or file:// bundle); a target that does not exist is a warning,
  so --strict fails on it like on any broken Markdown link.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.edition")
SITE_LINK = re.compile(r'href="@/([^"#]+)(#[^"]*)?"')


def on_config(config):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.is_file():
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config


def on_page_content(html, page, config, files):
    def resolve(match: re.Match[str]) -> str:
        target = files.get_file_from_path(match.group(1))
        if target is None:
            log.warning("Doc file '%s' links to '@/%s', which is not a page", page.file.src_uri, match.group(1))
            return match.group(0)
        return f'href="{target.url_relative_to(page.file)}{match.group(2) or ""}"'

    return SITE_LINK.sub(resolve, html)
