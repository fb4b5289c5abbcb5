"""The offline bundle, read as a reader would: unzipped, opened from file:// in Chromium, no network.

One MkDocs build makes both the site and the bundle (the site zipped), so the online site is read here too:
served over HTTP, it offers the zip; opened from file://, the same pages say they are the bundle.

The browser test needs Debian's chromium (CI installs it); without it the test is skipped, saying why, and fails in CI.
"""

from __future__ import annotations

import hashlib
import re
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.pipeline import GenerateResult, build
from build_tools.present.downloads import offline_zip_name
from build_tools.site.hooks import size_label
from build_tools.site.offline import dist_dir, write_deterministic_zip
from tests.conftest import sandbox_config
from tests.search_ui import SearchDialog
from tests.site_checks import broken_links, oversized, scan

pytestmark = pytest.mark.build

# Schemes that never leave the machine; anything else is an outside request.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[BuildConfig, GenerateResult]:
    """The real edition built as `build --no-pdf --offline` does: the site, then the bundle zipped from it."""
    config = sandbox_config(tmp_path_factory.mktemp("offline"), ROOT / "source_texts")
    return config, build(config, offline=True)


@pytest.fixture(scope="module")
def bundle(built) -> tuple[Path, Path, Path]:
    """(zip, unzipped root holding index.html, the site it was made from)."""
    config, result = built
    archive = dist_dir(config) / offline_zip_name(result.edition.meta)
    unpacked = config.site.parent / "unzipped"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(unpacked)
    (root,) = unpacked.iterdir()  # one top folder, so unzipping never spills files
    return archive, root, config.site


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's python tags (slugify) as nothing: only the plugin settings are compared."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_TolerantLoader.add_constructor("!ENV", lambda loader, node: None)  # site_url: !ENV [SITE_URL, default]


def plugins(config: dict) -> dict:
    """Plugin name -> its settings, from either form MkDocs accepts (a list or a mapping)."""
    entries = config["plugins"]
    if isinstance(entries, dict):
        return entries
    named = (entry if isinstance(entry, dict) else {entry: None} for entry in entries)
    return {name: settings for entry in named for name, settings in entry.items()}


def test_one_config_builds_the_site_and_the_bundle_with_the_sites_own_search():
    """One MkDocs configuration, with file URLs (they work on a server and under file://), Material's search
    plugin off (MkDocs adds it when `plugins` is missing) and the site's search script: one search engine."""
    site = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    assert sorted(path.name for path in ROOT.glob("mkdocs*.yml")) == ["mkdocs.yml"]
    assert site["use_directory_urls"] is False
    assert plugins(site) == {}
    assert any(script.startswith("assets/javascripts/search.js") for script in site["extra_javascript"])


def test_bundle_is_named_after_the_edition_and_holds_the_site(bundle):
    archive, root, _ = bundle
    assert archive.name == "chinese-equipment-manufacturing-plans-2026-11-25-offline.zip"
    assert root.name == archive.stem
    for name in ("index.html", "search/index.js", "search/p/0.js", "search/d/0.js", "assets/javascripts/search.js"):
        assert (root / name).is_file(), name
    assert not (root / "sitemap.xml").exists()


def test_zip_is_deterministic(bundle, tmp_path):
    archive, _, site = bundle
    again = write_deterministic_zip(site, tmp_path / "again.zip", archive.stem, (2026, 11, 25, 0, 0, 0))
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(archive.read_bytes()).digest()
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in opened.infolist()} == {(2026, 11, 25, 0, 0, 0)}


def test_online_site_serves_the_bundle_and_links_it_with_its_size(built, bundle):
    """Readers download the zip from the online site (home and Downloads, size given); the link is checked."""
    config, result = built
    archive = bundle[0]
    served = config.site / "downloads" / archive.name
    assert served.read_bytes() == archive.read_bytes()
    size = size_label(archive.stat().st_size)
    assert size.endswith("MB") and size in (config.site / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "downloads.html"):
        assert f"downloads/{archive.name}" in scan(config.site / page).links, page
        assert size in (config.site / page).read_text(encoding="utf-8"), page
    assert broken_links(config.site) == []


def _online_note_links(html: str) -> set[str]:
    """The links inside the pages' online notes (build-online divs, which hold no div)."""
    notes = re.findall(r'<div class="build-online[^"]*">.*?</div>', html, re.DOTALL)
    return {link for note in notes for link in re.findall(r'href="([^"]+)"', note)}


