"""The light and dark palettes, in real Chromium, served as deployed (nginx, its policy).

Material's own palette script is not mounted (overrides/partials/palette.html says
why); a line after the header's toggle and edition.js do its work. What a reader sees:
the palette the system asks for from the first paint, the toggle that switches it (by
mouse or keyboard), and the choice kept on the next page, again from the first paint.
"""

from __future__ import annotations

import pytest

from quality import RECORD_VIOLATIONS_JS

pytestmark = pytest.mark.browser

# Runs before the page's own scripts: the palette at the moment the page's content
# starts (<main> inserted, before anything of the paper can be painted), and every
# policy violation (the inline lines must be allowed by their hashes).
# The palette as shown: the body's scheme, the browser's colour scheme, which toggle shows.
SHOWN_JS = """() => {
  const meta = document.querySelector('meta[name="color-scheme"]');
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    browser: meta && meta.content,
    toggles: [...document.querySelectorAll("form.md-header__option label")].map((l) => !l.hidden),
  };
}"""

WATCH_JS = (
    RECORD_VIOLATIONS_JS
    + f"""
window.__atMain = null;
new MutationObserver((changes, observer) => {{
  if (!document.querySelector("main")) return;
  window.__atMain = ({SHOWN_JS})();
  observer.disconnect();
}}).observe(document, {{childList: true, subtree: true}});
"""
)

LIGHT = {"scheme": "default", "browser": "light", "toggles": [True, False]}
DARK = {"scheme": "slate", "browser": "dark", "toggles": [False, True]}


def open_page(browser, url: str, scheme: str):
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    context.add_init_script(WATCH_JS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page, errors


@pytest.mark.parametrize(("system", "expected"), [("light", LIGHT), ("dark", DARK)])
def test_a_first_visit_has_the_systems_palette_from_the_first_paint(
    browser, deployed_url, system, expected
):
    page, errors = open_page(browser, f"{deployed_url}/cooperation/", system)
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("window.__atMain") == expected  # before the content: no flash
    page.wait_for_load_state("load")
    assert page.evaluate(SHOWN_JS) == expected  # and nothing changed it afterwards
    assert errors == []
    page.context.close()


def test_the_toggle_switches_and_the_choice_holds_on_the_next_page(browser, deployed_url):
    page, errors = open_page(browser, f"{deployed_url}/cooperation/", "light")
    # Material's toggle: a label for the next palette's (visually hidden) radio button.
    page.locator('form.md-header__option label[title="Switch to dark mode"]').click()
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate(SHOWN_JS) == DARK
    page.goto(f"{deployed_url}/future/")
    assert page.evaluate("window.__atMain") == DARK  # remembered, before the content
    # By keyboard: Enter on the focused option moves to the next palette, focus stays.
    page.focus("input[name='__palette']:checked")
    page.keyboard.press("Enter")
    assert page.evaluate(SHOWN_JS) == LIGHT
    assert page.evaluate("document.activeElement.matches(\"input[name='__palette']:checked\")")
    page.reload()
    assert page.evaluate("window.__atMain") == LIGHT
    assert errors == [] and page.evaluate("window.__violations") == []
    page.context.close()
