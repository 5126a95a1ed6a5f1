"""Briefing tools: quotes of selected words with a link to them, and the briefing pack.

The data the /briefing/ page is built from (checked against the edition model, without a
browser); then in real Chromium, on a phone (375 px) and a laptop (1280 px), with
clipboard permission: selected words quoted with their citation and a text fragment
link that lands on them; the pack added to from the menus, kept across a reload,
reordered and trimmed by keyboard, copied, printed, shared by link and opened from it
in a fresh browser, bad ids dropped with a message; nothing of it loaded by a paper page until
used; the page without JavaScript; and the offline edition read from a folder.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT
from devtools.browser import CHROMIUM, CHROMIUM_ARGS
from edition.extensions.briefing import DATA_ID, briefing_data, data_block
from edition.model.edition import load_edition
from edition.model.pages import NOTE_REF
from test_links_browser import READ_CLIPBOARD  # the clipboard as a pasting application reads it

EDITION = load_edition(ROOT)
PAPER = EDITION.paper
SITE_URL = PAPER.site_url  # what readers paste: the published address
WIDTHS = [375, 1280]
MENU = "#edition-menu"
BAR = ".edition-quote-bar"

# Select from the start of ``start`` in paragraph ``a`` to the end of ``end`` in ``b``.
SELECT = """([a, start, b, end]) => {
  function at(id, words, tail) {
    const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const i = walker.currentNode.data.indexOf(words);
      if (i >= 0) return [walker.currentNode, tail ? i + words.length : i];
    }
    throw new Error(words + " not in " + id);
  }
  const range = document.createRange();
  range.setStart(...at(a, start, false));
  range.setEnd(...at(b, end, true));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""

# Where the given words stand on the page now, against the viewport and the header.
WHERE = """([id, words]) => {
  const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const i = walker.currentNode.data.indexOf(words);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(walker.currentNode, i);
    range.setEnd(walker.currentNode, i + words.length);
    const box = range.getBoundingClientRect();
    const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
    return { top: box.top, bottom: box.bottom, header, height: innerHeight };
  }
  return null;
}"""


def paper_blocks():
    """Every paragraph of the paper, in the paper's order (the pages' section numbers)."""
    pages = sorted(EDITION.paper_pages, key=lambda page: int(page.meta["section"]))
    return [(page, block) for page in pages for block in page.blocks if block.kind == "paragraph"]


# ---- The page's data, from the edition model (no browser) ------------------------------


def test_the_data_holds_every_paragraph_of_the_paper_in_its_order_with_the_authors_words():
    data = briefing_data(EDITION)
    blocks = paper_blocks()
    assert [p["id"] for p in data["paragraphs"]] == [block.anchor for _, block in blocks]
    assert len(blocks) > 20
    for (page, block), record in zip(blocks, data["paragraphs"], strict=True):
        assert record["words"] == block.words, block.anchor
        assert record["url"] == PAPER.url(page.name, block.anchor)
        assert record["number"] == block.anchor[1:].replace("-", ".")
        # The author's notes 1–10 only, each number put back where the author wrote it.
        authors = [m.group(1) for m in NOTE_REF.finditer(block.text) if m.group(1).isdigit()]
        assert [n["id"] for n in record["notes"]] == authors
        rebuilt, at = "", 0
        for note in record["notes"]:
            rebuilt += record["words"][at : note["at"]] + f"[^{note['id']}]"
            at = note["at"]
            assert note["claim"] == EDITION.register.notes[note["id"]].claim
            assert note["url"] == PAPER.url("sources", f"note-{note['id']}")
        rebuilt += record["words"][at:]
        without_editorial = " ".join(
            NOTE_REF.sub(lambda m: m.group(0) if m.group(1).isdigit() else "", block.text).split()
        )
        assert rebuilt == without_editorial.replace(" [^", "[^"), block.anchor
    assert data["page"] == f"{SITE_URL}briefing/"


def test_no_words_can_close_the_data_block():
    block = data_block({"words": "</script><script>alert(1)</script>"})
    assert block.count("</script>") == 1 and block.endswith("</script>")
    inner = block.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(inner) == {"words": "</script><script>alert(1)</script>"}


