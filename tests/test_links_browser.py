"""Linking for briefings, in real Chromium: deep links, the menus, the cite dialog.

Every address in data/anchors.txt is opened; expected addresses are computed from
``site_url`` in mkdocs.yml and the page's own ids, never written out here. The pages'
metadata (citation tags, Open Graph, JSON-LD) is checked on the built HTML, without a
browser: test_metadata.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PAPER_PAGES, ROOT
from edition.model.addresses import PDF_NAMES
from edition.model.edition import load_edition
from edition.model.manifest import read_entries
from edition.render.citation import DATE_FORMATS

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


def first_and_last(entries: list[str], built_site) -> list[str]:
    """Each page's address, and the first and the last of its deep addresses on the page."""
    chosen: list[str] = []
    for path in dict.fromkeys(entry.partition("#")[0] for entry in entries):
        listed = {entry.partition("#")[2] for entry in entries if entry.startswith(path + "#")}
        html = built_site.page(path.strip("/") or "index")
        ids = [element["id"] for element in html.select("[id]") if element["id"] in listed]
        chosen += [path, *(f"{path}#{id_}" for id_ in dict.fromkeys(ids[:1] + ids[-1:]))]
    return chosen


def test_published_addresses_open_with_their_target_in_view(page, site_url, built_site):
    # Opened fresh, as from a briefing: every page, and the first and the last of its
    # deep addresses on the page (the last has the whole page laid out above it). That
    # every address in the manifest exists is the build's check (edition check,
    # "missing"); that every id lands below the header once the page is open is
    # test_pages_in_chromium's.
    entries = [e for _, e in read_entries(ROOT) if e.removeprefix("/") not in PDF_NAMES]
    assert len(entries) > 250  # guards against an empty or unread manifest
    problems = []
    for entry in first_and_last(entries, built_site):
        anchor = entry.partition("#")[2]
        page.goto("about:blank")  # a real load each time, not a same-page jump
        response = page.goto(site_url + entry, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"{entry}: HTTP {response and response.status}")
            continue
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


CONTROLS = "article .edition-control"
MENU = "#edition-menu"


def shown_text(locator) -> str:
    """What the cite dialog shows, as the text it stands for (no display-only characters)."""
    return locator.inner_text().replace("\u2011", "-").replace("\u200b", "")


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_copy_link_copies_the_published_address_and_says_so(page, site_url, name):
    page.goto(site_url + path_of(name))
    controls = page.locator(CONTROLS)
    # One per paragraph and per heading of the author's text on the page.
    expected_count = page.locator("article p[id^='p'], article h1[id], article h2[id]").count()
    assert controls.count() == expected_count > 0
    for index in range(controls.count()):
        control = controls.nth(index)
        # The element the control belongs to: the paragraph or heading that holds it.
        anchor = control.evaluate("c => c.closest('p[id], h1[id], h2[id]').id")
        assert control.get_attribute("href") == f"#{anchor}"
        page.evaluate("() => navigator.clipboard.writeText('')")
        control.click()
        page.locator(MENU).get_by_role("button", name="Copy link").click()
        page.wait_for_function("() => document.querySelector('.edition-live').textContent")
        assert page.evaluate("() => navigator.clipboard.readText()") == (
            f"{SITE_URL.rstrip('/')}{path_of(name)}#{anchor}"
        )
        live = page.locator(".edition-live")
        assert live.get_attribute("aria-live") == "polite"
        assert live.get_attribute("role") == "status"
        assert live.text_content() == "Link copied"
        assert page.locator(MENU).is_hidden()  # done: the menu closes
        page.evaluate("() => { document.querySelector('.edition-live').textContent = ''; }")


