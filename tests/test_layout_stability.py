"""Nothing moves under the reader's eyes: no layout shift while a page loads.

On a slow network a page paints before its scripts arrive, and whatever the scripts then
reveal (copy-link buttons, a filter) pushes the text down if it takes room it did not
have; so would a block laid out after the load (edition.css, "Speed") if that changed its
box. Chromium measures this as cumulative layout shift. The test serves the site with
every script held back for a moment, so the page always paints first, loads every page
on a phone (touch, where the paragraph buttons sit in the line) and on a laptop, waits
until every deferred block is laid out, and reads every shift Chromium recorded.
"""

from __future__ import annotations

import time

import pytest

from devtools.browser import QuietHandler, serve
from devtools.nginx import serve_with_nginx
from quality import ALL_PAGES, laid_out

pytestmark = pytest.mark.browser

SCRIPT_DELAY = 0.6  # seconds: ample for HTML and stylesheets to arrive and paint
DEVICES = {
    "phone": {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": {"width": 1280, "height": 800}},
}
RECORD = """
window.editionShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.editionShifts.push({
      value: entry.value,
      nodes: entry.sources.map((s) => (s.node ? `${s.node.nodeName}.${s.node.className}` : "?")),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
// Material's bundle, the last of the page's scripts, publishes its observables on
// window (document$ first) the moment it runs. (Its "no-js" to "js" swap on the root,
// once the sign, is now made by a line in the page's head.)
let published;
Object.defineProperty(window, "document$", {
  configurable: true,
  get() { return published; },
  set(value) {
    published = value;
    if (window.editionScriptsRan === undefined) window.editionScriptsRan = performance.now();
  },
});
"""


class SlowScripts(QuietHandler):
    """Serves scripts late, as a slow network does; everything else at once."""

    def do_GET(self):  # noqa: N802 - the stdlib's name
        """Hold a script back, then serve it as usual."""
        if self.path.split("?")[0].endswith(".js"):
            time.sleep(SCRIPT_DELAY)
        super().do_GET()


@pytest.fixture(scope="module")
def slow_site(built_site):
    with serve(built_site.site, SlowScripts) as url:
        yield url


def recorded(browser, url: str, device: str, **goto):
    """The page at ``url`` on ``device``, its layout shifts recorded.

    Recorded until every block that waited off screen is laid out, and a moment more.
    """
    page = browser.new_context(**DEVICES[device]).new_page()
    page.add_init_script(RECORD)
    page.goto(url, **goto)
    laid_out(page)
    page.wait_for_timeout(300)
    return page


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", ALL_PAGES)
def test_nothing_shifts_while_the_page_loads(browser, slow_site, path, device):
    page = recorded(browser, slow_site + path, device, wait_until="networkidle")
    painted_first = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0].startTime"
        " < window.editionScriptsRan"
    )
    shifts = page.evaluate("window.editionShifts")
    page.context.close()
    # Otherwise the test would prove nothing: the scripts ran before anything showed.
    assert painted_first, "the page did not paint before its scripts ran"
    assert shifts == []


@pytest.fixture(scope="module")
def deployed_url(make_builds):
    with serve_with_nginx(make_builds[0].site) as url:
        yield url


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", ALL_PAGES)
def test_nothing_shifts_as_deployed(browser, deployed_url, path, device):
    """Nothing shifts either when the page is served as deployed.

    The page then arrives compressed, in pieces, and the browser may paint what it has
    parsed so far: a header painted before its search was parsed put the palette toggle
    at the far right, then moved it. That paint comes and goes with the machine's timing
    (before the fix, 2 of these 20 cases failed with two loads each), so each page is
    loaded three times.
    """
    shifts = []
    for _ in range(3):
        page = recorded(browser, deployed_url + path, device)
        shifts += page.evaluate("window.editionShifts")
        page.context.close()
    assert shifts == []
