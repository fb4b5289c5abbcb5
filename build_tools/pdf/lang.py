"""Mark languages in the PDF's structure tree: each element with an HTML ``lang`` gets a ``/Lang``.

WeasyPrint 70 writes the document language (``/Lang`` of the catalog, from ``<html lang>``) but no
language on structure elements, so a screen reader reads the English in a Chinese voice. Its tag
builder (``weasyprint.pdf.tags._build_box_tree``) calls itself through the module name; wrapping that
name adds ``/Lang`` to the element built for every box whose HTML element says its language.
WeasyPrint is pinned (requirements.txt); ``tests/test_pdfs.py`` checks the English spans are marked.
"""

from __future__ import annotations

import pydyf


def install() -> None:
    """Idempotent: wrap the tag builder once per process."""
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    original = tags._build_box_tree
    if getattr(original, "marks_lang", False):
        return

    def build_with_lang(box, parent, pdf, *rest):
        node = box._box if isinstance(box, AbsolutePlaceholder) else box
        element = getattr(node, "element", None)
        own = getattr(node, "element_tag", None) not in (None, "html", "body")
        lang = element.get("lang") if own and element is not None else None
        for built in original(box, parent, pdf, *rest):
            if lang and "Lang" not in built:
                built["Lang"] = pydyf.String(lang)
            yield built

    build_with_lang.marks_lang = True
    tags._build_box_tree = build_with_lang
