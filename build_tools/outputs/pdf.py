"""Briefing PDFs with WeasyPrint: one plan, the whole edition, or bilingual excerpts (e.g. a topic).

Markup lives in templates/*.html.jinja (autoescaped: source text is never markup), styles in
templates/print.css; this module only builds contexts, renders and writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.enrich.topics import Topic, TopicIndex
from build_tools.model import Edition, ParsedPlan
from build_tools.outputs.naming import edition_pdf_name, plan_pdf_name, topic_pdf_name
from build_tools.outputs.pdf_context import BriefingSection, briefing_doc, edition_doc, plan_doc, sections_by_plan

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES / "print.css"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,  # every value is source or translation text: escaped, never markup
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def write_pdf(html: str, target: Path) -> Path:
    # Imported here: WeasyPrint loads Pango when imported, and only PDF builds need it.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    # No base URL: the documents reference nothing outside themselves, so nothing is fetched.
    HTML(string=html).write_pdf(
        partial, stylesheets=[CSS(filename=str(STYLESHEET), font_config=fonts)], font_config=fonts
    )
    partial.replace(target)  # a reader never sees half a PDF
    return target


def build_plan_pdf(edition: Edition, plan: ParsedPlan, out_dir: Path) -> Path:
    """One plan: title page, contents with page numbers, the text with Chinese then English."""
    doc = plan_doc(edition, plan)
    html = render_html(
        "plan.html.jinja", meta=edition.meta, doc=doc, title=f"{plan.meta.title_zh} · {plan.meta.title_en}"
    )
    return write_pdf(html, out_dir / plan_pdf_name(plan.meta.id))


def build_edition_pdf(edition: Edition, out_dir: Path) -> Path:
    """The whole edition: cover, contents, then every plan with its title page."""
    html = render_html(
        "edition.html.jinja",
        meta=edition.meta,
        edition=edition_doc(edition),
        title=f"{edition.meta.title_zh} · {edition.meta.title_en}",
    )
    return write_pdf(html, out_dir / edition_pdf_name(edition.meta))


def build_pdfs(edition: Edition, out_dir: Path, progress: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Every plan's PDF and the whole edition's: what the downloads offer (topic PDFs are built on demand)."""
    built = []
    for plan in edition.plans:
        progress(f"pdf {plan.meta.id}")
        built.append(build_plan_pdf(edition, plan, out_dir))
    progress("pdf: the whole edition")
    built.append(build_edition_pdf(edition, out_dir))
    return built


def build_briefing_pdf(
    edition: Edition,
    title_zh: str,
    title_en: str,
    sections: Sequence[BriefingSection],
    out_dir: Path,
    filename: str,
    intro_zh: str = "",
    intro_en: str = "",
) -> Path:
    """Bilingual excerpts in sections, each excerpt with its heading trail and citation."""
    doc = briefing_doc(edition, title_zh, title_en, sections, intro_zh, intro_en)
    html = render_html("briefing.html.jinja", meta=edition.meta, doc=doc, title=f"{title_zh} · {title_en}")
    return write_pdf(html, out_dir / filename)


def build_topic_pdf(edition: Edition, topic: Topic, topic_index: TopicIndex, out_dir: Path) -> Path:
    """A topic's blocks across the edition, one section per plan (topics from build_tools.enrich.topics)."""
    return build_briefing_pdf(
        edition,
        f"专题：{topic.zh}",
        f"Topic: {topic.en}",
        sections_by_plan(edition, topic_index.blocks_of(topic.id)),
        out_dir,
        topic_pdf_name(topic.id),
        intro_zh=topic.scope_zh,
        intro_en=topic.scope_en,
    )
