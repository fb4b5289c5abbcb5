"""MkDocs hooks.

- on_config: take the navigation the pipeline generated (docs/.nav.yml), so mkdocs.yml stays hand-written.
- on_page_content: resolve links written in raw HTML (SVG markers, which Markdown never sees) as
  ``href="@/plans/x/part-01.md#a"``: each becomes the right relative URL for this build, with or
  without directory URLs (online site or file:// bundle); a target that does not exist is a warning,
  so --strict fails on it like on any broken Markdown link.
- The offline zip is made from this very site after MkDocs (build_tools/site/offline.py), so it is not
  among MkDocs' files: a link to it (``MADE_AFTER``) is resolved by path, and its size placeholder is left
  for offline.py to fill in. (The online and offline notes, ``build-online``/``build-offline`` divs, are both
  kept; the browser shows the one for where the page is read: edition.css and theme/main.html.)
- on_page_content also fills in file sizes: ``<span class="file-size" data-file="downloads/x.pdf"></span>``
  (render/templates/file-size.html.jinja) gets the size of docs/downloads/x.pdf, so pages are written
  before the PDFs exist; a missing file is a warning, so --strict fails on it.
- on_page_markdown / on_page_content: raw HTML blocks pass through Markdown untouched. Most of a
  generated page is raw HTML (paragraph blocks, tables) that Python-Markdown would only copy, after
  parsing it twice with HTMLParser (md_in_html's block finder and MkDocs' anchor scan): 60 % of MkDocs'
  time at 100 plans. Each such block (see ``_is_raw_block``) is swapped for a comment before Markdown runs
  and put back after; its ids are added to the page's anchors, so links to them are still validated.
- on_nav / on_env: the theme override (build_tools/site/theme/main.html) renders the navigation of pages
  outside it once per folder; these give it the key and the cache. on_env also gives the navigation and contents
  partials (build_tools/site/theme/partials/) the split of a bilingual title into its English runs.
- on_files / on_post_build: with ``EDITION_MKDOCS_SHARD`` set, this process builds only its share of
  the pages (build_tools/site/mkdocs_shard.py, run by build_tools/site/mkdocs_build.py).
- on_page_content / on_page_context / on_post_page: a page's HTML waits compressed between being read
  and being written (MkDocs reads all pages before writing any: at 500 plans, a gigabyte a process).
- on_post_page: put a page's citation meta tags (front matter ``citation_meta``, made by
  build_tools/present/citation.py) into its <head>, where reference managers look for them.
"""

from __future__ import annotations

import logging
import posixpath
import re
import sys
import zlib
from html import unescape
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader
from markdown.util import BLOCK_LEVEL_ELEMENTS

PROJECT = Path(__file__).resolve().parents[2]
if str(PROJECT) not in sys.path:  # MkDocs loads this file by path
    sys.path.insert(0, str(PROJECT))
from build_tools.core import lang_runs  # noqa: E402
from build_tools.site import mkdocs_shard  # noqa: E402

TEMPLATES = Path(__file__).parent.parent / "render" / "templates"
log = logging.getLogger("mkdocs.hooks.edition")
_TEMPLATES = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
SITE_LINK = re.compile(r'href="@/([^"#]+)(#[^"]*)?"')
FILE_SIZE = re.compile(r'<span class="file-size" data-file="([^"]+)"></span>')


