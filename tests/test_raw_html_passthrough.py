"""The MkDocs hook that lets raw HTML blocks skip Markdown (build_tools/site/hooks.py): which blocks skip
it, and that they come back unchanged with their ids counted as anchors."""

from __future__ import annotations

from types import SimpleNamespace

from build_tools.site import hooks as site_hooks

PAGE_MARKDOWN = """# Title { #top }

<div class="blk" id="s1-p1">
<p>Text with **stars** kept as they are</p>
</div>

<div class="summary" markdown>
**bold** wanted here
</div>

```html
<div class="example">

</div>
```

<span class="inline">an inline tag starts a paragraph</span>

<table id="t1"><tr><td>cell</td></tr></table>
"""


def _page() -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri="plans/x/part-01.md"), present_anchor_ids={"top"})


def test_only_raw_block_level_html_skips_markdown():
    page = _page()
    markdown = site_hooks.on_page_markdown(PAGE_MARKDOWN, page, {}, None)
    assert "<!--edition-raw:0-->" in markdown and "<!--edition-raw:1-->" in markdown
    assert "**stars**" not in markdown  # the raw block is out of Markdown's way
    assert '<div class="summary" markdown>\n**bold** wanted here' in markdown  # md_in_html must see it
    assert '<div class="example">' in markdown  # inside a code fence
    assert '<span class="inline">' in markdown
    assert "<!--edition-raw:2-->" not in markdown


def test_raw_blocks_come_back_verbatim_with_their_anchors():
    page = _page()
    site_hooks.on_page_markdown(PAGE_MARKDOWN, page, {}, None)
    restored = site_hooks._restore_raw_blocks("<h1>Title</h1>\n<!--edition-raw:0-->\n<!--edition-raw:1-->", page)
    assert '<div class="blk" id="s1-p1">\n<p>Text with **stars** kept as they are</p>\n</div>' in restored
    assert '<table id="t1"><tr><td>cell</td></tr></table>' in restored
    assert page.present_anchor_ids == {"top", "s1-p1", "t1"}


def test_an_unbalanced_block_stays_with_markdown():
    page = _page()
    markdown = site_hooks.on_page_markdown('<div class="open">\n<div>inner</div>\n\ntext\n\n</div>\n', page, {}, None)
    assert "edition-raw" not in markdown
