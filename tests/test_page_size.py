"""No page of the site is over 300 KB of HTML (issue 20), measured on the real edition as MkDocs writes it.

The bound holds at any corpus size: `python benchmarks/page_sizes.py 5 100` prints the largest page per
type on the synthetic corpus; this checks the edition every build ships, online and in the offline bundle
(tests/test_offline_bundle.py). The plan parts are the pages closest to the bound: their cite boxes,
glossary links and Traditional text are kept short (plan-part.md.jinja, edition.js).
"""

from __future__ import annotations

from tests.site_checks import oversized


def test_no_page_of_the_site_is_over_300_kb(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 150  # the whole site was measured
    assert oversized(built_site) == {}
    # the longest part of the edition, the one closest to the bound, is among them
    assert (built_site / "plans" / "china-machinery-2021" / "part-06.html").stat().st_size > 150_000
