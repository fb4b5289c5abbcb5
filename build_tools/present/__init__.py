"""How the edition presents itself, shared by the site (``render/``) and the PDFs (``pdf/``).

One module per thing both print, so a reader sees the same words wherever they read them:
``urls`` (every address and link, from relative paths), ``citation`` (citation texts and
reference-manager formats), ``labels`` (plan short titles, issuer/date/period strings, the status
line, which headings a contents lists), ``trails`` (the headings above a paragraph), ``numbers``
(counts and year spans derived from the edition) and ``downloads`` (the files a page may link to).
Plain text in, plain text out: each caller escapes for its own context.
"""
