"""Stage 4, render: the edition -> Markdown pages (through Jinja templates) and the site nav."""
