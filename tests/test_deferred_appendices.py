"""The notes and sources wait off screen, and every way of arriving still lands, in Chromium.

A reader who opens ``/sources/`` at the top gets the blocks of the notes and sources
laid out only as they come near the screen (edition.css, "Speed"); a reader who arrives
at a place (a link to an id, a quote's text fragment, a reload) gets the whole page laid
out, so the place is where the link says. ``/print/`` and the paper's pages never defer
anything (there, axe judged blocks not laid out wrongly; here, margin notes would be
clipped). The landing tests cover ``/print/`` too: it holds the same appendix.
"""

from __future__ import annotations

import urllib.parse

import pytest

from quality import WIDTHS
from test_reading_layer import LANDING_JS  # where an id stands, against the header

pytestmark = pytest.mark.browser

APPENDIX_PAGES = ["/sources/", "/print/"]
# Words of a record's excerpt late on /sources/ (note 8's records), also on /print/.
QUOTE = "will train Iraqis on armored vehicle maintenance"

# The appendix's blocks: how many there are, and how many the browser skips for now
# (checkVisibility with contentVisibilityAuto is false for what a skipped block holds:
# the block's first element inside, for a block that holds elements).
DEFERRED_JS = """() => {
  const blocks = [...document.querySelectorAll(".edition-appendix > *")];
  const deferred = blocks.filter((b) => getComputedStyle(b).contentVisibility === "auto");
  const skipped = blocks.filter((b) => b.firstElementChild
    && !b.firstElementChild.checkVisibility({contentVisibilityAuto: true}));
  return {blocks: blocks.length, deferred: deferred.length, skipped: skipped.length};
}"""


def new_page(browser, width: int):
    return browser.new_context(viewport={"width": width, "height": 800}).new_page()


def two_frames(page) -> None:
    """Wait until the browser has drawn twice: what it lays out next to the screen is in."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def deferred(page) -> dict:
    two_frames(page)
    return page.evaluate(DEFERRED_JS)


def test_arriving_at_the_top_leaves_the_appendix_blocks_off_screen_unlaid(browser, site_url):
    page = new_page(browser, 375)
    page.goto(site_url + "/sources/")
    state = deferred(page)
    assert state["blocks"] > 100 and state["deferred"] == state["blocks"], state
    assert state["skipped"] > state["blocks"] / 2, state  # most of them wait
    page.context.close()


@pytest.mark.parametrize(
    "arrival",
    ["#note-7", "#:~:text=" + urllib.parse.quote(QUOTE), "reload"],
    ids=["id", "text-fragment", "reload"],
)
def test_arriving_at_a_place_lays_out_the_whole_page(browser, site_url, arrival):
    page = new_page(browser, 375)
    if arrival == "reload":
        page.goto(site_url + "/sources/")
        page.reload()
    else:
        page.goto(site_url + "/sources/" + arrival)
    state = deferred(page)
    assert state["blocks"] > 100 and state["deferred"] == state["skipped"] == 0, state
    page.context.close()


def test_the_papers_pages_and_the_print_page_defer_nothing(browser, site_url):
    page = new_page(browser, 1280)
    for path in ["/", "/evolution/", "/cooperation/", "/future/", "/conclusion/", "/print/"]:
        page.goto(site_url + path)
        count = page.evaluate(
            "[...document.querySelectorAll('article *')]"
            ".filter((e) => getComputedStyle(e).contentVisibility !== 'visible').length"
        )
        assert count == 0, path
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", APPENDIX_PAGES)
def test_a_quote_in_an_appendix_opens_in_view(browser, site_url, path, width):
    """A text fragment puts the quoted words on screen, below the header."""
    page = new_page(browser, width)
    page.goto(site_url + path + "#:~:text=" + urllib.parse.quote(QUOTE))
    page.wait_for_timeout(1000)  # the browser looks for the words after the load
    box = page.evaluate(
        """(words) => {
          const walker = document.createTreeWalker(document.querySelector("article"),
            NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const rect = range.getBoundingClientRect();
            const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
            return {top: rect.top, bottom: rect.bottom, header, viewport: innerHeight};
          }
          return null;
        }""",
        QUOTE,
    )
    assert box is not None, "the quoted words are not on the page"
    assert box["header"] <= box["top"] and box["bottom"] <= box["viewport"], box
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", APPENDIX_PAGES)
def test_every_heading_lands_below_the_header_after_a_top_arrival(browser, site_url, path, width):
    """In-page jumps (the contents, the table of contents) while blocks still wait."""
    page = new_page(browser, width)
    page.goto(site_url + path)
    ids = page.eval_on_selector_all("article :is(h1, h2, h3)[id]", "es => es.map(e => e.id)")
    assert len(ids) > 30
    problems = []
    for anchor in reversed(ids):  # the last first: nothing above it laid out yet
        page.evaluate("(id) => { location.hash = id; }", anchor)
        two_frames(page)
        box = page.evaluate(LANDING_JS, anchor)
        if not box["header"] - 0.5 <= box["top"] < box["viewport"]:
            problems.append(f"#{anchor}: top {box['top']:.0f}, header {box['header']}")
    assert problems == []
    page.context.close()
