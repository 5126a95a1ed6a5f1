"""Accessibility gate for what opens on request: menu, cite dialog, search results.

axe-core finds nothing in them, and the keyboard reaches them.

Every page at rest, light and dark, phone and laptop, is checked in
``test_pages_in_chromium.py``. The fixes live in ``docs/assets/stylesheets/edition.css``
(its last section) and at the end of ``docs/assets/javascripts/edition.js``.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from quality import SCHEMES, WIDTHS, search
from test_pages_in_chromium import FOCUS_STATE_JS

pytestmark = pytest.mark.browser

AXE = Axe()
# Every WCAG rule up to 2.2 AA (target size included) and axe's best practices, named
# rather than left to axe's defaults.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


def open_page(browser, url: str, width: int, scheme: str = "light"):
    """A fresh page at ``width`` px in the reader's colour scheme, with Material ready."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    return page


def violations(page) -> list[str]:
    """axe-core's violations, one readable line each (rule, impact, first targets)."""
    found = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {[node['target'] for node in rule['nodes'][:3]]}"
        f" — {rule['help']}"
        for rule in found
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_in_the_open_menu_and_cite_dialog(browser, site_url, scheme, width):
    page = open_page(browser, site_url + "/cooperation/", width, scheme)
    page.locator("#p2-1-1 .edition-control").click()
    assert violations(page) == []
    page.locator("#edition-menu").get_by_role("button", name="Cite").click()
    page.locator("dialog.edition-cite").wait_for(state="visible")  # its code loads on first use
    assert violations(page) == []
    page.context.close()


# The focused element is a search result, ringed, in view and on top (the results fade
# in: the state is waited for, as a reader waits to see them).
RESULT_FOCUSED_JS = (
    f"() => document.activeElement.matches('.md-search-result__link') && ({FOCUS_STATE_JS})().ok"
)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_results_are_reachable_by_keyboard(browser, site_url, width):
    page = open_page(browser, site_url + "/evolution/", width)
    # A dialog a screen reader names (edition.js names Material's).
    page.wait_for_function(
        "() => document.querySelector('.md-search[role=dialog]')"
        ".getAttribute('aria-label') === 'Search'"
    )
    search(page, "Istanbul")
    # Material moves through results with the arrows: the page first, then its passages.
    page.keyboard.press("ArrowDown")
    try:
        page.wait_for_function(RESULT_FOCUSED_JS, timeout=10_000)
    except PlaywrightTimeout:
        raise AssertionError(page.evaluate(FOCUS_STATE_JS)) from None
    page.keyboard.press("ArrowDown")
    page.wait_for_function(RESULT_FOCUSED_JS, timeout=10_000)
    passage = page.evaluate("document.activeElement.href")
    assert "?h=istanbul#p1-1" in passage  # the paragraph that names Istanbul, highlighted
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == passage
    page.context.close()
