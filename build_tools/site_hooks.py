"""MkDocs hooks.

- on_config: take the navigation the pipeline generated (docs/.nav.yml), so mkdocs.yml stays hand-written.
- on_page_content: resolve links written in raw HTML (SVG markers, which Markdown never sees) as
  ``href="@/plans/x/part-01.md#a"``: each becomes the right relative URL for this build, with or
  without directory URLs (online site or file:// bundle); a target that does not exist is a warning,
  so --strict fails on it like on any broken Markdown link.
- on_page_content, before that: keep what is meant for this build only. A ``<div class="build-online">``
  (the offline zip's download link: a bundle never holds itself) is left out of the offline bundle, a
  ``<div class="build-offline">`` (you are reading the bundle; the online address) out of the online
  site. ``extra.offline_bundle`` in mkdocs.offline.yml says which build this is. Such a div holds no div.
- on_page_content also fills in file sizes: ``<span class="file-size" data-file="downloads/x.pdf"></span>``
  (render/templates/file-size.html.jinja) gets the size of docs/downloads/x.pdf, so pages are written
  before the PDFs exist; a missing file is a warning, so --strict fails on it.
- on_post_page: put a page's citation meta tags (front matter ``citation_meta``, made by
  build_tools/present/citation.py) into its <head>, where reference managers look for them.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).parent / "render" / "templates"
log = logging.getLogger("mkdocs.hooks.edition")
_TEMPLATES = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
SITE_LINK = re.compile(r'href="@/([^"#]+)(#[^"]*)?"')
FILE_SIZE = re.compile(r'<span class="file-size" data-file="([^"]+)"></span>')


def size_label(size: int) -> str:
    """``1.4 MB``, ``293 KB``."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"

BUILD_ONLY = {
    build: re.compile(rf'<div class="build-{build}(?: [^"]*)?"[^>]*>.*?</div>\n?', re.DOTALL)
    for build in ("online", "offline")
}


def on_config(config):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.is_file():
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config


def on_page_content(html, page, config, files):
    other = "online" if config["extra"].get("offline_bundle") else "offline"
    html = BUILD_ONLY[other].sub("", html)

    def resolve(match: re.Match[str]) -> str:
        target = files.get_file_from_path(match.group(1))
        if target is None:
            log.warning("Doc file '%s' links to '@/%s', which is not a page", page.file.src_uri, match.group(1))
            return match.group(0)
        return f'href="{target.url_relative_to(page.file)}{match.group(2) or ""}"'

    def size(match: re.Match[str]) -> str:
        path = Path(config["docs_dir"]) / match.group(1)
        if not path.is_file():
            log.warning("Doc file '%s' gives the size of '%s', which does not exist", page.file.src_uri, match.group(1))
            return match.group(0)
        return f'<span class="file-size">{size_label(path.stat().st_size)}</span>'

    return FILE_SIZE.sub(size, SITE_LINK.sub(resolve, html))


def on_post_page(output, page, config):
    tags = page.meta.get("citation_meta")
    if not tags:
        return output
    head = _TEMPLATES.get_template("citation-meta.html.jinja").render(tags=tags)
    return output.replace("</head>", head + "</head>", 1)
