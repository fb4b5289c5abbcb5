"""Runs of text in the wrong language context on a built page: English prose with no lang="en" around it, or
Chinese inside a lang="en" element. Screen readers pick a voice and browsers a font by the nearest lang; the
pages' default is zh, so every English run must say so, and English never holds Chinese unmarked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Three English words in a row (letters, apostrophes, hyphens inside a word) are prose, not a code or an abbreviation.
ENGLISH_PROSE = re.compile(r"[A-Za-z][a-z’'-]+(?:[ \u00a0]+[A-Za-z][a-z’'-]+){2,}")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
URL = re.compile(r"(?:https?|file)://\S+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Content that is not prose in a human language: code, machine formats (the citation formats BibTeX/RIS/CSL-JSON
# sit in <pre>), scripts, and the SVG drawings' own metadata.
SKIPPED_ELEMENTS = {"code", "pre", "kbd", "samp", "script", "style", "template", "noscript"}
# Elements that hold text only, so a bilingual label in one cannot give each language its own lang; each with its
# reason (the same labels are marked up wherever the page prints them as text).
TEXT_ONLY = {
    "option": "a <select>'s choice is plain text: the search page's 含量化目标的段落 Paragraphs with targets",
}
# The page's content (Material's <article>) is walked, and the parts of Material's frame that print the edition's
# bilingual titles: the navigation and the table of contents (build_tools/site/theme/partials/ split each title into its
# languages), the header's page title and the footer's previous / next links.
WALKED_FRAME = {"md-sidebar", "md-header__topic", "md-footer__link"}
# Names and fixed strings that are English in any language context, each with its reason.
ALLOWED_ENGLISH = {
    "Material for MkDocs": "the theme's name in the footer, a proper name",
}


@dataclass(frozen=True)
class Misplaced:
    page: str
    kind: str  # "english-without-lang" or "chinese-in-english"
    text: str


class LangScanner(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang in force, skipped)
        self.found: list[Misplaced] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang, skipped = self.stack[-1][1:] if self.stack else ("", True)
        values = dict(attrs)
        lang = values.get("lang") or lang
        if tag == "article" or WALKED_FRAME.intersection((values.get("class") or "").split()):
            skipped = False
        # An SVG <title> is a tooltip of plain text: it cannot hold a lang per language, so its bilingual label is
        # read as one string (the same label is marked up in the page's tables and lists).
        skipped = skipped or tag in SKIPPED_ELEMENTS or tag in TEXT_ONLY or (tag == "title" and self.in_svg())
        self.stack.append((tag, lang or "", skipped))

    def in_svg(self) -> bool:
        return any(tag == "svg" for tag, _, _ in self.stack)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        lang, skipped = self.stack[-1][1:] if self.stack else ("", True)
        if skipped or not data.strip():
            return
        text = URL.sub(" ", data)
        for name in ALLOWED_ENGLISH:
            text = text.replace(name, " ")
        if lang.startswith("en"):
            if HAN.search(text):
                self.found.append(Misplaced(self.page, "chinese-in-english", " ".join(data.split())[:80]))
        elif ENGLISH_PROSE.search(text):
            self.found.append(Misplaced(self.page, "english-without-lang", " ".join(data.split())[:80]))


def misplaced_runs(page: Path, site: Path) -> list[Misplaced]:
    scanner = LangScanner(page.relative_to(site).as_posix())
    scanner.feed(page.read_text(encoding="utf-8"))
    return scanner.found


def site_misplaced_runs(site: Path) -> list[Misplaced]:
    return [run for page in sorted(site.rglob("*.html")) for run in misplaced_runs(page, site)]
