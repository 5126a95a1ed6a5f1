"""The reader's choice of layer holds from the first paint, in real Chromium.

With the edition's layer hidden, a reload must never show the E-notes for a moment: the
class ``edition-plain`` is on ``<html>`` before the body exists, i.e. before anything of
the page can be painted (edition.js, at the end of the body, would set it too late).
Served as deployed (nginx, with its Content-Security-Policy, which must allow the inline
script by its hash) and opened from a folder (file://, as the offline edition is).
"""

from __future__ import annotations

import pytest

from quality import RECORD_VIOLATIONS_JS

pytestmark = pytest.mark.browser

PAGE = "cooperation"

# Runs before the page's own scripts: note the class at the moment <body> is inserted,
# and every policy violation.
WATCH_JS = (
    RECORD_VIOLATIONS_JS
    + """
window.__plainAtBody = null;
new MutationObserver((changes, observer) => {
  if (!document.body) return;
  window.__plainAtBody = document.documentElement.classList.contains("edition-plain");
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});
"""
)

# Storage that refuses the edition (as with some privacy settings, or a full quota):
# reading or writing its keys throws. Only the edition's keys, so that an error
# reported is the edition's (Material's own storage helpers do not all catch).
REFUSE_STORAGE_JS = """
for (const name of ["getItem", "setItem"]) {
  const real = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith("edition-")) {
      throw new DOMException("The operation is insecure.", "SecurityError");
    }
    return real.call(this, key, ...rest);
  };
}
"""


def hide_layer_then_reload(browser, url: str) -> dict:
    """Hide the layer with the switch, reload; what the watcher saw, and the errors."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(WATCH_JS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    assert page.evaluate("window.__plainAtBody") is False  # shown by default
    page.get_by_role("button", name="The edition’s notes").click()
    page.reload()
    seen = {
        "plain_at_body": page.evaluate("window.__plainAtBody"),
        "edition_ref_hidden": page.locator("sup.edition-ref").first.is_hidden(),
        "violations": page.evaluate("window.__violations"),
        "errors": errors,
    }
    context.close()
    return seen


def test_served_as_deployed_a_hidden_layer_is_hidden_before_the_body(browser, deployed_url):
    seen = hide_layer_then_reload(browser, f"{deployed_url}/{PAGE}/")
    assert seen["violations"] == []  # the policy lists the inline script's hash
    assert seen["plain_at_body"] is True
    assert seen["edition_ref_hidden"] and seen["errors"] == []


def test_opened_from_a_folder_a_hidden_layer_is_hidden_before_the_body(browser, built_site):
    # The public build, opened from a folder: its search needs a server (the offline
    # edition's own search is tested in test_quality_offline), so errors are not asserted.
    url = (built_site.site / PAGE / "index.html").as_uri()
    seen = hide_layer_then_reload(browser, url)
    assert seen["plain_at_body"] is True
    assert seen["edition_ref_hidden"]


def test_a_browser_that_refuses_storage_shows_the_layer_and_the_switch_works(browser, site_url):
    # Served without a policy: a changed head script must still be seen to run.
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(REFUSE_STORAGE_JS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{PAGE}/")
    assert page.locator("sup.edition-ref").first.is_visible()
    page.get_by_role("button", name="The edition’s notes").click()
    assert page.locator("sup.edition-ref").first.is_hidden()  # for this page, unremembered
    assert errors == []
    context.close()
