"""Briefing PDFs with WeasyPrint: one plan, the whole edition (or a volume of it), a topic briefing, or excerpts.

Markup lives in templates/*.html.jinja (autoescaped: source text is never markup), styles in
templates/print.css; this module builds contexts, renders HTML and writes PDFs. Every PDF is tagged
(structure tree, document and span languages), carries its metadata with the edition date as its
only date, and embeds real font subsets (``pdf_fonts``). ``pdf_jobs`` / ``render_jobs`` render the
HTML of many PDFs in parallel, each cached by the hash of what it is made of (``pdf_cache``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.core.write import writing
from build_tools.model import Edition, ParsedPlan, Topic
from build_tools.pdf.context import edition_doc, plan_doc
from build_tools.pdf.topic_briefing import topic_briefing_doc
from build_tools.present import citation, labels, urls
from build_tools.present.downloads import VolumeDownload, edition_pdf_name, plan_pdf_name, topic_pdf_name

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES / "print.css"


@dataclass(frozen=True)
class PdfInfo:
    """The PDF's document information (WeasyPrint reads it from the HTML head)."""

    title: str
    author: str
    """The issuer for one plan, the edition for the rest."""
    subject: str
    keywords: str


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: its file name and the complete HTML it is rendered from."""

    name: str
    html: str


WORD_JOINER = "\u2060"


def typographic_quotes(text: str, lang: str = "en") -> str:
    """English straight quotes as curly ones (“…”, ’), so every PDF quotes alike; Chinese is left as printed.

    A compound's hyphen is followed by a word joiner: a line broken after "user-" extracts as "userside"
    (text extraction joins a line-end hyphen), so compounds stay on one line. The joiner is invisible and
    is not in the extracted text.
    """
    if lang != "en":
        return text
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "-" + WORD_JOINER, text)
    if "'" not in text and '"' not in text:
        return text
    text = re.sub(r'(^|[\s(\[{—–-])"', r"\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[{])'(?=\w)", r"\1‘", text)
    return text.replace("'", "’")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,  # every value is source or translation text: escaped, never markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quotes"] = typographic_quotes
    env.filters["place"] = labels.region_period  # a plan named by region and period, with its short name if any
    env.filters["place_year"] = labels.region_year
    # A plan's issuer and date, marked where the editors inferred them: the wording is citation.py's, as on the site.
    env.filters["issuer_zh"] = citation.issuer_zh
    env.filters["issuer_en"] = citation.issuer_en
    env.filters["date_zh"] = citation.date_zh
    env.filters["date_en"] = citation.date_en
    return env


def render_html(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def write_pdf(html: str, target: Path) -> Path:
    """Render one HTML document to ``target`` (written whole: a reader never sees half a PDF)."""
    # Imported here: WeasyPrint loads Pango when imported, and only PDF builds need it.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from build_tools.pdf import lang as pdf_lang
    from build_tools.pdf.fonts import subset_fonts

    pdf_lang.install()
    fonts = FontConfiguration()
    # No base URL: the documents reference nothing outside themselves, so nothing is fetched.
    with writing(target) as partial:
        HTML(string=html).write_pdf(
            partial,
            stylesheets=[CSS(filename=str(STYLESHEET), font_config=fonts)],
            font_config=fonts,
            finisher=subset_fonts,
            pdf_tags=True,
        )
    return target


def _edition_info(edition: Edition, title: str, subject: str, keywords: str) -> PdfInfo:
    return PdfInfo(title, f"{edition.meta.title_zh} · {edition.meta.title_en}", subject, keywords)


def plan_job(edition: Edition, plan: ParsedPlan, site_url: str = "") -> PdfJob:
    meta = plan.meta
    doc = plan_doc(edition, plan, site_url)
    info = PdfInfo(
        f"{meta.title_zh} · {meta.title_en}",
        labels.issuer(meta),
        f"{meta.summary_en} Status on {edition.meta.edition_date}: {labels.status_en(doc.standing)}.",
        ", ".join((meta.region_zh, meta.region_en, labels.period(meta), meta.doc_type, meta.id)),
    )
    html = render_html("plan.html.jinja", meta=edition.meta, doc=doc, info=info)
    return PdfJob(plan_pdf_name(meta.id), html)


def edition_job(edition: Edition, site_url: str = "") -> PdfJob:
    info = _edition_info(
        edition,
        f"{edition.meta.title_zh} · {edition.meta.title_en}",
        f"{len(edition.plans)} plans in Chinese with English translation, edition of {edition.meta.edition_date}.",
        ", ".join(plan.meta.id for plan in edition.plans),
    )
    doc = edition_doc(edition, site_url)
    html = render_html("edition.html.jinja", meta=edition.meta, edition=doc, info=info, volume=None, downloads_url="")
    return PdfJob(edition_pdf_name(edition.meta), html)


def volume_job(edition: Edition, volume: VolumeDownload, site_url: str = "") -> PdfJob:
    """One volume of a large edition: a cover naming the volume, its period and plans, then as the whole edition."""
    period = f"{volume.period[0]}–{volume.period[1]}"
    info = _edition_info(
        edition,
        f"{edition.meta.title_zh} · {edition.meta.title_en} · 第 {volume.number} 册 Volume {volume.number}: {period}",
        f"Volume {volume.number} of {volume.volumes}: {len(volume.plan_ids)} plans for {period} in Chinese with "
        f"English translation, edition of {edition.meta.edition_date}.",
        ", ".join(volume.plan_ids),
    )
    doc = edition_doc(edition, site_url, volume.plan_ids)
    downloads_url = urls.absolute(site_url, "downloads.md", "edition")
    html = render_html(
        "edition.html.jinja", meta=edition.meta, edition=doc, info=info, volume=volume, downloads_url=downloads_url
    )
    return PdfJob(volume.name, html)


def topic_job(edition: Edition, topic: Topic, site_url: str = "") -> PdfJob:
    doc = topic_briefing_doc(edition, topic, site_url)
    info = _edition_info(
        edition,
        f"{doc.title_zh} · {doc.title_en}",
        f"{doc.brief.scope_en} {doc.brief.paragraphs} paragraphs in {len(doc.plans)} plans.",
        doc.keywords,
    )
    html = render_html("topic-briefing.html.jinja", meta=edition.meta, doc=doc, info=info)
    return PdfJob(topic_pdf_name(topic.id), html)
