"""The built site in real Chromium: no foreign requests, note tooltips with original numbers."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from edition.model.edition import load_edition
from quality import ALL_PAGES

pytestmark = pytest.mark.browser

# Every page a reader can reach (the PDF and the offline zip: tests/test_quality_privacy.py).


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_request_leaves_the_host_and_no_console_errors(page, site_url, path):
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path, wait_until="networkidle")
    # Open the search, which loads the index and worker, to catch late requests too.
    page.keyboard.press("/")
    page.keyboard.type("NATO")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    host = urlsplit(site_url).netloc
    foreign = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != host
    ]
    assert requests, "no requests recorded at all"
    assert foreign == []
    assert errors == []


@pytest.mark.parametrize(("path", "number"), [("/evolution/", 3), ("/cooperation/", 7)])
def test_note_tooltip_shows_the_original_number_and_records(page, site_url, path, number):
    page.goto(site_url + path)
    page.hover(f"a.footnote-ref[href='#fn:{number}']")
    tooltip = page.locator(".md-tooltip2").filter(has_text=f"Note {number}.")
    tooltip.wait_for(state="visible")
    # It leads with what the note marks and how far the records bear it out.
    note = load_edition(ROOT).register.notes[str(number)]
    text = " ".join(tooltip.inner_text().split())
    assert text.startswith(
        f"Note {number}. {' '.join(note.claim.split())} Verdict: {note.verdict}."
    )
    assert "not available" not in text and "lost" not in text  # said once, above the notes
    assert tooltip.locator("a[href^='http']").count() >= 2


def test_note_preview_is_built_on_first_use_and_works_by_keyboard_and_pointer(page, site_url):
    page.goto(site_url + "/cooperation/")
    # Nothing is set up per note number at load: no preview, no tooltip, until wanted.
    assert page.locator(".md-tooltip2").count() == 0
    preview = page.get_by_role("dialog", name="Note 7")
    page.focus("a.footnote-ref[href='#fn:7']")  # keyboard: focus opens it
    preview.wait_for(state="visible")
    assert " ".join(preview.inner_text().split()).startswith("Note 7.")
    assert page.locator("#edition-note-preview [id]").count() == 0  # a copy: no repeated ids
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    # Pointer: the preview stays while the pointer crosses into it, to reach a record's
    # link, and closes once the pointer has left both.
    ref = page.locator("a.footnote-ref[href='#fn:E9']")
    # A quarter down the window (at once, not smoothly), so that the preview opens below
    # it, clear of the header, and nothing needs scrolling while the pointer moves.
    ref.evaluate(
        "e => scrollTo({top: e.getBoundingClientRect().top + scrollY - innerHeight / 4,"
        " behavior: 'instant'})"
    )
    ref.hover()
    editorial = page.get_by_role("dialog", name="Editorial note E9")
    editorial.wait_for(state="visible")
    page.wait_for_timeout(500)  # its fade and slide in
    box = page.locator("#edition-note-preview .md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(400)
    assert editorial.is_visible()
    page.mouse.move(5, 400)
    editorial.wait_for(state="hidden")


def test_note_preview_opens_where_it_fits_never_under_the_header(browser, site_url):
    # A short laptop window: the preview (up to 40% of the window high) fits below a
    # number in the upper part, only above it near the bottom.
    page = browser.new_page(viewport={"width": 1280, "height": 480})
    page.goto(site_url + "/cooperation/")
    ref = page.locator("a.footnote-ref[href='#fn:7']")
    header = page.locator(".md-header").bounding_box()
    inner = page.locator("#edition-note-preview .md-tooltip2__inner")
    for fraction in (0.15, 0.35, 0.52, 0.7, 0.9):
        ref.evaluate(
            "(e, f) => scrollTo({top: e.getBoundingClientRect().top + scrollY - innerHeight * f,"
            " behavior: 'instant'})",
            fraction,
        )
        page.mouse.move(5, 5)
        page.locator("#edition-note-preview.md-tooltip2--active").wait_for(state="detached")
        ref.hover()
        page.locator("#edition-note-preview.md-tooltip2--active").wait_for()
        page.wait_for_timeout(450)  # its slide into place
        number, box = ref.bounding_box(), inner.bounding_box()
        header_bottom = header["y"] + header["height"]
        fits_below = 480 - (number["y"] + number["height"]) >= box["height"] + 16
        fits_above = number["y"] - header_bottom >= box["height"] + 16
        assert box["y"] >= header_bottom, f"under the header at {fraction}"
        if fits_below or not fits_above:
            assert box["y"] > number["y"], f"above the number at {fraction}"
        else:
            assert box["y"] + box["height"] < number["y"], f"not above the number at {fraction}"
    page.close()


def test_backlink_returns_to_the_reference(page, site_url):
    page.goto(site_url + "/cooperation/#fn:9")
    page.click("#fn\\:9 a.footnote-backref")
    assert page.url.endswith("#fnref:9")
    assert page.locator("#fnref\\:9").is_visible()


def test_timeline_filter_shows_the_papers_events_only(page, site_url):
    page.goto(site_url + "/timeline/")
    context = page.locator("li.timeline-event--context")
    paper = page.locator("li.timeline-event--paper")
    assert context.count() > 0 and paper.count() > 0
    assert context.first.is_visible()
    page.get_by_label("The paper’s events only").check()
    assert all(not item.is_visible() for item in context.all())
    assert all(item.is_visible() for item in paper.all())
    page.get_by_label("The paper’s events and context").check()
    assert context.first.is_visible()


def test_timeline_filter_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/timeline/")
    events = page.locator("li.timeline-event")
    assert events.count() > 40
    assert all(item.is_visible() for item in events.all())
    page.get_by_label("The paper’s events only").check()
    assert all(not item.is_visible() for item in page.locator("li.timeline-event--context").all())
    assert page.locator("li.timeline-event--paper").first.is_visible()
    context.close()
