"""Escaping: text from the sources must show literally, whatever it looks like.

Fail-closed rule for the Markdown templates (``render/templates``): every ``{{ value }}`` must be
escaped for its context by one of the filters below (they return ``Markup``) or be markup the
template built itself (a macro, a ``{% set %}`` block, ``| safe``). A plain string that reaches the
output unescaped stops the build naming the template and line (``strict_value``). Numbers and
inert ASCII tokens (ids, hashes, dates, page paths: letters, digits and ``_ . / # @ - – , %``, or only
spaces) pass: no context reads them as markup.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from build_tools.core.errors import InputError

# Characters Python-Markdown treats as markup and accepts a backslash escape for (| with the tables extension).
MARKDOWN_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
INERT = re.compile(r"[A-Za-z0-9_./#@–,%-]*| *")  # no space, < & * [ ( or quote: nothing that starts markup
FILTERS = "| md (Markdown text), | html (inside HTML), | attr (a { } attribute value), | yaml (front matter)"


def html_text(text: str) -> str:
    """Text for a raw-HTML context (Markdown leaves raw HTML blocks alone)."""
    return html.escape(str(text), quote=True)


def markdown_inline(text: str) -> str:
    """Text for an inline Markdown context (a heading, link text): every markup character escaped."""
    return MARKDOWN_ESCAPABLE.sub(r"\\\1", html.escape(str(text), quote=False))


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(str(text), ensure_ascii=False)


def markdown_attribute(text: str) -> str:
    """A quoted attr_list value (e.g. data-toc-label): inline markup escaped, as it is parsed as Markdown first."""
    return markdown_inline(text).replace('"', "&quot;")


def _marked(escape: Callable[[str], str]) -> Callable[[Any], Markup]:
    # Cached: names, periods and quoted clauses recur on page after page. str.__new__ makes the Markup
    # without Markup.__new__'s __html__ check (the text is a plain str).
    @lru_cache(maxsize=1 << 14)
    def escaped(text: str) -> Markup:
        return str.__new__(Markup, escape(text))

    # str() first: a Markup input (a filter chain such as | html | yaml) is escaped as text once more.
    return lambda value: escaped(str(value))


TEMPLATE_FILTERS = {
    "html": _marked(html_text),
    "md": _marked(markdown_inline),
    "yaml": _marked(yaml_string),
    "attr": _marked(markdown_attribute),
}


class UnescapedValue(InputError):
    """A template printed a plain string without saying how to escape it."""


def _template_line(context: Context) -> tuple[str, int | None]:
    """The template file and line being rendered, from the innermost template frame on the stack."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.endswith(".jinja"):
            for base in getattr(context.environment.loader, "searchpath", ()):
                path = Path(filename)
                if path.is_relative_to(base):
                    template = context.environment.get_template(path.relative_to(base).as_posix())
                    return filename, template.get_corresponding_lineno(frame.f_lineno)
            return filename, None
        frame = frame.f_back
    return context.name or "a template", None


@pass_context
def strict_value(context: Context, value: Any) -> Any:
    """Jinja ``finalize``: let escaped markup, numbers and inert tokens through; stop on anything else."""
    if type(value) is Markup:  # the usual case, first: a filter's output
        return value
    if isinstance(value, Markup | int | float) or (isinstance(value, str) and INERT.fullmatch(value)):
        return value
    path, line = _template_line(context)
    shown = str(value) if len(str(value)) <= 40 else str(value)[:39] + "…"
    raise UnescapedValue(
        path, f"{{{{ … }}}} prints the plain text {shown!r} unescaped: add a filter, {FILTERS}, or | safe", line
    )
