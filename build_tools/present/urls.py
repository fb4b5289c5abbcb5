"""Every address the site and the PDFs print, built from docs/-relative page paths.

A page is named by its path under docs/ (``plans/x/part-01.md``), as MkDocs names it. From that:

- a Markdown link between two pages is the relative path (``relative("topics/a.md", "plans/x/index.md")``
  is ``../plans/x/index.md``); MkDocs checks and rewrites it for directory or file URLs;
- a link inside raw HTML (which Markdown never sees) is ``@/`` + the path, resolved per page by
  ``build_tools/site/hooks.py``;
- a printed address (citations, PDFs) is ``site_url`` + the page's file URL (``plans/x/part-01.html``),
  or the bare file URL when no ``site_url`` is set. The site is built with ``use_directory_urls: false``
  (one build serves the web and the file:// bundle), so the printed address is the very URL MkDocs
  writes, and the same paragraph address opens on any web server and in the unzipped bundle.
"""

from __future__ import annotations

import posixpath

from build_tools.model import Edition, Part
from build_tools.present.paging import part_page_count, part_page_number, part_page_slug

SITE_LINK = "@/"
"""Prefix of a raw-HTML link to a docs/ path (build_tools/site/hooks.py resolves it)."""
DOWNLOADS = "downloads"
"""Folder of the PDFs under docs/ (MkDocs copies it into the site, and link checking sees it)."""
DATA = "data"
"""Folder of the data export under docs/."""


def plan_page(plan_id: str) -> str:
    return f"plans/{plan_id}/index.md"


def part_page(plan_id: str, slug: str) -> str:
    return f"plans/{plan_id}/{slug}.md"


def received_text(plan_id: str) -> str:
    """The received text offered as received (its bytes unchanged), beside the plan's overview."""
    return f"plans/{plan_id}/{plan_id}-received.txt"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def download_path(name: str) -> str:
    return f"{DOWNLOADS}/{name}"


def data_path(name: str) -> str:
    return f"{DATA}/{name}"


def page_url(path: str) -> str:
    """The URL of a docs/ file, as MkDocs writes it with ``use_directory_urls: false``:
    ``plans/x/part-01.md`` -> ``plans/x/part-01.html``, ``plans/x/index.md`` -> ``plans/x/index.html``;
    any other file keeps its name."""
    return path.removesuffix(".md") + ".html" if path.endswith(".md") else path


def relative(from_page: str, to_path: str) -> str:
    """A link written in ``from_page`` (a docs/ path) to ``to_path`` (a docs/ path), as Markdown wants it."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def with_anchor(path: str, anchor: str) -> str:
    return f"{path}#{anchor}" if anchor else path


def absolute(site_url: str, path: str, anchor: str = "") -> str:
    """The printed address of a docs/ path: ``site_url`` (ending in ``/``, or ``""``) + its file URL."""
    return with_anchor(site_url + page_url(path), anchor)


def block_page_slug(edition: Edition, block_id: str) -> str:
    """The file stem of the page a block is on: its part's (``part-02``), or beyond the part's first page, in a part
    longer than ``part_page_blocks``, a continuation page's (``part-02-3``). The one place that decides it: pages,
    citations, the search, the exports and the redirect of moved anchors all ask here."""
    position, blocks = edition.part_positions[block_id]
    number = part_page_number(position, blocks, edition.meta.part_page_blocks)
    return part_page_slug(edition.block_parts[block_id], number)


def part_page_paths(edition: Edition, plan_id: str, part: Part) -> tuple[str, ...]:
    """The docs/ paths of the pages a part is printed on: its own, then its continuation pages, in order."""
    count = part_page_count(len(part.block_ids), edition.meta.part_page_blocks)
    return tuple(part_page(plan_id, part_page_slug(part.slug, number)) for number in range(1, count + 1))


def block_path(edition: Edition, block_id: str) -> str:
    """The docs/ path of the page a block is on."""
    return part_page(block_id.split("/", 1)[0], block_page_slug(edition, block_id))


def block_link(edition: Edition, block_id: str, from_page: str) -> str:
    """A Markdown link from ``from_page`` to a block (its page and anchor)."""
    return with_anchor(relative(from_page, block_path(edition, block_id)), edition.block(block_id).anchor)


def block_site_link(edition: Edition, block_id: str) -> str:
    """A raw-HTML link to a block (``@/plans/x/part-02.md#s2-1-p3``), resolved by the MkDocs hook."""
    return with_anchor(SITE_LINK + block_path(edition, block_id), edition.block(block_id).anchor)


def site_link(path: str, anchor: str = "") -> str:
    """A raw-HTML link to any docs/ path."""
    return with_anchor(SITE_LINK + path, anchor)


def block_address(edition: Edition, block_id: str, site_url: str | None = None) -> str:
    """The printed address of a block: ``site_url`` (the edition's unless given) + its page + ``#anchor``."""
    base = edition.site_url if site_url is None else site_url
    return absolute(base, block_path(edition, block_id), edition.block(block_id).anchor)
