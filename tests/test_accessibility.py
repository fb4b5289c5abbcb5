"""Accessibility of every page type, checked in a real browser with axe-core (axe-playwright-python).

Pages are opened from the built site over file:// (no server); a violation of any impact (minor, moderate,
serious or critical) fails, listed with the rule, its help text and the first offending elements; every page
type is checked at both widths. A rule judged wrong for a page would be named in RULES_SET_ASIDE with its
reason (none is). Needs Debian's chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import VIEWS

PAGES = {
    "home": "index.html",
    "plan overview": "plans/china-machinery-2021/index.html",
    "plan text": "plans/henan-equipment-2017/part-02.html",
    "topic": "topics/cnc-machine-tools.html",
    "topic index": "topics/index.html",
    "matrix": "topics/matrix.html",
    "timeline": "timeline.html",
    "targets": "targets.html",
    "glossary": "glossary.html",
    "glossary letter": "glossary/c.html",
    "plans index": "plans/index.html",
    "vocabulary entries": "vocabulary/period-1.html",
    "translation status": "translation-status.html",
    "downloads": "downloads.html",
    "data": "data.html",
    "about": "about.html",
    "comparison": "compare/guangdong-high-end-equipment-2021--china-machinery-2021.html",
}
RULES_SET_ASIDE: dict[str, str] = {}
"""axe rule id -> why it does not apply to this edition (empty: every rule holds on every page)."""
# The glossary's 772 rows come from one template line: axe checks the first rows, not all (it would take minutes).
CONTEXT = {"exclude": [["table.glossary tbody tr:nth-child(n+41)"]]}


def violations(browser, page_file: Path, viewport: dict, view: str = "both") -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport)
    context.add_init_script(f"localStorage.setItem('edition-view', '{view}')")
    page = context.new_page()
    try:
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        results = Axe().run(page, context=CONTEXT if "glossary" in page_file.parts else None)
    finally:
        context.close()
    return [
        f"{found['impact']} {found['id']}: {found['help']} — "
        + "; ".join(" ".join(node["target"]) for node in found["nodes"][:3])
        + f" ({len(found['nodes'])} elements)"
        for found in results.response["violations"]
        if found["id"] not in RULES_SET_ASIDE
    ]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_violations_on_desktop(browser, built_site, name):
    assert violations(browser, built_site / PAGES[name], VIEWS["desktop"]) == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_violations_on_a_phone(browser, built_site, name):
    assert violations(browser, built_site / PAGES[name], VIEWS["phone"]) == []


@pytest.mark.parametrize("view", ["en"])
def test_no_violations_in_one_language_views(browser, built_site, view):
    assert violations(browser, built_site / PAGES["plan text"], VIEWS["desktop"], view) == []