def size_label(size: int) -> str:
    """``1.4 MB``, ``293 KB``."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"

MADE_AFTER = re.compile(r"downloads/[^/]+-offline\.zip")
"""The offline bundle: zipped from the built site, then added to site/downloads/ (site/offline.py)."""


RAW_OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
MARKDOWN_ATTRIBUTE = re.compile(r"<[a-z][^>]*\smarkdown(?:[\s=>])")
ANCHOR_ID = re.compile(r"<[a-z][^>]*?\sid=\"([^\"]*)\"")
SET_ASIDE = "<!--edition-content-set-aside-->"
_set_aside_pages: dict[str, bytes] = {}
RAW_MARK = re.compile(r"<!--edition-raw:(\d+)-->")
_raw_blocks: dict[str, list[str]] = {}


def _is_raw_block(lines: list[str]) -> bool:
    """A Markdown block Python-Markdown would pass through verbatim: it opens with a block-level tag at the
    start of its first line, closes that tag on its last line as often as it opened it, and holds no
    ``markdown`` attribute (md_in_html would parse inside it)."""
    opening = RAW_OPENING.match(lines[0])
    if not opening or opening.group(1) not in BLOCK_LEVEL_ELEMENTS:
        return False
    text, tag = "\n".join(lines), opening.group(1)
    if not lines[-1].rstrip().endswith(f"</{tag}>") or MARKDOWN_ATTRIBUTE.search(text):
        return False
    return len(re.findall(rf"<{tag}[\s>]", text)) == text.count(f"</{tag}>")


def on_page_markdown(markdown, page, config, files):
    blocks: list[str] = []
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk and _is_raw_block(chunk) and (not out or out[-1] == ""):
            out.append(f"<!--edition-raw:{len(blocks)}-->")
            blocks.append("\n".join(chunk))
        else:
            out.extend(chunk)
        chunk.clear()

    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if line.strip() or fenced:
            chunk.append(line)
            continue
        flush()
        out.append(line)
    flush()
    _raw_blocks[page.file.src_uri] = blocks
    return "\n".join(out)


def _restore_raw_blocks(content, page):
    blocks = _raw_blocks.pop(page.file.src_uri, [])
    if blocks and page.present_anchor_ids is not None:
        page.present_anchor_ids |= {unescape(found) for block in blocks for found in ANCHOR_ID.findall(block)}
    return RAW_MARK.sub(lambda match: blocks[int(match.group(1))], content)


_nav_urls: dict[str, str] = {}
"""src_uri -> URL of every page in the navigation."""
_nav_cache: dict[str | None, str] = {}


def on_nav(nav, config, files):
    _nav_urls.clear()
    _nav_urls.update((page.file.src_uri, page.url) for page in nav.pages)
    _nav_cache.clear()
    return nav


def _nav_key(page) -> str | None:
    """The folder holding the page's URL: siblings there get the same relative links to every page of the
    navigation, so they share its rendering. None (render afresh) for the 404 page, a page in the
    navigation (it marks itself active) and a page with navigation pages under its own URL (its links
    to them are shorter than a sibling's)."""
    if page is None or page.file.src_uri in _nav_urls:
        return None
    if page.url.endswith("/") and any(url.startswith(page.url) for url in _nav_urls.values()):
        return None
    return posixpath.dirname(page.url.rstrip("/"))


BLANK_LINES = re.compile(r"[ \t]*\n\s*")


def _remember_nav(key: str | None, rendered: str) -> None:
    """Keep it for the siblings; under None, only for this page (the template prints it from here). Material's
    partials indent and space out every item: each run of whitespace holding a line break becomes that one line
    break (the navigation holds no <pre>, so it reads the same), 40 % of the navigation's bytes on every page."""
    _nav_cache[key] = BLANK_LINES.sub("\n", rendered)


def _title_runs(title: str) -> tuple[tuple[str, bool], ...]:
    """A navigation or contents title (HTML-escaped text, as MkDocs hands it over) cut into its English runs, each
    piece as text again: the theme's partials escape each piece, so a cut never falls inside an entity."""
    return lang_runs.english_runs(unescape(str(title)))


def on_env(env, config, files):
    env.globals.update(edition_nav_key=_nav_key, edition_nav_cache=_nav_cache, edition_nav_remember=_remember_nav)
    env.globals.update(edition_english_runs=_title_runs)
    return env


_shard = mkdocs_shard.from_environment()
if _shard:
    _shard.install()


def on_files(files, config):
    return _shard.on_files(files) if _shard else files


def on_post_build(config):
    if _shard:
        _shard.on_post_build()


def on_config(config):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.is_file():
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config


def on_page_content(html, page, config, files):
    html = _restore_raw_blocks(html, page)

    def resolve(match: re.Match[str]) -> str:
        target = files.get_file_from_path(match.group(1))
        if target is None and MADE_AFTER.fullmatch(match.group(1)):
            folder = posixpath.dirname(page.file.url)
            return f'href="{posixpath.relpath(match.group(1), folder or ".")}{match.group(2) or ""}"'
        if target is None:
            log.warning("Doc file '%s' links to '@/%s', which is not a page", page.file.src_uri, match.group(1))
            return match.group(0)
        return f'href="{target.url_relative_to(page.file)}{match.group(2) or ""}"'

    def size(match: re.Match[str]) -> str:
        path = Path(config["docs_dir"]) / match.group(1)
        if MADE_AFTER.fullmatch(match.group(1)):
            return match.group(0)
        if not path.is_file():
            log.warning("Doc file '%s' gives the size of '%s', which does not exist", page.file.src_uri, match.group(1))
            return match.group(0)
        return f'<span class="file-size">{size_label(path.stat().st_size)}</span>'

    return _set_aside(page, FILE_SIZE.sub(size, SITE_LINK.sub(resolve, html)))


def _set_aside(page, html: str) -> str:
    """MkDocs holds every page's HTML from reading it until all are written: gigabytes at hundreds of plans.
    Kept compressed until the page is written (on_page_context); only a token stands in page.content."""
    _set_aside_pages[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
    return SET_ASIDE


def on_page_context(context, page, config, nav):
    packed = _set_aside_pages.pop(page.file.src_uri, None)
    if packed is not None and page.content == SET_ASIDE:
        page.content = zlib.decompress(packed).decode("utf-8")
    return context


def on_post_page(output, page, config):
    page.content = SET_ASIDE  # written: no longer needed
    tags = page.meta.get("citation_meta")
    if not tags:
        return output
    head = _TEMPLATES.get_template("citation-meta.html.jinja").render(tags=tags)
    return output.replace("</head>", head + "</head>", 1)