def test_the_built_page_carries_the_data_and_without_javascript_says_what_to_do(built_site):
    page = built_site.page("briefing")
    script = page.select_one(f"script#{DATA_ID}")
    assert script["type"] == "application/json"  # data: no CSP hash needed, never run
    assert json.loads(script.string) == briefing_data(EDITION)
    said = page.select_one("noscript .briefing-nojs")
    assert "needs JavaScript" in said.get_text()
    assert said.select_one("a")["href"] == "../print/"
    assert page.select_one('nav a[href="./"]').get_text(strip=True) == "Briefing pack"


# ---- In Chromium -------------------------------------------------------------------------


def new_context(browser, site_url, width, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, accept_downloads=True, **options
    )
    if site_url.startswith("http"):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    return context


@pytest.fixture(params=WIDTHS, ids=["phone", "laptop"])
def page(request, browser, site_url):
    context = new_context(browser, site_url, request.param)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def said(page, message: str) -> None:
    """Wait until the page's live region says ``message``."""
    page.wait_for_function(
        "(m) => (document.querySelector('.edition-live') || {}).textContent === m", arg=message
    )


def clear_live(page) -> None:
    page.evaluate(
        "() => { const l = document.querySelector('.edition-live'); if (l) l.textContent = ''; }"
    )


def local(site_url: str, address: str) -> str:
    """The published address, opened on the test's server."""
    return address.replace(SITE_URL, site_url + "/")


def test_a_paper_page_loads_none_of_the_tools_until_they_are_used(browser, site_url):
    context = new_context(browser, site_url, 1280)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/evolution/", wait_until="networkidle")
    page.mouse.move(400, 400)
    assert not [url for url in requested if "briefing" in url]
    # The first use; its stylesheet is asked for once its script runs (the page's load
    # state was reached long before, so waiting for "networkidle" would not wait).
    with page.expect_request(lambda request: request.url.endswith("/briefing.css")):
        page.locator("#p1-3 .edition-control").click()
    assert [url.rsplit("/", 1)[1] for url in requested if "briefing" in url] == [
        "briefing.js",
        "briefing.css",
    ]
    context.close()


def test_selected_words_are_quoted_with_a_link_that_lands_on_them(browser, site_url, page):
    page.goto(site_url + "/evolution/")
    # Chosen mid-word at both ends: the quote takes whole words.
    page.evaluate(SELECT, ["p1-3", "hich included defensive", "p1-3", "provision of assistan"])
    page.locator(BAR).wait_for(state="visible")
    page.locator(BAR).get_by_role("button", name="Copy quote").click()
    said(page, "Quote copied")
    copied = page.evaluate(READ_CLIPBOARD)
    words = "which included defensive capacity-building measures and the provision of assistance"
    plain = copied["text/plain"]
    assert plain.startswith(f"“{words}” ({PAPER.author}, {PAPER.title} (")
    assert ", ¶ 1.3) " in plain
    link = plain.rsplit(" ", 1)[1]
    # The paragraph's address with a text fragment; its "-" percent-encoded.
    assert link.startswith(f"{SITE_URL}evolution/#p1-3:~:text=which%20included%20defensive")
    assert "capacity%2Dbuilding" in link and "-building" not in link
    html = BeautifulSoup(copied["text/html"], "html.parser")
    assert [(a["href"], a.get_text()) for a in html.find_all("a")] == [
        (link, f"{SITE_URL}evolution/#p1-3")
    ]
    # Copy link gives the link alone.
    clear_live(page)
    page.locator(BAR).get_by_role("button", name="Copy link").click()
    said(page, "Link copied")
    assert page.evaluate(READ_CLIPBOARD)["text/plain"] == link

    # Opened in a fresh browser context, a short window: the words are in view.
    fresh = browser.new_context(viewport={"width": page.viewport_size["width"], "height": 500})
    reader = fresh.new_page()
    reader.goto(local(site_url, link))
    # Chromium scrolls to the fragment once the page is laid out: waited for, up to 5 s.
    in_view = (
        f"(args) => {{ const b = ({WHERE})(args);"
        " return b && b.header <= b.top && b.bottom <= b.height; }"
    )
    with contextlib.suppress(PlaywrightTimeout):
        reader.wait_for_function(in_view, arg=["p1-3", "defensive capacity"], timeout=5000)
    box = reader.evaluate(WHERE, ["p1-3", "defensive capacity"])
    assert box["header"] <= box["top"] and box["bottom"] <= box["height"], box
    fresh.close()


