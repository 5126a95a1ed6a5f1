"""Linking for briefings, in real Chromium: deep links, copy-link, cite boxes, metadata.

Every address in data/anchors.txt is opened; expected addresses are computed from
``site_url`` in mkdocs.yml and the page's own ids, never written out here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import PAPER_PAGES, ROOT
from edition.extensions.citation import DATE_FORMATS
from edition.model.addresses import PDF_NAME, PDF_NAMES
from edition.model.edition import load_edition
from edition.model.manifest import read_entries
from edition.model.register import load_register

pytestmark = pytest.mark.browser

PAPER = load_edition(ROOT).paper
SITE_URL = PAPER.site_url  # what readers paste: the published address, not the test site_url's
PAGE_NAMES = [*PAPER_PAGES, "timeline", "sources", "about", "print"]


def path_of(name: str) -> str:
    return "/" if name == "index" else f"/{name}/"


@pytest.fixture
def context(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


# Where the target is, and where the sticky header ends, once the page has loaded.
MEASURE = """(id) => {
  const header = document.querySelector(".md-header").getBoundingClientRect();
  let target = id ? document.getElementById(id) : document.querySelector("article h1");
  if (!target) return null;
  // An alias is an empty element just above the text it keeps an old address for.
  if (target.classList.contains("anchor-alias")) {
    target = document.getElementById(target.dataset.aliasFor);
  }
  const box = target.getBoundingClientRect();
  return { header: header.bottom, top: box.top, viewport: window.innerHeight };
}"""


def test_every_published_address_opens_with_its_target_in_view(page, site_url):
    entries = [e for _, e in read_entries(ROOT) if e.removeprefix("/") not in PDF_NAMES]
    assert len(entries) > 250  # guards against an empty or unread manifest
    problems = []
    loaded = ""
    for entry in entries:
        path, _, anchor = entry.partition("#")
        if path == "/print/" and loaded == path:
            # /print/ holds every page at once (a 250 KB page, 130 addresses): after one real
            # load, its addresses are reached as a reader following its contents would.
            page.evaluate("(id) => { location.hash = id; }", anchor)
        else:
            page.goto("about:blank")  # a real load each time, not a same-page jump
            response = page.goto(site_url + entry, wait_until="load")
            if response is None or response.status != 200:
                problems.append(f"{entry}: HTTP {response and response.status}")
                continue
            loaded = path
        page.evaluate("() => new Promise(requestAnimationFrame)")
        box = page.evaluate(MEASURE, anchor)
        if box is None:
            problems.append(f"{entry}: no element with this id")
        elif not box["header"] - 0.5 <= box["top"] < box["viewport"]:
            problems.append(
                f"{entry}: target top at {box['top']:.0f}px, header ends at "
                f"{box['header']:.0f}px, viewport {box['viewport']}px"
            )
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_copy_link_copies_the_published_address_and_says_so(page, site_url, name):
    page.goto(site_url + path_of(name))
    live = page.locator(".edition-live")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    buttons = page.locator("button.copy-link")
    # One per paragraph and per heading of the author's text on the page.
    expected_count = page.locator("article p[id^='p'], article h1[id], article h2[id]").count()
    assert buttons.count() == expected_count > 0
    for index in range(buttons.count()):
        button = buttons.nth(index)
        # The element the button belongs to: its paragraph, or the heading above the line.
        anchor = button.evaluate(
            """b => (b.closest("p[id]") ||
                     b.closest(".anchor-tools").previousElementSibling).id"""
        )
        page.evaluate("() => navigator.clipboard.writeText('')")
        button.click()
        page.wait_for_function("() => document.querySelector('.edition-live').textContent")
        assert page.evaluate("() => navigator.clipboard.readText()") == (
            f"{SITE_URL.rstrip('/')}{path_of(name)}#{anchor}"
        )
        assert live.text_content() == "Link copied"
        page.evaluate("() => { document.querySelector('.edition-live').textContent = ''; }")


def test_keyboard_reaches_a_paragraph_copy_button_and_sees_it(page, site_url):
    page.goto(site_url + "/evolution/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('p .copy-link')"):
            break
    else:
        pytest.fail("Tab never reached a paragraph's copy-link button")
    focused = page.locator(":focus")
    # Hidden until focused: it fades in (125 ms) and shows a focus ring.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    assert focused.evaluate("b => getComputedStyle(b).outlineStyle") != "none"
    box = focused.bounding_box()
    assert box and box["width"] > 8 and 0 <= box["y"] < 900
    anchor = focused.evaluate("b => b.closest('p[id]').id")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.edition-live').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == (
        f"{SITE_URL}evolution/#{anchor}"
    )


def cite_boxes(page) -> list[tuple[str, object]]:
    """(heading id, cite box locator) for each cite box on the page."""
    boxes = page.locator("details.cite-box")
    return [
        (
            boxes.nth(i).evaluate("d => d.closest('.anchor-tools').previousElementSibling.id"),
            boxes.nth(i),
        )
        for i in range(boxes.count())
    ]


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_cite_box_gives_every_style_with_the_exact_address_and_todays_date(page, site_url, name):
    page.goto(site_url + path_of(name))
    boxes = cite_boxes(page)
    headings = page.locator("article h1[id], article h2[id]").count()
    assert len(boxes) == headings > 0  # the page's title, and on /cooperation/ the seven areas
    today = date.today()
    for anchor, box in boxes:
        box.locator("summary").click()
        url = f"{SITE_URL.rstrip('/')}{path_of(name)}#{anchor}"
        styles = box.locator(".cite-style")
        assert styles.count() == 4
        for i in range(4):
            text = styles.nth(i).locator(".cite-text").inner_text()
            assert url in text, (anchor, text)
            assert any(f(today) in text for f in DATE_FORMATS.values()), text
            assert "[date of access]" not in text
            assert styles.nth(i).locator("button[data-copy-cite]").is_visible()


def test_cite_copy_and_download_carry_the_reference(page, site_url):
    page.goto(site_url + "/cooperation/")
    anchor, box = cite_boxes(page)[4]  # the fourth area
    box.locator("summary").click()
    chicago = box.locator("[data-cite-style=chicago]")
    chicago.locator("button[data-copy-cite]").click()
    page.wait_for_function("() => document.querySelector('.edition-live').textContent")
    assert (
        page.evaluate("() => navigator.clipboard.readText()")
        == chicago.locator(".cite-text").text_content()
    )
    assert page.locator(".edition-live").text_content() == "Chicago reference copied"
    for extension, date_format in (("bib", "iso"), ("ris", "ris")):
        with page.expect_download() as download:
            box.locator(f"button[data-download$='.{extension}']").click()
        saved = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == f"albayan2018-{anchor}.{extension}"
        assert f"{SITE_URL}cooperation/#{anchor}" in saved
        assert DATE_FORMATS[date_format](date.today()) in saved


def test_without_javascript_the_references_are_there_and_no_dead_buttons(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    page.locator("#cyber-security + .anchor-tools summary").click()
    text = page.locator("#cyber-security + .anchor-tools [data-cite-style=chicago]").inner_text()
    assert f"{SITE_URL}cooperation/#cyber-security" in text
    assert "Accessed [date of access]" in text
    assert page.locator("article button:visible").count() == 0
    assert page.locator("#p2-4-1 a.anchor-number").is_visible()  # the number still links
    context.close()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_deep_link_target_is_highlighted_without_motion_for_those_who_ask(
    browser, site_url, motion
):
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(site_url + "/evolution/#p1-3")
    animation = page.eval_on_selector("#p1-3", "p => getComputedStyle(p).animationName")
    shadow = page.eval_on_selector("#p1-3", "p => getComputedStyle(p).boxShadow")
    if motion == "reduce":
        assert animation == "none" and shadow != "none"
    else:
        assert animation == "edition-target"
    context.close()


def meta(page, attribute: str, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f"head meta[{attribute}='{name}']", "ms => ms.map(m => m.content)"
    )


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_citation_tags_are_present_and_correct(page, site_url, name):
    page.goto(site_url + path_of(name))
    canonical = page.eval_on_selector("link[rel=canonical]", "l => l.href")
    expected = {
        "citation_title": "Prospects for Strategic Partnership between Iraq and NATO",
        "citation_author": "Al-Bayan Center for Planning and Studies",
        "citation_publisher": "Al-Bayan Center for Planning and Studies",
        "citation_publication_date": "2018/08",
        "citation_online_date": PAPER.online_date.replace("-", "/"),
        "citation_pdf_url": f"{SITE_URL}{PDF_NAME}",
        "citation_language": "en",
        "citation_public_url": canonical,
    }
    for tag, value in expected.items():
        assert meta(page, "name", tag) == [value], tag
    assert canonical == f"{SITE_URL.rstrip('/')}{path_of(name)}"


def test_json_ld_describes_the_paper_its_parts_and_its_sources(page, site_url):
    page.goto(site_url + "/")
    records = page.eval_on_selector_all(
        "script[type='application/ld+json']", "ss => ss.map(s => JSON.parse(s.textContent))"
    )
    assert len(records) == 1
    record = records[0]
    assert record["@type"] == "ScholarlyArticle"
    assert record["name"] == PAPER.title and record["datePublished"] == "2018-08"
    assert record["author"] == {"@type": "Organization", "name": PAPER.author}
    parts = record["hasPart"]
    assert [p["url"] for p in parts] == [f"{SITE_URL}{path_of(n).lstrip('/')}" for n in PAPER_PAGES]
    register = load_register(ROOT)
    urls = {r.url for note in register.notes.values() for r in note.records}
    assert {c["url"] for c in record["citation"]} == urls
    assert len(record["citation"]) == len(urls)
    # The section pages describe the same paper, without the list of cited records
    # (a twentieth of a page's weight); /print/ carries it, as the home page does.
    for name in PAPER_PAGES[1:]:
        page.goto(site_url + path_of(name))
        [section] = page.eval_on_selector_all(
            "script[type='application/ld+json']", "ss => ss.map(s => JSON.parse(s.textContent))"
        )
        assert section == {key: value for key, value in record.items() if key != "citation"}
        if name == "cooperation":
            areas = [a["url"].rpartition("#")[2] for a in parts[2]["hasPart"]]
            assert areas == page.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
    page.goto(site_url + path_of("print"))
    [whole] = page.eval_on_selector_all(
        "script[type='application/ld+json']", "ss => ss.map(s => JSON.parse(s.textContent))"
    )
    assert whole == record


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_open_graph_tags_on_every_page(page, site_url, name):
    page.goto(site_url + path_of(name))
    canonical = page.eval_on_selector("link[rel=canonical]", "l => l.href")
    description = meta(page, "name", "description")
    assert meta(page, "property", "og:description") == description
    assert meta(page, "property", "og:url") == [canonical]
    assert meta(page, "property", "og:type") == ["article"]
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # noqa: S506
    assert meta(page, "property", "og:site_name") == [config["site_name"]]
    title = meta(page, "property", "og:title")
    assert len(title) == 1 and title[0] in page.title()
    assert urlsplit(canonical).path == path_of(name)


def test_structured_data_is_valid_json_on_every_paper_page(page, site_url):
    for name in [*PAPER_PAGES, "print"]:
        page.goto(site_url + path_of(name))
        texts = page.eval_on_selector_all(
            "script[type='application/ld+json']", "ss => ss.map(s => s.textContent)"
        )
        assert len(texts) == 1, name
        assert json.loads(texts[0])["url"] == SITE_URL
