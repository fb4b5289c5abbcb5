"""Helpers that read a built site as a browser would: pages, ids, links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts_src: list[str] = []
        self.inline_script_bodies = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "link" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "script":
            self._in_script = True
            if attributes.get("src"):
                self.scripts_src.append(attributes["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link (file and anchor) that leads nowhere. Fails when it finds no link to check at all: an
    empty or unparsed site must not pass as one without broken links."""
    # 404.html is served at any depth, so the theme gives it absolute links: not checked here.
    pages = {path.resolve(): scan(path) for path in site.rglob("*.html")}
    broken = []
    checked = 0
    for page, parsed in pages.items():
        if page.name == "404.html" and page.parent == site.resolve():
            continue
        for href in parsed.links:
            resolved = resolve(page, href, site)
            if resolved is None:
                continue
            checked += 1
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no such anchor)")
    assert checked > len(pages), f"only {checked} internal links in {len(pages)} pages under {site}: nothing checked"
    return broken


LIMIT = 300_000
"""Bytes: 300 KB counted in thousands, the stricter reading of the issue's bound."""


def oversized(site: Path) -> dict[str, int]:
    """Page (site-relative path) -> its size, for every HTML page over the bound."""
    return {
        page.relative_to(site).as_posix(): page.stat().st_size
        for page in site.rglob("*.html")
        if page.stat().st_size > LIMIT
    }
