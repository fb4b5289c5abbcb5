"""Reader pages as built: outlines, template whitespace, the home page, the glossary, the matrix."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from build_tools.config import ROOT
from build_tools.render.pages import plan_overview

TEMPLATE_DIRS = (ROOT / "build_tools" / "render" / "templates", ROOT / "build_tools" / "outputs" / "templates")
# A line that has content and ends in a block tag: with trim_blocks the tag eats the line's newline.
RUN_ON = re.compile(r"\S.*\{%-?\s*(?:end\w+|else|elif\b[^%]*|if\b[^%]*|for\b[^%]*)\s*-?%\}\s*$")

# A line that starts with a statement glues its output on purpose (set blocks, inline loops before an attr_list line).
STATEMENT = re.compile(r"^\s*\{%")


class ListScan(HTMLParser):
    """Items of the first <ul> after an element with a given id, with their nesting depth and text."""

    def __init__(self, after_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.after_id = after_id
        self.armed = False
        self.depth = 0
        self.done = False
        self.items: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == self.after_id:
            self.armed = True
        if self.done or not self.armed:
            return
        if tag == "ul":
            self.depth += 1
        elif tag == "li":
            self.items.append((self.depth, ""))

    def handle_endtag(self, tag):
        if self.armed and not self.done and tag == "ul":
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):
        if self.armed and not self.done and self.depth and self.items:
            depth, text = self.items[-1]
            self.items[-1] = (depth, text + data)


def test_no_template_line_loses_its_newline_to_a_block_tag():
    """``text {% endif %}`` at a line end joins the next line on (``{% endif +%}`` keeps the newline)."""
    offenders = [
        f"{path.name}:{number}"
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.glob("*.jinja"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RUN_ON.search(line) and not line.rstrip().endswith("+%}") and not STATEMENT.match(line)
    ]
    assert offenders == []


def test_heading_outline_is_a_real_nested_list(built_site, edition):
    for plan in edition.plans:
        contents = plan_overview(edition, plan).contents
        scan = ListScan("outline")
        scan.feed((built_site / "plans" / plan.meta.id / "index.html").read_text(encoding="utf-8"))
        assert len(scan.items) == len(contents), plan.meta.id
        assert [depth for depth, _ in scan.items] == [entry.depth for entry in contents], plan.meta.id
        assert not any(re.search(r"(^|\s)- ", text) for _, text in scan.items), plan.meta.id
