"""The built site in real Chromium: no foreign requests, note tooltips with original numbers."""

from __future__ import annotations

import pytest

from conftest import ROOT
from edition.model.edition import load_edition

pytestmark = pytest.mark.browser

# Every page a reader can reach (the PDF and the offline zip: tests/test_quality_privacy.py).


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


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