def test_a_selection_across_two_paragraphs_quotes_both_with_both_addresses(site_url, page):
    page.goto(site_url + "/evolution/")
    page.evaluate(SELECT, ["p1-1", "as well as mapping", "p1-2", "Individual Partnership"])
    page.locator(BAR).get_by_role("button", name="Copy quote").click()
    said(page, "Quote copied")
    copied = page.evaluate(READ_CLIPBOARD)
    plain = copied["text/plain"]
    first, second = plain.split("\n")
    # The note mark between the two (after "police).") is dropped.
    assert first.startswith("“as well as mapping out NATO’s role") and first.endswith("police).")
    assert second.startswith("“In 2011, NATO granted") and "Individual Partnership”" in second
    assert "¶ 1.1 and 1.2)" in second
    links = second.rsplit(") ", 1)[1].split(" ")
    assert [link.split(":~:")[0] for link in links] == [
        f"{SITE_URL}evolution/#p1-1",
        f"{SITE_URL}evolution/#p1-2",
    ]
    assert all(":~:text=" in link for link in links)
    html = BeautifulSoup(copied["text/html"], "html.parser")
    assert len(html.find_all("p")) == 2 and len(html.find_all("a")) == 2


def test_the_menu_quotes_the_selection_inside_its_paragraph(site_url, page):
    page.goto(site_url + "/cooperation/")
    page.evaluate(SELECT, ["p2-4-1", "cyber", "p2-4-1", "threats"])
    page.locator(BAR).wait_for(state="visible")
    page.locator("#p2-4-1 .edition-control").click()
    page.locator(MENU).get_by_role("button", name="Copy quote of the selection").click()
    said(page, "Quote copied")
    plain = page.evaluate(READ_CLIPBOARD)["text/plain"]
    assert plain.startswith("“cyber") and "threats” (" in plain and ":~:text=" in plain


def test_keyboard_users_select_words_and_reach_the_control(browser, site_url):
    # Selecting text with the keyboard is caret browsing (F7 in Chromium and Firefox).
    caret = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-caret-browsing"]
    )
    try:
        context = caret.new_context(viewport={"width": 375, "height": 800})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
        page = context.new_page()
        page.goto(site_url + "/evolution/")
        page.locator("#p1-3 .edition-control").focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        for _ in range(20):
            page.keyboard.press("Shift+ArrowRight")
        page.wait_for_function("() => getSelection().toString().length === 20")
        page.locator(BAR).wait_for(state="visible")
        for _ in range(5):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.dataset.tool === 'quote'"):
                break
        else:
            pytest.fail("Tab never reached the Copy quote control")
        page.keyboard.press("Enter")
        said(page, "Quote copied")
        assert page.evaluate(READ_CLIPBOARD)["text/plain"].startswith(
            "“The relationship was given” ("  # 20 characters, widened to whole words
        )
    finally:
        caret.close()


def pack_ids(page) -> list[str]:
    page.locator(".briefing-view").wait_for()
    return page.eval_on_selector_all(".briefing-item", "items => items.map(i => i.dataset.id)")


