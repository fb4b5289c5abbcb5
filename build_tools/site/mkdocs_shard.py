"""One MkDocs process's share of a clean build, so that MkDocs uses every core (mkdocs_build.py runs the shares).

MkDocs renders pages one after another in one process; at hundreds of plans that is most of a build.
With ``EDITION_MKDOCS_SHARD=i/n`` in the environment, the hooks (site/hooks.py) install this: the
process reads every file and the navigation as usual, but converts and writes only its share of the
pages (balanced by Markdown size, the same split in every process). Share 0 also copies the static
files and writes the theme's own pages (404, sitemap); the others write only their pages, each into
its own folder, which mkdocs_build.py then moves into share 0's.

A page can link to an anchor on a page of another share, which this process never converts, so MkDocs
cannot check it. Each share reports the anchors of its pages and such links in a JSON file
(``EDITION_MKDOCS_SHARD_REPORT``); ``unresolved_anchor_links`` checks them across all shares, with
MkDocs' own wording.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SHARD_VARIABLE = "EDITION_MKDOCS_SHARD"
REPORT_VARIABLE = "EDITION_MKDOCS_SHARD_REPORT"


def shares(sizes: dict[str, int], count: int) -> list[set[str]]:
    """Pages (src_uri -> size) split into ``count`` shares of about equal size: largest first, each to the
    lightest share so far (ties by name, so every process computes the same split)."""
    loads = [0] * count
    split: list[set[str]] = [set() for _ in range(count)]
    for name, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        lightest = min(range(count), key=lambda index: (loads[index], index))
        split[lightest].add(name)
        loads[lightest] += size + 1
    return split


class Shard:
    """This process's share: installed into MkDocs' build module before the build starts."""

    def __init__(self, setting: str, report: str | None) -> None:
        index, count = setting.split("/")
        self.index, self.count, self.report = int(index), int(count), report
        self.mine: set[str] = set()
        self.files: Any = None

    def install(self) -> None:
        from mkdocs.commands import build

        populate, build_page = build._populate_page, build._build_page

        def populate_mine(page, *args, **kwargs):
            if page.file.src_uri in self.mine:
                populate(page, *args, **kwargs)

        def build_mine(page, *args, **kwargs):
            if page.file.src_uri in self.mine:
                build_page(page, *args, **kwargs)

        build._populate_page, build._build_page = populate_mine, build_mine
        if self.index:
            build._build_theme_template = _skip
            build._build_extra_template = _skip

    def on_files(self, files: Any) -> Any:
        sizes = {file.src_uri: Path(file.abs_src_path).stat().st_size for file in files.documentation_pages()}
        self.mine, self.files = shares(sizes, self.count)[self.index], files
        if self.index:
            files.copy_static_files = _skip
        return files

    def on_post_build(self) -> None:
        if not self.report or self.files is None:
            return
        files = self.files
        anchors: dict[str, list[str]] = {}
        links: dict[str, dict[str, dict[str, str]]] = {}
        for file in files.documentation_pages():
            page = file.page
            if page is None or file.src_uri not in self.mine:
                continue
            anchors[file.src_uri] = sorted(page.present_anchor_ids or ())
            elsewhere = {
                target.src_uri: dict(found)
                for target, found in (page.links_to_anchors or {}).items()
                if target.src_uri not in self.mine
            }
            if elsewhere:
                links[file.src_uri] = elsewhere
        Path(self.report).write_text(json.dumps({"anchors": anchors, "links": links}), encoding="utf-8")


def _skip(*args: Any, **kwargs: Any) -> None:
    return None


def from_environment() -> Shard | None:
    setting = os.environ.get(SHARD_VARIABLE)
    return Shard(setting, os.environ.get(REPORT_VARIABLE)) if setting else None


def unresolved_anchor_links(reports: list[Path]) -> list[str]:
    """Links from a page of one share to an anchor its target (converted by another share) does not have."""
    anchors: dict[str, set[str]] = {}
    links: dict[str, dict[str, dict[str, str]]] = {}
    for report in reports:
        data = json.loads(report.read_text(encoding="utf-8"))
        anchors.update((name, set(found)) for name, found in data["anchors"].items())
        links.update(data["links"])
    problems: list[str] = []
    for source, targets in sorted(links.items()):
        for target, found in sorted(targets.items()):
            present = anchors.get(target)
            if present is None:
                continue  # not converted by any share (a page MkDocs skips): nothing to check, as in MkDocs
            for anchor, original in sorted(found.items()):
                if anchor not in present:
                    problems.append(
                        f"WARNING -  Doc file '{source}' contains a link '{original}', but the doc '{target}'"
                        f" does not contain an anchor '#{anchor}'."
                    )
    return problems
