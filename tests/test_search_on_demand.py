"""Search on demand, in Chromium over HTTP: no search download until the reader wants it.

When the reader opens the search, it works as Material's always does.

The index and worker are a third of a page's bytes (see scripts/bench_site.py); the
first section of edition.js holds them back. Over file:, Material itself waits: the
offline tests cover that case (tests/test_quality_offline.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from quality import search

pytestmark = pytest.mark.browser

INDEX = re.compile(r"/search/search_index\.json$")
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
PAPER = ["/", "/evolution/", "/cooperation/", "/future/", "/conclusion/"]


class Recorder:
    """A browser context that lists every request its pages and workers make."""

    def __init__(self, browser, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.paths: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.paths.append(urlsplit(request.url).path))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def count(self, pattern: re.Pattern) -> int:
        """How many requests so far had a path matching ``pattern``."""
        return sum(1 for path in self.paths if pattern.search(path))

    def settle(self) -> None:
        """Wait until the page and whatever Material starts after it are done."""
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(300)  # Material starts its search just after load


@pytest.fixture
def recorder(browser):
    recorder = Recorder(browser)
    yield recorder
    recorder.context.close()


@pytest.mark.parametrize("path", PAPER)
def test_a_page_downloads_no_search_until_the_reader_opens_it(recorder, site_url, path):
    recorder.page.goto(site_url + path, wait_until="networkidle")
    recorder.settle()
    assert recorder.paths, "no requests recorded at all"
    assert (recorder.count(INDEX), recorder.count(WORKER)) == (0, 0)

    search(recorder.page, "corruption")
    results = recorder.page.locator(".md-search-result__item")
    assert "corruption" in results.first.inner_text().lower()
    assert (recorder.count(INDEX), recorder.count(WORKER)) == (1, 1)
    assert recorder.errors == []


def test_a_result_opens_its_page_with_the_words_highlighted(recorder, site_url):
    recorder.page.goto(site_url + "/", wait_until="networkidle")
    search(recorder.page, "Istanbul")
    link = recorder.page.locator("a.md-search-result__link").first
    href = link.get_attribute("href")
    assert "h=Istanbul" in href or "h=istanbul" in href
    link.click()
    recorder.page.wait_for_load_state("networkidle")
    # Arriving with ?h=, the page asks for the index at once and marks the word.
    marks = recorder.page.locator("article mark")
    marks.first.wait_for()
    assert marks.first.inner_text().lower() == "istanbul"
    assert recorder.errors == []


def test_pointing_at_the_search_box_starts_the_download_early(recorder, site_url):
    recorder.page.goto(site_url + "/evolution/", wait_until="networkidle")
    recorder.settle()
    assert recorder.count(INDEX) == 0
    with recorder.page.expect_request(lambda request: bool(INDEX.search(request.url))):
        recorder.page.hover("label.md-search__icon[for='__search'], .md-search__input")
    # Once, and before the search is open: the results are ready when the reader types.
    recorder.page.wait_for_timeout(300)
    assert recorder.count(INDEX) == 1
    assert not recorder.page.evaluate("document.getElementById('__search').checked")


def test_the_phone_layout_opens_the_search_from_its_button(browser, site_url):
    recorder = Recorder(browser, width=375)
    try:
        recorder.page.goto(site_url + "/cooperation/", wait_until="networkidle")
        recorder.settle()
        assert recorder.count(INDEX) == 0
        recorder.page.click("label.md-header__button[for='__search']")
        recorder.page.locator(".md-search__input").fill("cyber")
        recorder.page.wait_for_selector(".md-search-result__item")
        assert (recorder.count(INDEX), recorder.count(WORKER)) == (1, 1)
    finally:
        recorder.context.close()