def test_the_pack_keeps_the_papers_order_survives_a_reload_and_reorders_by_keyboard(site_url, page):
    page.goto(site_url + "/cooperation/")
    page.locator("#p2-4-1 .edition-control").click()
    page.locator(MENU).get_by_role("button", name="Add to briefing").click()
    said(page, "Added ¶ 2.4.1 to the briefing (1 paragraph)")
    page.goto(site_url + "/evolution/")
    for anchor, n in (("p1-5", 2), ("p1-1", 3)):
        page.locator(f"#{anchor} .edition-control").click()
        page.locator(MENU).get_by_role("button", name="Add to briefing").click()
        said(page, f"Added ¶ {anchor[1:].replace('-', '.')} to the briefing ({n} paragraphs)")
    # The menu now offers the opposite.
    page.locator("#p1-5 .edition-control").click()
    assert page.locator(MENU).get_by_role("button", name="Remove from briefing").is_visible()
    page.keyboard.press("Escape")

    page.goto(site_url + "/briefing/")
    assert pack_ids(page) == ["p1-1", "p1-5", "p2-4-1"]  # the paper's order
    for (paper_page, block), item in zip(
        [b for b in paper_blocks() if b[1].anchor in ("p1-1", "p1-5", "p2-4-1")],
        page.locator(".briefing-item").all(),
        strict=True,
    ):
        text = " ".join(item.inner_text().split())
        assert f"¶ {block.anchor[1:].replace('-', '.')}" in text
        address = PAPER.url(paper_page.name, block.anchor)
        assert item.locator(".briefing-address a").inner_text() == address
        words = item.locator(".briefing-words").evaluate(
            "q => { const c = q.cloneNode(true);"
            " c.querySelectorAll('sup').forEach(s => s.remove());"
            " return c.textContent.replace(/\\s+/g, ' ').trim(); }"
        )
        assert words == block.words
    notes = page.locator("[data-id=p1-1] .briefing-notes").inner_text()
    assert notes.startswith("Note 1 (original text lost; the edition’s summary):")

    page.reload()
    assert pack_ids(page) == ["p1-1", "p1-5", "p2-4-1"]

    # By keyboard: focus ¶ 2.4.1's "Move up", press Enter; the focus stays with it.
    page.locator("[data-id=p2-4-1] [data-pack=up]").focus()
    page.keyboard.press("Enter")
    assert pack_ids(page) == ["p1-1", "p2-4-1", "p1-5"]
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Move ¶ 2.4.1 up"
    )
    said(page, "¶ 2.4.1 moved up: 2 of 3")
    page.keyboard.press("Enter")
    assert pack_ids(page) == ["p2-4-1", "p1-1", "p1-5"]
    # At the top "Move up" is off: the focus went to "Move down".
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Move ¶ 2.4.1 down"
    )
    page.locator("[data-id=p1-1] [data-pack=remove]").click()
    assert pack_ids(page) == ["p2-4-1", "p1-5"]
    assert page.evaluate("() => localStorage.getItem('edition-briefing')") == "p2-4-1,p1-5"
    share = page.locator(".briefing-share a")
    assert share.inner_text() == f"{SITE_URL}briefing/#p2-4-1,p1-5"
    page.get_by_role("button", name="Paper’s order").click()
    assert pack_ids(page) == ["p1-5", "p2-4-1"]


def test_a_share_link_opens_the_same_pack_in_a_fresh_browser_and_drops_bad_ids(browser, site_url):
    context = new_context(browser, site_url, 375)
    page = context.new_page()
    page.goto(site_url + "/briefing/#p2-4-1,p1-5,p9-9,p1-5,<b>x</b>")
    assert pack_ids(page) == ["p2-4-1", "p1-5"]  # the order of the link; twice is once
    notice = page.locator(".briefing-notice")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "Opened a shared briefing of 2 paragraphs." in text
    assert "Left out, not paragraphs of this paper: p9-9, <b>x</b>." in text
    assert page.locator(".briefing-notice b").count() == 0  # shown as text, never as markup
    assert page.evaluate("() => localStorage.getItem('edition-briefing')") == "p2-4-1,p1-5"
    assert page.evaluate("() => location.hash") == ""
    # Someone else's pack replaces this reader's own, which can be restored.
    page.goto(site_url + "/briefing/#p0-1")
    assert pack_ids(page) == ["p0-1"]
    assert "replaces yours of 2 paragraphs" in page.locator(".briefing-notice").inner_text()
    page.get_by_role("button", name="Restore your previous briefing").click()
    assert pack_ids(page) == ["p2-4-1", "p1-5"]
    # A link naming nothing of the paper leaves the pack alone, and says so.
    page.goto(site_url + "/briefing/#nothing-here")
    assert pack_ids(page) == ["p2-4-1", "p1-5"]
    assert "your briefing is unchanged" in page.locator(".briefing-notice").inner_text()
    context.close()