def test_bundle_says_it_is_the_bundle_and_points_online_not_to_itself(bundle, built):
    """Inside the bundle a link to the zip would point at itself: the pages say what you are reading instead."""
    archive, root, _ = bundle
    site_url = built[1].edition.site_url
    assert site_url.startswith("https://")
    for page in ("index.html", "downloads.html"):
        html = (root / page).read_text(encoding="utf-8")
        assert "You are reading the offline edition" in html
        assert site_url in scan(root / page).links
        # The download link is kept only in the online note, which the browser hides under file://.
        assert _online_note_links(html) == {f"downloads/{archive.name}"}
        assert f'data-file="downloads/{archive.name}"></span>' in html  # its size is only online
    with zipfile.ZipFile(archive) as opened:
        assert not [name for name in opened.namelist() if name.endswith(".zip")]
        pages = [name for name in opened.namelist() if name.endswith(".html")]
        holding = {name.split("/", 1)[1] for name in pages if archive.name.encode() in opened.read(name)}
        assert holding == {"index.html", "downloads.html"}


def test_every_page_loads_only_local_files_by_file_name(bundle, built):
    """Under file:// a link to a folder opens nothing, and an absolute URL needs a network.

    One absolute link is meant: the online edition's address on the home and Downloads pages, to leave the bundle.
    The canonical link names the page's published address and is never fetched (the browser tests below
    abort and count any request leaving file://); the zip's download link sits in the online note, hidden here.
    """
    _, root, _ = bundle
    online = built[1].edition.site_url
    problems = []
    local = 0
    # 404.html is served by a web server at any depth, so the theme gives it absolute links; file:// never shows it.
    pages = sorted(set(root.rglob("*.html")) - {root / "404.html"})
    for page in pages:
        parsed = scan(page)
        html = page.read_text(encoding="utf-8")
        meant = set(re.findall(r'<link rel="canonical" href="([^"]+)"', html)) | _online_note_links(html)
        for href in parsed.links + parsed.scripts_src:
            parts = urlsplit(href)
            if href == online and page.name in ("index.html", "downloads.html") and page.parent == root:
                continue
            if href in meant:
                assert not href.startswith("http") or href.startswith(online), href
                continue
            if parts.scheme in ("http", "https") or href.startswith("//"):
                problems.append(f"{page.relative_to(root)}: absolute {href}")
            elif not parts.scheme and parts.path:
                local += 1
                if not (page.parent / unquote(parts.path)).is_file():
                    problems.append(f"{page.relative_to(root)}: {href} is not a file")
    assert problems == []
    assert local > len(pages) > 100  # links were found and checked: every page has several


# ---------------------------------------------------------------------------------------- in a browser


class Reader:
    """A browser tab that aborts and records every request leaving file://, and records console errors."""

    def __init__(self, browser) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def fragment_target(self) -> str:
        """Tag and classes of the element the URL fragment names, ``""`` when there is none."""
        return self.page.evaluate(
            "() => { const e = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
            " return e ? e.tagName + ' ' + e.className : ''; }"
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser, bundle):
    opened = Reader(browser)
    opened.page.goto((bundle[1] / "index.html").as_uri())
    yield opened
    opened.close()
    assert opened.outside == [], "requests left file://"
    assert opened.errors == [], "console errors"


def test_home_page_opens_from_file_and_links_to_a_plan(reader):
    page = reader.page
    assert "装备制造业" in page.title()
    page.locator("article a[href$='plans/henan-equipment-2017/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("plans/henan-equipment-2017/index.html")
    page.locator("article a[href$='part-02.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("plans/henan-equipment-2017/part-02.html")
    assert page.locator(".blk").count() > 5


def test_bundle_pages_show_the_offline_note_not_the_download(reader, bundle):
    """Under file:// the page says it is the offline edition and offers no download of itself."""
    page = reader.page
    for name in ("index.html", "downloads.html"):
        page.goto((bundle[1] / name).as_uri())
        offline = page.locator(".build-offline").first
        assert offline.is_visible() and "You are reading the offline edition" in offline.text_content(), name
        assert page.locator(".build-online").count() and not page.locator(".build-online").first.is_visible(), name


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
        pass


@pytest.fixture(scope="module")
def served(built):
    """The built site over HTTP, as readers of the online edition get it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built[0].site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


@pytest.mark.parametrize("javascript", [True, False])
def test_online_pages_offer_the_download_and_hide_the_offline_note(browser, served, bundle, javascript):
    """Online (and without JavaScript, the default) the download is shown with its size; the zip it links is there."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        for name in ("index.html", "downloads.html"):
            page.goto(served + name)
            online = page.locator(".build-online").first
            assert online.is_visible() and "MB" in online.text_content(), name
            assert not page.locator(".build-offline").first.is_visible(), name
        download = page.locator(f".build-online a[href$='{bundle[0].name}']").first
        response = page.request.get(served + "downloads/" + bundle[0].name)
        assert download.is_visible() and response.ok and response.body() == bundle[0].read_bytes()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("数控机床", "topics/cnc-machine-tools.html"),
        ("數控機床", "topics/cnc-machine-tools.html"),  # Traditional, converted to the Simplified index
        ("machine tools", "glossary.html#g-machine-tool"),
        ("industrial robots", "glossary.html#g-industrial-robot"),  # an inflected English form
        ("robots", "topics/robots.html"),
    ],
)
def test_search_finds_and_opens_a_paragraph(reader, query, best):
    """The index loads from file:// (script elements, no fetch), the best answer comes in the top 3,
    and a paragraph result opens its page at the paragraph."""
    results = SearchDialog(reader.page).search(query)
    assert any(result.href.endswith(best) for result in results[:3]), [result.href for result in results[:5]]
    href = next(result.href for result in results if "/plans/" in result.href and "#" in result.href)
    reader.page.locator(f"a.es-result[href='{href}']").click()
    reader.page.wait_for_load_state("load")
    assert urlsplit(reader.page.url).path == urlsplit(href).path
    target = reader.fragment_target()
    assert target, f"{reader.page.url}: the fragment names no element"
    assert target.split()[0] in {"H1", "H2", "H3", "H4", "H5", "H6"} or "blk" in target.split()


