"""Escaping: text from the sources must show literally, whatever it looks like."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown treats as markup and accepts a backslash escape for (| with the tables extension).
MARKDOWN_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def html_text(text: str) -> str:
    """Text for a raw-HTML context (Markdown leaves raw HTML blocks alone)."""
    return html.escape(text, quote=True)


def markdown_inline(text: str) -> str:
    """Text for an inline Markdown context (a heading, link text): every markup character escaped."""
    return MARKDOWN_ESCAPABLE.sub(r"\\\1", html.escape(text, quote=False))


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def markdown_attribute(text: str) -> str:
    """A quoted attr_list value (e.g. data-toc-label): inline markup escaped, as it is parsed as Markdown first."""
    return markdown_inline(text).replace('"', "&quot;")