def test_copy_all_and_print_carry_every_paragraph_and_address(site_url, page):
    page.goto(site_url + "/briefing/#p3-2,p1-3")
    chosen = {block.anchor: (page_, block) for page_, block in paper_blocks()}
    expected = [chosen["p3-2"], chosen["p1-3"]]
    share = f"{SITE_URL}briefing/#p3-2,p1-3"

    def holds_all(text: str) -> None:
        for paper_page, block in expected:
            assert PAPER.url(paper_page.name, block.anchor) in text
            assert block.words.split(".")[0] in " ".join(text.split())
        assert share in text
        assert text.index("p3-2") < text.index("evolution/#p1-3")  # the reader's order

    page.get_by_role("button", name="Copy all").click()
    said(page, "Briefing copied: 2 paragraphs")
    copied = page.evaluate(READ_CLIPBOARD)
    holds_all(copied["text/plain"])
    html = BeautifulSoup(copied["text/html"], "html.parser")
    holds_all(html.get_text(" "))
    assert {a["href"] for a in html.find_all("a")} >= {
        PAPER.url(p.name, b.anchor) for p, b in expected
    }
    assert "Note 10 (original text lost" in copied["text/plain"]

    # On paper: the byline, the words and the addresses; no buttons.
    page.emulate_media(media="print")
    assert page.locator(".briefing-byline").is_visible()
    assert page.locator(".briefing-address").first.is_visible()
    assert page.locator(".briefing-view button:visible").count() == 0
    assert page.locator(".edition-print-address").inner_text() == share


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_on_a_full_pack_nor_beside_a_selection(browser, site_url, width, scheme):
    from test_quality_a11y import violations  # the gate's own rules and options

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/briefing/#p1-1,p2-4-1,p3-2,bad-id")
    page.locator(".briefing-item").first.wait_for()
    assert page.locator(".briefing-notice").is_visible()
    assert violations(page) == []
    page.goto(site_url + "/evolution/")
    page.evaluate(SELECT, ["p1-3", "which included", "p1-3", "of assistance"])
    page.locator(BAR).wait_for(state="visible")
    assert violations(page) == []
    context.close()


def test_without_javascript_the_page_says_what_it_does_and_links_the_print_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/briefing/")
    assert page.locator(".briefing-intro").is_visible()
    notice = page.locator(".briefing-nojs")
    assert notice.is_visible() and "needs JavaScript" in notice.inner_text()
    notice.get_by_role("link", name="the whole paper on one page").click()
    assert page.url == site_url + "/print/"
    context.close()


# ---- The offline edition, from a folder ---------------------------------------------------


@pytest.fixture(scope="module")
def offline(offline_edition) -> Path:
    """The offline edition, unpacked from the session build's zip."""
    return offline_edition


@pytest.mark.build
def test_the_pack_works_in_the_offline_edition_from_a_folder(browser, offline):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline / "evolution.html").as_uri())
    page.locator("#p1-3 .edition-control").click()
    page.locator(MENU).get_by_role("button", name="Add to briefing").click()
    said(page, "Added ¶ 1.3 to the briefing (1 paragraph)")
    page.click("nav.md-nav--primary >> text=Briefing pack")
    page.wait_for_url((offline / "briefing.html").as_uri())
    assert pack_ids(page) == ["p1-3"]
    # Read in context here, in the folder; the address and share link stay the public ones.
    number = page.locator("[data-id=p1-3] .briefing-title a")
    assert number.get_attribute("href") == (offline / "evolution.html").as_uri() + "#p1-3"
    assert page.locator(".briefing-address a").inner_text() == f"{SITE_URL}evolution/#p1-3"
    assert page.locator(".briefing-share a").inner_text() == f"{SITE_URL}briefing/#p1-3"
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    assert errors == []
    context.close()