# Every kind of data on the clipboard, as a pasting application would read it.
READ_CLIPBOARD = """async () => {
  const found = {};
  for (const item of await navigator.clipboard.read())
    for (const type of item.types) found[type] = await (await item.getType(type)).text();
  return found;
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_copy_quote_gives_the_authors_words_a_short_citation_and_the_address(
    browser, site_url, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    page.locator("#p2-1-1 .edition-control").click()
    page.locator(MENU).get_by_role("button", name="Copy quote").click()
    page.wait_for_function("() => document.querySelector('.edition-live').textContent")
    assert page.locator(".edition-live").text_content() == "Quote copied"
    copied = page.evaluate(READ_CLIPBOARD)
    words = page.evaluate(
        """() => { const p = document.getElementById("p2-1-1").cloneNode(true);
                   p.querySelectorAll(".editorial, sup").forEach(e => e.remove());
                   return p.textContent.replace(/\\s+/g, " ").trim(); }"""
    )
    assert words.startswith("NATO provides Iraq with support")
    address = f"{SITE_URL}cooperation/#p2-1-1"
    short = f"{PAPER.author}, {PAPER.title} ({PAPER.place}, {PAPER.month_name} {PAPER.year})"
    # Plain text, for any editor: quotation, short citation, ¶ number, address.
    assert copied["text/plain"] == f"“{words}” ({short}, ¶ 2.1.1) {address}"
    assert "On the timeline" not in copied["text/plain"] and "E9" not in copied["text/plain"]
    # Rich text, for Word and Outlook: the same words, the title in italics, a live link.
    html = BeautifulSoup(copied["text/html"], "html.parser")
    assert html.get_text() == copied["text/plain"]
    assert [(a["href"], a.get_text()) for a in html.find_all("a")] == [(address, address)]
    assert html.find("i").get_text() == PAPER.title
    assert not html.find("sup")  # the note marks are dropped
    context.close()


def test_keyboard_opens_the_menu_and_escape_gives_the_focus_back(page, site_url):
    page.goto(site_url + "/evolution/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('p .edition-control')"):
            break
    else:
        pytest.fail("Tab never reached a paragraph's control")
    focused = page.locator(":focus")
    assert focused.evaluate("b => getComputedStyle(b).outlineStyle") != "none"
    box = focused.bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24 and 0 <= box["y"] < 900
    anchor = focused.evaluate("b => b.closest('p[id]').id")
    focused = page.locator(f"#{anchor} .edition-control")  # :focus moves on
    assert focused.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    menu = page.locator(MENU)
    assert menu.is_visible() and focused.get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => document.activeElement.textContent") == "Copy link"
    page.keyboard.press("Escape")
    assert menu.is_hidden() and focused.get_attribute("aria-expanded") == "false"
    assert page.evaluate("(id) => document.activeElement.closest('p').id", anchor) == anchor
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # Copy link, the first item
    page.wait_for_function("() => document.querySelector('.edition-live').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == (
        f"{SITE_URL}evolution/#{anchor}"
    )
    assert page.evaluate("() => document.activeElement.closest('p').id") == anchor


def open_cite(page, anchor: str):
    """Open the cite dialog of a heading or paragraph; return the dialog."""
    page.locator(f"#{anchor} .edition-control").click()
    page.locator(MENU).get_by_role("button", name="Cite").click()
    dialog = page.locator("dialog.edition-cite")
    # The dialog's code arrives with the first menu (briefing.js): wait for it.
    dialog.wait_for(state="visible")
    return dialog


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_cite_gives_every_style_with_the_exact_address_and_todays_date(page, site_url, name):
    page.goto(site_url + path_of(name))
    headings = page.eval_on_selector_all("article :is(h1, h2)[id]", "hs => hs.map(h => h.id)")
    # The boxes are written in a <noscript>: at load they are no part of the page, and
    # the menu's Cite reads the one it needs from there.
    assert page.locator(".cite-boxes, details.cite-box").count() == 0
    written = page.eval_on_selector(
        "noscript.cite-boxes-source",
        "n => { const t = document.createElement('template'); t.innerHTML = n.textContent;"
        " return t.content.querySelectorAll('details.cite-box').length; }",
    )
    assert headings and written == len(headings)
    today = date.today()
    for anchor in headings:
        dialog = open_cite(page, anchor)
        url = f"{SITE_URL.rstrip('/')}{path_of(name)}#{anchor}"
        picker = dialog.get_by_label("Style")
        styles = picker.locator("option").all_text_contents()
        assert styles == ["Chicago", "APA", "BibTeX", "RIS"]
        for style in styles:
            picker.select_option(label=style)
            text = shown_text(dialog.locator(".edition-cite-text"))
            assert url in text, (anchor, text)
            assert any(f(today) in text for f in DATE_FORMATS.values()), text
            assert "[date of access]" not in text
        dialog.get_by_role("button", name="Close").click()
        assert dialog.is_hidden()


def test_cite_a_paragraph_copy_and_download_carry_the_reference(page, site_url):
    page.goto(site_url + "/cooperation/")
    dialog = open_cite(page, "p2-4-1")
    assert dialog.get_by_role("heading").inner_text() == "Cite paragraph 2.4.1"
    picker = dialog.get_by_label("Style")
    picker.select_option(label="Chicago")
    shown = shown_text(dialog.locator(".edition-cite-text"))
    assert f"{SITE_URL}cooperation/#p2-4-1" in shown
    assert "“Defence and cyber-security.”" in shown  # the section it stands in
    assert dialog.get_by_role("button", name="Download .bib").count() == 0  # none for Chicago
    dialog.get_by_role("button", name="Copy").click()
    page.wait_for_function("() => document.querySelector('.edition-live').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == shown
    assert page.locator(".edition-live").text_content() == "Chicago reference copied"
    for style, extension, date_format in (("BibTeX", "bib", "iso"), ("RIS", "ris", "ris")):
        picker.select_option(label=style)
        with page.expect_download() as download:
            dialog.get_by_role("button", name=f"Download .{extension}").click()
        saved = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == f"albayan2018-cyber-security.{extension}"
        assert f"{SITE_URL}cooperation/#p2-4-1" in saved
        assert DATE_FORMATS[date_format](date.today()) in saved
    # The choice of style is remembered for the next dialog.
    dialog.get_by_role("button", name="Close").click()
    assert page.evaluate("() => document.activeElement.closest('p').id") == "p2-4-1"
    assert open_cite(page, "cyber-security").get_by_label("Style").input_value() == "ris"


def test_an_address_never_breaks_at_its_hyphen_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    dialog = open_cite(page, "p2-4-1")
    for style in ("Chicago", "APA", "BibTeX", "RIS"):
        dialog.get_by_label("Style").select_option(label=style)
        # Each rendered line of the address, from the browser's own line boxes.
        lines = dialog.locator(".cite-url").evaluate(
            """url => { const range = document.createRange(); const text = url.firstChild;
                        const lines = []; let top = null;
                        for (let i = 0; i < text.length; i++) {
                          range.setStart(text, i); range.setEnd(text, i + 1);
                          const y = Math.round(range.getBoundingClientRect().top);
                          if (y !== top) { lines.push(""); top = y; }
                          lines[lines.length - 1] += text.data[i];
                        }
                        return lines; }"""
        )
        assert all(not line.endswith(("-", "\u2011")) for line in lines[:-1]), (style, lines)
    context.close()


def test_without_javascript_the_references_are_there_and_no_dead_buttons(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/cooperation/")
    page.locator("#cite-cyber-security summary").click()
    text = page.locator("#cite-cyber-security [data-cite-style=chicago]").inner_text()
    assert f"{SITE_URL}cooperation/#cyber-security" in text
    assert "Accessed [date of access]" in text
    assert page.locator("article button:visible").count() == 0
    assert page.locator("#p2-4-1 a.edition-control").is_visible()  # the number still links
    assert page.locator("#p2-1-1 .timeline-backlink").is_visible()  # the events, after it
    assert page.locator("sup.edition-ref").first.is_visible()  # the whole edition shows
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
