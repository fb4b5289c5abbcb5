"""Text that looks like Markdown, HTML or Jinja shows literally on the pages."""

from __future__ import annotations

import pytest

from build_tools.pipeline import build
from tests.conftest import sandbox_config, write_plan
from tests.pdf_checks import written
from tests.site_checks import scan

TRICKY = (
    "**加粗** <script>alert('x')</script> {{ jinja }} {% raw %} [链接](http://example.com) `code` # 井号 | 表格 | $x$"
)


@pytest.mark.build
def test_markup_in_a_source_is_shown_as_text(tmp_path):
    sources = tmp_path / "sources"
    write_plan(sources, "tricky-plan", f"一、总则\n{TRICKY}。\n二、<b>标题</b> **强调**\n正文。\n")
    (sources / "edition.yml").write_text(
        'title_zh: 测试\ntitle_en: Test\nedition_date: "2026-01-01"\n', encoding="utf-8"
    )
    config = sandbox_config(tmp_path, sources)
    build(config)
    page = config.site / "plans" / "tricky-plan" / "part-01.html"
    assert "<b>标题" not in "".join(p.read_text(encoding="utf-8") for p in config.site.rglob("*.html"))
    html = page.read_text(encoding="utf-8")
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    )
    assert "**加粗**" in html and "{{ jinja }}" in html and "{% raw %}" in html
    assert "[链接](http://example.com)" in html
    assert not any("example.com" in link for link in scan(page).links)
    assert "<strong>" not in html.split("<article")[1]
    heading = config.site / "plans" / "tricky-plan" / "part-02.html"
    assert "&lt;b&gt;标题&lt;/b&gt; **强调**" in heading.read_text(encoding="utf-8")


@pytest.mark.pdf
def test_markup_in_a_source_is_literal_in_the_pdf_and_the_search_index(tmp_path):
    import subprocess

    from build_tools.pdf.jobs import plan_job
    from build_tools.pipeline import assemble
    from build_tools.search.index import payload_of

    sources = tmp_path / "sources"
    write_plan(sources, "tricky-plan", f"一、总则\n{TRICKY}。\n")
    (sources / "edition.yml").write_text(
        'title_zh: 测试\ntitle_en: Test\nedition_date: "2026-01-01"\n', encoding="utf-8"
    )
    config = sandbox_config(tmp_path, sources)
    edition = assemble(config)
    pdf = written(plan_job(edition, edition.plan("tricky-plan")), tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = "".join(text.split())
    for literal in ("**加粗**", "<script>alert('x')</script>", "{{jinja}}", "[链接](http://example.com)", "$x$"):
        assert literal in squeezed, literal
    build(config)
    # The search stores the text as printed; search.js shows it with textContent, never as markup.
    chunks = sorted((config.site / "search" / "d").glob("*.js"))
    docs = [doc for chunk in chunks for doc in payload_of(chunk.read_text(encoding="utf-8"))["docs"]]
    body = " ".join(doc[5] for doc in docs if doc[1] == "plans/tricky-plan/part-01")
    assert "**加粗**" in body and "<script>alert('x')</script>" in body


TEMPLATE_CASES = [
    # (case, template line, context value, passes)
    ("plain-text", "{{ value }}", "区域 <b>", False),
    ("plain-latin-with-space", "{{ value }}", "Testland region", False),
    ("markdown-filter", "{{ value | md }}", "区域 <b>", True),
    ("html-filter", "<p>{{ value | html }}</p>", "<img src=x onerror=alert(1)>", True),
    ("attr-filter", '{ data-x="{{ value | attr }}" }', 'a "b"', True),
    ("yaml-filter", "title: {{ value | html | yaml }}", "a: b", True),
    ("number", "{{ value }}", 2025, True),
    ("inert-id", "{{ value }}", "plans/henan-equipment-2017/part-01.md#s1-1", True),
    ("concatenated-plain", "{{ value ~ '!' }}", "x*y", False),
    ("literal-string", "{{ '<b>' }}", None, False),
    ("macro-output", "{% macro m(v) %}<b>{{ v | html }}</b>{% endmacro %}{{ m(value) }}", "<i>", True),
]


@pytest.mark.parametrize(
    ("line", "value", "passes"), [case[1:] for case in TEMPLATE_CASES], ids=[case[0] for case in TEMPLATE_CASES]
)
def test_templates_fail_closed_on_unescaped_text(tmp_path, line, value, passes):
    from jinja2 import FileSystemLoader

    from build_tools.render.escape import UnescapedValue
    from build_tools.render.pages import environment

    (tmp_path / "case.md.jinja").write_text(f"---\nfront: matter\n---\n{line}\n", encoding="utf-8")
    env = environment()
    env.loader = FileSystemLoader(tmp_path)
    template = env.get_template("case.md.jinja")
    if passes:
        assert "<img" not in template.render(value=value)
        return
    with pytest.raises(UnescapedValue) as raised:
        template.render(value=value)
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / 'case.md.jinja'}:4: ")
    assert "| md" in message and "| html" in message and "| safe" in message