def test_view_switch_choice_persists_across_reload_and_pages(reader, bundle):
    page = reader.page
    page.goto((bundle[1] / "plans" / "henan-equipment-2017" / "part-02.html").as_uri())
    first_zh = page.locator(".blk .col-zh").first
    assert first_zh.is_visible()
    page.locator(".view-switch button[data-view='en']").first.click()
    assert not first_zh.is_visible()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.view") == "en"
    assert page.locator(".view-switch button[data-view='en']").first.get_attribute("aria-pressed") == "true"
    assert not page.locator(".blk .col-zh").first.is_visible()
    assert page.locator(".blk .col-en").first.is_visible()
    page.goto((bundle[1] / "plans" / "henan-equipment-2017" / "part-03.html").as_uri())
    assert page.evaluate("document.documentElement.dataset.view") == "en"


def test_across_pages_work_from_file(reader, bundle):
    """A comparison page opens from file:// and its paragraph links land on the paragraph; the vocabulary
    page and the heat map are there."""
    page = reader.page
    page.goto((bundle[1] / "compare" / "henan-equipment-2017--china-machinery-2021.html").as_uri())
    page.locator("details.cmp-topic > summary").first.click()  # each topic folds: open the first
    link = page.locator(".cmp-side a.pid").first
    link.click()
    page.wait_for_load_state("load")
    target = reader.fragment_target()
    assert "/plans/" in page.url and ("blk" in target.split() or target.startswith("H")), target
    page.goto((bundle[1] / "vocabulary.html").as_uri())
    assert page.locator("tr[id]").count() > 100  # one row per entry; the charts are on the entries' pages
    page.locator("tr[id] th a").first.click()
    page.wait_for_load_state("load")
    assert "/vocabulary/" in page.url and page.locator("svg.vocab-chart").count() > 1
    page.goto((bundle[1] / "topics" / "matrix.html").as_uri())
    assert page.locator("svg.heatmap rect.cell").count() > 100


def test_bundle_pages_stay_small_and_cite_and_gloss_from_file(reader, bundle):
    """The bundle's pages keep the 300 KB bound (test_page_size), and a part page's script-made citations and
    glossary titles work from file:// as online."""
    assert oversized(bundle[1]) == {}
    page = reader.page
    page.goto((bundle[1] / "plans" / "henan-equipment-2017" / "part-02.html").as_uri())
    block = page.locator("#s2-1-2-p1")
    block.locator("details.cite > summary").click()
    english = block.locator(".cite-value[lang='en']").text_content()
    assert english.startswith("General Office of the People's Government of Henan Province, ")
    # the published address, then the reader's access date
    assert re.search(r"/plans/henan-equipment-2017/part-02.html#s2-1-2-p1, accessed \d{4}-\d{2}-\d{2}$", english)
    assert page.eval_on_selector_all(".blk a.gl", "links => links.filter(a => !a.title).length") == 0
    page.locator(".view-switch button[data-script='hant']").click()
    link = page.locator("#s2-2-1-p1 .t-hant a.gl[href$='glossary.html#g-cnc-machine-tool']")
    assert link.is_visible() and link.get_attribute("title") == "CNC machine tool"
