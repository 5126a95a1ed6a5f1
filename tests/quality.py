"""Shared pieces of the quality-gate tests (issue 7): the pages, Chromium, page checks."""

from __future__ import annotations

from urllib.parse import urlsplit

from devtools.browser import ALL_PAGES, chromium  # noqa: F401 - the tests import them from here

WIDTHS = [375, 1280]  # a phone and a laptop
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's scheme

# An init script: every Content-Security-Policy violation of the page, in
# window.__violations (the deployed policy must allow each inline script by its hash).
RECORD_VIOLATIONS_JS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ${event.sample || ""}`));
"""


def two_frames(page) -> None:
    """Wait until the browser has drawn twice: what it lays out next to the screen is in."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def foreign_requests(urls: list[str], host: str) -> list[str]:
    """The http(s) requests among ``urls`` that went to another host than ``host``."""
    return [
        url
        for url in urls
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != host
    ]


def search(page, query: str) -> None:
    """Open the search with its keyboard shortcut, type, and wait for results."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
