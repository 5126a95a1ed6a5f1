"""The notes and sources wait off screen, are laid out soon after, and every arrival lands.

A reader who opens ``/sources/`` or ``/print/`` at the top gets the blocks of the notes
and sources (and on ``/print/`` the timeline's events) laid out only as they come near
the screen, until edition.js lays the rest out after the load, a batch at a time
(edition.css, "Speed"); a reader who arrives at a place (a link to an id, a quote's text
fragment, a reload) gets the whole page laid out at once, so the place is where the link
says. The paper's pages (margin notes would be clipped) and the timeline's own page
never defer anything.
"""

from __future__ import annotations

import urllib.parse

import pytest

from quality import WIDTHS, laid_out, two_frames
from test_reading_layer import LANDING_JS  # where an id stands, against the header

pytestmark = pytest.mark.browser

APPENDIX_PAGES = ["/sources/", "/print/"]
# Words of a record's excerpt late on /sources/ (note 8's records), also on /print/.
QUOTE = "will train Iraqis on armored vehicle maintenance"

# The blocks that may wait: how many there are, how many wait (content-visibility auto),
# and how many the browser skips for now (checkVisibility with contentVisibilityAuto is
# false for what a skipped block holds: the block's first element inside, for a block
# that holds elements). And how many other elements of the article could wait at all.
DEFERRED_JS = """() => {
  const selector = ".edition-appendix > *, .print-contents ~ * .timeline-events > *";
  const blocks = [...document.querySelectorAll(selector)];
  const deferred = blocks.filter((b) => getComputedStyle(b).contentVisibility === "auto");
  const skipped = blocks.filter((b) => b.firstElementChild
    && !b.firstElementChild.checkVisibility({contentVisibilityAuto: true}));
  const others = [...document.querySelectorAll("article *")].filter((e) => !blocks.includes(e)
    && getComputedStyle(e).contentVisibility !== "visible");
  return {blocks: blocks.length, deferred: deferred.length, skipped: skipped.length,
    timeline: blocks.filter((b) => b.matches(".timeline-events > *")).length,
    others: others.length};
}"""
# An init script: the state above at the load event, before edition.js's own handler
# for it (an init script's listener comes first) starts laying the blocks out.
AT_LOAD_JS = f"addEventListener('load', () => {{ window.atLoad = ({DEFERRED_JS})(); }});"


def new_page(browser, width: int):
    return browser.new_context(viewport={"width": width, "height": 800}).new_page()


def deferred(page) -> dict:
    two_frames(page)
    return page.evaluate(DEFERRED_JS)


def at_load(browser, url: str, width: int):
    """A page opened at ``url`` with the deferred state recorded at its load."""
    page = new_page(browser, width)
    page.add_init_script(AT_LOAD_JS)
    page.goto(url)
    return page, page.evaluate("window.atLoad")


@pytest.mark.parametrize("path", APPENDIX_PAGES)
def test_arriving_at_the_top_leaves_the_appendix_blocks_off_screen_unlaid(browser, site_url, path):
    page, state = at_load(browser, site_url + path, 375)
    assert state["blocks"] > 100 and state["deferred"] == state["blocks"], state
    assert state["skipped"] > state["blocks"] / 2, state  # most of them wait
    if path == "/print/":  # the paper comes first there, and the timeline's events wait
        assert state["timeline"] > 50, state
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", APPENDIX_PAGES)
def test_after_the_load_every_block_is_laid_out(browser, site_url, path, width):
    """Nothing is left waiting: the scroll bar, jumps and axe see the real page."""
    page, state = at_load(browser, site_url + path, width)
    assert state["skipped"] > 0, state  # something waited at the load
    laid_out(page)  # fails after 15 s, naming how many still wait
    two_frames(page)
    after = page.evaluate(DEFERRED_JS)
    assert after["blocks"] == state["blocks"] and after["deferred"] == after["skipped"] == 0, after
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


@pytest.mark.parametrize(
    "path", ["/", "/evolution/", "/cooperation/", "/future/", "/conclusion/", "/timeline/"]
)
def test_the_papers_pages_and_the_timeline_defer_nothing(browser, site_url, path):
    page, state = at_load(browser, site_url + path, 1280)
    assert state["deferred"] == state["others"] == 0, state
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
