"""Citations of a plan or of one paragraph: the one place their wording and formats are made.

Pages (cite boxes, Highwire meta tags, the plan's .bib/.ris/.json files) and PDFs use these, so
a reader gets the same citation wherever they copy it from. Plain text in, plain text out:
callers escape for their own context (HTML, Markdown, PDF).

    cite = plan_citation(edition, plan, "plans/henan-equipment-2017/index.md")
    cite.text_zh, cite.text_en, cite.bibtex(), cite.ris(), cite.csl_json()
    paragraph_citation(edition, plan, block, "plans/henan-equipment-2017/part-02.md")
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from build_tools.model import Block, Edition, ParsedPlan, PlanMeta
from build_tools.present import urls
from build_tools.present.trails import section_path

LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
ACCESSED = "\ue004"
"""Stands for the access date in a page's citations: the page's script puts in the day the reader opens it (a
static build cannot know it, and never invents one); without JavaScript the forms leave it out."""


@dataclass(frozen=True)
class Citation:
    """Everything a citation says, in both languages; ``block_id`` is ``""`` for the plan as a whole."""

    issuer_zh: str
    issuer_en: str
    title_zh: str
    title_en: str
    date: str
    """Issue date as printed in meta.yml: ``2017-09-29``, ``2021-04`` or ``2005``."""
    section_zh: str
    """Heading path down to the paragraph (``二、重点领域 › （一）…``), ``""`` for a plan or a front-matter block."""
    section_en: str
    block_id: str
    edition_zh: str
    edition_en: str
    edition_date: str
    url: str
    """Full address when the site address is configured, else the site-relative path."""
    plan_id: str
    date_inferred: bool = False
    """The editors inferred the date (meta.yml ``inferred: date``): every form marks it, ``[2020]``."""
    issuer_inferred: bool = False
    """The editors inferred the issuer: every form says it is attributed."""
    accessed: str = ""
    """The day the reader accessed the page (``YYYY-MM-DD``), filled in by the page's script; ``""`` leaves it out."""

    @property
    def shown_date(self) -> str:
        """The date as a citation prints it: in square brackets when the editors inferred it."""
        return marked_date(self.date, self.date_inferred)

    @property
    def inference_notes(self) -> tuple[str, ...]:
        """What a note field says of the inferred facts (English, as the other reference-manager fields)."""
        notes = []
        if self.issuer_inferred:
            notes.append("issuer attributed by the editors, not named in the text")
        if self.date_inferred:
            notes.append("issue date inferred by the editors, not given in the text")
        return tuple(notes)

    def dated(self) -> Citation:
        """The same citation with the access date left for the page's script to fill in (ACCESSED)."""
        return replace(self, accessed=ACCESSED)

    @property
    def key(self) -> str:
        """A citation key: plan id, and the paragraph's short id for a paragraph (``henan-equipment-2017-s2-1-p3``)."""
        return re.sub(r"[^a-z0-9]+", "-", self.block_id or self.plan_id).strip("-")

    @property
    def short_id(self) -> str:
        return self.block_id.split("/", 1)[1] if self.block_id else ""

    @property
    def text_zh(self) -> str:
        issuer = marked_issuer_zh(self.issuer_zh, self.issuer_inferred)
        pieces = [f"{issuer}：《{self.title_zh}》（{marked_date_zh(self.date, self.date_inferred)}）"]
        if self.section_zh:
            pieces.append(self.section_zh)
        if self.block_id:
            pieces.append(f"段落编号 {self.block_id}")
        accessed = f"（访问日期：{self.accessed}）" if self.accessed else ""
        return "，".join(pieces) + f"。载《{self.edition_zh}》，{self.edition_date} 版，{self.url}{accessed}。"

    @property
    def text_en(self) -> str:
        issuer = marked_issuer_en(self.issuer_en, self.issuer_inferred)
        pieces = [f"{issuer}, {self.title_en} [{self.title_zh}] ({self.shown_date})"]
        if self.section_en:
            pieces.append(self.section_en)
        if self.block_id:
            pieces.append(f"¶ {self.block_id}")
        pieces.append(f"in {self.edition_en}, edition of {self.edition_date}")
        pieces.append(self.url)
        if self.accessed:
            pieces.append(f"accessed {self.accessed}")
        return ", ".join(pieces)

    def highwire(self, pdf_url: str = "") -> tuple[tuple[str, str], ...]:
        """Highwire Press ``citation_*`` meta tags (what Zotero and other reference managers read from a page)."""
        # Square brackets are the cataloguer's mark for a fact supplied from outside the document.
        issuer = f"[{self.issuer_zh}]" if self.issuer_inferred else self.issuer_zh
        date = self.date.replace("-", "/")
        tags = [
            ("citation_title", self.title_zh),
            ("citation_author", issuer),
            ("citation_publisher", issuer),
            ("citation_date", f"[{date}]" if self.date_inferred else date),
            ("citation_language", "zh"),
            ("citation_public_url", self.url),
        ]
        if pdf_url:
            tags.append(("citation_pdf_url", pdf_url))
        return tuple(tags)

    def _date_parts(self) -> list[int]:
        return [int(piece) for piece in self.date.split("-")]

    def bibtex(self) -> str:
        fields = [
            ("author", "{" + _bibtex(self.issuer_en) + "}"),
            ("title", f"{_bibtex(self.title_en)} [{_bibtex(self.title_zh)}]"),
            ("year", f"[{self.date[:4]}]" if self.date_inferred else self.date[:4]),
            *([] if self.date_inferred else [("date", self.date)]),  # biblatex's date is ISO only
            ("publisher", _bibtex(self.issuer_en)),
            ("language", "chinese"),
            ("howpublished", _bibtex(self.edition_en) + ", edition of " + self.edition_date),
            ("url", _one_line(self.url)),
            *([("urldate", self.accessed)] if self.accessed else []),
        ]
        located = (self.section_en, f"¶ {self.block_id}" if self.block_id else "")
        note = "; ".join(part for part in (", ".join(p for p in located if p), *self.inference_notes) if part)
        if note:
            fields.append(("note", _bibtex(note)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def ris(self) -> str:
        year, *rest = self._date_parts()
        lines = [
            ("TY", "GOVDOC"),
            ("AU", self.issuer_en),
            ("TI", self.title_en),
            ("TT", self.title_zh),
            ("PY", str(year)),
            ("DA", self._ris_date(year, rest)),
            ("PB", self.issuer_en),
            ("T2", self.edition_en),
            ("LA", "zh"),
            ("UR", self.url),
        ]
        if self.accessed:
            lines.append(("Y2", self.accessed.replace("-", "/")))
        if self.section_en:
            lines.append(("SE", self.section_en))
        if self.block_id:
            lines.append(("N1", f"¶ {self.block_id}"))
        lines.extend(("N1", note) for note in self.inference_notes)
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines)

    def _ris_date(self, year: int, rest: list[int]) -> str:
        """RIS ``YYYY/MM/DD/other``: an inferred date says so in the "other" slot."""
        parts = [f"{year:04d}", *(f"{n:02d}" for n in rest)]
        if self.date_inferred:
            parts += [""] * (3 - len(parts)) + ["inferred"]
        return "/".join(parts)

    def csl(self) -> dict:
        item = {
            "id": self.key,
            "type": "report",
            "title": self.title_en,
            "original-title": self.title_zh,
            "author": [{"literal": self.issuer_en}],
            "publisher": self.issuer_en,
            "issued": {"date-parts": [self._date_parts()], **({"circa": True} if self.date_inferred else {})},
            "language": "zh-CN",
            "container-title": self.edition_en,
            "URL": self.url,
        }
        if self.section_en:
            item["section"] = self.section_en
        if self.accessed:
            item["accessed"] = {"raw": self.accessed}
        notes = ([f"¶ {self.block_id}"] if self.block_id else []) + list(self.inference_notes)
        if notes:
            item["note"] = "; ".join(notes)
        return item

    def csl_json(self) -> str:
        return json.dumps([self.csl()], ensure_ascii=False, indent=2) + "\n"


def marked_issuer_zh(issuer: str, inferred: bool) -> str:
    """The issuer as Chinese text prints it: ``广东省人民政府（编者推定）`` when the editors inferred it."""
    return f"{issuer}（编者推定）" if inferred else issuer


def marked_issuer_en(issuer: str, inferred: bool) -> str:
    """The issuer as English text prints it: ``Attributed to …`` when the editors inferred it."""
    return f"Attributed to {issuer}" if inferred else issuer


def marked_date(date: str, inferred: bool) -> str:
    """The date in square brackets (the cataloguer's mark for a fact from outside the document) when inferred."""
    return f"[{date}]" if inferred else date


def marked_date_zh(date: str, inferred: bool) -> str:
    """The date as Chinese text prints it: ``[2020]，编者推定`` when inferred."""
    return f"{marked_date(date, inferred)}，编者推定" if inferred else date


def issuer_zh(meta: PlanMeta) -> str:
    """A plan's issuer in Chinese, marked when meta.yml's ``inferred`` names it (PDFs print this)."""
    return marked_issuer_zh(meta.issuer_zh, bool(meta.issuer_inferred))


def issuer_en(meta: PlanMeta) -> str:
    return marked_issuer_en(meta.issuer_en, bool(meta.issuer_inferred))


def date_zh(meta: PlanMeta) -> str:
    return marked_date_zh(meta.date, bool(meta.date_inferred))


def date_en(meta: PlanMeta) -> str:
    """A plan's date where English or both languages read it: ``[2020]`` when inferred."""
    return marked_date(meta.date, bool(meta.date_inferred))


def short_citation(meta: PlanMeta, block_id: str, trail: str = "") -> str:
    """The short form under a quoted paragraph (briefings): ``《…》 (English title), trail, ¶ <block id>``."""
    return f"《{meta.title_zh}》 ({meta.title_en}), {trail + ', ' if trail else ''}¶ {block_id}"


def _bibtex(text: str) -> str:
    """Text safe inside a braced BibTeX field: the characters TeX reads as commands escaped."""
    return re.sub(r"([\\{}%&#_$])", r"\\\1", _one_line(text))


def _one_line(text: str) -> str:
    """A field of a line-based format (RIS tags, BibTeX fields) on one line: a line break in a value
    would start a forged record (``ER  -`` then ``TY  -``), so every kind of break becomes a space."""
    return LINE_BREAKS.sub(" ", text)


def _citation(edition: Edition, plan: ParsedPlan, path: str, block: Block | None) -> Citation:
    meta = plan.meta
    section_zh, section_en = section_path(edition, plan, block) if block else ("", "")
    return Citation(
        issuer_zh=meta.issuer_zh,
        issuer_en=meta.issuer_en,
        title_zh=meta.title_zh,
        title_en=meta.title_en,
        date=meta.date,
        section_zh=section_zh,
        section_en=section_en,
        block_id=block.id if block else "",
        edition_zh=edition.meta.title_zh,
        edition_en=edition.meta.title_en,
        edition_date=edition.meta.edition_date,
        url=urls.absolute(edition.site_url, path, block.anchor if block else ""),
        plan_id=meta.id,
        date_inferred=bool(meta.date_inferred),
        issuer_inferred=bool(meta.issuer_inferred),
    )


def plan_citation(edition: Edition, plan: ParsedPlan, path: str) -> Citation:
    """The plan as a whole; ``path`` is its overview page's docs/ path (``plans/<id>/index.md``)."""
    return _citation(edition, plan, path, None)


def paragraph_citation(edition: Edition, plan: ParsedPlan, block: Block, path: str) -> Citation:
    """One block; ``path`` is the docs/ path of the page it is on (``plans/<id>/<part>.md``), its anchor is added."""
    return _citation(edition, plan, path, block)
